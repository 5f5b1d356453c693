/**
 * What each step of the state machine writes besides the new state: the case's columns (its
 * deadlines, case number, evaluation …) and the rows beside it (units, replies, commitments,
 * extension requests, evaluations, the signers a merge brings). References in the request (a
 * unit, a leader, a refusal reason, a merge target, a date) are checked here, after the state
 * machine has said yes: "not now" and "not yours" come before "no such unit".
 */
import type { Transaction } from 'kysely';
import { beijingDateOf, type WorkCalendar } from '../../lib/working-days.ts';
import { checkUpload, isFieldError, type CheckedFile } from '../../lib/uploads.ts';
import type { AppContext } from '../../platform/context.ts';
import { accountHasRole, existsInScope } from '../../platform/db/lookup.ts';
import type { DB } from '../../platform/db/schema.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError, invalid, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { getUnit } from '../org/units.service.ts';
import {
  assignmentDeadlines,
  evaluationDeadline,
  extensionAllowed,
  rehandleDeadline,
  type SuggestionLimits,
} from './suggestions.deadlines.ts';
import type { SuggestionAction } from './suggestions.domain.ts';
import * as repo from './suggestions.repo.ts';
import type { ActionBody, UserAction } from './suggestions.schema.ts';
import { FINAL_STATES, type SuggestionState } from './suggestions.vocab.ts';

export type ActionRequest =
  | { [A in UserAction]: { action: A; body: ActionBody<A> } }[UserAction]
  | { action: Exclude<SuggestionAction, UserAction>; body: Record<string, never> };

export interface StepEnv {
  ctx: AppContext;
  trx: Transaction<DB>;
  now: Date;
  cal: WorkCalendar;
  limits: SuggestionLimits;
  actor: Actor;
}

export interface StepEffects {
  patch: repo.SuggestionPatch;
  note: string | null;
  eventUnitId: number | null;
  /** The case the notices speak of, when not the case before the step (an assignment names its new units). */
  noticeSubject?: repo.LoadedSuggestion;
  /** Signers or units as they are after the step, for the follow-ups. */
  reloaded?: Partial<Pick<repo.LoadedSuggestion, 'signers' | 'units'>>;
}

/** The file types a reply's attachment may be: PDF, Word, an image of the signed letter. */
const ATTACHMENT_MIMES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/jpeg',
  'image/png',
];
const ATTACHMENT_MAX_BYTES = 10 << 20;

const field = (path: string, rule: string, zh: string, en: string): FieldError => ({
  path,
  rule,
  message: { zh, en },
});

/** The context other modules' services read through: the transaction (SQLite has one connection). */
const inTrx = (env: StepEnv): AppContext => ({ ...env.ctx, database: { ...env.ctx.database, db: env.trx } });

const unitOfActor = (env: StepEnv, s: repo.LoadedSuggestion) =>
  s.units.find((u) => u.unit_id === env.actor.unitId)?.unit_id ?? null;

async function checkUnits(env: StepEnv, leadUnitId: number, coUnitIds: readonly number[]) {
  const problems: FieldError[] = [];
  if (coUnitIds.includes(leadUnitId))
    problems.push(
      field('/coUnitIds', 'distinct', '协办单位不能与主办单位相同', 'A co-unit cannot also be the lead unit'),
    );
  const check = async (id: number, path: string) => {
    const unit = await getUnit(inTrx(env), env.actor, id).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    if (!unit || unit.status !== 'active')
      problems.push(
        field(
          path,
          'scope',
          '承办单位不存在、已停用或不在您的管辖范围内',
          'The unit does not exist, is inactive, or is outside your jurisdiction',
        ),
      );
  };
  await check(leadUnitId, '/leadUnitId');
  for (const [i, id] of coUnitIds.entries()) await check(id, `/coUnitIds/${i}`);
  if (problems.length > 0) throw invalid(problems);
}

/** A supervising leader (重点督办): an account holding the leader role, in the staff's scope. */
export async function checkSupervisor(
  env: { trx: Transaction<DB>; actor: Actor },
  userId: number,
): Promise<void> {
  const ok =
    (await existsInScope(env.trx, scopeOf(env.actor), 'app_user', userId)) &&
    (await accountHasRole(env.trx, userId, 'leader'));
  if (!ok)
    throw invalid([
      field(
        '/supervisorUserId',
        'leader',
        '督办领导须为本辖区的领导账号',
        'The supervisor must be a leader account in your jurisdiction',
      ),
    ]);
}

