/**
 * The year's programme besides the reception days, as the seeds describe the work: each local
 * congress's research (调研), inspections (视察), law-enforcement checks (执法检查), special inquiries
 * (专题询问), trainings (培训), consultations (“局长·代表面对面”, 人大代表议事会), broadcasts (进直播间),
 * themed campaigns (主题活动) and supervision of the year's livelihood projects (督查项目); each
 * group's activities (代表小组活动, the professional groups' research among them); each station's
 * lectures (代表讲堂), talks (人大代表议事厅) and reports to voters (向选民报告履职). Research before a
 * suggestion was submitted is where the suggestion was formed: the activity links it as an output.
 * Numbers are per year and scaled down for towns; dates avoid 春节 and weekends (lectures and
 * community events apart) and crowd into spring and autumn, as congress work does.
 */
import { DUTY, MEETING, type Habits, type Plan } from './activities.people.ts';
import {
  agendaOf,
  bodyOf,
  BROADCASTS,
  CAMPAIGNS,
  GROUP_TOPICS,
  INQUIRIES,
  LAWS,
  LECTURES,
  pointsOf,
  PROJECTS,
  roomOf,
  SUBJECTS,
  TALKS,
  turnout,
  type Body,
  type Subject,
} from './activities.phrases.ts';
import type { Invitee, Outcome, Skeleton } from './activities.skeleton.ts';
import type { World } from './activities.world.ts';
import type { DemoCongress, DemoGroup, DemoStation } from './demo.types.ts';
import type { Scene } from './opinions.places.ts';
import { addDays, beijingInstant } from './opinions.time.ts';
import type { Random } from './random.ts';
import type { DemoSuggestion } from './suggestions.types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type SlotName = 'morning' | 'afternoon' | 'day' | 'evening' | 'weekend' | 'two_days';
const SLOTS: Record<SlotName, { start: string; end: string; days: number }> = {
  morning: { start: '09:00', end: '11:30', days: 0 },
  afternoon: { start: '14:30', end: '17:00', days: 0 },
  day: { start: '09:00', end: '16:30', days: 0 },
  evening: { start: '19:00', end: '20:30', days: 0 },
  weekend: { start: '09:30', end: '11:00', days: 0 },
  two_days: { start: '08:30', end: '17:00', days: 1 },
};

/** Times of an activity held on `date` in a slot. */
export function timesOf(w: World, date: string, slot: SlotName): { startsAt: string; endsAt: string } {
  const s = SLOTS[slot];
  return { startsAt: w.at(date, s.start), endsAt: w.at(addDays(date, s.days), s.end) };
}

/**
 * When the organiser entered it: one to three weeks before, in office hours; never after the
 * seeding instant (an activity a few days ahead was entered in the last days).
 */
export function createdBefore(
  r: Random,
  w: World,
  startsAt: string,
  days: [number, number] = [7, 20],
): string {
  const start = Date.parse(startsAt);
  const date = new Date(start + 8 * HOUR - r.int(days[0], days[1]) * DAY).toISOString().slice(0, 10);
  let at = beijingInstant(date, r.int(8 * 60 + 40, 17 * 60 + 20)).getTime();
  const latest = Math.min(w.now.getTime() - r.int(2, 70) * HOUR, start - 2 * HOUR);
  if (at > latest) at = latest;
  return new Date(Math.floor(at / 60_000) * 60_000).toISOString();
}

/** Up to `n` of the people, in random order, always including the ones given. */
function pickPeople(
  r: Random,
  pool: readonly string[],
  n: number,
  include: readonly string[] = [],
): string[] {
  const rest = r.sample(
    pool.filter((c) => !include.includes(c)),
    Math.max(0, n - include.length),
  );
  return [...new Set([...include, ...rest])];
}

function invite(codes: readonly string[], at: string, hosts: readonly string[] = []): Invitee[] {
  return codes.map((code) => ({ code, role: hosts.includes(code) ? 'host' : 'participant', invitedAt: at }));
}

interface Frame {
  typeCode: string;
  title: string;
  organiser: Skeleton['organiser'];
  congressCode?: string;
  stationCode?: string;
  groupCode?: string;
  jurisdictionCode: string;
  date: string;
  slot: SlotName;
  place: string;
  agenda: string;
  manager: string;
  habits?: Habits;
  people: readonly string[];
  hosts?: readonly string[];
  plans?: ReadonlyMap<string, Plan>;
  minutes?: (o: Outcome) => string | null;
  report?: string;
  created?: [number, number];
}

