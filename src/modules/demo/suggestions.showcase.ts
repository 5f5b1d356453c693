/**
 * The cases the demo log-ins find waiting (README "Demo log-ins"), set out from the seeding date
 * backwards so they are there whatever the date: each representative account has a draft, a
 * draft with an invitation it sent still unanswered, an invitation to co-sign and a reply to
 * evaluate; each unit account has cases to sign, cases in progress with and without a contact,
 * and open commitments (one overdue); the city's and 东湖区's staff have cases to screen and to
 * assign, a return and an extension request to decide; the leader has 重点督办 cases, one of them
 * escalated, and another escalation the staff settled.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import { addMonthsToDate } from '../suggestions/suggestions.deadlines.ts';
import type { DemoCongress, DemoRepresentative, DemoUnit } from './demo.types.ts';
import { dateOfDay, dayOf, instantOf, officeMoment } from './opinions.time.ts';
import type { Random } from './random.ts';
import { pickCosigners, type Intake } from './suggestions.intake.ts';
import { evaluationComment, resolveEscalationNote, returnReason } from './suggestions.phrases.ts';
import {
  placeOf,
  textOf,
  titlesAt,
  topicsFor,
  villageFor,
  type CaseSpec,
  type Fate,
  type PlanContext,
} from './suggestions.plan.ts';
import { contact, drawHandling, office, replyOf, type Story } from './suggestions.stories.ts';
import type { SuggestionTopic } from './suggestions.topics.ts';

const DAY = 86_400_000;

interface Showcase {
  ctx: PlanContext;
  rng: Random;
  today: number;
  out: CaseSpec[];
}

/** An office moment on the working day `n` working days before the day of `at`. */
function before(sc: Showcase, r: Random, at: Date, n: number): Date {
  let day = dayOf(at);
  for (let left = n; left > 0;) {
    day -= 1;
    if (sc.ctx.env.days.isWorking(day)) left -= 1;
  }
  return instantOf(day, r.int(9 * 60, 17 * 60));
}

/** An office moment on the working day `n` working days before today. */
function ago(sc: Showcase, r: Random, n: number): Date {
  return before(sc, r, sc.ctx.env.now, n);
}

/** Drafted, handed in and registered in the days before an assignment at `t0`. */
function leadUp(sc: Showcase, r: Random, t0: Date): { createdAt: Date; submitAt: Date; registerAt: Date } {
  const registerAt = before(sc, r, t0, r.int(2, 4));
  const submitAt = instantOf(dayOf(registerAt) - r.int(1, 3), r.int(19 * 60, 22 * 60));
  const createdAt = instantOf(dayOf(submitAt) - r.int(1, 3), r.int(19 * 60, 22 * 60));
  return { createdAt, submitAt, registerAt };
}

/** An evening `n` days before today, when representatives write. */
function evening(sc: Showcase, r: Random, n: number): Date {
  return instantOf(sc.today - n, r.int(19 * 60, 22 * 60));
}

function add(
  sc: Showcase,
  key: string,
  congress: DemoCongress,
  lead: DemoRepresentative,
  topic: SuggestionTopic,
  r: Random,
  intake: Intake,
  fate: Fate,
  options: { unfinished?: boolean; custom?: CaseSpec['custom'] } = {},
): void {
  const village = villageFor(sc.ctx, congress, r, lead, topic.where) ?? lead.homeCode;
  const place = placeOf(sc.ctx, congress, r, village, Number(beijingDateOf(intake.createdAt).slice(0, 4)));
  const text = textOf(topic, place, r, titlesAt(sc.ctx, congress));
  sc.out.push({
    key: `show/${key}`,
    r,
    congress,
    kind: 'suggestion',
    period: 'recess',
    session: null,
    lead,
    topic,
    topicKey: topic.key,
    text,
    place,
    intake,
    fate,
    handling: drawHandling(r, false),
    follow: false,
    ...(options.unfinished ? { initial: { ...text, proposals: '' } } : {}),
    ...(options.custom ? { custom: options.custom } : {}),
  });
}

