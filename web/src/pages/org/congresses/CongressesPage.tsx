/** 届次: the congresses per level and term, which representatives' seats refer to. */
import { useState } from 'react';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { deleteCongress } from '../../../api/congresses.ts';
import { keys } from '../../../api/keys.ts';
import {
  CONGRESS_LEVEL_LABELS,
  CONGRESS_LEVELS,
  type CongressLevel,
} from '../../../../../src/modules/org/org.domain.ts';
import type { CongressView } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { useCongresses } from '../../../components/congresses.tsx';
import { LevelTag } from '../../../components/tags.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import { CongressFormModal } from './CongressFormModal.tsx';

function isCurrent(c: CongressView): boolean {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return (!c.termStart || c.termStart <= today) && (!c.termEnd || c.termEnd >= today);
}

export function CongressesPage() {
  const { t, label } = useI18n();
  const { can } = useSession();
  const congresses = useCongresses();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();

  const confirmDelete = (c: CongressView) =>
    modal.confirm({
      title: t('congress.deleteTitle', { name: c.name }),
      content: t('congress.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteCongress(c.id);
          await qc.invalidateQueries({ queryKey: keys.congresses });
          void message.success(t('common.deleted'));
        } catch (err) {
          report(err);
        }
      },
    });
  const [level, setLevel] = useState<CongressLevel | 'all'>('all');
  const [editing, setEditing] = useState<CongressView | null>(null);
  const [open, setOpen] = useState(false);
  const writable = can('org.write');

  const rows = (congresses.data ?? [])
    .filter((c) => level === 'all' || c.level === level)
    .sort(
      (a, b) =>
        CONGRESS_LEVELS.indexOf(a.level) - CONGRESS_LEVELS.indexOf(b.level) || b.termNumber - a.termNumber,
    );

  const columns: TableColumnsType<CongressView> = [
    {
      title: t('congress.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <span>
          <span style={{ fontWeight: 500 }}>{name}</span>
          {isCurrent(c) && (
            <Tag color="green" style={{ marginInlineStart: 8 }}>
              {t('congress.current')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('congress.level'),
      dataIndex: 'level',
      width: 160,
      render: (l: CongressLevel) => <LevelTag level={l} full />,
    },
    {
      title: t('congress.term'),
      dataIndex: 'termNumber',
      width: 90,
      render: (n: number) => t('congress.termN', { n }),
    },
    {
      title: t('common.jurisdiction'),
      dataIndex: 'jurisdiction',
      responsive: ['md'],
      render: (j: CongressView['jurisdiction']) =>
        j?.name ?? <Typography.Text type="secondary">{t('congress.aboveTree')}</Typography.Text>,
    },
    {
      title: t('congress.termDates'),
      key: 'dates',
      responsive: ['sm'],
      render: (_: unknown, c) =>
        c.termStart || c.termEnd
          ? `${formatDate(c.termStart) || '…'} ~ ${formatDate(c.termEnd) || '…'}`
          : '—',
    },
    { title: t('congress.seats'), dataIndex: 'seatCount', width: 100, align: 'right' },
    { title: t('common.code'), dataIndex: 'code', responsive: ['xl'] },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, c: CongressView) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => {
                    setEditing(c);
                    setOpen(true);
                  }}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={c.seatCount > 0}
                  title={c.seatCount > 0 ? t('congress.deleteText') : undefined}
                  onClick={() => confirmDelete(c)}
                >
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.congresses')}
        subtitle={t('congress.subtitle')}
        extra={
          writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setOpen(true);
              }}
            >
              {t('congress.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 12, overflowX: 'auto' }}>
          <Segmented<CongressLevel | 'all'>
            value={level}
            onChange={setLevel}
            options={[
              { value: 'all', label: t('common.all') },
              ...CONGRESS_LEVELS.map((l) => ({ value: l, label: label(CONGRESS_LEVEL_LABELS[l]) })),
            ]}
          />
        </div>
        {congresses.isError ? (
          <QueryError error={congresses.error} onRetry={() => void congresses.refetch()} />
        ) : (
          <Table<CongressView>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={congresses.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{
              pageSize: 20,
              showTotal: (n) => t('common.total', { n }),
              hideOnSinglePage: false,
              showSizeChanger: false,
            }}
          />
        )}
      </Card>
      <CongressFormModal open={open} congress={editing} onClose={() => setOpen(false)} />
    </div>
  );
}
