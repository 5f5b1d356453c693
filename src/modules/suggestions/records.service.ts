/**
 * Records beside the state machine, each allowed in some states to some people
 * (suggestions.domain.ts `recordAllowed`): the unit's contacts with the representative
 * (沟通联系, which a reply needs), a co-unit's opinion to the lead unit, corrections of a reply
 * (new records: a reply is never edited once evaluated), 重点督办, and the progress of class-B
 * commitments across the years until they are done.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyAll } from '../notifications/notifications.service.ts';
import { beijingDateOf } from '../../lib/working-days.ts';
import { loadVisible, recordEvent, requireRecord } from './drafting.service.ts';
import { checkSupervisor } from './steps.effects.ts';
import { STALE, staffPerformer } from './steps.service.ts';
import * as repo from './suggestions.repo.ts';
import type { ContactBody, CorrectionBody, ProgressBody } from './suggestions.schema.ts';
import { CONTACT_MEANS_LABELS, type ContactMeans } from './suggestions.vocab.ts';

const actorUnit = (s: repo.LoadedSuggestion, actor: Actor) =>
  s.units.find((u) => u.unit_id === actor.unitId)?.unit_id ?? null;

/** POST /suggestions/:id/contacts: the lead unit (or a co-unit) logs its contact with the representative. */
export async function logContact(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: ContactBody,
): Promise<void> {
  const today = beijingDateOf(ctx.clock.now());
  if (body.contactedOn > today)
    throw invalid([
      {
        path: '/contactedOn',
        rule: 'past',
        message: { zh: '沟通日期不能晚于今天', en: 'The date cannot be in the future' },
      },
    ]);
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'contact');
    const unitId = actorUnit(s, actor)!;
    if (s.row.assigned_at && body.contactedOn < beijingDateOf(new Date(s.row.assigned_at)))
      throw invalid([
        {
          path: '/contactedOn',
          rule: 'afterAssignment',
          message: { zh: '沟通日期不能早于交办日期', en: 'The date cannot be before the assignment' },
        },
      ]);
    const at = ctx.clock.now().toISOString();
    await repo.insertContact(trx, {
      suggestion_id: id,
      unit_id: unitId,
      round: s.row.rehandle_rounds,
      contacted_on: body.contactedOn,
      means: body.means,
      summary: body.summary,
      created_by_user_id: actor.userId,
      created_at: at,
    });
    const lead = s.units.find((u) => u.role === 'lead')?.unit_id === unitId;
    // Only the lead unit's contact opens the way to its reply; the version moves so pages refresh.
    const patch: repo.SuggestionPatch = {
      updated_at: at,
      ...(lead ? { last_contact_round: s.row.rehandle_rounds } : {}),
    };
    if (!(await repo.updateSuggestion(trx, id, s.row.version, patch))) throw new AppError('CONFLICT', STALE);
    await recordEvent(
      trx,
      s,
      actor,
      'contact',
      lead ? 'lead_unit' : 'co_unit',
      `${body.contactedOn} ${CONTACT_MEANS_LABELS[body.means as ContactMeans].zh}：${body.summary.slice(0, 200)}`,
      at,
      unitId,
    );
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.contact',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
    });
  });
}

/** POST /suggestions/:id/co-opinion: a co-unit's opinion to the lead unit (within a month of T0). */
export async function sendCoOpinion(
  ctx: AppContext,
  actor: Actor,
  id: number,
  opinion: string,
): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'co_opinion');
    const unitId = actorUnit(s, actor)!;
    const at = ctx.clock.now().toISOString();
    await repo.setCoOpinion(trx, id, unitId, opinion, at, actor.userId);
    if (!(await repo.updateSuggestion(trx, id, s.row.version, { updated_at: at })))
      throw new AppError('CONFLICT', STALE);
    await recordEvent(trx, s, actor, 'co_opinion', 'co_unit', opinion.slice(0, 200), at, unitId);
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.co_opinion',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
    });
    const leadUnit = s.units.find((u) => u.role === 'lead')?.unit_id;
    if (leadUnit !== undefined)
      await notifyAll(ctx, trx, [
        {
          to: [{ unitId: leadUnit }],
          kind: 'suggestion.co_opinion',
          title: `协办单位已提交协办意见：${s.row.title.slice(0, 30)}`,
          body: opinion.slice(0, 100),
          link: { type: 'suggestion', id },
        },
      ]);
  });
}

/**
 * PATCH /suggestions/:id/replies/:replyId: the lead unit amends its reply before the
 * representative evaluates it. Once evaluated, a reply is never edited (corrections instead).
 */
export async function amendReply(
  ctx: AppContext,
  actor: Actor,
  id: number,
  replyId: number,
  body: { body: string; documentNumber?: string | undefined; signer?: string | undefined },
): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'amend_reply');
    const reply = await repo.findReply(trx, id, replyId);
    if (!reply) throw new AppError('NOT_FOUND');
    const current = await repo.currentReply(trx, id);
    const evaluated = await repo.isReplyEvaluated(trx, replyId);
    if (evaluated || s.row.status !== 'REPLIED' || current?.id !== replyId)
      throw new AppError('INVALID_TRANSITION', {
        zh: '答复已评价或已有新的答复，不能修改；如需更正，请提交更正',
        en: 'The reply has been evaluated or superseded and cannot be edited; send a correction instead',
      });
    if (
      actorUnit(s, actor) !== reply.unit_id ||
      s.units.find((u) => u.unit_id === reply.unit_id)?.role !== 'lead'
    )
      throw new AppError('FORBIDDEN');
    await repo.amendReplyRow(trx, replyId, {
      body: body.body,
      ...(body.documentNumber ? { document_number: body.documentNumber } : {}),
      ...(body.signer ? { signer: body.signer } : {}),
    });
    const at = ctx.clock.now().toISOString();
    if (!(await repo.updateSuggestion(trx, id, s.row.version, { updated_at: at })))
      throw new AppError('CONFLICT', STALE);
    await recordEvent(trx, s, actor, 'amend_reply', 'lead_unit', '评价前修改答复', at, reply.unit_id);
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.amend_reply',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
      detail: { replyId },
    });
  });
}

