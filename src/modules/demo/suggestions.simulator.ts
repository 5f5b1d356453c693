/**
 * Drives one demo suggestion through the real state machine, as the services would (the moves
 * themselves are in suggestions.steps.ts; this is the case and its machinery): every move
 * goes through `transition()` (suggestions.domain.ts) with the context steps.service.ts
 * `transitionContext` computes, and is refused here exactly when the engine would refuse it (the
 * generator then has a bug: it throws); the system's follow-ups (`followUp`: an evaluation closes,
 * re-opens or escalates) run at once; records beside the state machine (invitations, answers,
 * contacts, co-units' opinions, 重点督办, commitments' progress) are checked with
 * `recordAllowed`. Each move writes what steps.effects.ts writes — the case's columns, its units,
 * replies, evaluations, extensions, commitments — and one event per transition; each write of the
 * row raises its version as `updateSuggestion` does.
 *
 * The scheduler is simulated too (suggestions.jobs.ts): between two moves, the deadlines that
 * passed raise their alerts once per round (kept as suggestion_alert rows), and a reply left
 * unevaluated past its window is closed by the system. A move dated after `now` does not happen,
 * nor anything after it: the case rests where it was.
 */
import { beijingDateOf, type WorkCalendar } from '../../lib/working-days.ts';
import {
  minMotionCosigners,
  rehandleDeadline,
  type SuggestionLimits,
} from '../suggestions/suggestions.deadlines.ts';
import {
  followUp,
  recordAllowed,
  transition,
  worseRating,
  type ActorKind,
  type SuggestionAction,
  type SuggestionRecord,
  type TransitionContext,
} from '../suggestions/suggestions.domain.ts';
import type { Period, SuggestionKind, SuggestionState } from '../suggestions/suggestions.vocab.ts';
import type { DemoCongress } from './demo.types.ts';
import { dayOf, instantOf, type WorkingDays } from './opinions.time.ts';
import type { Person } from './suggestions.cast.ts';
import type {
  DemoSuggestion,
  DemoSuggestionAlert,
  DemoSuggestionCommitment,
  DemoSuggestionContact,
  DemoSuggestionEvaluation,
  DemoSuggestionEvent,
  DemoSuggestionExtension,
  DemoSuggestionFacts,
  DemoSuggestionReply,
  DemoSuggestionSigner,
  DemoSuggestionUnit,
} from './suggestions.types.ts';

export interface SugEnv {
  cal: WorkCalendar;
  days: WorkingDays;
  limits: SuggestionLimits;
  now: Date;
}

export const SYSTEM_PERSON: Person = { username: null, name: null };

/** The case as a notice speaks of it, at the moment of the notice (steps.service.ts `noticeCase`). */
export interface Subject {
  registered: boolean;
  title: string;
  leads: string[];
  cosigners: string[];
  leadUnit: string | null;
  coUnits: string[];
  supervisor: string | null;
}

/** The scheduler's alerts (suggestions.jobs.ts), each raised once per case and round. */
export type Sweep = 'reply_due_soon' | 'reply_overdue' | 'co_opinion_overdue' | 'evaluation_due_soon';

/** A notice the services would have written, kept to address the demo accounts' inboxes. */
export type NoticeEntry = { at: string; subject: Subject } & (
  | { kind: 'step'; action: SuggestionAction; to: SuggestionState }
  | { kind: 'deadline'; sweep: Sweep }
  | { kind: 'invited'; invitees: string[]; leadName: string }
  | { kind: 'answered'; accept: boolean; byName: string }
  | { kind: 'co_opinion'; text: string }
  | { kind: 'key' }
  | { kind: 'drafted_for_you' }
);

