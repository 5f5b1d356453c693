/**
 * `npm run bench`: Liaison against a bare Fastify + SQLite baseline measured in the same run, on
 * the same machine, reported as ratios; and the dashboard and ledger queries on a million
 * opinions, reported as latencies (target: under 300 ms). Options:
 *   --seconds N      length of each HTTP throughput measurement (default 4)
 *   --postgres URL   also measure Liaison on PostgreSQL (a fresh schema at URL)
 *   --only LIST      some of: station, representatives, import, submit, dashboard, ledger, scores
 *                    (comma-separated; default all)
 *   --opinions N     size of the dashboard and ledger dataset (default 1000000)
 *   --samples N      timed requests per dashboard or ledger query (default 20)
 *   --no-cache       build the SQLite datasets afresh instead of copying the ones cached in the
 *                    temporary directory by an earlier run
 *
 * `scores` recomputes the duty-performance scores of 10,000 representatives with 500,000 activity
 * participations (bench/scores.ts) and prints the time and the entries written per second, then
 * times a score card, the ranking's first page and the congress dashboard.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBaseline } from './baseline.ts';
import { importBench } from './import.ts';
import { signInHeaders, startLiaison, stopLiaison, type LiaisonServer } from './liaison.ts';
import { runLoad, type LoadResult } from './load.ts';
import { startDataset, submitLoad, timeDashboard, timeLedger, type QueryTiming } from './opinions.ts';
import { ACTIVITIES, PER_ACTIVITY, REPRESENTATIVES, startScoresDataset, timeScores } from './scores.ts';

const SCENARIOS = [
  'station',
  'representatives',
  'import',
  'submit',
  'dashboard',
  'ledger',
  'scores',
] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    postgres: { type: 'string' },
    only: { type: 'string' },
    opinions: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '20' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const opinions = Number(values.opinions);
const samples = Number(values.samples);
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((s) => !(SCENARIOS as readonly string[]).includes(s)) ?? [];
if (unknown.length > 0 || !(seconds > 0) || !(opinions > 0) || !(samples > 0)) {
  console.error(
    unknown.length > 0
      ? `unknown scenario ${unknown.join(', ')}: choose from ${SCENARIOS.join(', ')}`
      : '--seconds, --opinions and --samples take positive numbers',
  );
  process.exit(2);
}
const selected = new Set<Scenario>((only as Scenario[] | undefined) ?? SCENARIOS);
const wants = (...s: Scenario[]) => s.some((x) => selected.has(x));

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
const latencies: string[][] = [];
function recordTimings(engine: string, timings: QueryTiming[]) {
  for (const t of timings)
    latencies.push([
      t.name,
      engine,
      t.medianMs.toFixed(1),
      t.p95Ms.toFixed(1),
      t.p95Ms < 300 ? 'yes' : 'NO',
      t.note,
    ]);
}
const notes: string[] = [];
const scoreRows: string[][] = [];
const scoreLatencies: string[][] = [];
const scoreNotes: string[] = [];

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...body.map((r) => [...r[i]!].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

async function httpScenarios(
  engine: string,
  liaison: LiaisonServer,
  baseline: { post?: LoadResult; get?: LoadResult },
) {
  const staff = await signInHeaders(liaison, 'staff');
  if (selected.has('station') && baseline.post) {
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
  }
  if (selected.has('submit') && baseline.post) {
    const submit = await submitLoad(liaison, seconds);
    record('public submission (validated, idempotent, audited)', engine, baseline.post, submit);
  }
  if (selected.has('representatives') && baseline.get) {
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
  }
}

/** The dashboard and ledger queries on the million-opinion database of the engine. */
async function datasetScenarios(engine: string, dir: string, pgUrl?: string) {
  const dataset = await startDataset(dir, opinions, { pgUrl, cache: !values['no-cache'] });
  notes.push(
    `${engine}: ${dataset.opinions.toLocaleString('en')} opinions, ${dataset.statsRows.toLocaleString('en')} statistics rows, ${dataset.origin}`,
  );
  try {
    if (selected.has('dashboard')) recordTimings(engine, await timeDashboard(dataset.server, samples));
    if (selected.has('ledger')) recordTimings(engine, await timeLedger(dataset.server, samples));
  } finally {
    await stopLiaison(dataset.server);
  }
}

