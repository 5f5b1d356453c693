/**
 * Use cases of representatives: the roster with its filters, one representative with seats and
 * memberships, create / edit / delete, and the audited reveal of a phone number.
 */
import type { AppContext } from '../../platform/context.ts';
import { accountsReferring } from '../../platform/db/lookup.ts';
import { pathInScope, scopeOf } from '../../platform/db/scope.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite, recordAuditAlone } from '../audit/audit.service.ts';
import * as congresses from './congresses.repo.ts';
import { filterSubtree } from './jurisdictions.service.ts';
import { currentLevels } from './members.repo.ts';
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
import { beijingDate, checkDateOrder, newPublicCode, type CongressLevel } from './org.domain.ts';
import {
  clearPhone,
  maskedPhone,
  phoneAuditNote,
  readPhoneInput,
  sealPhone,
  type PhoneIntent,
} from './phone-field.ts';
import * as repo from './representatives.repo.ts';
import type {
  CreateRepresentativeBody,
  RepresentativeListItem,
  RepresentativeListQuery,
  RepresentativeView,
  UpdateRepresentativeBody,
} from './representatives.schema.ts';

type SeatInput = NonNullable<CreateRepresentativeBody['seats']>[number];

export function today(ctx: AppContext): string {
  return beijingDate(ctx.clock.now());
}

export function toListItem(
  ctx: AppContext,
  actor: Actor,
  r: repo.RepresentativeRecord,
  levels: Map<number, RepresentativeListItem['levels']>,
): RepresentativeListItem {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    gender: r.gender,
    jurisdiction: r.jurisdiction,
    employer: r.employer,
    post: r.post,
    sector: r.sector,
    status: r.status,
    isPublic: r.isPublic,
    phoneMasked: maskedPhone(ctx.cipher, r.phoneEnc),
    levels: levels.get(r.id) ?? [],
    editable: pathInScope(scopeOf(actor), r.jurisdictionPath),
  };
}

/** The repo filter for a list or export query; null when its jurisdiction lies outside the scope (nothing matches). */
export async function filterOf(
  ctx: AppContext,
  actor: Actor,
  query: RepresentativeListQuery,
): Promise<repo.RepresentativeFilter | null> {
  const within = await filterSubtree(ctx, actor, query.jurisdictionId);
  if (within === null) return null;
  return {
    q: query.q,
    within,
    level: query.level,
    congressId: query.congressId,
    status: query.status,
    gender: query.gender,
    sector: query.sector,
    groupId: query.groupId,
    stationId: query.stationId,
    gridId: query.gridId,
    isPublic: query.isPublic,
    sort: query.sort,
    today: today(ctx),
  };
}

export async function listRepresentatives(
  ctx: AppContext,
  actor: Actor,
  query: RepresentativeListQuery,
): Promise<PageOf<RepresentativeListItem>> {
  const { page, pageSize } = pagingOf(query);
  const filter = await filterOf(ctx, actor, query);
  if (!filter) return { items: [], total: 0, page, pageSize };
  const db = ctx.database.db;
  const { items, total } = await repo.listRepresentatives(db, scopeOf(actor), filter, page, pageSize);
  const levels = await currentLevels(
    db,
    items.map((r) => r.id),
    filter.today,
  );
  return { items: items.map((r) => toListItem(ctx, actor, r, levels)), total, page, pageSize };
}

async function load(ctx: AppContext, actor: Actor, id: number): Promise<repo.RepresentativeRecord> {
  const r = await repo.findRepresentative(ctx.database.db, scopeOf(actor), id);
  if (!r) throw notFound();
  return r;
}

/**
 * A representative the actor's office manages, for a change: one visible only because they serve
 * on a roster here (a deputy managed higher up) is read-only for this office.
 */
async function loadManaged(ctx: AppContext, actor: Actor, id: number): Promise<repo.RepresentativeRecord> {
  const r = await load(ctx, actor, id);
  if (!pathInScope(scopeOf(actor), r.jurisdictionPath)) {
    throw new AppError('FORBIDDEN', {
      zh: `代表“${r.name}”的信息由${r.jurisdiction.name}人大管理，请联系其修改`,
      en: `Representative "${r.name}" is managed by ${r.jurisdiction.name}; ask that office to change the record`,
    });
  }
  return r;
}

