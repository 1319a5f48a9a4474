import { handle } from 'hono/aws-lambda';
import { createContext } from './context.js';

/** Lambda behind the API Gateway HTTP API (v2 events; v1 REST events work too). */
export const handler = handle(createContext().app);
