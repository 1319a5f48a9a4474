// Rewrites bench/results/latest.md and the README's bench table from bench/results/latest.json (npm run bench:table).
import { publishSaved } from '../bench/support/results.js';

publishSaved();
