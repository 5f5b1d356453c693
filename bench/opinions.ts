/**
 * The opinion loop's benchmarks: the public submission (throughput, through the whole path of
 * POST /api/v1/public/opinions) and the dashboard and ledger queries on a million opinions
 * (latency, one client), with the million-opinion database cached between runs on SQLite.
 */
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrations } from '../src/platform/db/migrations/index.ts';
import { checkStats, countOpinions, growOpinions } from './dataset.ts';
import { signInHeaders, startLiaison, type LiaisonServer } from './liaison.ts';
import { runLoad, timeRequests, type LoadResult, type Timing } from './load.ts';

/**
 * Public submissions at full speed from one address (the per-IP limit is raised for the bench:
 * see liaison.ts), each a new form with its own Idempotency-Key, to the demo's active stations,
 * most with a phone number (each its own, so the per-phone limit is never what is measured).
 */
export async function submitLoad(server: LiaisonServer, seconds: number): Promise<LoadResult> {
  const db = server.ctx.database.db;
  const [stations, categories] = await Promise.all([
    db.selectFrom('station').select('public_code').where('status', '=', 'active').orderBy('id').execute(),
    db.selectFrom('category').select('code').orderBy('sort_order').execute(),
  ]);
  const run = randomUUID().slice(0, 8);
  return runLoad(
    server.url,
    {
      method: 'POST',
      path: '/api/v1/public/opinions',
      headers: (n) => ({ 'idempotency-key': `bench-${run}-${n}` }),
      body: (n) => ({
        stationCode: stations[n % stations.length]!.public_code,
        categoryCode: n % 2 === 0 ? categories[n % categories.length]!.code : null,
        content: `小区门口的路灯坏了一个多月，晚上老人孩子出行很不方便，希望有关部门尽快修复。（压测 ${n}）`,
        address: n % 3 === 0 ? null : '清江市东湖区湖滨街道望湖路 18 号',
        submitterKind: 'citizen',
        name: n % 5 === 0 ? null : '王先生',
        phone: n % 5 === 4 ? null : `139${String(n % 100_000_000).padStart(8, '0')}`,
        anonymous: n % 5 === 0,
        consentPrivacy: true,
        privacyNoticeVersion: '2026-11',
        consentPublish: n % 2 === 1,
      }),
    },
    seconds,
  );
}

/** Where the SQLite dataset is kept between runs (one file; an older one is replaced). */
const CACHE_DIR = path.join(tmpdir(), 'liaison-bench-cache');

/** The cached file for this schema, generator, size and month (the demo's year ends now). */
function cacheFile(opinions: number): string {
  const key = createHash('sha256')
    .update(Object.keys(migrations).join(','))
    .update(readFileSync(path.join(import.meta.dirname, 'dataset.ts')))
    .update(String(opinions))
    .update(new Date().toISOString().slice(0, 7))
    .digest('hex')
    .slice(0, 16);
  return path.join(CACHE_DIR, `opinions-${key}.db`);
}

export interface DatasetServer {
  server: LiaisonServer;
  opinions: number;
  statsRows: number;
  /** How it was made: built now (and how long it took) or copied from the cache. */
  origin: string;
}

/**
 * A Liaison server over the million-opinion database: on SQLite a copy of the cached file when
 * there is one (else built, then cached), on PostgreSQL built in the run's schema.
 */
