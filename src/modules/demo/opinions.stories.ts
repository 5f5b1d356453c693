/**
 * The paths an item takes through the loop, told as stories over an OpinionSimulation: rejected
 * with guidance, merged into an earlier case, answered on the spot by a representative, taken up
 * as a representative's suggestion, or handed to a unit (交办) — signed, sometimes returned and
 * reassigned, sometimes extended, replied, rated, re-handled after 不满意, closed, published.
 * Most steps are on time; some are late, and a few items are neglected, so the overdue lists have
 * something to show. A story stops by itself where it reaches the present.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { Rating, RejectionReason, ReplyResult } from '../opinions/opinions.vocab.ts';
import { REJECTION_REASON_LABELS } from '../opinions/opinions.vocab.ts';
import type { DemoRepresentative, DemoStation, DemoUnit } from './demo.types.ts';
import type { Arrival } from './opinions.intake.ts';
import { Cast, CITIZEN } from './opinions.cast.ts';
import {
  acceptNote,
  approveExtensionNote,
  assignNote,
  contactNote,
  extensionReason,
  ratingComment,
  redact,
  refuseExtensionNote,
  refuseReturnNote,
  rehandleReply,
  replySummary,
  returnReason,
  triageNote,
} from './opinions.phrases.ts';
import type { Scene } from './opinions.places.ts';
import type { Route } from './opinions.routing.ts';
import type { OpinionSimulation, SimActor, SimEnv } from './opinions.simulator.ts';
import type { ReplyFacts, Topic } from './opinions.topics.ts';
import {
  addDays,
  citizenMoment,
  later,
  officeMoment,
  workingDateAfter,
  zhDate,
  zhDay,
} from './opinions.time.ts';
import type { Random } from './random.ts';
import type { ConversionDesk, ConversionPlan } from './suggestions.conversion.ts';

/** What every path needs: the item, who is around, and chance. */
export interface Beginning {
  r: Random;
  env: SimEnv;
  cast: Cast;
  sim: OpinionSimulation;
  arrival: Arrival;
  /** Submitted in the last few weeks: pending decisions and slow items are more likely to show. */
  recent: boolean;
}

export interface Story extends Beginning {
  topic: Topic;
  scene: Scene;
  route: Route;
  content: string;
  /** The submitter's name (to redact), and whether they can be phoned back. */
  submitterName: string | null;
  reachable: boolean;
  /** Assigned to a unit with a demo log-in just now: it waits in that unit's inbox to be signed. */
  hold?: boolean;
}

const RESULTS: readonly ReplyResult[] = ['solved', 'partially_solved', 'explained'];

/** How citizens rate, by the reply's result (first round). */
const RATING_BY_RESULT: Record<ReplyResult, readonly (readonly [Rating, number])[]> = {
  solved: [
    ['satisfied', 84],
    ['basically_satisfied', 13],
    ['unsatisfied', 3],
  ],
  partially_solved: [
    ['satisfied', 42],
    ['basically_satisfied', 40],
    ['unsatisfied', 18],
  ],
  explained: [
    ['satisfied', 45],
    ['basically_satisfied', 33],
    ['unsatisfied', 22],
  ],
};
const RATING_AFTER_REHANDLING: readonly (readonly [Rating, number])[] = [
  ['satisfied', 42],
  ['basically_satisfied', 33],
  ['unsatisfied', 25],
];
const RATING_ON_SPOT: readonly (readonly [Rating, number])[] = [
  ['satisfied', 70],
  ['basically_satisfied', 24],
  ['unsatisfied', 6],
];

/** Who does the triage: the station's officer for most station items, else the staff. */
function triager(s: Beginning): SimActor {
  const station = s.arrival.station;
  return station && s.r.chance(0.7) ? s.cast.officerOf(station) : s.cast.staffFor(s.arrival.jurisdictionCode);
}

/** When the first response comes: mostly within the 2 working days, sometimes late, rarely very late. */
function ackMoment(s: Beginning): Date {
  const { r } = s;
  const n = r.chance(0.015)
    ? r.int(7, 20)
    : r.chance(0.06)
      ? r.int(3, 6)
      : r.weighted([
          [0, 55],
          [1, 35],
          [2, 10],
        ]);
  return officeMoment(s.env.days, r, s.sim.last, n);
}