export interface CaseStart {
  key: string;
  kind: SuggestionKind;
  congress: DemoCongress;
  period: Period;
  sessionNumber: number | null;
  leadCode: string;
  title: string;
  category: string | null;
  background: string;
  proposals: string;
  basis: string | null;
  at: Date;
  /** A draft by the lead, a paper suggestion filed by staff (handed in at once), or a draft from an opinion. */
  how: 'create' | 'create_submitted' | 'from_opinion';
  by: Person;
  byStaff: boolean;
  opinionCode?: string;
}

/** What joins a case when another is merged into it (并案). */
export interface Absorb {
  at: Date;
  sourceKey: string;
  sourceTitle: string;
  staff: Person;
  signers: DemoSuggestionSigner[];
  opinionCodes: string[];
}

const REPLY_RUNNING: readonly SuggestionState[] = ['ASSIGNED', 'IN_PROGRESS', 'REHANDLING'];
const EVALUATION_REMINDER_WORKING_DAYS = 3;
const MINUTE = 60_000;
const iso = (d: Date) => d.toISOString();

export type Effects = { note?: string | null; unitCode?: string | null; noticeAfter?: boolean };

/**
 * The case and the machinery every move goes through; the moves themselves are the subclass's
 * (suggestions.steps.ts).
 */
export class SuggestionCase {
  readonly facts: DemoSuggestionFacts;
  readonly signers: DemoSuggestionSigner[] = [];
  units: DemoSuggestionUnit[] = [];
  readonly events: DemoSuggestionEvent[] = [];
  readonly contacts: DemoSuggestionContact[] = [];
  readonly replies: DemoSuggestionReply[] = [];
  readonly evaluations: DemoSuggestionEvaluation[] = [];
  readonly extensions: DemoSuggestionExtension[] = [];
  readonly commitments: DemoSuggestionCommitment[] = [];
  alerts: DemoSuggestionAlert[] = [];
  readonly notices: NoticeEntry[] = [];
  readonly opinionCodes: string[] = [];
  mergedInto: string | null = null;
  supervisor: string | null = null;
  version = 1;
  stopped = false;
  private readonly createdAt: Date;
  protected updatedAt: Date;
  protected lastAt: Date;
  private sweptTo: Date;
  private readonly absorbs: Absorb[] = [];

  constructor(
    protected readonly env: SugEnv,
    readonly start: CaseStart,
  ) {
    const { at } = start;
    if (at.getTime() > env.now.getTime()) throw new Error(`case ${start.key} starts after now`);
    const year = Number(beijingDateOf(at).slice(0, 4));
    const submitted = start.how === 'create_submitted';
    this.facts = {
      kind: start.kind,
      status: submitted ? 'SUBMITTED' : 'DRAFT',
      period: start.period,
      session_number: start.period === 'session' ? start.sessionNumber : null,
      year,
      session_key: start.period === 'session' ? `S${start.sessionNumber ?? 0}` : `R${year}`,
      case_number: null,
      registered_at: null,
      title: start.title,
      category_code: start.category,
      background: start.background,
      proposals: start.proposals,
      basis: start.kind === 'motion' ? start.basis : null,
      submitted_at: submitted ? iso(at) : null,
      refusal_reason: null,
      refusal_note: null,
      key_supervision: 0,
      assigned_at: null,
      return_due: null,
      co_opinion_due: null,
      reply_due: null,
      reply_due_provisional: 0,
      max_reply_due: null,
      extended: 0,
      paused_from: null,
      last_contact_round: null,
      first_replied_at: null,
      last_replied_at: null,
      reply_on_time: null,
      reply_class: null,
      evaluation_due: null,
      evaluated_at: null,
      attitude_rating: null,
      result_rating: null,
      rehandle_rounds: 0,
      escalated_at: null,
      close_reason: null,
      closed_at: null,
      published_at: null,
      published_title: null,
      published_body: null,
      published_reply: null,
    };
    this.createdAt = at;
    this.updatedAt = at;
    this.lastAt = at;
    this.sweptTo = at;
    this.signers.push({
      representativeCode: start.leadCode,
      role: 'lead',
      status: 'accepted',
      originKey: null,
      invitedAt: iso(at),
      answeredAt: iso(at),
    });
    const action = start.how === 'from_opinion' ? 'from_opinion' : start.how;
    this.events.push({
      at: iso(at),
      action,
      from: null,
      to: this.facts.status,
      actorKind: start.byStaff ? 'staff' : 'lead',
      actorUsername: start.by.username,
      actorName: start.by.name,
      unitCode: null,
      note: start.opinionCode ? `群众意见 ${start.opinionCode}` : null,
      refKey: null,
    });
    if (start.opinionCode) {
      this.opinionCodes.push(start.opinionCode);
      // draftFromOpinion writes the row, then fills in what it took from the opinion.
      this.version = 2;
    }
    if (submitted)
      this.notices.push({
        at: iso(at),
        kind: 'step',
        action: 'submit',
        to: 'SUBMITTED',
        subject: this.subject(),
      });
    if (start.how === 'from_opinion' && start.byStaff)
      this.notices.push({ at: iso(at), kind: 'drafted_for_you', subject: this.subject() });
  }

