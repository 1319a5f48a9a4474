/** Plan metrics (Prometheus in the container, EMF on Lambda) and the Lambda entries' tracing and log context. */
export { tasksByModeAndPool, type MetricsExposition, type PlanRecorder } from './recorder.js';
export { createPrometheusMetrics } from './prometheus.js';
export { createEmfRecorder } from './emf.js';
export { lambdaMetrics, lambdaTracing, tracingWith, withLambdaContext, type TraceClient } from './lambda.js';
