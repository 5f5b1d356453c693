/**
 * What people read of suggestions: the work lists and ledger, one case with its whole history and
 * what the caller may do now, the commitments ledger, a reply's attachment, the congresses a
 * representative may propose to, and the refusal reasons.
 */
import { workingDaysBetween } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import { availableActions, availableRecords } from './suggestions.domain.ts';
import * as read from './suggestions.read.repo.ts';
import * as repo from './suggestions.repo.ts';
import type {
  CommitmentQuery,
  ListQuery,
  RefusalReasonBody,
  SuggestionDetail,
  SuggestionListItem,
} from './suggestions.schema.ts';
import { staffPerformer, transitionContext } from './steps.service.ts';
import { representativeOf, unitOf, visibleTo } from './suggestions.visibility.ts';
import { HANDLING_STATES, type SuggestionState } from './suggestions.vocab.ts';
import type { Static } from 'typebox';
import type { CommitmentLedgerItem, CommitmentView } from './suggestions.schema.ts';

export const caseLabel = (n: number | null): string | null => (n === null ? null : `第${n}号`);

type Units = Awaited<ReturnType<typeof read.unitsOfCases>>;

function toListItem(
  r: read.ListRow,
  units: Units,
  now: Date,
  dueSoon: (due: Date) => boolean,
): SuggestionListItem {
  const mine = units.filter((u) => u.suggestion_id === r.id);
  const lead = mine.find((u) => u.role === 'lead');
  const replyDue = r.reply_due ? new Date(r.reply_due) : null;
  const handling = HANDLING_STATES.includes(r.status as SuggestionState);
  return {
    id: r.id,
    kind: r.kind as SuggestionListItem['kind'],
    status: r.status as SuggestionState,
    version: r.version,
    caseNumber: r.case_number,
    caseLabel: caseLabel(r.case_number),
    title: r.title,
    congress: { id: r.congress_id, name: r.congress_name },
    period: r.period as SuggestionListItem['period'],
    sessionNumber: r.session_number,
    year: r.year,
    lead: { id: r.lead_representative_id, name: r.lead_name },
    cosignerCount: Number(r.cosigner_count ?? 0),
    categoryCode: r.category_code,
    leadUnit: lead ? { id: lead.unit_id, name: lead.name } : null,
    coUnits: mine.filter((u) => u.role === 'co').map((u) => ({ id: u.unit_id, name: u.name })),
    keySupervision: r.key_supervision === 1,
    submittedAt: r.submitted_at,
    assignedAt: r.assigned_at,
    deadlines: {
      returnDue: r.return_due,
      coOpinionDue: r.co_opinion_due,
      replyDue: r.reply_due,
      replyDueProvisional: r.reply_due_provisional === 1,
      maxReplyDue: r.max_reply_due,
      evaluationDue: r.evaluation_due,
      overdue: handling && replyDue !== null && replyDue.getTime() < now.getTime(),
      dueSoon: handling && replyDue !== null && replyDue.getTime() >= now.getTime() && dueSoon(replyDue),
    },
    replyClass: r.reply_class as SuggestionListItem['replyClass'],
    attitudeRating: r.attitude_rating as SuggestionListItem['attitudeRating'],
    resultRating: r.result_rating as SuggestionListItem['resultRating'],
    rehandleRounds: r.rehandle_rounds,
    closeReason: r.close_reason as SuggestionListItem['closeReason'],
    updatedAt: r.updated_at,
  };
}

async function dueSoonCheck(ctx: AppContext, now: Date) {
  const cal = await workCalendar(ctx);
  const window = ctx.config.suggestions.dueSoonWorkingDays;
  return (due: Date) => workingDaysBetween(cal, now, due) <= window;
}

export async function listSuggestions(
  ctx: AppContext,
  actor: Actor,
  q: ListQuery,
): Promise<PageOf<SuggestionListItem>> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await read.listSuggestions(
    db,
    visibleTo(actor),
    {
      view: q.view ?? 'all',
      status: q.status,
      kind: q.kind,
      congressId: q.congressId,
      year: q.year,
      unitId: q.unitId,
      categoryCode: q.categoryCode,
      replyClass: q.replyClass,
      q: q.q?.trim() || undefined,
      now: now.toISOString(),
      representativeId: representativeOf(actor),
      unitId_: unitOf(actor),
    },
    pageSize,
    (page - 1) * pageSize,
  );
  const [units, dueSoon] = await Promise.all([
    read.unitsOfCases(
      db,
      rows.map((r) => r.id),
    ),
    dueSoonCheck(ctx, now),
  ]);
  return { items: rows.map((r) => toListItem(r, units, now, dueSoon)), total, page, pageSize };
}

