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

{{- define "azr-planner.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "azr-planner.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "azr-planner.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
Every tunable under azrPlanner (all keys but `enabled`; values.schema.json admits no others) as an env var,
named the way lib/config/tunables.ts envName() spells it: camelCase to UPPER_SNAKE.
Numbers go through toJson because YAML numbers reach templates as float64, and plain printing would turn
10485760 into 1.048576e+07, which the planner would still parse but a human would not recognise.
*/}}
{{- define "azr-planner.tunableEnv" -}}
{{- range $key, $value := .Values.azrPlanner }}
{{- if ne $key "enabled" }}
- name: {{ regexReplaceAll "([A-Z])" $key "_${1}" | upper }}
  value: {{ if kindIs "string" $value }}{{ $value | quote }}{{ else }}{{ toJson $value | quote }}{{ end }}
{{- end }}
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

{{/* Pod settings shared by the server and the CronJob: identity, scheduling, writable /tmp on a read-only root. */}}
{{- define "azr-planner.podCommon" -}}
serviceAccountName: {{ include "azr-planner.serviceAccountName" . }}
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
volumes:
  - name: tmp
    emptyDir:
      sizeLimit: 64Mi
{{- end }}
