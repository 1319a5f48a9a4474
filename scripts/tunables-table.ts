// Rewrites the tunables table in README.md from lib/config/tunables.ts (npm run tunables:table).
import { readFileSync, writeFileSync } from 'node:fs';
import { TABLE_END, TABLE_START, tunablesTable } from '../lib/config/tunables-table.js';
import { replaceBlock } from './marked-block.js';

writeFileSync('README.md', replaceBlock(readFileSync('README.md', 'utf8'), { start: TABLE_START, end: TABLE_END }, tunablesTable(), 'README.md'));
