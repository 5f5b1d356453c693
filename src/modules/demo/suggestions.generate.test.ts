import { describe, expect, it } from 'vitest';
import { addWorkingDays, beijingDateOf } from '../../lib/working-days.ts';
import {
  assignmentDeadlines,
  evaluationDeadline,
  minMotionCosigners,
} from '../suggestions/suggestions.deadlines.ts';
import {
  followUp,
  SUGGESTION_ACTIONS,
  transition,
  worseRating,
  type ActorKind,
  type SuggestionAction,
  type TransitionContext,
} from '../suggestions/suggestions.domain.ts';
import {
  DEFAULT_REFUSAL_REASONS,
  SUGGESTION_STATES,
  type SuggestionState,
} from '../suggestions/suggestions.vocab.ts';
import { generateDemoData } from './demo.generate.ts';
import type { DemoData } from './demo.types.ts';
import { isWithin } from './jurisdictions.ts';
import { officialCalendar } from './opinions.time.ts';
import { DEFAULT_SUGGESTION_LIMITS } from './suggestions.generate.ts';
import type { DemoSuggestion } from './suggestions.types.ts';

const NOW = new Date('2026-11-22T02:00:00.000Z');
const data: DemoData = generateDemoData({ now: NOW });
const all = data.suggestions;
const cal = officialCalendar();
const limits = DEFAULT_SUGGESTION_LIMITS;
const nowIso = NOW.toISOString();
const congresses = new Map(data.congresses.map((c) => [c.code, c]));
const units = new Map(data.units.map((u) => [u.code, u]));
const reps = new Map(data.representatives.map((r) => [r.code, r]));
const registered = all.filter((s) => s.facts.registered_at !== null);
const ACTIONS: ReadonlySet<string> = new Set(SUGGESTION_ACTIONS);
const count = (pred: (s: DemoSuggestion) => boolean) => all.filter(pred).length;

/** Whether a representative serves on a congress: active, with a seat that has not ended. */
function serves(rep: string, congress: string, on: string): boolean {
  return (
    reps.get(rep)?.status === 'active' &&
    data.seats.some(
      (s) =>
        s.representativeCode === rep &&
        s.congressCode === congress &&
        s.endedOn === null &&
        s.electedOn <= on,
    )
  );
}

/**
 * The guards' context at an event, rebuilt from the case's own records (not from the generator):
 * its text, signers, assignments, contacts, extensions and evaluations as the events show them.
 */
function replay(s: DemoSuggestion): { state: SuggestionState; errors: string[] } {
  const level = congresses.get(s.congressCode)!.level;
  const f = s.facts;
  const errors: string[] = [];
  let state: SuggestionState | null = null;
  let pausedFrom: SuggestionState | null = null;
  let returnDue: string | null = null;
  let contactRound: number | null = null;
  let extended = false;
  let rating: TransitionContext['rating'] = null;
  let rounds = 0;
  const events = s.events;
  events.forEach((e, i) => {
    if (i === 0) {
      if (e.from !== null || !['create', 'create_submitted', 'from_opinion'].includes(e.action))
        errors.push(`starts with ${e.action}`);
      state = e.to;
      return;
    }
    if (e.from !== state) errors.push(`${e.action} from ${e.from} but the case was ${state}`);
    if (e.action === 'contact' && e.actorKind === 'lead_unit') contactRound = rounds;
    if (!ACTIONS.has(e.action)) {
      if (e.to !== e.from) errors.push(`record ${e.action} moved the case`);
      return;
    }
    const action = e.action as SuggestionAction;
    if (action === 'evaluate') {
      const ev = s.evaluations.find((x) => x.at === e.at);
      rating = ev ? worseRating(ev.attitude, ev.result) : null;
    }
    const ctx: TransitionContext = {
      kind: f.kind,
      complete:
        f.title.trim() !== '' &&
        f.background.trim() !== '' &&
        f.proposals.trim() !== '' &&
        f.category_code !== null &&
        (f.kind !== 'motion' || (f.basis ?? '').trim() !== ''),
      acceptedCosigners: s.signers.filter(
        (x) =>
          x.role === 'cosigner' && x.status === 'accepted' && x.originKey === null && x.answeredAt! <= e.at,
      ).length,
      minMotionCosigners: minMotionCosigners(level, limits),
      pausedFrom,
      returnWindowOpen: returnDue !== null && e.at <= returnDue,
      contactLogged: contactRound !== null && contactRound === rounds,
      extended,
      rating,
      rehandleRounds: rounds,
      maxRehandleRounds: limits.maxRehandleRounds,
    };
    const result = transition(state!, action, e.actorKind as ActorKind, ctx);
    if (!result.ok) errors.push(`${action} by ${e.actorKind} in ${state}: ${JSON.stringify(result.error)}`);
    else if (result.to !== e.to) errors.push(`${action} went to ${e.to}, the machine says ${result.to}`);
    // A person's step is followed at once by the system's, and only when the machine says so.
    if (e.actorKind !== 'system') {
      const next = events.slice(i + 1).find((x) => ACTIONS.has(x.action));
      const expected = result.ok ? followUp(result.to, ctx) : null;
      const got = next && next.actorKind === 'system' && next.at === e.at ? next.action : null;
      if (action !== 'expire_evaluation' && got !== expected)
        errors.push(`after ${action}: follow-up ${got}, expected ${expected}`);
    }
    if (action === 'assign') {
      returnDue = addWorkingDays(cal, new Date(e.at), limits.returnWorkingDays).due.toISOString();
      contactRound = null;
      extended = false;
      pausedFrom = null;
    } else if (action === 'approve_return') {
      returnDue = null;
      contactRound = null;
      pausedFrom = null;
    } else if (action === 'request_return' || action === 'request_extension') {
      pausedFrom = state;
    } else if (action === 'approve_extension') {
      extended = true;
      pausedFrom = null;
    } else if (action === 'refuse_return' || action === 'refuse_extension') {
      pausedFrom = null;
    } else if (action === 'reply') {
      rating = null;
    } else if (action === 'rehandle') {
      rounds += 1;
    }
    state = e.to;
  });
  return { state: state!, errors };
}