  get key(): string {
    return this.start.key;
  }

  get state(): SuggestionState {
    return this.facts.status;
  }

  /** When the last thing happened to the case. */
  get last(): Date {
    return this.lastAt;
  }

  get now(): Date {
    return this.env.now;
  }

  leadUnitCode(): string | null {
    return this.units.find((u) => u.role === 'lead')?.unitCode ?? null;
  }

  subject(): Subject {
    return {
      registered: this.facts.registered_at !== null,
      title: this.facts.title,
      leads: this.signers.filter((s) => s.role === 'lead').map((s) => s.representativeCode),
      cosigners: this.signers
        .filter((s) => s.role === 'cosigner' && s.status === 'accepted')
        .map((s) => s.representativeCode),
      leadUnit: this.leadUnitCode(),
      coUnits: this.units.filter((u) => u.role === 'co').map((u) => u.unitCode),
      supervisor: this.supervisor,
    };
  }

  /** The guards' view of the case at `at` (steps.service.ts transitionContext). */
  context(at: Date): TransitionContext {
    const f = this.facts;
    return {
      kind: f.kind,
      complete:
        f.title.trim() !== '' &&
        f.background.trim() !== '' &&
        f.proposals.trim() !== '' &&
        f.category_code !== null &&
        (f.kind !== 'motion' || (f.basis ?? '').trim() !== ''),
      acceptedCosigners: this.signers.filter((s) => s.role === 'cosigner' && s.status === 'accepted').length,
      minMotionCosigners: minMotionCosigners(this.start.congress.level, this.env.limits),
      pausedFrom: f.paused_from,
      returnWindowOpen: f.return_due !== null && at.getTime() <= Date.parse(f.return_due),
      contactLogged: f.last_contact_round !== null && f.last_contact_round === f.rehandle_rounds,
      extended: f.extended === 1,
      rating: f.attitude_rating && f.result_rating ? worseRating(f.attitude_rating, f.result_rating) : null,
      rehandleRounds: f.rehandle_rounds,
      maxRehandleRounds: this.env.limits.maxRehandleRounds,
    };
  }

  /** Whether a move at `at` can still happen (not after now, not after the story stopped). */
  protected reach(at: Date): boolean {
    if (this.stopped) return false;
    if (at.getTime() > this.env.now.getTime()) {
      this.stopped = true;
      return false;
    }
    if (at.getTime() < this.lastAt.getTime())
      throw new Error(`${this.key}: a move at ${iso(at)} goes back before ${iso(this.lastAt)}`);
    this.tick(at);
    return true;
  }

