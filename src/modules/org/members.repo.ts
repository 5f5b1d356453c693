/**
 * Rosters: the representatives of a group (with their roles), a station or a grid. One set of
 * queries serves all three; every read of the representatives is scoped like any other read.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Scope } from '../../platform/db/scope.ts';
import { representativeVisible } from './rep-visibility.repo.ts';
import { sortLevels, type CongressLevel, type GroupRole, type RepresentativeStatus } from './org.domain.ts';

export type RosterKind = 'group' | 'station' | 'grid';

const ROSTER_TABLES: Record<
  RosterKind,
  { table: 'group_member' | 'station_member' | 'grid_member'; owner: string }
> = {
  group: { table: 'group_member', owner: 'group_id' },
  station: { table: 'station_member', owner: 'station_id' },
  grid: { table: 'grid_member', owner: 'grid_id' },
};

export interface MemberRecord {
  representativeId: number;
  name: string;
  code: string;
  jurisdiction: { id: number; name: string };
  levels: CongressLevel[];
  status: RepresentativeStatus;
  /** The role in a group; null for stations and grids. */
  role: GroupRole | null;
}

export interface MemberInput {
  representativeId: number;
  role?: GroupRole | undefined;
}

/** The levels of each representative's current seats, highest first. */
export async function currentLevels(
  db: Kysely<DB>,
  ids: readonly number[],
  today: string,
): Promise<Map<number, CongressLevel[]>> {
  const result = new Map<number, CongressLevel[]>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('representative_seat as s')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .select(['s.representative_id', 'c.level'])
    .where('s.representative_id', 'in', [...ids])
    .where((eb) => eb.or([eb('s.ended_on', 'is', null), eb('s.ended_on', '>', today)]))
    .execute();
  const byRep = new Map<number, CongressLevel[]>();
  for (const r of rows) byRep.set(r.representative_id, [...(byRep.get(r.representative_id) ?? []), r.level]);
  for (const id of ids) result.set(id, sortLevels(byRep.get(id) ?? []));
  return result;
}

/** A correlated count of the roster's representatives visible in the scope, for list queries. */
export function memberCountOf(scope: Scope, kind: RosterKind, ownerIdColumn: string): RawBuilder<number> {
  const { table, owner } = ROSTER_TABLES[kind];
  return sql<number>`(select count(*) from ${sql.table(table)} m inner join representative mr on mr.id = m.representative_id where ${sql.ref(`m.${owner}`)} = ${sql.ref(ownerIdColumn)} and ${representativeVisible(scope, 'mr.id', 'mr.jurisdiction_id')})`;
}

/** Representative ids and roles of a roster, unscoped: for checks on a write, never shown as such. */
export async function rosterEntries(
  db: Kysely<DB>,
  kind: RosterKind,
  ownerId: number,
): Promise<{ id: number; role: GroupRole | null }[]> {
  switch (kind) {
    case 'group': {
      const rows = await db
        .selectFrom('group_member')
        .select(['representative_id', 'role'])
        .where('group_id', '=', ownerId)
        .execute();
      return rows.map((r) => ({ id: r.representative_id, role: r.role }));
    }
    case 'station': {
      const rows = await db
        .selectFrom('station_member')
        .select('representative_id')
        .where('station_id', '=', ownerId)
        .execute();
      return rows.map((r) => ({ id: r.representative_id, role: null }));
    }
    case 'grid': {
      const rows = await db
        .selectFrom('grid_member')
        .select('representative_id')
        .where('grid_id', '=', ownerId)
        .execute();
      return rows.map((r) => ({ id: r.representative_id, role: null }));
    }
  }
}

const ROLE_ORDER: readonly (GroupRole | null)[] = ['leader', 'deputy_leader', 'member', null];