/** A unit's result, by the topic's odds; offices that are rated on it solve a little more than the odds say. */
function resultOf(s: Story): ReplyResult {
  const w = s.topic.results ?? [6, 3, 1];
  return s.r.weighted(RESULTS.map((res, i) => [res, (w[i] ?? 1) * (i === 0 ? 1.5 : 1)] as const));
}

// ── the five paths ──────────────────────────────────────────────────────────────────────────

export function rejectStory(s: Beginning, reason: RejectionReason, note: string): void {
  const { r, sim } = s;
  const by = triager(s);
  const guidance = REJECTION_REASON_LABELS[reason].guidance.zh;
  if (reason !== 'emergency' && r.chance(0.25)) {
    // Taken up first, and found on a closer look to be a matter for another channel.
    if (!sim.accept(ackMoment(s), by, acceptNote(r), null, null)) return;
    sim.reject(
      officeMoment(s.env.days, r, sim.last, r.int(1, 3)),
      s.cast.staffFor(s.arrival.jurisdictionCode),
      reason,
      note,
      guidance,
    );
    return;
  }
  const at = reason === 'emergency' ? later(sim.last, r.int(10, 50)) : ackMoment(s);
  sim.reject(at, by, reason, note, guidance);
}

export function mergeStory(s: Beginning, target: string): void {
  s.sim.merge(
    ackMoment(s),
    triager(s),
    target,
    `您反映的问题与已受理的${target}号事项为同一问题，已并案办理，办理结果将一并告知您。`,
  );
}

/**
 * Taken up as a representative's suggestion: the opinion is accepted, then converted — by the
 * representative it was left with or by the staff, for a congress whose units can handle it
 * (suggestions.conversion.ts) — and its converted_ref points at the suggestion drafted from it.
 * Returns who converted it, when and for which congress, or null when the story stopped first.
 */
export function convertStory(
  s: Story,
  desk: ConversionDesk,
  ref: string,
): { at: Date; plan: ConversionPlan } | null {
  const { r, sim } = s;
  if (!sim.accept(ackMoment(s), triager(s), acceptNote(r), triageNote(r), s.topic.category)) return null;
  const rep = s.arrival.representative;
  const wanted =
    rep && r.chance(0.7) ? s.cast.representative(rep) : s.cast.staffFor(s.arrival.jurisdictionCode);
  const at = officeMoment(s.env.days, r, sim.last, r.int(2, 10));
  const plan = desk.plan(s.arrival.jurisdictionCode, s.topic.category, rep, wanted, at);
  const done = sim.convert(
    at,
    plan.by,
    ref,
    '您的意见已被人大代表吸收，形成代表建议，将按代表建议办理程序交办，办理情况可在本页查看。',
    '该问题具有普遍性，转为代表建议推动系统解决。',
  );
  return done ? { at, plan } : null;
}

/** At a reception desk, on a grid visit, at the counter or on the phone: answered there and then. */
export function onSpotStory(s: Story): void {
  const { r, sim, arrival } = s;
  const rep: DemoRepresentative | null = arrival.representative;
  const station: DemoStation | null = arrival.station;
  const by = rep
    ? s.cast.representative(rep)
    : station
      ? s.cast.officerOf(station)
      : s.cast.staffFor(arrival.jurisdictionCode);
  const at = later(sim.last, arrival.channel === 'phone' ? r.int(1, 5) : r.int(5, 40));
  const result = r.weighted<ReplyResult>([
    ['explained', 7],
    ['solved', 2],
    ['partially_solved', 1],
  ]);
  const facts: ReplyFacts = {
    unit: by.name ?? '',
    we: '',
    contact: by.name ?? '',
    tel: '',
    d1: zhDay(at),
    d2: zhDay(at),
    plan: zhDate(addDays(beijingDateOf(at), 14)),
  };
  const content = (s.topic.onSpot ?? s.topic.reply.explained)(s.scene, facts, r);
  if (!sim.answerOnSpot(at, by, result, content)) return;
  if (!feedback(s, RATING_ON_SPOT, 0.75)) return;
  // 不满意 with an on-the-spot answer: back to triage, and on to a unit.
  if (sim.state === 'ACCEPTED') unitStory(s);
}