function skeleton(r: Random, w: World, f: Frame): Skeleton {
  const { startsAt, endsAt } = timesOf(w, f.date, f.slot);
  const createdAt = createdBefore(r, w, startsAt, f.created);
  return {
    typeCode: f.typeCode,
    title: f.title,
    organiser: f.organiser,
    congressCode: f.congressCode ?? null,
    stationCode: f.stationCode ?? null,
    groupCode: f.groupCode ?? null,
    jurisdictionCode: f.jurisdictionCode,
    startsAt,
    endsAt,
    place: f.place.slice(0, 200),
    agenda: f.agenda,
    ruleDate: null,
    createdByUsername: f.manager,
    createdAt,
    manager: f.manager,
    habits: f.habits ?? MEETING,
    invitees: invite(f.people, createdAt, f.hosts).map((i) => {
      const plan = f.plans?.get(i.code);
      return plan ? { ...i, plan } : i;
    }),
    ...(f.minutes ? { minutes: f.minutes } : {}),
    ...(f.report ? { report: f.report } : {}),
  };
}

/** Count of things of a kind in a year for a congress of that level. */
const PER_YEAR: Record<string, Record<Body['level'], number>> = {
  research: { city: 6, county: 3, town: 1 },
  inspection: { city: 5, county: 3, town: 1 },
  law_check: { city: 3, county: 1, town: 0 },
  inquiry: { city: 2, county: 1, town: 0 },
  training: { city: 2, county: 1, town: 1 },
  consultation: { city: 4, county: 2, town: 1 },
  livestream: { city: 2, county: 1, town: 0 },
  theme: { city: 2, county: 1, town: 1 },
  project_supervision: { city: 3, county: 2, town: 1 },
};

/** The programme, added to `out` (where the reception days already are); single activities can be added later. */
export class Programme {
  constructor(
    private readonly r: Random,
    private readonly w: World,
    private readonly out: Skeleton[],
  ) {}

  build(): void {
    for (const c of this.w.localCongresses()) this.congress(c);
    this.formedAtResearch();
    for (const g of this.w.data.groups) this.group(g);
    for (const s of this.w.data.stations) this.station(s);
  }

  private scene(jurisdictionCode: string): Scene {
    return this.w.scenes.scene(this.r, this.w.village(this.r, jurisdictionCode));
  }

  private subject(category?: string): Subject {
    const pool = category ? SUBJECTS.filter((s) => s.category === category) : SUBJECTS;
    return this.r.pick(pool.length > 0 ? pool : SUBJECTS);
  }

  private unitName(category: string, jurisdictionCode: string): string {
    return this.w.unitFor(category, jurisdictionCode)?.shortName ?? '有关部门';
  }

  private head(b: Body, o: Outcome): string {
    return `本次活动由${b.name}组织，${turnout(o.invited, o.present, o.onLeave)}。`;
  }

  private points(s: Subject): string {
    return pointsOf(this.r.sample(s.points, Math.min(s.points.length, this.r.int(2, 3))));
  }

