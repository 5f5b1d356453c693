/**
 * Reception schedules as RFC 5545 recurrence rules ("每月第三个星期二" = FREQ=MONTHLY;BYDAY=+3TU,
 * "单月15日" = FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=15, "每周一" = FREQ=WEEKLY;BYDAY=MO),
 * read with the `rrule` library: checked (`parseReceptionRule`), described in words
 * (`describeReceptionRule`), read from words (`receptionRuleFromText`) and expanded into dates
 * (`nextReceptionDates`). Dates are calendar dates ('YYYY-MM-DD'), computed in UTC so the
 * server's time zone never shifts a day.
 */
import rrulePkg from 'rrule';
import type { Bilingual } from '../platform/http/errors.ts';
import { toHalfWidth } from './halfwidth.ts';

const { RRule, Frequency } = rrulePkg;

/** Weekdays Monday first, as RFC 5545 writes them and as Chinese does (星期一 … 星期日). */
const WEEKDAY_RRULE = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAY_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAY_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ORDINAL_ZH: Record<number, string> = {
  1: '第一个',
  2: '第二个',
  3: '第三个',
  4: '第四个',
  5: '第五个',
  [-1]: '最后一个',
};
const ORDINAL_EN: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', 5: '5th', [-1]: 'last' };

export interface ParsedRule {
  freq: 'weekly' | 'monthly';
  interval: number;
  /** Weekdays 0 = Monday … 6 = Sunday, with an ordinal for monthly rules (3 = third, -1 = last). */
  byDay: { weekday: number; n: number | null }[];
  byMonthDay: number[];
  byMonth: number[];
}

export type RuleResult = { ok: true; rule: ParsedRule } | { ok: false; message: Bilingual };

const fail = (zh: string, en: string): RuleResult => ({ ok: false, message: { zh, en } });

/** Parse and check a rule; only the weekly and monthly forms a reception schedule needs are accepted. */
export function parseReceptionRule(text: string): RuleResult {
  if (text.length > 200 || !/^[A-Z0-9=;,+-]+$/.test(text))
    return fail('接待规则格式不正确', 'The reception rule is malformed');
  let options;
  try {
    options = RRule.parseString(text);
  } catch {
    return fail('接待规则格式不正确', 'The reception rule is malformed');
  }
  const allowed = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH']);
  for (const part of text.split(';')) {
    const key = part.split('=')[0] ?? '';
    if (!allowed.has(key)) return fail(`接待规则不支持 ${key}`, `The reception rule does not support ${key}`);
  }
  if (options.freq !== Frequency.WEEKLY && options.freq !== Frequency.MONTHLY) {
    return fail('接待规则只能按周或按月重复', 'A reception rule repeats weekly or monthly');
  }
  const freq = options.freq === Frequency.WEEKLY ? 'weekly' : 'monthly';
  const interval = options.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 12)
    return fail('重复间隔应为 1–12', 'The interval must be 1–12');
  const rawDays =
    options.byweekday === null || options.byweekday === undefined
      ? []
      : Array.isArray(options.byweekday)
        ? options.byweekday
        : [options.byweekday];
  const byDay = rawDays.map((d) =>
    typeof d === 'number'
      ? { weekday: d, n: null }
      : typeof d === 'string'
        ? { weekday: WEEKDAY_RRULE.indexOf(d), n: null }
        : { weekday: d.weekday, n: d.n ?? null },
  );
  const byMonthDay =
    options.bymonthday === null || options.bymonthday === undefined ? [] : [options.bymonthday].flat();
  const byMonth = options.bymonth === null || options.bymonth === undefined ? [] : [options.bymonth].flat();
  if (byMonthDay.some((d) => d < 1 || d > 28)) {
    return fail(
      '每月的接待日应为 1–28 日（每个月都有的日子）',
      'A monthly reception day must be 1–28 (a day every month has)',
    );
  }
  if (freq === 'weekly') {
    if (byDay.length === 0) return fail('按周接待须选择星期几', 'A weekly rule needs a weekday');
    if (byDay.some((d) => d.n !== null) || byMonthDay.length > 0)
      return fail('按周接待不能指定第几周或日期', 'A weekly rule takes plain weekdays');
  } else {
    if (byDay.length === 0 && byMonthDay.length === 0)
      return fail(
        '按月接待须指定日期或第几个星期几',
        'A monthly rule needs a day of the month or an nth weekday',
      );
    if (byDay.length > 0 && byMonthDay.length > 0)
      return fail('按月接待只能指定日期或星期之一', 'A monthly rule takes either days or weekdays, not both');
    if (byDay.some((d) => d.n === null || ![1, 2, 3, 4, 5, -1].includes(d.n))) {
      return fail(
        '按月接待的星期须注明第几个（如第三个星期二）',
        'A monthly weekday needs an ordinal (e.g. 3rd Tuesday)',
      );
    }
  }
  return { ok: true, rule: { freq, interval, byDay, byMonthDay, byMonth } };
}

