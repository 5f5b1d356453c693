/**
 * Queries behind the congress's duty-performance dashboard (dashboard.service.ts). The activities
 * counted are the live ones (neither cancelled nor deleted) of the congress's jurisdiction and
 * below that start in the year (Beijing): the records the congress's own staff can see. Each
 * breakdown is one grouped pass over their invitations, summed in the database:
 *
 * - `invitations`: every invitation; `due`: those whose activity is over, or that were attended
 *   already (an invitation to an activity still to come is not yet attended or missed);
 * - `attended`: marked present (checked in, or recorded by hand);
 * - `onLeave`: due, not present, with approved leave (documented leave, 请假);
 * the rest of `due` is unexcused absence.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';

/** The activities a dashboard counts: of the scope's jurisdictions, live, starting within [fromIso, toIso). */
export interface ActivityWindow {
  scope: Scope;
  fromIso: string;
  toIso: string;
  /** The instant "over" is judged at. */
  nowIso: string;
}

export interface InvitationCounts {
  invitations: number;
  due: number;
  attended: number;
  onLeave: number;
}

export const noInvitations = (): InvitationCounts => ({ invitations: 0, due: 0, attended: 0, onLeave: 0 });

/** Live activities of the window, aliased `a`. */
function liveActivities(db: Kysely<DB>, w: ActivityWindow) {
  return db
    .selectFrom('activity as a')
    .where('a.status', '=', 'planned')
    .where('a.starts_at', '>=', w.fromIso)
    .where('a.starts_at', '<', w.toIso)
    .where(inScope(w.scope, 'a.jurisdiction_id'));
}

/** The sums of InvitationCounts over joined invitations `p` of activities `a`. */
function invitationSums(nowIso: string) {
  const over = sql`(a.ends_at < ${nowIso} or p.attendance = 'present')`;
  return [
    sql<number | string>`count(*)`.as('invitations'),
    sql<number | string>`sum(case when ${over} then 1 else 0 end)`.as('due'),
    sql<number | string>`sum(case when p.attendance = 'present' then 1 else 0 end)`.as('attended'),
    sql<
      number | string
    >`sum(case when p.attendance = 'present' then 0 when p.status = 'leave_approved' and a.ends_at < ${nowIso} then 1 else 0 end)`.as(
      'on_leave',
    ),
  ] as const;
}

type SumsRow = {
  invitations: number | string;
  due: number | string | null;
  attended: number | string | null;
  on_leave: number | string | null;
};

const countsOf = (r: SumsRow): InvitationCounts => ({
  invitations: Number(r.invitations),
  due: Number(r.due ?? 0),
  attended: Number(r.attended ?? 0),
  onLeave: Number(r.on_leave ?? 0),
});

/** Each invited representative's counts, over the window's activities. */
export async function invitationsByRepresentative(
  db: Kysely<DB>,
  w: ActivityWindow,
): Promise<Map<number, InvitationCounts>> {
  const rows = await liveActivities(db, w)
    .innerJoin('activity_participant as p', 'p.activity_id', 'a.id')
    .select('p.representative_id')
    .select(invitationSums(w.nowIso))
    .groupBy('p.representative_id')
    .execute();
  return new Map(rows.map((r) => [r.representative_id, countsOf(r)]));
}

/** Each activity of the window with its type, times and its invitations' counts (zeros when none). */
export async function activitiesWithCounts(db: Kysely<DB>, w: ActivityWindow) {
  const [activities, sums] = await Promise.all([
    liveActivities(db, w).select(['a.id', 'a.type_code', 'a.starts_at', 'a.ends_at']).execute(),
    liveActivities(db, w)
      .innerJoin('activity_participant as p', 'p.activity_id', 'a.id')
      .select('a.id')
      .select(invitationSums(w.nowIso))
      .groupBy('a.id')
      .execute(),
  ]);
  const byId = new Map(sums.map((s) => [s.id, countsOf(s)]));
  return activities.map((a) => ({
    id: a.id,
    typeCode: a.type_code,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    counts: byId.get(a.id) ?? noInvitations(),
  }));
}

export function activityTypes(db: Kysely<DB>) {
  return db
    .selectFrom('activity_type')
    .select(['code', 'label_zh', 'kind', 'sort_order', 'active'])
    .orderBy('sort_order')
    .execute();
}

/**
 * A roster's counts: its members' own counts (invitationsByRepresentative) added up, a member of two
 * rosters counting in both. Summed here rather than by joining the rosters to every invitation,
 * which SQLite plans as a scan of the activities per member (minutes on 500,000 invitations).
 */
function sumByOwner(
  members: readonly { owner: number; representative_id: number }[],
  perRepresentative: ReadonlyMap<number, InvitationCounts>,
): Map<number, InvitationCounts> {
  const out = new Map<number, InvitationCounts>();
  for (const m of members) {
    const c = perRepresentative.get(m.representative_id);
    if (!c) continue;
    const sum = out.get(m.owner) ?? noInvitations();
    out.set(m.owner, {
      invitations: sum.invitations + c.invitations,
      due: sum.due + c.due,
      attended: sum.attended + c.attended,
      onLeave: sum.onLeave + c.onLeave,
    });
  }
  return out;
}