export async function startDataset(
  dir: string,
  opinions: number,
  options: { pgUrl?: string | undefined; cache: boolean },
): Promise<DatasetServer> {
  const name = 'opinions';
  const file = path.join(dir, `${name}.db`);
  const cached = cacheFile(opinions);
  if (!options.pgUrl && options.cache && existsSync(cached)) {
    const t = performance.now();
    copyFileSync(cached, file);
    const server = await startLiaison(dir, { name });
    await checkStats(server.ctx);
    const count = await countOpinions(server.ctx);
    const statsRows = await statsRowCount(server);
    return {
      server,
      opinions: count,
      statsRows,
      origin: `copied from ${cached} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    };
  }
  let server = await startLiaison(dir, { name, pgUrl: options.pgUrl });
  const t = performance.now();
  const built = await growOpinions(server.ctx, opinions);
  await checkStats(server.ctx);
  const origin =
    `built in ${((performance.now() - t) / 1000).toFixed(1)} s ` +
    `(copies ${(built.copyMs / 1000).toFixed(1)} s, statistics ${(built.statsMs / 1000).toFixed(1)} s)`;
  if (!options.pgUrl) {
    // Closing the only connection folds the WAL into the file: copy that, then carry on with it.
    await server.app.close();
    await server.ctx.database.destroy();
    if (options.cache) {
      mkdirSync(CACHE_DIR, { recursive: true });
      for (const old of readdirSync(CACHE_DIR).filter((f) => f.startsWith('opinions-')))
        rmSync(path.join(CACHE_DIR, old), { force: true });
      copyFileSync(file, `${cached}.part`);
      renameSync(`${cached}.part`, cached);
    }
    server = await startLiaison(dir, { name });
  }
  return { server, opinions: built.opinions, statsRows: built.statsRows, origin };
}

async function statsRowCount(server: LiaisonServer): Promise<number> {
  const row = await server.ctx.database.db
    .selectFrom('opinion_stats')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface QueryTiming extends Timing {
  name: string;
  /** What came back, to show the query did its work (a total, a number of rows). */
  note: string;
}

/** The leaders' dashboard, at the city's scope and at a district's (default: the last 12 months). */
export async function timeDashboard(server: LiaisonServer, samples: number): Promise<QueryTiming[]> {
  const city = await signInHeaders(server, 'staff');
  const district = await signInHeaders(server, 'staff.donghu');
  const out: QueryTiming[] = [];
  for (const [name, headers] of [
    ['dashboard, city (12 months)', city],
    ['dashboard, district (12 months)', district],
  ] as const) {
    const t = await timeRequests(
      server.url,
      { method: 'GET', path: '/api/v1/dashboard/opinions', headers },
      samples,
    );
    const body = t.body as { total: { counts: { collected: number } } };
    out.push({ ...t, name, note: `${body.total.counts.collected} collected` });
  }
  return out;
}

/**
 * The ledger (台账): the staff list of opinions, first page in its default order, and a page
 * filtered by unit and status; and the ledger summary by unit (the page's default) and by
 * representative group (the one summary read from the opinions, not the statistics).
 */
export async function timeLedger(server: LiaisonServer, samples: number): Promise<QueryTiming[]> {
  const city = await signInHeaders(server, 'staff');
  const district = await signInHeaders(server, 'staff.donghu');
  const busiest = await server.ctx.database.db
    .selectFrom('opinion')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'is not', null)
    .groupBy('unit_id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const queries: [string, string, Record<string, string>][] = [
    ['ledger list, city, page 1', '/api/v1/opinions?page=1&pageSize=20', city],
    ['ledger list, district, page 1', '/api/v1/opinions?page=1&pageSize=20', district],
    [
      'ledger list, city, by unit and status',
      `/api/v1/opinions?page=1&pageSize=20&unitId=${busiest.unit_id}&status=CLOSED`,
      city,
    ],
    ['ledger summary by unit, city', '/api/v1/opinions/ledger-summary?groupBy=unit', city],
    ['ledger summary by unit, district', '/api/v1/opinions/ledger-summary?groupBy=unit', district],
    ['ledger summary by group, city', '/api/v1/opinions/ledger-summary?groupBy=group', city],
  ];
  const out: QueryTiming[] = [];
  for (const [name, url, headers] of queries) {
    const t = await timeRequests(server.url, { method: 'GET', path: url, headers }, samples);
    const body = t.body as { total: number | { counts: { collected: number } }; rows?: unknown[] };
    const note =
      typeof body.total === 'number'
        ? `${body.total} matching`
        : `${body.rows?.length ?? 0} rows, ${body.total.counts.collected} collected`;
    out.push({ ...t, name, note });
  }
  return out;
}
