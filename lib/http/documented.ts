import type { Hook, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import type { Env, Handler, Hono, MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { Responses } from './responses.js';

/** A route but for its answers, which ./responses.ts holds under its operationId. */
export type ServedRoute = Omit<RouteConfig, 'responses'> & { operationId: keyof Responses };
/** The route as the document declares it, answers included. */
type Declared<R extends ServedRoute> = R & { responses: Responses[R['operationId']] };

/** The answer to a body that fails its route's schema. */
export type InvalidBodyHook<E extends Env> = Hook<unknown, E, string, Response | undefined>;

const isZod = (schema: unknown): schema is ZodType => typeof schema === 'object' && schema !== null && '_zod' in schema;

/**
 * Routes declared for the OpenAPI document, served by a plain Hono app; their declarations are kept for the
 * document, rendered on its first request (./openapi.ts). In place of @hono/zod-openapi's OpenAPIHono, whose
 * import loads the document generator and, through its zod extension, all of zod with every locale (~0.5 MB)
 * into each Lambda cold start. Handlers keep @hono/zod-openapi's typing from their route and its answers.
 */
export function documentedRoutes<E extends Env>(app: Hono<E>, onInvalidBody: InvalidBodyHook<E>) {
  const declared: ServedRoute[] = [];
  return {
    declared: declared as readonly ServedRoute[],
    add<R extends ServedRoute>({ middleware, ...route }: R, handler: RouteHandler<Declared<R>, E>): void {
      const { body, ...others } = route.request ?? {};
      // A declared part left unvalidated would let a handler trust unchecked input: refuse what is not wired.
      if (Object.keys(others).length > 0) throw new Error(`${route.path}: only a JSON body is validated, not ${Object.keys(others).join(', ')}`);
      declared.push(route);
      const media = body?.content['application/json'];
      const schema = media && 'schema' in media && isZod(media.schema) ? media.schema : undefined;
      const validators: MiddlewareHandler[] = schema ? [zValidator('json', schema, onInvalidBody as never)] : [];
      const before = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
      app.on([route.method], [route.path], ...(before as MiddlewareHandler<E>[]), ...(validators as MiddlewareHandler<E>[]), handler as Handler<E>);
    },
  };
}
