/**
 * Use cases of liaison stations (家站点): four tiers under one another, a liaison officer, a
 * reception schedule (RFC 5545 rule), a roster, and a public code for the QR that never changes.
 */
import type { AppContext } from '../../platform/context.ts';
import { accountHasRole, existsInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import type { Bilingual, FieldError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import {
  describeReceptionRule,
  nextReceptionDates,
  parseReceptionRule,
  type HolidayPolicy,
} from '../../lib/recurrence.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { filterSubtree } from './jurisdictions.service.ts';
import { listMembers } from './members.repo.ts';
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
  inUse,
  jurisdictionProblems,
  notFound,
  outOfScope,
  pagingOf,
  WHAT,
  withUniqueCode,
} from './org.checks.ts';
import { ancestorChain } from './org.repo.ts';
import {
  beijingDate,
  checkReceptionTimes,
  isValidParentTier,
  newPublicCode,
  STATION_TIER_LABELS,
  type StationStatus,
  type StationTier,
} from './org.domain.ts';
import * as repo from './stations.repo.ts';
import type {
  CreateStationBody,
  StationListItem,
  StationListQuery,
  StationView,
  UpdateStationBody,
} from './stations.schema.ts';

/** How many reception dates a station's page shows. */
const NEXT_RECEPTIONS = 4;

function toListItem(s: repo.StationRecord): StationListItem {
  return {
    id: s.id,
    code: s.code,
    publicCode: s.publicCode,
    name: s.name,
    tier: s.tier,
    theme: s.theme,
    jurisdiction: s.jurisdiction,
    parent: s.parent,
    address: s.address,
    liaisonOfficer: s.liaisonOfficer,
    receptionRule: s.receptionRule,
    receptionStart: s.receptionStart,
    receptionEnd: s.receptionEnd,
    receptionHoliday: s.receptionHoliday as HolidayPolicy,
    receptionOnDuty: s.receptionOnDuty,
    receptionNoticeDays: s.receptionNoticeDays,
    receptionText: s.receptionRule
      ? describeReceptionRule(s.receptionRule, s.receptionStart, s.receptionEnd)
      : null,
    status: s.status,
    openedOn: s.openedOn,
    memberCount: s.memberCount,
  };
}

export async function listStations(
  ctx: AppContext,
  actor: Actor,
  query: StationListQuery,
): Promise<PageOf<StationListItem>> {
  const { page, pageSize } = pagingOf(query);
  const within = await filterSubtree(ctx, actor, query.jurisdictionId);
  if (within === null) return { items: [], total: 0, page, pageSize };
  const { items, total } = await repo.listStations(
    ctx.database.db,
    scopeOf(actor),
    {
      q: query.q,
      within,
      tier: query.tier,
      theme: query.theme,
      status: query.status,
      parentId: query.parentId,
    },
    page,
    pageSize,
  );
  return { items: items.map(toListItem), total, page, pageSize };
}

async function load(ctx: AppContext, actor: Actor, id: number): Promise<repo.StationRecord> {
  const s = await repo.findStation(ctx.database.db, scopeOf(actor), id);
  if (!s) throw notFound();
  return s;
}

export async function getStation(ctx: AppContext, actor: Actor, id: number): Promise<StationView> {
  const db = ctx.database.db;
  const scope = scopeOf(actor);
  const s = await load(ctx, actor, id);
  const today = beijingDate(ctx.clock.now());
  const [members, children] = await Promise.all([
    listMembers(db, scope, 'station', id, today),
    repo.childrenOf(db, scope, id),
  ]);
  return {
    ...toListItem(s),
    members: members.map(toMemberView),
    children,
    nextReceptions: s.receptionRule ? nextReceptionDates(s.receptionRule, today, NEXT_RECEPTIONS) : [],
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The station as it will be after the write, and what the body changed. */
interface StationShape {
  id: number | null;
  tier: StationTier;
  parentId: number | null;
  receptionStart: string | null;
  receptionEnd: string | null;
}

function tierProblem(parent: StationTier, child: StationTier, path: string): FieldError {
  return {
    path,
    rule: 'parentTier',
    message: {
      zh: `${STATION_TIER_LABELS[child].zh}的上级须是更高一级的站点，不能是${STATION_TIER_LABELS[parent].zh}`,
      en: `A ${STATION_TIER_LABELS[child].en.toLowerCase()} must hang under a higher tier, not under a ${STATION_TIER_LABELS[parent].en.toLowerCase()}`,
    },
  };
}

/** The parent and tier rules: a visible parent of a higher tier, no cycle, and every child still below. */
async function hierarchyProblems(
  ctx: AppContext,
  actor: Actor,
  shape: StationShape,
  body: UpdateStationBody,
): Promise<FieldError[]> {
  const db = ctx.database.db;
  const problems: FieldError[] = [];
  if (shape.parentId !== null && body.parentId !== undefined) {
    const parent = await repo.findStation(db, scopeOf(actor), shape.parentId);
    if (!parent) problems.push(outOfScope('/parentId', WHAT.parentStation));
    else if (
      shape.id !== null &&
      (parent.id === shape.id || (await ancestorChain(db, 'station', parent.id)).includes(shape.id))
    ) {
      problems.push({
        path: '/parentId',
        rule: 'cycle',
        message: {
          zh: '上级站点不能是本站点或其下级站点',
          en: 'A station cannot hang under itself or one of its own sub-stations',
        },
      });
    } else if (!isValidParentTier(parent.tier, shape.tier))
      problems.push(tierProblem(parent.tier, shape.tier, '/parentId'));
  } else if (shape.parentId !== null && body.tier !== undefined) {
    const parentTier = await repo.tierOf(db, shape.parentId);
    if (parentTier && !isValidParentTier(parentTier, shape.tier))
      problems.push(tierProblem(parentTier, shape.tier, '/tier'));
  }
  if (shape.id !== null && body.tier !== undefined) {
    const below = (await repo.childTiers(db, shape.id)).filter((t) => !isValidParentTier(shape.tier, t));
    if (below.length > 0) {
      problems.push({
        path: '/tier',
        rule: 'childTier',
        message: {
          zh: `本站点有${STATION_TIER_LABELS[below[0]!].zh}级下级站点，层级须高于下级站点`,
          en: 'The station has sub-stations that would no longer be below it',
        },
      });
    }
  }
  return problems;
}

async function checkStation(
  ctx: AppContext,
  actor: Actor,
  shape: StationShape,
  body: UpdateStationBody,
): Promise<void> {
  const problems = [
    ...(await jurisdictionProblems(ctx, actor, body.jurisdictionId)),
    ...(await hierarchyProblems(ctx, actor, shape, body)),
  ];
  if (body.liaisonOfficerUserId !== undefined && body.liaisonOfficerUserId !== null) {
    const db = ctx.database.db;
    const userId = body.liaisonOfficerUserId;
    if (!(await existsInScope(db, scopeOf(actor), 'app_user', userId)))
      problems.push(outOfScope('/liaisonOfficerUserId', WHAT.liaisonOfficer));
    else if (!(await accountHasRole(db, userId, 'liaison_officer'))) {
      problems.push({
        path: '/liaisonOfficerUserId',
        rule: 'role',
        message: { zh: '该账号没有“联络员”角色', en: 'The account does not hold the liaison officer role' },
      });
    }
  }
  if (body.receptionRule) {
    const rule = parseReceptionRule(body.receptionRule);
    if (!rule.ok) problems.push({ path: '/receptionRule', rule: 'receptionRule', message: rule.message });
  }
  if (body.receptionStart !== undefined || body.receptionEnd !== undefined)
    problems.push(...checkReceptionTimes(shape.receptionStart, shape.receptionEnd));
  assertNoProblems(problems);
}

function columnsOf(input: UpdateStationBody): Partial<repo.StationColumns> {
  return {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.tier !== undefined ? { tier: input.tier } : {}),
    ...(input.theme !== undefined ? { theme: input.theme } : {}),
    ...(input.jurisdictionId !== undefined ? { jurisdiction_id: input.jurisdictionId } : {}),
    ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.liaisonOfficerUserId !== undefined
      ? { liaison_officer_user_id: input.liaisonOfficerUserId }
      : {}),
    ...(input.receptionRule !== undefined
      ? { reception_rule: input.receptionRule === '' ? null : input.receptionRule }
      : {}),
    ...(input.receptionStart !== undefined ? { reception_start: input.receptionStart } : {}),
    ...(input.receptionEnd !== undefined ? { reception_end: input.receptionEnd } : {}),
    ...(input.receptionHoliday !== undefined ? { reception_holiday: input.receptionHoliday } : {}),
    ...(input.receptionOnDuty !== undefined ? { reception_on_duty: input.receptionOnDuty } : {}),
    ...(input.receptionNoticeDays !== undefined ? { reception_notice_days: input.receptionNoticeDays } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.openedOn !== undefined ? { opened_on: input.openedOn } : {}),
  };
}

export async function createStation(
  ctx: AppContext,
  actor: Actor,
  input: CreateStationBody,
): Promise<StationView> {
  await checkStation(
    ctx,
    actor,
    {
      id: null,
      tier: input.tier,
      parentId: input.parentId ?? null,
      receptionStart: input.receptionStart ?? null,
      receptionEnd: input.receptionEnd ?? null,
    },
    input,
  );
  const now = ctx.clock.now().toISOString();
  const columns: repo.StationColumns & { public_code: string } = {
    ...repo.NEW_STATION_DEFAULTS,
    ...columnsOf(input),
    code: input.code,
    name: input.name,
    tier: input.tier,
    jurisdiction_id: input.jurisdictionId,
    public_code: newPublicCode(),
  };
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertStation(trx, columns, now);
      return {
        result: newId,
        audit: {
          action: 'station.create',
          entityType: 'station',
          entityId: newId,
          jurisdictionId: input.jurisdictionId,
          detail: { ...changedFields(input), publicCode: columns.public_code },
        },
      };
    }),
  );
  return getStation(ctx, actor, id);
}

