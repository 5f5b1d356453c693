/**
 * What the 代表工委's staff did with the year's records (DESIGN.md §4.3 "the method is published",
 * §1 履职公示): every month, once it ended, they published each station's month — and the month of
 * a dozen public representatives of the featured station — and corrected up to two months where
 * an attendance was typed in by hand (补登) after the first publication; in January they gave the
 * best-ranked representatives of the city and of each district or county the last year's 履职之星.
 * The month under way is left for them to publish.
 *
 * This is only the plan — who acts, on what, when and with which words — drawn from its own stream
 * ('history'). What a disclosure says and what an honour's score is are not decided here: the
 * seeding (demo.performance.ts) runs the real services at these instants on the inserted records.
 */
import { beijingMonthOf, monthWindow } from '../performance/disclosure.domain.ts';
import { DEFAULT_HONOUR_TITLE } from '../performance/honours.service.ts';
import { PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH } from '../org/org.domain.ts';
import type {
  DemoActivity,
  DemoHonourAward,
  DemoLateAttendance,
  DemoPerformanceHistory,
  DemoPublication,
} from './activities.types.ts';
import type { World } from './activities.world.ts';
import { addDays, beijingInstant, zhDay } from './opinions.time.ts';
import type { Random } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How many public representatives of the featured station have their months published. */
const DISCLOSED_REPRESENTATIVES = 12;

/** How many of each congress's ranking are honoured, by level. */
const PLACES: Record<string, number> = { city: 5, county: 3 };

/** The closing words of a citation; the figures before them come from the ranking. */
const CITATION_PHRASES = [
  '坚持每月进站接待选民，认真倾听群众呼声，推动一批群众急难愁盼问题得到解决。',
  '积极参加调研视察和执法检查，提出的建议有情况、有分析、有对策，质量较高。',
  '领衔提出的代表建议得到承办单位认真办理，群众满意度高。',
  '密切联系原选区选民，主动向选民报告履职情况，在群众中有良好口碑。',
  '履职态度认真，参加闭会期间代表活动出勤率高，发挥了代表作用。',
  '围绕民生实事开展专题调研，推动问题从“解决一件”向“办好一类”延伸。',
  '热心参与联络站建设，带动身边代表常态化开展进站履职活动。',
];

const nextMonth = (month: string) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The months the demo covers in full, before the one under way. */
export function pastMonths(w: World): string[] {
  let month = w.from.endsWith('-01') ? w.from.slice(0, 7) : nextMonth(w.from.slice(0, 7));
  const current = w.today.slice(0, 7);
  const out: string[] = [];
  for (; month < current; month = nextMonth(month)) out.push(month);
  return out;
}

/** The n-th working day (from 0) on or after a Beijing date. */
function workingDay(w: World, date: string, n: number): string {
  let d = date;
  for (let left = n; ; d = addDays(d, 1)) {
    if (!w.isWorking(d)) continue;
    if (left === 0) return d;
    left -= 1;
  }
}

const officeMinutes = (r: Random) =>
  r.chance(0.55) ? r.int(8 * 60 + 30, 11 * 60 + 45) : r.int(14 * 60, 17 * 60 + 30);

