/**
 * The duty-performance benchmark (issue 5: "recomputing scores for 10,000 representatives with
 * 500,000 activity records finishes in seconds"): a congress of 10,000 representatives seated on
 * one congress of the demo city, 25,000 activities of last year (Beijing) with 20 participants
 * each — 500,000 participations, most present, some on approved leave, some absent — plus 2,000
 * registered suggestions (lead and two co-signers, some 重点督办, some excellent) and 20,000
 * rated opinions addressed to the representatives, and the default rule set saved for the year.
 *
 * Made fast: representatives, seats, activities, suggestions and opinions are multi-row inserts
 * with explicit ids; the 500,000 participations are one INSERT … SELECT over a generated series
 * (a recursive CTE on SQLite, generate_series on PostgreSQL), each row's representative,
 * role and attendance worked out from its number. On SQLite the file is cached in the temporary
 * directory (like the million opinions of dataset.ts), keyed by the migrations, this file and the
 * year.
 *
 * Then timed: the full recompute (`recompute(ctx, ruleSetId)`: every member's records read,
 * scored and written as score entries), first into an empty rule set and again over its own
 * entries; the reads and scoring alone (`cardsFor`); and over HTTP one representative's score
 * card, the ranking's first page and the congress dashboard.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../src/platform/context.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { migrations } from '../src/platform/db/migrations/index.ts';
import { DEFAULT_RULES } from '../src/modules/performance/performance.domain.ts';
import { cardsFor, recompute } from '../src/modules/performance/scoring.service.ts';
import { signInHeaders, startLiaison, type LiaisonServer } from './liaison.ts';
import { timeRequests, type Timing } from './load.ts';

export const REPRESENTATIVES = 10_000;
export const ACTIVITIES = 25_000;
export const PER_ACTIVITY = 20;
const SUGGESTIONS = 2_000;
const OPINIONS = 20_000;
const CONGRESS_CODE = 'BENCH-SCORES';

/** The year of the dataset: last year, so every activity is over and every month counts. */
export const benchYear = (): number => new Date().getUTCFullYear() - 1;

const CACHE_DIR = path.join(tmpdir(), 'liaison-bench-cache');

function cacheFile(year: number): string {
  const key = createHash('sha256')
    .update(Object.keys(migrations).join(','))
    .update(readFileSync(import.meta.filename))
    .update(String(year))
    .digest('hex')
    .slice(0, 16);
  return path.join(CACHE_DIR, `scores-${key}.db`);
}

/** Beijing 09:00 of day `d` (0-based) of the year, as an instant. */
function dayAt(year: number, d: number, hour = 9): Date {
  return new Date(Date.UTC(year, 0, 1 + d, hour - 8));
}

/** Activity types by weight: receptions most, then research and inspection, the rest in turn. */
const TYPE_CYCLE = [
  ...Array<string>(6).fill('reception'),
  ...Array<string>(4).fill('research'),
  ...Array<string>(3).fill('inspection'),
  'law_check',
  'project_supervision',
  'group_activity',
  'training',
  'lecture',
  'consultation',
  'report_to_voters',
] as const;

async function insertChunks<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function nextId(db: Kysely<DB>, table: 'representative' | 'activity' | 'suggestion' | 'opinion') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirstOrThrow();
  return Number(row.m ?? 0) + 1;
}

export interface ScoresDataset {
  server: LiaisonServer;
  congressId: number;
  ruleSetId: number;
  year: number;
  /** A representative in the middle of the roster, for the score card. */
  sampleRepresentativeId: number;
  participations: number;
  origin: string;
}

