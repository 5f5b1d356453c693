/**
 * What the activities generator looks things up in: the organisation (who sits in which congress,
 * group and station, who manages what), the calendar of the demo year (Beijing dates, working days
 * on the official calendar, the days to hold things on), and the accounts that act — the 代表工委
 * of the district or county (the city's for city-level matters) and each station's liaison officer.
 */
import type { WorkCalendar } from '../../lib/working-days.ts';
import type {
  DemoCongress,
  DemoData,
  DemoGroup,
  DemoRepresentative,
  DemoStation,
  DemoUnit,
} from './demo.types.ts';
import { isWithin, type Geography } from './jurisdictions.ts';
import { SceneBook } from './opinions.places.ts';
import {
  addDays,
  beijingInstant,
  beijingMinutes,
  dateOfDay,
  dayOf,
  dayOfDate,
  instantOf,
  officialCalendar,
} from './opinions.time.ts';
import type { Random } from './random.ts';
import { isWorkingDay } from '../../lib/working-days.ts';

export type WorldData = Pick<
  DemoData,
  | 'congresses'
  | 'representatives'
  | 'seats'
  | 'groups'
  | 'stations'
  | 'units'
  | 'accounts'
  | 'opinions'
  | 'suggestions'
>;

/** How busy each month is for congress work: sessions in January–February, 春节, summer, 国庆. */
const MONTH_WEIGHT: Record<number, number> = {
  1: 0.6,
  2: 0.35,
  3: 1.1,
  4: 1.25,
  5: 1.15,
  6: 1.1,
  7: 0.8,
  8: 0.7,
  9: 1.1,
  10: 0.85,
  11: 1.25,
  12: 1.0,
};

export class World {
  readonly cal: WorkCalendar = officialCalendar();
  readonly scenes: SceneBook;
  readonly today: string;
  /** The first day of the demo year (as the opinions'). */
  readonly from: string;
  /** How far ahead activities are planned. */
  readonly horizon: string;
  readonly reps = new Map<string, DemoRepresentative>();
  /** A representative's place in the data: the order their ids are given in. */
  readonly rank = new Map<string, number>();
  readonly congressByCode: Map<string, DemoCongress>;
  readonly stationByCode: Map<string, DemoStation>;
  readonly groupByCode: Map<string, DemoGroup>;
  readonly accountOfRep = new Map<string, string>();
  private readonly seatsOf = new Map<string, { rep: string; electedOn: string; endedOn: string | null }[]>();
  /** The days of the demo year and the planning horizon (day numbers), working and not, with their weights. */
  private readonly days = {
    working: { day: [] as number[], weight: [] as number[] },
    rest: { day: [] as number[], weight: [] as number[] },
  };
  private readonly memberCache = new Map<string, string[]>();

  constructor(
    readonly geo: Geography,
    readonly data: WorldData,
    readonly now: Date,
  ) {
    this.scenes = new SceneBook(geo);
    this.today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    this.from = addDays(this.today, -365);
    this.horizon = addDays(this.today, 28);
    data.representatives.forEach((r, i) => {
      this.reps.set(r.code, r);
      this.rank.set(r.code, i + 1);
    });
    this.congressByCode = new Map(data.congresses.map((c) => [c.code, c]));
    this.stationByCode = new Map(data.stations.map((s) => [s.code, s]));
    this.groupByCode = new Map(data.groups.map((g) => [g.code, g]));
    for (const a of data.accounts)
      if (a.representativeCode) this.accountOfRep.set(a.representativeCode, a.username);
    for (const s of data.seats) {
      const list = this.seatsOf.get(s.congressCode) ?? [];
      list.push({ rep: s.representativeCode, electedOn: s.electedOn, endedOn: s.endedOn });
      this.seatsOf.set(s.congressCode, list);
    }
    for (let d = dayOfDate(this.from); d <= dayOfDate(this.horizon); d++) {
      const date = dateOfDay(d);
      const list = isWorkingDay(this.cal, date) ? this.days.working : this.days.rest;
      list.day.push(d);
      list.weight.push(MONTH_WEIGHT[Number(date.slice(5, 7))] ?? 1);
    }
  }

