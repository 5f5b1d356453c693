/** Table paging with the total ("共 N 条"), page-size choice, and list state kept in the URL. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../i18n/I18nProvider.tsx';

export const PAGE_SIZES = [10, 20, 50, 100];

export function pagination(
  t: Translate,
  total: number | undefined,
  page: number,
  pageSize: number,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (n) => t('common.total', { n }),
    onChange,
    responsive: true,
    showLessItems: true,
  };
}

/**
 * Filters, page and page size of a list in the URL's query string, so that going back from a
 * detail page, reloading or sharing a link keeps the list as it was.
 */
export function useListParams<K extends string>(filterKeys: readonly K[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Number(params.get('pageSize')) || defaultPageSize;
  const keyList = filterKeys.join(',');
  const filters = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keyList.split(',') as K[]) out[k] = params.get(k) ?? undefined;
    return out;
  }, [params, keyList]);

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | number | boolean | null | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '' || v === false) next.delete(k);
            else next.set(k, String(v));
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPaging = useCallback(
    (p: number, size: number) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (p > 1) next.set('page', String(p));
          else next.delete('page');
          if (size !== defaultPageSize) next.set('pageSize', String(size));
          else next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaultPageSize],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, setFilters, page, pageSize, setPaging, reset, params, setParams };
}

export function numberOrUndefined(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) ? n : undefined;
}
