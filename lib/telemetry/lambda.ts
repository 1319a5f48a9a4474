import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import type { Logger } from '../log/logger.js';

const SERVICE = 'azr-planner';

/** Wraps an SDK client so its calls become X-Ray subsegments (a no-op outside Lambda or with tracing off). */
export type TraceClient = <C>(client: C) => C;

export const tracingWith =
  (tracer: Tracer): TraceClient =>
  (client) =>
    tracer.captureAWSv3Client(client);

let tracing: Promise<TraceClient> | undefined;
/**
 * Powertools' Tracer, loaded on first use: the X-Ray SDK under it is ~110 KB that the API Lambda's cold start
 * would otherwise parse even with no AWS source configured (its SDK clients are built on first use too).
 */
export const lambdaTracing = (): Promise<TraceClient> =>
  (tracing ??= import('@aws-lambda-powertools/tracer').then(({ Tracer }) => tracingWith(new Tracer({ serviceName: SERVICE }))));

/** Powertools Metrics: EMF lines on stdout, which Lambda's log pipeline turns into CloudWatch metrics. */
export const lambdaMetrics = (namespace: string): Metrics => new Metrics({ namespace, serviceName: SERVICE });

/**
 * A Lambda handler whose log lines carry the invocation's context (request id, cold start) and whose metrics
 * are flushed when the invocation ends.
 */
export function withLambdaContext<E, R>(logger: Logger, handler: (event: E, context: Context) => Promise<R>, metrics?: Metrics) {
  return async (event: E, context: Context): Promise<R> => {
    logger.addContext(context);
    try {
      return await handler(event, context);
    } finally {
      // Without the check, Powertools warns on every invocation that stored nothing (a probe, a 400).
      if (metrics?.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
