/** The suggestion lists' filters as they sit in the URL, and the API query they make. */
import {
  REPLY_CLASSES,
  SUGGESTION_KINDS,
  SUGGESTION_STATES,
  type ReplyClass,
  type SuggestionKind,
  type SuggestionState,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import type { SuggestionListQuery } from '../../api/types.ts';
import { numberOrUndefined } from '../../components/paging.ts';

export const SUGGESTION_FILTER_KEYS = [
  'view',
  'q',
  'year',
  'congressId',
  'kind',
  'status',
  'unitId',
  'categoryCode',
  'replyClass',
] as const;
export type SuggestionFilterKey = (typeof SUGGESTION_FILTER_KEYS)[number];
export type SuggestionFilters = Record<SuggestionFilterKey, string | undefined>;
export type SetSuggestionFilters = (
  patch: Partial<Record<SuggestionFilterKey, string | number | boolean | null | undefined>>,
) => void;

/** What "clear filters" clears (not the tab). */
export const NARROWING_KEYS = SUGGESTION_FILTER_KEYS.filter((k) => k !== 'view');

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export function queryOf(f: SuggestionFilters): Omit<SuggestionListQuery, 'page' | 'pageSize' | 'view'> {
  return {
    q: f.q,
    year: numberOrUndefined(f.year),
    congressId: numberOrUndefined(f.congressId),
    kind: oneOf<SuggestionKind>(SUGGESTION_KINDS, f.kind),
    status: oneOf<SuggestionState>(SUGGESTION_STATES, f.status),
    unitId: numberOrUndefined(f.unitId),
    categoryCode: f.categoryCode,
    replyClass: oneOf<ReplyClass>(REPLY_CLASSES, f.replyClass),
  };
}

/** This year and the few before it (suggestions are counted by year). */
export function recentYears(n = 6, now = new Date()): number[] {
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  return Array.from({ length: n }, (_, i) => year - i);
}
