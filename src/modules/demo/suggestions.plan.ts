/**
 * The year of suggestions each congress brings, as case specs for the runner: a burst at its
 * yearly session (大会期间) with a few motions, duplicates merged at screening, a few refused or
 * withdrawn; and suggestions between sessions (闭会期间) spread over the twelve months. Each spec
 * says who leads, on what, where, how it is drafted and co-signed, and what the screening does;
 * the handling is drawn per case (suggestions.stories.ts).
 *
 * Volumes (per congress, for the year before the seeding date):
 *
 * | congress | session suggestions | motions | between sessions |
 * |---|---|---|---|
 * | 清江市 (16th, city) | 150 | 4 | 8 a month |
 * | 东湖区, 西岭区 (8th) | 72, 68 | 2 each | 6 a month |
 * | 南溪县 (18th) | 66 | 2 | 5 a month |
 * | 溪口镇 (town) | 14 | 1 | 1 a month |
 * | 湖滨街道 (street deputies) | 9 | 0 | 1 a month |
 *
 * Outcomes at screening: about 3 % refused (不予立案, with a reason of the refusal list), 2 %
 * merged into a case on the same subject, 1.5 % withdrawn; the rest registered. A town's or
 * district's suggestions are about what its units handle (the demo's districts have housing and
 * city-management bureaus, the county housing and farming; streets and towns their own offices).
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { Period, SuggestionKind } from '../suggestions/suggestions.vocab.ts';
import { minMotionCosigners } from '../suggestions/suggestions.deadlines.ts';
import type { DemoCongress, DemoRepresentative } from './demo.types.ts';
import { isWithin, type Geography } from './jurisdictions.ts';
import type { Scene, SceneBook } from './opinions.places.ts';
import { citizenMoment, dayOf, instantOf, officeMoment } from './opinions.time.ts';
import type { CategoryCode } from './opinions.topics.ts';
import type { Random } from './random.ts';
import { SuggestionCast } from './suggestions.cast.ts';
import {
  cosignerCount,
  inviteAnswers,
  pickCosigners,
  type CaseText,
  type Intake,
} from './suggestions.intake.ts';
import { MOTIONS } from './suggestions.motions.ts';
import { REFUSED_TEXTS } from './suggestions.refusals.ts';
import { latestSession, type Session, type SessionShape } from './suggestions.sessions.ts';
import type { SugEnv } from './suggestions.simulator.ts';
import { drawHandling, type Handling, type HandlingTopic, type Story } from './suggestions.stories.ts';
import {
  pickAsks,
  varyTitle,
  type MotionTopic,
  type Place,
  type SuggestionTopic,
  type TopicLevel,
} from './suggestions.topics.ts';
import { LIVING_SUGGESTIONS } from './suggestions.topics.living.ts';
import { SERVICE_SUGGESTIONS } from './suggestions.topics.services.ts';
import { withdrawReason } from './suggestions.refusals.ts';

export const SUGGESTION_TOPICS: readonly SuggestionTopic[] = [...LIVING_SUGGESTIONS, ...SERVICE_SUGGESTIONS];

export type Fate =
  | { kind: 'open' }
  | {
      kind: 'withdraw';
      stage: 'draft' | 'submitted' | 'registered';
      registerAt: Date | null;
      at: Date;
      reason: string;
    }
  | { kind: 'refuse'; at: Date; reason: string; note: string }
  | { kind: 'merge'; at: Date; targetKey: string; targetTitle: string }
  | { kind: 'register'; at: Date; assignAt: Date | null };

export interface CaseSpec {
  key: string;
  r: Random;
  congress: DemoCongress;
  kind: SuggestionKind;
  period: Period;
  session: Session | null;
  lead: DemoRepresentative;
  topic: HandlingTopic | null;
  /** The topic's key (for duplicates and converted opinions). */
  topicKey: string | null;
  text: CaseText;
  place: Place;
  intake: Intake;
  fate: Fate;
  handling: Handling;
  opinionCode?: string;
  /** The text as first saved, when not the final one (a draft left unfinished, or drafted from an opinion). */
  initial?: CaseText;
  /** A showcase's own handling from its assignment, instead of a drawn one. */
  custom?: (s: Story) => void;
  /** Whether the commitments' progress is drawn (a showcase writes its own). */
  follow?: boolean;
}

