/** Find a handling unit by name or code and pick it (or several: a suggestion's co-units). */
import { useMemo, useRef, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getUnit, listUnits } from '../api/units.ts';
import { keys } from '../api/keys.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDebounced } from './useDebounced.ts';

interface Common {
  jurisdictionId?: number;
  excludeId?: number;
  /** Further units not to offer (e.g. the lead unit among the co-units). */
  excludeIds?: readonly number[];
  placeholder?: string;
  id?: string;
  status?: '' | 'error' | 'warning';
}

type Props =
  | (Common & { multiple?: false; value?: number | null; onChange?: (id: number | undefined) => void })
  | (Common & { multiple: true; value?: number[]; onChange?: (ids: number[]) => void; max?: number });

export function UnitPicker(props: Props) {
  const { jurisdictionId, excludeId, excludeIds, placeholder, id, status } = props;
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const known = useRef(new Map<number, string>());
  const results = useQuery({
    queryKey: [...keys.units, 'picker', q, jurisdictionId],
    queryFn: () => listUnits({ q: q || undefined, jurisdictionId, pageSize: 20 }),
    staleTime: 30_000,
  });
  const single = !props.multiple ? (props.value ?? undefined) : undefined;
  const current = useQuery({
    queryKey: single ? keys.unit(single) : ['none'],
    queryFn: () => getUnit(single!),
    enabled: !!single,
    staleTime: 60_000,
  });
  if (current.data) known.current.set(current.data.id, current.data.name);
  const chosen = useMemo(
    () => (props.multiple ? (props.value ?? []) : props.value ? [props.value] : []),
    [props.multiple, props.value],
  );
  const options = useMemo(() => {
    const skip = new Set([...(excludeIds ?? []), ...(excludeId ? [excludeId] : [])]);
    const items = (results.data?.items ?? []).filter((u) => !skip.has(u.id));
    for (const u of items) known.current.set(u.id, u.name);
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
    for (const v of chosen) {
      if (!opts.some((o) => o.value === v)) {
        const name = known.current.get(v) ?? `#${v}`;
        opts.push({ value: v, label: name, render: <span>{name}</span> });
      }
    }
    return opts;
    // current.data is read through `known`; it is listed so that the name shows once it loads.
  }, [results.data, excludeId, excludeIds, chosen, current.data]);

  const common = {
    id,
    status,
    style: { width: '100%' },
    placeholder: placeholder ?? t('picker.unit'),
    allowClear: true,
    loading: results.isFetching,
    showSearch: { filterOption: false as const, onSearch: setSearch },
    options,
    optionRender: (o: { data: unknown }) => (o.data as { render: React.ReactNode }).render,
    notFoundContent: results.isFetching ? t('common.loading') : t('picker.noMatch'),
  };

  if (props.multiple) {
    const { value, onChange, max } = props;
    return (
      <Select<number[]>
        {...common}
        mode="multiple"
        maxCount={max}
        maxTagCount="responsive"
        value={value ?? []}
        onChange={(v) => onChange?.(v)}
      />
    );
  }
  const { value, onChange } = props;
  return (
    <Select<number> {...common} value={value ?? undefined} onChange={(v) => onChange?.(v ?? undefined)} />
  );
}