/** The members of a roster that the scope lets the actor see: group leaders first, then by name. */
export async function listMembers(
  db: Kysely<DB>,
  scope: Scope,
  kind: RosterKind,
  ownerId: number,
  today: string,
): Promise<MemberRecord[]> {
  const entries = await rosterEntries(db, kind, ownerId);
  if (entries.length === 0) return [];
  const roles = new Map(entries.map((e) => [e.id, e.role]));
  const reps = await db
    .selectFrom('representative as r')
    .innerJoin('jurisdiction as j', 'j.id', 'r.jurisdiction_id')
    .select([
      'r.id',
      'r.name',
      'r.code',
      'r.status',
      'j.id as jurisdiction_id',
      'j.name as jurisdiction_name',
    ])
    .where('r.id', 'in', [...roles.keys()])
    .where(representativeVisible(scope, 'r.id', 'r.jurisdiction_id'))
    .orderBy('r.name')
    .orderBy('r.id')
    .execute();
  const levels = await currentLevels(
    db,
    reps.map((r) => r.id),
    today,
  );
  const members = reps.map((r) => ({
    representativeId: r.id,
    name: r.name,
    code: r.code,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    levels: levels.get(r.id) ?? [],
    status: r.status,
    role: roles.get(r.id) ?? null,
  }));
  return members.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

/** Which of the ids are representatives the scope lets the actor see. */
export async function visibleRepresentativeIds(
  db: Kysely<DB>,
  scope: Scope,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('representative')
    .select('id')
    .where('id', 'in', [...ids])
    .where(representativeVisible(scope, 'representative.id', 'representative.jurisdiction_id'))
    .execute();
  return new Set(rows.map((r) => r.id));
}

async function insertMembers(
  trx: Transaction<DB>,
  kind: RosterKind,
  ownerId: number,
  members: readonly MemberInput[],
): Promise<void> {
  if (members.length === 0) return;
  switch (kind) {
    case 'group':
      await trx
        .insertInto('group_member')
        .values(
          members.map((m) => ({
            group_id: ownerId,
            representative_id: m.representativeId,
            role: m.role ?? 'member',
          })),
        )
        .execute();
      return;
    case 'station':
      await trx
        .insertInto('station_member')
        .values(members.map((m) => ({ station_id: ownerId, representative_id: m.representativeId })))
        .execute();
      return;
    case 'grid':
      await trx
        .insertInto('grid_member')
        .values(members.map((m) => ({ grid_id: ownerId, representative_id: m.representativeId })))
        .execute();
      return;
  }
}

/**
 * Replace the part of the roster the actor can see with `members`. Members outside the actor's
 * scope (put there by someone above) are neither shown to the actor nor removed by them.
 */
export async function replaceMembers(
  trx: Transaction<DB>,
  scope: Scope,
  kind: RosterKind,
  ownerId: number,
  members: readonly MemberInput[],
): Promise<void> {
  const visible = trx
    .selectFrom('representative')
    .select('id')
    .where(representativeVisible(scope, 'representative.id', 'representative.jurisdiction_id'));
  switch (kind) {
    case 'group':
      await trx
        .deleteFrom('group_member')
        .where('group_id', '=', ownerId)
        .where('representative_id', 'in', visible)
        .execute();
      break;
    case 'station':
      await trx
        .deleteFrom('station_member')
        .where('station_id', '=', ownerId)
        .where('representative_id', 'in', visible)
        .execute();
      break;
    case 'grid':
      await trx
        .deleteFrom('grid_member')
        .where('grid_id', '=', ownerId)
        .where('representative_id', 'in', visible)
        .execute();
      break;
  }
  await insertMembers(trx, kind, ownerId, members);
}

export async function addMember(
  trx: Transaction<DB>,
  kind: RosterKind,
  ownerId: number,
  member: MemberInput,
): Promise<void> {
  await insertMembers(trx, kind, ownerId, [member]);
}

/** Remove one representative; false when they were not on the roster. */
export async function removeMember(
  trx: Transaction<DB>,
  kind: RosterKind,
  ownerId: number,
  representativeId: number,
): Promise<boolean> {
  let removed: bigint;
  switch (kind) {
    case 'group':
      removed = (
        await trx
          .deleteFrom('group_member')
          .where('group_id', '=', ownerId)
          .where('representative_id', '=', representativeId)
          .executeTakeFirst()
      ).numDeletedRows;
      break;
    case 'station':
      removed = (
        await trx
          .deleteFrom('station_member')
          .where('station_id', '=', ownerId)
          .where('representative_id', '=', representativeId)
          .executeTakeFirst()
      ).numDeletedRows;
      break;
    case 'grid':
      removed = (
        await trx
          .deleteFrom('grid_member')
          .where('grid_id', '=', ownerId)
          .where('representative_id', '=', representativeId)
          .executeTakeFirst()
      ).numDeletedRows;
      break;
  }
  return Number(removed) > 0;
}
