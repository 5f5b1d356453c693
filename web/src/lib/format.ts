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
