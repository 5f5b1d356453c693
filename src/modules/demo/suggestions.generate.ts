/**
 * A year of representatives' suggestions and motions for the demo city (DESIGN.md §4.2), before
 * the seeding date: the session burst and the suggestions between sessions of the city's, the
 * districts' and the county's congresses, a town's and a street's (volumes in suggestions.plan.ts),
 * the opinions the demo converted (each becomes a suggestion drafted from it, linked both ways),
 * and the cases the demo log-ins find waiting (suggestions.showcase.ts). Each case is a spec told
 * through the simulator over the real state machine; duplicates are merged into the case on the
 * same subject (their stories run first, then the target's with its signers joining at the
 * merge); case numbers and letters' document numbers are given once all cases are known; the demo
 * accounts' notices come from what the services wrote. Pure and repeatable: the same seed, date
 * and limits give the same rows.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { SuggestionLimits } from '../suggestions/suggestions.deadlines.ts';
import type {
  DemoAccount,
  DemoCongress,
  DemoNotification,
  DemoRepresentative,
  DemoSeat,
  DemoUnit,
} from './demo.types.ts';
import { isWithin, type Geography } from './jurisdictions.ts';
import { NameBook } from './names.ts';
import { SceneBook } from './opinions.places.ts';
import { citizenMoment, dayOfDate, officeMoment, officialCalendar, WorkingDays } from './opinions.time.ts';
import type { Random } from './random.ts';
import type { SuggestionCast } from './suggestions.cast.ts';
import type { Conversion } from './suggestions.conversion.ts';
import { inviteAnswers, pickCosigners, runIntake, type Intake } from './suggestions.intake.ts';
import { buildSuggestionNotifications, type NoticedCase } from './suggestions.notifications.ts';
import { numberCases, numberReplies } from './suggestions.numbers.ts';
import {
  congressPlans,
  placeOf,
  recessSpecs,
  sessionSpecs,
  SUGGESTION_TOPICS,
  textOf,
  titlesAt,
  type CaseSpec,
  type PlanContext,
} from './suggestions.plan.ts';
import { showcaseSpecs } from './suggestions.showcase.ts';
import type { Absorb, SugEnv } from './suggestions.simulator.ts';
import { SuggestionSimulation } from './suggestions.steps.ts';
import { drawHandling, followCommitments, handle, type Story } from './suggestions.stories.ts';
import type { DemoCaseCounter, DemoSuggestion } from './suggestions.types.ts';

/** DESIGN.md §4.2's defaults, as config.ts sets them when nothing is configured. */
export const DEFAULT_SUGGESTION_LIMITS: SuggestionLimits = {
  returnWorkingDays: 5,
  coOpinionMonths: 1,
  replyMonths: 3,
  maxReplyMonths: 6,
  evaluationWorkingDays: 15,
  rehandleMonths: 1,
  maxRehandleRounds: 1,
  dueSoonWorkingDays: 10,
  minMotionCosigners: 10,
  minMotionCosignersTownship: 5,
};

export interface SuggestionInputs {
  rng: Random;
  geo: Geography;
  congresses: readonly DemoCongress[];
  representatives: readonly DemoRepresentative[];
  seats: readonly DemoSeat[];
  units: readonly DemoUnit[];
  accounts: readonly DemoAccount[];
  /** The people of the suggestions (the same cast the opinions' conversions were planned with). */
  people: SuggestionCast;
  conversions: readonly Conversion[];
  now: Date;
  limits: SuggestionLimits;
  usedNames: ReadonlySet<string>;
}

export interface SuggestionOutputs {
  suggestions: DemoSuggestion[];
  suggestionCounters: DemoCaseCounter[];
  notifications: DemoNotification[];
}

interface RunContext {
  env: SugEnv;
  people: SuggestionCast;
  leader: string;
  signerOf: (unit: DemoUnit) => string;
}

