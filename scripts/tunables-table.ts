// Rewrites the tunables table in README.md from lib/config/tunables.ts (npm run tunables:table).
import { readFileSync, writeFileSync } from 'node:fs';
import { TABLE_END, TABLE_START, tunablesTable } from '../lib/config/tunables-table.js';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(TABLE_START);
const end = readme.indexOf(TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md lacks the ${TABLE_START} … ${TABLE_END} markers`);
writeFileSync('README.md', `${readme.slice(0, start + TABLE_START.length)}\n${tunablesTable()}\n${readme.slice(end)}`);