export interface CongressPlan {
  congress: DemoCongress;
  jurisdictionName: string;
  shape: SessionShape;
  suggestions: number;
  motions: number;
  recessPerMonth: number;
}

export interface PlanContext {
  env: SugEnv;
  geo: Geography;
  people: SuggestionCast;
  scenes: SceneBook;
  today: string;
  /** Representatives with demo log-ins: they lead a little more, so their pages show it. */
  featured: ReadonlySet<string>;
  leads: Map<string, number>;
  /** The leader who supervises the city's 重点督办 cases. */
  leader: string;
  /** Titles already given at each congress: a second case on a subject gets another wording. */
  titles: Map<string, Set<string>>;
}

/** The titles already used at a congress. */
export function titlesAt(ctx: PlanContext, congress: DemoCongress): Set<string> {
  let set = ctx.titles.get(congress.code);
  if (!set) ctx.titles.set(congress.code, (set = new Set()));
  return set;
}

const DAY = 86_400_000;

/** How often each category comes up at the city congress. */
const CITY_WEIGHTS: Record<CategoryCode, number> = {
  housing: 12,
  transport: 9,
  environment: 8,
  education: 10,
  health: 9,
  social_security: 8,
  business: 10,
  agriculture: 7,
  city_management: 10,
  public_safety: 6,
  civil_affairs: 9,
  utilities: 6,
};

/** The congresses with suggestions in the demo, their session's shape and volumes. */
export function congressPlans(geo: Geography, people: SuggestionCast): CongressPlan[] {
  const byCode = (code: string) => people.congressOf(code)!;
  const slug = (s: string) => geo.all.find((j) => j.slug === s)!;
  const county = (
    s: string,
    opens: string,
    suggestions: number,
    motions: number,
    perMonth: number,
  ): CongressPlan => ({
    congress: byCode(slug(s).code),
    jurisdictionName: slug(s).name,
    shape: { opens, length: 3, screeningAfter: [1, 3, 5], assignmentAfter: 12 },
    suggestions,
    motions,
    recessPerMonth: perMonth,
  });
  return [
    {
      congress: byCode(geo.city.code),
      jurisdictionName: geo.city.name,
      shape: { opens: '01-20', length: 4, screeningAfter: [1, 3, 6], assignmentAfter: 15 },
      suggestions: 150,
      motions: 4,
      recessPerMonth: 8,
    },
    county('donghu', '01-06', 72, 2, 6),
    county('xiling', '01-08', 68, 2, 6),
    county('nanxi', '01-13', 66, 2, 5),
    {
      congress: byCode(slug('xikou').code),
      jurisdictionName: slug('xikou').name,
      shape: { opens: '01-27', length: 2, screeningAfter: [1, 2], assignmentAfter: 6 },
      suggestions: 14,
      motions: 1,
      recessPerMonth: 1,
    },
    {
      congress: byCode(slug('hubin').code),
      jurisdictionName: slug('hubin').name,
      shape: { opens: '02-04', length: 1, screeningAfter: [1, 2], assignmentAfter: 6 },
      suggestions: 9,
      motions: 0,
      recessPerMonth: 1,
    },
  ];
}

/** The area words of a congress: 我市/全市, 东湖区/全区, 溪口镇/全镇, 湖滨街道/辖区. */
export function placeOf(
  ctx: PlanContext,
  congress: DemoCongress,
  r: Random,
  villageCode: string,
  year: number,
  seen?: Scene,
): Place {
  const j = ctx.geo.get(congress.jurisdictionCode!);
  const level = SuggestionCast.levelOf(congress);
  const scene = seen ?? ctx.scenes.scene(r, villageCode);
  const whole =
    level === 'city'
      ? '全市'
      : level === 'county'
        ? j.name.endsWith('县')
          ? '全县'
          : '全区'
        : j.name.endsWith('街道')
          ? '辖区'
          : '全镇';
  return {
    ...scene,
    area: level === 'city' ? '我市' : j.name,
    whole,
    level,
    year,
    countyCode: ctx.geo.countyOf(villageCode).code,
    townshipCode: ctx.geo.townshipOf(villageCode).code,
    villageCode,
  };
}