async function mergeInto(
  env: StepEnv,
  s: repo.LoadedSuggestion,
  targetId: number,
): Promise<repo.LoadedSuggestion> {
  const target = targetId === s.row.id ? undefined : await repo.findSuggestion(env.trx, targetId, null);
  const ok =
    target &&
    target.row.congress_id === s.row.congress_id &&
    target.row.kind === s.row.kind &&
    (target.row.status === 'SUBMITTED' || target.row.status === 'REGISTERED') &&
    target.row.merged_into_id === null &&
    !FINAL_STATES.includes(target.row.status as SuggestionState);
  if (!target || !ok)
    throw invalid([
      field(
        '/targetId',
        'mergeTarget',
        '并入的须是同一人大、同一类型、尚未交办的另一件建议',
        'Merge into another case of the same congress and kind, not yet assigned',
      ),
    ]);
  // Every lead and co-signer of the merged case joins the target (并案 keeps them all).
  const present = new Set(target.signers.map((x) => x.representative_id));
  const now = env.now.toISOString();
  const joining = s.signers
    .filter((x) => !present.has(x.representative_id) && (x.role === 'lead' || x.status === 'accepted'))
    .map((x) => ({
      suggestion_id: target.row.id,
      representative_id: x.representative_id,
      role: x.role,
      status: 'accepted',
      origin_suggestion_id: s.row.id,
      invited_at: x.invited_at,
      answered_at: now,
    }));
  await repo.insertSigners(env.trx, joining);
  const opinions = await repo.opinionIdsOf(env.trx, s.row.id);
  await repo.linkOpinions(env.trx, target.row.id, opinions);
  await repo.insertEvents(env.trx, [
    {
      suggestion_id: target.row.id,
      at: now,
      action: 'absorb',
      from_status: target.row.status,
      to_status: target.row.status,
      actor_kind: 'staff',
      actor_user_id: env.actor.userId,
      actor_name: env.actor.displayName,
      unit_id: null,
      note: `并入：${s.row.title}（#${s.row.id}）`,
    },
  ]);
  return target;
}

async function checkAttachment(attachment: ActionBody<'reply'>['attachment']): Promise<CheckedFile | null> {
  if (!attachment) return null;
  const checked = await checkUpload(
    { name: attachment.fileName, dataBase64: attachment.dataBase64 },
    '/attachment/dataBase64',
    {
      maxBytes: ATTACHMENT_MAX_BYTES,
      mimes: ATTACHMENT_MIMES,
      what: { zh: '附件', en: 'The attachment' },
      formats: {
        zh: ' PDF、Word（DOCX）或 JPEG、PNG 图片',
        en: 'a PDF, a Word (DOCX) document or a JPEG or PNG image',
      },
    },
  );
  if (isFieldError(checked)) throw invalid([checked]);
  return checked;
}

function extensionProblem(reason: 'not_later' | 'too_late', path: string): AppError {
  return invalid([
    reason === 'not_later'
      ? field(
          path,
          'later',
          '延期后的期限须晚于当前答复期限',
          'The new deadline must be later than the current one',
        )
      : field(
          path,
          'max',
          '答复期限最长不超过交办之日起6个月',
          'The deadline may not pass six months from assignment',
        ),
  ]);
}

