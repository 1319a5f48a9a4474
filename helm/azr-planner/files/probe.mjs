// The `helm test` check: the server answers its probes through the Service. Exits 1, naming the route, otherwise.
const base = process.argv[1];
for (const path of ['/healthz', '/readyz']) {
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5000) }).catch((error) => ({ ok: false, status: String(error) }));
  if (!res.ok) {
    console.error(`GET ${base}${path}: ${res.status}`);
    process.exit(1);
  }
  console.log(`GET ${base}${path}: ${res.status}`);
}
