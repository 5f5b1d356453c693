/**
 * Reception days (接待选民日) exactly as receptions.service.ts makes them, for the demo year and the
 * coming notice window: each station's rule expanded with `receptionDays` on the official calendar
 * under the station's holiday policy, the title, hours and place the service writes, the rule date
 * kept, and those on duty taken from the roster with `onDuty` — the roster in id order, which is the
 * order the representatives are inserted in. Each day is made when it enters the notice window
 * (the hourly job, just after midnight), and the representatives on duty are told.
 *
 * The opinions the demo registered at a reception desk (channel 'reception') fall on these days:
 * a station's days start early enough to cover its first one. Whoever took an item at the desk
 * was there: on duty, they were present; not on duty (members often come on the station's day),
 * the officer added them to the list and they checked in before their first item.
 */
import { onDuty, receptionTitle } from '../activities/activities.domain.ts';
import { receptionDays, type HolidayPolicy, type ReceptionDay } from '../../lib/recurrence.ts';
import { DUTY } from './activities.people.ts';
import { turnout } from './activities.phrases.ts';
import type { Invitee, Outcome, Skeleton } from './activities.skeleton.ts';
import type { World } from './activities.world.ts';
import type { DemoOpinion, DemoStation } from './demo.types.ts';
import { addDays, beijingInstant } from './opinions.time.ts';
import type { Random } from './random.ts';

/** The station settings the demo stations keep at the migration's defaults. */
export const RECEPTION_HOLIDAY: HolidayPolicy = 'next_working_day';
export const RECEPTION_ON_DUTY = 2;
export const RECEPTION_NOTICE_DAYS = 14;

/** The day's place in the rule's sequence since the epoch (receptions.service.ts). */
const dayIndex = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The station's roster as the service reads it: active members, by id (here: by rank). */
export function rosterOf(w: World, s: DemoStation): string[] {
  return s.memberCodes.filter((c) => w.isActive(c)).sort((a, b) => w.rank.get(a)! - w.rank.get(b)!);
}

/** Who is on duty on a rule date, as receptions.service.ts computes it (ranks stand for ids). */
export function dutyOf(w: World, roster: readonly string[], ruleDate: string): string[] {
  const byRank = new Map(roster.map((c) => [w.rank.get(c)!, c]));
  return onDuty([...byRank.keys()], Math.floor(dayIndex(ruleDate) / 7), RECEPTION_ON_DUTY).map((rank) =>
    byRank.get(rank)!,
  );
}

/** The first day of a station's reception days: the demo year, or its opening, or its first desk item. */
export function receptionFrom(w: World, s: DemoStation, firstItem: string | undefined): string {
  const opened = s.openedOn > w.from ? s.openedOn : w.from;
  return firstItem !== undefined && firstItem < opened ? firstItem : opened;
}

/** The reception days of a station in the demo (rule dates from `receptionFrom` to the notice window's end). */
export function stationReceptionDays(
  w: World,
  s: DemoStation,
  firstItem: string | undefined,
): ReceptionDay[] {
  return receptionDays(
    s.receptionRule,
    receptionFrom(w, s, firstItem),
    addDays(w.today, RECEPTION_NOTICE_DAYS),
    (d) => w.isWorking(d),
    RECEPTION_HOLIDAY,
  );
}

/** Reception-desk opinions by station and Beijing date. */
export function deskItems(opinions: readonly DemoOpinion[]): Map<string, DemoOpinion[]> {
  const out = new Map<string, DemoOpinion[]>();
  for (const o of opinions) {
    if (o.channel !== 'reception' || o.stationCode === null) continue;
    const key = `${o.stationCode}/${beijingDate(o.submittedAt)}`;
    const list = out.get(key) ?? [];
    list.push(o);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return out;
}

export function buildReceptionDays(r: Random, w: World): Skeleton[] {
  const desk = deskItems(w.data.opinions);
  const first = new Map<string, string>();
  for (const key of [...desk.keys()].sort()) {
    const [station, date] = key.split('/') as [string, string];
    if (!first.has(station)) first.set(station, date);
  }
  const out: Skeleton[] = [];
  for (const s of w.data.stations) {
    const roster = rosterOf(w, s);
    for (const day of stationReceptionDays(w, s, first.get(s.code))) {
      out.push(receptionDay(r, w, s, day, roster, desk.get(`${s.code}/${day.date}`) ?? []));
    }
  }
  return out;
}

function receptionDay(
  r: Random,
  w: World,
  s: DemoStation,
  day: ReceptionDay,
  roster: readonly string[],
  items: readonly DemoOpinion[],
): Skeleton {
  const duty = dutyOf(w, roster, day.ruleDate);
  const startsAt = w.at(day.date, s.receptionStart);
  const endsAt = w.at(day.date, s.receptionEnd);
  // Made by the hourly job on the first run of the day the rule date enters the notice window.
  const made = beijingInstant(addDays(day.ruleDate, -RECEPTION_NOTICE_DAYS), r.int(1, 59)).getTime();
  const createdAt = new Date(Math.min(made, w.now.getTime() - 60_000)).toISOString();
  const firstItemOf = new Map<string, number>();
  for (const o of items) {
    if (o.representativeCode !== null && !firstItemOf.has(o.representativeCode))
      firstItemOf.set(o.representativeCode, Date.parse(o.submittedAt));
  }
  const invitees: Invitee[] = duty.map((code) => {
    const by = firstItemOf.get(code);
    return {
      code,
      role: 'participant',
      invitedAt: createdAt,
      ...(by === undefined
        ? {}
        : { plan: { signUp: r.chance(0.5), leave: null, attend: 'qr', checkInBy: by } }),
    };
  });
  for (const [code, by] of firstItemOf) {
    if (duty.includes(code)) continue;
    // Added by the officer as they arrived for the day.
    const invitedAt = new Date(
      Math.max(Date.parse(createdAt), Date.parse(startsAt) - r.int(20, 55) * 60_000),
    );
    invitees.push({
      code,
      role: 'participant',
      invitedAt: invitedAt.toISOString(),
      plan: { signUp: false, leave: null, attend: 'qr', checkInBy: by },
    });
  }
  const onSpot = items.filter((o) => o.events.some((e) => e.action === 'answer_on_spot')).length;
  const minutes = (o: Outcome): string | null => {
    if (!r.chance(0.7)) return null;
    const names = o.participants
      .filter((p) => p.attendance === 'present')
      .map((p) => w.reps.get(p.representativeCode)!.name);
    if (names.length === 0) return null;
    const visitors = items.length + r.int(1, 6);
    const head = `${names.join('、')}代表到站接待，${turnout(o.invited, o.present, o.onLeave)}。共接待群众${visitors}人次`;
    if (items.length === 0)
      return `${head}，以政策咨询和情况反映为主，均已现场解释说明，未登记需转办的意见建议。`;
    return `${head}，登记意见建议${items.length}件，其中现场答复${onSpot}件，其余${items.length - onSpot}件已按程序转交办理，办理情况将及时向群众反馈。`;
  };
  return {
    typeCode: 'reception',
    title: receptionTitle(s.name, day),
    organiser: 'station',
    congressCode: null,
    stationCode: s.code,
    groupCode: null,
    jurisdictionCode: s.jurisdictionCode,
    startsAt,
    endsAt,
    place: s.address,
    agenda: '接待选民，听取群众意见建议',
    ruleDate: day.ruleDate,
    createdByUsername: null,
    createdAt,
    manager: s.officerUsername,
    habits: DUTY,
    invitees,
    minutes,
  };
}