  protected event(
    at: Date,
    action: string,
    from: SuggestionState,
    to: SuggestionState,
    kind: ActorKind,
    by: Person,
    fx: Effects,
  ): void {
    const system = kind === 'system';
    this.events.push({
      at: iso(at),
      action,
      from,
      to,
      actorKind: kind,
      actorUsername: system ? null : by.username,
      actorName: system ? null : by.name,
      unitCode: fx.unitCode ?? null,
      note: fx.note ?? null,
      refKey: null,
    });
  }

  /** One transition and its effects (no follow-ups, no write of the row). */
  protected apply(
    action: SuggestionAction,
    at: Date,
    kind: ActorKind,
    by: Person,
    effects: () => Effects,
  ): void {
    const from = this.state;
    const result = transition(from, action, kind, this.context(at));
    if (!result.ok)
      throw new Error(
        `${this.key}: illegal ${action} by ${kind} in ${from}: ${JSON.stringify(result.error)}`,
      );
    const before = this.subject();
    const fx = effects();
    this.facts.status = result.to;
    this.event(at, action, from, result.to, kind, by, fx);
    this.notices.push({
      at: iso(at),
      kind: 'step',
      action,
      to: result.to,
      subject: fx.noticeAfter ? this.subject() : before,
    });
  }

  /** A person's action with the system's follow-ups, written as one update of the row. */
  protected perform(
    action: SuggestionAction,
    at: Date,
    kind: ActorKind,
    by: Person,
    effects: () => Effects,
  ): boolean {
    if (!this.reach(at)) return false;
    this.performAt(action, at, kind, by, effects);
    return true;
  }

  protected performAt(
    action: SuggestionAction,
    at: Date,
    kind: ActorKind,
    by: Person,
    effects: () => Effects,
  ): void {
    this.apply(action, at, kind, by, effects);
    for (
      let f = followUp(this.state, this.context(at));
      f !== null;
      f = followUp(this.state, this.context(at))
    ) {
      const next = f;
      this.apply(next, at, 'system', SYSTEM_PERSON, () => this.systemEffects(next, at));
    }
    this.touch(at);
  }

  protected touch(at: Date): void {
    this.version += 1;
    this.updatedAt = at;
    this.lastAt = at;
  }

  /** The system's own steps (steps.effects.ts): they change only the case's columns. */
  protected systemEffects(action: SuggestionAction, at: Date): Effects {
    const f = this.facts;
    if (action === 'rehandle') {
      f.rehandle_rounds += 1;
      f.reply_due = iso(rehandleDeadline(this.env.cal, at, this.env.limits).due);
      f.evaluation_due = null;
      return { unitCode: this.leadUnitCode() };
    }
    if (action === 'escalate') f.escalated_at = iso(at);
    else if (action === 'close' || action === 'expire_evaluation') {
      f.closed_at = iso(at);
      f.close_reason = action === 'close' ? 'evaluated' : 'unevaluated';
    } else throw new Error(`no system step ${action}`);
    f.evaluation_due = null;
    return {};
  }

  /** A record beside the state machine: allowed in this state to this kind of actor, or a bug. */
  protected recordAt(record: SuggestionRecord, at: Date, kinds: readonly ActorKind[]): boolean {
    if (!this.reach(at)) return false;
    const ok = recordAllowed(this.state, record, kinds);
    if (!ok.ok) throw new Error(`${this.key}: ${record} not allowed: ${JSON.stringify(ok.error)}`);
    return true;
  }

  // ── the scheduler ──────────────────────────────────────────────────────────────────────────

  /** What the scheduler did between the last move and `t`, and the merges that joined meanwhile. */
  protected tick(t: Date): void {
    for (;;) {
      const next = this.absorbs[0];
      const until = next && next.at.getTime() <= t.getTime() ? next.at : t;
      this.sweep(until);
      if (next && next.at.getTime() <= t.getTime()) {
        this.absorbs.shift();
        this.absorb(next);
      } else return;
    }
  }

