/** The activity calendar's filters as they sit in the URL, and the API query they make. */
import type { ActivityListQuery } from '../../api/types.ts';
import { numberOrUndefined } from '../../components/paging.ts';

export const ACTIVITY_FILTER_KEYS = [
  'mode',
  'month',
  'day',
  'from',
  'to',
  'typeCode',
  'stationId',
  'groupId',
  'mine',
  'cancelled',
] as const;
export type ActivityFilterKey = (typeof ACTIVITY_FILTER_KEYS)[number];
export type ActivityFilters = Record<ActivityFilterKey, string | undefined>;
export type SetActivityFilters = (
  patch: Partial<Record<ActivityFilterKey, string | number | boolean | null | undefined>>,
) => void;

/** What "clear filters" clears (not the mode or the month shown). */
export const NARROWING_KEYS: readonly ActivityFilterKey[] = [
  'typeCode',
  'stationId',
  'groupId',
  'mine',
  'cancelled',
  'from',
  'to',
];

const isDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function queryOf(f: ActivityFilters): Omit<ActivityListQuery, 'page' | 'pageSize' | 'from' | 'to'> {
  return {
    typeCode: f.typeCode || undefined,
    stationId: numberOrUndefined(f.stationId),
    groupId: numberOrUndefined(f.groupId),
    view: f.mine ? 'mine' : 'all',
    includeCancelled: f.cancelled ? true : undefined,
  };
}

export function rangeOf(f: ActivityFilters): { from?: string; to?: string } {
  return { from: isDate(f.from), to: isDate(f.to) };
}
