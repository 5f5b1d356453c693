/**
 * Drives one demo opinion through the loop the way the engine would (deadlines by working-days.ts):
 * every move goes through
 * `transition()` (opinions.domain.ts) and is refused here exactly when the engine would refuse it;
 * the system's follow-up steps (`followUp`: a reply opens the feedback window, a rating closes or
 * re-opens) run at once; and each move writes the fact columns the engine writes (ack, deadlines,
 * reply, rating, re-handling rounds …), one event per transition, and the reply, rating and
 * extension rows.
 *
 * A story is told forwards from the submission; a step dated after `now` does not happen, and
 * neither does anything after it: the item rests in the state it had reached, which is how the
 * recent items end up submitted, assigned or in progress, and the slow ones overdue.
 */
import { addCalendarDays, type WorkCalendar } from '../../lib/working-days.ts';
import {
  followUp,
  transition,
  type ActorKind,
  type OpinionAction,
  type TransitionContext,
} from '../opinions/opinions.domain.ts';
import type { OpinionState, Rating, RejectionReason, ReplyResult } from '../opinions/opinions.vocab.ts';
import type {
  DemoOpinionEvent,
  DemoOpinionExtension,
  DemoOpinionFacts,
  DemoOpinionRating,
  DemoOpinionReply,
} from './demo.types.ts';
import { zhDay, type OpinionPolicy, type WorkingDays } from './opinions.time.ts';

export interface SimActor {
  kind: ActorKind;
  /** The demo account, when the actor has one. */
  username: string | null;
  name: string | null;
}

export const SYSTEM: SimActor = { kind: 'system', username: null, name: '系统' };

export interface SimEnv {
  cal: WorkCalendar;
  /** The same calendar as a table, with the library's deadlines remembered. */
  days: WorkingDays;
  policy: OpinionPolicy;
  now: Date;
}

interface Notes {
  publicNote?: string | null;
  internalNote?: string | null;
  detail?: DemoOpinionEvent['detail'];
  unitCode?: string | null;
}

/** States the engine counts as open (opinions.kpi.ts): their deadlines can still pass. */
const OPEN: ReadonlySet<OpinionState> = new Set([
  'SUBMITTED',
  'ACCEPTED',
  'ASSIGNED',
  'SIGNED',
  'RETURN_REQUESTED',
  'EXTENSION_REQUESTED',
  'REHANDLING',
]);

const iso = (d: Date) => d.toISOString();

export class OpinionSimulation {
  readonly facts: DemoOpinionFacts;
  readonly events: DemoOpinionEvent[] = [];
  readonly replies: DemoOpinionReply[] = [];
  readonly ratings: DemoOpinionRating[] = [];
  readonly extensions: DemoOpinionExtension[] = [];
  unitCode: string | null = null;
  mergedInto: string | null = null;
  /** True once a step fell after `now`: the story has caught up with the present. */
  stopped = false;
  private lastAt: Date;

  constructor(
    private readonly env: SimEnv,
    readonly submittedAt: Date,
    readonly consentPublish: boolean,
    category: string | null,
    by: SimActor,
  ) {
    const ack = env.days.deadline(submittedAt, env.policy.ackWorkingDays);
    this.facts = {
      status: 'SUBMITTED',
      category_code: category,
      ack_due: iso(ack.due),
      ack_at: null,
      ack_on_time: null,
      ack_overdue: 0,
      assigned_at: null,
      sign_due: null,
      signed_at: null,
      sign_overdue: 0,
      reply_due: null,
      reply_due_provisional: 0,
      reply_overdue: 0,
      paused_from: null,
      first_reply_at: null,
      reply_on_time: null,
      last_result: null,
      last_reply_at: null,
      feedback_due: null,
      last_rating: null,
      rated_at: null,
      rehandle_rounds: 0,
      rejection_reason: null,
      rejection_note: null,
      converted_ref: null,
      closed_at: null,
      published_at: null,
      published_content: null,
      published_reply: null,
    };
    this.lastAt = submittedAt;
    this.events.push({
      at: iso(submittedAt),
      action: 'submit',
      from: null,
      to: 'SUBMITTED',
      actorKind: by.kind,
      actorUsername: by.username,
      actorName: by.name,
      unitCode: null,
      publicNote: `已收到您的意见建议，将于${zhDay(ack.due)}前受理。`,
      internalNote: null,
      detail: {},
    });
  }

  get state(): OpinionState {
    return this.facts.status;
  }

  /** When the last thing happened. */
  get last(): Date {
    return this.lastAt;
  }