  private claim(kind: Sweep, at: Date): void {
    const round = this.facts.rehandle_rounds;
    if (this.alerts.some((a) => a.kind === kind && a.round === round)) return;
    this.alerts.push({ kind, round, at: iso(at) });
    const subject = this.subject();
    if (kind === 'co_opinion_overdue')
      subject.coUnits = this.units
        .filter((u) => u.role === 'co' && u.coOpinionAt === null)
        .map((u) => u.unitCode);
    this.notices.push({ at: iso(at), kind: 'deadline', sweep: kind, subject });
  }

  /** The first sweep in (from, to] at which a deadline falls within `n` working days ahead. */
  private dueSoonAt(due: string, n: number, from: Date, to: Date): Date | null {
    const dueDay = dayOf(new Date(due));
    let day = dueDay - 3 * n - 15;
    while (this.env.days.after(day, n) < dueDay) day += 1;
    const first = Math.max(from.getTime() + MINUTE, instantOf(day, 0).getTime());
    const last = Math.min(to.getTime(), Date.parse(due));
    return first <= last ? new Date(first) : null;
  }

  private sweep(until: Date): void {
    const from = this.sweptTo.getTime() > this.lastAt.getTime() ? this.sweptTo : this.lastAt;
    if (until.getTime() <= from.getTime()) return;
    this.sweptTo = until;
    const f = this.facts;
    if (f.status === 'REPLIED' && f.evaluation_due !== null) {
      const expireAt = new Date(Date.parse(f.evaluation_due) + MINUTE);
      const end = expireAt.getTime() < until.getTime() ? expireAt : until;
      const soon = this.dueSoonAt(f.evaluation_due, EVALUATION_REMINDER_WORKING_DAYS, from, end);
      if (soon) this.claim('evaluation_due_soon', soon);
      if (expireAt.getTime() <= until.getTime()) {
        this.performAt('expire_evaluation', expireAt, 'system', SYSTEM_PERSON, () =>
          this.systemEffects('expire_evaluation', expireAt),
        );
        this.sweptTo = until;
      }
      return;
    }
    if (!REPLY_RUNNING.includes(f.status)) return;
    const claims: { kind: Sweep; at: Date }[] = [];
    if (f.reply_due !== null) {
      const soon = this.dueSoonAt(f.reply_due, this.env.limits.dueSoonWorkingDays, from, until);
      if (soon) claims.push({ kind: 'reply_due_soon', at: soon });
      const over = Math.max(from.getTime(), Date.parse(f.reply_due)) + MINUTE;
      if (over <= until.getTime()) claims.push({ kind: 'reply_overdue', at: new Date(over) });
    }
    if (f.co_opinion_due !== null && this.units.some((u) => u.role === 'co' && u.coOpinionAt === null)) {
      const over = Math.max(from.getTime(), Date.parse(f.co_opinion_due)) + MINUTE;
      if (over <= until.getTime()) claims.push({ kind: 'co_opinion_overdue', at: new Date(over) });
    }
    claims.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const c of claims) this.claim(c.kind, c.at);
  }

  /** Another case merged into this one: its signers and opinions join (并案 keeps them all). */
  private absorb(a: Absorb): void {
    if (this.state !== 'SUBMITTED' && this.state !== 'REGISTERED')
      throw new Error(`${this.key}: cannot absorb ${a.sourceKey} in ${this.state}`);
    const present = new Set(this.signers.map((s) => s.representativeCode));
    for (const s of a.signers) {
      if (present.has(s.representativeCode)) continue;
      this.signers.push({ ...s, status: 'accepted', originKey: a.sourceKey, answeredAt: iso(a.at) });
    }
    for (const code of a.opinionCodes) if (!this.opinionCodes.includes(code)) this.opinionCodes.push(code);
    this.events.push({
      at: iso(a.at),
      action: 'absorb',
      from: this.state,
      to: this.state,
      actorKind: 'staff',
      actorUsername: a.staff.username,
      actorName: a.staff.name,
      unitCode: null,
      note: `并入：${a.sourceTitle}（#{ref}）`,
      refKey: a.sourceKey,
    });
  }

  /** A merge into this case, to be applied when the story reaches its moment. */
  scheduleAbsorb(a: Absorb): void {
    this.absorbs.push(a);
    this.absorbs.sort((x, y) => x.at.getTime() - y.at.getTime());
  }

  /** The state the case was in at an instant: that of its latest event up to it. */
  stateAt(at: Date): SuggestionState {
    let state: SuggestionState = this.events[0]!.to;
    let latest = '';
    for (const e of this.events) {
      if (Date.parse(e.at) > at.getTime() || e.at < latest) continue;
      latest = e.at;
      state = e.to;
    }
    return state;
  }

  /**
   * The progress of a commitment (承诺事项), recorded after the story was told: the case may have
   * moved on meanwhile, so the record is checked against the state the case had at that moment.
   */
  progress(
    index: number,
    at: Date,
    by: Person,
    kind: 'lead_unit' | 'staff',
    note: string,
    done: boolean,
  ): boolean {
    if (at.getTime() > this.env.now.getTime()) return false;
    const c = this.commitments[index]!;
    if (c.status !== 'open') throw new Error(`${this.key}: commitment ${index} is closed`);
    const last = c.progress.at(-1)?.at ?? c.createdAt;
    if (iso(at) <= last) throw new Error(`${this.key}: progress out of order`);
    const state = this.stateAt(at);
    const ok = recordAllowed(state, 'commitment_progress', [kind]);
    if (!ok.ok) throw new Error(`${this.key}: progress not allowed in ${state}`);
    c.progress.push({
      year: Number(beijingDateOf(at).slice(0, 4)),
      note,
      at: iso(at),
      byUsername: by.username,
    });
    c.updatedAt = iso(at);
    if (done) Object.assign(c, { status: 'done', doneAt: iso(at), doneNote: note });
    this.events.push({
      at: iso(at),
      action: done ? 'commitment_done' : 'commitment_progress',
      from: state,
      to: state,
      actorKind: kind,
      actorUsername: by.username,
      actorName: by.name,
      unitCode: c.unitCode,
      note: `${c.content.slice(0, 60)}：${note.slice(0, 140)}`,
      refKey: null,
    });
    return true;
  }

  /** Nothing happens until `until` but the scheduler's sweeps; false (and the story stops) past now. */
  idle(until: Date): boolean {
    if (this.stopped) return false;
    if (until.getTime() > this.env.now.getTime()) {
      this.tick(this.env.now);
      this.stopped = true;
      return false;
    }
    this.tick(until);
    return true;
  }

  /** What the scheduler did up to now, once the story is over. */
  finish(): void {
    if (this.sweptTo.getTime() < this.env.now.getTime() && this.lastAt.getTime() <= this.env.now.getTime())
      this.tick(this.env.now);
  }

  toDemo(leadCode: string): DemoSuggestion {
    const order = this.events.map((e, i) => ({ e, i }));
    order.sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i));
    return {
      key: this.key,
      congressCode: this.start.congress.code,
      jurisdictionCode: this.start.congress.jurisdictionCode!,
      leadRepresentativeCode: leadCode,
      createdByUsername: this.start.by.username,
      mergedIntoKey: this.mergedInto,
      supervisorUsername: this.supervisor,
      version: this.version,
      createdAt: iso(this.createdAt),
      updatedAt: iso(this.updatedAt),
      facts: this.facts,
      signers: this.signers,
      units: this.units,
      events: order.map((x) => x.e),
      contacts: this.contacts,
      replies: this.replies,
      evaluations: this.evaluations,
      extensions: this.extensions,
      commitments: this.commitments,
      alerts: this.alerts,
      opinionTrackingCodes: this.opinionCodes,
    };
  }
}
