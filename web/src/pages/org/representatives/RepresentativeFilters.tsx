/** The representatives list's filters: search, jurisdiction, level, status, sector, group, station, gender. */
import { Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  CONGRESS_LEVEL_LABELS,
  GENDER_LABELS,
  REPRESENTATIVE_STATUS_LABELS,
  SECTORS,
} from '../../../../../src/modules/org/org.domain.ts';
import { listGroups } from '../../../api/groups.ts';
import { listStations } from '../../../api/stations.ts';
import { keys } from '../../../api/keys.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';

export const REP_FILTER_KEYS = [
  'q',
  'level',
  'status',
  'sector',
  'groupId',
  'stationId',
  'gender',
  'gridId',
  'congressId',
] as const;
export type RepFilterKey = (typeof REP_FILTER_KEYS)[number];

export function RepresentativeFilters({
  filters,
  setFilters,
  jurisdictionId,
  setJurisdictionId,
}: {
  filters: Record<RepFilterKey, string | undefined>;
  setFilters: (patch: Partial<Record<RepFilterKey, string | undefined>>) => void;
  jurisdictionId: number | undefined;
  setJurisdictionId: (id: number | undefined) => void;
}) {
  const { t, lang } = useI18n();
  const groups = useQuery({
    queryKey: [...keys.groups, 'options', jurisdictionId],
    queryFn: () => listGroups({ pageSize: 200, jurisdictionId }),
    staleTime: 60_000,
  });
  const stations = useQuery({
    queryKey: [...keys.stations, 'options', jurisdictionId],
    queryFn: () => listStations({ pageSize: 200, jurisdictionId }),
    staleTime: 60_000,
  });

  const active =
    (['level', 'status', 'sector', 'groupId', 'stationId', 'gender'] as const).filter((k) => filters[k])
      .length + (jurisdictionId ? 1 : 0);
  return (
    <FilterBar
      activeCount={active}
      more={
        <>
          <JurisdictionTreeSelect value={jurisdictionId} onChange={setJurisdictionId} />
          <Select
            allowClear
            placeholder={t('rep.level')}
            value={filters.level}
            onChange={(v?: string) => setFilters({ level: v })}
            options={optionsOf(CONGRESS_LEVEL_LABELS, lang)}
          />
          <Select
            allowClear
            placeholder={t('rep.status')}
            value={filters.status}
            onChange={(v?: string) => setFilters({ status: v })}
            options={optionsOf(REPRESENTATIVE_STATUS_LABELS, lang)}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('rep.sector')}
            value={filters.sector}
            onChange={(v?: string) => setFilters({ sector: v })}
            options={SECTORS.map((s) => ({ value: s, label: s }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('rep.group')}
            value={filters.groupId ? Number(filters.groupId) : undefined}
            onChange={(v?: number) => setFilters({ groupId: v ? String(v) : undefined })}
            loading={groups.isPending}
            options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('rep.station')}
            value={filters.stationId ? Number(filters.stationId) : undefined}
            onChange={(v?: number) => setFilters({ stationId: v ? String(v) : undefined })}
            loading={stations.isPending}
            options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            allowClear
            placeholder={t('rep.gender')}
            value={filters.gender}
            onChange={(v?: string) => setFilters({ gender: v })}
            options={optionsOf(GENDER_LABELS, lang)}
          />
        </>
      }
    >
      <Input.Search
        className="filter-wide"
        allowClear
        placeholder={t('rep.searchPlaceholder')}
        defaultValue={filters.q}
        key={filters.q ?? ''}
        onSearch={(q) => setFilters({ q: q.trim() || undefined })}
      />
    </FilterBar>
  );
}