/** A village for a topic: the lead's home when it fits (a farming topic needs a village), else one in the area. */
export function villageFor(
  ctx: PlanContext,
  congress: DemoCongress,
  r: Random,
  lead: DemoRepresentative,
  where: 'rural' | 'urban' | undefined,
): string | null {
  const fits = (code: string) => where === undefined || ctx.geo.isRuralVillage(code) === (where === 'rural');
  const inArea = (code: string) => isWithin(code, congress.jurisdictionCode!);
  if (inArea(lead.homeCode) && fits(lead.homeCode)) return lead.homeCode;
  const near = ctx.geo.villages.filter((v) => inArea(v.code) && fits(v.code));
  if (near.length === 0) return null;
  const county = ctx.geo.countyOf(lead.homeCode).code;
  const sameCounty = near.filter((v) => isWithin(v.code, county));
  return r.pick(sameCounty.length > 0 ? sameCounty : near).code;
}

export function topicsFor(ctx: PlanContext, congress: DemoCongress): SuggestionTopic[] {
  const level = SuggestionCast.levelOf(congress);
  const hasVillage = (where: 'rural' | 'urban' | undefined) =>
    ctx.geo.villages.some(
      (v) =>
        isWithin(v.code, congress.jurisdictionCode!) &&
        (where === undefined || ctx.geo.isRuralVillage(v.code) === (where === 'rural')),
    );
  return SUGGESTION_TOPICS.filter(
    (t) => t.levels.includes(level) && ctx.people.handles(congress, t.category) && hasVillage(t.where),
  );
}

function motionsFor(ctx: PlanContext, congress: DemoCongress): MotionTopic[] {
  const level: TopicLevel = SuggestionCast.levelOf(congress);
  return MOTIONS.filter((t) => t.levels.includes(level) && ctx.people.handles(congress, t.category));
}

function pickTopic(r: Random, congress: DemoCongress, topics: readonly SuggestionTopic[]): SuggestionTopic {
  const city = congress.level === 'city';
  return r.weighted(
    topics.map((t) => [t, (t.weight ?? 1) * (city ? CITY_WEIGHTS[t.category] / 3 : 1)] as const),
  );
}

/** A lead serving on the congress on that day, spreading the cases over its members. */
export function pickLead(
  ctx: PlanContext,
  r: Random,
  congress: DemoCongress,
  date: string,
): DemoRepresentative {
  const pool = ctx.people.serving(congress.code, date);
  if (pool.length === 0) throw new Error(`nobody serves on ${congress.code} on ${date}`);
  const lead = r.weighted(
    pool.map((p) => {
      const n = ctx.leads.get(p.code) ?? 0;
      return [p, (ctx.featured.has(p.code) ? 4 : 1) / (1 + n * n * 2)] as const;
    }),
  );
  ctx.leads.set(lead.code, (ctx.leads.get(lead.code) ?? 0) + 1);
  return lead;
}

/** A text on the topic, its title not yet used at the congress when another wording can be found. */
export function textOf(topic: SuggestionTopic, place: Place, r: Random, used?: Set<string>): CaseText {
  let title = topic.title(place, r);
  for (let attempt = 1; used?.has(title) && attempt <= 6; attempt++)
    title = attempt <= 3 ? topic.title(place, r) : varyTitle(title, place, r, attempt - 3);
  for (let attempt = 1; used?.has(title) && attempt <= 3; attempt++)
    title = varyTitle(topic.title(place, r), place, r, attempt);
  used?.add(title);
  return {
    title,
    category: topic.category,
    background: topic.background(place, r),
    proposals: pickAsks(place, r, topic.asks),
    basis: null,
  };
}