const draftIntake = (
  sc: Showcase,
  lead: DemoRepresentative,
  createdAt: Date,
  submitAt: Date | null,
): Intake => ({
  createdAt,
  how: 'create',
  creator: sc.ctx.people.person(lead),
  byStaff: false,
  edits: [],
  invite: null,
  submitAt,
});

/** The four representative accounts: a draft, a draft with a pending invitation, an invitation, a reply to evaluate. */
function forRepresentative(
  sc: Showcase,
  username: string,
  congress: DemoCongress,
  rep: DemoRepresentative,
): void {
  const { ctx } = sc;
  const topics = topicsFor(ctx, congress);
  const r = sc.rng.fork(username);
  const date = dateOfDay(sc.today);
  const pick = () => r.pick(topics);

  // Saved before the proposals were written.
  add(
    sc,
    `${username}/draft`,
    congress,
    rep,
    pick(),
    r.fork('draft'),
    draftIntake(sc, rep, evening(sc, r, 2), null),
    { kind: 'open' },
    { unfinished: true },
  );

  const invited = pickCosigners(r, ctx.people, congress, rep, date, 3);
  const created = evening(sc, r, 8);
  add(
    sc,
    `${username}/inviting`,
    congress,
    rep,
    pick(),
    r.fork('inviting'),
    {
      ...draftIntake(sc, rep, created, null),
      edits: [new Date(created.getTime() + 40 * 60_000)],
      invite: {
        at: evening(sc, r, 7),
        answers: invited.map((code, i) => ({ code, accept: i < 2 ? true : null, at: evening(sc, r, 6 - i) })),
      },
    },
    { kind: 'open' },
  );

  const other = r.pick(ctx.people.serving(congress.code, date).filter((x) => x.code !== rep.code));
  const others = pickCosigners(r, ctx.people, congress, other, date, 2, new Set([rep.code]));
  add(
    sc,
    `${username}/invited`,
    congress,
    other,
    pick(),
    r.fork('invited'),
    {
      ...draftIntake(sc, other, evening(sc, r, 5), null),
      invite: {
        at: evening(sc, r, 4),
        answers: [
          { code: rep.code, accept: null, at: evening(sc, r, 3) },
          ...others.map((code, i) => ({ code, accept: i === 0 ? true : null, at: evening(sc, r, 3) })),
        ],
      },
    },
    { kind: 'open' },
  );

  // A reply of three working days ago, waiting for the representative's evaluation.
  const rr = r.fork('replied');
  const assignAt = ago(sc, rr, 50);
  const { createdAt, submitAt, registerAt } = leadUp(sc, rr, assignAt);
  add(
    sc,
    `${username}/replied`,
    congress,
    rep,
    pick(),
    rr,
    draftIntake(sc, rep, createdAt, submitAt),
    {
      kind: 'register',
      at: registerAt,
      assignAt,
    },
    {
      custom: (s) => {
        const unit = assign(s, assignAt, false);
        if (!unit || !s.sim.sign(office(s, assignAt, 1), s.people.unitActor(unit))) return;
        if (!contact(s, unit, ago(sc, rr, 15), false)) return;
        answer(s, unit, ago(sc, rr, 3), rr.chance(0.5) ? 'A' : 'B');
      },
    },
  );
}

function assign(s: Story, at: Date, key: boolean, unit?: DemoUnit): DemoUnit | null {
  const lead = unit ?? s.people.leadUnit(s.congress, s.topic, s.place)!;
  const ok = s.sim.assign(
    at,
    s.staff,
    lead.code,
    [],
    key ? { on: true, supervisor: s.supervisor } : null,
    null,
  );
  return ok ? lead : null;
}

function answer(
  s: Story,
  unit: DemoUnit,
  at: Date,
  cls: 'A' | 'B' | 'C',
  commitments?: { content: string; dueDate: string }[],
): boolean {
  const reply = replyOf(s, unit, [], cls, at, s.sim.facts.rehandle_rounds > 0);
  return s.sim.reply(
    at,
    s.people.unitActor(unit),
    cls,
    s.signerOf(unit),
    reply.body,
    commitments ?? reply.commitments,
  );
}

