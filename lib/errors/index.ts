export { describeError } from './describe.js';