export async function updateStation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateStationBody,
): Promise<StationView> {
  const before = await load(ctx, actor, id);
  await checkStation(
    ctx,
    actor,
    {
      id,
      tier: patch.tier ?? before.tier,
      parentId: patch.parentId !== undefined ? patch.parentId : before.parentId,
      receptionStart: patch.receptionStart !== undefined ? patch.receptionStart : before.receptionStart,
      receptionEnd: patch.receptionEnd !== undefined ? patch.receptionEnd : before.receptionEnd,
    },
    patch,
  );
  const now = ctx.clock.now().toISOString();
  await withUniqueCode(patch.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      await repo.updateStation(trx, id, columnsOf(patch), now);
      return {
        result: undefined,
        audit: {
          action: 'station.update',
          entityType: 'station',
          entityId: id,
          jurisdictionId: patch.jurisdictionId ?? before.jurisdiction.id,
          detail: { code: before.code, name: before.name, changes: changedFields(patch) },
        },
      };
    }),
  );
  return getStation(ctx, actor, id);
}

/** Only an empty station may be deleted; one that served people is retired instead (its QR code keeps working). */
export async function deleteStation(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const s = await load(ctx, actor, id);
  const d = await repo.dependentsOf(ctx.database.db, id);
  if (d.members + d.children + d.grids > 0) {
    const zh = [
      d.members ? `进站代表 ${d.members} 名` : '',
      d.children ? `下级站点 ${d.children} 个` : '',
      d.grids ? `网格 ${d.grids} 个` : '',
    ]
      .filter(Boolean)
      .join('、');
    const en = [
      d.members ? `${d.members} members` : '',
      d.children ? `${d.children} sub-stations` : '',
      d.grids ? `${d.grids} grids` : '',
    ]
      .filter(Boolean)
      .join(', ');
    throw inUse(
      `站点“${s.name}”仍有${zh}，不能删除；如站点已撤销，请将状态改为“已撤销”（retired），其二维码仍保留`,
      `Station "${s.name}" still has ${en} and cannot be deleted; set its status to 'retired' instead (a retired station keeps its QR code)`,
    );
  }
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.deleteStation(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'station.delete',
        entityType: 'station',
        entityId: id,
        jurisdictionId: s.jurisdiction.id,
        detail: { code: s.code, name: s.name, publicCode: s.publicCode },
      },
    };
  });
}

