/**
 * The moves of a suggestion (steps.effects.ts, drafting.service.ts, records.service.ts), each
 * through the machinery of SuggestionCase: a transition via `perform` (the state machine's
 * verdict, the effects, the system's follow-ups, one write of the row), a record via `recordAt`
 * (`recordAllowed`). What each writes is what the engine writes: the case's columns, its units,
 * replies, evaluations, extension requests and commitments, the signers a merge brings.
 */
import { beijingDateOf, endOfBeijingDay } from '../../lib/working-days.ts';
import {
  assignmentDeadlines,
  evaluationDeadline,
  extensionAllowed,
} from '../suggestions/suggestions.deadlines.ts';
import type { ActorKind } from '../suggestions/suggestions.domain.ts';
import {
  CONTACT_MEANS_LABELS,
  DEFAULT_REFUSAL_REASONS,
  type ContactMeans,
  type EvaluationRating,
  type ReplyClass,
} from '../suggestions/suggestions.vocab.ts';
import type { Person } from './suggestions.cast.ts';
import { SuggestionCase, type Absorb } from './suggestions.simulator.ts';
import type { DemoSuggestionFacts } from './suggestions.types.ts';

const iso = (d: Date) => d.toISOString();

export class SuggestionSimulation extends SuggestionCase {
  // ── drafting and co-signing ──────────────────────────────────────────────────────────────

  /** The draft's autosave (updateDraft): the text changes, the version moves, no event. */
  edit(
    at: Date,
    patch: Partial<
      Pick<DemoSuggestionFacts, 'title' | 'category_code' | 'background' | 'proposals' | 'basis'>
    >,
  ): boolean {
    if (!this.recordAt('edit_draft', at, ['lead'])) return false;
    Object.assign(this.facts, patch);
    if (this.facts.kind !== 'motion') this.facts.basis = null;
    this.touch(at);
    return true;
  }

  invite(at: Date, lead: Person, codes: readonly string[]): boolean {
    if (codes.length === 0 || !this.recordAt('invite', at, ['lead'])) return false;
    for (const code of codes) {
      if (this.signers.some((s) => s.representativeCode === code))
        throw new Error(`${this.key}: ${code} invited twice`);
      this.signers.push({
        representativeCode: code,
        role: 'cosigner',
        status: 'invited',
        originKey: null,
        invitedAt: iso(at),
        answeredAt: null,
      });
    }
    this.event(at, 'invite', this.state, this.state, 'lead', lead, {
      note: `邀请 ${codes.length} 名代表附议`,
    });
    this.notices.push({
      at: iso(at),
      kind: 'invited',
      invitees: [...codes],
      leadName: lead.name ?? '',
      subject: this.subject(),
    });
    this.lastAt = at;
    return true;
  }

  answer(at: Date, code: string, who: Person, accept: boolean): boolean {
    if (!this.recordAt('answer_invitation', at, ['cosigner'])) return false;
    const me = this.signers.find((s) => s.representativeCode === code && s.role === 'cosigner');
    if (!me || me.status !== 'invited') throw new Error(`${this.key}: ${code} has no open invitation`);
    me.status = accept ? 'accepted' : 'declined';
    me.answeredAt = iso(at);
    this.event(
      at,
      `${accept ? 'accept' : 'decline'}_invitation`,
      this.state,
      this.state,
      'cosigner',
      who,
      {},
    );
    this.notices.push({
      at: iso(at),
      kind: 'answered',
      accept,
      byName: who.name ?? '',
      subject: this.subject(),
    });
    this.lastAt = at;
    return true;
  }

  submit(at: Date, lead: Person): boolean {
    return this.perform('submit', at, 'lead', lead, () => {
      for (const s of this.signers)
        if (s.status === 'invited') {
          s.status = 'lapsed';
          s.answeredAt = iso(at);
        }
      const year = Number(beijingDateOf(at).slice(0, 4));
      this.facts.submitted_at = iso(at);
      this.facts.year = year;
      this.facts.session_key =
        this.facts.period === 'session' ? `S${this.facts.session_number ?? 0}` : `R${year}`;
      return {};
    });
  }

  withdraw(at: Date, lead: Person, reason: string): boolean {
    return this.perform('withdraw', at, 'lead', lead, () => {
      this.facts.closed_at = iso(at);
      return { note: reason };
    });
  }