function monthsText(byMonth: number[]): Bilingual | null {
  if (byMonth.length === 0) return null;
  const sorted = [...byMonth].sort((a, b) => a - b);
  if (sorted.join() === '1,3,5,7,9,11') return { zh: '单月', en: 'odd months' };
  if (sorted.join() === '2,4,6,8,10,12') return { zh: '双月', en: 'even months' };
  return { zh: `${sorted.join('、')}月`, en: `months ${sorted.join(', ')}` };
}

/** "每月第三个星期二 9:00–11:00" / "3rd Tue of every month 9:00–11:00". */
export function describeReceptionRule(text: string, start?: string | null, end?: string | null): Bilingual {
  const parsed = parseReceptionRule(text);
  if (!parsed.ok) return parsed.message;
  const r = parsed.rule;
  const time = start && end ? ` ${start.replace(/^0/, '')}–${end.replace(/^0/, '')}` : '';
  const months = monthsText(r.byMonth);
  if (r.freq === 'weekly') {
    const days = r.byDay.map((d) => d.weekday).sort((a, b) => a - b);
    const every =
      r.interval === 1
        ? { zh: '每周', en: 'Every week' }
        : { zh: `每${r.interval}周`, en: `Every ${r.interval} weeks` };
    return {
      zh: `${months ? months.zh : ''}${every.zh}${days.map((d) => `星期${WEEKDAY_ZH[d]}`).join('、')}${time}`,
      en: `${every.en} on ${days.map((d) => WEEKDAY_EN[d]).join(', ')}${months ? ` in ${months.en}` : ''}${time}`,
    };
  }
  const every =
    months ??
    (r.interval === 1
      ? { zh: '每月', en: 'every month' }
      : { zh: `每${r.interval}个月`, en: `every ${r.interval} months` });
  const everyZh = months ? months.zh : every.zh;
  if (r.byMonthDay.length > 0) {
    const days = [...r.byMonthDay].sort((a, b) => a - b);
    return {
      zh: `${everyZh}${days.join('、')}日${time}`,
      en: `Day ${days.join(', ')} of ${every.en}${time}`,
    };
  }
  const parts = r.byDay.map((d) => ({
    zh: `${ORDINAL_ZH[d.n ?? 1]}星期${WEEKDAY_ZH[d.weekday]}`,
    en: `${ORDINAL_EN[d.n ?? 1]} ${WEEKDAY_EN[d.weekday]}`,
  }));
  return {
    zh: `${everyZh}${parts.map((p) => p.zh).join('、')}${time}`,
    en: `${parts.map((p) => p.en).join(', ')} of ${every.en}${time}`,
  };
}

/** The next `count` dates on or after `from` ('YYYY-MM-DD'). */
export function nextReceptionDates(text: string, from: string, count: number): string[] {
  const parsed = parseReceptionRule(text);
  if (!parsed.ok) return [];
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const rule = new RRule({ ...RRule.parseString(text), dtstart: new Date(Date.UTC(y, m - 1, d)), count });
  return rule.all().map((date) => date.toISOString().slice(0, 10));
}

/** 一 → MO … 日 → SU, and 天 (星期天) → SU. */
const WEEKDAY_CODES: Record<string, string> = {
  ...Object.fromEntries(WEEKDAY_ZH.map((zh, i) => [zh, WEEKDAY_RRULE[i]!])),
  天: 'SU',
};
const CHINESE_NUMBERS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};
const RULE_SEPARATOR = /[、,，和及]/;

function countOf(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return CHINESE_NUMBERS[text] ?? null;
}

/**
 * A reception schedule written as people write it — 每周一, 每两周星期三, 每月15日, 每月5、20日,
 * 每月第三个星期二, 每月最后一个星期五, 单月15日, 双月第一个星期一 — as an RFC 5545 rule (without the
 * RRULE: prefix); null when the text is not one of these forms (it may then be a rule already).
 * It reads back what `describeReceptionRule` writes in Chinese. The rule is not checked here:
 * pass it to `parseReceptionRule` (每月31日 gives a rule that it refuses).
 */
