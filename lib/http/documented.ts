import type { Hook, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import type { Env, Handler, Hono, MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';

const isZod = (schema: unknown): schema is ZodType => typeof schema === 'object' && schema !== null && '_zod' in schema;

/** The answer to a body that fails its route's schema. */
export type InvalidBodyHook<E extends Env> = Hook<unknown, E, string, Response | undefined>;

/**
 * Routes declared for the OpenAPI document, served by a plain Hono app; their declarations are kept for the
 * document, rendered on its first request (./openapi.ts). In place of @hono/zod-openapi's OpenAPIHono, whose
 * import loads the document generator and, through its zod extension, all of zod with every locale (~0.5 MB)
 * into each Lambda cold start. Handlers are still typed against their route's request and responses.
 */
export function documentedRoutes<E extends Env>(app: Hono<E>, onInvalidBody: InvalidBodyHook<E>) {
  const declared: RouteConfig[] = [];
  return {
    declared: declared as readonly RouteConfig[],
    add<R extends RouteConfig>({ middleware, ...route }: R, handler: RouteHandler<R, E>): void {
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
