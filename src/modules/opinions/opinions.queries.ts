/**
 * The queues, the ledger and one item with its history, as the actor may see them. Contact
 * details are masked here ('王*', 138****1234); the clear values leave only through the audited
 * reveal (contact.service.ts) or an export with the permission (export.service.ts).
 */
import { maskPhone } from '../../lib/phone.ts';
import { addWorkingDays } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { GLOBAL_SCOPE, scopeOf } from '../../platform/db/scope.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { can } from '../auth/auth.policy.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import { deadlinesOf } from './deadlines.ts';
import { availableActions, type ActorKind } from './opinions.domain.ts';
import * as read from './opinions.read.repo.ts';
import * as repo from './opinions.repo.ts';
import type { OpinionListItem, OpinionListQuery, OpinionView } from './opinions.schema.ts';
import type {
  Channel,
  OpinionState,
  Rating,
  RejectionReason,
  ReplyResult,
  SubmitterKind,
} from './opinions.vocab.ts';
import { actorKinds, representativeOf, seesJurisdiction, unitOf, visibleTo } from './opinions.visibility.ts';
import { transitionContext } from './transitions.service.ts';

export const ANONYMOUS = '匿名';

/** '王*': the family name only, in lists and views. */
export function maskName(name: string): string {
  return `${[...name][0] ?? ''}*`;
}

export function submitterNameOf(
  ctx: AppContext,
  o: { anonymous: number; submitter_name_enc: string | null },
) {
  return o.anonymous === 1 || o.submitter_name_enc === null
    ? ANONYMOUS
    : maskName(ctx.cipher.decrypt(o.submitter_name_enc));
}

export function phoneMaskedOf(ctx: AppContext, phoneEnc: string | null): string | null {
  return phoneEnc === null ? null : maskPhone(ctx.cipher.decrypt(phoneEnc));
}

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** What the list shows of an item; `clock` gives the overdue and 临期 flags. */
export function toListItem(
  ctx: AppContext,
  r: read.OpinionListRow,
  clock: { now: Date; dueSoonBy: Date },
): OpinionListItem {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    status: r.status as OpinionState,
    version: r.version,
    channel: r.channel as Channel,
    submitterKind: r.submitter_kind as SubmitterKind,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    station: ref(r.station_id, r.station_name),
    representative: ref(r.representative_id, r.representative_name),
    grid: ref(r.grid_id, r.grid_name),
    unit: ref(r.unit_id, r.unit_name),
    categoryCode: r.category_code,
    excerpt: [...r.content].slice(0, 80).join(''),
    submitterName: submitterNameOf(ctx, r),
    phoneMasked: phoneMaskedOf(ctx, r.submitter_phone_enc),
    hasPhotos: Boolean(Number(r.has_photos)),
    submittedAt: r.submitted_at,
    deadlines: deadlinesOf(r, clock.now, clock.dueSoonBy),
    rehandleRounds: r.rehandle_rounds,
    lastResult: r.last_result as ReplyResult | null,
    lastRating: r.last_rating as Rating | null,
  };
}

/** The clock of a view: now, and the end of the 临期 window. */
export async function viewClock(ctx: AppContext): Promise<{ now: Date; dueSoonBy: Date }> {
  const now = ctx.clock.now();
  const cal = await workCalendar(ctx);
  return { now, dueSoonBy: addWorkingDays(cal, now, ctx.config.opinions.dueSoonWorkingDays).due };
}

const beijingStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const beijingNextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

/** The repo filter of a list or export query; null when nothing can match. */
export async function filterOf(
  ctx: AppContext,
  actor: Actor,
  query: Omit<OpinionListQuery, 'page' | 'pageSize'>,
  clock: { now: Date; dueSoonBy: Date },
): Promise<read.OpinionFilter | null> {
  // The jurisdiction filter only narrows: visibility decides what is seen (a unit's items may
  // lie outside its own jurisdiction).
  const within = query.jurisdictionId
    ? await jurisdictionInScope(ctx.database.db, GLOBAL_SCOPE, query.jurisdictionId)
    : undefined;
  if (query.jurisdictionId && !within) return null;
  const view: read.ListView = (() => {
    switch (query.view ?? 'all') {
      case 'triage':
        return { kind: 'triage', scope: seesJurisdiction(actor) ? scopeOf(actor) : null } as const;
      case 'unit':
        return { kind: 'unit', unitId: unitOf(actor) } as const;
      case 'representative':
        return { kind: 'representative', representativeId: representativeOf(actor) } as const;
      case 'all':
        return { kind: 'all' } as const;
    }
  })();
  return {
    view,
    statuses: query.status,
    channel: query.channel,
    within: within ? { path: within.path } : undefined,
    stationId: query.stationId,
    groupId: query.groupId,
    representativeId: query.representativeId,
    gridId: query.gridId,
    unitId: query.unitId,
    categoryCode: query.categoryCode,
    from: query.from ? beijingStart(query.from) : undefined,
    to: query.to ? beijingNextDay(query.to) : undefined,
    overdue: query.overdue,
    dueSoon: query.dueSoon,
    rating: query.rating,
    rehandled: query.rehandled,
    q: query.q?.trim() || undefined,
    sort: query.sort,
    now: clock.now.toISOString(),
    dueSoonBy: clock.dueSoonBy.toISOString(),
  };
}

