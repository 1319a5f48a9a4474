import { Hono, type Context, type MiddlewareHandler, type TypedResponse } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { debugEnabled, type Logger } from '../log/logger.js';
import type { Plan } from '../schema/plan.js';
import type { PlanService } from '../service/plan-service.js';
import type { MetricsExposition, PlanRecorder } from '../telemetry/recorder.js';
import { firstIssues, MAX_LISTED_ISSUES } from '../schema/issues.js';
import { PoolBusyError } from '../pool/worker-pool.js';
import { accessLog, type AppEnv } from './access-log.js';
import { bearerAuth } from './auth.js';
import { azrSeedResponse, isPlanFormat, PLAN_FORMATS } from './azr-export.js';
import type { PlanAdmission } from './backpressure.js';
import { isClientAbort } from './client-abort.js';
import { documentedRoutes } from './documented.js';
import { healthRoute, metricsRoute, openApiRoute, planRoute, readyRoute } from './routes.js';

export interface AppDeps {
  service: PlanService;
  logger: Logger;
  bodyLimitBytes: number;
  /** Counts every plan served (EMF on Lambda, Prometheus in the container). */
  recorder?: PlanRecorder;
  /** Served as GET /metrics (the container server's Prometheus scrape). */
  exposition?: MetricsExposition;
  /** When set, POST /plan requires `Authorization: Bearer <authToken>` (the container's PLANNER_AUTH_TOKEN). */
  authToken?: string;
  /** The bounded plan queue and request deadline (lib/http/backpressure.ts). */
  admission?: PlanAdmission;
  /** True once the server is shutting down: /readyz answers 503 so the endpoint leaves the Service. */
  draining?: () => boolean;
}

/** On Lambda, API Gateway's own request id, so its access log joins the function's; elsewhere a fresh UUID. */
const gatewayRequestId = (c: Context): string =>
  (c.env as { requestContext?: { requestId?: string } } | undefined)?.requestContext?.requestId ?? crypto.randomUUID();

/**
 * A declared Content-Length is checked from the header alone; only a chunked body is streamed through Hono's
 * counting bodyLimit. Touching the raw body makes the node adapter build a full Web Request (~90 µs a request).
 */
function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context) => c.json({ error: 'payload_too_large', message: `body over ${maxSize} bytes` }, 413);
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (Number(declared) > maxSize) return tooLarge(c);
    await next();
  };
}

/**
 * JSON already serialised, typed as what the route declares: plans arrive as text from the worker threads and the
 * document is rendered once, so neither is parsed again only to be serialised by c.json.
 */
const jsonText = <T>(c: Context, text: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  c.body(text, 200, headers) as unknown as TypedResponse<T, 200, 'json'>;

/** application/json or a +json type: the media types Hono's JSON validator reads (any other it validates as {}). */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;.*)?$/i;

/** The one Hono app behind every entry point: Lambda (API Gateway), the container server and the tests. */
export function createApp({ service, logger, bodyLimitBytes, recorder, exposition, authToken, admission, draining }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const routes = documentedRoutes(app, (result, c) => {
    if (!result.success) {
      const { issues, count } = firstIssues(result.error, MAX_LISTED_ISSUES);
      return c.json({ error: 'invalid_state', issues, issue_count: count }, 400);
    }
  });
  let openapi: string | undefined;

  // A caller's own X-Request-Id (word characters, -, =; up to 255) is kept and echoed, so its logs join ours.
  app.use(requestId({ generator: gatewayRequestId }));
  app.use(accessLog(logger, recorder));

  routes.add(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  // From cached state only: a probe must answer within its timeout even while SSM hangs. Not ready only when
  // the service cannot plan: while draining at shutdown (the first load is awaited before listening).
  routes.add(readyRoute, (c) => {
    if (draining?.()) return c.json({ status: 'draining' as const }, 503);
    const view = service.lastTunables();
    return c.json({ status: 'ready' as const, tunables: view?.source ?? ('loading' as const), degraded: view?.degraded ?? false }, 200);
  });
  routes.add(openApiRoute, async (c) =>
    jsonText<Record<string, never>>(c, (openapi ??= (await import('./openapi.js')).renderDocument(routes.declared))),
  );

  if (exposition) {
    routes.add(metricsRoute, async (c) => c.text(await exposition.text(), 200, { 'content-type': exposition.contentType }));
  }

  const acceptsJson: MiddlewareHandler = async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: 'unsupported_media_type', message: 'send the state as application/json' }, 415);
    }
    await next();
  };
  if (authToken) app.use('/plan', bearerAuth(authToken));
  routes.add(planRoute([...(admission ? [admission.middleware] : []), acceptsJson, limitBody(bodyLimitBytes)]), async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (!isPlanFormat(format)) return c.json({ error: 'invalid_query', message: `format: must be one of ${PLAN_FORMATS.join(', ')}` }, 400);
    const state = c.req.valid('json');
    const body = await service.body(state);
    c.set('planned', body.summary);
    if (debugEnabled(logger)) logger.debug('plan', { state, plan: JSON.parse(body.json) as unknown });
    if (format !== 'json') {
      const seeds = azrSeedResponse(body.json, format);
      return jsonText<Plan>(c, seeds.body, seeds.headers);
    }
    return jsonText<Plan>(c, body.json);
  });

  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        c.json({ error: 'method_not_allowed', message: `${c.req.path} answers ${methods.join(', ')}` }, 405, { Allow: methods.join(', ') }),
    }),
  );
  app.notFound((c) => c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500) {
      // Hono raises these for unreadable bodies (malformed JSON): the caller's fault, said plainly.
      return c.json({ error: 'invalid_json', message: err.message }, err.status);
    }
    // The worker pool's queue was full or the job's deadline passed: shed like a full plan queue.
    if (admission && err instanceof PoolBusyError) return admission.refuse(c, err.message);
    // An upload cut off or mis-framed by the client: a 400 in the access log, no stack (cheap to cause, so
    // it must not flood the error log or raise 5xx alarms). The client is usually gone and never reads it.
    if (isClientAbort(err)) return c.json({ error: 'aborted_upload', message: 'the request body ended early or was malformed' }, 400);
    logger.error('unhandled error', { error: err });
    return c.json({ error: 'internal_error', message: 'the planner failed; see its logs' }, 500);
  });
  return app;
}