/** A case for a unit, from a topic it leads, with its own handling from the assignment. */
function forUnit(
  sc: Showcase,
  key: string,
  congress: DemoCongress,
  unit: DemoUnit,
  assignAt: (r: Random) => Date,
  custom: (s: Story, t0: Date, r: Random) => void,
): void {
  const { ctx } = sc;
  const r = sc.rng.fork(key);
  const topics = topicsFor(ctx, congress).filter(
    (t) =>
      ctx.people.leadUnit(congress, t, placeOf(ctx, congress, r, ctx.geo.villages[0]!.code, 2026))?.code ===
      unit.code,
  );
  const topic = r.pick(topics);
  const t0 = assignAt(r);
  const { createdAt, submitAt, registerAt } = leadUp(sc, r, t0);
  const lead = r.pick(ctx.people.serving(congress.code, beijingDateOf(createdAt)));
  add(
    sc,
    key,
    congress,
    lead,
    topic,
    r,
    draftIntake(sc, lead, createdAt, submitAt),
    { kind: 'register', at: registerAt, assignAt: t0 },
    {
      custom: (s) => custom(s, t0, r),
    },
  );
}

function unitCases(
  sc: Showcase,
  username: string,
  congress: DemoCongress,
  unit: DemoUnit,
  leaderKey: boolean,
): void {
  forUnit(
    sc,
    `${username}/to-sign-1`,
    congress,
    unit,
    (r) => ago(sc, r, 1),
    (s, t0) => void assign(s, t0, false, unit),
  );
  forUnit(
    sc,
    `${username}/to-sign-2`,
    congress,
    unit,
    (r) => ago(sc, r, 2),
    (s, t0) => void assign(s, t0, false, unit),
  );
  forUnit(
    sc,
    `${username}/signed`,
    congress,
    unit,
    (r) => ago(sc, r, 12),
    (s, t0, r) => {
      if (assign(s, t0, false, unit)) s.sim.sign(ago(sc, r, 11), s.people.unitActor(unit));
    },
  );
  forUnit(
    sc,
    `${username}/contacted`,
    congress,
    unit,
    (r) => ago(sc, r, 30),
    (s, t0, r) => {
      if (!assign(s, t0, leaderKey, unit) || !s.sim.sign(ago(sc, r, 29), s.people.unitActor(unit))) return;
      contact(s, unit, ago(sc, r, 5), false);
    },
  );
  // Answered twelve working days ago, rated 不满意: back with the unit for a second round.
  forUnit(
    sc,
    `${username}/rehandling`,
    congress,
    unit,
    (r) => ago(sc, r, 65),
    (s, t0, r) => {
      if (!assign(s, t0, false, unit) || !s.sim.sign(office(s, t0, 1), s.people.unitActor(unit))) return;
      if (!contact(s, unit, ago(sc, r, 30), false) || !answer(s, unit, ago(sc, r, 12), 'C')) return;
      const at = new Date(s.sim.last.getTime() + 2 * DAY);
      s.sim.evaluate(
        at,
        s.lead,
        s.leadRep.code,
        'satisfied',
        'unsatisfied',
        evaluationComment(r, 'unsatisfied'),
      );
    },
  );
  forUnit(
    sc,
    `${username}/commitments`,
    congress,
    unit,
    (r) => officeMoment(sc.ctx.env.days, r, instantOf(sc.today - 150, 0), 0),
    (s, t0, r) => {
      if (!assign(s, t0, false, unit) || !s.sim.sign(office(s, t0, 1), s.people.unitActor(unit))) return;
      if (!contact(s, unit, officeMoment(s.env.days, r, instantOf(sc.today - 100, 0), 0), false)) return;
      const replyAt = officeMoment(s.env.days, r, instantOf(sc.today - 70, 0), 0);
      const promised = s.topic.commitments(s.place, r);
      const commitments = [
        { content: promised[0]!.content, dueDate: dateOfDay(sc.today - 20) },
        {
          content: promised[1]?.content ?? `${promised[0]!.content}（二期）`,
          dueDate: dateOfDay(sc.today + 100),
        },
      ];
      if (!answer(s, unit, replyAt, 'B', commitments)) return;
      if (
        !s.sim.evaluate(
          new Date(replyAt.getTime() + 3 * DAY),
          s.lead,
          s.leadRep.code,
          'satisfied',
          'satisfied',
          evaluationComment(r, 'satisfied'),
        )
      )
        return;
      s.sim.finish();
      s.sim.progress(
        0,
        officeMoment(s.env.days, r, instantOf(sc.today - 35, 0), 0),
        s.people.unitActor(unit),
        'lead_unit',
        '已完成前期调研和方案设计，正在履行审批程序。',
        false,
      );
      s.sim.progress(
        1,
        officeMoment(s.env.days, r, instantOf(sc.today - 30, 0), 0),
        s.people.unitActor(unit),
        'lead_unit',
        '已制定实施方案，正在组织实施。',
        false,
      );
    },
  );
}

