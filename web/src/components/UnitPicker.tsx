/** Find a handling unit by name or code and pick it. */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getUnit, listUnits } from '../api/units.ts';
import { keys } from '../api/keys.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDebounced } from './useDebounced.ts';

export function UnitPicker({
  value,
  onChange,
  jurisdictionId,
  excludeId,
  placeholder,
  id,
  status,
}: {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  jurisdictionId?: number;
  excludeId?: number;
  placeholder?: string;
  id?: string;
  status?: '' | 'error' | 'warning';
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const results = useQuery({
    queryKey: [...keys.units, 'picker', q, jurisdictionId],
    queryFn: () => listUnits({ q: q || undefined, jurisdictionId, pageSize: 20 }),
    staleTime: 30_000,
  });
  const current = useQuery({
    queryKey: value ? keys.unit(value) : ['none'],
    queryFn: () => getUnit(value!),
    enabled: !!value,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const items = (results.data?.items ?? []).filter((u) => u.id !== excludeId);
    const opts = items.map((u) => ({
      value: u.id,
      label: u.name,
      render: (
        <span>
          {u.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.jurisdiction.name}
          </Typography.Text>
        </span>
      ),
    }));
    if (value && !opts.some((o) => o.value === value)) {
      const name = current.data?.name ?? `#${value}`;
      opts.push({ value, label: name, render: <span>{name}</span> });
    }
    return opts;
  }, [results.data, excludeId, value, current.data]);
  return (
    <Select<number>
      id={id}
      status={status}
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder ?? t('picker.unit')}
      allowClear
      loading={results.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      optionRender={(o) => o.data.render}
      notFoundContent={results.isFetching ? t('common.loading') : t('picker.noMatch')}
    />
  );
}