export interface RosterRow {
  id: number;
  code: string;
  name: string;
  /** A group's kind (regional | professional) or a station's tier. */
  kind: string;
  jurisdiction: { id: number; name: string };
  members: number;
}

export interface RosterFigures {
  rows: RosterRow[];
  /** The members' invitations to the window's activities (any organiser), by group or station. */
  memberCounts: Map<number, InvitationCounts>;
  /** The window's activities each group or station organised, and how many of them are over. */
  organised: Map<number, { activities: number; held: number }>;
}

/**
 * The representative groups (regional and professional) of the scope, each with its roster's
 * size, its members' invitations (from `perRepresentative`; a member of two groups counts in both)
 * and the activities it organised.
 */
export async function groupFigures(
  db: Kysely<DB>,
  w: ActivityWindow,
  perRepresentative: ReadonlyMap<number, InvitationCounts>,
): Promise<RosterFigures> {
  const [rows, members, organised] = await Promise.all([
    db
      .selectFrom('rep_group as g')
      .innerJoin('jurisdiction as j', 'j.id', 'g.jurisdiction_id')
      .select([
        'g.id',
        'g.code',
        'g.name',
        'g.kind',
        'j.id as jurisdiction_id',
        'j.name as jurisdiction_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('group_member as m')
          .select((e) => e.fn.countAll<number | string>().as('n'))
          .whereRef('m.group_id', '=', 'g.id')
          .as('members'),
      )
      .where(inScope(w.scope, 'g.jurisdiction_id'))
      .orderBy('g.kind')
      .orderBy('g.code')
      .execute(),
    db
      .selectFrom('group_member as gm')
      .innerJoin('rep_group as g', 'g.id', 'gm.group_id')
      .where(inScope(w.scope, 'g.jurisdiction_id'))
      .select(['gm.group_id as owner', 'gm.representative_id'])
      .execute(),
    organisedBy(db, w, 'a.group_id'),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
      members: Number(r.members ?? 0),
    })),
    memberCounts: sumByOwner(members, perRepresentative),
    organised,
  };
}

/** The active stations of the scope, like the groups: roster, members' invitations, own activities. */
export async function stationFigures(
  db: Kysely<DB>,
  w: ActivityWindow,
  perRepresentative: ReadonlyMap<number, InvitationCounts>,
): Promise<RosterFigures> {
  const [rows, members, organised] = await Promise.all([
    db
      .selectFrom('station as s')
      .innerJoin('jurisdiction as j', 'j.id', 's.jurisdiction_id')
      .select([
        's.id',
        's.code',
        's.name',
        's.tier',
        'j.id as jurisdiction_id',
        'j.name as jurisdiction_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('station_member as m')
          .select((e) => e.fn.countAll<number | string>().as('n'))
          .whereRef('m.station_id', '=', 's.id')
          .as('members'),
      )
      .where('s.status', '=', 'active')
      .where(inScope(w.scope, 's.jurisdiction_id'))
      .orderBy('j.path')
      .orderBy('s.code')
      .execute(),
    db
      .selectFrom('station_member as sm')
      .innerJoin('station as s', 's.id', 'sm.station_id')
      .where('s.status', '=', 'active')
      .where(inScope(w.scope, 's.jurisdiction_id'))
      .select(['sm.station_id as owner', 'sm.representative_id'])
      .execute(),
    organisedBy(db, w, 'a.station_id'),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.tier,
      jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
      members: Number(r.members ?? 0),
    })),
    memberCounts: sumByOwner(members, perRepresentative),
    organised,
  };
}

async function organisedBy(db: Kysely<DB>, w: ActivityWindow, column: 'a.group_id' | 'a.station_id') {
  const rows = await liveActivities(db, w)
    .select([
      sql<number>`${sql.ref(column)}`.as('owner'),
      sql<number | string>`count(*)`.as('activities'),
      sql<number | string>`sum(case when a.ends_at < ${w.nowIso} then 1 else 0 end)`.as('held'),
    ])
    .where(column, 'is not', null)
    .groupBy(column)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.owner), { activities: Number(r.activities), held: Number(r.held ?? 0) }]),
  );
}

/**
 * The congress levels of the seats that the congress's members held in the year (on any congress,
 * this one included): one row per member and level.
 */
export function seatLevelsOfMembers(db: Kysely<DB>, congressId: number, year: number) {
  const during = <T extends 'm' | 's'>(t: T) =>
    sql<SqlBool>`(${sql.ref(`${t}.ended_on`)} is null or ${sql.ref(`${t}.ended_on`)} >= ${`${year}-01-01`})
      and (${sql.ref(`${t}.elected_on`)} is null or ${sql.ref(`${t}.elected_on`)} <= ${`${year}-12-31`})`;
  return db
    .selectFrom('representative_seat as s')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .select(['s.representative_id', 'c.level'])
    .distinct()
    .where(during('s'))
    .where('s.representative_id', 'in', (eb) =>
      eb
        .selectFrom('representative_seat as m')
        .select('m.representative_id')
        .where('m.congress_id', '=', congressId)
        .where(during('m')),
    )
    .execute();
}
