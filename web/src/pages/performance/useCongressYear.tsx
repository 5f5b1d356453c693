/**
 * The congress and year every performance page is about, kept in the URL (?congressId&year).
 * Staff and leaders choose among the congresses of their jurisdiction (their own congress first);
 * a representative among the congresses they sit in. The year defaults to this one.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { myCongresses } from '../../api/suggestions.ts';
import { useCongresses } from '../../components/congresses.tsx';
import { useJurisdictionTree } from '../../components/jurisdictionTree.ts';
import { numberOrUndefined } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { recentYears } from '../suggestions/filters.ts';

export interface CongressOption {
  id: number;
  name: string;
}

export function useCongressYear() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const staff = !!user && (user.roles.includes('congress_staff') || user.roles.includes('leader'));
  const all = useCongresses();
  const tree = useJurisdictionTree(staff);
  const mine = useQuery({
    queryKey: ['suggestions', 'my-congresses'],
    queryFn: myCongresses,
    enabled: !staff && !!user?.representativeId,
    staleTime: 10 * 60_000,
  });

  const options: CongressOption[] = useMemo(() => {
    if (!staff) return (mine.data ?? []).map((c) => ({ id: c.id, name: c.name }));
    const inScope = (all.data ?? []).filter((c) => c.jurisdiction && tree.data?.byId.has(c.jurisdiction.id));
    // The user's own congress first, then the rest as the server orders them (by level).
    const own = user?.jurisdiction.id;
    return [...inScope]
      .sort((a, b) => Number(b.jurisdiction?.id === own) - Number(a.jurisdiction?.id === own))
      .map((c) => ({ id: c.id, name: c.name }));
  }, [staff, mine.data, all.data, tree.data, user?.jurisdiction.id]);

  const thisYear = recentYears(1)[0]!;
  const asked = numberOrUndefined(params.get('congressId') ?? undefined);
  const congressId = asked ?? options[0]?.id;
  const year = numberOrUndefined(params.get('year') ?? undefined) ?? thisYear;
  const loading = staff ? all.isPending || tree.isPending : mine.isPending && !!user?.representativeId;

  const set = useCallback(
    (patch: Record<string, string | number | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    congressId,
    year,
    thisYear,
    options,
    loading,
    congressName: options.find((c) => c.id === congressId)?.name ?? '',
    setCongress: (id: number | undefined) => set({ congressId: id }),
    setYear: (y: number) => set({ year: y === thisYear ? undefined : y }),
    set,
    params,
  };
}

/** The two selects, for a page's filter bar. */
export function CongressYearSelects({ scope }: { scope: ReturnType<typeof useCongressYear> }) {
  const { t } = useI18n();
  return (
    <>
      <Select<number>
        className="filter-wide"
        value={scope.congressId}
        onChange={(id) => scope.setCongress(id)}
        loading={scope.loading}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('picker.congress')}
        options={scope.options.map((c) => ({ value: c.id, label: c.name }))}
        aria-label={t('sug.congress')}
      />
      <Select<number>
        value={scope.year}
        onChange={(y) => scope.setYear(y)}
        options={recentYears(6).map((y) => ({ value: y, label: t('sug.yearN', { n: y }) }))}
        aria-label={t('sug.year')}
      />
    </>
  );
}
