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
  /** Fixed headers, or called per request (an Idempotency-Key must differ from one request to the next). */
  headers?: Record<string, string> | ((n: number) => Record<string, string>);
  /** Called per request, so each can carry something unique (a code, a phone number). */
  body?: (n: number) => unknown;
}

function send(
  agent: http.Agent,
  base: URL,
  spec: RequestSpec,
  n: number,
  onResponse: (res: http.IncomingMessage) => void,
  onError: (err: Error) => void,
): void {
  const payload = spec.body ? JSON.stringify(spec.body(n)) : undefined;
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
        ...(typeof spec.headers === 'function' ? spec.headers(n) : spec.headers),
      },
    },
    onResponse,
  );
  req.on('error', onError);
  if (payload) req.write(payload);
  req.end();
}

/** The status of one request (the body is read and dropped). */
function once(agent: http.Agent, base: URL, spec: RequestSpec, n: number): Promise<number> {
  return new Promise((resolve, reject) =>
    send(
      agent,
      base,
      spec,
      n,
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
      reject,
    ),
  );
}

/** The status and body of one request. */
function fetchOnce(
  agent: http.Agent,
  base: URL,
  spec: RequestSpec,
  n: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) =>
    send(
      agent,
      base,
      spec,
      n,
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
      reject,
    ),
  );
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

export interface Timing {
  samples: number;
  medianMs: number;
  p95Ms: number;
  /** The last response's body, for a sanity check of what was measured. */
  body: unknown;
}

/**
 * One client sending the same request `samples` times back to back (after `warmup` unmeasured
 * ones): the latency of a query, not a throughput. Fails on any status but 200.
 */
export async function timeRequests(
  baseUrl: string,
  spec: RequestSpec,
  samples: number,
  warmup = 2,
): Promise<Timing> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let body: unknown;
  try {
    for (let i = 0; i < warmup + samples; i++) {
      const t0 = performance.now();
      const res = await fetchOnce(agent, base, spec, i);
      if (i >= warmup) latencies.push(performance.now() - t0);
      if (res.status !== 200)
        throw new Error(`${spec.method} ${spec.path}: ${res.status} ${res.text.slice(0, 300)}`);
      body = res.text;
    }
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { samples, medianMs: at(0.5), p95Ms: at(0.95), body: JSON.parse(body as string) };
}
