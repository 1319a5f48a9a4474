/** The message of anything thrown: an Error's own, anything else as a string. */
export const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));
