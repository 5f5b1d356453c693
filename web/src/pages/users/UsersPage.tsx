/** 账号管理: accounts with their roles, jurisdiction and lock state; create, edit, grant, unlock, reset. */
import { useState } from 'react';
import { App, Button, Card, Dropdown, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import {
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  MoreOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, ROLES, isAdminRole, type Role } from '../../../../src/modules/auth/auth.domain.ts';
import { listUsers, unlockUser } from '../../api/users.ts';
import { keys } from '../../api/keys.ts';
import type { UserListQuery, UserView } from '../../api/types.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect.tsx';
import { numberOrUndefined, pagination, useListParams } from '../../components/paging.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UserRolesModal } from './UserRolesModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

export function UsersPage() {
  const { t, label } = useI18n();
  const { can, user: me } = useSession();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const list = useListParams(['q', 'role', 'jurisdictionId', 'status', 'locked'] as const);
  const { filters } = list;
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [rolesOf, setRolesOf] = useState<UserView | null>(null);
  const [resetOf, setResetOf] = useState<UserView | null>(null);

  const query: UserListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: filters.q,
    role: filters.role as Role | undefined,
    jurisdictionId: numberOrUndefined(filters.jurisdictionId),
    status: filters.status as 'active' | 'disabled' | undefined,
    locked: filters.locked === 'true' ? true : undefined,
  };
  const data = useQuery({
    queryKey: [...keys.users, 'list', query],
    queryFn: () => listUsers(query),
    placeholderData: keepPreviousData,
  });

  const unlock = (u: UserView) =>
    modal.confirm({
      title: t('user.unlockTitle', { name: u.displayName }),
      content: t('user.unlockText'),
      okText: t('user.unlock'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await unlockUser(u.id);
          await qc.invalidateQueries({ queryKey: keys.users });
          void message.success(t('user.unlocked'));
        } catch (err) {
          report(err);
        }
      },
    });

  const actionsFor = (u: UserView): MenuProps['items'] => {
    const self = u.id === me?.id;
    return [
      ...(can('users.write')
        ? [
            {
              key: 'edit',
              icon: <EditOutlined />,
              label: t('common.edit'),
              onClick: () => {
                setEditing(u);
                setFormOpen(true);
              },
            },
          ]
        : []),
      ...(can('users.security')
        ? [
            {
              key: 'roles',
              icon: <SafetyCertificateOutlined />,
              label: t('user.setRoles'),
              disabled: self,
              onClick: () => setRolesOf(u),
            },
            {
              key: 'reset',
              icon: <KeyOutlined />,
              label: t('user.resetPassword'),
              disabled: self,
              onClick: () => setResetOf(u),
            },
            ...(u.locked
              ? [
                  {
                    key: 'unlock',
                    icon: <UnlockOutlined />,
                    label: t('user.unlock'),
                    onClick: () => unlock(u),
                  },
                ]
              : []),
          ]
        : []),
    ];
  };

  const columns: TableColumnsType<UserView> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      render: (name: string, u) => (
        <span>
          <span style={{ fontWeight: 500 }}>{name}</span>
          {u.id === me?.id && <Tag style={{ marginInlineStart: 6 }}>{t('user.me')}</Tag>}
        </span>
      ),
    },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={isAdminRole(r) ? 'red' : 'blue'}>
              {label(ROLE_LABELS[r])}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('user.jurisdiction'), dataIndex: ['jurisdiction', 'name'], responsive: ['md'] },
    {
      title: t('common.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          {u.status === 'active' ? (
            <Tag color="green">{t('user.active')}</Tag>
          ) : (
            <Tag>{t('user.disabled')}</Tag>
          )}
          {u.locked && (
            <Tooltip
              title={
                u.lockedUntil
                  ? t('user.lockedUntil', { time: formatDateTime(u.lockedUntil, false) })
                  : undefined
              }
            >
              <Tag color="orange" icon={<LockOutlined />}>
                {t('user.locked')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      responsive: ['lg'],
      render: (v: string | null) =>
        v ? formatDateTime(v, false) : <Typography.Text type="secondary">{t('user.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_: unknown, u) => {
        const items = actionsFor(u) ?? [];
        if (items.length === 0) return null;
        return (
          <Space size={0}>
            {u.locked && can('users.security') ? (
              <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => unlock(u)}>
                {t('user.unlock')}
              </Button>
            ) : can('users.write') ? (
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setEditing(u);
                  setFormOpen(true);
                }}
              >
                {t('common.edit')}
              </Button>
            ) : (
              <Button type="link" size="small" disabled={u.id === me?.id} onClick={() => setRolesOf(u)}>
                {t('user.setRoles')}
              </Button>
            )}
            <Dropdown menu={{ items }} trigger={['click']}>
              <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.more')} />
            </Dropdown>
          </Space>
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('user.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('user.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <FilterBar
          activeCount={
            (['role', 'jurisdictionId', 'status', 'locked'] as const).filter((k) => filters[k]).length
          }
          more={
            <>
              <Select
                allowClear
                placeholder={t('user.role')}
                value={filters.role}
                onChange={(v?: string) => list.setFilters({ role: v })}
                options={ROLES.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
              />
              {can('org.read') && (
                <JurisdictionTreeSelect
                  value={numberOrUndefined(filters.jurisdictionId)}
                  onChange={(id) => list.setFilters({ jurisdictionId: id })}
                />
              )}
              <Select
                allowClear
                placeholder={t('common.status')}
                value={filters.status}
                onChange={(v?: string) => list.setFilters({ status: v })}
                options={[
                  { value: 'active', label: t('user.active') },
                  { value: 'disabled', label: t('user.disabled') },
                ]}
              />
              <Select
                allowClear
                placeholder={t('user.lockState')}
                value={filters.locked}
                onChange={(v?: string) => list.setFilters({ locked: v })}
                options={[{ value: 'true', label: t('user.onlyLocked') }]}
              />
            </>
          }
        >
          <Input.Search
            className="filter-wide"
            allowClear
            placeholder={t('user.searchPlaceholder')}
            defaultValue={filters.q}
            onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          />
        </FilterBar>
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : (
          <Table<UserView>
            rowKey="id"
            columns={columns}
            dataSource={data.data?.items}
            loading={data.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
      <UserFormModal open={formOpen} user={editing} onClose={() => setFormOpen(false)} />
      <UserRolesModal user={rolesOf} onClose={() => setRolesOf(null)} />
      <ResetPasswordModal user={resetOf} onClose={() => setResetOf(null)} />
    </div>
  );
}