async function owner(ctx: AppContext, actor: Actor, id: number): Promise<RosterOwner> {
  const s = await load(ctx, actor, id);
  return { kind: 'station', id, jurisdictionId: s.jurisdiction.id };
}

export async function setStationMembers(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeIds: number[],
): Promise<StationView> {
  await setRoster(
    ctx,
    actor,
    await owner(ctx, actor, id),
    representativeIds.map((representativeId) => ({ representativeId })),
    (i) => `/representativeIds/${i}`,
  );
  return getStation(ctx, actor, id);
}

export async function addStationMember(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeId: number,
): Promise<StationView> {
  await addToRoster(ctx, actor, await owner(ctx, actor, id), { representativeId });
  return getStation(ctx, actor, id);
}

export async function removeStationMember(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeId: number,
): Promise<StationView> {
  await removeFromRoster(ctx, actor, await owner(ctx, actor, id), representativeId);
  return getStation(ctx, actor, id);
}

/** A station as the public pages may show it: no officer, no internal codes. */
export interface PublicStation {
  id: number;
  publicCode: string;
  name: string;
  tier: StationTier;
  status: StationStatus;
  jurisdictionName: string;
  address: string | null;
  receptionText: Bilingual | null;
  nextReceptions: string[];
  /** Days ahead its reception days are published. */
  receptionNoticeDays: number;
  /** For a retired station: the nearest active station above it, where people are sent instead. */
  successor: { id: number; publicCode: string; name: string } | null;
}

