/** Reads of activities for people: the list and calendar with their filters, one activity's pieces. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Visibility } from './activities.repo.ts';

export interface ActivityFilter {
  fromIso?: string | undefined;
  toIso?: string | undefined;
  typeCode?: string | undefined;
  stationId?: number | undefined;
  groupId?: number | undefined;
  representativeId?: number | undefined;
  /** Only the activities with a leave request waiting. */
  leaveRequests?: boolean;
  includeCancelled?: boolean;
}

function listRows(db: Kysely<DB>) {
  return db
    .selectFrom('activity')
    .innerJoin('activity_type as t', 't.code', 'activity.type_code')
    .innerJoin('jurisdiction as j', 'j.id', 'activity.jurisdiction_id')
    .leftJoin('station as s', 's.id', 'activity.station_id')
    .leftJoin('rep_group as g', 'g.id', 'activity.group_id')
    .leftJoin('congress as c', 'c.id', 'activity.congress_id')
    .selectAll('activity')
    .select([
      't.label_zh as type_label',
      't.kind as type_kind',
      'j.name as jurisdiction_name',
      's.name as station_name',
      'g.name as group_name',
      'c.name as congress_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('activity_participant as cp')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('cp.activity_id', '=', 'activity.id')
        .as('participant_count'),
      eb
        .selectFrom('activity_participant as pp')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('pp.activity_id', '=', 'activity.id')
        .where('pp.attendance', '=', 'present')
        .as('present_count'),
    ]);
}

export type ActivityListRow = Awaited<ReturnType<ReturnType<typeof listRows>['executeTakeFirstOrThrow']>>;

export async function listActivities(
  db: Kysely<DB>,
  visible: Visibility,
  f: ActivityFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ActivityListRow[]; total: number }> {
  let q = listRows(db).where(visible);
  if (!f.includeCancelled) q = q.where('activity.status', '=', 'planned');
  if (f.fromIso) q = q.where('activity.starts_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('activity.starts_at', '<', f.toIso);
  if (f.typeCode) q = q.where('activity.type_code', '=', f.typeCode);
  if (f.stationId) q = q.where('activity.station_id', '=', f.stationId);
  if (f.groupId) q = q.where('activity.group_id', '=', f.groupId);
  if (f.representativeId) {
    const rep = f.representativeId;
    q = q.where('activity.id', 'in', (eb) =>
      eb
        .selectFrom('activity_participant as fp')
        .select('fp.activity_id')
        .where('fp.representative_id', '=', rep),
    );
  }
  if (f.leaveRequests)
    q = q.where('activity.id', 'in', (eb) =>
      eb
        .selectFrom('activity_participant as lp')
        .select('lp.activity_id')
        .where('lp.status', '=', 'leave_requested'),
    );
  const [rows, count] = await Promise.all([
    q
      .orderBy('activity.starts_at', 'desc')
      .orderBy('activity.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q
      .clearSelect()
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function oneActivityRow(db: Kysely<DB>, id: number) {
  return listRows(db).where('activity.id', '=', id).executeTakeFirst();
}

export function participantsWithNames(db: Kysely<DB>, activityId: number) {
  return db
    .selectFrom('activity_participant as p')
    .innerJoin('representative as r', 'r.id', 'p.representative_id')
    .selectAll('p')
    .select('r.name')
    .where('p.activity_id', '=', activityId)
    .orderBy('p.role', 'asc')
    .orderBy('r.name')
    .execute();
}

export function myParticipation(db: Kysely<DB>, activityIds: readonly number[], representativeId: number) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_participant')
    .select(['activity_id', 'status', 'attendance'])
    .where('representative_id', '=', representativeId)
    .where('activity_id', 'in', [...activityIds])
    .execute();
}

export function photosOf(db: Kysely<DB>, activityId: number) {
  return db
    .selectFrom('attachment')
    .select(['id', 'file_name', 'size'])
    .where('owner_type', '=', 'activity')
    .where('owner_id', '=', activityId)
    .orderBy('id')
    .execute();
}

export function photo(db: Kysely<DB>, activityId: number, photoId: number) {
  return db
    .selectFrom('attachment')
    .select(['mime', 'data', 'file_name'])
    .where('owner_type', '=', 'activity')
    .where('owner_id', '=', activityId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** A station's reception activities from an instant to another, with who is on duty (public profiles named). */
export async function receptionDaysOf(db: Kysely<DB>, stationId: number, fromIso: string, toIso: string) {
  const days = await db
    .selectFrom('activity as a')
    .select(['a.id', 'a.starts_at', 'a.ends_at', 'a.rule_date'])
    .where('a.station_id', '=', stationId)
    .where('a.type_code', '=', 'reception')
    .where('a.status', '=', 'planned')
    .where('a.starts_at', '>=', fromIso)
    .where('a.starts_at', '<', toIso)
    .orderBy('a.starts_at')
    .execute();
  if (days.length === 0) return [];
  const duty = await db
    .selectFrom('activity_participant as p')
    .innerJoin('representative as r', 'r.id', 'p.representative_id')
    .select(['p.activity_id', 'r.id', 'r.name', 'r.is_public', 'r.public_code'])
    .where(
      'p.activity_id',
      'in',
      days.map((d) => d.id),
    )
    .where('p.status', '!=', 'leave_approved')
    .orderBy('r.id')
    .execute();
  return days.map((d) => ({ ...d, duty: duty.filter((x) => x.activity_id === d.id) }));
}
