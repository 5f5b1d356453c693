/** A roster (group, station or grid): who, where from, their levels, and removal for writers. */
import type { ReactNode } from 'react';
import { App, Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserDeleteOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  REPRESENTATIVE_STATUS_LABELS,
  type CongressLevel,
  type RepresentativeStatus,
} from '../../../../../src/modules/org/org.domain.ts';
import type { MemberView } from '../../../api/types.ts';
import { LevelTags } from '../../../components/tags.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { labelOf } from '../../../i18n/labels.ts';

export function MembersTable<M extends MemberView>({
  members,
  loading,
  onRemove,
  roleColumn,
  emptyText,
}: {
  members: M[];
  loading?: boolean;
  onRemove?: (m: M) => Promise<void>;
  roleColumn?: { title: string; render: (m: M) => ReactNode; width?: number };
  emptyText?: string;
}) {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();

  const columns: TableColumnsType<M> = [
    {
      title: t('rep.name'),
      dataIndex: 'name',
      render: (name: string, m) => <Link to={`/org/representatives?view=${m.representativeId}`}>{name}</Link>,
    },
    { title: t('rep.code'), dataIndex: 'code', responsive: ['sm'] },
    ...(roleColumn
      ? [
          {
            title: roleColumn.title,
            key: 'role',
            width: roleColumn.width ?? 140,
            render: (_: unknown, m: M) => roleColumn.render(m),
          },
        ]
      : []),
    {
      title: t('rep.levels'),
      dataIndex: 'levels',
      render: (levels: CongressLevel[]) => <LevelTags levels={levels} />,
    },
    { title: t('rep.jurisdiction'), dataIndex: ['jurisdiction', 'name'], responsive: ['md'] },
    {
      title: t('rep.status'),
      dataIndex: 'status',
      responsive: ['md'],
      render: (s: string) =>
        s === 'active' ? (
          labelOf(REPRESENTATIVE_STATUS_LABELS, 'active', lang)
        ) : (
          <Typography.Text type="warning">
            {labelOf(REPRESENTATIVE_STATUS_LABELS, s as RepresentativeStatus, lang)}
          </Typography.Text>
        ),
    },
    ...(onRemove
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, m: M) => (
              <Button
                type="link"
                danger
                size="small"
                icon={<UserDeleteOutlined />}
                onClick={() =>
                  modal.confirm({
                    title: t('members.removeTitle', { name: m.name }),
                    okText: t('common.remove'),
                    okButtonProps: { danger: true },
                    cancelText: t('common.cancel'),
                    onOk: () => onRemove(m),
                  })
                }
              >
                {t('common.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<M>
      rowKey="representativeId"
      size="middle"
      columns={columns}
      dataSource={members}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={emptyText ? { emptyText } : undefined}
      pagination={
        members.length > 20
          ? { pageSize: 20, showTotal: (n) => t('common.total', { n }), showSizeChanger: false }
          : false
      }
    />
  );
}
