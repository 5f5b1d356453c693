/** 联络站点 (家站点): the four tiers, by theme and status; retired stations stay visible, marked. */
import { Link, useNavigate } from 'react-router';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  STATION_STATUS_LABELS,
  STATION_THEME_LABELS,
  STATION_TIER_LABELS,
  STATION_TIERS,
  type StationStatus,
  type StationTheme,
  type StationTier,
} from '../../../../../src/modules/org/org.domain.ts';
import { listStations } from '../../../api/stations.ts';
import { keys } from '../../../api/keys.ts';
import type { StationListItem, StationListQuery } from '../../../api/types.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { pagination, useListParams } from '../../../components/paging.ts';
import { StationStatusTag, StationTierTag } from '../../../components/tags.tsx';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';
import { useSession } from '../../../session/SessionProvider.tsx';

export function StationsPage() {
  const { t, label, lang } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { jurisdictionId, setJurisdictionId } = useOrgScope();
  const list = useListParams(['q', 'tier', 'theme', 'status'] as const);
  const { filters } = list;

  const query: StationListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: filters.q,
    jurisdictionId,
    tier: filters.tier as StationTier | undefined,
    theme: filters.theme as StationTheme | undefined,
    status: filters.status as StationStatus | undefined,
  };
  const data = useQuery({
    queryKey: [...keys.stations, 'list', query],
    queryFn: () => listStations(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<StationListItem> = [
    {
      title: t('station.name'),
      dataIndex: 'name',
      render: (name: string, s) => (
        <Space size={6}>
          <Link to={`/org/stations/${s.id}`} style={{ fontWeight: 500 }}>
            {name}
          </Link>
          {s.status === 'retired' && <Tag>{label(STATION_STATUS_LABELS.retired)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('station.tier'),
      dataIndex: 'tier',
      width: 120,
      render: (tier: StationTier) => <StationTierTag tier={tier} />,
    },
    {
      title: t('station.theme'),
      dataIndex: 'theme',
      width: 110,
      responsive: ['md'],
      render: (th: StationTheme) => label(STATION_THEME_LABELS[th]),
    },
    { title: t('common.jurisdiction'), dataIndex: ['jurisdiction', 'name'], responsive: ['lg'] },
    {
      title: t('station.parent'),
      dataIndex: 'parent',
      responsive: ['xl'],
      render: (p: StationListItem['parent']) => p?.name ?? '—',
    },
    {
      title: t('station.reception'),
      dataIndex: 'receptionText',
      responsive: ['md'],
      render: (text: StationListItem['receptionText']) =>
        text ? label(text) : <Typography.Text type="secondary">{t('station.noSchedule')}</Typography.Text>,
    },
    { title: t('station.members'), dataIndex: 'memberCount', width: 90, align: 'right' },
    {
      title: t('station.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: StationStatus) => <StationStatusTag status={s} />,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.stations')}
        subtitle={t('station.subtitle')}
        extra={
          can('org.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/org/stations/new')}>
              {t('station.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <FilterBar
          activeCount={
            (['tier', 'theme', 'status'] as const).filter((k) => filters[k]).length + (jurisdictionId ? 1 : 0)
          }
          more={
            <>
              <JurisdictionTreeSelect value={jurisdictionId} onChange={setJurisdictionId} />
              <Select
                allowClear
                placeholder={t('station.tier')}
                value={filters.tier}
                onChange={(v?: string) => list.setFilters({ tier: v })}
                options={optionsOf(STATION_TIER_LABELS, lang, STATION_TIERS)}
              />
              <Select
                allowClear
                placeholder={t('station.theme')}
                value={filters.theme}
                onChange={(v?: string) => list.setFilters({ theme: v })}
                options={optionsOf(STATION_THEME_LABELS, lang)}
              />
              <Select
                allowClear
                placeholder={t('station.status')}
                value={filters.status}
                onChange={(v?: string) => list.setFilters({ status: v })}
                options={optionsOf(STATION_STATUS_LABELS, lang)}
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
          <Table<StationListItem>
            rowKey="id"
            columns={columns}
            dataSource={data.data?.items}
            loading={data.isFetching}
            scroll={{ x: 'max-content' }}
            rowClassName={(s) => (s.status === 'retired' ? 'retired-row' : '')}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
    </div>
  );
}
