/** Dates and times as people here read them: Beijing time (UTC+8), whatever the browser's zone. */
import dayjs from 'dayjs';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

function beijingParts(iso: string): Date | null {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return null;
  return new Date(time + BEIJING_OFFSET_MS);
}

/** 2026-11-22 09:30:05 (Beijing time). */
export function formatDateTime(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return '';
  const d = beijingParts(iso);
  if (!d) return iso;
  const text = d.toISOString().replace('T', ' ');
  return withSeconds ? text.slice(0, 19) : text.slice(0, 16);
}

/** A calendar date 'YYYY-MM-DD' as it is (dates carry no zone). */
export function formatDate(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : '';
}

/** A local date-time picked in a form → the ISO instant of that Beijing wall-clock time. */
export function beijingToIso(value: dayjs.Dayjs): string {
  const wall = Date.UTC(
    value.year(),
    value.month(),
    value.date(),
    value.hour(),
    value.minute(),
    value.second(),
  );
  return new Date(wall - BEIJING_OFFSET_MS).toISOString();
}

export function toDateString(value: dayjs.Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export function fromDateString(value: string | null | undefined): dayjs.Dayjs | null {
  return value ? dayjs(value.slice(0, 10)) : null;
}

/** The Beijing calendar date of an instant: a deadline due at 23:59:59 Beijing time is that day. */
export function formatBeijingDate(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}

/** A ratio as a percentage with one decimal (0.8734 → 87.3%); null (no denominator) → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** "3 分钟前" style, in the chosen language, for recent notices; older ones get the date. */
export function formatAgo(iso: string, lang: 'zh-CN' | 'en', now = Date.now()): string {
  const diff = Math.max(0, now - new Date(iso).getTime());
  const minutes = Math.floor(diff / 60_000);
  if (minutes < 1) return lang === 'en' ? 'just now' : '刚刚';
  if (minutes < 60) return lang === 'en' ? `${minutes} min ago` : `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return lang === 'en' ? `${hours} h ago` : `${hours} 小时前`;
  const days = Math.floor(hours / 24);
  if (days < 7) return lang === 'en' ? `${days} d ago` : `${days} 天前`;
  return formatDateTime(iso, false).slice(0, 10);
}