/** POST /suggestions/:id/corrections: a correction of a reply, as a new reply record pointing at it. */
export async function correctReply(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: CorrectionBody,
): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'correct_reply');
    const original = await repo.findReply(trx, id, body.replyId);
    if (!original || original.corrects_reply_id !== null)
      throw invalid([
        {
          path: '/replyId',
          rule: 'exists',
          message: { zh: '请选择要更正的答复', en: 'Choose the reply to correct' },
        },
      ]);
    const at = ctx.clock.now().toISOString();
    await repo.insertReply(trx, {
      suggestion_id: id,
      round: original.round,
      unit_id: original.unit_id,
      reply_class: body.replyClass ?? original.reply_class,
      document_number: body.documentNumber,
      signer: body.signer,
      body: body.body,
      replied_at: at,
      on_time: original.on_time,
      corrects_reply_id: original.id,
      created_by_user_id: actor.userId,
    });
    if (!(await repo.updateSuggestion(trx, id, s.row.version, { updated_at: at })))
      throw new AppError('CONFLICT', STALE);
    await recordEvent(
      trx,
      s,
      actor,
      'correct_reply',
      staffPerformer(actor).kindsOf(s).includes('staff') ? 'staff' : 'lead_unit',
      `更正 ${original.document_number}`,
      at,
      original.unit_id,
    );
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.correct_reply',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
      detail: { replyId: original.id },
    });
  });
}

/** PUT /suggestions/:id/key: 重点督办 on or off, with the leader who supervises. */
export async function flagKey(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { keySupervision: boolean; supervisorUserId?: number | null | undefined },
): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const s = await loadVisible(trx, actor, id);
    requireRecord(s, actor, 'flag_key');
    if (body.keySupervision && body.supervisorUserId != null)
      await checkSupervisor({ trx, actor }, body.supervisorUserId);
    const at = ctx.clock.now().toISOString();
    const patch: repo.SuggestionPatch = {
      key_supervision: body.keySupervision ? 1 : 0,
      supervisor_user_id: body.keySupervision ? (body.supervisorUserId ?? s.row.supervisor_user_id) : null,
      updated_at: at,
    };
    if (!(await repo.updateSuggestion(trx, id, s.row.version, patch))) throw new AppError('CONFLICT', STALE);
    await recordEvent(
      trx,
      s,
      actor,
      'flag_key',
      'staff',
      body.keySupervision ? '列为重点督办' : '取消重点督办',
      at,
    );
    await recordAudit(ctx, trx, actor, {
      action: 'suggestion.flag_key',
      entityType: 'suggestion',
      entityId: id,
      jurisdictionId: s.row.jurisdiction_id,
      detail: { keySupervision: body.keySupervision, supervisor: patch.supervisor_user_id },
    });
    if (body.keySupervision && patch.supervisor_user_id != null)
      await notifyAll(ctx, trx, [
        {
          to: [{ userIds: [patch.supervisor_user_id] }],
          kind: 'suggestion.key',
          title: `重点督办：${s.row.title.slice(0, 40)}`,
          body: '您被确定为该建议的督办领导',
          link: { type: 'suggestion', id },
        },
      ]);
  });
}

/**
 * POST /suggestions/commitments/:id/progress: the year's progress on a class-B commitment
 * (承诺事项), by the unit that made it or the staff; `done` marks it kept.
 */
export async function reportProgress(
  ctx: AppContext,
  actor: Actor,
  commitmentId: number,
  body: ProgressBody,
) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const c = await repo.findCommitment(trx, commitmentId);
    if (!c) throw new AppError('NOT_FOUND');
    const s = await loadVisible(trx, actor, c.suggestion_id);
    requireRecord(s, actor, 'commitment_progress');
    if (
      actor.roles.includes('unit_staff') &&
      !actor.roles.includes('congress_staff') &&
      actor.unitId !== c.unit_id
    )
      throw new AppError('FORBIDDEN');
    if (c.status !== 'open')
      throw new AppError('INVALID_TRANSITION', {
        zh: '该承诺事项已办结',
        en: 'The commitment is no longer open',
      });
    const now = ctx.clock.now();
    const at = now.toISOString();
    const year = body.year ?? Number(beijingDateOf(now).slice(0, 4));
    await repo.insertProgress(trx, {
      commitment_id: c.id,
      year,
      note: body.note,
      at,
      by_user_id: actor.userId,
    });
    if (body.done)
      await repo.updateCommitment(trx, c.id, {
        status: 'done',
        done_at: at,
        done_note: body.note,
        updated_at: at,
      });
    else await repo.updateCommitment(trx, c.id, { updated_at: at });
    await recordEvent(
      trx,
      s,
      actor,
      body.done ? 'commitment_done' : 'commitment_progress',
      actor.roles.includes('congress_staff') ? 'staff' : 'lead_unit',
      `${c.content.slice(0, 60)}：${body.note.slice(0, 140)}`,
      at,
      c.unit_id,
    );
    await recordAudit(ctx, trx, actor, {
      action: body.done ? 'suggestion.commitment_done' : 'suggestion.commitment_progress',
      entityType: 'suggestion_commitment',
      entityId: c.id,
      jurisdictionId: s.row.jurisdiction_id,
    });
  });
}