/** 交办: assigned, signed, perhaps returned or extended, replied, rated, re-handled, closed, published. */
export function unitStory(s: Story): void {
  const { r, sim, env, cast } = s;
  const staff = cast.staffFor(s.arrival.jurisdictionCode);
  if (sim.state === 'SUBMITTED') {
    const at = s.hold ? officeMoment(env.days, r, sim.last, 0) : ackMoment(s);
    if (!sim.accept(at, triager(s), acceptNote(r), triageNote(r), s.topic.category)) return;
  }
  const assign = (unit: DemoUnit): boolean => {
    const n = s.hold
      ? 0
      : r.weighted([
          [0, 6],
          [1, 3],
          [2, 1],
        ]);
    const at = officeMoment(env.days, r, sim.last, n);
    const due = zhDate(workingDateAfter(env.days, at, env.policy.replyWorkingDays));
    return sim.assign(at, staff, unit.code, unit.name, assignNote(r, due)) !== null;
  };
  const sign = (unit: DemoUnit): boolean => {
    // A showcase item is not signed before the present: it waits in the demo unit's inbox.
    const n = s.hold
      ? 30
      : r.chance(0.02)
        ? r.int(4, 12)
        : r.chance(0.07)
          ? r.int(2, 4)
          : r.weighted([
              [0, 6],
              [1, 4],
            ]);
    return sim.sign(officeMoment(env.days, r, sim.last, n), cast.unitActor(unit), unit.shortName);
  };

  let unit = s.route.unit;
  const wrong = s.hold ? null : s.route.alternative;
  if (wrong && r.chance(s.recent ? 0.2 : 0.04)) {
    // Sent first to the office below (or beside) the right one, which asks to hand it back.
    if (!assign(wrong)) return;
    if (r.chance(0.3) && !sign(wrong)) return;
    const asked = officeMoment(env.days, r, sim.last, r.int(0, 1));
    if (!sim.requestReturn(asked, cast.unitActor(wrong), returnReason(r, unit.name))) return;
    const decided = officeMoment(env.days, r, sim.last, s.recent ? r.int(1, 4) : r.int(0, 2));
    if (r.chance(0.75)) {
      if (!sim.approveReturn(decided, staff, `同意退回，改交${unit.name}办理。`)) return;
      if (!assign(unit)) return;
    } else {
      if (!sim.refuseReturn(decided, staff, refuseReturnNote(r))) return;
      unit = wrong;
    }
  } else if (!assign(unit)) {
    return;
  }
  if (sim.state === 'ASSIGNED' && !sign(unit)) return;
  const signedAt = sim.last;

  let lateChance = 0.09;
  if (r.chance(s.recent ? 0.2 : 0.07)) {
    const days = r.pick([5, 10, 15].filter((d) => d <= env.policy.maxExtensionWorkingDays));
    const asked = officeMoment(env.days, r, sim.last, r.int(4, 10));
    if (!sim.requestExtension(asked, cast.unitActor(unit), days, extensionReason(r, s.topic.category)))
      return;
    const decided = officeMoment(env.days, r, sim.last, s.recent ? r.int(1, 4) : r.int(0, 2));
    if (r.chance(0.8)) {
      const granted = r.chance(0.75) ? days : Math.max(5, days - 5);
      if (!sim.approveExtension(decided, staff, granted, approveExtensionNote(r, granted))) return;
      lateChance = 0.04;
    } else {
      if (!sim.refuseExtension(decided, staff, refuseExtensionNote(r))) return;
      lateChance = 0.45;
    }
  }
  if (!reply(s, unit, signedAt, lateChance, false)) return;
  if (!feedback(s, RATING_BY_RESULT[sim.facts.last_result ?? 'solved'], 0.85)) return;
  if (sim.state === 'REHANDLING') {
    if (!reply(s, unit, sim.last, 0.15, true)) return;
    if (!feedback(s, RATING_AFTER_REHANDLING, 0.8)) return;
  }
  if (sim.state === 'CLOSED') publish(s, unit);
}

