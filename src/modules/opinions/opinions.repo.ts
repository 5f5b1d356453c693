/**
 * Storage of the opinion loop's writes: the opinion row (written with its version, so a stale
 * write changes nothing), its events, replies, ratings, extension requests, photos, the alerts
 * raised, and the monthly statistics kept equal to Σ countersOf(opinion) (opinions.kpi.ts).
 */
import {
  sql,
  type Expression,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { mergeStatsDeltas, type StatsCounter, type StatsDelta } from './opinions.kpi.ts';
import type {
  AttachmentTable,
  OpinionEventTable,
  OpinionExtensionTable,
  OpinionRatingTable,
  OpinionReplyTable,
  OpinionTable,
} from './opinions.tables.ts';
import type { OpinionExpressions } from './opinions.visibility.ts';

export type OpinionRow = Selectable<OpinionTable>;
export type OpinionPatch = Partial<Omit<OpinionRow, 'id' | 'version' | 'tracking_code' | 'created_at'>>;
export type NewEvent = Insertable<OpinionEventTable>;
export type NewReply = Insertable<OpinionReplyTable>;
export type NewRating = Insertable<OpinionRatingTable>;
export type NewExtension = Insertable<OpinionExtensionTable>;
export type NewAttachment = Insertable<AttachmentTable>;
export type Visibility = (eb: OpinionExpressions) => Expression<SqlBool>;

/** An opinion with what decides who acts on it (see opinions.visibility.ts actorKinds). */
export interface LoadedOpinion {
  row: OpinionRow;
  jurisdictionPath: string;
  representativeServes: boolean;
}

function loadQuery(db: Kysely<DB>, representativeId: number | null) {
  return db
    .selectFrom('opinion')
    .innerJoin('jurisdiction as oj', 'oj.id', 'opinion.jurisdiction_id')
    .selectAll('opinion')
    .select('oj.path as jurisdiction_path')
    .select((eb) =>
      eb
        .or(
          representativeId === null
            ? []
            : [
                eb.exists(
                  eb
                    .selectFrom('station_member as ksm')
                    .select('ksm.station_id')
                    .whereRef('ksm.station_id', '=', 'opinion.station_id')
                    .where('ksm.representative_id', '=', representativeId),
                ),
                eb.exists(
                  eb
                    .selectFrom('grid_member as kgm')
                    .select('kgm.grid_id')
                    .whereRef('kgm.grid_id', '=', 'opinion.grid_id')
                    .where('kgm.representative_id', '=', representativeId),
                ),
              ],
        )
        .as('representative_serves'),
    );
}

function toLoaded(
  r: OpinionRow & { jurisdiction_path: string; representative_serves: unknown },
): LoadedOpinion {
  const { jurisdiction_path, representative_serves, ...row } = r;
  return {
    row,
    jurisdictionPath: jurisdiction_path,
    // SQLite answers 0/1, PostgreSQL true/false.
    representativeServes: Boolean(Number(representative_serves)),
  };
}

/** One opinion by id, when the predicate shows it (null: the system, which sees everything). */
export async function findOpinion(
  db: Kysely<DB>,
  id: number,
  visible: Visibility | null,
  representativeId: number | null,
): Promise<LoadedOpinion | undefined> {
  let q = loadQuery(db, representativeId).where('opinion.id', '=', id);
  if (visible) q = q.where(visible);
  const row = await q.executeTakeFirst();
  return row ? toLoaded(row) : undefined;
}

/** One opinion by the citizen's tracking code. */
export async function findByTrackingCode(db: Kysely<DB>, code: string): Promise<LoadedOpinion | undefined> {
  const row = await loadQuery(db, null).where('opinion.tracking_code', '=', code).executeTakeFirst();
  return row ? toLoaded(row) : undefined;
}

/** Insert opinions in one statement; answers their ids in the order given. */
export async function insertOpinions(
  trx: Transaction<DB>,
  rows: readonly Insertable<OpinionTable>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  // Neither engine promises RETURNING rows in the order of VALUES: match them by tracking code.
  const inserted = await trx
    .insertInto('opinion')
    .values([...rows])
    .returning(['id', 'tracking_code'])
    .execute();
  const ids = new Map(inserted.map((r) => [r.tracking_code, r.id]));
  return rows.map((r) => ids.get(r.tracking_code)!);
}

/** Write a change made from `version`; false when someone else moved the opinion first. */
export async function updateOpinion(
  trx: Transaction<DB>,
  id: number,
  version: number,
  patch: OpinionPatch,
): Promise<boolean> {
  const result = await trx
    .updateTable('opinion')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvents(trx: Transaction<DB>, events: readonly NewEvent[]): Promise<void> {
  if (events.length > 0)
    await trx
      .insertInto('opinion_event')
      .values([...events])
      .execute();
}

export async function insertReply(trx: Transaction<DB>, reply: NewReply): Promise<void> {
  await trx.insertInto('opinion_reply').values(reply).execute();
}

export async function insertRating(trx: Transaction<DB>, rating: NewRating): Promise<void> {
  await trx.insertInto('opinion_rating').values(rating).execute();
}

export async function insertExtension(trx: Transaction<DB>, extension: NewExtension): Promise<void> {
  await trx.insertInto('opinion_extension').values(extension).execute();
}

/** Record the decision on the pending extension request of an opinion. */
export async function decideExtension(
  trx: Transaction<DB>,
  opinionId: number,
  decision: {
    decided_at: string;
    decided_by_user_id: number | null;
    approved: number;
    new_due: string | null;
    decision_note: string | null;
  },
): Promise<void> {
  await trx
    .updateTable('opinion_extension')
    .set(decision)
    .where('opinion_id', '=', opinionId)
    .where('decided_at', 'is', null)
    .execute();
}

/** The pending extension request of an opinion. */
export async function pendingExtension(
  db: Kysely<DB>,
  opinionId: number,
): Promise<{ working_days: number; previous_due: string } | undefined> {
  return db
    .selectFrom('opinion_extension')
    .select(['working_days', 'previous_due'])
    .where('opinion_id', '=', opinionId)
    .where('decided_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertAttachments(trx: Transaction<DB>, rows: readonly NewAttachment[]): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('attachment')
      .values([...rows])
      .execute();
}

/**
 * When the opinions with these phones (blind indexes) were submitted, since the instant: for the
 * per-phone daily limit (a handful of rows per phone at most, as the limit keeps them few).
 */
export async function submissionsByPhonesSince(
  db: Kysely<DB>,
  phoneHashes: readonly string[],
  since: string,
): Promise<{ phoneHash: string; submittedAt: string }[]> {
  if (phoneHashes.length === 0) return [];
  const rows = await db
    .selectFrom('opinion')
    .select(['submitter_phone_hash', 'submitted_at'])
    .where('submitter_phone_hash', 'in', [...new Set(phoneHashes)])
    .where('submitted_at', '>', since)
    .execute();
  return rows.map((r) => ({ phoneHash: r.submitter_phone_hash!, submittedAt: r.submitted_at }));
}

const STATS_KEY = ['month', 'jurisdiction_id', 'station_id', 'unit_id', 'category_code'] as const;

/**
 * Add the deltas to the monthly statistics, creating a row where none exists yet (both engines).
 * Deltas on one key are summed first, and those changing the same counters go in one statement.
 */
export async function applyStatsDeltas(trx: Transaction<DB>, deltas: readonly StatsDelta[]): Promise<void> {
  const bySignature = new Map<string, StatsDelta[]>();
  for (const d of mergeStatsDeltas(deltas)) {
    const signature = Object.keys(d.counters).sort().join(',');
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), d]);
  }
  for (const [signature, same] of bySignature) {
    const counters = signature.split(',') as StatsCounter[];
    await trx
      .insertInto('opinion_stats')
      .values(
        same.map((d) => ({ ...d.key, ...Object.fromEntries(counters.map((c) => [c, d.counters[c]!])) })),
      )
      .onConflict((oc) =>
        oc
          .columns([...STATS_KEY])
          .doUpdateSet(
            Object.fromEntries(
              counters.map((c) => [
                c,
                sql<number>`${sql.ref(`opinion_stats.${c}`)} + ${sql.ref(`excluded.${c}`)}`,
              ]),
            ),
          ),
      )
      .execute();
  }
}

/**
 * Note an alert as raised, unless it already was (by this or another process): the primary key
 * (opinion, kind, round) decides, so each alert is sent once.
 */
export async function claimAlert(
  trx: Transaction<DB>,
  alert: { opinion_id: number; kind: string; round: number; at: string },
): Promise<boolean> {
  const result = await trx
    .insertInto('opinion_alert')
    .values(alert)
    .onConflict((oc) => oc.columns(['opinion_id', 'kind', 'round']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forget the alerts of deadlines that changed (a new unit, an extension): the new ones alert again. */
export async function clearAlerts(
  trx: Transaction<DB>,
  opinionId: number,
  kinds: readonly string[],
): Promise<void> {
  await trx
    .deleteFrom('opinion_alert')
    .where('opinion_id', '=', opinionId)
    .where('kind', 'in', [...kinds])
    .execute();
}