function commitmentView(
  c: Awaited<ReturnType<typeof read.commitmentsOfCase>>[number],
  progress: Awaited<ReturnType<typeof read.progressOf>>,
  today: string,
): Static<typeof CommitmentView> {
  return {
    id: c.id,
    suggestionId: c.suggestion_id,
    replyId: c.reply_id,
    unit: { id: c.unit_id, name: c.unit_name },
    content: c.content,
    dueDate: c.due_date,
    status: c.status as 'open' | 'done' | 'cancelled',
    doneAt: c.done_at,
    doneNote: c.done_note,
    overdue: c.status === 'open' && c.due_date !== null && c.due_date < today,
    progress: progress
      .filter((p) => p.commitment_id === c.id)
      .map((p) => ({ year: p.year, note: p.note, at: p.at })),
  };
}

export async function getSuggestion(ctx: AppContext, actor: Actor, id: number): Promise<SuggestionDetail> {
  const db = ctx.database.db;
  const who = staffPerformer(actor);
  const loaded = await repo.findSuggestion(db, id, who.visible);
  if (!loaded) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const r = loaded.row;
  const [
    row,
    units,
    signers,
    history,
    contacts,
    replies,
    evaluations,
    extensions,
    commitments,
    opinions,
    merged,
  ] = await Promise.all([
    read.oneRow(db, id),
    read.unitsOfCases(db, [id]),
    read.signersWithNames(db, id),
    read.historyOf(db, id),
    read.contactsOf(db, id),
    read.repliesOf(db, id),
    read.evaluationsOf(db, id),
    read.extensionsOf(db, id),
    read.commitmentsOfCase(db, id),
    read.opinionsOf(db, id),
    read.mergedFrom(db, id),
  ]);
  const [progress, mergedInto, supervisor, reasons, dueSoon] = await Promise.all([
    read.progressOf(
      db,
      commitments.map((c) => c.id),
    ),
    r.merged_into_id !== null ? read.caseBrief(db, r.merged_into_id) : undefined,
    r.supervisor_user_id !== null ? read.userName(db, r.supervisor_user_id) : undefined,
    r.refusal_reason !== null ? repo.listRefusalReasons(db, false) : [],
    dueSoonCheck(ctx, now),
  ]);
  const kinds = who.kindsOf(loaded);
  const tctx = transitionContext(ctx, loaded, now);
  const reason = reasons.find((x) => x.code === r.refusal_reason);
  const unitsOnly = kinds.every((k) => k === 'lead_unit' || k === 'co_unit') && kinds.length > 0;
  return {
    ...toListItem(row!, units, now, dueSoon),
    background: r.background,
    proposals: r.proposals,
    basis: r.basis,
    signers: signers.map((s) => ({
      representative: { id: s.representative_id, name: s.name },
      role: s.role as 'lead' | 'cosigner',
      status: s.status as 'invited' | 'accepted' | 'declined' | 'lapsed',
      invitedAt: s.invited_at,
      answeredAt: s.answered_at,
      originSuggestionId: s.origin_suggestion_id,
    })),
    units: units.map((u) => ({
      unit: { id: u.unit_id, name: u.name },
      role: u.role as 'lead' | 'co',
      assignedAt: u.assigned_at,
      coOpinion: u.co_opinion,
      coOpinionAt: u.co_opinion_at,
    })),
    supervisor: supervisor ? { id: supervisor.id, name: supervisor.display_name } : null,
    refusal:
      r.refusal_reason !== null
        ? { reason: r.refusal_reason, label: reason?.label_zh ?? r.refusal_reason, note: r.refusal_note }
        : null,
    mergedInto: mergedInto
      ? { id: mergedInto.id, caseLabel: caseLabel(mergedInto.case_number), title: mergedInto.title }
      : null,
    mergedFrom: merged,
    // A unit sees the citizens' opinions only through the case's text, not their tracking codes.
    opinions: unitsOnly ? [] : opinions.map((o) => ({ id: o.id, trackingCode: o.tracking_code })),
    contacts: contacts.map((c) => ({
      id: c.id,
      unit: { id: c.unit_id, name: c.unit_name },
      round: c.round,
      contactedOn: c.contacted_on,
      means: c.means as 'visit',
      summary: c.summary,
      createdAt: c.created_at,
    })),
    replies: replies.map((x) => ({
      id: x.id,
      round: x.round,
      unit: { id: x.unit_id, name: x.unit_name },
      replyClass: x.reply_class as 'A' | 'B' | 'C',
      documentNumber: x.document_number,
      signer: x.signer,
      body: x.body,
      repliedAt: x.replied_at,
      onTime: x.on_time === 1,
      correctsReplyId: x.corrects_reply_id,
      attachment:
        x.attachment_id !== null
          ? { id: x.attachment_id, fileName: x.attachment_name, size: Number(x.attachment_size) }
          : null,
    })),
    evaluations: evaluations.map((e) => ({
      round: e.round,
      replyId: e.reply_id,
      representative: { id: e.representative_id, name: e.representative_name },
      attitude: e.attitude as 'satisfied',
      result: e.result as 'satisfied',
      comment: e.comment,
      at: e.at,
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      requestedAt: e.requested_at,
      requestedDue: e.requested_due,
      reason: e.reason,
      decision: e.decision as 'approved' | 'refused' | null,
      decidedAt: e.decided_at,
      newDue: e.new_due,
      decisionNote: e.decision_note,
    })),
    commitments: commitments.map((c) => commitmentView(c, progress, today)),
    history: history.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      fromStatus: e.from_status as SuggestionState | null,
      toStatus: e.to_status as SuggestionState,
      actorKind: e.actor_kind,
      actorName: e.actor_name,
      unit: e.unit_id !== null ? { id: e.unit_id, name: e.unit_name ?? '' } : null,
      note: e.note,
    })),
    published:
      r.published_at !== null
        ? {
            at: r.published_at,
            title: r.published_title ?? '',
            body: r.published_body ?? '',
            reply: r.published_reply ?? '',
          }
        : null,
    actions: availableActions(r.status as SuggestionState, kinds, tctx),
    records: availableRecords(r.status as SuggestionState, kinds),
    roles: kinds,
    minCosigners: tctx.minMotionCosigners,
  };
}

