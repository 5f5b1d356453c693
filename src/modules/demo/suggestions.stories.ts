/**
 * How a registered case is handled, told over a SuggestionSimulation: assigned (交办, sometimes
 * first to the wrong office, which asks to return it; sometimes with co-units and 重点督办),
 * signed, the co-units' opinions within a month (a few late), the lead unit's contact with the
 * representative before it replies, now and then an extension, the reply (A/B/C; class B with
 * its commitments), the evaluation within 15 working days or none, re-handling after 不满意 and
 * escalation when it is still 不满意, publication of about half the closed cases, and the
 * commitments' progress across the year. Most steps are on time, some late; a story stops by
 * itself where it reaches the present.
 */
import { addMonthsToDate } from '../suggestions/suggestions.deadlines.ts';
import type { EvaluationRating, ReplyClass } from '../suggestions/suggestions.vocab.ts';
import { beijingDateOf } from '../../lib/working-days.ts';
import type { DemoCongress, DemoRepresentative, DemoUnit } from './demo.types.ts';
import { citizenMoment, dateOfDay, dayOf, later, officeMoment } from './opinions.time.ts';
import type { Random } from './random.ts';
import type { Person, SuggestionCast } from './suggestions.cast.ts';
import {
  approveExtensionNote,
  approveReturnNote,
  assignNote,
  coOpinion,
  contactMeans,
  contactSummary,
  evaluationComment,
  extensionReason,
  progressNote,
  redactForPublication,
  refuseExtensionNote,
  refuseReturnNote,
  replyLetter,
  resolveEscalationNote,
  returnReason,
} from './suggestions.phrases.ts';
import type { SugEnv } from './suggestions.simulator.ts';
import type { SuggestionSimulation } from './suggestions.steps.ts';
import type { Place, SuggestionTopic } from './suggestions.topics.ts';

/** What the handling needs of a topic (a suggestion's or a motion's). */
export type HandlingTopic = Pick<
  SuggestionTopic,
  'category' | 'unit' | 'co' | 'classes' | 'field' | 'done' | 'plan' | 'commitments' | 'limit'
>;

export interface Story {
  r: Random;
  env: SugEnv;
  people: SuggestionCast;
  sim: SuggestionSimulation;
  congress: DemoCongress;
  staff: Person;
  leadRep: DemoRepresentative;
  lead: Person;
  topic: HandlingTopic;
  place: Place;
  /** 市十六届人大五次会议 … for a session case, null between sessions. */
  session: string | null;
  /** The leader who supervises 重点督办 cases of this congress (null: none in the staff's scope). */
  supervisor: string | null;
  /** 签发人: who signs a unit's letters. */
  signerOf: (unit: DemoUnit) => string;
}

/** How the handling goes, drawn for a case or set for a showcase. */
export interface Handling {
  key: boolean;
  /** Flag 重点督办 after assignment instead of at it. */
  keyLater: boolean;
  coUnits: number;
  /** 'stray': sent first to another office, which asks to return it; 'refused': the right office asks and is refused. */
  misroute: 'none' | 'stray' | 'refused';
  extension: 'none' | 'approved' | 'shortened' | 'refused';
  late: boolean;
  /** Left lying for months past the deadline: the overdue list. */
  neglected: boolean;
  evaluates: boolean;
}

const DAY = 86_400_000;
const RATINGS: readonly EvaluationRating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
const RESULT_BY_CLASS: Record<ReplyClass, readonly number[]> = {
  A: [86, 13, 1],
  B: [62, 36, 2],
  C: [35, 58, 7],
};
const RESULT_AFTER_REHANDLING: readonly number[] = [45, 45, 10];

export function drawHandling(r: Random, key: boolean): Handling {
  const misroute = r.chance(0.05) ? (r.chance(0.7) ? 'stray' : 'refused') : 'none';
  const extension = r.chance(0.08)
    ? r.weighted<Handling['extension']>([
        ['approved', 60],
        ['shortened', 25],
        ['refused', 15],
      ])
    : 'none';
  return {
    key,
    keyLater: key && r.chance(0.3),
    coUnits: r.chance(0.32) ? (r.chance(0.8) ? 1 : 2) : 0,
    misroute,
    extension,
    late: r.chance(0.06),
    neglected: r.chance(0.04),
    evaluates: r.chance(0.97),
  };
}

/** A moment in office hours `n` working days after `from`, never before the case's last move. */
export function office(s: Pick<Story, 'r' | 'env' | 'sim'>, from: Date, n: number): Date {
  const at = officeMoment(s.env.days, s.r, from, n);
  return at.getTime() > s.sim.last.getTime() ? at : officeMoment(s.env.days, s.r, s.sim.last, 0);
}

const endOfMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The reply letter and its commitments, for a class. */
export function replyOf(
  s: Story,
  unit: DemoUnit,
  coUnits: readonly DemoUnit[],
  cls: ReplyClass,
  at: Date,
  rehandle: boolean,
): { body: string; commitments: { content: string; dueDate: string }[] } {
  const { r, place, topic } = s;
  const date = beijingDateOf(at);
  const commitments =
    cls === 'B'
      ? r
          .sample(topic.commitments(place, r), r.int(1, 2))
          .map((c) => ({ content: c.content, dueDate: endOfMonth(addMonthsToDate(date, c.months)) }))
          .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))
      : [];
  const text =
    cls === 'A' ? topic.done(place, r) : cls === 'B' ? topic.plan(place, r) : topic.limit(place, r);
  const body = replyLetter(
    {
      leadName: s.leadRep.name,
      title: s.sim.facts.title,
      session: s.session,
      field: topic.field,
      replyClass: cls,
      text,
      commitments,
      coUnits: coUnits.map((u) => u.name),
      unitName: unit.name,
      date,
      contactName: unit.contactName,
      tel: s.people.cast.landline(unit),
      rehandle,
    },
    r,
  );
  return { body, commitments };
}

function classOf(s: Story, rehandle: boolean): ReplyClass {
  // The units' answers lean a little more to 已解决 than each topic's odds (the year's A share is about 55 %).
  const w = rehandle ? [45, 45, 10] : (s.topic.classes ?? [55, 35, 10]);
  return s.r.weighted<ReplyClass>([
    ['A', w[0]! * 1.25],
    ['B', w[1]! * 0.9],
    ['C', w[2]! * 0.9],
  ]);
}

/** The representative's evaluation: attitude mostly 满意, result by the reply's class. */
function ratingsOf(s: Story, rehandle: boolean): { attitude: EvaluationRating; result: EvaluationRating } {
  const cls = s.sim.facts.reply_class ?? 'A';
  const w = rehandle ? RESULT_AFTER_REHANDLING : RESULT_BY_CLASS[cls];
  const result = s.r.weighted(RATINGS.map((x, i) => [x, w[i]!] as const));
  const attitude = s.r.weighted<EvaluationRating>([
    ['satisfied', result === 'unsatisfied' ? 50 : 92],
    ['basically_satisfied', result === 'unsatisfied' ? 40 : 8],
    ['unsatisfied', result === 'unsatisfied' ? 10 : 0],
  ]);
  return { attitude, result };
}

