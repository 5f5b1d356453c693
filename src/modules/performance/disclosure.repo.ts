/**
 * What 履职公示 reads and writes: the subject (a station, or a representative and whether their
 * profile is public), the month's activities and opinions behind the figures (joins on other
 * modules' tables, never their repos), and the published snapshots in `disclosure` — inserted,
 * never updated or deleted (a correction is a new version).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import type { DisclosureKind, OpinionFacts } from './disclosure.domain.ts';

export interface StationSubject {
  id: number;
  name: string;
  public_code: string;
  tier: string;
  status: string;
  jurisdiction_id: number;
  path: string;
  jurisdiction_name: string;
}

export interface RepresentativeSubject {
  id: number;
  name: string;
  public_code: string | null;
  is_public: number;
  status: string;
  jurisdiction_id: number;
  path: string;
  jurisdiction_name: string;
  levels: string[];
}

export async function stationSubject(
  db: Kysely<DB>,
  by: { id: number } | { publicCode: string },
): Promise<StationSubject | undefined> {
  let q = db
    .selectFrom('station as s')
    .innerJoin('jurisdiction as j', 'j.id', 's.jurisdiction_id')
    .select([
      's.id',
      's.name',
      's.public_code',
      's.tier',
      's.status',
      's.jurisdiction_id',
      'j.path',
      'j.name as jurisdiction_name',
    ]);
  q = 'id' in by ? q.where('s.id', '=', by.id) : q.where('s.public_code', '=', by.publicCode);
  return q.executeTakeFirst();
}

export async function representativeSubject(
  db: Kysely<DB>,
  by: { id: number } | { publicCode: string },
): Promise<RepresentativeSubject | undefined> {
  let q = db
    .selectFrom('representative as r')
    .innerJoin('jurisdiction as j', 'j.id', 'r.jurisdiction_id')
    .select([
      'r.id',
      'r.name',
      'r.public_code',
      'r.is_public',
      'r.status',
      'r.jurisdiction_id',
      'j.path',
      'j.name as jurisdiction_name',
    ]);
  q = 'id' in by ? q.where('r.id', '=', by.id) : q.where('r.public_code', '=', by.publicCode);
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  const seats = await db
    .selectFrom('representative_seat as s')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .select('c.level')
    .distinct()
    .where('s.representative_id', '=', r.id)
    .where('s.ended_on', 'is', null)
    .execute();
  return { ...r, levels: seats.map((s) => s.level) };
}

export interface ActivityRow {
  id: number;
  type_code: string;
  type_label: string;
  title: string;
  place: string | null;
  starts_at: string;
  ends_at: string;
}

/** Activities in these states took no place and count for nothing. */
const NOT_LIVE = ['cancelled', 'deleted'];

/** A station's activities that took place in the window (started in it and ended by `until`). */
export function stationActivities(
  db: Kysely<DB>,
  stationId: number,
  w: { fromIso: string; toIso: string },
  until: string,
): Promise<ActivityRow[]> {
  return db
    .selectFrom('activity as a')
    .innerJoin('activity_type as t', 't.code', 'a.type_code')
    .select([
      'a.id',
      'a.type_code',
      't.label_zh as type_label',
      'a.title',
      'a.place',
      'a.starts_at',
      'a.ends_at',
    ])
    .where('a.station_id', '=', stationId)
    .where('a.status', 'not in', NOT_LIVE)
    .where('a.starts_at', '>=', w.fromIso)
    .where('a.starts_at', '<', w.toIso)
    .where('a.ends_at', '<=', until)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
}

export interface InvitationRow extends ActivityRow {
  role: string;
  status: string;
  attendance: string | null;
}

