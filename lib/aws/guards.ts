import { Readable } from 'node:stream';
import * as z from 'zod';

/**
 * What every AWS answer the planner reads must look like before anything uses it: HTTP 200 is not enough
 * (a broken proxy or emulator can answer 200 with anything). Both guards sit on the SDK clients' middleware
 * stacks, so Powertools' SSMProvider, which calls the client itself, is covered too.
 */

/**
 * The largest AWS answer read. The planner's answers are KiB (an SSM page, GetMetricData for its series and
 * history at the default tunables); the largest legitimate one is a GetMetricData at AWS's per-call limit
 * of 100,800 datapoints, ~4 MB as JSON. Anything past this is not CloudWatch or SSM answering.
 */
export const AWS_RESPONSE_CAP_BYTES = 8 * 1024 * 1024;

/** The fields of each operation's answer the planner reads, with the types it relies on. */
const ANSWERS: Record<string, z.ZodType> = {
  GetMetricDataCommand: z.looseObject({
    MetricDataResults: z.array(
      z.looseObject({ Id: z.string(), Values: z.array(z.number()).optional(), StatusCode: z.string().optional() }),
    ),
    NextToken: z.string().optional(),
  }),
  GetParametersByPathCommand: z.looseObject({
    Parameters: z.array(z.looseObject({ Name: z.string(), Value: z.string().optional() })).optional(),
    NextToken: z.string().optional(),
  }),
};

type Add = (middleware: unknown, options: { step: 'initialize' | 'deserialize'; priority: 'high' | 'low'; name: string }) => void;
/** Any SDK v3 client: only its middleware stack is used (typed loosely, so no @smithy/types import is needed). */
type Stack = { middlewareStack: { add(...args: never[]): void } };
type Args = { input: unknown };
type Result = { output: unknown; response?: unknown };
type Handler = (args: Args) => Promise<Result>;
type HttpResponse = { statusCode?: number; headers?: Record<string, string | undefined>; body?: unknown };

async function* capped(body: AsyncIterable<Uint8Array>, maxBytes: number, what: string): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of body) {
    seen += chunk.length;
    if (seen > maxBytes) throw new Error(`${what} answer over ${maxBytes} bytes; not read further`);
    yield chunk;
  }
}

/** Adds both guards to a client: a cap on the answer's bytes, and the shape check of the operations above. */
export function guardClient<C extends Stack>(client: C, service: string, maxBytes = AWS_RESPONSE_CAP_BYTES): C {
  const add = client.middlewareStack.add.bind(client.middlewareStack) as unknown as Add;
  // Innermost deserialize step: sees the raw HTTP answer before the SDK buffers and parses it.
  add(
    (next: Handler) => async (args: Args) => {
      const result = await next(args);
      const response = result.response as HttpResponse | undefined;
      const body = response?.body;
      if (response && body instanceof Readable) {
        const declared = Number(response.headers?.['content-length'] ?? Number.NaN);
        if (declared > maxBytes) {
          body.destroy();
          throw new Error(`${service} answer of ${declared} bytes is over ${maxBytes}; not read`);
        }
        response.body = Readable.from(capped(body, maxBytes, service));
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'azrResponseCap' },
  );
  // Outermost initialize step: sees the parsed answer before any caller does.
  add(
    (next: Handler, context: { commandName?: string }) => async (args: Args) => {
      const result = await next(args);
      const schema = ANSWERS[context.commandName ?? ''];
      const checked = schema?.safeParse(result.output);
      if (checked && !checked.success) {
        const issue = checked.error.issues[0]!;
        throw new Error(`${service} ${context.commandName?.replace(/Command$/, '')}: malformed answer (${issue.path.join('.') || 'answer'}: ${issue.message})`);
      }
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'azrAnswerShape' },
  );
  return client;
}