export async function listOpinions(
  ctx: AppContext,
  actor: Actor,
  query: OpinionListQuery,
): Promise<PageOf<OpinionListItem>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const clock = await viewClock(ctx);
  const filter = await filterOf(ctx, actor, query, clock);
  if (!filter) return { items: [], total: 0, page, pageSize };
  const { rows, total } = await read.listOpinions(ctx.database.db, visibleTo(actor), filter, page, pageSize);
  return { items: rows.map((r) => toListItem(ctx, r, clock)), total, page, pageSize };
}

/** The item as the actor may see it, with who they are for it; 404 outside their visibility. */
export async function loadVisible(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ loaded: repo.LoadedOpinion; kinds: ActorKind[] }> {
  const loaded = await repo.findOpinion(ctx.database.db, id, visibleTo(actor), representativeOf(actor));
  if (!loaded) throw new AppError('NOT_FOUND');
  const kinds = actorKinds(actor, {
    jurisdictionPath: loaded.jurisdictionPath,
    unitId: loaded.row.unit_id,
    representativeId: loaded.row.representative_id,
    representativeServes: loaded.representativeServes,
  });
  return { loaded, kinds };
}

/** Whether the actor may see the submitter's contact in clear (audited): staff and officers in scope, the unit handling it. */
export function mayRevealContact(actor: Actor, kinds: readonly ActorKind[]): boolean {
  return (
    can(actor, 'opinions.reveal_contact') &&
    (kinds.includes('staff') || kinds.includes('officer') || kinds.includes('unit'))
  );
}

export async function getOpinion(ctx: AppContext, actor: Actor, id: number): Promise<OpinionView> {
  const db = ctx.database.db;
  const { loaded, kinds } = await loadVisible(ctx, actor, id);
  const clock = await viewClock(ctx);
  const [row, history] = await Promise.all([
    read.findListRow(db, visibleTo(actor), id),
    read.historyOf(db, id, loaded.row.merged_into_id, loaded.row.registered_by_user_id),
  ]);
  if (!row) throw new AppError('NOT_FOUND');
  const o = loaded.row;
  return {
    ...toListItem(ctx, row, clock),
    content: o.content,
    address: o.address,
    anonymous: o.anonymous === 1,
    consentPublish: o.consent_publish === 1,
    registeredBy: history.registrar,
    assignedAt: o.assigned_at,
    signedAt: o.signed_at,
    closedAt: o.closed_at,
    mergedInto: history.mergedInto
      ? { id: history.mergedInto.id, trackingCode: history.mergedInto.tracking_code }
      : null,
    merged: history.merged.map((m) => ({ id: m.id, trackingCode: m.tracking_code })),
    rejection: o.rejection_reason
      ? { reason: o.rejection_reason as RejectionReason, note: o.rejection_note }
      : null,
    convertedRef: o.converted_ref,
    publishedAt: o.published_at,
    publishedContent: o.published_content,
    publishedReply: o.published_reply,
    events: history.events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      fromStatus: e.from_status as OpinionState | null,
      toStatus: e.to_status as OpinionState,
      actorKind: e.actor_kind,
      actorName: e.actor_name,
      unit: ref(e.unit_id, e.unit_name),
      publicNote: e.public_note,
      internalNote: e.internal_note,
    })),
    replies: history.replies.map((r) => ({
      id: r.id,
      round: r.round,
      kind: r.kind as 'unit' | 'on_spot',
      result: r.result as ReplyResult,
      content: r.content,
      unit: ref(r.unit_id, r.unit_name),
      replierName: r.replier_name,
      contactNote: r.contact_note,
      at: r.at,
      onTime: r.on_time === 1,
    })),
    ratings: history.ratings.map((r) => ({
      round: r.round,
      rating: r.rating as Rating,
      comment: r.comment,
      byCitizen: r.by_citizen === 1,
      at: r.at,
    })),
    extensions: history.extensions.map((x) => ({
      id: x.id,
      requestedAt: x.requested_at,
      workingDays: x.working_days,
      reason: x.reason,
      previousDue: x.previous_due,
      decidedAt: x.decided_at,
      approved: x.approved === null ? null : x.approved === 1,
      newDue: x.new_due,
      decisionNote: x.decision_note,
    })),
    photos: history.photos.map((p) => ({ id: p.id, mime: p.mime, size: p.size })),
    actions: availableActions(o.status as OpinionState, kinds, transitionContext(ctx, o)),
    canRevealContact:
      mayRevealContact(actor, kinds) && (o.submitter_phone_enc !== null || o.submitter_name_enc !== null),
  };
}

/** A photo of an item the actor may see. */
export async function getPhoto(
  ctx: AppContext,
  actor: Actor,
  id: number,
  photoId: number,
): Promise<{ mime: string; data: Buffer }> {
  await loadVisible(ctx, actor, id);
  const photo = await read.photoData(ctx.database.db, id, photoId);
  if (!photo) throw new AppError('NOT_FOUND');
  return photo;
}
