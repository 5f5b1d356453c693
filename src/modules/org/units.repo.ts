/** Storage of handling units (承办单位) and the routing table of the categories they handle. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import type { UnitKind, UnitStatus } from './org.domain.ts';
import { fetchPage, textMatch } from './org.repo.ts';

export interface UnitCategoryRecord {
  categoryCode: string;
  categoryName: string;
  jurisdiction: { id: number; name: string };
}

export interface UnitRecord {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  jurisdiction: { id: number; name: string };
  /** The stored parent, visible or not (for checks). */
  parentId: number | null;
  /** The parent as the actor may see it: null when none or outside the scope. */
  parent: { id: number; name: string } | null;
  contactName: string | null;
  /** Ciphertext; shown masked. */
  contactPhoneEnc: string | null;
  status: UnitStatus;
  categories: UnitCategoryRecord[];
  createdAt: string;
  updatedAt: string;
}

function unitQuery(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('unit as u')
    .innerJoin('jurisdiction as j', 'j.id', 'u.jurisdiction_id')
    .leftJoin('unit as p', (join) =>
      join.onRef('p.id', '=', 'u.parent_id').on(inScope(scope, 'p.jurisdiction_id')),
    )
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.short_name',
      'u.kind',
      'u.jurisdiction_id',
      'j.name as jurisdiction_name',
      'u.parent_id',
      'p.id as parent_visible_id',
      'p.name as parent_name',
      'u.contact_name',
      'u.contact_phone_enc',
      'u.status',
      'u.created_at',
      'u.updated_at',
    ])
    .where(inScope(scope, 'u.jurisdiction_id'));
}

type Row = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

/** The categories of each unit, in the taxonomy's order. */
async function categoriesOf(
  db: Kysely<DB>,
  unitIds: readonly number[],
): Promise<Map<number, UnitCategoryRecord[]>> {
  const result = new Map<number, UnitCategoryRecord[]>();
  if (unitIds.length === 0) return result;
  const rows = await db
    .selectFrom('unit_category as uc')
    .innerJoin('category as c', 'c.code', 'uc.category_code')
    .innerJoin('jurisdiction as j', 'j.id', 'uc.jurisdiction_id')
    .select([
      'uc.unit_id',
      'uc.category_code',
      'c.name_zh',
      'j.id as jurisdiction_id',
      'j.name as jurisdiction_name',
    ])
    .where('uc.unit_id', 'in', [...unitIds])
    .orderBy('c.level')
    .orderBy('c.sort_order')
    .orderBy('uc.category_code')
    .orderBy('j.path')
    .execute();
  for (const r of rows) {
    const list = result.get(r.unit_id) ?? [];
    list.push({
      categoryCode: r.category_code,
      categoryName: r.name_zh,
      jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    });
    result.set(r.unit_id, list);
  }
  return result;
}

async function toRecords(db: Kysely<DB>, rows: Row[]): Promise<UnitRecord[]> {
  const categories = await categoriesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    parentId: r.parent_id,
    parent: r.parent_visible_id !== null ? { id: r.parent_visible_id, name: r.parent_name ?? '' } : null,
    contactName: r.contact_name,
    contactPhoneEnc: r.contact_phone_enc,
    status: r.status,
    categories: categories.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findUnit(db: Kysely<DB>, scope: Scope, id: number): Promise<UnitRecord | undefined> {
  const row = await unitQuery(db, scope).where('u.id', '=', id).executeTakeFirst();
  return row ? (await toRecords(db, [row]))[0] : undefined;
}

export interface UnitFilter {
  q?: string | undefined;
  within?: Scope | undefined;
  kind?: UnitKind | undefined;
  status?: UnitStatus | undefined;
  categoryCode?: string | undefined;
}

export async function listUnits(
  db: Kysely<DB>,
  scope: Scope,
  filter: UnitFilter,
  page: number,
  pageSize: number,
) {
  let q = unitQuery(db, scope);
  if (filter.q) q = q.where(textMatch(filter.q, ['u.name', 'u.code', 'u.short_name']));
  if (filter.within) q = q.where(inScope(filter.within, 'u.jurisdiction_id'));
  if (filter.kind) q = q.where('u.kind', '=', filter.kind);
  if (filter.status) q = q.where('u.status', '=', filter.status);
  const code = filter.categoryCode;
  if (code) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('unit_category as uc')
          .select('uc.unit_id')
          .whereRef('uc.unit_id', '=', 'u.id')
          .where('uc.category_code', '=', code),
      ),
    );
  }
  const { rows, total } = await fetchPage(q.orderBy('u.code').orderBy('u.id'), page, pageSize);
  return { items: await toRecords(db, rows), total };
}

/** Which of the codes are categories. */
export async function existingCategoryCodes(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('category')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Every category (level 1 and below) with its labels, in display order. */
export async function allCategories(
  db: Kysely<DB>,
): Promise<{ code: string; level: number; nameZh: string; nameEn: string }[]> {
  const rows = await db
    .selectFrom('category')
    .select(['code', 'level', 'name_zh', 'name_en'])
    .orderBy('level')
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => ({ code: r.code, level: r.level, nameZh: r.name_zh, nameEn: r.name_en }));
}

/**
 * Active units that the scope shows and that handle the category in one of the jurisdictions,
 * with the jurisdiction where they handle it.
 */
export async function unitsHandling(
  db: Kysely<DB>,
  scope: Scope,
  categoryCode: string,
  jurisdictionIds: readonly number[],
): Promise<{ id: number; name: string; code: string; handlingJurisdiction: { id: number; name: string } }[]> {
  if (jurisdictionIds.length === 0) return [];
  const rows = await db
    .selectFrom('unit_category as uc')
    .innerJoin('unit as u', 'u.id', 'uc.unit_id')
    .innerJoin('jurisdiction as j', 'j.id', 'uc.jurisdiction_id')
    .select(['u.id', 'u.name', 'u.code', 'j.id as jurisdiction_id', 'j.name as jurisdiction_name'])
    .where('uc.category_code', '=', categoryCode)
    .where('uc.jurisdiction_id', 'in', [...jurisdictionIds])
    .where('u.status', '=', 'active')
    .where(inScope(scope, 'u.jurisdiction_id'))
    .orderBy('u.code')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    handlingJurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
  }));
}

/** Units supervised by this one, whatever the scope. */
export async function childCount(db: Kysely<DB>, id: number): Promise<number> {
  const row = await db
    .selectFrom('unit')
    .select(sql<number>`count(*)`.as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface UnitColumns {
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  jurisdiction_id: number;
  parent_id: number | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  status: UnitStatus;
}

export async function insertUnit(trx: Transaction<DB>, u: UnitColumns, now: string): Promise<number> {
  const row = await trx
    .insertInto('unit')
    .values({ ...u, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<UnitColumns>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('unit')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function replaceCategories(
  trx: Transaction<DB>,
  unitId: number,
  categories: readonly { categoryCode: string; jurisdictionId: number }[],
): Promise<void> {
  await trx.deleteFrom('unit_category').where('unit_id', '=', unitId).execute();
  if (categories.length > 0) {
    await trx
      .insertInto('unit_category')
      .values(
        categories.map((c) => ({
          unit_id: unitId,
          category_code: c.categoryCode,
          jurisdiction_id: c.jurisdictionId,
        })),
      )
      .execute();
  }
}

/** The unit and its routing entries (they cascade). */
export async function deleteUnit(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('unit').where('id', '=', id).execute();
}
