/** A Liaison server for the benchmarks: demo data loaded, listening on a free port, and a signed-in client's headers. */
import http from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/platform/config.ts';
import { createContext, type AppContext } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { DEMO_PASSWORD, isOrganisationEmpty, seedDemoData } from '../src/modules/demo/demo.service.ts';

export interface LiaisonServer {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
}

export interface LiaisonOptions {
  /** PostgreSQL at this URL (in a schema of this run) instead of SQLite in `dir`. */
  pgUrl?: string | undefined;
  /** The SQLite file in `dir`, or the suffix of the PostgreSQL schema: one database per name. */
  name?: string;
}

/** The PostgreSQL schema of a benchmark database of this run. */
export function benchSchema(name = 'liaison'): string {
  return `bench_${process.pid}_${name.replace(/[^a-z0-9_]/g, '_')}`;
}

/**
 * SQLite in `dir`, or PostgreSQL at `pgUrl` (in a fresh schema), with the demo organisation
 * (loaded unless the database already holds one, e.g. a cached copy).
 */
export async function startLiaison(dir: string, options: LiaisonOptions = {}): Promise<LiaisonServer> {
  const name = options.name ?? 'liaison';
  const config = loadConfig({
    NODE_ENV: 'production',
    LIAISON_SECRET: 'ab'.repeat(32),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    // Every benchmark request comes from one address; a deployment allows 10 a minute per IP.
    PUBLIC_SUBMISSIONS_PER_IP_PER_MINUTE: '1000000',
    ...(options.pgUrl
      ? { DATABASE_URL: options.pgUrl, DATABASE_SCHEMA: benchSchema(name) }
      : { DATABASE_URL: `sqlite:${path.join(dir, `${name}.db`)}` }),
  });
  const database = openDatabase(config.database);
  await migrateToLatest(database);
  const ctx = createContext(config, database);
  if (await isOrganisationEmpty(ctx)) await seedDemoData(ctx);
  const app = await buildApp(ctx);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { ctx, app, url };
}

/** Close the server and the database; on PostgreSQL drop the run's schema first. */
export async function stopLiaison(server: LiaisonServer): Promise<void> {
  await server.app.close();
  const schema = server.ctx.database.pgSchema;
  if (schema) await server.ctx.database.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await server.ctx.database.destroy();
}

function call(url: string, method: string, body: unknown, headers: Record<string, string>) {
  return new Promise<{ status: number; cookies: string[]; json: unknown }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      { method, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookies: res.headers['set-cookie'] ?? [],
            json: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Sign in as a demo user; returns the headers (cookie, CSRF token) a browser would send. */
export async function signInHeaders(
  server: LiaisonServer,
  username: string,
): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  const keep = (cookies: string[]) =>
    cookies.forEach((c) => {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!, v!);
    });
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const me = await call(`${server.url}/api/v1/auth/me`, 'GET', undefined, {});
  keep(me.cookies);
  const login = await call(
    `${server.url}/api/v1/auth/login`,
    'POST',
    { username, password: DEMO_PASSWORD },
    { cookie: cookie(), 'x-csrf-token': (me.json as { csrfToken: string }).csrfToken },
  );
  if (login.status !== 200)
    throw new Error(`bench sign-in failed: ${login.status} ${JSON.stringify(login.json)}`);
  keep(login.cookies);
  return { cookie: cookie(), 'x-csrf-token': (login.json as { csrfToken: string }).csrfToken };
}