function motionText(topic: MotionTopic, place: Place, r: Random): CaseText {
  return {
    title: topic.title(place, r),
    category: topic.category,
    background: topic.background(place, r),
    proposals: topic.proposals(place, r),
    basis: topic.basis(place, r),
  };
}

/** The drafting of a case by its lead: when, the autosaves, the co-signers, the submission. */
function leadIntake(
  ctx: PlanContext,
  r: Random,
  congress: DemoCongress,
  lead: DemoRepresentative,
  kind: SuggestionKind,
  createdAt: Date,
  submitAt: Date | null,
): Intake {
  const date = beijingDateOf(createdAt);
  const min = minMotionCosigners(congress.level, ctx.env.limits);
  const n = cosignerCount(r, kind, min);
  const last = submitAt ?? new Date(createdAt.getTime() + 10 * DAY);
  const edits = r.chance(0.55)
    ? [citizenMoment(r, createdAt, 0), ...(r.chance(0.4) ? [citizenMoment(r, createdAt, 1)] : [])].filter(
        (t) => t.getTime() < last.getTime(),
      )
    : [];
  const codes = n > 0 ? pickCosigners(r, ctx.people, congress, lead, date, n) : [];
  let invite = codes.length > 0 ? inviteAnswers(r, codes, createdAt, last, kind === 'motion') : null;
  if (invite && invite.at.getTime() >= last.getTime()) invite = null;
  if (kind === 'motion') {
    if (!invite) throw new Error(`${congress.code}: a motion drafted too late to gather co-signers`);
    // A motion goes in with enough co-signers: more are asked until enough have accepted.
    const taken = new Set(codes);
    const from = invite.at.getTime();
    while (invite.answers.filter((a) => a.accept === true).length < min + 1) {
      const more = pickCosigners(r, ctx.people, congress, lead, date, 1, taken);
      if (more.length === 0) throw new Error(`${congress.code}: too few members for a motion`);
      taken.add(more[0]!);
      const at = Math.min(from + r.int(20, 600) * 60_000, last.getTime() - r.int(5, 60) * 60_000);
      invite.answers.push({ code: more[0]!, accept: true, at: new Date(Math.max(at, from + 60_000)) });
    }
    if (invite.answers.some((a) => a.at.getTime() >= last.getTime()))
      throw new Error('motion answered too late');
  }
  const by = ctx.people.person(lead);
  return { createdAt, how: 'create', creator: by, byStaff: false, edits, invite, submitAt };
}

const SESSION_HOURS: [number, number] = [8 * 60, 21 * 60];

