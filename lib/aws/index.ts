/**
 * The AWS adapters. The composition root (lib/compose/sources.ts) imports the source adapters file by file on
 * first use instead, so a process that never reads AWS never loads the SDK; this is the surface for tests
 * and tools.
 */
export { awsClientConfig } from './client-config.js';
export { createCloudWatchStateSource } from './cloudwatch/state-source.js';
export { createCloudWatchPlanMetrics, planMetricData, recordPlanMetrics } from './cloudwatch/plan-metrics.js';
export { createEventBridgePlanSink, publishPlan, PublishError } from './eventbridge/publisher.js';
export { planEntry, MAX_ENTRY_BYTES, PLAN_DETAIL_TYPE, PLAN_EVENT_SOURCE } from './eventbridge/plan-entry.js';
export { createSsmTunablesSource } from './ssm/tunables-source.js';
export { parseScheduledEvent } from './scheduled/event.js';
export { InvalidScheduledEventError, scheduledHandler } from './scheduled/handler.js';
export { AWS_RESPONSE_CAP_BYTES, guardClient } from './guards.js';