/** A representative's invitations to activities that took place in the window. */
export function invitationsOf(
  db: Kysely<DB>,
  representativeId: number,
  w: { fromIso: string; toIso: string },
  until: string,
): Promise<InvitationRow[]> {
  return db
    .selectFrom('activity_participant as p')
    .innerJoin('activity as a', 'a.id', 'p.activity_id')
    .innerJoin('activity_type as t', 't.code', 'a.type_code')
    .select([
      'a.id',
      'a.type_code',
      't.label_zh as type_label',
      'a.title',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      'p.role',
      'p.status',
      'p.attendance',
    ])
    .where('p.representative_id', '=', representativeId)
    .where('a.status', 'not in', NOT_LIVE)
    .where('a.starts_at', '>=', w.fromIso)
    .where('a.starts_at', '<', w.toIso)
    .where('a.ends_at', '<=', until)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
}

/** Who was present at these activities: a count each, and the names of those with a public profile. */
export async function presence(
  db: Kysely<DB>,
  activityIds: readonly number[],
): Promise<Map<number, { present: number; names: string[] }>> {
  const out = new Map<number, { present: number; names: string[] }>();
  if (activityIds.length === 0) return out;
  const rows = await db
    .selectFrom('activity_participant as p')
    .innerJoin('representative as r', 'r.id', 'p.representative_id')
    .select(['p.activity_id', 'r.name', 'r.is_public', 'r.status'])
    .where('p.activity_id', 'in', [...activityIds])
    .where('p.attendance', '=', 'present')
    .orderBy('p.activity_id')
    .orderBy('p.role', 'asc')
    .orderBy('r.id')
    .execute();
  for (const r of rows) {
    const one = out.get(r.activity_id) ?? { present: 0, names: [] };
    one.present += 1;
    if (r.is_public === 1 && r.status === 'active') one.names.push(r.name);
    out.set(r.activity_id, one);
  }
  return out;
}

const CLOSED_STATES = ['CLOSED', 'CLOSED_UNRATED', 'PUBLISHED'];

/**
 * The opinions of a station or a representative that touch the month: submitted, closed (as
 * closed, not rejected or merged) or rated in it. Only what is counted is read: no text, no person.
 */
export async function opinionFacts(
  db: Kysely<DB>,
  by: { stationId: number } | { representativeId: number },
  month: string,
  w: { fromIso: string; toIso: string },
): Promise<OpinionFacts[]> {
  let q = db
    .selectFrom('opinion as o')
    .leftJoin('category as c', 'c.code', 'o.category_code')
    .select([
      'c.name_zh as category_label',
      'o.stats_month',
      'o.status',
      'o.closed_at',
      'o.last_result',
      'o.last_rating',
      'o.rated_at',
      'o.first_reply_at',
    ])
    .where((eb) =>
      eb.or([
        eb('o.stats_month', '=', month),
        eb.and([eb('o.closed_at', '>=', w.fromIso), eb('o.closed_at', '<', w.toIso)]),
        eb.and([eb('o.rated_at', '>=', w.fromIso), eb('o.rated_at', '<', w.toIso)]),
      ]),
    );
  q =
    'stationId' in by
      ? q.where('o.station_id', '=', by.stationId)
      : q.where('o.representative_id', '=', by.representativeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    categoryLabel: r.category_label ?? null,
    submittedMonth: r.stats_month,
    closedAt: CLOSED_STATES.includes(r.status) ? r.closed_at : null,
    lastResult: r.last_result,
    lastRating: r.last_rating,
    ratedAt: r.rated_at,
    replied: r.first_reply_at !== null,
  }));
}

/** The suggestions a representative led or co-signed that were registered in the window. */
export async function suggestionsRegistered(
  db: Kysely<DB>,
  representativeId: number,
  w: { fromIso: string; toIso: string },
): Promise<{ led: number; cosigned: number }> {
  const rows = await db
    .selectFrom('suggestion_signer as g')
    .innerJoin('suggestion as s', 's.id', 'g.suggestion_id')
    .select(['g.role'])
    .where('g.representative_id', '=', representativeId)
    .where('g.status', '=', 'accepted')
    .where('s.case_number', 'is not', null)
    .where('s.status', 'not in', ['MERGED', 'WITHDRAWN', 'NOT_ACCEPTED'])
    .where('s.registered_at', '>=', w.fromIso)
    .where('s.registered_at', '<', w.toIso)
    .execute();
  return {
    led: rows.filter((r) => r.role === 'lead').length,
    cosigned: rows.filter((r) => r.role !== 'lead').length,
  };
}

