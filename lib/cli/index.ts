/** The CLI's edges: its flag table and parser, and reading a state file or stdin. */
export { FLAGS, parseCommand, usage, UsageError, type Command } from './args.js';
export { DataError, readState } from './read-state.js';
