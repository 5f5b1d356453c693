/**
 * Storage of activities: the activity row (written at its version), its participants and outputs,
 * and the reads the rules need — where an organiser sits in the tree, who serves on a station or
 * group, a representative's other activities (for overlaps), reception days already made.
 */
import type {
  Expression,
  ExpressionBuilder,
  Insertable,
  Kysely,
  Selectable,
  SqlBool,
  Transaction,
} from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ActivityParticipantTable, ActivityTable } from './activities.tables.ts';

export type ActivityRow = Selectable<ActivityTable>;
export type ActivityPatch = Partial<Omit<ActivityRow, 'id' | 'version' | 'created_at' | 'checkin_code'>>;
export type ParticipantRow = Selectable<ActivityParticipantTable>;
export type ActivityExpressions = ExpressionBuilder<DB, 'activity'>;
export type Visibility = (eb: ActivityExpressions) => Expression<SqlBool>;

export interface LoadedActivity {
  row: ActivityRow;
  jurisdictionPath: string;
  typeKind: string;
  participants: ParticipantRow[];
}

export async function findActivity(
  db: Kysely<DB>,
  id: number,
  visible: Visibility | null,
): Promise<LoadedActivity | undefined> {
  let q = db
    .selectFrom('activity')
    .innerJoin('jurisdiction as aj', 'aj.id', 'activity.jurisdiction_id')
    .innerJoin('activity_type as at', 'at.code', 'activity.type_code')
    .selectAll('activity')
    .select(['aj.path as jurisdiction_path', 'at.kind as type_kind'])
    .where('activity.id', '=', id);
  if (visible) q = q.where(visible);
  const found = await q.executeTakeFirst();
  if (!found) return undefined;
  const { jurisdiction_path, type_kind, ...row } = found;
  return {
    row,
    jurisdictionPath: jurisdiction_path,
    typeKind: type_kind,
    participants: await participantsOf(db, id),
  };
}

export async function findByCheckinCode(db: Kysely<DB>, code: string): Promise<LoadedActivity | undefined> {
  const row = await db
    .selectFrom('activity')
    .select('id')
    .where('checkin_code', '=', code)
    .executeTakeFirst();
  return row ? findActivity(db, row.id, null) : undefined;
}

export function participantsOf(db: Kysely<DB>, activityId: number): Promise<ParticipantRow[]> {
  return db
    .selectFrom('activity_participant')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('role', 'asc')
    .orderBy('representative_id')
    .execute();
}

