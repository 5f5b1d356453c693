/**
 * A million opinions for the dashboard and ledger benchmarks, grown from the demo's year of
 * opinions. The demo's ~4,000 opinions went through the real state machine, so they carry a
 * realistic spread over jurisdictions, stations, representatives, grids, units, categories,
 * channels and statuses, with facts that agree with each other. Each copy of them is moved back
 * in time by a few more days (every instant of the row by the same amount, its statistics month
 * recomputed), so a million of them cover about three years, most densely the middle one.
 *
 * The copies are made by the database itself (INSERT … SELECT, one statement per batch of copies),
 * then `opinion_stats` is rebuilt as the application keeps it: the opinions grouped by their
 * statistics key and by the facts `countersOf` reads, each group's counters computed by the real
 * `countersOf` (opinions.kpi.ts) times its size. So Σ countersOf(opinion) = opinion_stats holds,
 * and the bench checks it.
 *
 * Only opinion rows are copied (no events, replies or ratings): the dashboard, the ledger summary
 * and the staff list read the opinion and statistics tables, plus attachments for a flag.
 */
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../src/platform/context.ts';
import type { DB } from '../src/platform/db/schema.ts';
import {
  countersOf,
  emptyCounters,
  STATS_COUNTERS,
  type Counters,
  type OpinionFacts,
} from '../src/modules/opinions/opinions.kpi.ts';

/** Every instant of an opinion row, moved together. */
const INSTANTS = [
  'consent_privacy_at',
  'submitted_at',
  'ack_due',
  'ack_at',
  'assigned_at',
  'sign_due',
  'signed_at',
  'reply_due',
  'first_reply_at',
  'last_reply_at',
  'feedback_due',
  'rated_at',
  'closed_at',
  'published_at',
  'created_at',
  'updated_at',
] as const;
/** Columns rewritten for each copy; every other column is copied as it is. */
const REWRITTEN = ['id', 'tracking_code', 'stats_month', 'merged_into_id', ...INSTANTS];

/** The copies are spread over this many days before the demo's own year. */
const SPREAD_DAYS = 730;
/** Copies per INSERT … SELECT (and per transaction). */
const COPIES_PER_STATEMENT = 16;

export interface Dataset {
  opinions: number;
  statsRows: number;
  /** Time to copy the opinions, and to rebuild the statistics. */
  copyMs: number;
  statsMs: number;
}

interface Copy {
  /** 1, 2, …: the suffix of its tracking codes. */
  k: number;
  /** Offset of its ids. */
  base: number;
  /** Seconds it is moved back. */
  shift: number;
}

async function opinionColumns(db: Kysely<DB>): Promise<string[]> {
  const row = await db.selectFrom('opinion').selectAll().limit(1).executeTakeFirstOrThrow();
  const columns = Object.keys(row);
  const unknown = columns.filter(
    (c) => (c.endsWith('_at') || c.endsWith('_due')) && !(INSTANTS as readonly string[]).includes(c),
  );
  if (unknown.length > 0) throw new Error(`bench dataset: add ${unknown.join(', ')} to INSTANTS`);
  return columns;
}

