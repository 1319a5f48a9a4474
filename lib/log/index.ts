export { createLogger, debugEnabled, type Logger } from './logger.js';