/** The session's cases: drafted before or at the session, handed in during it, screened after it. */
export function sessionSpecs(ctx: PlanContext, plan: CongressPlan, rng: Random): CaseSpec[] {
  const { congress } = plan;
  const session = latestSession(congress, plan.jurisdictionName, plan.shape, ctx.env.days, ctx.today);
  if (!session) return [];
  const staff = ctx.people.staffOf(congress);
  const topics = topicsFor(ctx, congress);
  const motions = motionsFor(ctx, congress);
  const year = Number(beijingDateOf(instantOf(session.days[0]!, 600)).slice(0, 4));
  const specs: CaseSpec[] = [];
  const total = plan.suggestions + Math.min(plan.motions, motions.length);
  const motionTopics = rng.sample(motions, Math.min(plan.motions, motions.length));
  for (let i = 0; i < total; i++) {
    const r = rng.fork(`session/${i}`);
    const motion = i < motionTopics.length ? motionTopics[i]! : null;
    const kind: SuggestionKind = motion ? 'motion' : 'suggestion';
    const submitDay = r.pick(motion ? session.days.slice(0, 2) : session.days);
    const submitAt = instantOf(submitDay, r.int(...SESSION_HOURS));
    const lead = pickLead(ctx, r, congress, beijingDateOf(new Date(submitAt.getTime() - 30 * DAY)));
    const refused = !motion && r.chance(0.03) ? r.pick(REFUSED_TEXTS) : null;
    const topic: SuggestionTopic | MotionTopic = motion ?? pickTopic(r, congress, topics);
    const village = villageFor(ctx, congress, r, lead, topic.where) ?? lead.homeCode;
    const place = placeOf(ctx, congress, r, village, year);
    const text = motion
      ? motionText(motion, place, r)
      : refused
        ? refusedText(refused, place, r)
        : textOf(topic as SuggestionTopic, place, r, titlesAt(ctx, congress));
    // Paper suggestions handed in at the session are filed by the staff at once (no co-signers).
    const paper = !motion && r.chance(0.1);
    const createdAt = paper
      ? submitAt
      : motion
        ? citizenMoment(r, instantOf(session.days[0]! - r.int(8, 25), 0), 0)
        : r.chance(0.7)
          ? citizenMoment(r, instantOf(session.days[0]! - r.int(2, 20), 0), 0)
          : new Date(submitAt.getTime() - r.int(60, 600) * 60_000);
    const intake: Intake = paper
      ? {
          createdAt,
          how: 'create_submitted',
          creator: staff,
          byStaff: true,
          edits: [],
          invite: null,
          submitAt,
        }
      : leadIntake(ctx, r, congress, lead, kind, createdAt, submitAt);
    specs.push({
      key: `${congress.code}/S${session.number}/${i + 1}`,
      r,
      congress,
      kind,
      period: 'session',
      session,
      lead,
      topic: refused ? null : topic,
      topicKey: refused ? null : topic.key,
      text,
      place,
      intake,
      fate: refused
        ? { kind: 'refuse', at: submitAt, reason: refused.reason, note: refused.note(place) }
        : { kind: 'open' },
      handling: drawHandling(r, r.chance(congress.level === 'city' ? 0.1 : 0.04)),
    });
  }
  screenSession(ctx, rng.fork('screening'), session, specs);
  return specs;
}

function refusedText(t: (typeof REFUSED_TEXTS)[number], place: Place, r: Random): CaseText {
  return {
    title: t.title(place),
    category: t.category,
    background: t.background(place, r),
    proposals: t.proposals(place),
    basis: null,
  };
}

/**
 * After the session: the staff register the cases in batches (in the order handed in), refuse a
 * few, merge duplicates into the case on the same subject, and assign most at the 交办会.
 */
function screenSession(ctx: PlanContext, r: Random, session: Session, specs: CaseSpec[]): void {
  const order = [...specs].sort((a, b) => a.intake.submitAt!.getTime() - b.intake.submitAt!.getTime());
  // Half the cases in the first batch, then less; one every minute and a half, from 9:00.
  const bounds =
    session.screening.length === 3 ? [0.5, 0.8, 1] : session.screening.length === 2 ? [0.6, 1] : [1];
  const used = session.screening.map(() => 0);
  const screenAt = order.map((_, i) => {
    const batch = bounds.findIndex((b) => i / order.length < b);
    const k = used[batch]!++;
    return new Date(
      instantOf(session.screening[batch]!, 9 * 60).getTime() + k * 90_000 + r.int(0, 50) * 1000,
    );
  });
  const registered: CaseSpec[] = [];
  let assignCursor = 0;
  order.forEach((spec, i) => {
    const at = screenAt[i]!;
    const sr = spec.r;
    if (spec.fate.kind === 'refuse') {
      spec.fate = { ...spec.fate, at };
      return;
    }
    const roll = sr.next();
    const twin =
      spec.kind === 'suggestion' && roll < 0.025
        ? registered.find((t) => t.topicKey === spec.topicKey)
        : undefined;
    if (twin) {
      spec.fate = { kind: 'merge', at, targetKey: twin.key, targetTitle: twin.text.title };
      return;
    }
    const submitAt = spec.intake.submitAt!;
    if (spec.kind === 'suggestion' && roll > 0.985 && spec.intake.how === 'create') {
      const stage = sr.pick(['draft', 'submitted', 'registered'] as const);
      const reason = withdrawReason(sr);
      if (stage === 'draft') {
        // Taken back before it was handed in, once the co-signers had answered.
        const moves = [
          spec.intake.createdAt,
          ...spec.intake.edits,
          ...(spec.intake.invite
            ? [spec.intake.invite.at, ...spec.intake.invite.answers.map((a) => a.at)]
            : []),
        ].map((d) => d.getTime());
        const created = Math.max(...moves);
        spec.intake = { ...spec.intake, submitAt: null };
        spec.fate = {
          kind: 'withdraw',
          stage,
          registerAt: null,
          at: new Date(created + sr.int(30, 600) * 60_000),
          reason,
        };
      } else if (stage === 'submitted') {
        spec.fate = {
          kind: 'withdraw',
          stage,
          registerAt: null,
          at: new Date((submitAt.getTime() + at.getTime()) / 2),
          reason,
        };
      } else {
        spec.fate = {
          kind: 'withdraw',
          stage,
          registerAt: at,
          at: officeMoment(ctx.env.days, sr, at, sr.int(1, 4)),
          reason,
        };
      }
      return;
    }
    const assignAt = sr.chance(0.12)
      ? officeMoment(ctx.env.days, sr, instantOf(session.assignment, 12 * 60), sr.int(1, 12))
      : new Date(instantOf(session.assignment, 9 * 60 + 30).getTime() + assignCursor++ * 45_000);
    spec.fate = { kind: 'register', at, assignAt };
    registered.push(spec);
  });
}

