/**
 * Congresses (人民代表大会) are reference data: every organisation user reads them all. Writing one
 * needs its jurisdiction in the actor's scope; one tied to no jurisdiction (a congress above the
 * deployment's tree, such as the National People's Congress) only a user of a root jurisdiction.
 */
import type { AppContext } from '../../platform/context.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { pathInScope, scopeOf } from '../../platform/db/scope.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import * as repo from './congresses.repo.ts';
import type {
  CategoryView,
  CongressView,
  CreateCongressBody,
  UpdateCongressBody,
} from './congresses.schema.ts';
import {
  assertNoProblems,
  changedFields,
  inUse,
  notFound,
  outOfScope,
  WHAT,
  withUniqueCode,
} from './org.checks.ts';
import {
  beijingDate,
  checkDateOrder,
  CONGRESS_JURISDICTION_LEVEL,
  CONGRESS_LEVEL_LABELS,
  CONGRESS_LEVELS,
  isRootPath,
  JURISDICTION_LEVEL_LABELS,
  type CongressLevel,
  type JurisdictionLevel,
} from './org.domain.ts';

function toView(c: repo.CongressRecord): CongressView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    level: c.level,
    termNumber: c.termNumber,
    jurisdiction: c.jurisdiction ? { id: c.jurisdiction.id, name: c.jurisdiction.name } : null,
    termStart: c.termStart,
    termEnd: c.termEnd,
    seatCount: c.seatCount,
  };
}

/** Highest level first, then the newest term. */
export async function listCongresses(
  ctx: AppContext,
  query: { level?: CongressLevel | undefined; current?: boolean | undefined },
): Promise<CongressView[]> {
  const rows = await repo.listCongresses(ctx.database.db, {
    level: query.level,
    currentOn: query.current ? beijingDate(ctx.clock.now()) : undefined,
  });
  return rows.map(toView).sort((a, b) => CONGRESS_LEVELS.indexOf(a.level) - CONGRESS_LEVELS.indexOf(b.level));
}

export async function listCategories(ctx: AppContext): Promise<CategoryView[]> {
  return repo.listCategories(ctx.database.db);
}

async function load(ctx: AppContext, id: number): Promise<repo.CongressRecord> {
  const c = await repo.findCongress(ctx.database.db, id);
  if (!c) throw notFound();
  return c;
}

export async function getCongress(ctx: AppContext, id: number): Promise<CongressView> {
  return toView(await load(ctx, id));
}

/** May the actor write a congress currently tied to this jurisdiction (or to none)? */
function assertMayWrite(actor: Actor, jurisdiction: { path: string } | null): void {
  if (
    jurisdiction === null
      ? !isRootPath(actor.jurisdictionPath)
      : !pathInScope(scopeOf(actor), jurisdiction.path)
  ) {
    throw new AppError(
      'FORBIDDEN',
      jurisdiction === null
        ? {
            zh: '不属于任何辖区的人大（如全国人大）只能由最上级辖区的工作人员维护',
            en: 'A congress tied to no jurisdiction (such as the national one) is maintained at the root jurisdiction only',
          }
        : { zh: '该人大不在您的管辖范围内', en: 'The congress is outside your jurisdiction' },
    );
  }
}

interface CongressShape {
  level: CongressLevel;
  jurisdictionId: number | null;
  termStart: string | null;
  termEnd: string | null;
}

