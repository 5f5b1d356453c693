/** 人大代表: search and filter the roster, open a representative, export what is shown. */
import { useNavigate } from 'react-router';
import { App, Button, Card, Dropdown, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, ClearOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  GENDER_LABELS,
  type CongressLevel,
  type Gender,
  type RepresentativeStatus,
} from '../../../../../src/modules/org/org.domain.ts';
import { exportRepresentatives, listRepresentatives } from '../../../api/representatives.ts';
import { keys } from '../../../api/keys.ts';
import type { RepresentativeListItem, RepresentativeListQuery } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { numberOrUndefined, pagination, useListParams } from '../../../components/paging.ts';
import { LevelTags, RepresentativeStatusTag } from '../../../components/tags.tsx';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import { RepresentativeFilters, REP_FILTER_KEYS } from './RepresentativeFilters.tsx';
import { RepresentativeDrawer } from './RepresentativeDrawer.tsx';

export function RepresentativesPage() {
  const { t, label } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { jurisdictionId, setJurisdictionId } = useOrgScope();
  const list = useListParams([...REP_FILTER_KEYS, 'view'] as const);
  const { filters } = list;
  const viewing = numberOrUndefined(filters.view);

  const query: RepresentativeListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: filters.q,
    jurisdictionId,
    level: filters.level as CongressLevel | undefined,
    status: filters.status as RepresentativeStatus | undefined,
    sector: filters.sector,
    groupId: numberOrUndefined(filters.groupId),
    stationId: numberOrUndefined(filters.stationId),
    gridId: numberOrUndefined(filters.gridId),
    congressId: numberOrUndefined(filters.congressId),
    gender: filters.gender as Gender | undefined,
    sort: 'code',
  };
  const { page: _p, pageSize: _s, ...exportFilters } = query;

  const data = useQuery({
    queryKey: [...keys.representatives, 'list', query],
    queryFn: ({ signal }) => listRepresentatives(query, signal),
    placeholderData: keepPreviousData,
  });

  const open = (id: number | undefined) =>
    list.setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('view', String(id));
      else next.delete('view');
      return next;
    });

  const runExport = async (format: 'xlsx' | 'csv', includePhone = false) => {
    const hide = message.loading(t('rep.exporting'), 0);
    try {
      const name = await exportRepresentatives({
        ...exportFilters,
        format,
        ...(includePhone ? { includePhone: true } : {}),
      });
      void message.success(t('rep.exported', { name }));
    } catch (err) {
      report(err);
    } finally {
      hide();
    }
  };

  const columns: TableColumnsType<RepresentativeListItem> = [
    { title: t('rep.code'), dataIndex: 'code', width: 96, responsive: ['md'] },
    {
      title: t('rep.name'),
      dataIndex: 'name',
      width: 120,
      fixed: 'left',
      render: (name: string, r) => (
        <a onClick={() => open(r.id)} style={{ fontWeight: 500 }}>
          {name}
        </a>
      ),
    },
    {
      title: t('rep.gender'),
      dataIndex: 'gender',
      width: 64,
      render: (g: Gender) => label(GENDER_LABELS[g]),
      responsive: ['sm'],
    },
    {
      title: t('rep.levels'),
      dataIndex: 'levels',
      width: 140,
      render: (levels: CongressLevel[]) => <LevelTags levels={levels} />,
    },
    { title: t('rep.jurisdiction'), dataIndex: ['jurisdiction', 'name'], width: 120, responsive: ['lg'] },
    {
      title: t('rep.employerPost'),
      key: 'employer',
      width: 260,
      ellipsis: true,
      render: (_: unknown, r) => (
        <span title={[r.employer, r.post].filter(Boolean).join(' ')}>
          {r.employer}
          {r.post && <Typography.Text type="secondary"> {r.post}</Typography.Text>}
        </span>
      ),
      responsive: ['md'],
    },
    { title: t('rep.sector'), dataIndex: 'sector', width: 110, responsive: ['xxl'] },
    {
      title: t('rep.phone'),
      dataIndex: 'phoneMasked',
      width: 130,
      render: (p: string | null) =>
        p ? (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{p}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
      responsive: ['lg'],
    },
    {
      title: t('rep.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: RepresentativeStatus) => <RepresentativeStatusTag status={s} />,
    },
  ];

  const exportItems = [
    { key: 'xlsx', label: t('rep.exportXlsx') },
    { key: 'csv', label: t('rep.exportCsv') },
    ...(can('org.reveal_phone')
      ? [{ type: 'divider' as const }, { key: 'xlsx-phone', label: t('rep.exportWithPhone') }]
      : []),
  ];

  const hasFilters = REP_FILTER_KEYS.some((k) => filters[k]) || jurisdictionId !== undefined;

  return (
    <div>
      <PageHeader
        title={t('nav.representatives')}
        subtitle={t('rep.subtitle')}
        extra={
          <>
            <Dropdown
              menu={{
                items: exportItems,
                onClick: ({ key }) => {
                  if (key === 'xlsx-phone') {
                    modal.confirm({
                      title: t('rep.exportWithPhoneTitle'),
                      content: t('rep.exportWithPhoneText'),
                      okText: t('rep.exportConfirm'),
                      cancelText: t('common.cancel'),
                      onOk: () => runExport('xlsx', true),
                    });
                  } else void runExport(key as 'xlsx' | 'csv');
                },
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('rep.export')}</Button>
            </Dropdown>
            {can('org.write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => void navigate('/org/representatives/new')}
              >
                {t('rep.create')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless">
        <RepresentativeFilters
          filters={filters}
          setFilters={list.setFilters}
          jurisdictionId={jurisdictionId}
          setJurisdictionId={setJurisdictionId}
        />
        {hasFilters && (
          <Space style={{ marginBottom: 12 }}>
            <Button
              size="small"
              icon={<ClearOutlined />}
              onClick={() => {
                list.reset();
                setJurisdictionId(undefined);
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </Space>
        )}
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : (
          <Table<RepresentativeListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.data?.items}
            loading={data.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
            onRow={(r) => ({ onDoubleClick: () => open(r.id) })}
          />
        )}
      </Card>
      <RepresentativeDrawer id={viewing} onClose={() => open(undefined)} />
    </div>
  );
}
