/**
 * `npm run bench`: Liaison against a bare Fastify + SQLite baseline measured in the same run, on
 * the same machine, reported as ratios (never as pass/fail thresholds). Options:
 *   --seconds N      length of each HTTP measurement (default 4)
 *   --postgres URL   also measure Liaison on PostgreSQL (a fresh schema at URL)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBaseline } from './baseline.ts';
import { signInHeaders, startLiaison, type LiaisonServer } from './liaison.ts';
import { runLoad, type LoadResult } from './load.ts';
import { importBench } from './import.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '4' }, postgres: { type: 'string' } },
});
const seconds = Number(values.seconds);

const rows: string[][] = [];
function record(name: string, engine: string, base: LoadResult, ours: LoadResult) {
  rows.push([
    name,
    engine,
    base.perSecond.toFixed(0),
    ours.perSecond.toFixed(0),
    (ours.perSecond / base.perSecond).toFixed(2),
    ours.p95Ms.toFixed(1),
    String(ours.errors),
  ]);
}

async function httpScenarios(
  engine: string,
  liaison: LiaisonServer,
  baseUrl: string,
  baseline: { post: LoadResult; get: LoadResult },
) {
  const staff = await signInHeaders(liaison, 'staff');
  const create = await runLoad(
    liaison.url,
    {
      method: 'POST',
      path: '/api/v1/stations',
      headers: staff,
      body: (n) => ({
        code: `BENCH-${engine}-${n}`,
        name: `压测联络点${n}`,
        tier: 'point',
        jurisdictionId: 1,
      }),
    },
    seconds,
  );
  record('create a station (validated, scoped, audited)', engine, baseline.post, create);
  const list = await runLoad(
    liaison.url,
    { method: 'GET', path: '/api/v1/representatives?pageSize=20', headers: staff },
    seconds,
  );
  record('list 20 representatives (city scope)', engine, baseline.get, list);
  const district = await signInHeaders(liaison, 'staff.donghu');
  const scoped = await runLoad(
    liaison.url,
    { method: 'GET', path: '/api/v1/representatives?pageSize=20&sort=name', headers: district },
    seconds,
  );
  record('list 20 representatives (district scope)', engine, baseline.get, scoped);
  const search = await runLoad(
    liaison.url,
    { method: 'GET', path: `/api/v1/representatives?q=${encodeURIComponent('王')}`, headers: staff },
    seconds,
  );
  record('search representatives by name', engine, baseline.get, search);
  void baseUrl;
}

const dir = mkdtempSync(path.join(tmpdir(), 'liaison-bench-'));
try {
  console.log(
    `Liaison benchmarks — ${seconds} s per HTTP measurement, 16 keep-alive clients, Node ${process.version}`,
  );
  const baseline = await startBaseline(dir);
  const basePost = await runLoad(
    baseline.url,
    { method: 'POST', path: '/items', body: (n) => ({ name: `item ${n}`, body: '压测数据' }) },
    seconds,
  );
  const baseGet = await runLoad(baseline.url, { method: 'GET', path: '/items' }, seconds);
  console.log(
    `baseline: bare Fastify + SQLite insert ${basePost.perSecond.toFixed(0)}/s, select 20 rows ${baseGet.perSecond.toFixed(0)}/s`,
  );

  const sqlite = await startLiaison(dir);
  await httpScenarios('sqlite', sqlite, baseline.url, { post: basePost, get: baseGet });
  await sqlite.app.close();
  const imports = await importBench(sqlite.ctx, baseline.db);
  await sqlite.ctx.database.destroy();

  if (values.postgres) {
    const pg = await startLiaison(dir, values.postgres);
    await httpScenarios('postgres', pg, baseline.url, { post: basePost, get: baseGet });
    await pg.app.close();
    await pg.ctx.database.db.schema.dropSchema(`bench_${process.pid}`).ifExists().cascade().execute();
    await pg.ctx.database.destroy();
  }
  await baseline.app.close();
  baseline.db.close();

  const header = ['scenario', 'engine', 'baseline/s', 'liaison/s', 'ratio', 'p95 ms', 'errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('\n' + line(header));
  for (const r of rows) console.log(line(r));
  console.log(
    `\nimport 10,000 representatives (XLSX, seats and memberships): dry run ${imports.dryRunMs.toFixed(0)} ms, commit ${imports.commitMs.toFixed(0)} ms ` +
      `(${(10_000 / (imports.commitMs / 1000)).toFixed(0)} rows/s); bare multi-row insert of the same rows ${imports.baselineMs.toFixed(0)} ms; ratio ${(imports.baselineMs / imports.commitMs).toFixed(2)}`,
  );
  console.log('ratio = Liaison ÷ baseline (higher is better; 1.00 would match bare Fastify + SQLite).');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
