/**
 * When the demo's congresses meet: each holds its yearly session (人民代表大会会议) early in the
 * year — the districts and the county first, then the city, then the towns and the street
 * assembly — and numbers it within its term (the electing session is the first; one a year
 * after). Suggestions made at a session (大会期间) are screened in batches in the week after it and
 * assigned at one 交办会 some weeks later; those made between sessions (闭会期间) go one by one.
 */
import type { DemoCongress } from './demo.types.ts';
import { chineseNumber } from './congresses.ts';
import { dateOfDay, dayOfDate, type WorkingDays } from './opinions.time.ts';

export interface Session {
  congressCode: string;
  number: number;
  /** The session's days (working days), as day numbers. */
  days: number[];
  /** Days on which the staff register the session's suggestions, in batches. */
  screening: number[];
  /** The 交办会: most cases are assigned that day. */
  assignment: number;
  /** How replies name the session: 市十六届人大五次会议. */
  label: string;
}

/** Month-day of the opening, the session's length, when screening and the 交办会 follow (working days after the close). */
export interface SessionShape {
  opens: string;
  length: number;
  screeningAfter: readonly number[];
  assignmentAfter: number;
}

const DAY = 86_400_000;

const PREFIX: Record<DemoCongress['level'], string> = {
  national: '全国',
  provincial: '省',
  city: '市',
  county: '区',
  township: '镇',
  street: '街道',
};

function prefix(c: DemoCongress, name: string): string {
  return c.level === 'county' && name.endsWith('县') ? '县' : PREFIX[c.level];
}

/** 市十六届人大五次会议, 镇十八届人大五次会议, 街道三届议政代表会议五次会议. */
export function sessionLabel(c: DemoCongress, jurisdictionName: string, n: number): string {
  const p = prefix(c, jurisdictionName);
  const term = chineseNumber(c.termNumber);
  return c.level === 'street'
    ? `${p}${term}届议政代表会议${chineseNumber(n)}次会议`
    : `${p}${term}届人大${chineseNumber(n)}次会议`;
}

/**
 * The latest yearly session held by `today` within the congress's term, or null. Its number
 * counts the electing session as the first and one a year after it (a yearly date within three
 * months of the term's start is the electing session itself).
 */
export function latestSession(
  c: DemoCongress,
  jurisdictionName: string,
  shape: SessionShape,
  days: WorkingDays,
  today: string,
): Session | null {
  const opening = (year: number) => days.after(dayOfDate(`${year}-${shape.opens}`), 0);
  const startYear = Number(c.termStart.slice(0, 4));
  const firstCounted = Date.parse(`${c.termStart}T00:00:00Z`) + 90 * DAY;
  for (let year = Number(today.slice(0, 4)); year >= startYear; year--) {
    const open = opening(year);
    const date = dateOfDay(open);
    if (date > today || date > c.termEnd || date < c.termStart) continue;
    let number = 1;
    for (let y = startYear; y <= year; y++)
      if (opening(y) * DAY >= firstCounted && opening(y) <= open) number += 1;
    const list = [open];
    while (list.length < shape.length) list.push(days.after(list.at(-1)!, 1));
    const close = list.at(-1)!;
    return {
      congressCode: c.code,
      number,
      days: list,
      screening: shape.screeningAfter.map((n) => days.after(close, n)),
      assignment: days.after(close, shape.assignmentAfter),
      label: sessionLabel(c, jurisdictionName, number),
    };
  }
  return null;
}