  // ── A congress's year ────────────────────────────────────────────────────────────────
  private congress(c: DemoCongress): void {
    const { r, w } = this;
    const b = bodyOf(c, w.geo);
    const j = c.jurisdictionCode!;
    const manager = w.staffFor(j);
    const base = { organiser: 'congress' as const, congressCode: c.code, jurisdictionCode: j, manager };
    const year = Number(w.today.slice(0, 4));
    const members = (date: string) => w.members(c.code, date);
    const add = (f: Omit<Frame, keyof typeof base>) => this.out.push(skeleton(r, w, { ...base, ...f }));
    const times = (kind: string) => {
      const n = PER_YEAR[kind]![b.level];
      return Array.from({ length: n }, () => w.day(r, w.from, w.horizon)).filter(
        (d): d is string => d !== null,
      );
    };

    for (const date of times('research')) {
      const s = this.subject();
      const scene = this.scene(j);
      const site = s.site(scene);
      const unit = this.unitName(s.category, j);
      const slot = r.chance(0.5) ? 'day' : 'morning';
      add({
        typeCode: 'research',
        title: r.pick([
          `${b.reps}${s.name}工作专题调研`,
          `关于${b.whole}${s.name}工作的专题调研`,
          `${b.short}${s.name}情况调研`,
        ]),
        date,
        slot,
        place: `${site}（${scene.township}）`,
        agenda: agendaOf([
          `实地察看${site}`,
          `听取${unit}关于${s.name}工作情况的汇报`,
          '召开座谈会，听取基层干部群众意见',
          '代表交流发言，形成调研意见',
        ]),
        people: pickPeople(r, members(date), r.int(6, 12)),
        minutes: (o) =>
          `${this.head(b, o)}调研组实地察看了${site}等${r.int(2, 4)}处点位，听取了${unit}关于${s.name}工作情况的汇报，并与基层干部群众座谈交流。代表们认为，${b.whole}${s.name}工作总体推进有力，但仍有短板，提出意见建议${r.int(5, 14)}条：${this.points(s)}。调研组将据此形成调研报告，提交${b.short}研究。`,
        ...(r.chance(0.5) ? { report: `关于${b.whole}${s.name}工作情况的调研报告` } : {}),
      });
    }

    for (const date of times('inspection')) {
      const s = this.subject();
      const scene = this.scene(j);
      const site = s.site(scene);
      const unit = this.unitName(s.category, j);
      add({
        typeCode: 'inspection',
        title: r.chance(0.6) ? `视察${b.whole}${s.name}工作` : `${b.reps}视察${site}`,
        date,
        slot: r.chance(0.4) ? 'day' : r.pick(['morning', 'afternoon'] as const),
        place: `${site}（${scene.township}）`,
        agenda: agendaOf([`实地视察${site}`, `听取${unit}工作情况汇报`, '代表提出意见建议']),
        people: pickPeople(r, members(date), r.int(8, 15)),
        minutes: (o) =>
          `${this.head(b, o)}视察组实地察看了${site}，听取了${unit}的情况汇报。代表们对${s.name}工作取得的进展给予肯定，同时建议：${this.points(s)}。视察意见将书面交${unit}研究办理。`,
        ...(r.chance(0.4) ? { report: `关于视察${b.whole}${s.name}工作情况的报告` } : {}),
      });
    }

    for (const date of times('law_check')) {
      const { law, category } = r.pick(LAWS);
      const s = this.subject(category);
      const unit = this.unitName(category, j);
      add({
        typeCode: 'law_check',
        title: `${law}贯彻实施情况执法检查`,
        date,
        slot: r.chance(0.5) ? 'day' : 'morning',
        place: roomOf(b, r),
        agenda: agendaOf([
          `听取${unit}关于贯彻实施${law}情况的汇报`,
          '分组赴基层单位实地检查、随机抽查',
          '召开座谈会，听取执法对象和群众意见',
        ]),
        people: pickPeople(r, members(date), r.int(8, 12)),
        minutes: (o) =>
          `${this.head(b, o)}检查组采取听取汇报、实地检查、随机抽查相结合的方式，检查了${r.int(6, 15)}家单位，发现问题${r.int(8, 26)}个。代表们建议：${this.points(s)}。执法检查报告将提请${b.short}会议审议。`,
        report: `关于检查${law}实施情况的报告`,
      });
    }

    for (const date of times('inquiry')) {
      const q = r.pick(INQUIRIES);
      const s = this.subject(q.category);
      add({
        typeCode: 'inquiry',
        title: `就${q.subject}开展专题询问`,
        date,
        slot: 'afternoon',
        place: roomOf(b, r),
        agenda: agendaOf([
          `听取政府关于${q.subject}情况的报告`,
          '常委会组成人员和人大代表提问，有关部门负责人应询',
          '常委会分管领导讲话',
        ]),
        people: pickPeople(r, members(date), r.int(12, 20)),
        created: [20, 40],
        minutes: (o) => {
          const asked = r.int(10, 16);
          return `${this.head(b, o)}${asked}位常委会组成人员和人大代表先后提出${asked}个询问问题，${r.int(6, 13)}个部门负责人到会应询。询问聚焦${this.points(s)}。询问中提出的问题清单将交政府研究处理，常委会跟踪落实。`;
        },
        report: `关于${q.subject}专题询问的审议意见`,
      });
    }

    for (const [i, date] of times('training').entries()) {
      const twoDays = b.level !== 'town' && i === 0;
      const title =
        b.level === 'town'
          ? '新修改的《代表法》专题学习会'
          : twoDays
            ? `${year}年度${b.name.replace(/人大常委会$/, '')}人大代表履职能力培训班`
            : r.pick(['代表建议撰写和提出专题培训', '预算审查监督专题培训']);
      const days = twoDays ? this.twoWorkingDays(date) : date;
      if (days === null) continue;
      add({
        typeCode: 'training',
        title,
        date: days,
        slot: twoDays ? 'two_days' : 'afternoon',
        place: twoDays ? `${w.geo.city.name}委党校报告厅` : roomOf(b, r),
        agenda: agendaOf(
          twoDays
            ? [
                '开班式',
                '专题授课：人大代表依法履职',
                '专题授课：优化营商环境与高质量发展',
                '分组交流研讨',
                '结业测试',
              ]
            : ['专题辅导', '代表交流发言', '布置下阶段工作'],
        ),
        people: members(date),
        created: [20, 35],
        minutes: (o) =>
          `${this.head(b, o)}培训采取专题授课、案例教学、交流研讨相结合的方式进行，参训代表普遍反映内容实、针对性强，对做好闭会期间履职工作很有帮助。`,
      });
    }

    for (const date of times('consultation')) {
      if (b.level === 'town') {
        const talk = r.pick(TALKS);
        add({
          typeCode: 'consultation',
          title: `人大代表议事会：${talk}问题`,
          date,
          slot: 'afternoon',
          place: roomOf(b, r),
          agenda: agendaOf(['通报群众反映情况', '代表与群众代表、有关部门围坐议事', '形成议事意见']),
          people: pickPeople(r, members(date), r.int(6, 10)),
          minutes: (o) =>
            `${this.head(b, o)}围绕“${talk}”问题，代表们与群众代表、职能部门面对面议事，形成共识${r.int(3, 6)}条，明确了责任单位和完成时限。`,
        });
        continue;
      }
      const s = this.subject();
      const unit = this.unitName(s.category, j);
      const mayor = b.level === 'city' && r.chance(0.3);
      add({
        typeCode: 'consultation',
        title: mayor ? '“市长·代表面对面”重点建议办理协商活动' : `“局长·代表面对面”：${s.name}`,
        date,
        slot: 'afternoon',
        place: `${w.geo.city.name}全过程人民民主实践中心协商议事厅`,
        agenda: agendaOf(
          mayor
            ? ['通报重点建议办理情况', '领衔代表发言', '政府负责人回应', '形成协商问题清单']
            : [
                `${unit}负责人通报${s.name}工作情况`,
                '代表逐一发言、提出问题',
                '部门现场答复',
                '形成协商问题清单',
              ],
        ),
        people: pickPeople(r, members(date), r.int(6, 10)),
        minutes: (o) =>
          `${this.head(b, o)}${mayor ? '政府有关负责人' : `${unit}负责人`}就代表关心的问题作了说明和回应，代表们逐一发言，现场形成协商问题清单${r.int(4, 9)}项，明确责任单位和完成时限，按照“调研摸底、协商答复、落实反馈、公开成果”四个步骤闭环推进。`,
        ...(r.chance(0.5) ? { report: '协商问题清单及落实责任分工' } : {}),
      });
    }

    for (const date of times('livestream')) {
      const topic = r.pick(BROADCASTS);
      const hosts = pickPeople(r, members(date), r.int(2, 3));
      add({
        typeCode: 'livestream',
        title: `代表进直播间：${topic}`,
        date,
        slot: 'evening',
        place:
          b.level === 'city'
            ? `${w.geo.city.name}融媒体中心演播厅`
            : `${b.jurisdiction.name}融媒体中心直播间`,
        agenda: agendaOf(['代表讲述履职故事', '解读相关政策', '在线回答网友提问']),
        people: hosts,
        hosts,
        minutes: (o) =>
          `${o.hosts.join('、')}代表走进直播间，围绕“${topic}”与网友在线互动，直播观看${r.int(8, 60) * 1000 + r.int(0, 999)}人次，收到网友留言${r.int(60, 400)}条，涉及具体诉求的${r.int(5, 30)}条已登记分办。`,
      });
    }

    for (const date of times('theme')) {
      const t = r.pick(CAMPAIGNS);
      const scene = this.scene(j);
      add({
        typeCode: 'theme',
        title: b.level === 'city' ? t.title : `${b.jurisdiction.name}${t.title}`,
        date,
        slot: 'morning',
        place: `${scene.company}、${scene.village}`,
        agenda: agendaOf([t.body, '召开座谈会，现场交办问题']),
        people: pickPeople(r, members(date), r.int(10, 25)),
        minutes: (o) =>
          `${this.head(b, o)}代表们${t.body}，共走访企业和群众${r.int(12, 60)}家（户），收集意见建议${r.int(8, 40)}条，已梳理形成问题清单交有关部门办理。`,
      });
    }

    for (const date of times('project_supervision')) {
      const p = r.pick(PROJECTS);
      const s = this.subject(p.category);
      const scene = this.scene(j);
      add({
        typeCode: 'project_supervision',
        title: `督查${date.slice(0, 4)}年民生实事项目“${p.project}”推进情况`,
        date,
        slot: 'morning',
        place: `${s.site(scene)}（${scene.township}）`,
        agenda: agendaOf(['实地察看项目现场', '听取项目推进情况汇报', '代表提出督查意见']),
        people: pickPeople(r, members(date), r.int(5, 8)),
        minutes: (o) =>
          `${this.head(b, o)}督查组实地察看了项目现场，项目已完成年度计划的${r.int(45, 98)}%。代表们建议：${this.points(s)}。`,
        ...(r.chance(0.5) ? { report: `关于民生实事项目“${p.project}”督查情况的报告` } : {}),
      });
    }
  }