  // ── screening and assignment ─────────────────────────────────────────────────────────────

  register(at: Date, staff: Person, note: string | null = null): boolean {
    return this.perform('register', at, 'staff', staff, () => {
      this.facts.registered_at = iso(at);
      return { note };
    });
  }

  refuse(at: Date, staff: Person, reason: string, note: string): boolean {
    const label = DEFAULT_REFUSAL_REASONS.find((x) => x.code === reason);
    if (!label) throw new Error(`unknown refusal reason ${reason}`);
    return this.perform('refuse', at, 'staff', staff, () => {
      this.facts.refusal_reason = reason;
      this.facts.refusal_note = note;
      this.facts.closed_at = iso(at);
      return { note: `${label.zh}：${note}` };
    });
  }

  /** 并案 into `target` (its key); returns what joins the target, or null when the story stopped. */
  merge(at: Date, staff: Person, target: { key: string; title: string }, note: string): Absorb | null {
    const joining = this.signers
      .filter((s) => s.role === 'lead' || s.status === 'accepted')
      .map((s) => ({ ...s }));
    const done = this.perform('merge', at, 'staff', staff, () => {
      this.mergedInto = target.key;
      this.facts.closed_at = iso(at);
      return { note };
    });
    if (!done) return null;
    return {
      at,
      sourceKey: this.key,
      sourceTitle: this.facts.title,
      staff,
      signers: joining,
      opinionCodes: [...this.opinionCodes],
    };
  }

  assign(
    at: Date,
    staff: Person,
    lead: string,
    coUnits: readonly string[],
    key: { on: boolean; supervisor: string | null } | null,
    note: string | null,
  ): boolean {
    return this.perform('assign', at, 'staff', staff, () => {
      const d = assignmentDeadlines(this.env.cal, at, this.env.limits);
      const f = this.facts;
      this.units = [lead, ...coUnits].map((unitCode, i) => ({
        unitCode,
        role: i === 0 ? ('lead' as const) : ('co' as const),
        assignedAt: iso(at),
        coOpinion: null,
        coOpinionAt: null,
        coOpinionByUsername: null,
      }));
      // A reassignment starts afresh: the alerts of the deadlines are forgotten.
      this.alerts = [];
      f.assigned_at = iso(at);
      f.return_due = iso(d.returnDue.due);
      f.co_opinion_due = coUnits.length > 0 ? iso(d.coOpinionDue.due) : null;
      f.reply_due = iso(d.replyDue.due);
      f.reply_due_provisional = d.replyDue.provisional || d.maxReplyDue.provisional ? 1 : 0;
      f.max_reply_due = iso(d.maxReplyDue.due);
      f.extended = 0;
      f.paused_from = null;
      f.last_contact_round = null;
      const on = key ? key.on : f.key_supervision === 1;
      f.key_supervision = on ? 1 : 0;
      this.supervisor = on ? (key?.supervisor ?? this.supervisor) : null;
      return { note, unitCode: lead, noticeAfter: true };
    });
  }

  // ── handling ─────────────────────────────────────────────────────────────────────────────

  sign(at: Date, unit: Person): boolean {
    return this.perform('sign', at, 'lead_unit', unit, () => ({ unitCode: this.leadUnitCode() }));
  }

  requestReturn(at: Date, unit: Person, reason: string): boolean {
    return this.perform('request_return', at, 'lead_unit', unit, () => {
      this.facts.paused_from = this.facts.status;
      return { note: reason, unitCode: this.leadUnitCode() };
    });
  }

  approveReturn(at: Date, staff: Person, note: string | null): boolean {
    return this.perform('approve_return', at, 'staff', staff, () => {
      const lead = this.leadUnitCode();
      this.units = [];
      Object.assign(this.facts, {
        paused_from: null,
        assigned_at: null,
        return_due: null,
        co_opinion_due: null,
        reply_due: null,
        reply_due_provisional: 0,
        max_reply_due: null,
        last_contact_round: null,
      });
      return { note, unitCode: lead };
    });
  }

  refuseReturn(at: Date, staff: Person, note: string): boolean {
    return this.perform('refuse_return', at, 'staff', staff, () => {
      this.facts.paused_from = null;
      return { note };
    });
  }

