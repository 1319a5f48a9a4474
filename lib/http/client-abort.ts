/** Codes node gives a request body that ended early: the client hung up or broke the framing mid-upload. */
const ABORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Whether an error thrown while reading a request body is the client's doing (an abort), not the planner's. */
export function isClientAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && (ABORT_CODES.has(code) || code.startsWith('HPE_'))) || error.message === 'aborted';
}
