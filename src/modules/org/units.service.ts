/**
 * Use cases of handling units (承办单位): the units, their supervising unit, their contact (phone
 * encrypted), the categories they handle per jurisdiction, and routing: which units handle a
 * category for a jurisdiction, nearest first.
 */
import type { AppContext } from '../../platform/context.ts';
import { accountsReferring, jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { invalid, type FieldError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite, recordAuditAlone } from '../audit/audit.service.ts';
import { filterSubtree } from './jurisdictions.service.ts';
import {
  assertNoProblems,
  changedFields,
  inUse,
  jurisdictionProblems,
  notFound,
  outOfScope,
  pagingOf,
  WHAT,
  withUniqueCode,
} from './org.checks.ts';
import { ancestorDistance, pathIds } from './org.domain.ts';
import { ancestorChain } from './org.repo.ts';
import {
  clearPhone,
  maskedPhone,
  phoneAuditNote,
  readPhoneInput,
  sealPhone,
  type PhoneIntent,
} from './phone-field.ts';
import * as repo from './units.repo.ts';
import type {
  CreateUnitBody,
  UnitListItem,
  UnitListQuery,
  UnitView,
  UpdateUnitBody,
} from './units.schema.ts';

function toListItem(ctx: AppContext, u: repo.UnitRecord): UnitListItem {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    jurisdiction: u.jurisdiction,
    parent: u.parent,
    contactName: u.contactName,
    contactPhoneMasked: maskedPhone(ctx.cipher, u.contactPhoneEnc),
    status: u.status,
    categories: u.categories,
  };
}

export async function listUnits(
  ctx: AppContext,
  actor: Actor,
  query: UnitListQuery,
): Promise<PageOf<UnitListItem>> {
  const { page, pageSize } = pagingOf(query);
  const within = await filterSubtree(ctx, actor, query.jurisdictionId);
  if (within === null) return { items: [], total: 0, page, pageSize };
  const { items, total } = await repo.listUnits(
    ctx.database.db,
    scopeOf(actor),
    { q: query.q, within, kind: query.kind, status: query.status, categoryCode: query.categoryCode },
    page,
    pageSize,
  );
  return { items: items.map((u) => toListItem(ctx, u)), total, page, pageSize };
}

async function load(ctx: AppContext, actor: Actor, id: number): Promise<repo.UnitRecord> {
  const u = await repo.findUnit(ctx.database.db, scopeOf(actor), id);
  if (!u) throw notFound();
  return u;
}

export async function getUnit(ctx: AppContext, actor: Actor, id: number): Promise<UnitView> {
  const u = await load(ctx, actor, id);
  return { ...toListItem(ctx, u), createdAt: u.createdAt, updatedAt: u.updatedAt };
}

type CategoryInput = NonNullable<CreateUnitBody['categories']>[number];

/** Known category codes, each (category, jurisdiction) once, every jurisdiction in the actor's scope. */
async function categoryProblems(
  ctx: AppContext,
  actor: Actor,
  categories: readonly CategoryInput[],
  unitJurisdictionId: number,
): Promise<FieldError[]> {
  const db = ctx.database.db;
  const known = await repo.existingCategoryCodes(db, [...new Set(categories.map((c) => c.categoryCode))]);
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, c] of categories.entries()) {
    if (!known.has(c.categoryCode)) {
      problems.push({
        path: `/categories/${i}/categoryCode`,
        rule: 'exists',
        message: { zh: `未知的办理类别“${c.categoryCode}”`, en: `Unknown category "${c.categoryCode}"` },
      });
    }
    const jurisdictionId = c.jurisdictionId ?? unitJurisdictionId;
    if (
      c.jurisdictionId !== undefined &&
      !(await jurisdictionInScope(db, scopeOf(actor), c.jurisdictionId))
    ) {
      problems.push(outOfScope(`/categories/${i}/jurisdictionId`, WHAT.jurisdiction));
    }
    const key = `${c.categoryCode}@${jurisdictionId}`;
    if (seen.has(key)) {
      problems.push({
        path: `/categories/${i}`,
        rule: 'unique',
        message: { zh: '同一辖区的同一类别只能出现一次', en: 'A category may appear once per jurisdiction' },
      });
    }
    seen.add(key);
  }
  return problems;
}