export async function insertActivity(trx: Transaction<DB>, row: Insertable<ActivityTable>): Promise<number> {
  return (await trx.insertInto('activity').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Write a change made from `version`; false when someone else changed the activity first. */
export async function updateActivity(
  trx: Transaction<DB>,
  id: number,
  version: number,
  patch: ActivityPatch,
) {
  const r = await trx
    .updateTable('activity')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertParticipants(
  trx: Transaction<DB>,
  rows: readonly Insertable<ActivityParticipantTable>[],
): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('activity_participant')
      .values([...rows])
      .onConflict((oc) => oc.columns(['activity_id', 'representative_id']).doNothing())
      .execute();
}

export async function removeParticipant(trx: Transaction<DB>, activityId: number, representativeId: number) {
  await trx
    .deleteFrom('activity_participant')
    .where('activity_id', '=', activityId)
    .where('representative_id', '=', representativeId)
    .execute();
}

export async function updateParticipant(
  trx: Transaction<DB>,
  activityId: number,
  representativeId: number,
  patch: Partial<Omit<ParticipantRow, 'activity_id' | 'representative_id'>>,
): Promise<void> {
  await trx
    .updateTable('activity_participant')
    .set(patch)
    .where('activity_id', '=', activityId)
    .where('representative_id', '=', representativeId)
    .execute();
}

export async function insertOutput(
  trx: Transaction<DB>,
  row: {
    activity_id: number;
    kind: string;
    ref_id: number | null;
    title: string | null;
    created_by_user_id: number | null;
    created_at: string;
  },
): Promise<number> {
  return (await trx.insertInto('activity_output').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function outputsOf(db: Kysely<DB>, activityId: number) {
  return db
    .selectFrom('activity_output as o')
    .leftJoin('suggestion as s', (j) => j.onRef('s.id', '=', 'o.ref_id').on('o.kind', '=', 'suggestion'))
    .select([
      'o.id',
      'o.kind',
      'o.ref_id',
      'o.title',
      'o.created_at',
      's.title as suggestion_title',
      's.case_number',
    ])
    .where('o.activity_id', '=', activityId)
    .orderBy('o.id')
    .execute();
}

/** Opinions registered at a reception day: the station's, on the activity's Beijing date, channel reception. */
export function receptionOpinions(db: Kysely<DB>, stationId: number, fromIso: string, toIso: string) {
  return db
    .selectFrom('opinion')
    .select(['id', 'tracking_code', 'status', 'submitted_at'])
    .where('station_id', '=', stationId)
    .where('channel', '=', 'reception')
    .where('submitted_at', '>=', fromIso)
    .where('submitted_at', '<', toIso)
    .orderBy('id')
    .execute();
}

/** Where an organiser sits: a station, a group or a congress, with its jurisdiction; undefined if none. */
export async function organiserPlace(
  db: Kysely<DB>,
  organiser: 'station' | 'group' | 'congress',
  id: number,
): Promise<{ jurisdictionId: number; path: string; name: string } | undefined> {
  const table = organiser === 'station' ? 'station' : organiser === 'group' ? 'rep_group' : 'congress';
  const row = await db
    .selectFrom(`${table} as o` as 'station as o')
    .innerJoin('jurisdiction as j', 'j.id', 'o.jurisdiction_id')
    .select(['o.jurisdiction_id', 'j.path', 'o.name'])
    .where('o.id', '=', id)
    .executeTakeFirst();
  return row && row.jurisdiction_id !== null
    ? { jurisdictionId: row.jurisdiction_id, path: row.path, name: row.name }
    : undefined;
}

/** Of these representatives, those that exist and are active. */
export async function activeRepresentatives(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('representative')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .where('status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The representatives' other live activities between two instants (for overlaps). */
export function activitiesOfRepresentatives(
  db: Kysely<DB>,
  representativeIds: readonly number[],
  fromIso: string,
  toIso: string,
) {
  if (representativeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_participant as p')
    .innerJoin('activity as a', 'a.id', 'p.activity_id')
    .select(['p.representative_id', 'a.id', 'a.title', 'a.starts_at', 'a.ends_at'])
    .where('p.representative_id', 'in', [...representativeIds])
    .where('a.status', '=', 'planned')
    .where('a.starts_at', '<', toIso)
    .where('a.ends_at', '>', fromIso)
    .execute();
}

export function activityTypes(db: Kysely<DB>, activeOnly: boolean) {
  let q = db.selectFrom('activity_type').selectAll().orderBy('sort_order').orderBy('code');
  if (activeOnly) q = q.where('active', '=', 1);
  return q.execute();
}

export async function upsertActivityType(
  trx: Transaction<DB>,
  t: {
    code: string;
    label_zh: string;
    label_en: string;
    kind: string;
    sort_order: number;
    active: number;
    updated_at: string;
  },
): Promise<void> {
  await trx
    .insertInto('activity_type')
    .values(t)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        label_zh: t.label_zh,
        label_en: t.label_en,
        kind: t.kind,
        sort_order: t.sort_order,
        active: t.active,
        updated_at: t.updated_at,
      }),
    )
    .execute();
}

/** Stations with a reception schedule (active), with their roster. */
export async function stationsWithSchedules(db: Kysely<DB>) {
  const stations = await db
    .selectFrom('station')
    .select([
      'id',
      'name',
      'jurisdiction_id',
      'reception_rule',
      'reception_start',
      'reception_end',
      'reception_holiday',
      'reception_on_duty',
      'reception_notice_days',
      'address',
    ])
    .where('status', '=', 'active')
    .where('reception_rule', 'is not', null)
    .orderBy('id')
    .execute();
  if (stations.length === 0) return [];
  const members = await db
    .selectFrom('station_member as m')
    .innerJoin('representative as r', 'r.id', 'm.representative_id')
    .select(['m.station_id', 'm.representative_id'])
    .where('r.status', '=', 'active')
    .where(
      'm.station_id',
      'in',
      stations.map((s) => s.id),
    )
    .execute();
  return stations.map((s) => ({
    ...s,
    roster: members.filter((m) => m.station_id === s.id).map((m) => m.representative_id),
  }));
}

/** The rule dates already made into reception activities for a station (any status). */
export async function madeReceptionDates(
  db: Kysely<DB>,
  stationId: number,
  from: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('activity')
    .select('rule_date')
    .where('station_id', '=', stationId)
    .where('rule_date', '>=', from)
    .execute();
  return new Set(rows.map((r) => r.rule_date!));
}

export async function insertPhotos(
  trx: Transaction<DB>,
  rows: readonly {
    owner_type: string;
    owner_id: number;
    file_name: string | null;
    mime: string;
    size: number;
    sha256: string;
    data: Buffer;
    created_at: string;
  }[],
): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('attachment')
      .values([...rows])
      .execute();
}