  /** A working day followed by another, starting on or after `date` (for a two-day course). */
  private twoWorkingDays(date: string): string | null {
    let d = date;
    for (let i = 0; i < 10; i++, d = addDays(d, 1)) {
      if (this.w.isWorking(d) && this.w.isWorking(addDays(d, 1))) return d;
    }
    return null;
  }

  // ── Research where suggestions were formed ───────────────────────────────────────────
  private formedAtResearch(): void {
    const { r, w } = this;
    const earliest = addDays(w.from, 25);
    const eligible = w.data.suggestions.filter(
      (s) =>
        s.facts.case_number !== null &&
        !['MERGED', 'WITHDRAWN', 'NOT_ACCEPTED'].includes(s.facts.status) &&
        s.facts.submitted_at !== null &&
        s.facts.submitted_at.slice(0, 10) >= earliest &&
        s.facts.category_code !== null &&
        w.congressByCode.get(s.congressCode)?.jurisdictionCode !== null &&
        w.isActive(s.leadRepresentativeCode),
    );
    const chosen = r.sample(eligible, Math.min(eligible.length, 34));
    // Two suggestions of one congress and category submitted close together came from one research.
    const used = new Set<string>();
    for (const s of chosen) {
      if (used.has(s.key)) continue;
      used.add(s.key);
      const twin = chosen.find(
        (t) =>
          !used.has(t.key) &&
          t.congressCode === s.congressCode &&
          t.facts.category_code === s.facts.category_code &&
          Math.abs(Date.parse(t.facts.submitted_at!) - Date.parse(s.facts.submitted_at!)) < 20 * DAY,
      );
      if (twin) used.add(twin.key);
      this.researchFor(twin ? [s, twin] : [s]);
    }
  }

