import { LogLevelThreshold } from '@aws-lambda-powertools/logger';
import { zValidator } from '@hono/zod-validator';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { Logger } from '../log/logger.js';
import { PlannerStateSchema } from '../schema/state.js';
import type { PlanSummary } from '../service/plan-body.js';
import type { PlanService } from '../service/plan-service.js';
import { firstIssues, MAX_LISTED_ISSUES } from '../schema/issues.js';
import { PoolBusyError } from '../pool/worker-pool.js';
import { bearerAuth } from './auth.js';
import { PLAN_FORMATS, azrSeedResponse, isPlanFormat } from './azr-export.js';
import type { PlanAdmission } from './backpressure.js';
import { isClientAbort } from './client-abort.js';
import { openApiDocument } from './openapi.js';

export interface AppDeps {
  service: PlanService;
  logger: Logger;
  bodyLimitBytes: number;
  /** When set, POST /plan requires `Authorization: Bearer <authToken>` (the container's PLANNER_AUTH_TOKEN). */
  authToken?: string;
  /** The bounded plan queue and request deadline (lib/http/backpressure.ts). */
  admission?: PlanAdmission;
  /** True once the server is shutting down: /readyz answers 503 so the endpoint leaves the Service. */
  draining?: () => boolean;
}

type Env = { Variables: { planned?: PlanSummary } };

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

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json(\s*;.*)?$/i;

/** The one Hono app behind every entry point: Lambda (API Gateway), the container server and the tests. */
export function createApp({ service, logger, bodyLimitBytes, authToken, admission, draining }: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  // Rendered on first request: converting the schemas costs start-up time a Lambda cold start would pay.
  let openapi: string | undefined;

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const planned = c.get('planned');
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      ...(planned ?? {}),
    });
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // From cached state only: a probe must answer within its timeout even while SSM hangs. Not ready only when
  // the service cannot plan: while draining at shutdown (the first load is awaited before listening).
  app.get('/readyz', (c) => {
    if (draining?.()) return c.json({ status: 'draining' }, 503);
    const view = service.lastTunables();
    return c.json({ status: 'ready', tunables: view?.source ?? 'loading', degraded: view?.degraded ?? false });
  });
  app.get('/openapi.json', (c) => c.body((openapi ??= JSON.stringify(openApiDocument())), 200, { 'content-type': 'application/json' }));

  if (authToken) app.use('/plan', bearerAuth(authToken));
  if (admission) app.post('/plan', admission.middleware);
  app.post(
    '/plan',
    async (c, next) => {
      if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
        return c.json({ error: 'unsupported_media_type', message: 'send the state as application/json' }, 415);
      }
      await next();
    },
    limitBody(bodyLimitBytes),
    zValidator('json', PlannerStateSchema, (result, c) => {
      if (!result.success) {
        const { issues, count } = firstIssues(result.error, MAX_LISTED_ISSUES);
        return c.json({ error: 'invalid_state', issues, issue_count: count }, 400);
      }
    }),
    async (c) => {
      const format = c.req.query('format') ?? 'json';
      if (!isPlanFormat(format)) return c.json({ error: 'invalid_query', message: `format: must be one of ${PLAN_FORMATS.join(', ')}` }, 400);
      const state = c.req.valid('json');
      const body = await service.body(state);
      c.set('planned', body.summary);
      // Checked here: below DEBUG, Powertools would still read the environment on every call to drop the line.
      if (logger.level <= LogLevelThreshold.DEBUG) logger.debug('plan', { state, plan: JSON.parse(body.json) as unknown });
      if (format !== 'json') {
        const seeds = azrSeedResponse(body.json, format);
        return c.body(seeds.body, 200, seeds.headers);
      }
      return c.body(body.json, 200, { 'content-type': 'application/json' });
    },
  );

  app.use(methodNotAllowed({ app }));
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
