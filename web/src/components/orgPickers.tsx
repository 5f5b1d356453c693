/**
 * Find a station, grid or representative group by name or code (server-side search within a
 * jurisdiction's sub-tree) and pick one. The chosen one stays labelled when a search hides it.
 */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getStation, listStations } from '../api/stations.ts';
import { getGrid, listGrids } from '../api/grids.ts';
import { getGroup, listGroups } from '../api/groups.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDebounced } from './useDebounced.ts';

interface Item {
  id: number;
  name: string;
  code?: string;
  jurisdiction?: { name: string };
}

interface PickerProps {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  jurisdictionId?: number;
  placeholder?: string;
  id?: string;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
  style?: React.CSSProperties;
}

function makePicker(
  kind: 'stations' | 'grids' | 'groups',
  search: (
    q: string | undefined,
    jurisdictionId: number | undefined,
    extra?: number,
  ) => Promise<{ items: Item[] }>,
  one: (id: number) => Promise<Item>,
  placeholderKey: 'picker.station' | 'picker.grid' | 'picker.group',
) {
  return function Picker(props: PickerProps & { stationId?: number }) {
    const { t } = useI18n();
    const [text, setText] = useState('');
    const q = useDebounced(text.trim(), 300);
    const { value, jurisdictionId, stationId } = props;
    const results = useQuery({
      queryKey: [kind, 'picker', q, jurisdictionId, stationId],
      queryFn: () => search(q || undefined, jurisdictionId, stationId),
      staleTime: 30_000,
    });
    const current = useQuery({
      queryKey: value ? [kind, 'one', value] : ['none'],
      queryFn: () => one(value!),
      enabled: !!value && !(results.data?.items ?? []).some((i) => i.id === value),
      staleTime: 60_000,
    });
    const options = useMemo(() => {
      const opts = (results.data?.items ?? []).map((i) => ({
        value: i.id,
        label: i.name,
        render: (
          <span>
            {i.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[i.code, i.jurisdiction?.name].filter(Boolean).join(' · ')}
            </Typography.Text>
          </span>
        ),
      }));
      if (value && !opts.some((o) => o.value === value)) {
        const name = current.data?.name ?? `#${value}`;
        opts.push({ value, label: name, render: <span>{name}</span> });
      }
      return opts;
    }, [results.data, value, current.data]);
    return (
      <Select<number>
        id={props.id}
        status={props.status}
        disabled={props.disabled}
        style={{ width: '100%', ...props.style }}
        value={value ?? undefined}
        onChange={(v) => props.onChange?.(v ?? undefined)}
        onClear={() => setText('')}
        placeholder={props.placeholder ?? t(placeholderKey)}
        allowClear
        loading={results.isFetching}
        showSearch={{ filterOption: false, onSearch: setText }}
        options={options}
        optionRender={(o) => o.data.render}
        notFoundContent={results.isFetching ? t('common.loading') : t('picker.noMatch')}
        popupMatchSelectWidth={false}
      />
    );
  };
}

export const StationPicker = makePicker(
  'stations',
  (q, jurisdictionId) => listStations({ q, jurisdictionId, pageSize: 30, status: 'active' }),
  getStation,
  'picker.station',
);

/** Grids; with `stationId`, only that station's. */
export const GridPicker = makePicker(
  'grids',
  (q, jurisdictionId, stationId) => listGrids({ q, jurisdictionId, stationId, pageSize: 30 }),
  getGrid,
  'picker.grid',
);

export const GroupPicker = makePicker(
  'groups',
  (q, jurisdictionId) => listGroups({ q, jurisdictionId, pageSize: 30 }),
  getGroup,
  'picker.group',
);