  private researchFor(cases: readonly DemoSuggestion[]): void {
    const { r, w } = this;
    const c = w.congressByCode.get(cases[0]!.congressCode)!;
    const b = bodyOf(c, w.geo);
    const j = c.jurisdictionCode!;
    const submitted = cases.map((s) => s.facts.submitted_at!).sort()[0]!;
    const submittedDate = submitted.slice(0, 10);
    const date = w.day(r, addDays(submittedDate, -45), addDays(submittedDate, -10));
    if (date === null || date < w.from) return;
    const category = cases[0]!.facts.category_code!;
    const s = this.subject(category);
    const scene = this.scene(j);
    const site = s.site(scene);
    const unit = this.unitName(category, j);
    const core = [
      ...new Set(
        cases.flatMap((x) =>
          x.signers
            .filter((g) => g.status === 'accepted' && w.isActive(g.representativeCode))
            .map((g) => g.representativeCode),
        ),
      ),
    ];
    const leads = cases.map((x) => x.leadRepresentativeCode);
    const members = w.members(c.code, date);
    const people = pickPeople(r, members, Math.max(core.length, r.int(6, 10)), core);
    const plans = new Map<string, Plan>(
      core.map((code) => [
        code,
        { signUp: true, leave: null, attend: leads.includes(code) || r.chance(0.85) ? 'qr' : 'manual' },
      ]),
    );
    const sk = skeleton(r, w, {
      typeCode: 'research',
      title: `${b.reps}${s.name}工作专题调研`,
      organiser: 'congress',
      congressCode: c.code,
      jurisdictionCode: j,
      date,
      slot: r.chance(0.5) ? 'day' : 'morning',
      place: `${site}（${scene.township}）`,
      agenda: agendaOf([
        `实地察看${site}`,
        `听取${unit}关于${s.name}工作情况的汇报`,
        '走访群众，听取意见',
        '领衔代表梳理问题，研究形成代表建议',
      ]),
      manager: w.staffFor(j),
      people,
      plans,
      minutes: (o) =>
        `${this.head(b, o)}调研组实地察看了${site}，听取了${unit}的情况汇报，走访了周边群众。代表们梳理了群众反映集中的问题，建议：${this.points(s)}。领衔代表将据此提出代表建议。`,
    });
    sk.formed = cases.map((x) => {
      const at = Math.min(Date.parse(x.facts.submitted_at!) + r.int(20, 96) * HOUR, w.now.getTime() - 60_000);
      return { key: x.key, at: new Date(Math.floor(at / 60_000) * 60_000).toISOString() };
    });
    this.out.push(sk);
  }

