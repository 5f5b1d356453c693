/**
 * Before a case goes in: a representative drafts it (autosaved), invites co-signers, who accept
 * or decline (附议); a draft can start from a citizen's opinion, which is then marked converted
 * and linked. Congress staff may file a paper suggestion on a representative's behalf, handed in
 * at once. Who may do what on a draft is the domain's record table (suggestions.domain.ts).
 */
import type { Transaction } from 'kysely';
import { beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { pathInScope, scopeOf } from '../../platform/db/scope.ts';
import { AppError, invalid, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyAll } from '../notifications/notifications.service.ts';
import { convertOpinionIn, prepareConversion } from '../opinions/actions.service.ts';
import { listCategories } from '../org/units.service.ts';
import { recordAllowed, type SuggestionRecord } from './suggestions.domain.ts';
import { RECORD_LABELS } from './suggestions.labels.ts';
import { invitationNotice, stepNotices } from './suggestions.notices.ts';
import * as repo from './suggestions.repo.ts';
import type { CreateDraftBody, FromOpinionBody, UpdateDraftBody } from './suggestions.schema.ts';
import { noticeCase, STALE, staffPerformer, transitionContext } from './steps.service.ts';
import { representativeOf } from './suggestions.visibility.ts';
import type { SuggestionState } from './suggestions.vocab.ts';

const field = (path: string, rule: string, zh: string, en: string): FieldError => ({
  path,
  rule,
  message: { zh, en },
});

/** Refuse a record the actor may not add now: 409 for the state, 403 for who. */
export function requireRecord(s: repo.LoadedSuggestion, actor: Actor, record: SuggestionRecord): void {
  const result = recordAllowed(s.row.status as SuggestionState, record, staffPerformer(actor).kindsOf(s));
  if (result.ok) return;
  const label = RECORD_LABELS[record];
  if (result.error.code === 'NOT_IN_STATE')
    throw new AppError('INVALID_TRANSITION', {
      zh: `该建议当前状态下不能${label.zh}`,
      en: `You cannot ${label.en} this case in its current state`,
    });
  throw new AppError('FORBIDDEN', { zh: `您不能${label.zh}`, en: `You may not ${label.en} this case` });
}

/** Load a case the actor sees, in the transaction, or 404. */
export async function loadVisible(
  trx: Transaction<DB>,
  actor: Actor,
  id: number,
): Promise<repo.LoadedSuggestion> {
  const s = await repo.findSuggestion(trx, id, staffPerformer(actor).visible);
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

async function checkCategory(ctx: AppContext, code: string | null | undefined): Promise<void> {
  if (code === null || code === undefined) return;
  if (!(await listCategories(ctx)).some((c) => c.code === code))
    throw invalid([field('/categoryCode', 'exists', `未知的类别“${code}”`, `Unknown category "${code}"`)]);
}

/**
 * Who leads a new case: the representative themselves, or (congress staff) the representative
 * they name, who must serve on the congress now; the congress must be one the staff oversee.
 */
async function leadOf(
  ctx: AppContext,
  actor: Actor,
  congressId: number,
  named: number | undefined,
): Promise<{ leadId: number; congress: repo.CongressFacts; byStaff: boolean }> {
  const db = ctx.database.db;
  const congress = await repo.congressFacts(db, congressId);
  if (!congress)
    throw invalid([
      field('/congressId', 'exists', '人大不存在或不属于本系统管辖', 'No such congress in this system'),
    ]);
  const self = representativeOf(actor);
  const byStaff = named !== undefined && named !== self;
  const leadId = byStaff ? named : self;
  if (leadId === null || leadId === undefined)
    throw invalid([
      field('/leadRepresentativeId', 'required', '请选择领衔代表', 'Choose the lead representative'),
    ]);
  if (byStaff) {
    if (!actor.roles.includes('congress_staff') || !pathInScope(scopeOf(actor), congress.jurisdictionPath))
      throw new AppError('FORBIDDEN', {
        zh: '只有该人大的代表工委可以代代表登记建议',
        en: 'Only the congress’s staff may file a suggestion on a representative’s behalf',
      });
  }
  if (!(await repo.servingOn(db, congressId, [leadId])).has(leadId))
    throw invalid([
      field(
        byStaff ? '/leadRepresentativeId' : '/congressId',
        'serving',
        '领衔代表须为该人大的在任代表',
        'The lead must be a serving representative of that congress',
      ),
    ]);
  return { leadId, congress, byStaff };
}

function sessionKeyOf(period: string, sessionNumber: number | null, year: number): string {
  return period === 'session' ? `S${sessionNumber ?? 0}` : `R${year}`;
}

function checkSession(period: string, sessionNumber: number | null | undefined): void {
  if (period === 'session' && (sessionNumber === null || sessionNumber === undefined))
    throw invalid([
      field(
        '/sessionNumber',
        'required',
        '大会期间提出的建议须注明第几次会议',
        'Give the session number for a suggestion made during the session',
      ),
    ]);
}

/** POST /suggestions: a new draft (or, by staff, a paper suggestion handed in at once). */
export async function createDraft(ctx: AppContext, actor: Actor, body: CreateDraftBody): Promise<number> {
  const { leadId, congress, byStaff } = await leadOf(ctx, actor, body.congressId, body.leadRepresentativeId);
  await checkCategory(ctx, body.categoryCode);
  checkSession(body.period, body.sessionNumber);
  if (body.submitNow && !byStaff && !actor.roles.includes('congress_staff'))
    throw new AppError('FORBIDDEN', {
      zh: '代表请先保存草稿并邀请附议，再提交',
      en: 'Representatives save a draft and then submit it',
    });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const year = Number(beijingDateOf(now).slice(0, 4));
  const sessionNumber = body.period === 'session' ? (body.sessionNumber ?? null) : null;
  return ctx.database.db.transaction().execute(async (trx) => {
    const id = await repo.insertSuggestion(trx, {
      kind: body.kind,
      status: body.submitNow ? 'SUBMITTED' : 'DRAFT',
      congress_id: congress.id,
      jurisdiction_id: congress.jurisdictionId,
      period: body.period,
      session_number: sessionNumber,
      year,
      session_key: sessionKeyOf(body.period, sessionNumber, year),
      title: body.title.trim(),
      category_code: body.categoryCode ?? null,
      background: body.background ?? '',
      proposals: body.proposals ?? '',
      basis: body.kind === 'motion' ? (body.basis ?? '') : null,
      lead_representative_id: leadId,
      created_by_user_id: actor.userId,
      submitted_at: body.submitNow ? at : null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertSigners(trx, [
      {
        suggestion_id: id,
        representative_id: leadId,
        role: 'lead',
        status: 'accepted',
        origin_suggestion_id: null,
        invited_at: at,
        answered_at: at,
      },
    ]);
    if (body.submitNow) {
      const loaded = (await repo.findSuggestion(trx, id, null))!;
      const tctx = transitionContext(ctx, loaded, now);
      if (!tctx.complete || (tctx.kind === 'motion' && tctx.acceptedCosigners < tctx.minMotionCosigners))
        throw invalid([
          field(
            '/title',
            'complete',
            '直接提交的建议须填写完整（标题、类别、事由、具体建议）；议案须先征集附议',
            'A suggestion handed in at once must be complete; a motion needs its co-signers first',
          ),
        ]);
      await notifyAll(ctx, trx, stepNotices(noticeCase(loaded), 'submit'));
    }
    await repo.insertEvents(trx, [
      {
        suggestion_id: id,
        at,
        action: body.submitNow ? 'create_submitted' : 'create',
        from_status: null,
        to_status: body.submitNow ? 'SUBMITTED' : 'DRAFT',
        actor_kind: byStaff ? 'staff' : 'lead',
        actor_user_id: actor.userId,
        actor_name: actor.displayName,
        unit_id: null,
        note: null,
      },
    ]);
    await recordAudit(ctx, trx, actor, {
      action: body.submitNow ? 'suggestion.create_submitted' : 'suggestion.create',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: congress.jurisdictionId,
      detail: { kind: body.kind, lead: leadId },
    });
    return id;
  });
}

/** PATCH /suggestions/:id: the draft's autosave (the lead only, while a draft; stale versions refused). */
export async function updateDraft(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: UpdateDraftBody,
): Promise<void> {
  await checkCategory(ctx, body.categoryCode);
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'edit_draft');
    if (body.version !== undefined && body.version !== s.row.version) throw new AppError('CONFLICT', STALE);
    const kind = body.kind ?? s.row.kind;
    const period = body.period ?? s.row.period;
    const sessionNumber =
      period === 'session'
        ? body.sessionNumber !== undefined
          ? body.sessionNumber
          : s.row.session_number
        : null;
    if (body.period !== undefined || body.sessionNumber !== undefined) checkSession(period, sessionNumber);
    const patch: repo.SuggestionPatch = {
      kind,
      period,
      session_number: sessionNumber,
      session_key: sessionKeyOf(period, sessionNumber, s.row.year),
      updated_at: ctx.clock.now().toISOString(),
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.categoryCode !== undefined ? { category_code: body.categoryCode } : {}),
      ...(body.background !== undefined ? { background: body.background } : {}),
      ...(body.proposals !== undefined ? { proposals: body.proposals } : {}),
      ...(body.basis !== undefined ? { basis: body.basis } : {}),
    };
    if (kind !== 'motion') patch.basis = null;
    else if (patch.basis === undefined && s.row.basis === null) patch.basis = '';
    if (!(await repo.updateSuggestion(trx, id, s.row.version, patch))) throw new AppError('CONFLICT', STALE);
    // Autosave is frequent: the audit log keeps the fact, not every keystroke's text.
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.edit_draft',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
    });
  });
}