export function buildHistory(
  r: Random,
  w: World,
  activities: readonly DemoActivity[],
): DemoPerformanceHistory {
  const nowMs = w.now.getTime();
  const months = pastMonths(w);
  const monthSet = new Set(months);

  /**
   * An office moment among working days `lo`–`hi` of the month after `month`, after `notBefore`
   * (what it must count was typed in by then), and before now.
   */
  const publishAt = (month: string, lo: number, hi: number, notBefore: number): string => {
    const monthEnd = Date.parse(monthWindow(month).toIso);
    const day = workingDay(w, `${nextMonth(month)}-01`, r.int(lo, hi));
    let at = beijingInstant(day, officeMinutes(r)).getTime() + r.int(0, 59) * 1000;
    if (at <= notBefore) at = w.office(r, notBefore + r.int(10, 90) * MINUTE);
    const floor = Math.max(monthEnd, notBefore) + MINUTE;
    if (at >= nowMs - 5 * MINUTE) {
      const ceiling = nowMs - 5 * MINUTE;
      at = ceiling > floor ? floor + Math.floor((r.next() * (ceiling - floor)) / 1000) * 1000 : floor;
    }
    return new Date(at).toISOString();
  };

  // What was typed in after the activity (补登), by station and month and by representative and month.
  const live = activities.filter((a) => a.status !== 'cancelled' && a.status !== 'deleted');
  const lastTyped = new Map<string, number>();
  const typed = (key: string, ms: number) => lastTyped.set(key, Math.max(lastTyped.get(key) ?? 0, ms));
  for (const a of live) {
    const month = beijingMonthOf(new Date(a.startsAt));
    for (const p of a.participants) {
      if (p.recordedAt === null) continue;
      const ms = Date.parse(p.recordedAt);
      if (a.stationCode !== null) typed(`station/${a.stationCode}/${month}`, ms);
      typed(`representative/${p.representativeCode}/${month}`, ms);
    }
  }

  // The corrections: a month published the day before an attendance was typed in by hand.
  const candidates = new Map<string, { a: DemoActivity; recordedAt: number; reason: string | null }>();
  for (const a of live) {
    const month = beijingMonthOf(new Date(a.startsAt));
    if (a.stationCode === null || !monthSet.has(month)) continue;
    const monthEnd = Date.parse(monthWindow(month).toIso);
    for (const p of a.participants) {
      if (p.checkinMethod !== 'manual' || p.attendance !== 'present' || p.recordedAt === null) continue;
      const ms = Date.parse(p.recordedAt);
      const key = `${a.stationCode}/${month}`;
      if (ms < monthEnd + HOUR || ms > nowMs - 2 * 24 * HOUR || candidates.has(key)) continue;
      candidates.set(key, { a, recordedAt: ms, reason: p.manualReason });
    }
  }
  const corrected = r.sample([...candidates.values()], 2).sort((x, y) => x.recordedAt - y.recordedAt);

  const publications: DemoPublication[] = [];
  const lateAttendance: DemoLateAttendance[] = [];
  const firstAt = new Map<string, string>();
  for (const c of corrected) {
    const month = beijingMonthOf(new Date(c.a.startsAt));
    const recorded = new Date(c.recordedAt);
    const recordedDate = new Date(c.recordedAt + 8 * HOUR).toISOString().slice(0, 10);
    let before = addDays(recordedDate, -1);
    while (!w.isWorking(before)) before = addDays(before, -1);
    // The afternoon before, when that was after the month; else early that morning.
    const at =
      before >= `${nextMonth(month)}-01`
        ? beijingInstant(before, r.int(14 * 60, 17 * 60 + 30)).getTime()
        : c.recordedAt - r.int(15, 35) * MINUTE;
    firstAt.set(`${c.a.stationCode}/${month}`, new Date(at).toISOString());
    // Everything of the month typed in after that waits for its time.
    for (const a of live) {
      if (a.stationCode !== c.a.stationCode || beijingMonthOf(new Date(a.startsAt)) !== month) continue;
      for (const p of a.participants)
        if (p.recordedAt !== null && Date.parse(p.recordedAt) > at)
          lateAttendance.push({
            activityKey: a.key,
            representativeCode: p.representativeCode,
            recordedAt: p.recordedAt,
          });
    }
    const heldBack = c.a.participants.filter(
      (p) => p.attendance === 'present' && p.recordedAt !== null && Date.parse(p.recordedAt) > at,
    ).length;
    const station = w.stationByCode.get(c.a.stationCode!)!;
    publications.push({
      kind: 'station',
      subjectCode: station.code,
      month,
      version: 2,
      correctionNote:
        `${zhDay(new Date(c.a.startsAt))}“${c.a.title}”有${heldBack}名代表的签到于${zhDay(recorded)}补登` +
        `（${c.reason ?? '按现场签到表补登'}），首次公示时未计入，现更正该活动的出席人数。`,
      at: new Date(
        Math.min(w.office(r, c.recordedAt + r.int(20, 150) * MINUTE), nowMs - MINUTE),
      ).toISOString(),
      byUsername: w.staffFor(station.jurisdictionCode),
    });
  }

  // Every station's months since it opened, in the first working week of the next month.
  for (const s of w.data.stations) {
    const by = w.staffFor(s.jurisdictionCode);
    for (const month of months) {
      if (s.openedOn > monthWindow(month).toIso.slice(0, 10)) continue;
      const first = firstAt.get(`${s.code}/${month}`);
      publications.push({
        kind: 'station',
        subjectCode: s.code,
        month,
        version: 1,
        correctionNote: null,
        at: first ?? publishAt(month, 0, 4, lastTyped.get(`station/${s.code}/${month}`) ?? 0),
        byUsername: by,
      });
    }
  }

  // A dozen public representatives of the featured station, a few days later.
  // Those with a log-in first (rep.city sees their own), then in id order; a dozen keeps the load quick.
  const featured = featuredStation(w);
  const disclosed = (featured?.memberCodes ?? [])
    .filter((code) => {
      const rep = w.reps.get(code);
      return rep !== undefined && rep.isPublic && rep.status === 'active';
    })
    .sort(
      (a, b) =>
        Number(w.accountOfRep.has(b)) - Number(w.accountOfRep.has(a)) || w.rank.get(a)! - w.rank.get(b)!,
    )
    .slice(0, DISCLOSED_REPRESENTATIVES);
  for (const code of disclosed) {
    const by = w.staffFor(w.reps.get(code)!.jurisdictionCode);
    for (const month of months)
      publications.push({
        kind: 'representative',
        subjectCode: code,
        month,
        version: 1,
        correctionNote: null,
        at: publishAt(month, 5, 9, lastTyped.get(`representative/${code}/${month}`) ?? 0),
        byUsername: by,
      });
  }
  publications.sort(
    (a, b) =>
      a.at.localeCompare(b.at) ||
      a.kind.localeCompare(b.kind) ||
      a.subjectCode.localeCompare(b.subjectCode) ||
      a.month.localeCompare(b.month) ||
      a.version - b.version,
  );

  const codes = r.fork('codes');
  const used = new Set<string>();
  const publicCodes = disclosed.map((representativeCode) => {
    let code = codes.chars(PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH);
    while (used.has(code)) code = codes.chars(PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH);
    used.add(code);
    return { representativeCode, publicCode: code };
  });

  return { publicCodes, publications, lateAttendance, awards: buildAwards(r.fork('honours'), w) };
}

