/**
 * What scoring reads and writes: the members of a congress in a year, their invitations to
 * activities, their suggestions, their rated opinions — each read once for everyone asked, so a
 * congress of ten thousand representatives is a handful of queries — and the rule sets and score
 * entries. Reads of other modules' tables are joins here, never their repos.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ActivityKind } from '../activities/activities.domain.ts';
import type { OpinionRecord, Participation, SuggestionRecord } from './performance.domain.ts';

export interface YearWindow {
  year: number;
  /** The year's bounds as instants (Beijing midnight), ISO. */
  fromIso: string;
  toIso: string;
}

/** Beijing's 1 January 00:00 of `year` and of the next, as instants. */
export function yearWindow(year: number): YearWindow {
  const at = (y: number) => new Date(Date.UTC(y, 0, 1) - 8 * 3_600_000).toISOString();
  return { year, fromIso: at(year), toIso: at(year + 1) };
}

/**
 * Whose records to read: everyone seated on a congress (one query, the seats as a subquery) or
 * the representatives listed (in chunks: a parameter list of ten thousand ids is too long for
 * SQLite). Rows of people outside `ids` are dropped by the caller's lookup.
 */
export type Who = { congressId: number; ids: readonly number[] | null };

function chunksOf(who: Who): (readonly number[] | null)[] {
  if (who.ids === null) return [null];
  const out: number[][] = [];
  for (let i = 0; i < who.ids.length; i += 900) out.push(who.ids.slice(i, i + 900));
  return out;
}

/** The ids of a chunk, or the congress's seats as a subquery. */
function whoIn(db: Kysely<DB>, congressId: number, chunk: readonly number[] | null) {
  return (
    chunk ??
    db.selectFrom('representative_seat').select('representative_id').where('congress_id', '=', congressId)
  );
}

