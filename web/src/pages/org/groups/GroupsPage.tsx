/** 代表小组: regional and professional groups, by kind, with their leaders and sizes. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Input, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { GROUP_KIND_LABELS, GROUP_KINDS, type GroupKind } from '../../../../../src/modules/org/org.domain.ts';
import { listGroups } from '../../../api/groups.ts';
import { keys } from '../../../api/keys.ts';
import type { GroupListItem, GroupListQuery } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { pagination, useListParams } from '../../../components/paging.ts';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import { GroupFormModal } from './GroupFormModal.tsx';

export function GroupsPage() {
  const { t, label } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { jurisdictionId, setJurisdictionId } = useOrgScope();
  const list = useListParams(['q', 'kind'] as const);
  const kind = list.filters.kind as GroupKind | undefined;
  const [creating, setCreating] = useState(false);

  const query: GroupListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.filters.q,
    kind,
    jurisdictionId,
  };
  const data = useQuery({
    queryKey: [...keys.groups, 'list', query],
    queryFn: () => listGroups(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<GroupListItem> = [
    {
      title: t('group.name'),
      dataIndex: 'name',
      render: (name: string, g) => (
        <Link to={`/org/groups/${g.id}`} style={{ fontWeight: 500 }}>
          {name}
        </Link>
      ),
    },
    {
      title: t('group.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (k: GroupKind) => (
        <Tag color={k === 'regional' ? 'blue' : 'purple'}>{label(GROUP_KIND_LABELS[k])}</Tag>
      ),
    },
    {
      title: t('group.theme'),
      dataIndex: 'theme',
      responsive: ['lg'],
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('common.jurisdiction'), dataIndex: ['jurisdiction', 'name'], responsive: ['md'] },
    {
      title: t('group.leader'),
      dataIndex: 'leader',
      render: (l: GroupListItem['leader']) =>
        l?.name ?? <Typography.Text type="secondary">{t('group.noLeader')}</Typography.Text>,
    },
    { title: t('group.memberCount'), dataIndex: 'memberCount', width: 100, align: 'right' },
    { title: t('common.code'), dataIndex: 'code', responsive: ['xl'] },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.groups')}
        subtitle={t('group.subtitle')}
        extra={
          can('org.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('group.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 12 }}>
          <Segmented
            value={kind ?? 'all'}
            onChange={(v) => list.setFilters({ kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('common.all') },
              ...GROUP_KINDS.map((k) => ({ value: k, label: label(GROUP_KIND_LABELS[k]) })),
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
          <Table<GroupListItem>
            rowKey="id"
            columns={columns}
            dataSource={data.data?.items}
            loading={data.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
      <GroupFormModal
        open={creating}
        defaultKind={kind}
        onClose={() => setCreating(false)}
        onSaved={(g) => {
          setCreating(false);
          void navigate(`/org/groups/${g.id}`);
        }}
      />
    </div>
  );
}