/** Between sessions: a few a month, drafted, handed in within days, screened and assigned one by one. */
export function recessSpecs(ctx: PlanContext, plan: CongressPlan, rng: Random): CaseSpec[] {
  const { congress } = plan;
  const topics = topicsFor(ctx, congress);
  const session = latestSession(congress, plan.jurisdictionName, plan.shape, ctx.env.days, ctx.today);
  const busy = new Set(session?.days ?? []);
  const first = dayOf(ctx.env.now) - 365;
  const count = Math.round(plan.recessPerMonth * 12);
  const specs: CaseSpec[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`recess/${i}`);
    let day = first + r.int(0, 364);
    while (busy.has(day)) day += 1;
    const createdAt = citizenMoment(r, instantOf(day, 0), 0);
    if (createdAt.getTime() > ctx.env.now.getTime()) continue;
    const date = beijingDateOf(createdAt);
    const lead = pickLead(ctx, r, congress, date);
    const refused = r.chance(0.025) ? r.pick(REFUSED_TEXTS) : null;
    const topic = pickTopic(r, congress, topics);
    const village = villageFor(ctx, congress, r, lead, topic.where) ?? lead.homeCode;
    const place = placeOf(ctx, congress, r, village, Number(date.slice(0, 4)));
    const text = refused ? refusedText(refused, place, r) : textOf(topic, place, r, titlesAt(ctx, congress));
    const submitAt = citizenMoment(r, createdAt, r.int(1, 8));
    const intake = leadIntake(ctx, r, congress, lead, 'suggestion', createdAt, submitAt);
    const screenAt = officeMoment(ctx.env.days, r, submitAt, r.int(1, 6));
    let fate: Fate;
    if (refused) fate = { kind: 'refuse', at: screenAt, reason: refused.reason, note: refused.note(place) };
    else if (r.chance(0.015))
      fate = {
        kind: 'withdraw',
        stage: 'submitted',
        registerAt: null,
        at: citizenMoment(r, submitAt, 1),
        reason: withdrawReason(r),
      };
    else
      fate = {
        kind: 'register',
        at: screenAt,
        assignAt: officeMoment(ctx.env.days, r, screenAt, r.int(1, 8)),
      };
    if (fate.kind === 'withdraw' && fate.at.getTime() >= screenAt.getTime())
      fate = {
        kind: 'register',
        at: screenAt,
        assignAt: officeMoment(ctx.env.days, r, screenAt, r.int(1, 8)),
      };
    specs.push({
      key: `${congress.code}/R/${i + 1}`,
      r,
      congress,
      kind: 'suggestion',
      period: 'recess',
      session: null,
      lead,
      topic: refused ? null : topic,
      topicKey: refused ? null : topic.key,
      text,
      place,
      intake,
      fate,
      handling: drawHandling(r, r.chance(congress.level === 'city' ? 0.07 : 0.03)),
    });
  }
  return specs;
}
