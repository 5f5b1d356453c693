/** 网格: every grid and who covers it; grids without a representative are one click away. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Card, Input, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listGrids } from '../../../api/grids.ts';
import { keys } from '../../../api/keys.ts';
import type { GridListItem, GridListQuery } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { pagination, useListParams } from '../../../components/paging.ts';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import { GridFormModal } from './GridFormModal.tsx';

export function GridsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { jurisdictionId, setJurisdictionId } = useOrgScope();
  const list = useListParams(['q', 'uncovered'] as const);
  const uncovered = list.filters.uncovered === 'true';
  const [creating, setCreating] = useState(false);

  const query: GridListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.filters.q,
    jurisdictionId,
    uncovered: uncovered || undefined,
  };
  const data = useQuery({
    queryKey: [...keys.grids, 'list', query],
    queryFn: () => listGrids(query),
    placeholderData: keepPreviousData,
  });
  const gaps = useQuery({
    queryKey: [...keys.grids, 'uncovered-count', jurisdictionId],
    queryFn: () => listGrids({ uncovered: true, pageSize: 1, jurisdictionId }),
  });
  const gapCount = gaps.data?.total;

  const columns: TableColumnsType<GridListItem> = [
    {
      title: t('grid.name'),
      dataIndex: 'name',
      render: (name: string, g) => (
        <Link to={`/org/grids/${g.id}`} style={{ fontWeight: 500 }}>
          {name}
        </Link>
      ),
    },
    { title: t('common.code'), dataIndex: 'code', responsive: ['md'] },
    { title: t('common.jurisdiction'), dataIndex: ['jurisdiction', 'name'], responsive: ['sm'] },
    {
      title: t('grid.station'),
      dataIndex: 'station',
      responsive: ['lg'],
      render: (s: GridListItem['station']) =>
        s?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('grid.members'),
      dataIndex: 'memberCount',
      width: 130,
      render: (n: number) =>
        n > 0 ? (
          n
        ) : (
          <Tag color="warning" icon={<WarningOutlined />}>
            {t('grid.uncoveredTag')}
          </Tag>
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.grids')}
        subtitle={t('grid.subtitle')}
        extra={
          can('org.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('grid.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 12 }}>
          <Segmented
            value={uncovered ? 'uncovered' : 'all'}
            onChange={(v) => list.setFilters({ uncovered: v === 'uncovered' ? 'true' : undefined })}
            options={[
              { value: 'all', label: t('grid.all') },
              {
                value: 'uncovered',
                label: (
                  <span style={{ color: gapCount ? '#c77700' : undefined }}>
                    <WarningOutlined /> {t('grid.uncovered')}{' '}
                    {gapCount !== undefined && (
                      <Badge
                        count={gapCount}
                        showZero
                        color={gapCount ? '#c77700' : '#8c8c8c'}
                        size="small"
                      />
                    )}
                  </span>
                ),
              },
            ]}
          />
        </div>
        <div className="filter-bar">
          <Input.Search
            className="filter-wide"
            allowClear
            placeholder={t('common.searchNameCode')}
            defaultValue={list.filters.q}
            onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          />
          <JurisdictionTreeSelect value={jurisdictionId} onChange={setJurisdictionId} />
        </div>
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : (
          <Table<GridListItem>
            rowKey="id"
            columns={columns}
            dataSource={data.data?.items}
            loading={data.isFetching}
            scroll={{ x: 'max-content' }}
            locale={uncovered ? { emptyText: t('grid.allCovered') } : undefined}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
      <GridFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(g) => {
          setCreating(false);
          void navigate(`/org/grids/${g.id}`);
        }}
      />
    </div>
  );
}
