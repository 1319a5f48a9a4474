import { handle } from 'hono/aws-lambda';
import { guardEvents } from '../lib/http/lambda-event.js';
import { createEmfRecorder } from '../lib/telemetry/emf.js';
import { lambdaMetrics, lambdaTracing, withLambdaContext } from '../lib/telemetry/lambda.js';
import { createContext } from './context.js';

const { app, logger, telemetry } = createContext(process.env, undefined, {}, ({ planMetricsNamespace }) => {
  const metrics = lambdaMetrics(planMetricsNamespace);
  return { metrics, recorder: createEmfRecorder(metrics), tracing: lambdaTracing };
});

/** Lambda behind the API Gateway HTTP API (v2 events; v1 REST events work too); other events get a 400. */
export const handler = withLambdaContext(logger, guardEvents(handle(app)), telemetry?.metrics);
