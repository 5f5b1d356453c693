/**
 * When and where opinions come in over the demo year: about 4,000, more in spring and autumn and
 * fewer around 春节 and 国庆, busier on working days. QR messages arrive at any hour (most in the
 * morning, at lunch and in the evening); reception-day registrations fall on each station's
 * reception days (its rule expanded with nextReceptionDates) within its reception hours, with the
 * representatives on duty; grid visits, walk-ins and phone calls come in office hours; messages
 * from other online platforms and items collected by staff are registered by the congress staff.
 */
import { nextReceptionDates } from '../../lib/recurrence.ts';
import { beijingDateOf, isWorkingDay, type WorkCalendar } from '../../lib/working-days.ts';
import type { Channel } from '../opinions/opinions.vocab.ts';
import type { DemoGrid, DemoJurisdiction, DemoRepresentative, DemoStation } from './demo.types.ts';
import { isWithin, type Geography } from './jurisdictions.ts';
import type { Random } from './random.ts';
import { addDays, beijingInstant } from './opinions.time.ts';

export interface Arrival {
  at: Date;
  channel: Channel;
  station: DemoStation | null;
  representative: DemoRepresentative | null;
  grid: DemoGrid | null;
  /** Where the item belongs (its scope and the start of its routing). */
  jurisdictionCode: string;
  /** The village or community the matter is about. */
  villageCode: string;
}

export interface IntakeWorld {
  geo: Geography;
  cal: WorkCalendar;
  stations: readonly DemoStation[];
  grids: readonly DemoGrid[];
  /** Serving representatives. */
  active: readonly DemoRepresentative[];
  /** The first day of the year of opinions and the day of seeding (Beijing dates); `now` the seeding instant. */
  from: string;
  today: string;
  now: Date;
}

/** Relative volume per month: spring and autumn busy, 春节 (Jan/Feb) and 国庆 (Oct) quiet. */
const MONTH_WEIGHT: Record<number, number> = {
  1: 0.9,
  2: 0.6,
  3: 1.15,
  4: 1.2,
  5: 1.1,
  6: 1.05,
  7: 0.95,
  8: 0.9,
  9: 1.1,
  10: 0.8,
  11: 1.15,
  12: 1.0,
};

/** Items a year per channel (reception is per station, below). */
const YEARLY: Record<Exclude<Channel, 'reception'>, number> = {
  qr: 1500,
  grid: 560,
  phone: 420,
  visit: 300,
  online: 220,
  staff: 200,
};

/** Reception-day items a year per station, by tier, before the month weights. */
const RECEPTION_YEARLY: Record<DemoStation['tier'], number> = {
  general: 30,
  center: 26,
  station: 26,
  point: 15,
};

/** How a channel's volume falls on a day: [working day, weekend, holiday]. */
const DAY_WEIGHT: Record<Exclude<Channel, 'reception'>, readonly [number, number, number]> = {
  qr: [1, 0.6, 0.35],
  online: [1, 0.6, 0.4],
  grid: [1, 0.12, 0],
  phone: [1, 0.08, 0.03],
  visit: [1, 0.05, 0],
  staff: [1, 0, 0],
};

function dayKind(cal: WorkCalendar, date: string): 0 | 1 | 2 {
  if (isWorkingDay(cal, date)) return 0;
  return cal.holidays.has(date) ? 2 : 1;
}

/** Poisson draw (Knuth): small means only. */
export function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

/** Minutes past midnight when a QR or online message is sent: mornings, lunch and evenings. */
function messageMinutes(rng: Random): number {
  const [lo, hi] = rng.weighted<readonly [number, number]>([
    [[7 * 60, 9 * 60], 15],
    [[9 * 60, 12 * 60], 20],
    [[12 * 60, 14 * 60], 15],
    [[14 * 60, 18 * 60], 18],
    [[18 * 60, 22 * 60], 26],
    [[22 * 60, 24 * 60 - 1], 5],
    [[0, 7 * 60], 1],
  ]);
  return rng.int(lo, hi);
}

