/**
 * What the demo log-ins find when they try the activities: rep.city, rep.donghu, rep.xikou and
 * rep.hubin are on one activity under way right now (its check-in window open, so a phone can scan
 * its code), each has upcoming activities to sign up for or to ask leave from (rep.donghu two at
 * the same hour, to see the clash), and past ones they attended; every liaison officer has an
 * upcoming activity of their station with a leave request to decide; one activity was cancelled
 * (the participants were told why) and one entered twice, the copy deleted.
 */
import { MEETING, type Plan } from './activities.people.ts';
import { agendaOf, BROADCASTS, CAMPAIGNS, SUBJECTS } from './activities.phrases.ts';
import { createdBefore, type Programme } from './activities.programme.ts';
import type { Invitee, Skeleton } from './activities.skeleton.ts';
import type { World } from './activities.world.ts';
import { localCongressCode } from './congresses.ts';
import { addDays } from './opinions.time.ts';
import type { Random } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const REP_ACCOUNTS = ['rep.city', 'rep.donghu', 'rep.xikou', 'rep.hubin'] as const;

const WAIT: Plan = { signUp: false, leave: null, attend: 'none' };

function withInvitee(sk: Skeleton, code: string, plan: Plan): void {
  const found = sk.invitees.find((i) => i.code === code);
  if (found) found.plan = plan;
  else sk.invitees.push({ code, role: 'participant', invitedAt: sk.createdAt, plan });
}

export class AccountsDesk {
  constructor(
    private readonly r: Random,
    private readonly w: World,
    private readonly programme: Programme,
    private readonly all: Skeleton[],
  ) {}

  private repCode(username: string): string | null {
    return this.w.data.accounts.find((a) => a.username === username)?.representativeCode ?? null;
  }

  /** What a demo account has done by now about an activity ahead (sign-ups and requests already made). */
  private done(plan: Omit<Plan, 'attend'>): Plan {
    return { ...plan, attend: 'none', actBy: this.w.now.getTime() - 10 * MINUTE };
  }

  apply(): void {
    this.past();
    this.today();
    for (const username of REP_ACCOUNTS) this.upcoming(username);
    this.officers();
    this.cancelOne();
    this.deleteOne();
  }

  /** The activity under way at the seeding instant, whatever the hour, with the four accounts on it. */
  private today(): void {
    const { r, w } = this;
    const minutes = Math.floor(((w.now.getTime() + 8 * HOUR) % (24 * HOUR)) / MINUTE);
    const weekend = !w.isWorking(w.today);
    const city = w.geo.city;
    const congressCode = localCongressCode(city.code);
    let date = w.today;
    let frame: {
      typeCode: string;
      title: string;
      place: string;
      agenda: string[];
      start: string;
      end: string;
    };
    const subject = r.pick(SUBJECTS);
    if (minutes >= 7 * 60 + 30 && minutes < 12 * 60 + 30) {
      frame = weekend
        ? {
            typeCode: 'theme',
            title: CAMPAIGNS[3]!.title,
            place: `${city.name}人大代表联络总站`,
            agenda: [CAMPAIGNS[3]!.body, '现场受理群众诉求'],
            start: '08:30',
            end: '12:00',
          }
        : {
            typeCode: 'inspection',
            title: `视察全市${subject.name}工作`,
            place: `${city.name}人大常委会机关集合出发`,
            agenda: [`实地视察${subject.name}工作`, '听取有关部门汇报', '代表提出意见建议'],
            start: '08:30',
            end: '12:00',
          };
    } else if (minutes >= 12 * 60 + 30 && minutes < 17 * 60 + 30) {
      frame = {
        typeCode: weekend ? 'theme' : 'consultation',
        title: weekend ? CAMPAIGNS[0]!.title : `“局长·代表面对面”：${subject.name}`,
        place: `${city.name}全过程人民民主实践中心协商议事厅`,
        agenda: weekend
          ? [CAMPAIGNS[0]!.body]
          : ['部门负责人通报情况', '代表提问、部门答复', '形成协商问题清单'],
        start: '13:30',
        end: '17:00',
      };
    } else if (minutes >= 17 * 60 + 30 && minutes < 21 * 60 + 30) {
      frame = {
        typeCode: 'livestream',
        title: `代表进直播间：${BROADCASTS[2]}`,
        place: `${city.name}融媒体中心演播厅`,
        agenda: ['代表讲述履职故事', '在线回答网友提问'],
        start: '18:30',
        end: '21:00',
      };
    } else {
      // At night: a two-day course that started this morning or yesterday morning.
      if (minutes < 7 * 60 + 30) date = addDays(w.today, -1);
      frame = {
        typeCode: 'training',
        title: '全市五级人大代表履职能力提升培训班',
        place: `${city.name}委党校报告厅`,
        agenda: ['专题授课：人大代表依法履职', '分组交流研讨', '结业测试'],
        start: '08:30',
        end: '17:00',
      };
    }
    const startsAt = w.at(date, frame.start);
    const endsAt = frame.typeCode === 'training' ? w.at(addDays(date, 1), frame.end) : w.at(date, frame.end);
    const createdAt = createdBefore(r, w, startsAt, [5, 12]);
    const accounts = REP_ACCOUNTS.map((u) => this.repCode(u)).filter((c): c is string => c !== null);
    const others = r.sample(
      w.members(congressCode, date).filter((c) => !accounts.includes(c)),
      r.int(8, 12),
    );
    const invitees: Invitee[] = [
      ...others.map((code, i): Invitee => ({
        code,
        role: i === 0 ? 'host' : 'participant',
        invitedAt: createdAt,
      })),
      ...accounts.map((code): Invitee => ({
        code,
        role: 'participant',
        invitedAt: createdAt,
        plan: this.done({ signUp: true, leave: null }),
      })),
    ];
    this.all.push({
      typeCode: frame.typeCode,
      title: frame.title,
      organiser: 'congress',
      congressCode,
      stationCode: null,
      groupCode: null,
      jurisdictionCode: city.code,
      startsAt,
      endsAt,
      place: frame.place,
      agenda: agendaOf(frame.agenda),
      ruleDate: null,
      createdByUsername: w.staffFor(city.code),
      createdAt,
      manager: w.staffFor(city.code),
      habits: MEETING,
      invitees,
    });
  }

