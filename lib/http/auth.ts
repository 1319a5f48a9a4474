import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Requires `Authorization: Bearer <token>`. Both sides are hashed first so timingSafeEqual compares equal
 * lengths, and neither the token's length nor its prefix leaks through timing.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const given = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1];
    // Compared even when absent, so a missing header costs what a wrong one does.
    const matches = timingSafeEqual(digest(given ?? ''), expected) && given !== undefined;
    if (!matches) {
      return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <token>' }, 401, {
        'WWW-Authenticate': `Bearer realm="azr-planner"${given === undefined ? '' : ', error="invalid_token"'}`,
      });
    }
    await next();
  };
}