// ── the steps shared by the paths ───────────────────────────────────────────────────────────

/** The unit's reply: mostly in the last days before the deadline, sometimes after it. */
function reply(s: Story, unit: DemoUnit, since: Date, lateChance: number, rehandling: boolean): boolean {
  const { r, sim, env, cast } = s;
  const due = sim.facts.reply_due ? new Date(sim.facts.reply_due) : since;
  const left = Math.max(1, env.days.between(sim.last, due));
  const n = r.chance(lateChance)
    ? left + r.int(1, 10)
    : r.chance(0.7)
      ? r.int(Math.max(1, Math.ceil(left * 0.35)), left)
      : r.int(1, left);
  const at = officeMoment(env.days, r, sim.last, n);
  const span = Math.max(0, at.getTime() - since.getTime());
  const d1 = new Date(since.getTime() + span * 0.25);
  const d2 = new Date(since.getTime() + span * 0.7);
  const facts: ReplyFacts = {
    unit: unit.name,
    we: Cast.we(unit),
    contact: unit.contactName,
    tel: cast.landline(unit),
    d1: zhDay(d1),
    d2: zhDay(d2),
    plan: zhDate(addDays(beijingDateOf(at), r.int(12, 45))),
  };
  const result = rehandling
    ? r.weighted<ReplyResult>([
        ['solved', 5],
        ['partially_solved', 3],
        ['explained', 2],
      ])
    : resultOf(s);
  const content = rehandling
    ? (s.topic.rehandle ?? ((sc, f, rr) => rehandleReply(sc, f, rr, result === 'solved')))(s.scene, facts, r)
    : s.topic.reply[result](s.scene, facts, r);
  return sim.reply(
    at,
    cast.unitActor(unit),
    result,
    content,
    contactNote(r, zhDay(d2), !s.reachable),
    replySummary(r, unit.shortName),
  );
}

/**
 * The feedback window: a rating by the citizen (or one the staff record on a follow-up call), or
 * no rating and the window expires. Returns false when the story stopped.
 */
function feedback(s: Story, weights: readonly (readonly [Rating, number])[], rateChance: number): boolean {
  const { r, sim, env } = s;
  if (!r.chance(rateChance)) return sim.expireFeedback();
  const rating = r.weighted(weights);
  const replied = sim.last;
  const due = sim.facts.feedback_due ?? replied.toISOString();
  let by: SimActor = CITIZEN;
  let at = citizenMoment(
    r,
    replied,
    r.weighted([
      [0, 4],
      [1, 3],
      [2, 2],
      [3, 1],
      [4, 1],
      [5, 0.6],
      [6, 0.4],
    ]),
  );
  if (s.reachable && r.chance(0.22)) {
    // 回访: the staff phone the citizen and record the rating.
    const call = officeMoment(env.days, r, replied, r.int(1, 3));
    if (call.toISOString() < due) {
      at = call;
      by = s.cast.staffFor(s.arrival.jurisdictionCode);
    }
  }
  if (at.toISOString() >= due) at = later(replied, r.int(30, 300));
  return sim.rate(at, by, rating, ratingComment(r, rating));
}

/** With the submitter's consent, a well-rated case is published, redacted. */
function publish(s: Story, unit: DemoUnit): void {
  const { r, sim, env } = s;
  const f = sim.facts;
  if (!sim.consentPublish || f.last_rating === 'unsatisfied' || f.last_result === 'explained') return;
  if (!r.chance(0.65)) return;
  const by = r.chance(0.3) ? s.cast.cityStaff() : s.cast.staffFor(s.arrival.jurisdictionCode);
  const people = [s.submitterName, unit.contactName].filter((p): p is string => p !== null);
  const lastReply = sim.replies.at(-1)?.content ?? '';
  sim.publish(
    officeMoment(env.days, r, sim.last, r.int(2, 15)),
    by,
    redact(s.content, people, [s.scene.company]),
    redact(lastReply, people, [s.scene.company]),
  );
}