/** Check a body; returns the phone intent when all is well. */
async function checkUnit(
  ctx: AppContext,
  actor: Actor,
  id: number | null,
  unitJurisdictionId: number,
  body: UpdateUnitBody,
): Promise<PhoneIntent> {
  const db = ctx.database.db;
  const problems = await jurisdictionProblems(ctx, actor, body.jurisdictionId);
  if (body.parentId !== undefined && body.parentId !== null) {
    const parent = await repo.findUnit(db, scopeOf(actor), body.parentId);
    if (!parent) problems.push(outOfScope('/parentId', WHAT.parentUnit));
    else if (id !== null && (parent.id === id || (await ancestorChain(db, 'unit', parent.id)).includes(id))) {
      problems.push({
        path: '/parentId',
        rule: 'cycle',
        message: {
          zh: '上级单位不能是本单位或其下属单位',
          en: 'A unit cannot be supervised by itself or one of its own sub-units',
        },
      });
    }
  }
  const phone = readPhoneInput(body.contactPhone, '/contactPhone');
  if (!phone.ok) problems.push(phone.error);
  if (body.categories)
    problems.push(...(await categoryProblems(ctx, actor, body.categories, unitJurisdictionId)));
  assertNoProblems(problems);
  return phone.ok ? phone.intent : { kind: 'keep' };
}

function columnsOf(ctx: AppContext, input: UpdateUnitBody, phone: PhoneIntent): Partial<repo.UnitColumns> {
  const sealed = sealPhone(ctx.cipher, phone);
  return {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.jurisdictionId !== undefined ? { jurisdiction_id: input.jurisdictionId } : {}),
    ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    ...(input.contactName !== undefined ? { contact_name: input.contactName } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    // The unit table keeps no blind index: contacts are not looked up by phone.
    ...(sealed ? { contact_phone_enc: sealed.enc } : {}),
  };
}

function categoryRows(categories: readonly CategoryInput[], unitJurisdictionId: number) {
  return categories.map((c) => ({
    categoryCode: c.categoryCode,
    jurisdictionId: c.jurisdictionId ?? unitJurisdictionId,
  }));
}

function auditDetail(input: UpdateUnitBody, phone: PhoneIntent): Record<string, unknown> {
  const { contactPhone: _phone, ...rest } = input;
  return { ...changedFields(rest), ...phoneAuditNote(phone) };
}

export async function createUnit(ctx: AppContext, actor: Actor, input: CreateUnitBody): Promise<UnitView> {
  const phone = await checkUnit(ctx, actor, null, input.jurisdictionId, input);
  const now = ctx.clock.now().toISOString();
  const columns: repo.UnitColumns = {
    short_name: null,
    parent_id: null,
    contact_name: null,
    contact_phone_enc: null,
    status: 'active',
    ...columnsOf(ctx, input, phone),
    code: input.code,
    name: input.name,
    kind: input.kind,
    jurisdiction_id: input.jurisdictionId,
  };
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertUnit(trx, columns, now);
      if (input.categories)
        await repo.replaceCategories(trx, newId, categoryRows(input.categories, input.jurisdictionId));
      return {
        result: newId,
        audit: {
          action: 'unit.create',
          entityType: 'unit',
          entityId: newId,
          jurisdictionId: input.jurisdictionId,
          detail: auditDetail(input, phone),
        },
      };
    }),
  );
  return getUnit(ctx, actor, id);
}

export async function updateUnit(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateUnitBody,
): Promise<UnitView> {
  const before = await load(ctx, actor, id);
  const unitJurisdictionId = patch.jurisdictionId ?? before.jurisdiction.id;
  const phone = await checkUnit(ctx, actor, id, unitJurisdictionId, patch);
  const now = ctx.clock.now().toISOString();
  await withUniqueCode(patch.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      await repo.updateUnit(trx, id, columnsOf(ctx, patch, phone), now);
      if (patch.categories)
        await repo.replaceCategories(trx, id, categoryRows(patch.categories, unitJurisdictionId));
      return {
        result: undefined,
        audit: {
          action: 'unit.update',
          entityType: 'unit',
          entityId: id,
          jurisdictionId: unitJurisdictionId,
          detail: { code: before.code, name: before.name, changes: auditDetail(patch, phone) },
        },
      };
    }),
  );
  return getUnit(ctx, actor, id);
}