export function receptionRuleFromText(input: string): string | null {
  let s = toHalfWidth(input).replace(/\s+/g, '');
  let months = '';
  const monthPrefix = /^(单月|双月)/.exec(s);
  if (monthPrefix) {
    months = monthPrefix[1] === '单月' ? ';BYMONTH=1,3,5,7,9,11' : ';BYMONTH=2,4,6,8,10,12';
    s = s.slice(2);
  }
  const weekly = /^每(?:(\d+|[两二三四五六])周|周)(.+)$/.exec(s);
  if (weekly) {
    const interval = weekly[1] === undefined ? 1 : countOf(weekly[1]);
    const days = (weekly[2] ?? '')
      .split(RULE_SEPARATOR)
      .map((d) => /^(?:星期|周)?([一二三四五六日天])$/.exec(d)?.[1]);
    if (interval === null || days.some((d) => d === undefined)) return null;
    const byDay = days.map((d) => WEEKDAY_CODES[d!]).join(',');
    return `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${byDay}${months}`;
  }
  const monthly = /^每(?:(\d+|[两二三四五六]|十一|十二)个月|月)(.+)$/.exec(s);
  let interval = 1;
  let rest: string;
  if (monthly) {
    const n = monthly[1] === undefined ? 1 : countOf(monthly[1]);
    if (n === null) return null;
    interval = n;
    rest = monthly[2] ?? '';
  } else if (months) {
    // 单月15日: the month prefix alone says how often.
    rest = s;
  } else {
    return null;
  }
  const parts = rest.split(RULE_SEPARATOR);
  const head = `FREQ=MONTHLY${interval > 1 ? `;INTERVAL=${interval}` : ''}`;
  if (/[日号]$/.test(rest) && parts.every((p) => /^\d{1,2}[日号]?$/.test(p))) {
    return `${head};BYMONTHDAY=${parts.map((p) => Number(p.replace(/[日号]/, ''))).join(',')}${months}`;
  }
  const byDay: string[] = [];
  for (const p of parts) {
    const nth = /^第([一二三四五1-5])个?(?:星期|周)([一二三四五六日天])$/.exec(p);
    const last = /^最后一个?(?:星期|周)([一二三四五六日天])$/.exec(p);
    if (nth) byDay.push(`+${countOf(nth[1]!)}${WEEKDAY_CODES[nth[2]!]}`);
    else if (last) byDay.push(`-1${WEEKDAY_CODES[last[1]!]}`);
    else return null;
  }
  return `${head};BYDAY=${byDay.join(',')}${months}`;
}

/** What a reception day that falls on a holiday or weekend off becomes. */
export const HOLIDAY_POLICIES = ['next_working_day', 'previous_working_day', 'skip'] as const;
export type HolidayPolicy = (typeof HOLIDAY_POLICIES)[number];

export const HOLIDAY_POLICY_LABELS: Record<HolidayPolicy, Bilingual> = {
  next_working_day: { zh: '遇节假日顺延至下一个工作日', en: 'moved to the next working day' },
  previous_working_day: { zh: '遇节假日提前至上一个工作日', en: 'moved to the working day before' },
  skip: { zh: '遇节假日当次取消', en: 'skipped' },
};

export interface ReceptionDay {
  /** The date the rule gives. */
  ruleDate: string;
  /** The date reception is held (the rule date, or where the holiday policy moved it). */
  date: string;
  /** Why it moved: the rule date is not a working day. */
  moved: boolean;
}

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The reception days of a rule from `from` to `to` (inclusive, 'YYYY-MM-DD'), on the official
 * calendar: a rule date that is not a working day (a holiday, or a weekend not made a working day
 * by 调休) is moved to the next or previous working day, or skipped, as the station's policy says.
 * `isWorkingDay` is passed in (lib/working-days.ts with the deployment's calendar) so this stays
 * pure. A moved day never lands on another rule date's day twice: duplicates are dropped.
 */
export function receptionDays(
  text: string,
  from: string,
  to: string,
  isWorkingDay: (date: string) => boolean,
  policy: HolidayPolicy = 'next_working_day',
): ReceptionDay[] {
  const parsed = parseReceptionRule(text);
  if (!parsed.ok || from > to) return [];
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const rule = new RRule({ ...RRule.parseString(text), dtstart: new Date(Date.UTC(y, m - 1, d)) });
  const dates = rule
    .between(new Date(Date.UTC(y, m - 1, d)), new Date(Date.UTC(ty, tm - 1, td)), true)
    .map((date) => date.toISOString().slice(0, 10));
  const out: ReceptionDay[] = [];
  const seen = new Set<string>();
  for (const ruleDate of dates) {
    let date: string | null = ruleDate;
    if (!isWorkingDay(ruleDate)) {
      if (policy === 'skip') date = null;
      else {
        const step = policy === 'next_working_day' ? 1 : -1;
        date = shiftDate(ruleDate, step);
        for (let i = 0; i < 31 && !isWorkingDay(date); i++) date = shiftDate(date, step);
      }
    }
    if (date === null || seen.has(date)) continue;
    seen.add(date);
    out.push({ ruleDate, date, moved: date !== ruleDate });
  }
  return out;
}