  // ── A group's year ───────────────────────────────────────────────────────────────────
  private group(g: DemoGroup): void {
    const { r, w } = this;
    const members = g.members.filter((m) => w.isActive(m.representativeCode));
    if (members.length === 0) return;
    const leader =
      members.find((m) => m.role === 'leader')?.representativeCode ?? members[0]!.representativeCode;
    const people = members.map((m) => m.representativeCode);
    const manager = w.staffFor(g.jurisdictionCode);
    const home = this.homeStation(g);
    const n = r.int(4, 6);
    for (let i = 0; i < n; i++) {
      const date = w.day(r, w.from, w.horizon);
      if (date === null) continue;
      const t = r.pick(GROUP_TOPICS);
      const visit = t.title.startsWith('走访') || t.title.startsWith('“双联”') || t.title.includes('回头看');
      this.out.push(
        skeleton(r, w, {
          typeCode: 'group_activity',
          title: `${g.name}${t.title}`,
          organiser: 'group',
          groupCode: g.code,
          jurisdictionCode: g.jurisdictionCode,
          date,
          slot: r.pick(['morning', 'afternoon'] as const),
          place: visit
            ? `${this.scene(g.jurisdictionCode).village}等地`
            : (home?.address ?? `${g.name}活动室`),
          agenda: agendaOf(t.agenda),
          manager,
          habits: { ...MEETING, signUp: 0.6 },
          people,
          hosts: [leader],
          minutes: (o) =>
            `${g.name}${t.title}，${turnout(o.invited, o.present, o.onLeave)}，由组长${w.reps.get(leader)!.name}主持。${
              visit
                ? `代表们分组走访，收集群众意见建议${r.int(6, 30)}条，已梳理形成问题清单交有关部门办理。`
                : `代表们结合各自联系的选民和行业情况交流发言${r.int(5, 12)}人次，研究确定了下阶段小组活动安排。`
            }`,
        }),
      );
    }
    if (g.kind === 'professional') {
      // The professional groups research their own field (麻城: 每年至少参与2次专题调研或专项视察).
      for (let i = 0; i < 2; i++) {
        const date = w.day(r, w.from, w.horizon);
        if (date === null) continue;
        const s = this.subject(this.fieldCategory(g.theme));
        const scene = this.scene(w.geo.city.code);
        const site = s.site(scene);
        this.out.push(
          skeleton(r, w, {
            typeCode: i === 0 ? 'research' : 'inspection',
            title: i === 0 ? `${g.name}${s.name}专题调研` : `${g.name}视察${site}`,
            organiser: 'group',
            groupCode: g.code,
            jurisdictionCode: g.jurisdictionCode,
            date,
            slot: 'day',
            place: `${site}（${scene.township}）`,
            agenda: agendaOf([`实地察看${site}`, '召开企业和群众座谈会', '形成专业小组意见建议']),
            manager,
            people: pickPeople(r, people, r.int(8, 14), [leader]),
            hosts: [leader],
            minutes: (o) =>
              `${g.name}${turnout(o.invited, o.present, o.onLeave)}，由组长${w.reps.get(leader)!.name}带队。代表们发挥专业优势，提出意见建议：${this.points(s)}。`,
            ...(i === 0 && r.chance(0.6) ? { report: `${g.name}关于${s.name}的调研报告` } : {}),
          }),
        );
      }
    }
  }

