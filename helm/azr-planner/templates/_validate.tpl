{{/*
The cross-field rules values.schema.json cannot express: the planner's TunablesSchema pairs
(lib/config/tunables.ts), so a bad pair fails at install time instead of being dropped with a warning by the
running planner, and the chart's own (a LoadBalancer must not go public by accident, extraEnv must not set
what the chart sets).
*/}}
{{- define "azr-planner.validate" -}}
{{- $p := .Values.azrPlanner }}
{{- /* tunables:start (npm run generate: the cross-field rules of lib/config/tunables.ts) */}}
{{- if gt (float64 $p.lowFreeThreshold) (float64 $p.highFreeThreshold) }}
{{- fail (printf "azrPlanner.lowFreeThreshold (%v) must not exceed azrPlanner.highFreeThreshold (%v)" $p.lowFreeThreshold $p.highFreeThreshold) }}
{{- end }}
{{- if gt (float64 $p.minTasks) (float64 $p.maxTasks) }}
{{- fail (printf "azrPlanner.minTasks (%v) must not exceed azrPlanner.maxTasks (%v)" $p.minTasks $p.maxTasks) }}
{{- end }}
{{- /* tunables:end */}}
{{- if and (eq .Values.service.type "LoadBalancer") (not .Values.service.loadBalancerSourceRanges) (not .Values.service.allowAnySource) }}
{{- fail "service.type LoadBalancer without service.loadBalancerSourceRanges would accept every address its load balancer can reach (the internet, for a public one): list the allowed CIDRs in service.loadBalancerSourceRanges, or set service.allowAnySource: true to accept that deliberately" }}
{{- end }}
{{- $chartEnv := list "PORT" "PLANNER_AUTH_TOKEN" }}
{{- range $key, $_ := $p }}
{{- if ne $key "enabled" }}
{{- $chartEnv = append $chartEnv (include "azr-planner.envName" $key) }}
{{- end }}
{{- end }}
{{- range .Values.extraEnv }}
{{- if has .name $chartEnv }}
{{- fail (printf "extraEnv: %s is set by the chart; a tunable goes under azrPlanner, the port is containerPort, the token auth.existingSecret" .name) }}
{{- end }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail (printf "autoscaling.minReplicas (%v) must not exceed autoscaling.maxReplicas (%v)" .Values.autoscaling.minReplicas .Values.autoscaling.maxReplicas) }}
{{- end }}
{{- end }}