/** A unit with accounts or sub-units is kept (set it inactive instead); its routing entries go with it. */
export async function deleteUnit(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const u = await load(ctx, actor, id);
  const db = ctx.database.db;
  const [accounts, children] = await Promise.all([
    accountsReferring(db, 'unit_id', id),
    repo.childCount(db, id),
  ]);
  if (accounts + children > 0) {
    const zh = [accounts ? `系统账号 ${accounts} 个` : '', children ? `下属单位 ${children} 个` : '']
      .filter(Boolean)
      .join('、');
    const en = [accounts ? `${accounts} accounts` : '', children ? `${children} sub-units` : '']
      .filter(Boolean)
      .join(', ');
    throw inUse(
      `承办单位“${u.name}”仍有${zh}，不能删除；如不再承办，请将状态改为“停用”（inactive）`,
      `Unit "${u.name}" still has ${en} and cannot be deleted; set its status to 'inactive' instead`,
    );
  }
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.deleteUnit(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'unit.delete',
        entityType: 'unit',
        entityId: id,
        jurisdictionId: u.jurisdiction.id,
        detail: {
          code: u.code,
          name: u.name,
          categories: u.categories.map((c) => `${c.categoryCode}@${c.jurisdiction.id}`),
        },
      },
    };
  });
}

/** The contact's clear phone number, for a user holding org.reveal_phone; every reveal is audited first. */
export async function revealUnitPhone(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ phone: string | null }> {
  const u = await load(ctx, actor, id);
  await recordAuditAlone(ctx, actor, {
    action: 'unit.reveal_phone',
    entityType: 'unit',
    entityId: id,
    jurisdictionId: u.jurisdiction.id,
    detail: { code: u.code, name: u.name, hasPhone: u.contactPhoneEnc !== null },
  });
  return { phone: clearPhone(ctx.cipher, u.contactPhoneEnc) };
}

/** Every routing category (level 1 and below) with its labels (DESIGN.md §3), in display order. */
export function listCategories(
  ctx: AppContext,
): Promise<{ code: string; level: number; nameZh: string; nameEn: string }[]> {
  return repo.allCategories(ctx.database.db);
}

export interface RoutingAnswer {
  units: { id: number; name: string; jurisdiction: { id: number; name: string }; distance: number }[];
}

/**
 * Active units (within the actor's scope) handling the category at the jurisdiction or above it,
 * nearest first: distance 0 is the jurisdiction itself, 1 its parent, and so on.
 */
export async function routeCategory(
  ctx: AppContext,
  actor: Actor,
  query: { categoryCode: string; jurisdictionId: number },
): Promise<RoutingAnswer> {
  const db = ctx.database.db;
  const [j, known] = await Promise.all([
    jurisdictionInScope(db, scopeOf(actor), query.jurisdictionId),
    repo.existingCategoryCodes(db, [query.categoryCode]),
  ]);
  const problems: FieldError[] = [];
  if (!known.has(query.categoryCode)) {
    problems.push({
      path: 'querystring:/categoryCode',
      rule: 'exists',
      message: {
        zh: `未知的办理类别“${query.categoryCode}”`,
        en: `Unknown category "${query.categoryCode}"`,
      },
    });
  }
  if (!j) problems.push(outOfScope('querystring:/jurisdictionId', WHAT.jurisdiction));
  if (!j || problems.length > 0) throw invalid(problems);
  const rows = await repo.unitsHandling(db, scopeOf(actor), query.categoryCode, pathIds(j.path));
  const nearest = new Map<number, RoutingAnswer['units'][number]>();
  for (const r of rows) {
    const distance = ancestorDistance(j.path, r.handlingJurisdiction.id) ?? Number.MAX_SAFE_INTEGER;
    const seen = nearest.get(r.id);
    if (!seen || distance < seen.distance)
      nearest.set(r.id, { id: r.id, name: r.name, jurisdiction: r.handlingJurisdiction, distance });
  }
  return { units: [...nearest.values()].sort((a, b) => a.distance - b.distance) };
}
