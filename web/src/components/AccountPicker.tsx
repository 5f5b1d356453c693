/** Pick an account of one role in my scope (e.g. a station's liaison officer), searching by name. */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { accountDirectory } from '../api/users.ts';
import type { DirectoryQuery } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDebounced } from './useDebounced.ts';

export function AccountPicker({
  role,
  value,
  onChange,
  current,
  placeholder,
  id,
}: {
  role: DirectoryQuery['role'];
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** The account already assigned, shown even when it is not among the search results. */
  current?: { id: number; displayName: string } | null;
  placeholder?: string;
  id?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const results = useQuery({
    queryKey: ['users', 'directory', role, q],
    queryFn: () => accountDirectory({ role, ...(q ? { q } : {}) }),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const opts = (results.data?.items ?? []).map((u) => ({
      value: u.id,
      label: u.displayName,
      render: (
        <span>
          {u.displayName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.username} · {u.jurisdiction.name}
          </Typography.Text>
        </span>
      ),
    }));
    if (value && !opts.some((o) => o.value === value)) {
      const name = current?.id === value ? current.displayName : `#${value}`;
      opts.push({ value, label: name, render: <span>{name}</span> });
    }
    return opts;
  }, [results.data, value, current]);
  return (
    <Select<number>
      id={id}
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder ?? t('picker.account')}
      allowClear
      loading={results.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      optionRender={(o) => o.data.render}
      notFoundContent={results.isFetching ? t('common.loading') : t('picker.noMatch')}
    />
  );
}