  private fieldCategory(theme: string | null): string | undefined {
    const map: Record<string, string> = {
      司法监察: 'public_safety',
      产业发展: 'business',
      城建环保: 'environment',
      财政经济: 'business',
      社会建设: 'civil_affairs',
      农业农村: 'agriculture',
    };
    return theme ? map[theme] : undefined;
  }

  /** Where a group meets: its township's station, the zone's, the cross-region one, or the city's. */
  private homeStation(g: DemoGroup): DemoStation | undefined {
    const w = this.w;
    if (g.code === 'GP-ZONE') return w.stationByCode.get('ST-ZONE');
    if (g.code === 'GP-HILLS') return w.stationByCode.get('ST-CROSS');
    return w.stationByCode.get(`ST-${g.jurisdictionCode}`);
  }

  // ── A station's year ─────────────────────────────────────────────────────────────────
  private station(s: DemoStation): void {
    const { r, w } = this;
    const roster = s.memberCodes.filter((c) => w.isActive(c));
    if (roster.length < 2) return;
    const big = s.tier !== 'point';
    const themed = s.theme !== 'community';
    const opened = s.openedOn > w.from ? s.openedOn : w.from;
    const count = (n: number, p: number) => (big ? n : r.chance(p) ? 1 : 0);
    for (let i = 0; i < count(2, 0.5); i++) this.lecture(s, roster, opened);
    for (let i = 0; i < count(1, 0.4); i++) this.talk(s, roster, opened);
    for (let i = 0; i < count(1, 0.3); i++) this.report(s, roster, opened);
    if (themed) {
      if (s.theme !== 'cross_region') this.stationBroadcast(s, roster, opened);
      this.stationCampaign(s, roster, opened);
    }
  }

  /** A lecture (代表讲堂): one representative speaks, on a weekend morning or a weekday evening. */
  lecture(s: DemoStation, roster: readonly string[], lo: string, hi = this.w.horizon): Skeleton | null {
    const { r, w } = this;
    const weekend = r.chance(0.6);
    const date = w.day(r, lo, hi, weekend);
    if (date === null) return null;
    const l = r.pick(LECTURES);
    const fit = roster.filter((c) => l.sectors.includes(w.reps.get(c)!.sector));
    const host = r.pick(fit.length > 0 ? fit : roster);
    const sk = skeleton(r, w, {
      typeCode: 'lecture',
      title: `代表讲堂：${l.topic}`,
      organiser: 'station',
      stationCode: s.code,
      jurisdictionCode: s.jurisdictionCode,
      date,
      slot: weekend ? 'weekend' : 'evening',
      place: s.address,
      agenda: agendaOf([`${w.reps.get(host)!.name}代表主讲“${l.topic}”`, '现场互动答疑']),
      manager: s.officerUsername,
      habits: { ...MEETING, signUp: 0.5 },
      people: pickPeople(r, roster, r.int(4, 8), [host]),
      hosts: [host],
      minutes: (o) =>
        `${w.reps.get(host)!.name}代表以“${l.topic}”为题开讲，${turnout(o.invited, o.present, o.onLeave)}，辖区群众${r.int(25, 90)}人参加，现场解答群众提问${r.int(4, 15)}个。`,
    });
    this.out.push(sk);
    return sk;
  }