export async function getRepresentative(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<RepresentativeView> {
  const db = ctx.database.db;
  const r = await load(ctx, actor, id);
  const [seats, memberships, levels] = await Promise.all([
    repo.seatsOf(db, id),
    repo.membershipsOf(db, scopeOf(actor), id),
    currentLevels(db, [id], today(ctx)),
  ]);
  return {
    ...toListItem(ctx, actor, r, levels),
    ethnicity: r.ethnicity,
    statusNote: r.statusNote,
    bio: r.bio,
    seats,
    ...memberships,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Seats name existing congresses, each at most once, and do not end before they begin. */
async function checkSeats(ctx: AppContext, seats: readonly SeatInput[]): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const found = new Set(
    (await congresses.findCongresses(ctx.database.db, [...new Set(seats.map((s) => s.congressId))])).map(
      (c) => c.id,
    ),
  );
  const seen = new Set<number>();
  seats.forEach((s, i) => {
    if (!found.has(s.congressId)) problems.push(outOfScope(`/seats/${i}/congressId`, WHAT.congress));
    else if (seen.has(s.congressId)) {
      problems.push({
        path: `/seats/${i}/congressId`,
        rule: 'unique',
        message: { zh: '同一届人大只能有一个代表资格', en: 'A congress may appear only once' },
      });
    }
    seen.add(s.congressId);
    problems.push(
      ...checkDateOrder(s.electedOn, s.endedOn, `/seats/${i}/endedOn`, {
        zh: '终止日期',
        en: 'The end date',
      }),
    );
  });
  return problems;
}

function seatColumns(seats: readonly SeatInput[]): repo.SeatColumns[] {
  return seats.map((s) => ({
    congress_id: s.congressId,
    delegation: s.delegation ?? null,
    constituency: s.constituency ?? null,
    elected_on: s.electedOn ?? null,
    ended_on: s.endedOn ?? null,
  }));
}

/** Check a body's references, phone and seats; returns the phone intent when all is well. */
async function checkInput(
  ctx: AppContext,
  actor: Actor,
  input: UpdateRepresentativeBody,
): Promise<PhoneIntent> {
  const problems = await jurisdictionProblems(ctx, actor, input.jurisdictionId);
  const phone = readPhoneInput(input.phone, '/phone');
  if (!phone.ok) problems.push(phone.error);
  if (input.seats) problems.push(...(await checkSeats(ctx, input.seats)));
  assertNoProblems(problems);
  return phone.ok ? phone.intent : { kind: 'keep' };
}

/** The body's fields as columns (only those given), with the phone sealed. */
function columnsOf(
  ctx: AppContext,
  input: UpdateRepresentativeBody,
  phone: PhoneIntent,
): Partial<repo.RepresentativeColumns> {
  const sealed = sealPhone(ctx.cipher, phone);
  return {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.gender !== undefined ? { gender: input.gender } : {}),
    ...(input.ethnicity !== undefined ? { ethnicity: input.ethnicity } : {}),
    ...(input.jurisdictionId !== undefined ? { jurisdiction_id: input.jurisdictionId } : {}),
    ...(input.employer !== undefined ? { employer: input.employer } : {}),
    ...(input.post !== undefined ? { post: input.post } : {}),
    ...(input.sector !== undefined ? { sector: input.sector } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.statusNote !== undefined ? { status_note: input.statusNote } : {}),
    ...(input.isPublic !== undefined ? { is_public: input.isPublic ? 1 : 0 } : {}),
    ...(input.bio !== undefined ? { bio: input.bio } : {}),
    ...(sealed ? { phone_enc: sealed.enc, phone_hash: sealed.hash } : {}),
  };
}

/** What an audit row records of a body: everything given except the phone, which is only noted. */
function auditDetail(input: UpdateRepresentativeBody, phone: PhoneIntent): Record<string, unknown> {
  const { phone: _phone, ...rest } = input;
  return { ...changedFields(rest), ...phoneAuditNote(phone) };
}

export async function createRepresentative(
  ctx: AppContext,
  actor: Actor,
  input: CreateRepresentativeBody,
): Promise<RepresentativeView> {
  const phone = await checkInput(ctx, actor, input);
  const now = ctx.clock.now().toISOString();
  const columns: repo.RepresentativeColumns = {
    ...repo.NEW_REPRESENTATIVE_DEFAULTS,
    code: input.code,
    name: input.name,
    gender: input.gender,
    jurisdiction_id: input.jurisdictionId,
    ...columnsOf(ctx, input, phone),
  };
  const id = await withUniqueCode(input.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      const newId = await repo.insertRepresentative(trx, columns, now);
      if (input.seats) await repo.replaceSeats(trx, newId, seatColumns(input.seats));
      return {
        result: newId,
        audit: {
          action: 'representative.create',
          entityType: 'representative',
          entityId: newId,
          jurisdictionId: input.jurisdictionId,
          detail: auditDetail(input, phone),
        },
      };
    }),
  );
  return getRepresentative(ctx, actor, id);
}

