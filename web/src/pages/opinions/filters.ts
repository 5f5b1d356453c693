/** The opinion list's filters as they sit in the URL, and the API query they make. */
import {
  OPINION_STATES,
  type Channel,
  type OpinionState,
  type Rating,
} from '../../../../src/modules/opinions/opinions.vocab.ts';
import type { OpinionListQuery } from '../../api/types.ts';
import { numberOrUndefined } from '../../components/paging.ts';

export const OPINION_FILTER_KEYS = [
  'view',
  'q',
  'status',
  'channel',
  'categoryCode',
  'jurisdictionId',
  'stationId',
  'groupId',
  'gridId',
  'unitId',
  'representativeId',
  'from',
  'to',
  'overdue',
  'dueSoon',
  'rating',
  'rehandled',
  'sort',
] as const;
export type OpinionFilterKey = (typeof OPINION_FILTER_KEYS)[number];
export type OpinionFilters = Record<OpinionFilterKey, string | undefined>;
export type SetOpinionFilters = (
  patch: Partial<Record<OpinionFilterKey, string | number | boolean | null | undefined>>,
) => void;

/** Filters that narrow the list (not the view or the order): what "clear filters" clears and the phone's badge counts. */
export const NARROWING_KEYS = OPINION_FILTER_KEYS.filter((k) => k !== 'view' && k !== 'sort');

const STATE_SET = new Set<string>(OPINION_STATES);

export function statusesOf(value: string | undefined): OpinionState[] {
  return (value ?? '').split(',').filter((s): s is OpinionState => STATE_SET.has(s));
}

const flag = (v: string | undefined) => (v === 'true' ? true : undefined);

/** The list query of these filters (without paging and view). */
export function queryOf(filters: OpinionFilters): Omit<OpinionListQuery, 'page' | 'pageSize' | 'view'> {
  const status = statusesOf(filters.status);
  return {
    q: filters.q,
    status: status.length ? status : undefined,
    channel: filters.channel as Channel | undefined,
    categoryCode: filters.categoryCode,
    jurisdictionId: numberOrUndefined(filters.jurisdictionId),
    stationId: numberOrUndefined(filters.stationId),
    groupId: numberOrUndefined(filters.groupId),
    gridId: numberOrUndefined(filters.gridId),
    unitId: numberOrUndefined(filters.unitId),
    representativeId: numberOrUndefined(filters.representativeId),
    from: filters.from,
    to: filters.to,
    overdue: flag(filters.overdue),
    dueSoon: flag(filters.dueSoon),
    rating: filters.rating as Rating | undefined,
    rehandled: flag(filters.rehandled),
    sort: filters.sort as OpinionListQuery['sort'],
  };
}

/** A link to the ledger with these filters (the dashboard's click-throughs). */
export function ledgerLink(
  filters: Partial<Record<OpinionFilterKey, string | number | boolean | undefined>>,
): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === '' || v === false) continue;
    search.set(k, String(v));
  }
  const text = search.toString();
  return `/opinions/ledger${text ? `?${text}` : ''}`;
}