/** The station of the featured liaison officer's log-in (湖滨街道), where a visitor looks first. */
function featuredStation(w: World) {
  const officer = w.data.accounts.find((a) => a.featured && a.roles.includes('liaison_officer'));
  return w.data.stations.find((s) => s.tier === 'station' && s.officerUsername === officer?.username);
}

/** Last year's 履职之星 of the city's congress and each district's or county's, in mid-January. */
function buildAwards(r: Random, w: World): DemoHonourAward[] {
  const year = Number(w.today.slice(0, 4)) - 1;
  const nowMs = w.now.getTime();
  const out: DemoHonourAward[] = [];
  for (const c of w.localCongresses()) {
    const places = PLACES[c.level];
    if (places === undefined) continue;
    const day = workingDay(w, `${year + 1}-01-08`, r.int(0, 8));
    let at = beijingInstant(day, officeMinutes(r)).getTime();
    if (at >= nowMs - HOUR) at = nowMs - r.int(60, 180) * MINUTE;
    out.push({
      congressCode: c.code,
      year,
      title: DEFAULT_HONOUR_TITLE,
      places,
      phrases: r.sample(CITATION_PHRASES, places),
      at: new Date(at).toISOString(),
      byUsername: w.staffFor(c.jurisdictionCode!),
    });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
