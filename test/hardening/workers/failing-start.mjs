// A worker whose script fails while loading (a bad bundle, a missing module): notes each start, then throws.
import { appendFileSync } from 'node:fs';

appendFileSync(process.env.FAILING_START_LOG, 'start\n');
throw new Error('this worker cannot start');