/** Build the dataset into the server's (empty but for the demo) database. */
async function build(ctx: AppContext, year: number): Promise<void> {
  const db = ctx.database.db;
  const pg = ctx.database.dialect === 'postgres';
  const sqlite = ctx.database.sqlite;
  sqlite?.pragma('synchronous = OFF');
  const now = new Date().toISOString();
  const city = await db
    .selectFrom('jurisdiction')
    .select(['id', 'path'])
    .where('level', '=', 'city')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const places = await db
    .selectFrom('jurisdiction')
    .select('id')
    .where('path', 'like', `${city.path}%`)
    .where('level', 'in', ['county', 'township'])
    .orderBy('id')
    .execute();
  const stations = await db
    .selectFrom('station')
    .select(['id', 'jurisdiction_id'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const groups = await db.selectFrom('rep_group').select(['id', 'jurisdiction_id']).orderBy('id').execute();
  if (stations.length === 0 || groups.length === 0)
    throw new Error('bench scores: the demo has no stations or groups');

  const congress = await db
    .insertInto('congress')
    .values({
      code: CONGRESS_CODE,
      name: '清江市压测人民代表大会',
      level: 'city',
      term_number: 99,
      jurisdiction_id: city.id,
      term_start: `${year - 1}-01-01`,
      term_end: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Representatives, their seats, a station and a group each.
  const r0 = await nextId(db, 'representative');
  const reps = Array.from({ length: REPRESENTATIVES }, (_, k) => k);
  await db.transaction().execute(async (trx) => {
    await insertChunks(reps, 1000, (chunk) =>
      trx
        .insertInto('representative')
        .values(
          chunk.map((k) => ({
            id: r0 + k,
            code: `BENCH-R${String(k).padStart(5, '0')}`,
            name: `压测代表${k}`,
            gender: k % 2 === 0 ? ('male' as const) : ('female' as const),
            ethnicity: null,
            jurisdiction_id: places[k % places.length]!.id,
            employer: null,
            post: null,
            sector: null,
            status: 'active' as const,
            status_note: null,
            is_public: 1,
            bio: null,
            phone_enc: null,
            phone_hash: null,
            public_code: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute(),
    );
    await insertChunks(reps, 2000, (chunk) =>
      trx
        .insertInto('representative_seat')
        .values(
          chunk.map((k) => ({
            representative_id: r0 + k,
            congress_id: congress.id,
            delegation: null,
            constituency: null,
            elected_on: `${year - 1}-01-10`,
            ended_on: null,
          })),
        )
        .execute(),
    );
    await insertChunks(reps, 4000, (chunk) =>
      trx
        .insertInto('station_member')
        .values(
          chunk.map((k) => ({ station_id: stations[k % stations.length]!.id, representative_id: r0 + k })),
        )
        .execute(),
    );
    await insertChunks(reps, 3000, (chunk) =>
      trx
        .insertInto('group_member')
        .values(
          chunk.map((k) => ({
            group_id: groups[k % groups.length]!.id,
            representative_id: r0 + k,
            role: 'member' as const,
          })),
        )
        .execute(),
    );
  });

  // Activities: spread over the year's days, receptions at stations, group activities by groups.
  const a0 = await nextId(db, 'activity');
  const acts = Array.from({ length: ACTIVITIES }, (_, a) => a);
  await db.transaction().execute(async (trx) => {
    await insertChunks(acts, 1000, (chunk) =>
      trx
        .insertInto('activity')
        .values(
          chunk.map((a) => {
            const type = TYPE_CYCLE[a % TYPE_CYCLE.length]!;
            const station = stations[a % stations.length]!;
            const group = groups[a % groups.length]!;
            const organiser =
              type === 'reception' ? 'station' : type === 'group_activity' ? 'group' : 'congress';
            const starts = dayAt(year, Math.floor((a * 365) / ACTIVITIES));
            // Two hours mostly; every seventh a whole day (two half days for an absence).
            const ends = new Date(starts.getTime() + (a % 7 === 0 ? 8 : 2) * 3_600_000);
            return {
              id: a0 + a,
              type_code: type,
              title: `压测活动${a}`,
              organiser,
              jurisdiction_id:
                organiser === 'station'
                  ? station.jurisdiction_id
                  : organiser === 'group'
                    ? group.jurisdiction_id
                    : places[a % places.length]!.id,
              congress_id: organiser === 'congress' ? congress.id : null,
              station_id: organiser === 'station' ? station.id : null,
              group_id: organiser === 'group' ? group.id : null,
              starts_at: starts.toISOString(),
              ends_at: ends.toISOString(),
              place: null,
              agenda: null,
              // One in a hundred was cancelled: it counts for nothing.
              status: a % 100 === 99 ? 'cancelled' : 'planned',
              checkin_code: `bench${a}`,
              minutes: null,
              rule_date: null,
              created_by_user_id: null,
              deleted_at: null,
              deleted_reason: null,
              created_at: now,
              updated_at: now,
            };
          }),
        )
        .execute(),
    );
  });

  // 500,000 participations, one statement: participation i is activity i / 20's j-th (j = i % 20),
  // representative (a·37 + j·500) mod 10,000 (distinct within an activity, 50 each in all);
  // h = (i mod 9973)·7919 mod 100 decides: < 85 present (checked in at the start), < 93 approved leave,
  // < 97 marked absent, else never recorded (an unexcused absence too).
  const total = ACTIVITIES * PER_ACTIVITY;
  const ts = (iso: string) => (pg ? sql`cast(${iso} as timestamptz)` : sql`${iso}`);
  const h = sql`(((n.i % 9973) * 7919) % 100)`;
  const select = sql`select ${sql.lit(a0)} + n.i / ${sql.lit(PER_ACTIVITY)},
      ${sql.lit(r0)} + ((n.i / ${sql.lit(PER_ACTIVITY)}) * 37 + (n.i % ${sql.lit(PER_ACTIVITY)}) * 500) % ${sql.lit(REPRESENTATIVES)},
      case when n.i % ${sql.lit(PER_ACTIVITY)} = 0 and (n.i / ${sql.lit(PER_ACTIVITY)}) % 5 = 0 then 'host' else 'participant' end,
      case when ${h} >= 85 and ${h} < 93 then 'leave_approved' else 'signed_up' end,
      ${ts(`${year - 1}-12-20T00:00:00.000Z`)},
      case when ${h} < 85 then 'present' when ${h} >= 93 and ${h} < 97 then 'absent' else null end,
      case when ${h} < 85 then a.starts_at else null end,
      case when ${h} < 85 then 'qr' else null end`;
  const columns = sql`(activity_id, representative_id, role, status, invited_at, attendance, checked_in_at, checkin_method)`;
  await db.transaction().execute((trx) =>
    pg
      ? sql`insert into activity_participant ${columns}
          ${select} from generate_series(0, ${sql.lit(total - 1)}) as n(i)
          join activity a on a.id = ${sql.lit(a0)} + n.i / ${sql.lit(PER_ACTIVITY)}`.execute(trx)
      : sql`insert into activity_participant ${columns}
          with recursive n(i) as (select 0 union all select i + 1 from n where i < ${sql.lit(total - 1)})
          ${select} from n join activity a on a.id = ${sql.lit(a0)} + n.i / ${sql.lit(PER_ACTIVITY)}`.execute(
          trx,
        ),
  );

  // Registered suggestions of the year: lead and two co-signers; every tenth 重点督办, every twentieth excellent.
  const s0 = await nextId(db, 'suggestion');
  const sugs = Array.from({ length: SUGGESTIONS }, (_, k) => k);
  await db.transaction().execute(async (trx) => {
    await insertChunks(sugs, 500, (chunk) =>
      trx
        .insertInto('suggestion')
        .values(
          chunk.map((k) => {
            const at = dayAt(year, k % 300).toISOString();
            return {
              id: s0 + k,
              kind: 'suggestion',
              status: 'REGISTERED',
              congress_id: congress.id,
              jurisdiction_id: city.id,
              period: 'session',
              session_number: 1,
              year,
              session_key: `${year}-bench`,
              case_number: k + 1,
              registered_at: at,
              title: `压测建议${k}`,
              category_code: null,
              background: '事由',
              proposals: '建议',
              basis: null,
              lead_representative_id: r0 + ((k * 5) % REPRESENTATIVES),
              created_by_user_id: null,
              submitted_at: at,
              refusal_reason: null,
              refusal_note: null,
              merged_into_id: null,
              key_supervision: k % 10 === 0 ? 1 : 0,
              supervisor_user_id: null,
              assigned_at: null,
              return_due: null,
              co_opinion_due: null,
              reply_due: null,
              max_reply_due: null,
              paused_from: null,
              last_contact_round: null,
              first_replied_at: null,
              last_replied_at: null,
              reply_on_time: null,
              reply_class: null,
              evaluation_due: null,
              evaluated_at: null,
              attitude_rating: null,
              result_rating: null,
              escalated_at: null,
              close_reason: null,
              closed_at: null,
              published_at: null,
              published_title: null,
              published_body: null,
              published_reply: null,
              created_at: at,
              updated_at: at,
            };
          }),
        )
        .execute(),
    );
    const signers = sugs.flatMap((k) =>
      [0, 1, 2].map((n) => ({
        suggestion_id: s0 + k,
        representative_id: r0 + ((k * 5 + n * 3_331) % REPRESENTATIVES),
        role: n === 0 ? 'lead' : 'cosigner',
        status: 'accepted',
        origin_suggestion_id: null,
        invited_at: now,
        answered_at: now,
      })),
    );
    await insertChunks(signers, 2000, (chunk) => trx.insertInto('suggestion_signer').values(chunk).execute());
    await trx
      .insertInto('excellent_suggestion')
      .values(
        sugs
          .filter((k) => k % 20 === 0)
          .map((k) => ({ suggestion_id: s0 + k, marked_by_user_id: null, at: now })),
      )
      .execute();
  });

  // Opinions addressed to the representatives and rated in the year: 6 satisfied, 3 basically, 1 not, in 10.
  const o0 = await nextId(db, 'opinion');
  const ops = Array.from({ length: OPINIONS }, (_, k) => k);
  const ratings = ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied'] as string[];
  ratings.push('basically_satisfied', 'basically_satisfied', 'basically_satisfied', 'unsatisfied');
  await db.transaction().execute(async (trx) => {
    await insertChunks(ops, 500, (chunk) =>
      trx
        .insertInto('opinion')
        .values(
          chunk.map((k) => {
            const submitted = dayAt(year, k % 330);
            const rated = new Date(submitted.getTime() + 20 * 86_400_000).toISOString();
            return {
              id: o0 + k,
              tracking_code: `BS${String(k).padStart(8, '0')}`,
              status: 'CLOSED',
              channel: 'qr',
              submitter_kind: 'citizen',
              jurisdiction_id: city.id,
              station_id: null,
              representative_id: r0 + ((k * 3) % REPRESENTATIVES),
              grid_id: null,
              category_code: null,
              content: '压测意见',
              address: null,
              submitter_name_enc: null,
              submitter_phone_enc: null,
              submitter_phone_hash: null,
              anonymous: 1,
              consent_privacy_at: submitted.toISOString(),
              privacy_notice_version: '2026-11',
              consent_publish: 0,
              registered_by_user_id: null,
              submitted_at: submitted.toISOString(),
              stats_month: new Date(submitted.getTime() + 8 * 3_600_000).toISOString().slice(0, 7),
              ack_due: submitted.toISOString(),
              ack_at: submitted.toISOString(),
              ack_on_time: 1,
              unit_id: null,
              assigned_at: null,
              sign_due: null,
              signed_at: null,
              reply_due: null,
              paused_from: null,
              first_reply_at: rated,
              reply_on_time: 1,
              last_result: 'solved',
              last_reply_at: rated,
              feedback_due: rated,
              last_rating: ratings[k % ratings.length]!,
              rated_at: rated,
              merged_into_id: null,
              rejection_reason: null,
              rejection_note: null,
              converted_ref: null,
              closed_at: rated,
              published_at: null,
              published_content: null,
              published_reply: null,
              created_at: submitted.toISOString(),
              updated_at: rated,
            };
          }),
        )
        .execute(),
    );
  });

  // The rules of the year, saved as staff would (without the recompute saving sets off: that is what is timed).
  await db
    .insertInto('performance_rule_set')
    .values({
      congress_id: congress.id,
      year,
      version: 1,
      rules: JSON.stringify(DEFAULT_RULES),
      note: 'bench',
      created_by_user_id: null,
      created_at: now,
      computed_at: null,
    })
    .execute();

  if (pg) {
    for (const t of ['representative', 'activity', 'suggestion', 'opinion'])
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'), (select max(id) from ${sql.table(t)}))`.execute(
        db,
      );
    const tables = await sql<{ name: string }>`
      select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
    for (const t of tables.rows) await sql`vacuum analyze ${sql.table(t.name)}`.execute(db);
  } else {
    await sql`analyze`.execute(db);
  }
  sqlite?.pragma('synchronous = NORMAL');
}

async function locate(server: LiaisonServer, year: number) {
  const db = server.ctx.database.db;
  const congress = await db
    .selectFrom('congress')
    .select('id')
    .where('code', '=', CONGRESS_CODE)
    .executeTakeFirstOrThrow();
  const set = await db
    .selectFrom('performance_rule_set')
    .select('id')
    .where('congress_id', '=', congress.id)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  const rep = await db
    .selectFrom('representative')
    .select('id')
    .where('code', '=', `BENCH-R${String(REPRESENTATIVES / 2).padStart(5, '0')}`)
    .executeTakeFirstOrThrow();
  const n = await db
    .selectFrom('activity_participant')
    .innerJoin('activity', 'activity.id', 'activity_participant.activity_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity.checkin_code', 'like', 'bench%')
    .executeTakeFirstOrThrow();
  return {
    congressId: congress.id,
    ruleSetId: set.id,
    sampleRepresentativeId: rep.id,
    participations: Number(n.n),
  };
}

/**
 * A Liaison server over the scores dataset: on SQLite a copy of the cached file when there is
 * one (else built, then cached), on PostgreSQL built in the run's schema.
 */
export async function startScoresDataset(
  dir: string,
  options: { pgUrl?: string | undefined; cache: boolean },
): Promise<ScoresDataset> {
  const name = 'scores';
  const year = benchYear();
  const file = path.join(dir, `${name}.db`);
  const cached = cacheFile(year);
  let origin: string;
  let server: LiaisonServer;
  if (!options.pgUrl && options.cache && existsSync(cached)) {
    const t = performance.now();
    copyFileSync(cached, file);
    server = await startLiaison(dir, { name });
    origin = `copied from ${cached} in ${((performance.now() - t) / 1000).toFixed(1)} s`;
  } else {
    server = await startLiaison(dir, { name, pgUrl: options.pgUrl });
    const t = performance.now();
    await build(server.ctx, year);
    origin = `built in ${((performance.now() - t) / 1000).toFixed(1)} s`;
    if (!options.pgUrl) {
      // Closing the only connection folds the WAL into the file: copy that, then carry on with it.
      await server.app.close();
      await server.ctx.database.destroy();
      if (options.cache) {
        mkdirSync(CACHE_DIR, { recursive: true });
        for (const old of readdirSync(CACHE_DIR).filter((f) => f.startsWith('scores-')))
          rmSync(path.join(CACHE_DIR, old), { force: true });
        copyFileSync(file, `${cached}.part`);
        renameSync(`${cached}.part`, cached);
      }
      server = await startLiaison(dir, { name });
    }
  }
  return { server, year, origin, ...(await locate(server, year)) };
}

export interface RecomputeTiming {
  name: string;
  seconds: number;
  representatives: number;
  entries: number;
}

export interface ScoresTimings {
  recomputes: RecomputeTiming[];
  /** cardsFor over the whole congress: the reads and the scoring, nothing written. */
  cardsSeconds: number;
  queries: (Timing & { name: string; note: string })[];
}

/** Time the full recompute (twice: into an empty set, then over its own entries) and the reads. */
export async function timeScores(d: ScoresDataset, samples: number): Promise<ScoresTimings> {
  const ctx = d.server.ctx;
  const recomputes: RecomputeTiming[] = [];
  for (const name of ['full recompute (empty set)', 'full recompute (replacing its entries)']) {
    const t = performance.now();
    const r = await recompute(ctx, d.ruleSetId);
    recomputes.push({ name, seconds: (performance.now() - t) / 1000, ...r });
  }
  const t = performance.now();
  await cardsFor(ctx, d.congressId, d.year, DEFAULT_RULES, null);
  const cardsSeconds = (performance.now() - t) / 1000;

  const staff = await signInHeaders(d.server, 'staff');
  const q = `congressId=${d.congressId}&year=${d.year}`;
  const queries: ScoresTimings['queries'] = [];
  const card = await timeRequests(
    d.server.url,
    {
      method: 'GET',
      path: `/api/v1/performance/representatives/${d.sampleRepresentativeId}?${q}`,
      headers: staff,
    },
    samples,
  );
  const cardBody = card.body as { total: number; lines: unknown[] };
  queries.push({
    ...card,
    name: 'score card of one representative',
    note: `${cardBody.lines.length} lines, ${cardBody.total} points`,
  });
  const ranking = await timeRequests(
    d.server.url,
    { method: 'GET', path: `/api/v1/performance/scores?${q}&page=1&pageSize=20`, headers: staff },
    samples,
  );
  const rankingBody = ranking.body as { total: number; items: { total: number }[] };
  queries.push({
    ...ranking,
    name: 'ranking, first page of 20',
    note: `${rankingBody.total} ranked, top ${rankingBody.items[0]?.total ?? '–'} points`,
  });
  // The dashboard reads every member's score card for the requirements: a few samples are enough.
  const dash = await timeRequests(
    d.server.url,
    { method: 'GET', path: `/api/v1/performance/dashboard?${q}`, headers: staff },
    Math.min(samples, 5),
    1,
  );
  const dashBody = dash.body as {
    totals: { members: number; activities: number; attendance: { rate: number | null } };
    requirements: { notMet: number }[];
  };
  queries.push({
    ...dash,
    name: 'congress dashboard (whole year)',
    note: `${dashBody.totals.members} members, ${dashBody.totals.activities} activities, attendance ${((dashBody.totals.attendance.rate ?? 0) * 100).toFixed(1)} %, not met ${dashBody.requirements.map((r) => r.notMet).join('/')}`,
  });
  return { recomputes, cardsSeconds, queries };
}