function officeMinutes(rng: Random): number {
  return rng.chance(0.55) ? rng.int(8 * 60 + 40, 11 * 60 + 40) : rng.int(14 * 60 + 10, 17 * 60 + 20);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** How much QR, phone and walk-in traffic a station draws. */
function stationWeight(s: DemoStation): number {
  if (s.theme === 'park') return 4;
  if (s.theme !== 'community') return 2;
  return { general: 1.5, center: 3, station: 6, point: 3 }[s.tier];
}

export function buildArrivals(rng: Random, w: IntakeWorld): Arrival[] {
  const { geo } = w;
  const days: string[] = [];
  for (let d = w.from; d < w.today; d = addDays(d, 1)) days.push(d);
  days.push(w.today);
  const monthOf = (d: string) => MONTH_WEIGHT[Number(d.slice(5, 7))] ?? 1;
  const out: Arrival[] = [];
  const push = (a: Arrival) => {
    if (a.at.getTime() < w.now.getTime() && beijingDateOf(a.at) >= w.from) out.push(a);
  };

  const villagesIn = (code: string) => geo.villages.filter((v) => isWithin(v.code, code));
  /** The village a station's item is about: its own, or one in its area. */
  const villageFor = (s: DemoStation): DemoJurisdiction => {
    const where = geo.get(s.jurisdictionCode);
    if (s.code === 'ST-TEA')
      return rng.pick(villagesIn(where.code).filter((v) => geo.isRuralVillage(v.code)));
    if (where.level === 'village')
      return rng.chance(0.8) ? where : rng.pick(geo.villagesOf(where.parentCode!));
    return rng.pick(villagesIn(where.code));
  };
  const membersOf = (s: DemoStation) => {
    const members = new Set(s.memberCodes);
    return w.active.filter((r) => members.has(r.code));
  };
  const local = w.stations.filter((s) => s.tier === 'station' || s.tier === 'point');
  const qrStations = w.stations.map((s) => [s, stationWeight(s)] as const);
  const localWeighted = local.map((s) => [s, stationWeight(s)] as const);
  // Representatives whose own QR code people scan: those with an office below the city.
  const qrReps = w.active.filter((r) => r.jurisdictionCode !== geo.city.code);

  // Reception days: each station's rule, on the days that are working days.
  for (const s of w.stations) {
    // 56 occurrences cover a year of the weekly rules (and more than a year of the monthly ones).
    const dates = nextReceptionDates(s.receptionRule, w.from, 56).filter(
      (d) => d <= w.today && isWorkingDay(w.cal, d),
    );
    if (dates.length === 0) continue;
    const perDay = (RECEPTION_YEARLY[s.tier] * (s.theme === 'community' ? 1 : 0.8)) / dates.length;
    const members = membersOf(s);
    const [start, end] = [minutesOf(s.receptionStart), minutesOf(s.receptionEnd)];
    for (const d of dates) {
      const count = poisson(rng, perDay * monthOf(d));
      if (count === 0 || members.length === 0) continue;
      const onDuty = rng.sample(members, Math.min(members.length, rng.int(1, 3)));
      for (let i = 0; i < count; i++) {
        const village = villageFor(s);
        push({
          at: beijingInstant(d, rng.int(start, end - 5)),
          channel: 'reception',
          station: s,
          representative: rng.pick(onDuty),
          grid: null,
          jurisdictionCode: s.jurisdictionCode,
          villageCode: village.code,
        });
      }
    }
  }

  for (const channel of Object.keys(YEARLY) as (keyof typeof YEARLY)[]) {
    const weights = days.map((d) => monthOf(d) * DAY_WEIGHT[channel][dayKind(w.cal, d)]);
    const total = weights.reduce((a, b) => a + b, 0);
    days.forEach((d, i) => {
      const count = poisson(rng, (YEARLY[channel] * (weights[i] ?? 0)) / total);
      for (let k = 0; k < count; k++) {
        const anyTime = channel === 'qr' || channel === 'online';
        const at = beijingInstant(d, anyTime ? messageMinutes(rng) : officeMinutes(rng));
        switch (channel) {
          case 'qr': {
            if (rng.chance(0.25)) {
              const rep = rng.pick(qrReps);
              const home = geo.get(rep.homeCode);
              push({
                at,
                channel,
                station: null,
                representative: rep,
                grid: null,
                jurisdictionCode: rep.jurisdictionCode,
                villageCode: rng.chance(0.7) ? home.code : rng.pick(geo.villagesOf(home.parentCode!)).code,
              });
            } else {
              const s = rng.weighted(qrStations);
              push({
                at,
                channel,
                station: s,
                representative: null,
                grid: null,
                jurisdictionCode: s.jurisdictionCode,
                villageCode: villageFor(s).code,
              });
            }
            break;
          }
          case 'grid': {
            const g = rng.pick(w.grids);
            const member = g.memberCodes.length > 0 ? rng.pick(g.memberCodes) : null;
            push({
              at,
              channel,
              station: w.stations.find((s) => s.code === g.stationCode) ?? null,
              representative: member ? (w.active.find((r) => r.code === member) ?? null) : null,
              grid: g,
              jurisdictionCode: g.jurisdictionCode,
              villageCode: g.jurisdictionCode,
            });
            break;
          }
          case 'phone':
          case 'visit': {
            if (channel === 'phone' && rng.chance(0.3)) {
              const village = rng.pick(geo.villages);
              push({
                at,
                channel,
                station: null,
                representative: null,
                grid: null,
                jurisdictionCode: geo.townshipOf(village.code).code,
                villageCode: village.code,
              });
              break;
            }
            const s = rng.weighted(channel === 'visit' ? localWeighted : qrStations);
            push({
              at,
              channel,
              station: s,
              representative: null,
              grid: null,
              jurisdictionCode: s.jurisdictionCode,
              villageCode: villageFor(s).code,
            });
            break;
          }
          case 'online':
          case 'staff': {
            const village = rng.pick(geo.villages);
            const township = geo.townshipOf(village.code);
            // Staff also register what representatives bring back from their group activities.
            const rep =
              channel === 'staff' && rng.chance(0.5)
                ? rng.pick(w.active.filter((r) => isWithin(r.homeCode, geo.countyOf(village.code).code)))
                : null;
            push({
              at,
              channel,
              station: null,
              representative: rep,
              grid: null,
              jurisdictionCode:
                channel === 'staff' && rng.chance(0.4) ? geo.countyOf(village.code).code : township.code,
              villageCode: village.code,
            });
            break;
          }
        }
      }
    });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.villageCode.localeCompare(b.villageCode));
}