  context(): TransitionContext {
    return {
      pausedFrom: this.facts.paused_from,
      rating: this.facts.last_rating,
      rehandleRounds: this.facts.rehandle_rounds,
      maxRehandleRounds: this.env.policy.maxRehandleRounds,
      hasUnit: this.unitCode !== null,
      consentPublish: this.consentPublish,
    };
  }

  /**
   * One move. Returns false (changing nothing, and stopping the story) when `at` is after now;
   * throws when the loop would refuse the move — the generator asked for an illegal history.
   */
  private step(action: OpinionAction, at: Date, by: SimActor, notes: Notes, apply: () => void): boolean {
    if (this.stopped) return false;
    if (at.getTime() > this.env.now.getTime()) {
      this.stopped = true;
      return false;
    }
    if (at.getTime() < this.lastAt.getTime())
      throw new Error(`${action} at ${iso(at)} goes back before ${iso(this.lastAt)}`);
    const from = this.state;
    const result = transition(from, action, by.kind, this.context());
    if (!result.ok)
      throw new Error(`illegal ${action} by ${by.kind} in ${from}: ${JSON.stringify(result.error)}`);
    apply();
    this.facts.status = result.to;
    this.lastAt = at;
    this.events.push({
      at: iso(at),
      action,
      from,
      to: result.to,
      actorKind: by.kind,
      actorUsername: by.username,
      actorName: by.name,
      unitCode: notes.unitCode ?? null,
      publicNote: notes.publicNote ?? null,
      internalNote: notes.internalNote ?? null,
      detail: notes.detail ?? {},
    });
    this.runFollowUps(at);
    return true;
  }

  private runFollowUps(at: Date): void {
    for (
      let next = followUp(this.state, this.context());
      next !== null;
      next = followUp(this.state, this.context())
    ) {
      const action = next;
      if (action === 'open_feedback') {
        const due = addCalendarDays(at, this.env.policy.feedbackDays);
        this.step(
          action,
          at,
          SYSTEM,
          { publicNote: `请于${zhDay(due)}前对办理结果作出评价。` },
          () => (this.facts.feedback_due = iso(due)),
        );
      } else if (action === 'close') {
        this.step(
          action,
          at,
          SYSTEM,
          { publicNote: '本事项已办结。' },
          () => (this.facts.closed_at = iso(at)),
        );
      } else if (action === 'reopen') {
        this.step(
          action,
          at,
          SYSTEM,
          this.unitCode
            ? {
                publicNote: '您对办理结果不满意，已交原承办单位二次办理。',
                unitCode: this.unitCode,
                detail: { round: this.facts.rehandle_rounds + 1 },
              }
            : { publicNote: '您对当场答复不满意，事项已转回受理，将交有关单位办理。' },
          () => {
            this.facts.feedback_due = null;
            if (!this.unitCode) return;
            const due = this.env.days.deadline(at, this.env.policy.rehandleWorkingDays);
            this.facts.rehandle_rounds += 1;
            this.facts.reply_due = iso(due.due);
            this.facts.reply_due_provisional = due.provisional ? 1 : 0;
            this.facts.reply_overdue = 0;
          },
        );
      } else {
        throw new Error(`no follow-up ${action}`);
      }
    }
  }

  /** The first move out of SUBMITTED is the response (响应) the ack deadline is about. */
  private acknowledge(at: Date): void {
    if (this.facts.ack_at !== null) return;
    this.facts.ack_at = iso(at);
    const onTime = at.toISOString() <= this.facts.ack_due;
    this.facts.ack_on_time = onTime ? 1 : 0;
    if (!onTime) this.facts.ack_overdue = 1;
  }

  /** Accepted (受理), and categorised when the category is known (null: as submitted). */
  accept(
    at: Date,
    by: SimActor,
    publicNote: string,
    internalNote: string | null,
    category: string | null,
  ): boolean {
    return this.step(
      'accept',
      at,
      by,
      { publicNote, internalNote, detail: { categoryCode: category } },
      () => {
        this.acknowledge(at);
        if (category !== null) this.facts.category_code = category;
      },
    );
  }

  reject(at: Date, by: SimActor, reason: RejectionReason, note: string, guidance: string): boolean {
    return this.step('reject', at, by, { publicNote: `${guidance}${note}`, detail: { reason } }, () => {
      this.acknowledge(at);
      this.facts.rejection_reason = reason;
      this.facts.rejection_note = note;
      this.facts.closed_at = iso(at);
    });
  }