/** POST /suggestions/:id/cosigners: invite serving representatives of the same congress (附议). */
export async function inviteCosigners(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeIds: readonly number[],
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'invite');
    const present = new Set(s.signers.map((x) => x.representative_id));
    const serving = await repo.servingOn(trx, s.row.congress_id, representativeIds);
    const problems = representativeIds.flatMap((rid, i) => {
      if (present.has(rid))
        return [
          field(
            `/representativeIds/${i}`,
            'unique',
            '该代表已在联名名单中',
            'Already on the list of signers',
          ),
        ];
      if (!serving.has(rid))
        return [
          field(
            `/representativeIds/${i}`,
            'serving',
            '附议代表须为同一人大的在任代表',
            'A co-signer must be a serving representative of the same congress',
          ),
        ];
      return [];
    });
    if (problems.length > 0) throw invalid(problems);
    const at = ctx.clock.now().toISOString();
    await repo.insertSigners(
      trx,
      representativeIds.map((rid) => ({
        suggestion_id: id,
        representative_id: rid,
        role: 'cosigner',
        status: 'invited',
        origin_suggestion_id: null,
        invited_at: at,
        answered_at: null,
      })),
    );
    await recordEvent(trx, s, actor, 'invite', 'lead', `邀请 ${representativeIds.length} 名代表附议`, at);
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.invite',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
      detail: { representativeIds },
    });
    await notifyAll(ctx, trx, [invitationNotice(noticeCase(s), representativeIds, actor.displayName)]);
  });
}