/** The staff's waiting work: to screen, to assign, a return and an extension request to decide. */
function staffCases(sc: Showcase, username: string, congress: DemoCongress, extensionUnit: DemoUnit): void {
  const { ctx } = sc;
  const r = sc.rng.fork(username);
  const topics = topicsFor(ctx, congress);
  const date = dateOfDay(sc.today);
  const lead = () => r.pick(ctx.people.serving(congress.code, date));
  for (const i of [1, 2]) {
    const rep = lead();
    add(
      sc,
      `${username}/to-screen-${i}`,
      congress,
      rep,
      r.pick(topics),
      r.fork(`screen${i}`),
      draftIntake(sc, rep, evening(sc, r, 3 + i), evening(sc, r, i)),
      { kind: 'open' },
    );
  }
  const rep = lead();
  const registered = ago(sc, r, 1);
  const waiting = leadUp(sc, r, registered);
  add(
    sc,
    `${username}/to-assign`,
    congress,
    rep,
    r.pick(topics),
    r.fork('assign'),
    draftIntake(sc, rep, waiting.createdAt, waiting.submitAt),
    {
      kind: 'register',
      at: registered,
      assignAt: null,
    },
  );

  // Sent to the wrong office three working days ago; it asks to hand it back.
  const rr = r.fork('return');
  const returnTopic = rr.pick(
    topics.filter(
      (t) =>
        ctx.people.strayUnits(
          congress,
          ctx.people.leadUnit(congress, t, placeOf(ctx, congress, rr, ctx.geo.villages[0]!.code, 2026))!,
        ).length > 0,
    ),
  );
  const back = lead();
  const t0 = ago(sc, rr, 3);
  const sent = leadUp(sc, rr, t0);
  add(
    sc,
    `${username}/return`,
    congress,
    back,
    returnTopic,
    rr,
    draftIntake(sc, back, sent.createdAt, sent.submitAt),
    {
      kind: 'register',
      at: sent.registerAt,
      assignAt: t0,
    },
    {
      custom: (s) => {
        const right = s.people.leadUnit(congress, s.topic, s.place)!;
        const stray = rr.pick(s.people.strayUnits(congress, right));
        if (!assign(s, t0, false, stray)) return;
        s.sim.requestReturn(
          ago(sc, rr, 1),
          s.people.unitActor(stray),
          returnReason(rr, s.topic.field, right.name),
        );
      },
    },
  );

  // In progress for eighty days; the unit asks for another month.
  forUnit(
    sc,
    `${username}/extension`,
    congress,
    extensionUnit,
    (x) => officeMoment(ctx.env.days, x, instantOf(sc.today - 82, 0), 0),
    (s, at, x) => {
      if (
        !assign(s, at, false, extensionUnit) ||
        !s.sim.sign(office(s, at, 1), s.people.unitActor(extensionUnit))
      )
        return;
      if (!contact(s, extensionUnit, officeMoment(s.env.days, x, instantOf(sc.today - 40, 0), 0), false))
        return;
      const until = addMonthsToDate(beijingDateOf(new Date(s.sim.facts.reply_due!)), 1);
      s.sim.requestExtension(
        ago(sc, x, 1),
        s.people.unitActor(extensionUnit),
        until,
        '该建议涉及项目资金安排，需报政府研究审定，申请延期一个月答复。',
      );
    },
  );
}

