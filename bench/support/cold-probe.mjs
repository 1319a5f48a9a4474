// Runs in a fresh node process: plain JS, so nothing but the bundle under test loads before the clock reads.
// performance.now() counts from process start, so the first reading is node's own boot time.
const boot = performance.now();
const [bundle, eventJson] = process.argv.slice(2);
const { handler } = await import(bundle);
const imported = performance.now();
const response = await handler(JSON.parse(eventJson), { awsRequestId: 'cold', functionName: 'probe' });
const answered = performance.now();
process.stdout.write(
  `\nCOLD ${JSON.stringify({ boot, init: imported - boot, first: answered - imported, status: response.statusCode, body: response.body.length })}\n`,
);