export async function listCommitments(
  ctx: AppContext,
  actor: Actor,
  q: CommitmentQuery,
): Promise<PageOf<Static<typeof CommitmentLedgerItem>>> {
  const db = ctx.database.db;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const { rows, total } = await read.listCommitments(
    db,
    visibleTo(actor),
    { status: q.status, unitId: q.unitId, year: q.year, overdueBefore: q.overdue ? today : undefined },
    pageSize,
    (page - 1) * pageSize,
  );
  const progress = await read.progressOf(
    db,
    rows.map((c) => c.id),
  );
  return {
    items: rows.map((c) => ({
      ...commitmentView(c, progress, today),
      suggestionTitle: c.title,
      caseLabel: caseLabel(c.case_number),
      suggestionYear: c.suggestion_year,
    })),
    total,
    page,
    pageSize,
  };
}

/** A reply's attachment, to the people who see the case. */
export async function getReplyAttachment(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  const db = ctx.database.db;
  if (!(await repo.findSuggestion(db, id, visibleTo(actor)))) throw new AppError('NOT_FOUND');
  const file = await read.replyAttachment(db, id, attachmentId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/** The congresses the caller (a representative) serves on, to propose to. */
export async function myCongresses(ctx: AppContext, actor: Actor) {
  const rep = representativeOf(actor);
  if (rep === null) return [];
  return (await repo.congressesOf(ctx.database.db, rep)).map((c) => ({
    id: c.id,
    name: c.name,
    level: c.level,
  }));
}

export async function refusalReasons(ctx: AppContext, all: boolean) {
  return (await repo.listRefusalReasons(ctx.database.db, !all)).map((r) => ({
    code: r.code,
    labelZh: r.label_zh,
    labelEn: r.label_en,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }));
}

/** PUT /suggestion-refusal-reasons/:code: staff keep the list (a reason in use is deactivated, not deleted). */
export async function saveRefusalReason(ctx: AppContext, actor: Actor, body: RefusalReasonBody) {
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.upsertRefusalReason(trx, {
      code: body.code,
      label_zh: body.labelZh,
      label_en: body.labelEn,
      sort_order: body.sortOrder,
      active: body.active ? 1 : 0,
      updated_at: ctx.clock.now().toISOString(),
    });
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.refusal_reason',
      entityType: 'suggestion_refusal_reason',
      detail: { code: body.code, active: body.active },
    });
  });
  return refusalReasons(ctx, true);
}