  /** 人大代表议事厅: representatives, residents and the offices concerned talk a local question through. */
  talk(s: DemoStation, roster: readonly string[], lo: string, hi = this.w.horizon): Skeleton | null {
    const { r, w } = this;
    const date = w.day(r, lo, hi);
    if (date === null) return null;
    const topic = r.pick(TALKS);
    const host = r.pick(roster);
    const sk = skeleton(r, w, {
      typeCode: 'consultation',
      title: `人大代表议事厅：${topic}`,
      organiser: 'station',
      stationCode: s.code,
      jurisdictionCode: s.jurisdictionCode,
      date,
      slot: 'afternoon',
      place: s.address,
      agenda: agendaOf([
        `通报群众反映的“${topic}”问题`,
        '代表、居民代表、物业和社区干部围坐议事',
        '形成议事共识，明确落实责任',
      ]),
      manager: s.officerUsername,
      people: pickPeople(r, roster, r.int(4, 7), [host]),
      hosts: [host],
      minutes: (o) =>
        `围绕“${topic}”问题，${turnout(o.invited, o.present, o.onLeave)}，代表们与居民代表、物业和社区干部围坐议事，形成共识${r.int(3, 6)}条，明确了责任单位和完成时限，办理结果将在站内公示。`,
    });
    this.out.push(sk);
    return sk;
  }

  /** 向选民报告履职: a few members report on their year and the voters rate them. */
  report(s: DemoStation, roster: readonly string[], lo: string, hi = this.w.horizon): Skeleton | null {
    const { r, w } = this;
    const date = w.day(r, lo, hi);
    if (date === null) return null;
    const reporters = r.sample(roster, Math.min(roster.length, r.int(3, 5)));
    const names = reporters.map((c) => w.reps.get(c)!.name);
    const sk = skeleton(r, w, {
      typeCode: 'report_to_voters',
      title: `${names[0]}等${reporters.length}名代表向选民报告履职情况`,
      organiser: 'station',
      stationCode: s.code,
      jurisdictionCode: s.jurisdictionCode,
      date,
      slot: 'afternoon',
      place: s.address,
      agenda: agendaOf(['代表逐一报告履职情况', '选民代表提问', '现场满意度测评']),
      manager: s.officerUsername,
      people: pickPeople(r, roster, reporters.length + r.int(0, 3), reporters),
      hosts: reporters,
      minutes: (o) =>
        `${o.hosts.join('、')}代表向选民报告履职情况，选民代表${r.int(30, 80)}人参加并现场测评，满意率${r.int(92, 100)}%。选民提出意见建议${r.int(3, 12)}条，已登记转办。`,
    });
    this.out.push(sk);
    return sk;
  }

  private stationBroadcast(s: DemoStation, roster: readonly string[], lo: string): void {
    const { r, w } = this;
    const date = w.day(r, lo, w.horizon);
    if (date === null) return;
    const topic = s.theme === 'park' ? '政企同心·共话营商' : r.pick(BROADCASTS);
    const hosts = r.sample(roster, Math.min(roster.length, 2));
    this.out.push(
      skeleton(r, w, {
        typeCode: 'livestream',
        title: `代表进直播间：${topic}`,
        organiser: 'station',
        stationCode: s.code,
        jurisdictionCode: s.jurisdictionCode,
        date,
        slot: 'afternoon',
        place: s.address,
        agenda: agendaOf(['代表介绍站点服务', '解读惠企政策', '在线回答企业和网友提问']),
        manager: s.officerUsername,
        people: hosts,
        hosts,
        minutes: (o) =>
          `${o.hosts.join('、')}代表在${s.name}开展直播，围绕“${topic}”与企业和网友互动，观看${r.int(3, 30) * 1000 + r.int(0, 999)}人次，收到留言${r.int(40, 200)}条。`,
      }),
    );
  }

  private stationCampaign(s: DemoStation, roster: readonly string[], lo: string): void {
    const { r, w } = this;
    const date = w.day(r, lo, w.horizon);
    if (date === null) return;
    const t = s.theme === 'park' || s.theme === 'enterprise' ? CAMPAIGNS[1]! : r.pick(CAMPAIGNS);
    this.out.push(
      skeleton(r, w, {
        typeCode: 'theme',
        title: `${s.name}${t.title}`,
        organiser: 'station',
        stationCode: s.code,
        jurisdictionCode: s.jurisdictionCode,
        date,
        slot: 'morning',
        place: s.address,
        agenda: agendaOf([t.body, '汇总问题清单']),
        manager: s.officerUsername,
        habits: DUTY,
        people: pickPeople(r, roster, r.int(4, 10)),
        minutes: (o) =>
          `${turnout(o.invited, o.present, o.onLeave)}。代表们${t.body}，走访企业和群众${r.int(8, 30)}家（户），收集意见建议${r.int(5, 20)}条。`,
      }),
    );
  }
}
