/** 承办单位: the units that take assignments, what they handle and where. */
import { useState } from 'react';
import { Button, Card, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  UNIT_KIND_LABELS,
  UNIT_STATUSES,
  type UnitKind,
  type UnitStatus,
} from '../../../../../src/modules/org/org.domain.ts';
import { listUnits } from '../../../api/units.ts';
import { keys } from '../../../api/keys.ts';
import type { UnitListItem, UnitListQuery } from '../../../api/types.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/errors.tsx';
import { CategorySelect } from '../../../components/congresses.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { numberOrUndefined, pagination, useListParams } from '../../../components/paging.ts';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';
import { useSession } from '../../../session/SessionProvider.tsx';
import { UnitDrawer, type UnitDrawerTarget } from './UnitDrawer.tsx';
import { RoutingCheckModal } from './RoutingCheck.tsx';

export function UnitsPage() {
  const { t, label, lang } = useI18n();
  const { can } = useSession();
  const { jurisdictionId, setJurisdictionId } = useOrgScope();
  const list = useListParams(['q', 'kind', 'status', 'categoryCode', 'view'] as const);
  const { filters } = list;
  const [routing, setRouting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);

  const viewId = numberOrUndefined(filters.view);
  const target: UnitDrawerTarget = creating
    ? { mode: 'create' }
    : editingId
      ? { mode: 'edit', id: editingId }
      : viewId
        ? { mode: 'view', id: viewId }
        : null;
  const setTarget = (next: UnitDrawerTarget) => {
    setCreating(next?.mode === 'create');
    setEditingId(next?.mode === 'edit' ? next.id : null);
    list.setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next && next.mode !== 'create') p.set('view', String(next.id));
      else p.delete('view');
      return p;
    });
  };

  const query: UnitListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: filters.q,
    jurisdictionId,
    kind: filters.kind as UnitKind | undefined,
    status: filters.status as UnitStatus | undefined,
    categoryCode: filters.categoryCode,
  };
  const data = useQuery({
    queryKey: [...keys.units, 'list', query],
    queryFn: () => listUnits(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<UnitListItem> = [
    {
      title: t('unit.name'),
      dataIndex: 'name',
      render: (name: string, u) => (
        <span>
          <a onClick={() => setTarget({ mode: 'view', id: u.id })} style={{ fontWeight: 500 }}>
            {name}
          </a>
          {u.status === 'inactive' && <Tag style={{ marginInlineStart: 6 }}>{t('unit.inactive')}</Tag>}
        </span>
      ),
    },
    {
      title: t('unit.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: UnitKind) => label(UNIT_KIND_LABELS[k]),
      responsive: ['sm'],
    },
    { title: t('common.jurisdiction'), dataIndex: ['jurisdiction', 'name'], responsive: ['md'] },
    {
      title: t('unit.categories'),
      dataIndex: 'categories',
      render: (cats: UnitListItem['categories']) => {
        if (cats.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        const names = [...new Set(cats.map((c) => c.categoryName))];
        return (
          <Tooltip title={cats.map((c) => `${c.categoryName}（${c.jurisdiction.name}）`).join('；')}>
            <span>
              {names.slice(0, 3).map((n) => (
                <Tag key={n} color="blue">
                  {n}
                </Tag>
              ))}
              {names.length > 3 && <Tag>+{names.length - 3}</Tag>}
            </span>
          </Tooltip>
        );
      },
    },
    {
      title: t('unit.contact'),
      key: 'contact',
      responsive: ['lg'],
      render: (_: unknown, u) => (
        <span>
          {u.contactName ?? '—'}{' '}
          {u.contactPhoneMasked && <Typography.Text type="secondary">{u.contactPhoneMasked}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('unit.parent'),
      dataIndex: 'parent',
      responsive: ['xl'],
      render: (p: UnitListItem['parent']) => p?.name ?? '—',
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.units')}
        subtitle={t('unit.subtitle')}
        extra={
          <>
            <Button icon={<NodeIndexOutlined />} onClick={() => setRouting(true)}>
              {t('unit.routing')}
            </Button>
            {can('org.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
                {t('unit.create')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless">
        <FilterBar
          activeCount={
            (['kind', 'status', 'categoryCode'] as const).filter((k) => filters[k]).length +
            (jurisdictionId ? 1 : 0)
          }
          more={
            <>
              <JurisdictionTreeSelect value={jurisdictionId} onChange={setJurisdictionId} />
              <Select
                allowClear
                placeholder={t('unit.kind')}
                value={filters.kind}
                onChange={(v?: string) => list.setFilters({ kind: v })}
                options={optionsOf(UNIT_KIND_LABELS, lang)}
              />
              <CategorySelect
                value={filters.categoryCode}
                onChange={(v) => list.setFilters({ categoryCode: v as string | undefined })}
                placeholder={t('unit.category')}
              />
              <Select
                allowClear
                placeholder={t('common.status')}
                value={filters.status}
                onChange={(v?: string) => list.setFilters({ status: v })}
                options={UNIT_STATUSES.map((s) => ({
                  value: s,
                  label: s === 'active' ? t('unit.active') : t('unit.inactive'),
                }))}
              />
            </>
          }
        >
          <Input.Search
            className="filter-wide"
            allowClear
            placeholder={t('common.searchNameCode')}
            defaultValue={filters.q}
            onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          />
        </FilterBar>
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : (
          <Table<UnitListItem>
            rowKey="id"
            columns={columns}
            dataSource={data.data?.items}
            loading={data.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
      <UnitDrawer target={target} onClose={() => setTarget(null)} onChange={setTarget} />
      <RoutingCheckModal open={routing} onClose={() => setRouting(false)} />
    </div>
  );
}