  merge(at: Date, by: SimActor, target: string, publicNote: string): boolean {
    return this.step('merge', at, by, { publicNote, detail: { into: target } }, () => {
      this.acknowledge(at);
      this.mergedInto = target;
      this.facts.closed_at = iso(at);
    });
  }

  convert(at: Date, by: SimActor, ref: string, publicNote: string, internalNote: string): boolean {
    return this.step('convert', at, by, { publicNote, internalNote, detail: { ref } }, () => {
      this.facts.converted_ref = ref;
      this.facts.closed_at = iso(at);
    });
  }

  answerOnSpot(at: Date, by: SimActor, result: ReplyResult, content: string): boolean {
    return this.step('answer_on_spot', at, by, { publicNote: content, detail: { result } }, () => {
      this.acknowledge(at);
      this.recordReply(at, 'on_spot', result, content, null, by, null, true);
    });
  }

  assign(
    at: Date,
    by: SimActor,
    unitCode: string,
    unitName: string,
    internalNote: string,
  ): { signDue: Date; replyDue: Date } | null {
    const sign = this.env.days.deadline(at, this.env.policy.signWorkingDays);
    const reply = this.env.days.deadline(at, this.env.policy.replyWorkingDays);
    const done = this.step(
      'assign',
      at,
      by,
      {
        publicNote: `已交${unitName}办理，办理期限至${zhDay(reply.due)}。`,
        internalNote,
        unitCode,
        detail: { replyDueDate: reply.dueDate },
      },
      () => {
        this.unitCode = unitCode;
        this.facts.assigned_at = iso(at);
        this.facts.sign_due = iso(sign.due);
        this.facts.signed_at = null;
        this.facts.sign_overdue = 0;
        this.facts.reply_due = iso(reply.due);
        this.facts.reply_due_provisional = reply.provisional ? 1 : 0;
        this.facts.reply_overdue = 0;
      },
    );
    return done ? { signDue: sign.due, replyDue: reply.due } : null;
  }

  sign(at: Date, by: SimActor, unitShort: string): boolean {
    return this.step(
      'sign',
      at,
      by,
      { publicNote: `${unitShort}已签收，正在办理。`, unitCode: this.unitCode },
      () => {
        this.facts.signed_at = iso(at);
        if (this.facts.sign_due !== null && iso(at) > this.facts.sign_due) this.facts.sign_overdue = 1;
      },
    );
  }

  requestReturn(at: Date, by: SimActor, reason: string): boolean {
    const from = this.state;
    return this.step(
      'request_return',
      at,
      by,
      { internalNote: reason, unitCode: this.unitCode, detail: { reason } },
      () => {
        this.facts.paused_from = from;
      },
    );
  }

  /** Approved: back to triage, the unit and its deadlines let go. */
  approveReturn(at: Date, by: SimActor, note: string): boolean {
    const unit = this.unitCode;
    return this.step('approve_return', at, by, { internalNote: note, unitCode: unit }, () => {
      this.facts.paused_from = null;
      this.unitCode = null;
      this.facts.assigned_at = null;
      this.facts.sign_due = null;
      this.facts.signed_at = null;
      this.facts.sign_overdue = 0;
      this.facts.reply_due = null;
      this.facts.reply_due_provisional = 0;
      this.facts.reply_overdue = 0;
    });
  }

  refuseReturn(at: Date, by: SimActor, note: string): boolean {
    return this.step('refuse_return', at, by, { internalNote: note, unitCode: this.unitCode }, () => {
      this.facts.paused_from = null;
    });
  }

  requestExtension(at: Date, by: SimActor, workingDays: number, reason: string): boolean {
    const from = this.state;
    const previous = this.facts.reply_due;
    if (previous === null) throw new Error('an extension needs a reply deadline');
    return this.step(
      'request_extension',
      at,
      by,
      { internalNote: reason, unitCode: this.unitCode, detail: { workingDays } },
      () => {
        this.facts.paused_from = from;
        this.extensions.push({
          requestedAt: iso(at),
          requestedByUsername: by.username,
          workingDays,
          reason,
          previousDue: previous,
          decidedAt: null,
          decidedByUsername: null,
          approved: null,
          newDue: null,
          decisionNote: null,
        });
      },
    );
  }