/** One case, told from its draft to where it rests now; returns the simulation and what joins a merge target. */
function runSpec(
  rc: RunContext,
  spec: CaseSpec,
  absorbs: readonly Absorb[],
): { sim: SuggestionSimulation; absorb: Absorb | null } | null {
  const { env, people } = rc;
  const { intake, text, congress } = spec;
  if (intake.createdAt.getTime() > env.now.getTime()) return null;
  const initial = spec.initial ?? (intake.edits.length > 0 ? { ...text, proposals: '' } : text);
  const sim = new SuggestionSimulation(env, {
    key: spec.key,
    kind: spec.kind,
    congress,
    period: spec.period,
    sessionNumber: spec.session?.number ?? null,
    leadCode: spec.lead.code,
    title: initial.title,
    category: initial.category,
    background: initial.background,
    proposals: initial.proposals,
    basis: initial.basis,
    at: intake.createdAt,
    how: intake.how,
    by: intake.creator,
    byStaff: intake.byStaff,
    ...(spec.opinionCode ? { opinionCode: spec.opinionCode } : {}),
  });
  for (const a of absorbs) sim.scheduleAbsorb(a);
  const staff = people.staffOf(congress);
  const lead = people.person(spec.lead);
  const story: Story = {
    r: spec.r,
    env,
    people,
    sim,
    congress,
    staff,
    leadRep: spec.lead,
    lead,
    topic: spec.topic ?? SUGGESTION_TOPICS[0]!,
    place: spec.place,
    session: spec.session?.label ?? null,
    supervisor: congress.level === 'city' ? rc.leader : null,
    signerOf: rc.signerOf,
  };
  let absorb: Absorb | null = null;
  const f = spec.fate;
  if (!runIntake(sim, people, lead, intake, text)) {
    if (f.kind === 'withdraw' && f.stage === 'draft') sim.withdraw(f.at, lead, f.reason);
  } else {
    switch (f.kind) {
      case 'open':
        break;
      case 'withdraw':
        if (f.registerAt === null || sim.register(f.registerAt, staff)) sim.withdraw(f.at, lead, f.reason);
        break;
      case 'refuse':
        sim.refuse(f.at, staff, f.reason, f.note);
        break;
      case 'merge':
        absorb = sim.merge(
          f.at,
          staff,
          { key: f.targetKey, title: f.targetTitle },
          `与“${f.targetTitle}”反映的问题相同，并案办理。`,
        );
        break;
      case 'register':
        if (sim.register(f.at, staff) && f.assignAt !== null) {
          if (spec.custom) spec.custom(story);
          else handle(story, f.assignAt, spec.handling);
        }
        break;
    }
  }
  sim.finish();
  if (spec.follow !== false) followCommitments(story);
  return { sim, absorb };
}

/** The suggestion drafted from each converted opinion: by who converted it, for that congress. */
function conversionSpecs(ctx: PlanContext, conversions: readonly Conversion[], rng: Random): CaseSpec[] {
  return conversions.map((c) => {
    const r = rng.fork(c.trackingCode);
    const congress = ctx.people.congress(c.congressCode);
    const date = beijingDateOf(c.at);
    const serving = ctx.people.serving(congress.code, date);
    const near = (code: string) => serving.filter((x) => isWithin(x.homeCode, code));
    const lead = c.leadCode
      ? ctx.people.representative(c.leadCode)
      : r.pick(
          [
            near(ctx.geo.townshipOf(c.villageCode).code),
            near(ctx.geo.countyOf(c.villageCode).code),
            serving,
          ].find((l) => l.length > 0)!,
        );
    const topic = SUGGESTION_TOPICS.find((t) => t.key === c.topicKey);
    if (!topic) throw new Error(`no suggestion topic ${c.topicKey}`);
    const place = placeOf(ctx, congress, r, c.villageCode, Number(date.slice(0, 4)), c.scene);
    const own = textOf(topic, place, r, titlesAt(ctx, congress));
    const fromOpinion = `群众反映（${c.trackingCode}）：\n${c.content}`;
    const text = { ...own, category: c.category, background: `${fromOpinion}\n${own.background}` };
    const edited = citizenMoment(r, c.at, r.int(1, 6));
    const submitAt = citizenMoment(r, edited, r.int(0, 5));
    const n = r.chance(0.45) ? r.int(1, 3) : 0;
    const invite =
      n > 0
        ? inviteAnswers(r, pickCosigners(r, ctx.people, congress, lead, date, n), edited, submitAt, false)
        : null;
    const intake: Intake = {
      createdAt: c.at,
      how: 'from_opinion',
      creator: { username: c.by.username, name: c.by.name },
      byStaff: c.by.kind === 'staff',
      edits: [edited],
      invite:
        invite && invite.at.getTime() > edited.getTime() && invite.at.getTime() < submitAt.getTime()
          ? invite
          : null,
      submitAt,
    };
    const screenAt = officeMoment(ctx.env.days, r, submitAt, r.int(1, 6));
    return {
      key: c.key,
      r,
      congress,
      kind: 'suggestion' as const,
      period: 'recess' as const,
      session: null,
      lead,
      topic,
      topicKey: topic.key,
      text,
      place,
      intake,
      fate: {
        kind: 'register' as const,
        at: screenAt,
        assignAt: officeMoment(ctx.env.days, r, screenAt, r.int(1, 8)),
      },
      handling: drawHandling(r, false),
      opinionCode: c.trackingCode,
      initial: {
        title: own.title,
        category: c.category,
        background: fromOpinion,
        proposals: '',
        basis: null,
      },
    };
  });
}