/** The jurisdiction must be visible and of the congress's level; the term must not end before it starts. */
async function checkShape(ctx: AppContext, actor: Actor, c: CongressShape): Promise<{ path: string } | null> {
  const problems: FieldError[] = [
    ...checkDateOrder(c.termStart, c.termEnd, '/termEnd', { zh: '届期结束日期', en: 'The end of the term' }),
  ];
  let jurisdiction: { path: string } | null = null;
  const expected = CONGRESS_JURISDICTION_LEVEL[c.level];
  if (c.jurisdictionId !== null) {
    const j = await jurisdictionInScope(ctx.database.db, scopeOf(actor), c.jurisdictionId);
    if (!j) problems.push(outOfScope('/jurisdictionId', WHAT.jurisdiction));
    else if (j.level !== expected) {
      const levelLabel = CONGRESS_LEVEL_LABELS[c.level];
      problems.push({
        path: '/jurisdictionId',
        rule: 'level',
        message:
          expected === null
            ? {
                zh: `${levelLabel.zh}所属的人大不属于任何辖区`,
                en: `A congress of level "${levelLabel.en}" belongs to no jurisdiction`,
              }
            : {
                zh: `${levelLabel.zh}所属的人大应属于${JURISDICTION_LEVEL_LABELS[expected].zh}级辖区，“${j.name}”是${JURISDICTION_LEVEL_LABELS[j.level as JurisdictionLevel].zh}级`,
                en: `A congress of level "${levelLabel.en}" belongs to a jurisdiction of level ${JURISDICTION_LEVEL_LABELS[expected].en.toLowerCase()}`,
              },
      });
    } else jurisdiction = j;
  }
  assertNoProblems(problems);
  return jurisdiction;
}

export async function createCongress(
  ctx: AppContext,
  actor: Actor,
  input: CreateCongressBody,
): Promise<CongressView> {
  const shape = {
    level: input.level,
    jurisdictionId: input.jurisdictionId,
    termStart: input.termStart ?? null,
    termEnd: input.termEnd ?? null,
  };
  if (shape.jurisdictionId === null) assertMayWrite(actor, null);
  await checkShape(ctx, actor, shape);
  const now = ctx.clock.now().toISOString();
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertCongress(
        trx,
        {
          code: input.code,
          name: input.name,
          level: input.level,
          term_number: input.termNumber,
          jurisdiction_id: shape.jurisdictionId,
          term_start: shape.termStart,
          term_end: shape.termEnd,
        },
        now,
      );
      return {
        result: newId,
        audit: {
          action: 'congress.create',
          entityType: 'congress',
          entityId: newId,
          jurisdictionId: shape.jurisdictionId,
          detail: { ...changedFields(input) },
        },
      };
    }),
  );
  return toView(await load(ctx, id));
}

export async function updateCongress(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateCongressBody,
): Promise<CongressView> {
  const before = await load(ctx, id);
  assertMayWrite(actor, before.jurisdiction);
  const shape = {
    level: patch.level ?? before.level,
    jurisdictionId:
      patch.jurisdictionId !== undefined ? patch.jurisdictionId : (before.jurisdiction?.id ?? null),
    termStart: patch.termStart !== undefined ? patch.termStart : before.termStart,
    termEnd: patch.termEnd !== undefined ? patch.termEnd : before.termEnd,
  };
  if (shape.jurisdictionId === null) assertMayWrite(actor, null);
  await checkShape(ctx, actor, shape);
  const now = ctx.clock.now().toISOString();
  await withUniqueCode(patch.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      await repo.updateCongress(
        trx,
        id,
        {
          ...(patch.code !== undefined ? { code: patch.code } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.level !== undefined ? { level: patch.level } : {}),
          ...(patch.termNumber !== undefined ? { term_number: patch.termNumber } : {}),
          ...(patch.jurisdictionId !== undefined ? { jurisdiction_id: patch.jurisdictionId } : {}),
          ...(patch.termStart !== undefined ? { term_start: patch.termStart } : {}),
          ...(patch.termEnd !== undefined ? { term_end: patch.termEnd } : {}),
        },
        now,
      );
      return {
        result: undefined,
        audit: {
          action: 'congress.update',
          entityType: 'congress',
          entityId: id,
          jurisdictionId: shape.jurisdictionId,
          detail: { changes: changedFields(patch) },
        },
      };
    }),
  );
  return toView(await load(ctx, id));
}

export async function deleteCongress(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const c = await load(ctx, id);
  assertMayWrite(actor, c.jurisdiction);
  if (c.seatCount > 0) {
    throw inUse(
      `“${c.name}”仍有 ${c.seatCount} 名代表的代表资格，不能删除`,
      `"${c.name}" still holds ${c.seatCount} representatives' seats; it cannot be deleted`,
    );
  }
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.deleteCongress(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'congress.delete',
        entityType: 'congress',
        entityId: id,
        jurisdictionId: c.jurisdiction?.id ?? null,
        detail: { code: c.code, name: c.name },
      },
    };
  });
}
