{{/* Chart name, overridable, cut to the 63 characters a label value allows. */}}
{{- define "azr-planner.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: the release name, plus the chart name unless the release already contains it. */}}
{{- define "azr-planner.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The CronJob's name, short enough for the Job and Pod names Kubernetes derives from it (52 characters). */}}
{{- define "azr-planner.cronJobName" -}}
{{- printf "%s-plan" (include "azr-planner.fullname" .) | trunc 52 | trimSuffix "-" }}
{{- end }}

{{/*
The server pod's grace period, from what it has to hold: the preStop pause, then the server's own drain after
SIGTERM (azrPlanner.shutdownGraceSeconds), then 5 s to close its workers and exit. A fixed number here let a
longer drain be cut short by SIGKILL.
*/}}
{{- define "azr-planner.terminationGracePeriodSeconds" -}}
{{- add .Values.shutdownDelaySeconds .Values.azrPlanner.shutdownGraceSeconds 5 }}
{{- end }}

{{- define "azr-planner.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the release's pods; they never change across upgrades (selectors are immutable). */}}
{{- define "azr-planner.selectorLabels" -}}
app.kubernetes.io/name: {{ include "azr-planner.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The standard app.kubernetes.io labels of every resource. */}}
{{- define "azr-planner.labels" -}}
helm.sh/chart: {{ include "azr-planner.chart" . }}
{{ include "azr-planner.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: azr-planner
{{- end }}

{{/* The server's ServiceAccount. */}}
{{- define "azr-planner.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "azr-planner.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The CronJob's ServiceAccount: its own, so the network-facing server never holds the publishing role. */}}
{{- define "azr-planner.cronJobServiceAccountName" -}}
{{- if .Values.cronJob.serviceAccount.create }}
{{- default (include "azr-planner.cronJobName" .) .Values.cronJob.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.cronJob.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Whether the CronJob runs: `cronJob.suspend` true/false decides; "auto" runs it only when its ServiceAccount has an
IRSA role, since without AWS access every run would fail.
*/}}
{{- define "azr-planner.cronJobSuspended" -}}
{{- $suspend := .Values.cronJob.suspend }}
{{- if kindIs "bool" $suspend }}
{{- $suspend }}
{{- else }}
{{- not (hasKey .Values.cronJob.serviceAccount.annotations "eks.amazonaws.com/role-arn") }}
{{- end }}
{{- end }}

{{/* The image by digest when one is given (immutable: what was scanned is what runs), else by tag. */}}
{{- define "azr-planner.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* The label a pod carries to be let through the server's NetworkPolicy. */}}
{{- define "azr-planner.clientLabel" -}}
{{ include "azr-planner.fullname" . }}-client: "true"
{{- end }}

{{/* A tunable's env var name, as lib/config/tunables.ts envName() spells it: camelCase to UPPER_SNAKE. */}}
{{- define "azr-planner.envName" -}}
{{- regexReplaceAll "([A-Z])" . "_${1}" | upper }}
{{- end }}

{{/*
Every tunable under azrPlanner (all keys but `enabled`; values.schema.json admits no others) as an env var.
Numbers go through toJson because YAML numbers reach templates as float64, and plain printing would turn
10485760 into 1.048576e+07, which the planner would still parse but a human would not recognise.
*/}}
{{- define "azr-planner.tunableEnv" -}}
{{- range $key, $value := .Values.azrPlanner }}
{{- if ne $key "enabled" }}
- name: {{ include "azr-planner.envName" $key }}
  value: {{ if kindIs "string" $value }}{{ $value | quote }}{{ else }}{{ toJson $value | quote }}{{ end }}
{{- end }}
{{- end }}
{{- end }}

{{/* The env of both workloads: every tunable, then the user's extraEnv. */}}
{{- define "azr-planner.env" -}}
{{ include "azr-planner.tunableEnv" . | trim }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Container settings shared by the server and the CronJob: image, extra env sources, hardening, mounts. */}}
{{- define "azr-planner.containerCommon" -}}
image: {{ include "azr-planner.image" . }}
imagePullPolicy: {{ .Values.image.pullPolicy }}
{{- with .Values.envFrom }}
envFrom:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- include "azr-planner.containerSecurityContext" . | nindent 2 }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
  {{- with .Values.extraVolumeMounts }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}

{{/* Pod-level hardening shared by the server and the CronJob. */}}
{{- define "azr-planner.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level hardening shared by the server and the CronJob. */}}
{{- define "azr-planner.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Pod settings shared by the server and the CronJob: scheduling, writable /tmp on a read-only root. */}}
{{- define "azr-planner.podCommon" -}}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
securityContext:
  {{- include "azr-planner.podSecurityContext" . | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 64Mi
  {{- with .Values.extraVolumes }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}

{{/* Egress of every release pod when restricted: DNS, and HTTPS to the AWS endpoints. */}}
{{- define "azr-planner.egressRules" -}}
egress:
  # Name resolution, wherever the cluster DNS runs.
  - ports:
      - port: 53
        protocol: UDP
      - port: 53
        protocol: TCP
  # The AWS APIs (CloudWatch, SSM, EventBridge, STS for IRSA) are HTTPS.
  - ports:
      - port: 443
        protocol: TCP
    to:
      {{- range .Values.networkPolicy.egressCidrs }}
      - ipBlock:
          cidr: {{ . }}
      {{- end }}
{{- end }}