export async function updateRepresentative(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: UpdateRepresentativeBody,
): Promise<RepresentativeView> {
  const before = await loadManaged(ctx, actor, id);
  const phone = await checkInput(ctx, actor, patch);
  const now = ctx.clock.now().toISOString();
  await withUniqueCode(patch.code, () =>
    auditedWrite(ctx, actor, async (trx) => {
      await repo.updateRepresentative(trx, id, columnsOf(ctx, patch, phone), now);
      if (patch.seats) await repo.replaceSeats(trx, id, seatColumns(patch.seats));
      return {
        result: undefined,
        audit: {
          action: 'representative.update',
          entityType: 'representative',
          entityId: id,
          jurisdictionId: patch.jurisdictionId ?? before.jurisdiction.id,
          detail: { code: before.code, name: before.name, changes: auditDetail(patch, phone) },
        },
      };
    }),
  );
  return getRepresentative(ctx, actor, id);
}

/** Deleting is for records entered by mistake; a representative who has an account is terminated instead. */
export async function deleteRepresentative(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const r = await loadManaged(ctx, actor, id);
  if ((await accountsReferring(ctx.database.db, 'representative_id', id)) > 0) {
    throw inUse(
      `代表“${r.name}”已关联系统账号，不能删除；如代表资格已终止，请将状态改为“代表资格终止”（terminated）`,
      `Representative "${r.name}" is linked to an account and cannot be deleted; set the status to 'terminated' instead`,
    );
  }
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.deleteRepresentative(trx, id);
    return {
      result: undefined,
      audit: {
        action: 'representative.delete',
        entityType: 'representative',
        entityId: id,
        jurisdictionId: r.jurisdiction.id,
        detail: { code: r.code, name: r.name },
      },
    };
  });
}

/** The clear phone number, for a user holding org.reveal_phone; every reveal is audited first. */
export async function revealRepresentativePhone(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ phone: string | null }> {
  const r = await load(ctx, actor, id);
  await recordAuditAlone(ctx, actor, {
    action: 'representative.reveal_phone',
    entityType: 'representative',
    entityId: id,
    jurisdictionId: r.jurisdiction.id,
    detail: { code: r.code, name: r.name, hasPhone: r.phoneEnc !== null },
  });
  return { phone: clearPhone(ctx.cipher, r.phoneEnc) };
}

/**
 * A representative as the public pages may know them. `isPublic` and `status` travel with the
 * record so the public module decides what to show (a private profile shows the name alone).
 */
export interface PublicProfile {
  id: number;
  publicCode: string;
  name: string;
  status: repo.PublicProfileRecord['status'];
  isPublic: boolean;
  levels: CongressLevel[];
  employer: string | null;
  post: string | null;
  bio: string | null;
}

/** The code a representative's QR carries, given now if they were added without one. */
async function publicCodeOf(ctx: AppContext, r: repo.PublicProfileRecord): Promise<string> {
  return r.publicCode ?? (await repo.fillPublicCode(ctx.database.db, r.id, newPublicCode()));
}

async function withLevels(ctx: AppContext, rows: repo.PublicProfileRecord[]): Promise<PublicProfile[]> {
  const levels = await currentLevels(
    ctx.database.db,
    rows.map((r) => r.id),
    today(ctx),
  );
  const out: PublicProfile[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      publicCode: await publicCodeOf(ctx, r),
      name: r.name,
      status: r.status,
      isPublic: r.isPublic,
      levels: levels.get(r.id) ?? [],
      employer: r.employer,
      post: r.post,
      bio: r.bio,
    });
  }
  return out;
}

/** The representative behind a QR code, whatever the scope, with the ids of the stations they serve at. */
export async function findRepresentativeByPublicCode(
  ctx: AppContext,
  publicCode: string,
): Promise<(PublicProfile & { stationIds: number[] }) | undefined> {
  const db = ctx.database.db;
  const r = await repo.findByPublicCode(db, publicCode);
  if (!r) return undefined;
  const [[profile], stationIds] = await Promise.all([withLevels(ctx, [r]), repo.stationIdsOf(db, r.id)]);
  return { ...profile!, stationIds };
}

/** Everyone on a station's roster, whatever the scope; the caller keeps those it may show. */
export async function rosterProfiles(ctx: AppContext, stationId: number): Promise<PublicProfile[]> {
  return withLevels(ctx, await repo.profilesOnStation(ctx.database.db, stationId));
}

/** A representative the actor may see, with their QR code (given now if missing): for the download. */
export async function representativeQrCode(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ name: string; publicCode: string }> {
  const r = await repo.findPublicProfile(ctx.database.db, scopeOf(actor), id);
  if (!r) throw notFound();
  return { name: r.name, publicCode: await publicCodeOf(ctx, r) };
}

/** How many representatives serve in the whole deployment. */
export async function countActiveRepresentatives(ctx: AppContext): Promise<number> {
  return repo.countActive(ctx.database.db);
}