/**
 * Every case created at its own instant (the insert matches ids back by it): a case drafted in
 * the same second as another is moved on by a second. A draft from an opinion keeps the instant
 * of the conversion, which happened in the same transaction.
 */
function uniqueCreation(specs: readonly CaseSpec[]): void {
  const taken = new Set<number>();
  for (const s of specs.filter((x) => x.intake.how === 'from_opinion')) {
    const t = s.intake.createdAt.getTime();
    if (taken.has(t)) throw new Error(`two opinions converted at ${s.intake.createdAt.toISOString()}`);
    taken.add(t);
  }
  for (const s of specs.filter((x) => x.intake.how !== 'from_opinion')) {
    let t = s.intake.createdAt.getTime();
    while (taken.has(t)) t += 1000;
    taken.add(t);
    if (s.intake.how === 'create_submitted') s.intake = { ...s.intake, submitAt: new Date(t) };
    s.intake = { ...s.intake, createdAt: new Date(t) };
  }
}

export function buildSuggestions(inp: SuggestionInputs): SuggestionOutputs {
  const { rng, geo, now, people } = inp;
  const cal = officialCalendar();
  const today = beijingDateOf(now);
  const days = new WorkingDays(cal, dayOfDate(today) - 430, dayOfDate(today) + 430);
  const env: SugEnv = { cal, days, limits: inp.limits, now };
  const accounts = new Map(inp.accounts.map((a) => [a.username, a]));
  const featured = new Set(inp.accounts.flatMap((a) => (a.representativeCode ? [a.representativeCode] : [])));
  const ctx: PlanContext = {
    env,
    geo,
    people,
    scenes: new SceneBook(geo),
    today,
    featured,
    leads: new Map(),
    leader: 'leader',
    titles: new Map(),
  };

  const specs: CaseSpec[] = [];
  for (const plan of congressPlans(geo, people)) {
    const r = rng.fork(plan.congress.code);
    specs.push(...sessionSpecs(ctx, plan, r.fork('session')), ...recessSpecs(ctx, plan, r.fork('recess')));
  }
  specs.push(...conversionSpecs(ctx, inp.conversions, rng.fork('conversions')));
  specs.push(
    ...showcaseSpecs(
      ctx,
      rng.fork('showcase'),
      (u) => people.representative(accounts.get(u)!.representativeCode!),
      (u) => people.unit(accounts.get(u)!.unitCode!),
    ),
  );

  uniqueCreation(specs);

  const signers = new NameBook(rng.fork('signers'), new Set(inp.usedNames));
  const heads = new Map(
    inp.units.map((u) => [u.code, signers.next(rng.fork(`head/${u.code}`).chance(0.3) ? 'female' : 'male')]),
  );
  const rc: RunContext = { env, people, leader: ctx.leader, signerOf: (u) => heads.get(u.code)! };

  // Merged cases first: their merges tell the targets who joins them, and when.
  const absorbs = new Map<string, Absorb[]>();
  const sims = new Map<string, SuggestionSimulation>();
  const merging = specs.filter((s) => s.fate.kind === 'merge');
  for (const spec of merging) {
    const out = runSpec(rc, spec, []);
    if (!out) continue;
    sims.set(spec.key, out.sim);
    if (out.absorb && spec.fate.kind === 'merge') {
      const list = absorbs.get(spec.fate.targetKey) ?? [];
      list.push(out.absorb);
      absorbs.set(spec.fate.targetKey, list);
    }
  }
  for (const spec of specs) {
    if (spec.fate.kind === 'merge') continue;
    const out = runSpec(rc, spec, absorbs.get(spec.key) ?? []);
    if (out) sims.set(spec.key, out.sim);
  }

  const ordered = specs.filter((s) => sims.has(s.key));
  const suggestions = ordered.map((s) => sims.get(s.key)!.toDemo(s.lead.code));
  const suggestionCounters = numberCases(suggestions);
  numberReplies(suggestions, new Map(inp.units.map((u) => [u.code, u])), geo, rng.fork('documents'));
  const cases: NoticedCase[] = ordered.map((s, i) => ({
    suggestion: suggestions[i]!,
    notices: sims.get(s.key)!.notices,
  }));
  return {
    suggestions,
    suggestionCounters,
    notifications: buildSuggestionNotifications(cases, inp.accounts, people.cast, now),
  };
}
