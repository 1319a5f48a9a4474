import { LogLevelThreshold } from '@aws-lambda-powertools/logger';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import type { Logger } from '../log/logger.js';
import type { Plan } from '../schema/plan.js';
import type { PlanService } from '../service/plan-service.js';
import type { MetricsExposition, PlanRecorder } from '../telemetry/recorder.js';
import { accessLog, type AppEnv } from './access-log.js';
import { fieldIssues } from '../schema/issues.js';
import { DOCUMENT_HEADER, registerDocumentParts } from './openapi.js';
import { healthRoute, metricsRoute, openApiRoute, planRoute, readyRoute } from './routes.js';

export interface AppDeps {
  service: PlanService;
  logger: Logger;
  bodyLimitBytes: number;
  /** Counts every plan served (EMF on Lambda, Prometheus in the container). */
  recorder?: PlanRecorder;
  /** Served as GET /metrics (the container server's Prometheus scrape). */
  exposition?: MetricsExposition;
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
const jsonText = <T>(c: Context, text: string) =>
  c.body(text, 200, { 'content-type': 'application/json' }) as unknown as TypedResponse<T, 200, 'json'>;

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json(\s*;.*)?$/i;

/** The one Hono app behind every entry point: Lambda (API Gateway), the container server and the tests. */
export function createApp({ service, logger, bodyLimitBytes, recorder, exposition }: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ error: 'invalid_state', issues: fieldIssues(result.error) }, 400);
    },
  });
  registerDocumentParts(app);
  // Rendered on first request: converting the schemas costs start-up time a Lambda cold start would pay.
  let openapi: string | undefined;

  // A caller's own X-Request-Id (word characters, -, =; up to 255) is kept and echoed, so its logs join ours.
  app.use(requestId({ generator: gatewayRequestId }));
  app.use(accessLog(logger, recorder));

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyRoute, async (c) => {
    const view = await service.tunables();
    return c.json({ status: 'ready' as const, tunables: view.source, degraded: view.degraded }, 200);
  });
  app.openapi(openApiRoute, (c) =>
    jsonText<Record<string, never>>(c, (openapi ??= JSON.stringify(app.getOpenAPI31Document(DOCUMENT_HEADER)))),
  );

  if (exposition) {
    app.openapi(metricsRoute, async (c) => c.text(await exposition.text(), 200, { 'content-type': exposition.contentType }));
  }

  const acceptsJson: MiddlewareHandler = async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      return c.json({ error: 'unsupported_media_type', message: 'send the state as application/json' }, 415);
    }
    await next();
  };
  app.openapi(planRoute([acceptsJson, limitBody(bodyLimitBytes)]), async (c) => {
    const state = c.req.valid('json');
    const body = await service.body(state);
    c.set('planned', body.summary);
    // Checked here: below DEBUG, Powertools would still read the environment on every call to drop the line.
    if (logger.level <= LogLevelThreshold.DEBUG) logger.debug('plan', { state, plan: JSON.parse(body.json) as unknown });
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
    logger.error('unhandled error', { error: err });
    return c.json({ error: 'internal_error', message: 'the planner failed; see its logs' }, 500);
  });
  return app;
}
