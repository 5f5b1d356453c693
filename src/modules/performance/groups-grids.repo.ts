/**
 * Reads behind a group's year of activities (groups-grids.service.ts) and the grids' coverage.
 * The group itself and its roster come from the organisation's service; what is read here is the
 * activities' side: the group's live activities of a window, their invitations, outputs and the
 * opinions raised at them, and the grids with the state of their representatives.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';

/** The group's live activities (neither cancelled nor deleted) starting within [fromIso, toIso), newest first. */
export function groupActivities(db: Kysely<DB>, groupId: number, fromIso: string, toIso: string) {
  return db
    .selectFrom('activity as a')
    .innerJoin('activity_type as t', 't.code', 'a.type_code')
    .select([
      'a.id',
      'a.type_code',
      't.label_zh as type_label',
      't.kind',
      'a.title',
      'a.starts_at',
      'a.ends_at',
      'a.place',
    ])
    .where('a.group_id', '=', groupId)
    .where('a.status', '=', 'planned')
    .where('a.starts_at', '>=', fromIso)
    .where('a.starts_at', '<', toIso)
    .orderBy('a.starts_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** The invitations to these activities. */
export function invitationsOf(db: Kysely<DB>, activityIds: readonly number[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_participant')
    .select(['activity_id', 'representative_id', 'status', 'attendance'])
    .where('activity_id', 'in', [...activityIds])
    .execute();
}

/**
 * The outputs of these activities; a suggestion's number and state only when the suggestion lies
 * in the scope (an output names whatever suggestion staff linked).
 */
export function outputsOf(db: Kysely<DB>, scope: Scope, activityIds: readonly number[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_output as o')
    .leftJoin('suggestion as s', (j) =>
      j
        .onRef('s.id', '=', 'o.ref_id')
        .on('o.kind', '=', 'suggestion')
        .on(inScope(scope, 's.jurisdiction_id')),
    )
    .select([
      'o.id',
      'o.activity_id',
      'o.kind',
      'o.ref_id',
      'o.title',
      's.id as suggestion_id',
      's.title as suggestion_title',
      's.case_number',
      's.status as suggestion_status',
    ])
    .where('o.activity_id', 'in', [...activityIds])
    .orderBy('o.id')
    .execute();
}

/**
 * Opinions of the scope addressed to these representatives, raised face to face (reception or
 * visit) within [fromIso, toIso): the candidates for "raised at an activity".
 */
export function faceToFaceOpinions(
  db: Kysely<DB>,
  scope: Scope,
  representativeIds: readonly number[],
  fromIso: string,
  toIso: string,
) {
  if (representativeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('opinion as o')
    .innerJoin('representative as r', 'r.id', 'o.representative_id')
    .select(['o.id', 'o.status', 'o.submitted_at', 'o.representative_id', 'r.name as representative_name'])
    .where('o.representative_id', 'in', [...representativeIds])
    .where('o.channel', 'in', ['reception', 'visit'])
    .where('o.submitted_at', '>=', fromIso)
    .where('o.submitted_at', '<', toIso)
    .where(inScope(scope, 'o.jurisdiction_id'))
    .orderBy('o.id')
    .execute();
}

/**
 * Every grid of the scope with its jurisdiction, its station (when the scope shows it), and how
 * many of its representatives are serving (status active) and how many are not.
 */
export async function gridsWithMembers(db: Kysely<DB>, scope: Scope) {
  const rows = await db
    .selectFrom('grid as g')
    .innerJoin('jurisdiction as j', 'j.id', 'g.jurisdiction_id')
    .leftJoin('station as s', (join) =>
      join.onRef('s.id', '=', 'g.station_id').on(inScope(scope, 's.jurisdiction_id')),
    )
    .select([
      'g.id',
      'g.code',
      'g.name',
      'j.id as jurisdiction_id',
      'j.name as jurisdiction_name',
      'j.path',
      's.id as station_id',
      's.name as station_name',
    ])
    .select([
      sql<
        number | string
      >`(select count(*) from grid_member m inner join representative r on r.id = m.representative_id
        where m.grid_id = g.id and r.status = 'active')`.as('active'),
      sql<
        number | string
      >`(select count(*) from grid_member m inner join representative r on r.id = m.representative_id
        where m.grid_id = g.id and r.status <> 'active')`.as('inactive'),
    ])
    .where(inScope(scope, 'g.jurisdiction_id'))
    .orderBy('j.path')
    .orderBy('g.code')
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    station: r.station_id !== null ? { id: r.station_id, name: r.station_name ?? '' } : null,
    active: Number(r.active),
    inactive: Number(r.inactive),
  }));
}