  /** The demo representatives were on about half the past activities of their congresses, groups and stations. */
  private past(): void {
    const { r, w } = this;
    const nowMs = w.now.getTime();
    for (const username of REP_ACCOUNTS) {
      const code = this.repCode(username);
      if (code === null) continue;
      for (const sk of this.all) {
        if (sk.typeCode === 'reception' || Date.parse(sk.startsAt) > nowMs) continue;
        if (sk.invitees.some((i) => i.code === code) || !r.chance(0.5) || !this.eligible(sk, code)) continue;
        sk.invitees.push({ code, role: 'participant', invitedAt: sk.createdAt });
      }
    }
  }

  /** Whether the representative may be invited to it: a member of its congress, group or station. */
  private eligible(sk: Skeleton, code: string): boolean {
    const w = this.w;
    const date = sk.startsAt.slice(0, 10);
    if (sk.congressCode) return w.members(sk.congressCode, date).includes(code);
    if (sk.groupCode)
      return w.groupByCode.get(sk.groupCode)!.members.some((m) => m.representativeCode === code);
    if (sk.stationCode) return w.stationByCode.get(sk.stationCode)!.memberCodes.includes(code);
    return false;
  }

  private upcomingFor(code: string): Skeleton[] {
    const soon = this.w.now.getTime() + 24 * HOUR;
    return this.all
      .filter(
        (sk) =>
          sk.typeCode !== 'reception' &&
          sk.typeCode !== 'training' &&
          !sk.close &&
          Date.parse(sk.startsAt) > soon &&
          this.eligible(sk, code),
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** Two upcoming activities to act on (and a third with leave asked); made at their station when missing. */
  private upcoming(username: string): void {
    const { w } = this;
    const code = this.repCode(username);
    if (code === null) return;
    let list = this.upcomingFor(code);
    const station = w.data.stations.find((s) => s.tier !== 'point' && s.memberCodes.includes(code));
    for (let tries = 0; list.length < 3 && station && tries < 3; tries++) {
      const roster = station.memberCodes.filter((c) => w.isActive(c));
      const lo = addDays(w.today, 3);
      const hi = addDays(w.today, 20);
      if (tries === 0) this.programme.talk(station, roster, lo, hi);
      else this.programme.lecture(station, roster, lo, hi);
      list = this.upcomingFor(code);
    }
    const [first, second, third] = list;
    if (first) withInvitee(first, code, this.done({ signUp: false, leave: null }));
    if (second) {
      withInvitee(second, code, this.done({ signUp: true, leave: null }));
      if (username === 'rep.donghu' && first) {
        // Booked twice at the same hour: the activity page shows the clash.
        const length = Date.parse(second.endsAt) - Date.parse(second.startsAt);
        const start = Date.parse(first.startsAt) + 30 * MINUTE;
        second.startsAt = new Date(start).toISOString();
        second.endsAt = new Date(start + Math.min(length, 3 * HOUR)).toISOString();
      }
    }
    if (third) withInvitee(third, code, this.done({ signUp: true, leave: 'approved' }));
  }

  /** Each officer: an upcoming activity of one of their stations with a leave request waiting. */
  private officers(): void {
    const { r, w } = this;
    const accountCodes = new Set(
      REP_ACCOUNTS.map((u) => this.repCode(u)).filter((c): c is string => c !== null),
    );
    const officers = [...new Set(w.data.stations.map((s) => s.officerUsername))];
    const soon = w.now.getTime() + 24 * HOUR;
    for (const officer of officers) {
      const stations = w.data.stations.filter((s) => s.officerUsername === officer);
      const mine = () =>
        this.all.filter(
          (sk) =>
            sk.organiser === 'station' &&
            sk.typeCode !== 'reception' &&
            !sk.close &&
            stations.some((s) => s.code === sk.stationCode) &&
            Date.parse(sk.startsAt) > soon &&
            sk.invitees.some((i) => i.role === 'participant' && !accountCodes.has(i.code) && !i.plan),
        );
      let found = mine();
      if (found.length === 0) {
        const s = stations.find((x) => x.memberCodes.filter((c) => w.isActive(c)).length >= 3);
        if (!s) continue;
        const roster = s.memberCodes.filter((c) => w.isActive(c));
        const [lo, hi] = [addDays(w.today, 3), addDays(w.today, 18)];
        if (r.chance(0.5)) this.programme.talk(s, roster, lo, hi);
        else this.programme.lecture(s, roster, lo, hi);
        found = mine();
      }
      const sk = found.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
      if (!sk) continue;
      const who = sk.invitees.find((i) => i.role === 'participant' && !accountCodes.has(i.code) && !i.plan)!;
      who.plan = {
        signUp: r.chance(0.5),
        leave: 'pending',
        attend: 'none',
        actBy: w.now.getTime() - 10 * MINUTE,
      };
    }
  }

  /** An upcoming congress activity called off, with rep.city on it when possible. */
  private cancelOne(): void {
    const { r, w } = this;
    const cityRep = this.repCode('rep.city');
    const soon = w.now.getTime() + 2 * 24 * HOUR;
    const candidates = this.all
      .filter(
        (sk) =>
          sk.organiser === 'congress' &&
          (sk.typeCode === 'inspection' || sk.typeCode === 'research') &&
          Date.parse(sk.startsAt) > soon &&
          !sk.formed &&
          !sk.invitees.some((i) => i.plan),
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const sk = candidates.find((x) => cityRep !== null && this.eligible(x, cityRep)) ?? candidates[0];
    if (!sk) return;
    if (cityRep !== null && this.eligible(sk, cityRep))
      withInvitee(sk, cityRep, {
        signUp: true,
        leave: null,
        attend: 'none',
        actBy: Date.parse(sk.createdAt) + 20 * HOUR,
      });
    const at = Math.max(Date.parse(sk.createdAt) + 3 * HOUR, w.now.getTime() - r.int(3, 40) * HOUR);
    if (at > w.now.getTime()) return;
    sk.close = {
      to: 'cancelled',
      at: new Date(Math.floor(at / MINUTE) * MINUTE).toISOString(),
      by: sk.manager,
      reason: '因常委会会议时间调整，本次活动延期举行，具体时间另行通知',
    };
  }

  /** A past group activity entered twice by mistake; the copy deleted within the hour. */
  private deleteOne(): void {
    const { r, w } = this;
    const past = this.all.filter(
      (sk) =>
        sk.organiser === 'group' &&
        Date.parse(sk.startsAt) < w.now.getTime() - 30 * 24 * HOUR &&
        Date.parse(sk.createdAt) + 2 * HOUR < w.now.getTime(),
    );
    if (past.length === 0) return;
    const original = r.pick(past);
    const createdAt = new Date(Date.parse(original.createdAt) + r.int(5, 20) * MINUTE).toISOString();
    const { minutes: _m, report: _r, formed: _f, ...rest } = original;
    this.all.push({
      ...rest,
      createdAt,
      invitees: original.invitees.map((i) => ({
        code: i.code,
        role: i.role,
        invitedAt: createdAt,
        plan: WAIT,
      })),
      close: {
        to: 'deleted',
        at: new Date(Date.parse(createdAt) + r.int(25, 55) * MINUTE).toISOString(),
        by: original.manager,
        reason: `与已录入的“${original.title.slice(0, 40)}”重复，删除重复记录`,
      },
    });
  }
}