/** How far up a retired station's successor is looked for (the four tiers, and then some). */
const SUCCESSOR_HOPS = 8;

/** The station behind a QR code, whatever the scope; undefined when no station has the code. */
export async function findStationByPublicCode(
  ctx: AppContext,
  publicCode: string,
): Promise<PublicStation | undefined> {
  const db = ctx.database.db;
  const s = await repo.findStationByPublicCode(db, publicCode);
  if (!s) return undefined;
  let successor: PublicStation['successor'] = null;
  if (s.status === 'retired') {
    let parentId = s.parentId;
    for (let hop = 0; parentId !== null && hop < SUCCESSOR_HOPS; hop++) {
      const [parent] = await repo.publicStationsByIds(db, [parentId]);
      if (!parent) break;
      if (parent.status === 'active') {
        successor = { id: parent.id, publicCode: parent.publicCode, name: parent.name };
        break;
      }
      parentId = parent.parentId;
    }
  }
  const today = beijingDate(ctx.clock.now());
  return {
    receptionNoticeDays: s.receptionNoticeDays,
    id: s.id,
    publicCode: s.publicCode,
    name: s.name,
    tier: s.tier,
    status: s.status,
    jurisdictionName: s.jurisdiction.name,
    address: s.address,
    receptionText: s.receptionRule
      ? describeReceptionRule(s.receptionRule, s.receptionStart, s.receptionEnd)
      : null,
    nextReceptions:
      s.status === 'active' && s.receptionRule
        ? nextReceptionDates(s.receptionRule, today, NEXT_RECEPTIONS)
        : [],
    successor,
  };
}

/** The active stations among `ids`, by name, with their schedules in words (a representative's public page). */
export async function activePublicStations(
  ctx: AppContext,
  ids: readonly number[],
): Promise<{ id: number; publicCode: string; name: string; receptionText: Bilingual | null }[]> {
  const rows = await repo.publicStationsByIds(ctx.database.db, ids);
  return rows
    .filter((s) => s.status === 'active')
    .map((s) => ({
      id: s.id,
      publicCode: s.publicCode,
      name: s.name,
      receptionText: s.receptionRule
        ? describeReceptionRule(s.receptionRule, s.receptionStart, s.receptionEnd)
        : null,
    }));
}

/** How many stations are open in the whole deployment. */
export async function countActiveStations(ctx: AppContext): Promise<number> {
  return repo.countActiveStations(ctx.database.db);
}