  isActive(code: string): boolean {
    return this.reps.get(code)?.status === 'active';
  }

  /** The serving members of a congress on a date, in id order. */
  members(congressCode: string, date: string): string[] {
    const key = `${congressCode}/${date}`;
    let found = this.memberCache.get(key);
    if (found === undefined) {
      found = (this.seatsOf.get(congressCode) ?? [])
        .filter(
          (s) => s.electedOn <= date && (s.endedOn === null || s.endedOn > date) && this.isActive(s.rep),
        )
        .map((s) => s.rep)
        .sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
      this.memberCache.set(key, found);
    }
    return [...found];
  }

  /** The local congresses (those with a jurisdiction of the deployment). */
  localCongresses(): DemoCongress[] {
    return this.data.congresses.filter((c) => c.jurisdictionCode !== null);
  }

  /** The 代表工委 account for a jurisdiction: its district's or county's, the city's for the city. */
  staffFor(jurisdictionCode: string): string {
    const j = this.geo.get(jurisdictionCode);
    return j.level === 'city' ? 'staff' : `staff.${this.geo.countyOf(j.code).slug}`;
  }

  /** A unit of the jurisdiction (or the nearest above) that handles the category. */
  unitFor(category: string, jurisdictionCode: string): DemoUnit | null {
    let code: string | null = jurisdictionCode;
    while (code !== null) {
      const here = this.data.units.filter(
        (u) => u.jurisdictionCode === code && u.categories.includes(category) && u.kind !== 'township',
      );
      if (here.length > 0) return here[0]!;
      code = this.geo.get(code).parentCode;
    }
    return null;
  }

  /** A village or community in the jurisdiction (itself when it is one). */
  village(r: Random, jurisdictionCode: string): string {
    const j = this.geo.get(jurisdictionCode);
    if (j.level === 'village') return j.code;
    return r.pick(this.geo.villages.filter((v) => isWithin(v.code, j.code))).code;
  }

  /**
   * A day to hold something on between two dates (inclusive), weighted by the month: a working day,
   * or a weekend or holiday when `rest` (lectures and community events); null when there is none.
   */
  day(r: Random, lo: string, hi: string, rest = false): string | null {
    const { day, weight } = rest ? this.days.rest : this.days.working;
    const [a, b] = [dayOfDate(lo), dayOfDate(hi)];
    let first = 0;
    while (first < day.length && day[first]! < a) first += 1;
    let last = first;
    let total = 0;
    while (last < day.length && day[last]! <= b) total += weight[last++]!;
    if (last === first) return null;
    let x = r.next() * total;
    for (let i = first; i < last; i++) {
      x -= weight[i]!;
      if (x < 0) return dateOfDay(day[i]!);
    }
    return dateOfDay(day[last - 1]!);
  }

  isWorking(date: string): boolean {
    return isWorkingDay(this.cal, date);
  }

  /**
   * The first office moment (a working day, 8:30–17:30 Beijing) at or after an instant: when the
   * staff decide leave, type in attendance and minutes. Outside office hours, the next morning.
   */
  office(r: Random, ms: number): number {
    const at = new Date(ms);
    let day = dayOf(at);
    const minutes = beijingMinutes(at);
    const working = this.isWorking(dateOfDay(day));
    if (working && minutes >= 8 * 60 + 30 && minutes <= 17 * 60 + 30) return ms;
    if (!(working && minutes < 8 * 60 + 30)) {
      day += 1;
      while (!this.isWorking(dateOfDay(day))) day += 1;
    }
    return instantOf(day, r.int(8 * 60 + 30, 10 * 60 + 30)).getTime() + r.int(0, 59) * 1000;
  }

  /** A Beijing date and 'HH:MM' as an ISO instant. */
  at(date: string, time: string): string {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return beijingInstant(date, h * 60 + m).toISOString();
  }
}
