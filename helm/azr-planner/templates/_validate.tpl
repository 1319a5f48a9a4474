{{/*
The cross-field rules of the planner's TunablesSchema (lib/config/tunables.ts), which values.schema.json
cannot express: checked here so a bad pair fails at install time instead of being dropped with a warning
by the running planner.
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
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail (printf "autoscaling.minReplicas (%v) must not exceed autoscaling.maxReplicas (%v)" .Values.autoscaling.minReplicas .Values.autoscaling.maxReplicas) }}
{{- end }}
{{- end }}
