/** Dates, codes and numbers as people in China read them. Times are shown in Beijing time. */

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const BEIJING_MS = 8 * 3_600_000;

function beijing(iso: string): Date {
  return new Date(new Date(iso).getTime() + BEIJING_MS);
}

/** '2026-03-17' → '3月17日 星期二'. */
export function dayText(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${m}月${d}日 星期${WEEKDAYS[weekday]}`;
}

/** An instant as '2026年3月2日'. */
export function dateText(iso: string): string {
  const b = beijing(iso);
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日`;
}

/** An instant as '3月2日 09:15' (the year when it is not this year's). */
export function dateTimeText(iso: string): string {
  const b = beijing(iso);
  const thisYear = beijing(new Date().toISOString()).getUTCFullYear();
  const hh = String(b.getUTCHours()).padStart(2, '0');
  const mm = String(b.getUTCMinutes()).padStart(2, '0');
  const year = b.getUTCFullYear() === thisYear ? '' : `${b.getUTCFullYear()}年`;
  return `${year}${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${hh}:${mm}`;
}

/** A due instant as '3月4日（星期三）'. */
export function dueText(iso: string): string {
  const b = beijing(iso);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日（星期${WEEKDAYS[b.getUTCDay()]}）`;
}

/** An instant's hour and minute in Beijing time: '09:05'. */
function clockText(iso: string): string {
  const b = beijing(iso);
  return `${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')}`;
}

/** A time range in Beijing time: '9:00–11:00' (hours without a leading zero, as on a notice board). */
export function hoursText(startsAt: string, endsAt: string): string {
  return `${clockText(startsAt).replace(/^0/, '')}–${clockText(endsAt).replace(/^0/, '')}`;
}

/** Today's date in Beijing: '2026-03-17'. */
export function todayInBeijing(now: Date = new Date()): string {
  return beijing(now.toISOString()).toISOString().slice(0, 10);
}

/** '2026-03-17' as seen from today: '今天', '明天', '后天', or null. */
export function relativeDay(date: string, today: string = todayInBeijing()): string | null {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return days === 0 ? '今天' : days === 1 ? '明天' : days === 2 ? '后天' : null;
}

/** '2026-03' → '2026年3月'. */
export function monthText(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** A schedule in words split into the days and the hours ('每月第三个星期二', '9:00–11:00'), to keep the hours on one line. */
export function splitHours(text: string): [string, string | null] {
  const m = /^(.*\S)\s+(\d{1,2}:\d{2}–\d{1,2}:\d{2})$/.exec(text);
  return m ? [m[1]!, m[2]!] : [text, null];
}

/** A tracking code in groups of four, to read aloud or copy down: 'ab3k7mq2xp' → 'ab3k-7mq2-xp'. */
export function groupCode(code: string): string {
  return normaliseCode(code).replace(/(.{4})(?=.)/g, '$1-');
}

/** What a person typed (spaces, dashes, capitals, full-width letters) as the code itself. */
export function normaliseCode(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/** A rate as '93.5%', or '—' when nothing was counted yet (never 0% or 100% for "no data"). */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  const p = Math.round(rate * 1000) / 10;
  return `${p}%`;
}

export function count(n: number): string {
  return n.toLocaleString('zh-CN');
}