/** The effects of one step: `to` is the state the machine decided; `by` who took it. */
export async function effectsOf(
  env: StepEnv,
  s: repo.LoadedSuggestion,
  req: ActionRequest,
): Promise<StepEffects> {
  const r = s.row;
  const now = env.now.toISOString();
  const none = { patch: {}, note: null, eventUnitId: null };
  switch (req.action) {
    case 'submit': {
      await repo.lapseInvitations(env.trx, r.id, now);
      const year = Number(beijingDateOf(env.now).slice(0, 4));
      return {
        ...none,
        patch: {
          submitted_at: now,
          year,
          session_key: r.period === 'session' ? `S${r.session_number ?? 0}` : `R${year}`,
        },
      };
    }
    case 'withdraw':
      return { ...none, patch: { closed_at: now }, note: req.body.reason ?? null };
    case 'register': {
      const n = await repo.nextCaseNumber(env.trx, r.congress_id, r.session_key, r.kind);
      return { ...none, patch: { case_number: n, registered_at: now }, note: req.body.note ?? null };
    }
    case 'refuse': {
      const reasons = await repo.listRefusalReasons(env.trx, true);
      const reason = reasons.find((x) => x.code === req.body.reason);
      if (!reason)
        throw invalid([
          field(
            '/reason',
            'exists',
            `未知的不予立案理由“${req.body.reason}”`,
            `Unknown refusal reason "${req.body.reason}"`,
          ),
        ]);
      return {
        ...none,
        patch: { refusal_reason: reason.code, refusal_note: req.body.note, closed_at: now },
        note: `${reason.label_zh}：${req.body.note}`,
      };
    }
    case 'merge': {
      const target = await mergeInto(env, s, req.body.targetId);
      return {
        ...none,
        patch: { merged_into_id: target.row.id, closed_at: now },
        note: req.body.note ?? `并入 #${target.row.id}`,
      };
    }
    case 'assign': {
      const coUnitIds = req.body.coUnitIds ?? [];
      await checkUnits(env, req.body.leadUnitId, coUnitIds);
      if (req.body.supervisorUserId != null) await checkSupervisor(env, req.body.supervisorUserId);
      const d = assignmentDeadlines(env.cal, env.now, env.limits);
      const units = [
        { unitId: req.body.leadUnitId, role: 'lead' as const },
        ...coUnitIds.map((unitId) => ({ unitId, role: 'co' as const })),
      ];
      await repo.replaceUnits(env.trx, r.id, units, now);
      // A reassignment starts afresh: the deadlines' alerts and the previous unit's round are gone.
      await repo.clearAlerts(env.trx, r.id);
      const unitRows = await repo.unitsOf(env.trx, r.id);
      const keySupervision = req.body.keySupervision ?? r.key_supervision === 1;
      const patch: repo.SuggestionPatch = {
        assigned_at: now,
        return_due: d.returnDue.due.toISOString(),
        co_opinion_due: coUnitIds.length > 0 ? d.coOpinionDue.due.toISOString() : null,
        reply_due: d.replyDue.due.toISOString(),
        reply_due_provisional: d.replyDue.provisional || d.maxReplyDue.provisional ? 1 : 0,
        max_reply_due: d.maxReplyDue.due.toISOString(),
        extended: 0,
        paused_from: null,
        last_contact_round: null,
        key_supervision: keySupervision ? 1 : 0,
        supervisor_user_id: keySupervision ? (req.body.supervisorUserId ?? r.supervisor_user_id) : null,
      };
      return {
        patch,
        note: req.body.note ?? null,
        eventUnitId: req.body.leadUnitId,
        noticeSubject: { ...s, row: { ...r, ...patch }, units: unitRows },
        reloaded: { units: unitRows },
      };
    }
    case 'sign':
      return { ...none, note: req.body.note ?? null, eventUnitId: unitOfActor(env, s) };
    case 'request_return':
      return {
        ...none,
        patch: { paused_from: r.status },
        note: req.body.reason,
        eventUnitId: unitOfActor(env, s),
      };
    case 'approve_return': {
      const leadUnit = s.units.find((u) => u.role === 'lead')?.unit_id ?? null;
      await repo.replaceUnits(env.trx, r.id, [], now);
      return {
        ...none,
        patch: {
          paused_from: null,
          assigned_at: null,
          return_due: null,
          co_opinion_due: null,
          reply_due: null,
          reply_due_provisional: 0,
          max_reply_due: null,
          last_contact_round: null,
        },
        note: req.body.note ?? null,
        eventUnitId: leadUnit,
        reloaded: { units: [] },
      };
    }
    case 'refuse_return':
      return { ...none, patch: { paused_from: null }, note: req.body.note };
    case 'request_extension': {
      const ok = extensionAllowed(req.body.until, new Date(r.reply_due!), new Date(r.max_reply_due!));
      if (!ok.ok) throw extensionProblem(ok.reason, '/until');
      await repo.insertExtension(env.trx, {
        suggestion_id: r.id,
        requested_at: now,
        requested_due: ok.due.toISOString(),
        reason: req.body.reason,
        requested_by_user_id: env.actor.userId,
        decision: null,
        decided_at: null,
        decided_by_user_id: null,
        new_due: null,
        decision_note: null,
      });
      return {
        ...none,
        patch: { paused_from: r.status },
        note: `申请延期至 ${req.body.until}：${req.body.reason}`,
        eventUnitId: unitOfActor(env, s),
      };
    }
    case 'approve_extension':
    case 'refuse_extension': {
      const pending = await repo.pendingExtension(env.trx, r.id);
      if (!pending)
        throw new AppError('INVALID_TRANSITION', {
          zh: '没有待审批的延期申请',
          en: 'No extension request is pending',
        });
      const approve = req.action === 'approve_extension';
      let newDue: string | null = null;
      if (approve) {
        const until = req.body.until;
        if (until !== undefined) {
          const ok = extensionAllowed(until, new Date(r.reply_due!), new Date(r.max_reply_due!));
          if (!ok.ok) throw extensionProblem(ok.reason, '/until');
          newDue = ok.due.toISOString();
        } else newDue = pending.requested_due;
      }
      await repo.decideExtension(env.trx, pending.id, {
        decision: approve ? 'approved' : 'refused',
        at: now,
        by: env.actor.userId,
        newDue,
        note: req.body.note ?? null,
      });
      if (approve) await repo.clearAlerts(env.trx, r.id, ['reply_due_soon', 'reply_overdue']);
      return {
        ...none,
        patch: { paused_from: null, ...(approve ? { reply_due: newDue, extended: 1 } : {}) },
        note: req.body.note ?? (approve ? `延期至 ${beijingDateOf(new Date(newDue!))}` : null),
      };
    }
    case 'reply': {
      const commitments = req.body.commitments ?? [];
      if (req.body.replyClass === 'B' && commitments.length === 0)
        throw invalid([
          field(
            '/commitments',
            'minItems',
            'B类答复须列明承诺解决的事项和计划时间',
            'A class-B reply must list what the unit commits to do',
          ),
        ]);
      const attachment = await checkAttachment(req.body.attachment);
      const unitId = unitOfActor(env, s)!;
      const onTime = r.reply_due === null || env.now.getTime() <= Date.parse(r.reply_due);
      const replyId = await repo.insertReply(env.trx, {
        suggestion_id: r.id,
        round: r.rehandle_rounds,
        unit_id: unitId,
        reply_class: req.body.replyClass,
        document_number: req.body.documentNumber,
        signer: req.body.signer,
        body: req.body.body,
        replied_at: now,
        on_time: onTime ? 1 : 0,
        corrects_reply_id: null,
        created_by_user_id: env.actor.userId,
      });
      if (attachment)
        await repo.insertAttachment(env.trx, {
          owner_type: 'suggestion_reply',
          owner_id: replyId,
          file_name: attachment.fileName,
          mime: attachment.mime,
          size: attachment.size,
          sha256: attachment.sha256,
          data: attachment.data,
          created_at: now,
        });
      await repo.insertCommitments(
        env.trx,
        commitments.map((c) => ({
          suggestion_id: r.id,
          reply_id: replyId,
          unit_id: unitId,
          jurisdiction_id: r.jurisdiction_id,
          content: c.content,
          due_date: c.dueDate ?? null,
          status: 'open',
          done_at: null,
          done_note: null,
          created_at: now,
          updated_at: now,
        })),
      );
      const first = r.first_replied_at === null;
      return {
        patch: {
          ...(first ? { first_replied_at: now, reply_on_time: onTime ? 1 : 0 } : {}),
          last_replied_at: now,
          reply_class: req.body.replyClass,
          evaluation_due: evaluationDeadline(env.cal, env.now, env.limits).due.toISOString(),
          evaluated_at: null,
          attitude_rating: null,
          result_rating: null,
        },
        note: `${req.body.replyClass}类答复，${req.body.documentNumber}`,
        eventUnitId: unitId,
      };
    }
    case 'evaluate': {
      const reply = await repo.currentReply(env.trx, r.id);
      await repo.insertEvaluation(env.trx, {
        suggestion_id: r.id,
        reply_id: reply!.id,
        round: r.rehandle_rounds,
        representative_id: env.actor.representativeId!,
        attitude: req.body.attitude,
        result: req.body.result,
        comment: req.body.comment ?? null,
        at: now,
      });
      return {
        ...none,
        patch: { evaluated_at: now, attitude_rating: req.body.attitude, result_rating: req.body.result },
        note: req.body.comment ?? null,
      };
    }
    case 'rehandle':
      return {
        ...none,
        patch: {
          rehandle_rounds: r.rehandle_rounds + 1,
          reply_due: rehandleDeadline(env.cal, env.now, env.limits).due.toISOString(),
          evaluation_due: null,
        },
        eventUnitId: s.units.find((u) => u.role === 'lead')?.unit_id ?? null,
      };
    case 'escalate':
      return { ...none, patch: { escalated_at: now, evaluation_due: null } };
    case 'close':
      return { ...none, patch: { closed_at: now, close_reason: 'evaluated', evaluation_due: null } };
    case 'expire_evaluation':
      return { ...none, patch: { closed_at: now, close_reason: 'unevaluated', evaluation_due: null } };
    case 'resolve_escalation':
      return { ...none, patch: { closed_at: now, close_reason: 'escalation_resolved' }, note: req.body.note };
    case 'publish':
      return {
        ...none,
        patch: {
          published_at: now,
          published_title: req.body.title,
          published_body: req.body.body,
          published_reply: req.body.reply,
        },
      };
  }
}