describe('a year of demo suggestions', () => {
  it('is the same for the same seed and date, and another for another date', () => {
    const again = generateDemoData({ now: NOW });
    expect(again.suggestions).toEqual(all);
    expect(again.suggestionCounters).toEqual(data.suggestionCounters);
    const other = generateDemoData({ now: new Date('2026-03-02T01:00:00.000Z') });
    expect(other.suggestions.map((s) => s.createdAt)).not.toEqual(all.map((s) => s.createdAt));
  });

  it('has a session burst and suggestions between sessions for each congress', () => {
    const of = (code: string, period: string, kind = 'suggestion') =>
      all.filter(
        (s) =>
          s.congressCode === code &&
          s.facts.period === period &&
          s.facts.kind === kind &&
          !s.key.startsWith('show/'),
      ).length;
    expect(of('339900-c', 'session')).toBe(150);
    expect(of('339900-c', 'session', 'motion')).toBe(4);
    for (const code of ['339902-c', '339903-c', '339921-c']) {
      expect(of(code, 'session')).toBeGreaterThanOrEqual(60);
      expect(of(code, 'session')).toBeLessThanOrEqual(80);
      expect(of(code, 'session', 'motion')).toBeGreaterThanOrEqual(1);
      const recess = all.filter(
        (s) => s.congressCode === code && s.facts.period === 'recess' && s.key.includes('/R/'),
      ).length;
      expect(recess / 12).toBeGreaterThanOrEqual(5);
      expect(recess / 12).toBeLessThanOrEqual(10);
    }
    // One session number per congress, within its term (the fifth session of these terms in 2026).
    for (const code of ['339900-c', '339902-c', '339903-c', '339921-c']) {
      const numbers = new Set(
        all
          .filter((s) => s.congressCode === code && s.facts.period === 'session')
          .map((s) => s.facts.session_number),
      );
      expect([...numbers]).toEqual([5]);
    }
    for (const s of all) {
      expect(s.createdAt <= nowIso).toBe(true);
      expect(s.updatedAt <= nowIso).toBe(true);
      expect(s.events.at(-1)!.at <= nowIso).toBe(true);
    }
    expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.createdAt)).size).toBe(all.length);
  });

  it('replays every case through the state machine to its state', () => {
    const failures: string[] = [];
    for (const s of all) {
      const { state, errors } = replay(s);
      if (state !== s.facts.status) errors.push(`ends ${state}, the case says ${s.facts.status}`);
      if (errors.length > 0) failures.push(`${s.key}: ${errors.join('; ')}`);
      for (let i = 1; i < s.events.length; i++) expect(s.events[i]!.at >= s.events[i - 1]!.at).toBe(true);
    }
    expect(failures).toEqual([]);
  });

  it('writes the version and the timestamps the writes would have written', () => {
    for (const s of all) {
      expect(s.version).toBeGreaterThanOrEqual(1);
      expect(s.createdAt).toBe(s.events[0]!.at);
      expect(s.updatedAt >= s.createdAt).toBe(true);
    }
  });

  it('numbers registered cases without gaps per congress, session and kind, in registration order', () => {
    const groups = new Map<string, DemoSuggestion[]>();
    for (const s of registered) {
      const key = `${s.congressCode}|${s.facts.session_key}|${s.facts.kind}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    expect(data.suggestionCounters).toHaveLength(groups.size);
    for (const [key, list] of groups) {
      const sorted = [...list].sort((a, b) => a.facts.case_number! - b.facts.case_number!);
      expect(sorted.map((s) => s.facts.case_number)).toEqual(sorted.map((_, i) => i + 1));
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.facts.registered_at! >= sorted[i - 1]!.facts.registered_at!).toBe(true);
      const counter = data.suggestionCounters.find(
        (c) => `${c.congressCode}|${c.sessionKey}|${c.kind}` === key,
      )!;
      expect(counter.lastNumber).toBe(list.length);
    }
    for (const s of all.filter((x) => x.facts.registered_at === null)) expect(s.facts.case_number).toBeNull();
    for (const s of all.filter((x) => x.facts.submitted_at !== null)) {
      const year = Number(beijingDateOf(new Date(s.facts.submitted_at!)).slice(0, 4));
      expect(s.facts.year).toBe(year);
      expect(s.facts.session_key).toBe(
        s.facts.period === 'session' ? `S${s.facts.session_number}` : `R${year}`,
      );
    }
  });

  it('has leads and co-signers who serve on the congress', () => {
    for (const s of all) {
      expect(
        serves(s.leadRepresentativeCode, s.congressCode, beijingDateOf(new Date(s.createdAt))),
        s.key,
      ).toBe(true);
      for (const x of s.signers.filter((y) => y.status === 'accepted' || y.status === 'invited'))
        expect(
          serves(x.representativeCode, s.congressCode, x.invitedAt.slice(0, 10)),
          `${s.key} ${x.representativeCode}`,
        ).toBe(true);
      const lead = s.signers.find((x) => x.representativeCode === s.leadRepresentativeCode)!;
      expect(lead).toMatchObject({ role: 'lead', status: 'accepted' });
    }
    // Most suggestions have a few co-signers, none more than six (a motion, ten at least).
    const suggestions = all.filter((s) => s.facts.kind === 'suggestion' && s.facts.status !== 'DRAFT');
    const cosigners = (s: DemoSuggestion) =>
      s.signers.filter((x) => x.role === 'cosigner' && x.originKey === null).length;
    expect(suggestions.filter((s) => cosigners(s) <= 6).length).toBe(suggestions.length);
    expect(suggestions.filter((s) => cosigners(s) > 0).length / suggestions.length).toBeGreaterThan(0.5);
    for (const m of all.filter((s) => s.facts.kind === 'motion' && s.facts.submitted_at !== null)) {
      const accepted = m.signers.filter((x) => x.role === 'cosigner' && x.status === 'accepted').length;
      expect(accepted).toBeGreaterThanOrEqual(
        minMotionCosigners(congresses.get(m.congressCode)!.level, limits),
      );
      expect(m.facts.basis).not.toBeNull();
    }
  });

  it('assigns to units of the congress’s area that handle the category there', () => {
    for (const s of all.filter((x) => x.units.length > 0)) {
      const area = congresses.get(s.congressCode)!.jurisdictionCode!;
      for (const u of s.units) {
        const unit = units.get(u.unitCode)!;
        expect(isWithin(unit.jurisdictionCode, area), `${s.key} ${u.unitCode}`).toBe(true);
        expect(unit.categories.length).toBeGreaterThan(0);
      }
      const lead = units.get(s.units.find((u) => u.role === 'lead')!.unitCode)!;
      // Only a unit asked to return a case it was sent by mistake may not handle its category.
      if (s.facts.status !== 'RETURN_REQUESTED')
        expect(lead.categories, s.key).toContain(s.facts.category_code);
      if (congresses.get(s.congressCode)!.level === 'city') expect(lead.jurisdictionCode).toBe('339900');
    }
  });

  it('computes the deadlines on the official calendar from T0 and the reply', () => {
    for (const s of all.filter((x) => x.facts.assigned_at !== null)) {
      const d = assignmentDeadlines(cal, new Date(s.facts.assigned_at!), limits);
      expect(s.facts.return_due).toBe(d.returnDue.due.toISOString());
      expect(s.facts.max_reply_due).toBe(d.maxReplyDue.due.toISOString());
      if (s.facts.extended === 0 && s.facts.rehandle_rounds === 0)
        expect(s.facts.reply_due).toBe(d.replyDue.due.toISOString());
      expect(s.facts.co_opinion_due).toBe(
        s.units.some((u) => u.role === 'co') ? d.coOpinionDue.due.toISOString() : null,
      );
    }
    for (const s of all.filter((x) => x.facts.status === 'REPLIED'))
      expect(s.facts.evaluation_due).toBe(
        evaluationDeadline(cal, new Date(s.facts.last_replied_at!), limits).due.toISOString(),
      );
    for (const s of all.filter((x) => x.replies.length > 0)) {
      expect(s.facts.first_replied_at).toBe(s.replies[0]!.repliedAt);
      expect(s.facts.reply_on_time).toBe(s.replies[0]!.onTime ? 1 : 0);
      expect(s.facts.reply_class).toBe(s.replies.at(-1)!.replyClass);
    }
  });

  it('has every reply preceded by a contact of the lead unit in the same round', () => {
    for (const s of all)
      for (const reply of s.replies) {
        const contact = s.contacts.find(
          (c) => c.unitCode === reply.unitCode && c.round === reply.round && c.createdAt < reply.repliedAt,
        );
        expect(contact, `${s.key} round ${reply.round}`).toBeDefined();
        expect(contact!.contactedOn <= beijingDateOf(new Date(contact!.createdAt))).toBe(true);
      }
  });

  it('gives class-B replies their commitments, some kept, some open, a few overdue', () => {
    for (const s of all)
      s.replies.forEach((reply, i) => {
        const mine = s.commitments.filter((c) => c.replyIndex === i);
        if (reply.replyClass === 'B') expect(mine.length, s.key).toBeGreaterThan(0);
        else expect(mine).toHaveLength(0);
      });
    const commitments = all.flatMap((s) => s.commitments);
    const today = beijingDateOf(NOW);
    expect(commitments.filter((c) => c.status === 'done').length).toBeGreaterThan(20);
    expect(commitments.filter((c) => c.status === 'open' && c.dueDate! >= today).length).toBeGreaterThan(20);
    expect(commitments.filter((c) => c.status === 'open' && c.dueDate! < today).length).toBeGreaterThan(3);
    for (const c of commitments) {
      for (const p of c.progress) expect(p.at > c.createdAt && p.at <= nowIso).toBe(true);
      if (c.status === 'done') expect(c.doneAt).toBe(c.progress.at(-1)!.at);
    }
  });

  it('reaches every state of the year (EVALUATED only passes: the system moves it on at once)', () => {
    const states = new Set(all.map((s) => s.facts.status));
    expect(SUGGESTION_STATES.filter((s) => !states.has(s))).toEqual(['EVALUATED']);
    // It was passed through by every evaluation.
    expect(all.some((s) => s.events.some((e) => e.to === 'EVALUATED'))).toBe(true);
  });

  it('ends the year with realistic outcomes', () => {
    const session = all.filter((s) => s.facts.period === 'session' && !s.key.startsWith('show/'));
    const screened = session.filter(
      (s) =>
        ['NOT_ACCEPTED', 'MERGED', 'WITHDRAWN'].includes(s.facts.status) || s.facts.registered_at !== null,
    );
    expect(session.filter((s) => s.facts.registered_at !== null).length / screened.length).toBeGreaterThan(
      0.9,
    );
    for (const state of ['NOT_ACCEPTED', 'MERGED', 'WITHDRAWN'] as const)
      expect(count((s) => s.facts.status === state)).toBeGreaterThan(2);
    for (const s of all.filter((x) => x.facts.status === 'NOT_ACCEPTED'))
      expect(DEFAULT_REFUSAL_REASONS.map((r) => r.code)).toContain(s.facts.refusal_reason);
    const replies = all.flatMap((s) => s.replies.filter((r) => r.round === 0));
    const share = (cls: string) => replies.filter((r) => r.replyClass === cls).length / replies.length;
    expect(share('A')).toBeGreaterThan(0.45);
    expect(share('A')).toBeLessThan(0.65);
    expect(share('B')).toBeGreaterThan(0.25);
    expect(share('B')).toBeLessThan(0.45);
    expect(share('C')).toBeGreaterThan(0.05);
    expect(share('C')).toBeLessThan(0.16);
    const assigned = all.filter((s) => s.events.some((e) => e.action === 'assign'));
    const withCo = assigned.filter((s) => s.units.some((u) => u.role === 'co')).length / assigned.length;
    expect(withCo).toBeGreaterThan(0.15);
    expect(withCo).toBeLessThan(0.4);
    const extended = assigned.filter((s) => s.extensions.length > 0).length / assigned.length;
    expect(extended).toBeGreaterThan(0.04);
    expect(extended).toBeLessThan(0.14);
    const key = all.filter((s) => s.facts.key_supervision === 1).length / registered.length;
    expect(key).toBeGreaterThan(0.03);
    expect(key).toBeLessThan(0.09);
    for (const s of all.filter((x) => x.facts.key_supervision === 1 && x.congressCode === '339900-c'))
      expect(s.supervisorUsername).toBe('leader');
    const evaluations = all.flatMap((s) => s.evaluations.filter((e) => e.round === 0));
    const satisfied =
      evaluations.filter((e) => worseRating(e.attitude, e.result) === 'satisfied').length /
      evaluations.length;
    expect(satisfied).toBeGreaterThan(0.55);
    expect(count((s) => s.facts.rehandle_rounds > 0)).toBeGreaterThanOrEqual(4);
    expect(count((s) => s.facts.close_reason === 'unevaluated')).toBeGreaterThanOrEqual(3);
    expect(count((s) => s.facts.close_reason === 'escalation_resolved')).toBeGreaterThanOrEqual(1);
    expect(count((s) => s.extensions.some((x) => x.decision === null))).toBeGreaterThanOrEqual(2);
    expect(count((s) => s.events.some((e) => e.action === 'approve_return'))).toBeGreaterThanOrEqual(2);
    expect(count((s) => s.events.some((e) => e.action === 'refuse_return'))).toBeGreaterThanOrEqual(1);
    const closed = count((s) => s.facts.status === 'CLOSED' || s.facts.status === 'PUBLISHED');
    const published = count((s) => s.facts.status === 'PUBLISHED') / closed;
    expect(published).toBeGreaterThan(0.35);
    expect(published).toBeLessThan(0.65);
    // Slow ones are overdue now.
    expect(
      count(
        (s) =>
          ['ASSIGNED', 'IN_PROGRESS', 'REHANDLING'].includes(s.facts.status) && s.facts.reply_due! < nowIso,
      ),
    ).toBeGreaterThan(0);
  });

  it('merges duplicates into a case of the same congress and kind, keeping every signer', () => {
    const byKey = new Map(all.map((s) => [s.key, s]));
    for (const s of all.filter((x) => x.facts.status === 'MERGED')) {
      const target = byKey.get(s.mergedIntoKey!)!;
      expect(target.congressCode).toBe(s.congressCode);
      expect(target.facts.kind).toBe(s.facts.kind);
      for (const x of s.signers.filter((y) => y.role === 'lead' || y.status === 'accepted'))
        expect(target.signers.map((y) => y.representativeCode)).toContain(x.representativeCode);
      expect(target.events.some((e) => e.action === 'absorb' && e.refKey === s.key)).toBe(true);
    }
  });

  it('links every converted opinion to the suggestion drafted from it', () => {
    const converted = data.opinions.filter((o) => o.facts.status === 'CONVERTED');
    expect(converted.length).toBeGreaterThan(15);
    const byKey = new Map(all.map((s) => [s.key, s]));
    for (const o of converted) {
      const key = /^suggestion:\{(.+)\}$/.exec(o.facts.converted_ref!)![1]!;
      const s = byKey.get(key)!;
      expect(s, o.trackingCode).toBeDefined();
      expect(s.opinionTrackingCodes).toContain(o.trackingCode);
      expect(s.events[0]).toMatchObject({
        action: 'from_opinion',
        at: o.events.find((e) => e.action === 'convert')!.at,
      });
      expect(s.facts.period).toBe('recess');
    }
  });

  it('publishes redacted texts: no names, no phone numbers', () => {
    const names = [
      ...data.representatives.map((r) => r.name),
      ...data.units.map((u) => u.contactName),
      ...all.flatMap((s) => s.replies.map((r) => r.signer)),
    ];
    const published = all.filter((s) => s.facts.published_at !== null);
    expect(published.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const s of published) {
      const text = `${s.facts.published_title}${s.facts.published_body}${s.facts.published_reply}`;
      for (const name of names) if (text.includes(name)) leaks.push(`${s.key}: ${name}`);
      if (/\d{7,}/.test(text)) leaks.push(`${s.key}: a number`);
    }
    expect(leaks).toEqual([]);
  });

  it('leaves work waiting for every demo account', () => {
    const mine = (username: string) => data.accounts.find((a) => a.username === username)!;
    for (const username of ['rep.city', 'rep.donghu', 'rep.xikou', 'rep.hubin']) {
      const rep = mine(username).representativeCode!;
      const led = all.filter((s) => s.leadRepresentativeCode === rep);
      expect(led.filter((s) => s.facts.status === 'DRAFT').length, username).toBeGreaterThanOrEqual(2);
      expect(
        led.some((s) => s.facts.status === 'DRAFT' && s.signers.some((x) => x.status === 'invited')),
        username,
      ).toBe(true);
      expect(
        led.some((s) => s.facts.status === 'REPLIED'),
        username,
      ).toBe(true);
      expect(
        all.some(
          (s) =>
            s.facts.status === 'DRAFT' &&
            s.signers.some(
              (x) => x.representativeCode === rep && x.role === 'cosigner' && x.status === 'invited',
            ),
        ),
        username,
      ).toBe(true);
    }
    for (const username of ['unit.zjj', 'unit.water', 'unit.donghu.zjj']) {
      const unit = mine(username).unitCode!;
      const held = all.filter((s) => s.units.some((u) => u.unitCode === unit && u.role === 'lead'));
      expect(held.filter((s) => s.facts.status === 'ASSIGNED').length, username).toBeGreaterThanOrEqual(2);
      const handling = held.filter((s) => s.facts.status === 'IN_PROGRESS');
      expect(
        handling.some((s) => s.facts.last_contact_round === null),
        username,
      ).toBe(true);
      expect(
        handling.some((s) => s.facts.last_contact_round === 0),
        username,
      ).toBe(true);
      expect(
        all.some((s) => s.commitments.some((c) => c.unitCode === unit && c.status === 'open')),
        username,
      ).toBe(true);
    }
    for (const [username, congress] of [
      ['staff', '339900-c'],
      ['staff.donghu', '339902-c'],
    ] as const) {
      const theirs = all.filter((s) => s.congressCode === congress);
      for (const state of ['SUBMITTED', 'REGISTERED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED'])
        expect(
          theirs.some((s) => s.facts.status === state),
          `${username} ${state}`,
        ).toBe(true);
    }
    expect(all.some((s) => s.supervisorUsername === 'leader' && s.facts.status === 'ESCALATED')).toBe(true);
    expect(all.filter((s) => s.supervisorUsername === 'leader').length).toBeGreaterThanOrEqual(5);
  });

  it('writes the demo accounts’ notices as the services would, what still waits unread', () => {
    const notices = data.notifications.filter((n) => n.linkSuggestionKey !== null);
    const keys = new Set(all.map((s) => s.key));
    for (const n of notices) {
      expect(keys.has(n.linkSuggestionKey!)).toBe(true);
      expect(n.kind).toMatch(/^suggestion\./);
      expect(n.createdAt <= nowIso).toBe(true);
      if (n.readAt !== null) expect(n.readAt >= n.createdAt && n.readAt <= nowIso).toBe(true);
    }
    const unread = (username: string, kind: string) =>
      notices.filter((n) => n.username === username && n.kind === kind && n.readAt === null).length;
    expect(unread('rep.donghu', 'suggestion.invited')).toBeGreaterThan(0);
    expect(unread('rep.donghu', 'suggestion.replied')).toBeGreaterThan(0);
    expect(unread('unit.donghu.zjj', 'suggestion.assigned')).toBeGreaterThan(0);
    expect(unread('staff', 'suggestion.submitted')).toBeGreaterThan(0);
    expect(unread('staff', 'suggestion.return_requested')).toBeGreaterThan(0);
    expect(unread('staff.donghu', 'suggestion.extension_requested')).toBeGreaterThan(0);
    expect(notices.some((n) => n.username === 'leader')).toBe(true);
  });
});