// --- The published snapshots -------------------------------------------------------------------

export interface DisclosureRow {
  id: number;
  kind: string;
  subject_id: number;
  jurisdiction_id: number;
  month: string;
  version: number;
  content: string;
  correction_note: string | null;
  published_at: string;
  published_by_user_id: number | null;
}

/** Every version of one subject's month, oldest first. */
export function versionsOf(
  db: Kysely<DB>,
  kind: DisclosureKind,
  subjectId: number,
  month: string,
): Promise<DisclosureRow[]> {
  return db
    .selectFrom('disclosure')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('month', '=', month)
    .orderBy('version')
    .execute();
}

/** One version by id, within the scope (a disclosure outside it is not found). */
export function disclosureInScope(db: Kysely<DB>, scope: Scope, id: number) {
  return db
    .selectFrom('disclosure')
    .selectAll()
    .where('id', '=', id)
    .where(inScope(scope, 'disclosure.jurisdiction_id'))
    .executeTakeFirst();
}

/** The months of a subject with a published disclosure, newest first. */
export async function publishedMonths(
  db: Kysely<DB>,
  kind: DisclosureKind,
  subjectId: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('disclosure')
    .select('month')
    .distinct()
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .orderBy('month', 'desc')
    .execute();
  return rows.map((r) => r.month);
}

export async function insertDisclosure(
  trx: Transaction<DB>,
  row: Omit<DisclosureRow, 'id'>,
): Promise<number> {
  const r = await trx.insertInto('disclosure').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface DisclosureListFilter {
  kind?: DisclosureKind;
  month?: string;
  subjectId?: number;
}

/**
 * The latest version of each published month in the scope (newest month first), with how many
 * versions it has and the subject's name.
 */
export async function latestDisclosures(
  db: Kysely<DB>,
  scope: Scope,
  f: DisclosureListFilter,
  page: number,
  pageSize: number,
) {
  let q = db
    .selectFrom('disclosure as d')
    .leftJoin('station as s', (j) => j.onRef('s.id', '=', 'd.subject_id').on('d.kind', '=', 'station'))
    .leftJoin('representative as r', (j) =>
      j.onRef('r.id', '=', 'd.subject_id').on('d.kind', '=', 'representative'),
    )
    .where(inScope(scope, 'd.jurisdiction_id'))
    .where(({ eb, selectFrom }) =>
      eb(
        'd.version',
        '=',
        selectFrom('disclosure as l')
          .select((e) => e.fn.max<number>('l.version').as('v'))
          .whereRef('l.kind', '=', 'd.kind')
          .whereRef('l.subject_id', '=', 'd.subject_id')
          .whereRef('l.month', '=', 'd.month'),
      ),
    );
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.month) q = q.where('d.month', '=', f.month);
  if (f.subjectId) q = q.where('d.subject_id', '=', f.subjectId);
  const total = await q.select((e) => e.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'd.id',
      'd.kind',
      'd.subject_id',
      'd.jurisdiction_id',
      'd.month',
      'd.version',
      'd.correction_note',
      'd.published_at',
      sql<string | null>`coalesce(${sql.ref('s.name')}, ${sql.ref('r.name')})`.as('subject_name'),
    ])
    .orderBy('d.month', 'desc')
    .orderBy('d.kind')
    .orderBy('d.subject_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** The display name of an account (who published). */
export async function userName(db: Kysely<DB>, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const u = await db
    .selectFrom('app_user')
    .select(['display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return u?.display_name ?? null;
}