/** 交办 and everything after it, from `assignAt`. */
export function handle(s: Story, assignAt: Date, h: Handling): void {
  const { r, sim, people, congress, staff } = s;
  const right = people.leadUnit(congress, s.topic, s.place);
  if (!right) throw new Error(`${sim.key}: no unit handles ${s.topic.category} for ${congress.code}`);
  const co = r.sample(people.coUnits(congress, s.topic, s.place, right), h.coUnits);
  const key = h.key && !h.keyLater ? { on: true, supervisor: s.supervisor } : null;
  const assign = (unit: DemoUnit, coUnits: readonly DemoUnit[], at: Date) =>
    sim.assign(
      at,
      staff,
      unit.code,
      coUnits.map((u) => u.code),
      key,
      assignNote(r, h.key && !h.keyLater),
    );

  const unit = right;
  const strays = people.strayUnits(congress, right);
  // Sent first to another office, which asks within the 5 working days to hand it back — shown
  // only where the request has been made by now (a misrouted case is never left lying unasked).
  const asked = officeMoment(s.env.days, r, assignAt, r.int(1, 3));
  if (h.misroute === 'stray' && strays.length > 0 && asked.getTime() <= s.env.now.getTime()) {
    const stray = r.pick(strays);
    if (!assign(stray, [], assignAt)) return;
    const signAt = officeMoment(s.env.days, r, assignAt, 0);
    if (r.chance(0.3) && signAt.getTime() < asked.getTime() && !sim.sign(signAt, people.unitActor(stray)))
      return;
    if (!sim.requestReturn(asked, people.unitActor(stray), returnReason(r, s.topic.field, right.name)))
      return;
    if (!sim.approveReturn(office(s, asked, r.int(1, 3)), staff, approveReturnNote(right.name))) return;
    if (!assign(right, co, office(s, sim.last, r.int(1, 4)))) return;
  } else {
    if (!assign(right, co, assignAt)) return;
    if (h.misroute === 'refused' && strays.length > 0) {
      const asked = office(s, sim.last, r.int(1, 3));
      if (
        !sim.requestReturn(asked, people.unitActor(unit), returnReason(r, s.topic.field, r.pick(strays).name))
      )
        return;
      if (!sim.refuseReturn(office(s, asked, r.int(1, 2)), staff, refuseReturnNote(r))) return;
    }
  }
  const t0 = new Date(sim.facts.assigned_at!);
  if (sim.state === 'ASSIGNED') {
    const n = r.chance(0.05)
      ? r.int(3, 6)
      : r.weighted([
          [0, 5],
          [1, 4],
          [2, 1],
        ] as const);
    if (!sim.sign(office(s, sim.last, n), people.unitActor(unit))) return;
  }
  const signedAt = sim.last;

  // The weeks of handling: co-units' opinions and contacts, the lead unit's contact, 重点督办, an extension.
  const agenda: { at: Date; run: () => boolean }[] = [];
  for (const c of co) {
    const when = r.chance(0.06) ? null : r.chance(0.1) ? r.int(23, 35) : r.int(5, 20);
    if (when !== null) {
      const at = officeMoment(s.env.days, r, t0, when);
      agenda.push({
        at,
        run: () => sim.coOpinion(at, c.code, people.unitActor(c), coOpinion(r, c.shortName, s.topic.field)),
      });
    }
    if (r.chance(0.15)) {
      const at = officeMoment(s.env.days, r, t0, r.int(6, 25));
      agenda.push({ at, run: () => contact(s, c, at, false) });
    }
  }
  const contactAt = officeMoment(s.env.days, r, signedAt, r.int(6, 28));
  agenda.push({ at: contactAt, run: () => contact(s, unit, contactAt, false) });
  if (h.keyLater) {
    const at = officeMoment(s.env.days, r, signedAt, r.int(3, 15));
    agenda.push({ at, run: () => sim.flagKey(at, staff, s.supervisor) });
  }
  agenda.sort((a, b) => a.at.getTime() - b.at.getTime());
  const due = () => new Date(sim.facts.reply_due!);
  for (const item of agenda) {
    if (item.at.getTime() < sim.last.getTime()) continue;
    if (!item.run()) return;
  }

  let lateChance = h.late;
  if (h.extension !== 'none') {
    // Asked for some weeks before the deadline: to a month or two later, never past T0 + 6 months.
    const dueAt = due();
    let at = officeMoment(s.env.days, r, new Date(dueAt.getTime() - r.int(12, 30) * DAY), 0);
    if (at.getTime() <= sim.last.getTime()) at = office(s, sim.last, 1);
    const dueDate = beijingDateOf(dueAt);
    const max = beijingDateOf(new Date(sim.facts.max_reply_due!));
    const wanted = [addMonthsToDate(dueDate, r.int(1, 2)), addMonthsToDate(dueDate, 3)]
      .map((d) => (d > max ? max : d))
      .find((d) => sim.canExtendTo(d));
    if (wanted && at.getTime() < dueAt.getTime()) {
      if (!sim.requestExtension(at, people.unitActor(unit), wanted, extensionReason(r, s.topic.field)))
        return;
      const decided = office(s, at, r.int(1, 4));
      if (h.extension === 'refused') {
        if (!sim.refuseExtension(decided, staff, refuseExtensionNote(r))) return;
        lateChance = r.chance(0.4);
      } else {
        const shorter = addMonthsToDate(dueDate, 1);
        const until =
          h.extension === 'shortened' && shorter < wanted && sim.canExtendTo(shorter) ? shorter : null;
        if (!sim.approveExtension(decided, staff, until, approveExtensionNote(r))) return;
      }
    }
  }
  if (!answer(s, unit, co, lateChance, false, h.neglected)) return;
  if (!evaluation(s, h.evaluates, false)) return;
  if (sim.state === 'REHANDLING') {
    const again = office(s, sim.last, r.int(2, 8));
    if (!contact(s, unit, again, true)) return;
    if (!answer(s, unit, co, r.chance(0.1), true)) return;
    if (!evaluation(s, r.chance(0.96), true)) return;
  }
  if (sim.state === 'ESCALATED' && r.chance(0.6)) {
    if (!sim.resolveEscalation(office(s, sim.last, r.int(10, 40)), staff, resolveEscalationNote(r))) return;
  }
  if (sim.state === 'CLOSED') publish(s, unit);
}

