/** Use cases of the jurisdiction tree: browse it, add a child, rename, remove an unused leaf. */
import type { AppContext } from '../../platform/context.ts';
import { accountsReferring, jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { invalid } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import * as repo from './jurisdictions.repo.ts';
import type {
  CreateJurisdictionBody,
  JurisdictionListQuery,
  JurisdictionTree,
  JurisdictionView,
  UpdateJurisdictionBody,
} from './jurisdictions.schema.ts';
import { changedFields, inUse, notFound, outOfScope, pagingOf, WHAT, withUniqueCode } from './org.checks.ts';
import {
  isValidChildLevel,
  JURISDICTION_LEVEL_LABELS,
  orderAsTree,
  type JurisdictionLevel,
} from './org.domain.ts';

function toView(j: repo.JurisdictionRecord): JurisdictionView {
  return {
    id: j.id,
    code: j.code,
    name: j.name,
    level: j.level,
    parentId: j.parentId,
    path: j.path,
    sortOrder: j.sortOrder,
    childCount: j.childCount,
  };
}

/** The sub-tree a list's `jurisdictionId` filter names, or null when it lies outside the scope (an empty list). */
export async function filterSubtree(
  ctx: AppContext,
  actor: Actor,
  jurisdictionId: number | undefined,
): Promise<{ path: string } | undefined | null> {
  if (jurisdictionId === undefined) return undefined;
  const j = await jurisdictionInScope(ctx.database.db, scopeOf(actor), jurisdictionId);
  return j ? { path: j.path } : null;
}

export async function listJurisdictions(
  ctx: AppContext,
  actor: Actor,
  query: JurisdictionListQuery,
): Promise<PageOf<JurisdictionView>> {
  const { page, pageSize } = pagingOf(query);
  const within = await filterSubtree(ctx, actor, query.jurisdictionId);
  if (within === null) return { items: [], total: 0, page, pageSize };
  const { items, total } = await repo.listJurisdictions(
    ctx.database.db,
    scopeOf(actor),
    { q: query.q, parentId: query.parentId, level: query.level, within },
    page,
    pageSize,
  );
  return { items: items.map(toView), total, page, pageSize };
}

export async function jurisdictionTree(ctx: AppContext, actor: Actor): Promise<JurisdictionTree> {
  const scope = scopeOf(actor);
  const [nodes, counts] = await Promise.all([
    repo.listScopeTree(ctx.database.db, scope),
    repo.countHeldDirectly(ctx.database.db, scope),
  ]);
  return {
    nodes: orderAsTree(nodes).map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      level: n.level,
      parentId: n.parentId,
      counts: counts.get(n.id) ?? { representatives: 0, stations: 0, grids: 0, units: 0 },
    })),
  };
}

async function load(ctx: AppContext, actor: Actor, id: number): Promise<repo.JurisdictionRecord> {
  const j = await repo.findJurisdiction(ctx.database.db, scopeOf(actor), id);
  if (!j) throw notFound();
  return j;
}

export async function getJurisdiction(ctx: AppContext, actor: Actor, id: number): Promise<JurisdictionView> {
  return toView(await load(ctx, actor, id));
}

export async function createJurisdiction(
  ctx: AppContext,
  actor: Actor,
  input: CreateJurisdictionBody,
): Promise<JurisdictionView> {
  const parent = await jurisdictionInScope(ctx.database.db, scopeOf(actor), input.parentId);
  if (!parent) throw invalid([outOfScope('/parentId', WHAT.parentJurisdiction)]);
  const parentLevel = parent.level as JurisdictionLevel;
  if (!isValidChildLevel(parentLevel, input.level)) {
    const p = JURISDICTION_LEVEL_LABELS[parentLevel];
    const c = JURISDICTION_LEVEL_LABELS[input.level];
    throw invalid([
      {
        path: '/level',
        rule: 'childLevel',
        message: {
          zh: `“${parent.name}”是${p.zh}级，其下级不能是${c.zh}级`,
          en: `"${parent.name}" is of level ${p.en.toLowerCase()}; a child cannot be of level ${c.en.toLowerCase()}`,
        },
      },
    ]);
  }
  const now = ctx.clock.now().toISOString();
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertJurisdiction(trx, {
        code: input.code,
        name: input.name,
        level: input.level,
        parentId: input.parentId,
        parentPath: parent.path,
        sortOrder: input.sortOrder ?? 0,
        now,
      });
      return {
        result: newId,
        audit: {
          action: 'jurisdiction.create',
          entityType: 'jurisdiction',
          entityId: newId,
          jurisdictionId: newId,
          detail: { code: input.code, name: input.name, level: input.level, parentId: input.parentId },
        },
      };
    }),
  );
  return getJurisdiction(ctx, actor, id);
}