export async function ruleSet(db: Kysely<DB>, id: number) {
  return db.selectFrom('performance_rule_set').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rule set in force for a congress and year: its newest version. */
export async function currentRuleSet(db: Kysely<DB>, congressId: number, year: number) {
  return db
    .selectFrom('performance_rule_set')
    .selectAll()
    .where('congress_id', '=', congressId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export function ruleSetVersions(db: Kysely<DB>, congressId: number, year: number) {
  return db
    .selectFrom('performance_rule_set')
    .selectAll()
    .where('congress_id', '=', congressId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertRuleSet(
  trx: Transaction<DB>,
  r: {
    congress_id: number;
    year: number;
    version: number;
    rules: string;
    note: string | null;
    created_by_user_id: number | null;
    created_at: string;
  },
): Promise<number> {
  return (await trx.insertInto('performance_rule_set').values(r).returning('id').executeTakeFirstOrThrow())
    .id;
}

/** Rule sets of the year for the congresses these representatives serve on. */
export async function ruleSetsFor(db: Kysely<DB>, representativeIds: readonly number[], year: number) {
  if (representativeIds.length === 0) return [];
  const congresses = await db
    .selectFrom('representative_seat')
    .select('congress_id')
    .distinct()
    .where('representative_id', 'in', [...representativeIds])
    .execute();
  if (congresses.length === 0) return [];
  const sets = await db
    .selectFrom('performance_rule_set')
    .selectAll()
    .where(
      'congress_id',
      'in',
      congresses.map((c) => c.congress_id),
    )
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
  // The newest version of each congress.
  const seen = new Set<number>();
  return sets.filter((s) => (seen.has(s.congress_id) ? false : (seen.add(s.congress_id), true)));
}

/** The representatives who served on the congress at any time in the year (optionally only these). */
export async function members(
  db: Kysely<DB>,
  congressId: number,
  year: number,
  only: readonly number[] | null,
): Promise<{ id: number; name: string }[]> {
  let q = db
    .selectFrom('representative_seat as s')
    .innerJoin('representative as r', 'r.id', 's.representative_id')
    .select(['r.id', 'r.name'])
    .distinct()
    .where('s.congress_id', '=', congressId)
    .where((eb) => eb.or([eb('s.ended_on', 'is', null), eb('s.ended_on', '>=', `${year}-01-01`)]))
    .where((eb) => eb.or([eb('s.elected_on', 'is', null), eb('s.elected_on', '<=', `${year}-12-31`)]));
  if (only) q = q.where('r.id', 'in', only.length > 0 ? [...only] : [-1]);
  return q.orderBy('r.id').execute();
}

const month = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);

/** Every invitation of these representatives to an activity starting in the year, by representative. */
export async function participations(
  db: Kysely<DB>,
  who: Who,
  w: YearWindow,
): Promise<Map<number, Participation[]>> {
  const out = new Map<number, Participation[]>();
  for (const ids of chunksOf(who)) {
    const people = whoIn(db, who.congressId, ids);
    // The activities once each (there are twenty participants to an activity), then the invitations.
    const activities = new Map<number, Omit<Participation, 'role' | 'status' | 'attendance'>>();
    const rows = await db
      .selectFrom('activity as a')
      .innerJoin('activity_type as t', 't.code', 'a.type_code')
      .select(['a.id', 'a.type_code', 't.kind', 'a.starts_at', 'a.ends_at', 'a.status'])
      .where('a.starts_at', '>=', w.fromIso)
      .where('a.starts_at', '<', w.toIso)
      .where('a.id', 'in', (eb) =>
        eb.selectFrom('activity_participant').select('activity_id').where('representative_id', 'in', people),
      )
      .execute();
    for (const a of rows)
      activities.set(a.id, {
        activityId: a.id,
        typeCode: a.type_code,
        kind: a.kind as ActivityKind,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        live: a.status === 'planned',
        month: month(a.starts_at),
      });
    const invitations = await db
      .selectFrom('activity_participant as p')
      .innerJoin('activity as a', 'a.id', 'p.activity_id')
      .select(['p.representative_id', 'p.activity_id', 'p.role', 'p.status', 'p.attendance'])
      .where('p.representative_id', 'in', people)
      .where('a.starts_at', '>=', w.fromIso)
      .where('a.starts_at', '<', w.toIso)
      .execute();
    for (const r of invitations) {
      const a = activities.get(r.activity_id);
      if (!a) continue;
      const list = out.get(r.representative_id) ?? [];
      list.push({
        ...a,
        role: r.role === 'host' ? 'host' : 'participant',
        status: r.status,
        attendance: r.attendance === 'present' || r.attendance === 'absent' ? r.attendance : null,
      });
      out.set(r.representative_id, list);
    }
  }
  return out;
}

/** The registered suggestions of the congress and year these representatives lead or co-signed. */
export async function suggestionsOf(
  db: Kysely<DB>,
  who: Who,
  year: number,
): Promise<Map<number, SuggestionRecord[]>> {
  const out = new Map<number, SuggestionRecord[]>();
  for (const ids of chunksOf(who)) {
    const rows = await db
      .selectFrom('suggestion_signer as g')
      .innerJoin('suggestion as s', 's.id', 'g.suggestion_id')
      .leftJoin('excellent_suggestion as e', 'e.suggestion_id', 's.id')
      .select(['g.representative_id', 's.id', 'g.role', 's.key_supervision', 'e.suggestion_id as excellent'])
      .where('g.representative_id', 'in', whoIn(db, who.congressId, ids))
      .where('g.status', '=', 'accepted')
      .where('s.congress_id', '=', who.congressId)
      .where('s.year', '=', year)
      .where('s.case_number', 'is not', null)
      .where('s.status', 'not in', ['MERGED', 'WITHDRAWN', 'NOT_ACCEPTED'])
      .orderBy('s.id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.representative_id) ?? [];
      list.push({
        suggestionId: r.id,
        role: r.role === 'lead' ? 'lead' : 'cosigner',
        key: r.key_supervision === 1,
        excellent: r.excellent !== null,
      });
      out.set(r.representative_id, list);
    }
  }
  return out;
}

/** The opinions addressed to these representatives that citizens rated in the year. */
export async function ratedOpinions(
  db: Kysely<DB>,
  who: Who,
  w: YearWindow,
): Promise<Map<number, OpinionRecord[]>> {
  const out = new Map<number, OpinionRecord[]>();
  for (const ids of chunksOf(who)) {
    const rows = await db
      .selectFrom('opinion')
      .select(['id', 'representative_id', 'last_rating'])
      .where('representative_id', 'in', whoIn(db, who.congressId, ids))
      .where('last_rating', 'is not', null)
      .where('rated_at', '>=', w.fromIso)
      .where('rated_at', '<', w.toIso)
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.representative_id!) ?? [];
      list.push({ opinionId: r.id, rating: r.last_rating as OpinionRecord['rating'] });
      out.set(r.representative_id!, list);
    }
  }
  return out;
}

export interface NewEntry {
  rule_set_id: number;
  representative_id: number;
  category: string;
  rule: string;
  source_type: string;
  source_id: number;
  points_centi: number;
  at: string;
}

/** Replace the entries of a rule set (for these representatives, or all) with new ones. */
export async function replaceEntries(
  trx: Transaction<DB>,
  ruleSetId: number,
  representativeIds: readonly number[] | null,
  entries: readonly NewEntry[],
): Promise<void> {
  if (representativeIds === null) {
    await trx.deleteFrom('score_entry').where('rule_set_id', '=', ruleSetId).execute();
  } else {
    for (let i = 0; i < representativeIds.length; i += 900)
      await trx
        .deleteFrom('score_entry')
        .where('rule_set_id', '=', ruleSetId)
        .where('representative_id', 'in', representativeIds.slice(i, i + 900))
        .execute();
  }
  // 8 columns a row: 1,000 rows (8,000 parameters) a statement stays under SQLite's 32,766 and
  // PostgreSQL's 65,535, and a full recompute is a few hundred statements, not thousands.
  for (let i = 0; i < entries.length; i += 1000)
    await trx
      .insertInto('score_entry')
      .values(entries.slice(i, i + 1000) as NewEntry[])
      .execute();
}

export async function markComputed(trx: Transaction<DB>, ruleSetId: number, at: string): Promise<void> {
  await trx
    .updateTable('performance_rule_set')
    .set({ computed_at: at })
    .where('id', '=', ruleSetId)
    .execute();
}

/** The totals of every representative under a rule set, per category (before caps). */
export function totalsByRepresentative(db: Kysely<DB>, ruleSetId: number) {
  return db
    .selectFrom('score_entry')
    .select(['representative_id', 'category', (eb) => eb.fn.sum<number | string>('points_centi').as('centi')])
    .where('rule_set_id', '=', ruleSetId)
    .groupBy(['representative_id', 'category'])
    .execute();
}

export function entriesOf(db: Kysely<DB>, ruleSetId: number, representativeId: number) {
  return db
    .selectFrom('score_entry')
    .selectAll()
    .where('rule_set_id', '=', ruleSetId)
    .where('representative_id', '=', representativeId)
    .orderBy('id')
    .execute();
}

export async function congressOf(db: Kysely<DB>, congressId: number) {
  return db
    .selectFrom('congress as c')
    .innerJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
    .select(['c.id', 'c.name', 'c.level', 'c.jurisdiction_id', 'j.path'])
    .where('c.id', '=', congressId)
    .executeTakeFirst();
}

export function activityTypeCodes(db: Kysely<DB>) {
  return db.selectFrom('activity_type').select(['code', 'label_zh']).execute();
}

/** Every rule set of a year, newest version first. */
export function ruleSetsOfYear(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('performance_rule_set')
    .select(['id', 'congress_id', 'version', 'computed_at'])
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
}
