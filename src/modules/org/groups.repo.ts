/** Storage of representative groups (代表小组); rosters are in members.repo.ts. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import { memberCountOf } from './members.repo.ts';
import type { GroupKind } from './org.domain.ts';
import { fetchPage, textMatch } from './org.repo.ts';

export interface GroupRecord {
  id: number;
  code: string;
  name: string;
  kind: GroupKind;
  jurisdiction: { id: number; name: string };
  theme: string | null;
  description: string | null;
  memberCount: number;
  leader: { id: number; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

function groupQuery(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('rep_group as g')
    .innerJoin('jurisdiction as j', 'j.id', 'g.jurisdiction_id')
    .select([
      'g.id',
      'g.code',
      'g.name',
      'g.kind',
      'g.jurisdiction_id',
      'j.name as jurisdiction_name',
      'g.theme',
      'g.description',
      'g.created_at',
      'g.updated_at',
    ])
    .select(memberCountOf(scope, 'group', 'g.id').as('member_count'))
    .where(inScope(scope, 'g.jurisdiction_id'));
}

type Row = Awaited<ReturnType<ReturnType<typeof groupQuery>['executeTakeFirstOrThrow']>>;

/** The leader (组长) of each group, among the representatives the scope shows. */
async function leadersOf(
  db: Kysely<DB>,
  scope: Scope,
  groupIds: readonly number[],
): Promise<Map<number, { id: number; name: string }>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('group_member as m')
    .innerJoin('representative as r', 'r.id', 'm.representative_id')
    .select(['m.group_id', 'r.id', 'r.name'])
    .where('m.group_id', 'in', [...groupIds])
    .where('m.role', '=', 'leader')
    .where(inScope(scope, 'r.jurisdiction_id'))
    .orderBy('r.id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, { id: r.id, name: r.name }]));
}

async function toRecords(db: Kysely<DB>, scope: Scope, rows: Row[]): Promise<GroupRecord[]> {
  const leaders = await leadersOf(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    theme: r.theme,
    description: r.description,
    memberCount: Number(r.member_count),
    leader: leaders.get(r.id) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findGroup(db: Kysely<DB>, scope: Scope, id: number): Promise<GroupRecord | undefined> {
  const row = await groupQuery(db, scope).where('g.id', '=', id).executeTakeFirst();
  return row ? (await toRecords(db, scope, [row]))[0] : undefined;
}

export interface GroupFilter {
  q?: string | undefined;
  within?: Scope | undefined;
  kind?: GroupKind | undefined;
}

export async function listGroups(
  db: Kysely<DB>,
  scope: Scope,
  filter: GroupFilter,
  page: number,
  pageSize: number,
) {
  let q = groupQuery(db, scope);
  if (filter.q) q = q.where(textMatch(filter.q, ['g.name', 'g.code', 'g.theme']));
  if (filter.within) q = q.where(inScope(filter.within, 'g.jurisdiction_id'));
  if (filter.kind) q = q.where('g.kind', '=', filter.kind);
  const { rows, total } = await fetchPage(q.orderBy('g.code').orderBy('g.id'), page, pageSize);
  return { items: await toRecords(db, scope, rows), total };
}

export interface GroupColumns {
  code: string;
  name: string;
  kind: GroupKind;
  jurisdiction_id: number;
  theme: string | null;
  description: string | null;
}

export async function insertGroup(trx: Transaction<DB>, g: GroupColumns, now: string): Promise<number> {
  const row = await trx
    .insertInto('rep_group')
    .values({ ...g, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGroup(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<GroupColumns>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('rep_group')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The group and its roster (members cascade). */
export async function deleteGroup(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('rep_group').where('id', '=', id).execute();
}