  /** Whether an extension to `until` ('YYYY-MM-DD') would be accepted now. */
  canExtendTo(until: string): boolean {
    const f = this.facts;
    if (f.reply_due === null || f.max_reply_due === null) return false;
    return extensionAllowed(until, new Date(f.reply_due), new Date(f.max_reply_due)).ok;
  }

  requestExtension(at: Date, unit: Person, until: string, reason: string): boolean {
    if (!this.canExtendTo(until)) throw new Error(`${this.key}: extension to ${until} not allowed`);
    return this.perform('request_extension', at, 'lead_unit', unit, () => {
      this.extensions.push({
        requestedAt: iso(at),
        requestedDue: iso(endOfBeijingDay(until)),
        reason,
        requestedByUsername: unit.username,
        decision: null,
        decidedAt: null,
        decidedByUsername: null,
        newDue: null,
        decisionNote: null,
      });
      this.facts.paused_from = this.facts.status;
      return { note: `申请延期至 ${until}：${reason}`, unitCode: this.leadUnitCode() };
    });
  }

  /** Approved, to the date asked for or to another (`until`) the staff set. */
  approveExtension(at: Date, staff: Person, until: string | null, note: string | null): boolean {
    const pending = this.extensions.findLast((x) => x.decision === null);
    if (!pending) throw new Error(`${this.key}: no extension pending`);
    if (until !== null && !this.canExtendTo(until))
      throw new Error(`${this.key}: extension to ${until} not allowed`);
    return this.perform('approve_extension', at, 'staff', staff, () => {
      const newDue = until !== null ? iso(endOfBeijingDay(until)) : pending.requestedDue;
      Object.assign(pending, {
        decision: 'approved',
        decidedAt: iso(at),
        decidedByUsername: staff.username,
        newDue,
        decisionNote: note,
      });
      this.alerts = this.alerts.filter((a) => a.kind !== 'reply_due_soon' && a.kind !== 'reply_overdue');
      this.facts.paused_from = null;
      this.facts.reply_due = newDue;
      this.facts.extended = 1;
      return { note: note ?? `延期至 ${beijingDateOf(new Date(newDue))}` };
    });
  }

  refuseExtension(at: Date, staff: Person, note: string): boolean {
    const pending = this.extensions.findLast((x) => x.decision === null);
    if (!pending) throw new Error(`${this.key}: no extension pending`);
    return this.perform('refuse_extension', at, 'staff', staff, () => {
      Object.assign(pending, {
        decision: 'refused',
        decidedAt: iso(at),
        decidedByUsername: staff.username,
        newDue: null,
        decisionNote: note,
      });
      this.facts.paused_from = null;
      return { note };
    });
  }

  /** 沟通联系: the lead unit's contact opens the way to its reply in this round. */
  contact(
    at: Date,
    unitCode: string,
    by: Person,
    contactedOn: string,
    means: ContactMeans,
    summary: string,
  ): boolean {
    const unit = this.units.find((u) => u.unitCode === unitCode);
    if (!unit) throw new Error(`${this.key}: ${unitCode} does not hold the case`);
    const kind: ActorKind = unit.role === 'lead' ? 'lead_unit' : 'co_unit';
    if (!this.recordAt('contact', at, [kind])) return false;
    const today = beijingDateOf(at);
    const assigned = beijingDateOf(new Date(this.facts.assigned_at!));
    if (contactedOn > today || contactedOn < assigned)
      throw new Error(`${this.key}: contact date ${contactedOn} out of range`);
    this.contacts.push({
      unitCode,
      round: this.facts.rehandle_rounds,
      contactedOn,
      means,
      summary,
      createdByUsername: by.username,
      createdAt: iso(at),
    });
    if (kind === 'lead_unit') this.facts.last_contact_round = this.facts.rehandle_rounds;
    this.event(at, 'contact', this.state, this.state, kind, by, {
      unitCode,
      note: `${contactedOn} ${CONTACT_MEANS_LABELS[means].zh}：${summary.slice(0, 200)}`,
    });
    this.touch(at);
    return true;
  }