/** DELETE /suggestions/:id/cosigners/:representativeId: the lead takes an invitation back (while a draft). */
export async function removeCosigner(ctx: AppContext, actor: Actor, id: number, representativeId: number) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'invite');
    if (!s.signers.some((x) => x.representative_id === representativeId && x.role === 'cosigner'))
      throw new AppError('NOT_FOUND');
    await repo.deleteSigner(trx, id, representativeId);
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.uninvite',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
      detail: { representativeId },
    });
  });
}

/** POST /suggestions/:id/invitation: the invited co-signer accepts or declines. */
export async function answerInvitation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  answer: 'accept' | 'decline',
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'answer_invitation');
    const me = s.signers.find((x) => x.representative_id === actor.representativeId && x.role === 'cosigner');
    if (!me) throw new AppError('FORBIDDEN');
    const status = answer === 'accept' ? 'accepted' : 'declined';
    if (me.status === status) return;
    const at = ctx.clock.now().toISOString();
    await repo.setSignerStatus(trx, id, me.representative_id, status, at);
    await recordEvent(trx, s, actor, `${answer}_invitation`, 'cosigner', null, at);
    await recordAudit(ctx, trx, actor, {
      action: `suggestion.${answer}_invitation`,
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
    });
    await notifyAll(ctx, trx, [
      {
        to: [{ representativeIds: [s.row.lead_representative_id] }],
        kind: answer === 'accept' ? 'suggestion.invitation_accepted' : 'suggestion.invitation_declined',
        title: `${actor.displayName}代表${answer === 'accept' ? '同意' : '谢绝'}附议`,
        body: s.row.title.slice(0, 60),
        link: { type: 'suggestion', id },
      },
    ]);
  });
}