/**
 * A new root of the tree (the deployment's province, city or county), for the command line on a
 * fresh installation: nobody can sign in before it exists, so it is created by the system.
 */
export async function createRootJurisdiction(
  ctx: AppContext,
  input: { code: string; name: string; level: JurisdictionLevel },
): Promise<JurisdictionView> {
  const now = ctx.clock.now().toISOString();
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, SYSTEM_ACTOR, async (trx) => {
      const newId = await repo.insertJurisdiction(trx, {
        ...input,
        parentId: null,
        parentPath: '/',
        sortOrder: 0,
        now,
      });
      return {
        result: newId,
        audit: {
          action: 'jurisdiction.create',
          entityType: 'jurisdiction',
          entityId: newId,
          jurisdictionId: newId,
          detail: { ...input, root: true },
        },
      };
    }),
  );
  return getJurisdiction(ctx, SYSTEM_ACTOR, id);
}

export async function updateJurisdiction(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateJurisdictionBody,
): Promise<JurisdictionView> {
  const before = await load(ctx, actor, id);
  const now = ctx.clock.now().toISOString();
  await withUniqueCode(patch.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      await repo.updateJurisdiction(
        trx,
        id,
        {
          ...(patch.code !== undefined ? { code: patch.code } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
        },
        now,
      );
      return {
        result: undefined,
        audit: {
          action: 'jurisdiction.update',
          entityType: 'jurisdiction',
          entityId: id,
          jurisdictionId: id,
          detail: { before: { code: before.code, name: before.name }, changes: changedFields(patch) },
        },
      };
    }),
  );
  return getJurisdiction(ctx, actor, id);
}

const REFERENCE_LABELS: Record<string, { zh: string; en: string }> = {
  children: { zh: '下级辖区', en: 'child jurisdictions' },
  representatives: { zh: '代表', en: 'representatives' },
  congresses: { zh: '人大', en: 'congresses' },
  groups: { zh: '代表小组', en: 'groups' },
  stations: { zh: '联络站', en: 'stations' },
  grids: { zh: '网格', en: 'grids' },
  units: { zh: '承办单位', en: 'units' },
  routing: { zh: '承办类别设置', en: 'routing entries' },
  accounts: { zh: '账号', en: 'accounts' },
};

/** Only a leaf that nothing refers to may go: 409 IN_USE names what still refers to it. */
export async function deleteJurisdiction(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const j = await load(ctx, actor, id);
  const refs = await repo.referencesTo(ctx.database.db, id);
  const accounts = await accountsReferring(ctx.database.db, 'jurisdiction_id', id);
  if (accounts > 0) refs.accounts = accounts;
  const kinds = Object.entries(refs);
  if (kinds.length > 0) {
    throw inUse(
      `“${j.name}”仍有${kinds.map(([k, n]) => `${REFERENCE_LABELS[k]?.zh ?? k} ${n} 个`).join('、')}，不能删除`,
      `"${j.name}" still has ${kinds.map(([k, n]) => `${n} ${REFERENCE_LABELS[k]?.en ?? k}`).join(', ')}; it cannot be deleted`,
    );
  }
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.deleteJurisdiction(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'jurisdiction.delete',
        entityType: 'jurisdiction',
        entityId: id,
        jurisdictionId: j.parentId,
        detail: { code: j.code, name: j.name, level: j.level },
      },
    };
  });
}
