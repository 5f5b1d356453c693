/** Use cases of grids (网格) and the representatives assigned to them. */
import type { AppContext } from '../../platform/context.ts';
import { existsInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import * as repo from './grids.repo.ts';
import type {
  CreateGridBody,
  GridListItem,
  GridListQuery,
  GridView,
  UpdateGridBody,
} from './grids.schema.ts';
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
  outOfScope,
  pagingOf,
  WHAT,
  withUniqueCode,
} from './org.checks.ts';
import { beijingDate } from './org.domain.ts';

function toListItem(g: repo.GridRecord): GridListItem {
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    jurisdiction: g.jurisdiction,
    station: g.station,
    memberCount: g.memberCount,
  };
}

export async function listGrids(
  ctx: AppContext,
  actor: Actor,
  query: GridListQuery,
): Promise<PageOf<GridListItem>> {
  const { page, pageSize } = pagingOf(query);
  const within = await filterSubtree(ctx, actor, query.jurisdictionId);
  if (within === null) return { items: [], total: 0, page, pageSize };
  const { items, total } = await repo.listGrids(
    ctx.database.db,
    scopeOf(actor),
    { q: query.q, within, stationId: query.stationId, uncovered: query.uncovered },
    page,
    pageSize,
  );
  return { items: items.map(toListItem), total, page, pageSize };
}

async function load(ctx: AppContext, actor: Actor, id: number): Promise<repo.GridRecord> {
  const g = await repo.findGrid(ctx.database.db, scopeOf(actor), id);
  if (!g) throw notFound();
  return g;
}

export async function getGrid(ctx: AppContext, actor: Actor, id: number): Promise<GridView> {
  const g = await load(ctx, actor, id);
  const members = await listMembers(
    ctx.database.db,
    scopeOf(actor),
    'grid',
    id,
    beijingDate(ctx.clock.now()),
  );
  return {
    ...toListItem(g),
    description: g.description,
    members: members.map(toMemberView),
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}

async function checkGrid(ctx: AppContext, actor: Actor, body: UpdateGridBody): Promise<void> {
  const problems = await jurisdictionProblems(ctx, actor, body.jurisdictionId);
  if (
    body.stationId !== undefined &&
    body.stationId !== null &&
    !(await existsInScope(ctx.database.db, scopeOf(actor), 'station', body.stationId))
  ) {
    problems.push(outOfScope('/stationId', WHAT.station));
  }
  assertNoProblems(problems);
}

function columnsOf(input: UpdateGridBody): Partial<repo.GridColumns> {
  return {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.jurisdictionId !== undefined ? { jurisdiction_id: input.jurisdictionId } : {}),
    ...(input.stationId !== undefined ? { station_id: input.stationId } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
}

export async function createGrid(ctx: AppContext, actor: Actor, input: CreateGridBody): Promise<GridView> {
  await checkGrid(ctx, actor, input);
  const now = ctx.clock.now().toISOString();
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertGrid(
        trx,
        {
          station_id: null,
          description: null,
          ...columnsOf(input),
          code: input.code,
          name: input.name,
          jurisdiction_id: input.jurisdictionId,
        },
        now,
      );
      return {
        result: newId,
        audit: {
          action: 'grid.create',
          entityType: 'grid',
          entityId: newId,
          jurisdictionId: input.jurisdictionId,
          detail: changedFields(input),
        },
      };
    }),
  );
  return getGrid(ctx, actor, id);
}

export async function updateGrid(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateGridBody,
): Promise<GridView> {
  const before = await load(ctx, actor, id);
  await checkGrid(ctx, actor, patch);
  const now = ctx.clock.now().toISOString();
  await withUniqueCode(patch.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      await repo.updateGrid(trx, id, columnsOf(patch), now);
      return {
        result: undefined,
        audit: {
          action: 'grid.update',
          entityType: 'grid',
          entityId: id,
          jurisdictionId: patch.jurisdictionId ?? before.jurisdiction.id,
          detail: { code: before.code, name: before.name, changes: changedFields(patch) },
        },
      };
    }),
  );
  return getGrid(ctx, actor, id);
}

/** A grid is an area and a roster: deleting it ends its assignments (recorded in the audit row). */
export async function deleteGrid(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const g = await load(ctx, actor, id);
  const members = await rosterEntries(ctx.database.db, 'grid', id);
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.deleteGrid(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'grid.delete',
        entityType: 'grid',
        entityId: id,
        jurisdictionId: g.jurisdiction.id,
        detail: { code: g.code, name: g.name, members: members.map((m) => m.id) },
      },
    };
  });
}

async function owner(ctx: AppContext, actor: Actor, id: number): Promise<RosterOwner> {
  const g = await load(ctx, actor, id);
  return { kind: 'grid', id, jurisdictionId: g.jurisdiction.id };
}

export async function setGridMembers(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeIds: number[],
): Promise<GridView> {
  await setRoster(
    ctx,
    actor,
    await owner(ctx, actor, id),
    representativeIds.map((representativeId) => ({ representativeId })),
    (i) => `/representativeIds/${i}`,
  );
  return getGrid(ctx, actor, id);
}

export async function addGridMember(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeId: number,
): Promise<GridView> {
  await addToRoster(ctx, actor, await owner(ctx, actor, id), { representativeId });
  return getGrid(ctx, actor, id);
}

export async function removeGridMember(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeId: number,
): Promise<GridView> {
  await removeFromRoster(ctx, actor, await owner(ctx, actor, id), representativeId);
  return getGrid(ctx, actor, id);
}
