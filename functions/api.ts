import { handle } from 'hono/aws-lambda';
import { guardEvents } from '../lib/http/lambda-event.js';
import { createContext } from './context.js';

/** Lambda behind the API Gateway HTTP API (v2 events; v1 REST events work too); other events get a 400. */
export const handler = guardEvents(handle(createContext().app));