/** An event that is a record, not a transition: the case stays in its state. */
export async function recordEvent(
  trx: Transaction<DB>,
  s: repo.LoadedSuggestion,
  actor: Actor,
  action: string,
  actorKind: string,
  note: string | null,
  at: string,
  unitId: number | null = null,
): Promise<void> {
  await repo.insertEvents(trx, [
    {
      suggestion_id: s.row.id,
      at,
      action,
      from_status: s.row.status,
      to_status: s.row.status,
      actor_kind: actorKind,
      actor_user_id: actor.userId,
      actor_name: actor.displayName,
      unit_id: unitId,
      note,
    },
  ]);
}

/**
 * POST /suggestions/from-opinion: a draft from a citizen's opinion (转为代表建议). The opinion's
 * text becomes the draft's reasons, its station and category carry over, the opinion is linked
 * and moves to CONVERTED pointing at the draft — all in one transaction.
 */
export async function draftFromOpinion(
  ctx: AppContext,
  actor: Actor,
  body: FromOpinionBody,
): Promise<number> {
  const { leadId, congress, byStaff } = await leadOf(ctx, actor, body.congressId, body.leadRepresentativeId);
  const prepared = await prepareConversion(ctx, actor);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const year = Number(beijingDateOf(now).slice(0, 4));
  return ctx.database.db.transaction().execute(async (trx) => {
    const id = await repo.insertSuggestion(trx, {
      kind: 'suggestion',
      status: 'DRAFT',
      congress_id: congress.id,
      jurisdiction_id: congress.jurisdictionId,
      period: 'recess',
      session_number: null,
      year,
      session_key: `R${year}`,
      title: '',
      category_code: null,
      background: '',
      proposals: '',
      basis: null,
      lead_representative_id: leadId,
      created_by_user_id: actor.userId,
      submitted_at: null,
      created_at: at,
      updated_at: at,
    });
    const opinion = await convertOpinionIn(ctx, trx, actor, body.opinionId, `suggestion:${id}`, prepared);
    const title = body.title ?? opinion.content.replace(/\s+/g, ' ').slice(0, 30);
    await repo.updateSuggestion(trx, id, 1, {
      title,
      category_code: opinion.categoryCode,
      background: `群众反映（${opinion.trackingCode}）：\n${opinion.content}`,
    });
    await repo.insertSigners(trx, [
      {
        suggestion_id: id,
        representative_id: leadId,
        role: 'lead',
        status: 'accepted',
        origin_suggestion_id: null,
        invited_at: at,
        answered_at: at,
      },
    ]);
    await repo.linkOpinions(trx, id, [opinion.id]);
    await repo.insertEvents(trx, [
      {
        suggestion_id: id,
        at,
        action: 'from_opinion',
        from_status: null,
        to_status: 'DRAFT',
        actor_kind: byStaff ? 'staff' : 'lead',
        actor_user_id: actor.userId,
        actor_name: actor.displayName,
        unit_id: null,
        note: `群众意见 ${opinion.trackingCode}`,
      },
    ]);
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.from_opinion',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: congress.jurisdictionId,
      detail: { opinionId: opinion.id, lead: leadId },
    });
    if (byStaff)
      await notifyAll(ctx, trx, [
        {
          to: [{ representativeIds: [leadId] }],
          kind: 'suggestion.drafted_for_you',
          title: '群众意见已转为您的建议草稿',
          body: title,
          link: { type: 'suggestion', id },
        },
      ]);
    return id;
  });
}
