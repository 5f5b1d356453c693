/** Use cases of representative groups (代表小组) and their rosters with roles. */
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import * as repo from './groups.repo.ts';
import type {
  CreateGroupBody,
  GroupListItem,
  GroupListQuery,
  GroupMemberInput,
  GroupView,
  UpdateGroupBody,
} from './groups.schema.ts';
import { filterSubtree } from './jurisdictions.service.ts';
import { listMembers, rosterEntries } from './members.repo.ts';
import {
  addToRoster,
  removeFromRoster,
  setRoster,
  toMemberView,
  type RosterOwner,
} from './members.service.ts';
import {
  assertNoProblems,
  changedFields,
  jurisdictionProblems,
  notFound,
  pagingOf,
  withUniqueCode,
} from './org.checks.ts';
import { beijingDate } from './org.domain.ts';

function toListItem(g: repo.GroupRecord): GroupListItem {
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    kind: g.kind,
    jurisdiction: g.jurisdiction,
    theme: g.theme,
    memberCount: g.memberCount,
    leader: g.leader,
  };
}

export async function listGroups(
  ctx: AppContext,
  actor: Actor,
  query: GroupListQuery,
): Promise<PageOf<GroupListItem>> {
  const { page, pageSize } = pagingOf(query);
  const within = await filterSubtree(ctx, actor, query.jurisdictionId);
  if (within === null) return { items: [], total: 0, page, pageSize };
  const { items, total } = await repo.listGroups(
    ctx.database.db,
    scopeOf(actor),
    { q: query.q, within, kind: query.kind },
    page,
    pageSize,
  );
  return { items: items.map(toListItem), total, page, pageSize };
}

async function load(ctx: AppContext, actor: Actor, id: number): Promise<repo.GroupRecord> {
  const g = await repo.findGroup(ctx.database.db, scopeOf(actor), id);
  if (!g) throw notFound();
  return g;
}

export async function getGroup(ctx: AppContext, actor: Actor, id: number): Promise<GroupView> {
  const g = await load(ctx, actor, id);
  const members = await listMembers(
    ctx.database.db,
    scopeOf(actor),
    'group',
    id,
    beijingDate(ctx.clock.now()),
  );
  return {
    ...toListItem(g),
    description: g.description,
    members: members.map((m) => ({ ...toMemberView(m), role: m.role ?? 'member' })),
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}

function columnsOf(input: UpdateGroupBody): Partial<repo.GroupColumns> {
  return {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.jurisdictionId !== undefined ? { jurisdiction_id: input.jurisdictionId } : {}),
    ...(input.theme !== undefined ? { theme: input.theme } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
}

export async function createGroup(ctx: AppContext, actor: Actor, input: CreateGroupBody): Promise<GroupView> {
  assertNoProblems(await jurisdictionProblems(ctx, actor, input.jurisdictionId));
  const now = ctx.clock.now().toISOString();
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertGroup(
        trx,
        {
          theme: null,
          description: null,
          ...columnsOf(input),
          code: input.code,
          name: input.name,
          kind: input.kind,
          jurisdiction_id: input.jurisdictionId,
        },
        now,
      );
      return {
        result: newId,
        audit: {
          action: 'group.create',
          entityType: 'group',
          entityId: newId,
          jurisdictionId: input.jurisdictionId,
          detail: changedFields(input),
        },
      };
    }),
  );
  return getGroup(ctx, actor, id);
}

export async function updateGroup(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateGroupBody,
): Promise<GroupView> {
  const before = await load(ctx, actor, id);
  assertNoProblems(await jurisdictionProblems(ctx, actor, patch.jurisdictionId));
  const now = ctx.clock.now().toISOString();
  await withUniqueCode(patch.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      await repo.updateGroup(trx, id, columnsOf(patch), now);
      return {
        result: undefined,
        audit: {
          action: 'group.update',
          entityType: 'group',
          entityId: id,
          jurisdictionId: patch.jurisdictionId ?? before.jurisdiction.id,
          detail: { code: before.code, name: before.name, changes: changedFields(patch) },
        },
      };
    }),
  );
  return getGroup(ctx, actor, id);
}

/** A group is a roster and nothing else refers to it yet: deleting it ends its memberships (recorded in the audit row). */
export async function deleteGroup(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const g = await load(ctx, actor, id);
  const members = await rosterEntries(ctx.database.db, 'group', id);
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.deleteGroup(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'group.delete',
        entityType: 'group',
        entityId: id,
        jurisdictionId: g.jurisdiction.id,
        detail: { code: g.code, name: g.name, members: members.map((m) => m.id) },
      },
    };
  });
}

async function owner(ctx: AppContext, actor: Actor, id: number): Promise<RosterOwner> {
  const g = await load(ctx, actor, id);
  return { kind: 'group', id, jurisdictionId: g.jurisdiction.id };
}

export async function setGroupMembers(
  ctx: AppContext,
  actor: Actor,
  id: number,
  members: GroupMemberInput[],
): Promise<GroupView> {
  await setRoster(ctx, actor, await owner(ctx, actor, id), members, (i) => `/members/${i}/representativeId`);
  return getGroup(ctx, actor, id);
}

export async function addGroupMember(
  ctx: AppContext,
  actor: Actor,
  id: number,
  member: GroupMemberInput,
): Promise<GroupView> {
  await addToRoster(ctx, actor, await owner(ctx, actor, id), member);
  return getGroup(ctx, actor, id);
}

export async function removeGroupMember(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeId: number,
): Promise<GroupView> {
  await removeFromRoster(ctx, actor, await owner(ctx, actor, id), representativeId);
  return getGroup(ctx, actor, id);
}
