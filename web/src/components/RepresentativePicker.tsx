/** Find representatives by name or code (server-side search) and pick one or several. */
import { useMemo, useRef, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getRepresentative, listRepresentatives } from '../api/representatives.ts';
import { keys } from '../api/keys.ts';
import type { RepresentativeListItem } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDebounced } from './useDebounced.ts';
import { LevelTags } from './tags.tsx';

interface Common {
  /** Look only within this jurisdiction's sub-tree. */
  jurisdictionId?: number;
  /** Only the representatives of this congress (e.g. co-signers of a suggestion). */
  congressId?: number;
  /** Only serving representatives. */
  activeOnly?: boolean;
  /** Ids not to offer (already members). */
  exclude?: readonly number[];
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  status?: '' | 'error' | 'warning';
  style?: React.CSSProperties;
}

type Props =
  | (Common & { multiple?: false; value?: number | null; onChange?: (id: number | undefined) => void })
  | (Common & { multiple: true; value?: number[]; onChange?: (ids: number[]) => void });

function optionLabel(r: Pick<RepresentativeListItem, 'name' | 'code' | 'jurisdiction'>) {
  return `${r.name}（${r.code}）`;
}

export function RepresentativePicker(props: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const known = useRef(new Map<number, string>());

  const results = useQuery({
    queryKey: [
      ...keys.representatives,
      'picker',
      q,
      props.jurisdictionId,
      props.congressId,
      props.activeOnly,
    ],
    queryFn: ({ signal }) =>
      listRepresentatives(
        {
          q: q || undefined,
          jurisdictionId: props.jurisdictionId,
          congressId: props.congressId,
          status: props.activeOnly ? 'active' : undefined,
          pageSize: 20,
          sort: 'name',
        },
        signal,
      ),
    staleTime: 30_000,
  });

  const single = !props.multiple ? (props.value ?? undefined) : undefined;
  const selectedDetail = useQuery({
    queryKey: single ? keys.representative(single) : ['none'],
    queryFn: () => getRepresentative(single!),
    enabled: single !== undefined && !known.current.has(single),
    staleTime: 60_000,
  });
  if (selectedDetail.data) known.current.set(selectedDetail.data.id, optionLabel(selectedDetail.data));

  const options = useMemo(() => {
    const exclude = new Set(props.exclude ?? []);
    const items = (results.data?.items ?? []).filter((r) => !exclude.has(r.id));
    for (const r of items) known.current.set(r.id, optionLabel(r));
    const opts = items.map((r) => ({
      value: r.id,
      label: optionLabel(r),
      render: (
        <Space size={6} wrap={false} style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>
            {r.name} <Typography.Text type="secondary">{r.code}</Typography.Text>
          </span>
          <span>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
              {r.jurisdiction.name}
            </Typography.Text>
            <LevelTags levels={r.levels} />
          </span>
        </Space>
      ),
    }));
    // Keep the chosen values labelled even when the current search does not return them.
    const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
    for (const id of chosen) {
      if (!opts.some((o) => o.value === id))
        opts.push({
          value: id,
          label: known.current.get(id) ?? `#${id}`,
          render: <span>{known.current.get(id) ?? `#${id}`}</span>,
        });
    }
    return opts;
  }, [results.data, props.exclude, props.multiple, props.value]);

  const common = {
    id: props.id,
    status: props.status,
    style: { width: '100%', ...props.style },
    placeholder: props.placeholder ?? t('picker.representative'),
    disabled: props.disabled,
    allowClear: true,
    loading: results.isFetching,
    showSearch: { filterOption: false as const, onSearch: setSearch, searchValue: search },
    options,
    optionRender: (o: { data: unknown }) => (o.data as { render: React.ReactNode }).render,
    notFoundContent: results.isFetching ? t('common.loading') : t('picker.noMatch'),
    popupMatchSelectWidth: 420,
  };

  if (props.multiple) {
    const { onChange, value } = props;
    return (
      <Select<number[]>
        {...common}
        mode="multiple"
        value={value}
        onChange={(v) => onChange?.(v)}
        maxTagCount="responsive"
      />
    );
  }
  const { onChange, value } = props;
  return (
    <Select<number>
      {...common}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      onClear={() => setSearch('')}
    />
  );
}