/** Two 重点督办 cases the representative was twice 不满意 with: one still escalated, one settled by the staff. */
function escalations(sc: Showcase, congress: DemoCongress, unit: DemoUnit): void {
  for (const [name, start, resolved] of [
    ['escalated', 270, false],
    ['escalation-settled', 320, true],
  ] as const) {
    forUnit(
      sc,
      `staff/${name}`,
      congress,
      unit,
      (r) => officeMoment(sc.ctx.env.days, r, instantOf(sc.today - start + 15, 0), 0),
      (s, t0, r) => {
        const at = (daysAfterT0: number) =>
          officeMoment(s.env.days, r, new Date(t0.getTime() + daysAfterT0 * DAY), 0);
        if (!assign(s, t0, true, unit) || !s.sim.sign(office(s, t0, 1), s.people.unitActor(unit))) return;
        if (!contact(s, unit, at(40), false) || !answer(s, unit, at(80), 'C')) return;
        if (
          !s.sim.evaluate(
            new Date(s.sim.last.getTime() + 4 * DAY),
            s.lead,
            s.leadRep.code,
            'basically_satisfied',
            'unsatisfied',
            evaluationComment(r, 'unsatisfied'),
          )
        )
          return;
        if (
          !contact(s, unit, office(s, s.sim.last, 5), true) ||
          !answer(s, unit, office(s, s.sim.last, 8), 'B')
        )
          return;
        if (
          !s.sim.evaluate(
            new Date(s.sim.last.getTime() + 3 * DAY),
            s.lead,
            s.leadRep.code,
            'satisfied',
            'unsatisfied',
            evaluationComment(r, 'unsatisfied'),
          )
        )
          return;
        if (resolved) s.sim.resolveEscalation(office(s, s.sim.last, 25), s.staff, resolveEscalationNote(r));
      },
    );
  }
}

/** Every showcase case, keyed 'show/<account>/<what>'. */
export function showcaseSpecs(
  ctx: PlanContext,
  rng: Random,
  repOf: (username: string) => DemoRepresentative,
  unitOf: (username: string) => DemoUnit,
): CaseSpec[] {
  const sc: Showcase = { ctx, rng, today: dayOf(ctx.env.now), out: [] };
  const date = dateOfDay(sc.today);
  const congressOf = (rep: DemoRepresentative, levels: readonly string[]) =>
    ctx.people.congressesOf(rep.code, date).find((c) => levels.includes(c.level))!;
  for (const [username, levels] of [
    ['rep.city', ['city']],
    ['rep.donghu', ['county']],
    ['rep.xikou', ['township']],
    ['rep.hubin', ['street']],
  ] as const) {
    const rep = repOf(username);
    forRepresentative(sc, username, congressOf(rep, levels), rep);
  }
  const city = ctx.people.congressOf(ctx.geo.city.code)!;
  const zjj = unitOf('unit.zjj');
  const donghuZjj = unitOf('unit.donghu.zjj');
  const donghu = ctx.people.congressOf(donghuZjj.jurisdictionCode)!;
  unitCases(sc, 'unit.zjj', city, zjj, true);
  unitCases(sc, 'unit.water', city, unitOf('unit.water'), false);
  unitCases(sc, 'unit.donghu.zjj', donghu, donghuZjj, false);
  staffCases(sc, 'staff', city, zjj);
  staffCases(sc, 'staff.donghu', donghu, donghuZjj);
  escalations(sc, city, zjj);
  return sc.out;
}