/** One INSERT … SELECT of the template opinions for each copy (SQLite or PostgreSQL). */
function copyStatement(ctx: AppContext, columns: readonly string[], copies: readonly Copy[], maxId: number) {
  const pg = ctx.database.dialect === 'postgres';
  const col = (c: string) => sql.ref(`o.${c}`);
  const moved = (c: string) =>
    pg
      ? sql`${col(c)} - make_interval(secs => c.shift)`
      : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${col(c)}, '-' || c.shift || ' seconds')`;
  const values: Record<string, ReturnType<typeof sql>> = {
    id: sql`c.base + o.id`,
    tracking_code: sql`o.tracking_code || '-' || c.k`,
    merged_into_id: sql`c.base + o.merged_into_id`,
    // The Beijing month of the moved submission (opinions.kpi.ts keys the statistics by it).
    stats_month: pg
      ? sql`to_char((o.submitted_at - make_interval(secs => c.shift) + interval '8 hours') at time zone 'UTC', 'YYYY-MM')`
      : sql`strftime('%Y-%m', o.submitted_at, '+8 hours', '-' || c.shift || ' seconds')`,
  };
  for (const c of INSTANTS) values[c] = moved(c);
  const selected = columns.map((c) => (REWRITTEN.includes(c) ? values[c]! : col(c)));
  const list = pg
    ? sql`(values ${sql.join(copies.map((c) => sql`(${sql.lit(c.k)}::int, ${sql.lit(c.base)}::int, ${sql.lit(c.shift)}::int)`))}) as c(k, base, shift)`
    : sql`(${sql.join(
        copies.map(
          (c) => sql`select ${sql.lit(c.k)} as k, ${sql.lit(c.base)} as base, ${sql.lit(c.shift)} as shift`,
        ),
        sql` union all `,
      )}) as c`;
  return sql`insert into opinion (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(selected)} from opinion as o cross join ${list}
    where o.id <= ${sql.lit(maxId)} order by c.base, o.id`;
}

/** Rebuild opinion_stats from the opinions, counted by the real countersOf. */
async function rebuildStats(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const groups = await db
    .selectFrom('opinion')
    .select([
      'stats_month',
      'jurisdiction_id',
      'station_id',
      'unit_id',
      'category_code',
      'status',
      'ack_on_time',
      'ack_overdue',
      'reply_on_time',
      'last_result',
      'last_rating',
      'rehandle_rounds',
      'reply_overdue',
    ])
    .select((eb) => [
      eb.case().when('ack_at', 'is', null).then(0).else(1).end().as('acked'),
      eb.case().when('first_reply_at', 'is', null).then(0).else(1).end().as('replied'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([
      'stats_month',
      'jurisdiction_id',
      'station_id',
      'unit_id',
      'category_code',
      'status',
      'ack_on_time',
      'ack_overdue',
      'reply_on_time',
      'last_result',
      'last_rating',
      'rehandle_rounds',
      'reply_overdue',
      'acked',
      'replied',
    ])
    .execute();
  const rows = new Map<string, { key: (string | number)[]; counters: Counters }>();
  for (const g of groups) {
    // countersOf reads only whether ack_at and first_reply_at are set, never their value.
    const facts: OpinionFacts = {
      status: g.status,
      ack_at: Number(g.acked) ? 'set' : null,
      ack_on_time: g.ack_on_time,
      ack_overdue: g.ack_overdue,
      first_reply_at: Number(g.replied) ? 'set' : null,
      reply_on_time: g.reply_on_time,
      last_result: g.last_result,
      last_rating: g.last_rating,
      rehandle_rounds: g.rehandle_rounds,
      reply_overdue: g.reply_overdue,
    };
    const key = [g.stats_month, g.jurisdiction_id, g.station_id ?? 0, g.unit_id ?? 0, g.category_code ?? ''];
    const id = key.join('|');
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { key, counters: emptyCounters() }));
    const c = countersOf(facts);
    for (const k of STATS_COUNTERS) row.counters[k] += c[k] * Number(g.n);
  }
  const all = [...rows.values()];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('opinion_stats').execute();
    for (let i = 0; i < all.length; i += 1000) {
      await trx
        .insertInto('opinion_stats')
        .values(
          all.slice(i, i + 1000).map(({ key: [month, j, s, u, c], counters }) => ({
            month: month as string,
            jurisdiction_id: j as number,
            station_id: s as number,
            unit_id: u as number,
            category_code: c as string,
            ...counters,
          })),
        )
        .execute();
    }
  });
  return all.length;
}

/**
 * Grow the demo's opinions to at least `total` (whole copies of the demo's year) and rebuild the
 * statistics. The database must hold the demo and nothing else yet.
 */
export async function growOpinions(ctx: AppContext, total: number): Promise<Dataset> {
  const db = ctx.database.db;
  const { n, maxId } = (await db
    .selectFrom('opinion')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('maxId')])
    .executeTakeFirstOrThrow()) as { n: number; maxId: number };
  const copies = Math.max(0, Math.ceil((total - Number(n)) / Number(n)));
  const columns = await opinionColumns(db);
  const sqlite = ctx.database.sqlite;
  const cacheSize = sqlite?.pragma('cache_size', { simple: true }) as number | undefined;
  // The benchmark's own database, rebuilt if lost: no need to wait for the disk while filling it.
  sqlite?.pragma('synchronous = OFF');
  sqlite?.pragma('cache_size = -1000000');
  let t = performance.now();
  const step = Math.floor((SPREAD_DAYS * 86_400) / Math.max(1, copies));
  // The oldest copies first, so ids grow with time as they would have.
  const all: Copy[] = Array.from({ length: copies }, (_, i) => {
    const k = copies - i;
    return { k, base: Number(maxId) * (i + 1), shift: k * step };
  });
  for (let i = 0; i < all.length; i += COPIES_PER_STATEMENT) {
    const batch = all.slice(i, i + COPIES_PER_STATEMENT);
    await db.transaction().execute((trx) => copyStatement(ctx, columns, batch, Number(maxId)).execute(trx));
  }
  if (ctx.database.dialect === 'postgres') {
    await sql`select setval(pg_get_serial_sequence('opinion', 'id'), (select max(id) from opinion))`.execute(
      db,
    );
  }
  const copyMs = performance.now() - t;
  t = performance.now();
  const statsRows = await rebuildStats(ctx);
  if (ctx.database.dialect === 'postgres') {
    // What autovacuum does after a bulk load (statistics for the planner, the visibility map
    // for index-only scans), for every table of the schema, before anyone reads them.
    const tables = await sql<{ name: string }>`
      select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
    for (const t of tables.rows) await sql`vacuum analyze ${sql.table(t.name)}`.execute(db);
  }
  const statsMs = performance.now() - t;
  sqlite?.pragma('synchronous = NORMAL');
  sqlite?.pragma(`cache_size = ${cacheSize}`);
  const opinions = await countOpinions(ctx);
  return { opinions, statsRows, copyMs, statsMs };
}

export async function countOpinions(ctx: AppContext): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('opinion')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Σ collected over the statistics equals the number of opinions (the rest is countersOf's). */
export async function checkStats(ctx: AppContext): Promise<void> {
  const [opinions, stats] = await Promise.all([
    countOpinions(ctx),
    ctx.database.db
      .selectFrom('opinion_stats')
      .select((eb) => eb.fn.sum<number>('collected').as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(stats.n) !== opinions)
    throw new Error(`bench dataset: statistics count ${stats.n} opinions, the table holds ${opinions}`);
}
