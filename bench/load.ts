/**
 * A small HTTP load generator: `concurrency` keep-alive clients send requests back to back for
 * `seconds`, and we count what completed. Enough to compare two servers measured in the same run
 * on the same machine; not a substitute for a dedicated tool.
 */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Called per request, so each can carry something unique (a code, an idempotency key). */
  body?: (n: number) => unknown;
}

function once(agent: http.Agent, base: URL, spec: RequestSpec, n: number): Promise<number> {
  const payload = spec.body ? JSON.stringify(spec.body(n)) : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: spec.method,
        path: spec.path,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...spec.headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export async function runLoad(
  baseUrl: string,
  spec: RequestSpec,
  seconds: number,
  concurrency = 16,
): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const status = await once(agent, base, spec, counter++).catch(() => 0);
        latencies.push(performance.now() - t0);
        requests += 1;
        if (status < 200 || status >= 300) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests, errors, perSecond: requests / elapsed, p50Ms: at(0.5), p95Ms: at(0.95) };
}