  coOpinion(at: Date, unitCode: string, by: Person, text: string): boolean {
    const unit = this.units.find((u) => u.unitCode === unitCode && u.role === 'co');
    if (!unit) throw new Error(`${this.key}: ${unitCode} is not a co-unit`);
    if (!this.recordAt('co_opinion', at, ['co_unit'])) return false;
    Object.assign(unit, { coOpinion: text, coOpinionAt: iso(at), coOpinionByUsername: by.username });
    this.event(at, 'co_opinion', this.state, this.state, 'co_unit', by, {
      unitCode,
      note: text.slice(0, 200),
    });
    this.notices.push({ at: iso(at), kind: 'co_opinion', text, subject: this.subject() });
    this.touch(at);
    return true;
  }

  /** 重点督办 on, with the leader who supervises. */
  flagKey(at: Date, staff: Person, supervisor: string | null): boolean {
    if (!this.recordAt('flag_key', at, ['staff'])) return false;
    this.facts.key_supervision = 1;
    this.supervisor = supervisor ?? this.supervisor;
    this.event(at, 'flag_key', this.state, this.state, 'staff', staff, { note: '列为重点督办' });
    if (this.supervisor !== null) this.notices.push({ at: iso(at), kind: 'key', subject: this.subject() });
    this.touch(at);
    return true;
  }

  reply(
    at: Date,
    unit: Person,
    replyClass: ReplyClass,
    signer: string,
    body: string,
    commitments: readonly { content: string; dueDate: string }[],
  ): boolean {
    if (replyClass === 'B' && commitments.length === 0)
      throw new Error(`${this.key}: a class-B reply needs commitments`);
    const lead = this.leadUnitCode();
    return this.perform('reply', at, 'lead_unit', unit, () => {
      const f = this.facts;
      const onTime = f.reply_due === null || at.getTime() <= Date.parse(f.reply_due);
      const index = this.replies.length;
      this.replies.push({
        round: f.rehandle_rounds,
        unitCode: lead!,
        replyClass,
        documentNumber: '',
        signer,
        body,
        repliedAt: iso(at),
        onTime,
        createdByUsername: unit.username,
      });
      for (const c of commitments)
        this.commitments.push({
          replyIndex: index,
          unitCode: lead!,
          content: c.content,
          dueDate: c.dueDate,
          status: 'open',
          doneAt: null,
          doneNote: null,
          createdAt: iso(at),
          updatedAt: iso(at),
          progress: [],
        });
      if (f.first_replied_at === null) {
        f.first_replied_at = iso(at);
        f.reply_on_time = onTime ? 1 : 0;
      }
      f.last_replied_at = iso(at);
      f.reply_class = replyClass;
      f.evaluation_due = iso(evaluationDeadline(this.env.cal, at, this.env.limits).due);
      f.evaluated_at = null;
      f.attitude_rating = null;
      f.result_rating = null;
      // The document number is given once all replies are known (suggestions.generate.ts).
      return { note: `${replyClass}类答复，`, unitCode: lead };
    });
  }

  evaluate(
    at: Date,
    lead: Person,
    leadCode: string,
    attitude: EvaluationRating,
    result: EvaluationRating,
    comment: string | null,
  ): boolean {
    if (this.facts.evaluation_due !== null && at.getTime() > Date.parse(this.facts.evaluation_due))
      throw new Error(`${this.key}: evaluation after its window`);
    return this.perform('evaluate', at, 'lead', lead, () => {
      this.evaluations.push({
        replyIndex: this.replies.length - 1,
        round: this.facts.rehandle_rounds,
        representativeCode: leadCode,
        attitude,
        result,
        comment,
        at: iso(at),
      });
      this.facts.evaluated_at = iso(at);
      this.facts.attitude_rating = attitude;
      this.facts.result_rating = result;
      return { note: comment };
    });
  }

  resolveEscalation(at: Date, staff: Person, note: string): boolean {
    return this.perform('resolve_escalation', at, 'staff', staff, () => {
      this.facts.closed_at = iso(at);
      this.facts.close_reason = 'escalation_resolved';
      return { note };
    });
  }

  publish(at: Date, staff: Person, title: string, body: string, reply: string): boolean {
    return this.perform('publish', at, 'staff', staff, () => {
      Object.assign(this.facts, {
        published_at: iso(at),
        published_title: title,
        published_body: body,
        published_reply: reply,
      });
      return {};
    });
  }
}