/** The full recompute of the scores dataset, and the reads of scores on it. */
async function scoresScenario(engine: string, dir: string, pgUrl?: string) {
  const d = await startScoresDataset(dir, { pgUrl, cache: !values['no-cache'] });
  scoreNotes.push(
    `${engine}: ${d.participations.toLocaleString('en')} participations of ${REPRESENTATIVES.toLocaleString('en')} representatives, year ${d.year}, ${d.origin}`,
  );
  try {
    const t = await timeScores(d, samples);
    for (const r of t.recomputes)
      scoreRows.push([
        r.name,
        engine,
        r.seconds.toFixed(2),
        r.representatives.toLocaleString('en'),
        r.entries.toLocaleString('en'),
        (r.entries / r.seconds).toFixed(0),
        (d.participations / r.seconds).toFixed(0),
      ]);
    scoreRows.push([
      'reads and scoring only (cardsFor)',
      engine,
      t.cardsSeconds.toFixed(2),
      REPRESENTATIVES.toLocaleString('en'),
      '–',
      '–',
      (d.participations / t.cardsSeconds).toFixed(0),
    ]);
    for (const q of t.queries)
      scoreLatencies.push([q.name, engine, q.medianMs.toFixed(1), q.p95Ms.toFixed(1), q.note]);
  } finally {
    await stopLiaison(d.server);
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'liaison-bench-'));
try {
  console.log(
    `Liaison benchmarks — ${seconds} s per HTTP measurement, 16 keep-alive clients, Node ${process.version}; ` +
      `scenarios: ${[...selected].join(', ')}`,
  );
  const baseline = await startBaseline(dir);
  const measured: { post?: LoadResult; get?: LoadResult } = {};
  if (wants('station', 'submit')) {
    measured.post = await runLoad(
      baseline.url,
      { method: 'POST', path: '/items', body: (n) => ({ name: `item ${n}`, body: '压测数据' }) },
      seconds,
    );
  }
  if (wants('representatives'))
    measured.get = await runLoad(baseline.url, { method: 'GET', path: '/items' }, seconds);
  if (measured.post || measured.get) {
    console.log(
      `baseline: bare Fastify + SQLite insert ${measured.post?.perSecond.toFixed(0) ?? '–'}/s, select 20 rows ${measured.get?.perSecond.toFixed(0) ?? '–'}/s`,
    );
  }

  let imports: Awaited<ReturnType<typeof importBench>> | undefined;
  if (wants('station', 'submit', 'representatives', 'import')) {
    const sqlite = await startLiaison(dir);
    await httpScenarios('sqlite', sqlite, measured);
    await sqlite.app.close();
    if (selected.has('import')) imports = await importBench(sqlite.ctx, baseline.db);
    await sqlite.ctx.database.destroy();
  }
  if (wants('dashboard', 'ledger')) await datasetScenarios('sqlite', dir);
  if (wants('scores')) await scoresScenario('sqlite', dir);

  if (values.postgres) {
    if (wants('station', 'submit', 'representatives')) {
      const pg = await startLiaison(dir, { pgUrl: values.postgres });
      await httpScenarios('postgres', pg, measured);
      await stopLiaison(pg);
    }
    if (wants('dashboard', 'ledger')) await datasetScenarios('postgres', dir, values.postgres);
    if (wants('scores')) await scoresScenario('postgres', dir, values.postgres);
  }
  await baseline.app.close();
  baseline.db.close();

  if (rows.length > 0) {
    console.log(
      '\n' + table(['scenario', 'engine', 'baseline/s', 'liaison/s', 'ratio', 'p95 ms', 'errors'], rows),
    );
  }
  if (imports) {
    console.log(
      `\nimport 10,000 representatives (XLSX, seats and memberships): dry run ${imports.dryRunMs.toFixed(0)} ms, commit ${imports.commitMs.toFixed(0)} ms ` +
        `(${(10_000 / (imports.commitMs / 1000)).toFixed(0)} rows/s); bare multi-row insert of the same rows ${imports.baselineMs.toFixed(0)} ms; ratio ${(imports.baselineMs / imports.commitMs).toFixed(2)}`,
    );
  }
  if (rows.length > 0 || imports)
    console.log('ratio = Liaison ÷ baseline (higher is better; 1.00 would match bare Fastify + SQLite).');
  if (latencies.length > 0) {
    console.log(
      `\nqueries on ${opinions.toLocaleString('en')} opinions (${samples} requests each, one client):`,
    );
    for (const n of notes) console.log(`  ${n}`);
    console.log('\n' + table(['query', 'engine', 'median ms', 'p95 ms', '< 300 ms', 'answer'], latencies));
  }
  if (scoreRows.length > 0) {
    console.log(
      `\nduty-performance scores: ${REPRESENTATIVES.toLocaleString('en')} representatives, ${ACTIVITIES.toLocaleString('en')} activities × ${PER_ACTIVITY} participants:`,
    );
    for (const n of scoreNotes) console.log(`  ${n}`);
    console.log(
      '\n' +
        table(
          ['step', 'engine', 'seconds', 'representatives', 'entries', 'entries/s', 'participations/s'],
          scoreRows,
        ),
    );
    console.log('\n' + table(['query', 'engine', 'median ms', 'p95 ms', 'answer'], scoreLatencies));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