/** 沟通联系, logged the day it happened or a few days later. */
export function contact(s: Story, unit: DemoUnit, at: Date, rehandle: boolean): boolean {
  const { r, sim } = s;
  const assigned = dayOf(new Date(sim.facts.assigned_at!));
  const onDay = Math.max(assigned, dayOf(at) - (r.chance(0.6) ? 0 : r.int(1, 4)));
  const means = contactMeans(r);
  return sim.contact(
    at,
    unit.code,
    s.people.unitActor(unit),
    dateOfDay(onDay),
    means,
    contactSummary(r, means, s.topic.field, rehandle),
  );
}

/** The lead unit's reply: mostly in the last weeks before the deadline, sometimes after it. */
function answer(
  s: Story,
  unit: DemoUnit,
  co: readonly DemoUnit[],
  late: boolean,
  rehandle: boolean,
  neglected = false,
): boolean {
  const { r, sim, env } = s;
  const due = new Date(sim.facts.reply_due!);
  const left = Math.max(1, env.days.between(sim.last, due));
  const n = neglected
    ? left + r.int(50, 180)
    : late
      ? left + r.int(2, 25)
      : r.chance(0.65)
        ? r.int(Math.max(1, Math.ceil(left * 0.45)), left)
        : r.int(1, left);
  const at = office(s, sim.last, n);
  const cls = classOf(s, rehandle);
  const { body, commitments } = replyOf(s, unit, co, cls, at, rehandle);
  return sim.reply(at, s.people.unitActor(unit), cls, s.signerOf(unit), body, commitments);
}

/** The representative evaluates within the 15 working days, or lets the window pass. */
function evaluation(s: Story, evaluates: boolean, rehandle: boolean): boolean {
  const { r, sim } = s;
  if (!evaluates) {
    // No evaluation: the scheduler closes the case when the window runs out.
    return sim.idle(new Date(Date.parse(sim.facts.evaluation_due!) + 2 * 60_000));
  }
  const due = Date.parse(sim.facts.evaluation_due!);
  let at = citizenMoment(
    r,
    sim.last,
    r.weighted([
      [1, 3],
      [2, 3],
      [4, 2],
      [7, 2],
      [12, 1],
    ] as const),
  );
  if (at.getTime() > due) at = later(sim.last, r.int(60, 600));
  const { attitude, result } = ratingsOf(s, rehandle);
  const worse = RATINGS[Math.max(RATINGS.indexOf(attitude), RATINGS.indexOf(result))]!;
  return sim.evaluate(at, s.lead, s.leadRep.code, attitude, result, evaluationComment(r, worse));
}

/** About half the closed cases are published, redacted, by the staff. */
function publish(s: Story, unit: DemoUnit): void {
  const { r, sim } = s;
  const f = sim.facts;
  const good = f.result_rating !== 'unsatisfied' && f.close_reason !== 'unevaluated';
  if (!r.chance(good ? 0.62 : 0.2)) return;
  const people = [
    s.leadRep.name,
    ...sim.signers.map((x) => s.people.representative(x.representativeCode).name),
    unit.contactName,
    s.signerOf(unit),
  ];
  const reply = sim.replies.at(-1)?.body ?? '';
  sim.publish(
    office(s, sim.last, r.int(3, 25)),
    s.staff,
    f.title,
    redactForPublication(`${f.background}\n${f.proposals}`, people),
    redactForPublication(reply, people),
  );
}

/**
 * The commitments of class-B replies, followed until done: progress every few months, done
 * around the date promised (most), some still open after it.
 */
export function followCommitments(s: Story): void {
  const { r, sim, env } = s;
  sim.commitments.forEach((c, i) => {
    const unit = s.people.unitActor(s.people.unit(c.unitCode));
    const due = Date.parse(`${c.dueDate}T12:00:00+08:00`);
    // Most are kept around the date promised; the others are still open after it.
    const keeps = r.chance(0.85);
    const doneAt = officeMoment(env.days, r, new Date(due - r.int(5, 40) * 86_400_000), 0);
    let at = officeMoment(env.days, r, new Date(c.createdAt), r.int(25, 55));
    for (let stage = 0; ; stage++) {
      const done = keeps && at.getTime() >= doneAt.getTime();
      const when = done
        ? new Date(Math.max(doneAt.getTime(), Date.parse(c.progress.at(-1)?.at ?? c.createdAt) + 86_400_000))
        : at;
      if (when.getTime() > env.now.getTime()) return;
      const staff = r.chance(0.1);
      const note = progressNote(r, stage, done);
      if (!sim.progress(i, when, staff ? s.staff : unit, staff ? 'staff' : 'lead_unit', note, done)) return;
      if (done) return;
      at = officeMoment(env.days, r, at, r.int(35, 80));
    }
  });
}