  /** The new deadline counts from the old one (the working days asked for, or fewer). */
  approveExtension(at: Date, by: SimActor, workingDays: number, note: string): boolean {
    const ext = this.extensions.at(-1);
    if (!ext) throw new Error('no extension to decide');
    const due = this.env.days.deadline(new Date(ext.previousDue), workingDays);
    return this.step(
      'approve_extension',
      at,
      by,
      {
        publicNote: `办理期限延长至${zhDay(due.due)}。`,
        internalNote: note,
        unitCode: this.unitCode,
        detail: { workingDays },
      },
      () => {
        this.facts.paused_from = null;
        this.facts.reply_due = iso(due.due);
        this.facts.reply_due_provisional = due.provisional ? 1 : 0;
        if (iso(at) <= iso(due.due)) this.facts.reply_overdue = 0;
        Object.assign(ext, {
          decidedAt: iso(at),
          decidedByUsername: by.username,
          approved: true,
          newDue: iso(due.due),
          decisionNote: note,
        });
      },
    );
  }

  refuseExtension(at: Date, by: SimActor, note: string): boolean {
    const ext = this.extensions.at(-1);
    if (!ext) throw new Error('no extension to decide');
    return this.step('refuse_extension', at, by, { internalNote: note, unitCode: this.unitCode }, () => {
      this.facts.paused_from = null;
      Object.assign(ext, {
        decidedAt: iso(at),
        decidedByUsername: by.username,
        approved: false,
        decisionNote: note,
      });
    });
  }

  reply(
    at: Date,
    by: SimActor,
    result: ReplyResult,
    content: string,
    contactNote: string,
    summary: string,
  ): boolean {
    const onTime = this.facts.reply_due === null || iso(at) <= this.facts.reply_due;
    return this.step(
      'reply',
      at,
      by,
      { publicNote: summary, unitCode: this.unitCode, detail: { result, round: this.replies.length + 1 } },
      () => {
        if (!onTime) this.facts.reply_overdue = 1;
        this.recordReply(at, 'unit', result, content, this.unitCode, by, contactNote, onTime);
      },
    );
  }

  private recordReply(
    at: Date,
    kind: 'unit' | 'on_spot',
    result: ReplyResult,
    content: string,
    unitCode: string | null,
    by: SimActor,
    contactNote: string | null,
    onTime: boolean,
  ): void {
    if (this.facts.first_reply_at === null) {
      this.facts.first_reply_at = iso(at);
      this.facts.reply_on_time = onTime ? 1 : 0;
    }
    this.facts.last_result = result;
    this.facts.last_reply_at = iso(at);
    this.replies.push({
      round: this.replies.length + 1,
      kind,
      result,
      content,
      unitCode,
      repliedByUsername: by.username,
      replierName: by.name,
      contactNote,
      at: iso(at),
      onTime,
    });
  }

  /** The latest reply's round: what a rating answers. */
  get round(): number {
    return this.replies.length;
  }

  rate(at: Date, by: SimActor, rating: Rating, comment: string | null): boolean {
    if (this.facts.feedback_due !== null && iso(at) > this.facts.feedback_due)
      throw new Error('a rating after the feedback window');
    return this.step('rate', at, by, { detail: { rating, round: this.round } }, () => {
      this.facts.last_rating = rating;
      this.facts.rated_at = iso(at);
      this.ratings.push({
        round: this.round,
        rating,
        comment,
        byCitizen: by.kind === 'citizen',
        recordedByUsername: by.kind === 'citizen' ? null : by.username,
        at: iso(at),
      });
    });
  }

  /** The scheduler's step when the feedback window has passed without a rating. */
  expireFeedback(): boolean {
    const due = this.facts.feedback_due;
    if (due === null) throw new Error('no feedback window');
    const at = new Date(Date.parse(due) + 60_000);
    return this.step(
      'expire_feedback',
      at,
      SYSTEM,
      { publicNote: '评价期已过，本事项按未评价办结。' },
      () => (this.facts.closed_at = iso(at)),
    );
  }

  publish(at: Date, by: SimActor, content: string, reply: string): boolean {
    return this.step('publish', at, by, {}, () => {
      this.facts.published_at = iso(at);
      this.facts.published_content = content;
      this.facts.published_reply = reply;
    });
  }

  /**
   * What the scheduler has flagged by `now`: the deadlines passed without the step being done.
   * (Steps done late were flagged when they were done.)
   */
  finish(): void {
    const now = iso(this.env.now);
    const f = this.facts;
    if (f.status === 'SUBMITTED' && f.ack_due < now) f.ack_overdue = 1;
    if (f.status === 'ASSIGNED' && f.sign_due !== null && f.sign_due < now) f.sign_overdue = 1;
    if (OPEN.has(f.status) && f.reply_due !== null && f.reply_due < now) f.reply_overdue = 1;
  }
}
