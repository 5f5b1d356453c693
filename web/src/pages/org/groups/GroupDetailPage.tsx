/**
 * One group: its profile and members, with roles (组长 / 副组长 / 组员) set in place; its activities;
 * and how its members are doing (履职).
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GROUP_KIND_LABELS,
  GROUP_ROLE_LABELS,
  GROUP_ROLES,
  type GroupRole,
} from '../../../../../src/modules/org/org.domain.ts';
import {
  addGroupMember,
  deleteGroup,
  getGroup,
  removeGroupMember,
  setGroupMembers,
} from '../../../api/groups.ts';
import { keys } from '../../../api/keys.ts';
import type { GroupView } from '../../../api/types.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { FullPageSpinner } from '../../../components/FullPageSpinner.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';
import { useSession } from '../../../session/SessionProvider.tsx';
import { AddMembersModal } from '../members/AddMembersModal.tsx';
import { MembersTable } from '../members/MembersTable.tsx';
import { GroupFormModal } from './GroupFormModal.tsx';
import { GroupActivities } from '../../activities/OrgActivities.tsx';
import { GroupPerformance } from '../../performance/GroupPerformance.tsx';

type GroupTab = 'members' | 'activities' | 'performance';

const ROLE_ORDER: Record<GroupRole, number> = { leader: 0, deputy_leader: 1, member: 2 };

export function GroupDetailPage() {
  const id = Number(useParams().id);
  const { t, label, lang } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<GroupTab>('members');
  const writable = can('org.write');

  const group = useQuery({ queryKey: keys.group(id), queryFn: () => getGroup(id) });
  const g = group.data;

  const after = async (updated?: GroupView) => {
    if (updated && typeof updated === 'object' && 'members' in updated)
      qc.setQueryData(keys.group(id), updated);
    await qc.invalidateQueries({ queryKey: keys.groups });
    void qc.invalidateQueries({ queryKey: keys.representatives });
  };

  if (group.isPending) return <FullPageSpinner />;
  if (group.isError || !g) return <QueryError error={group.error} onRetry={() => void group.refetch()} />;

  const members = [...g.members].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh-CN'),
  );

  const saveRole = async (representativeId: number, role: GroupRole) => {
    setBusy(true);
    try {
      // A group has one leader: naming a new one makes the previous leader an ordinary member.
      const updated = await setGroupMembers(
        g.id,
        g.members.map((m) => ({
          representativeId: m.representativeId,
          role:
            m.representativeId === representativeId
              ? role
              : role === 'leader' && m.role === 'leader'
                ? 'member'
                : m.role,
        })),
      );
      await after(updated);
      void message.success(t('common.saved'));
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };

  const setRole = (representativeId: number, role: GroupRole) => {
    const current = g.members.find((m) => m.role === 'leader' && m.representativeId !== representativeId);
    const next = g.members.find((m) => m.representativeId === representativeId);
    if (role === 'leader' && current && next) {
      modal.confirm({
        title: t('group.changeLeaderTitle'),
        content: t('group.changeLeaderText', { old: current.name, name: next.name }),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => saveRole(representativeId, role),
      });
    } else void saveRole(representativeId, role);
  };

  const confirmDelete = () =>
    modal.confirm({
      title: t('group.deleteTitle', { name: g.name }),
      content: t('group.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteGroup(g.id);
          await qc.invalidateQueries({ queryKey: keys.groups });
          void message.success(t('common.deleted'));
          void navigate('/org/groups');
        } catch (err) {
          report(err);
        }
      },
    });

  const roleOptions = optionsOf(GROUP_ROLE_LABELS, lang, GROUP_ROLES);

  return (
    <div>
      <PageHeader
        back="/org/groups"
        title={
          <Space wrap>
            {g.name}
            <Tag color={g.kind === 'regional' ? 'blue' : 'purple'}>{label(GROUP_KIND_LABELS[g.kind])}</Tag>
          </Space>
        }
        extra={
          writable && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: t('common.code'), children: g.code },
            { key: 'jurisdiction', label: t('common.jurisdiction'), children: g.jurisdiction.name },
            { key: 'leader', label: t('group.leader'), children: g.leader?.name ?? t('group.noLeader') },
            ...(g.theme ? [{ key: 'theme', label: t('group.theme'), children: g.theme }] : []),
            { key: 'count', label: t('group.memberCount'), children: g.memberCount },
            { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(g.updatedAt, false) },
            ...(g.description
              ? [
                  {
                    key: 'desc',
                    label: t('common.description'),
                    span: 3,
                    children: (
                      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                        {g.description}
                      </Typography.Paragraph>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        variant="borderless"
        activeTabKey={tab}
        onTabChange={(k) => setTab(k as GroupTab)}
        tabList={[
          { key: 'members', label: t('members.title', { n: g.members.length }) },
          ...(can('activities.read') ? [{ key: 'activities', label: t('group.tabActivities') }] : []),
          ...(can('activities.read') ? [{ key: 'performance', label: t('group.tabPerformance') }] : []),
        ]}
        tabBarExtraContent={
          tab === 'members' &&
          writable && (
            <Button type="primary" size="small" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('members.add')}
            </Button>
          )
        }
      >
        {tab === 'activities' ? (
          <GroupActivities groupId={g.id} />
        ) : tab === 'performance' ? (
          <GroupPerformance groupId={g.id} />
        ) : (
          <>
            <MembersTable
              members={members}
              loading={busy}
              emptyText={t('members.empty')}
              roleColumn={{
                title: t('members.role'),
                width: 130,
                render: (m) =>
                  writable ? (
                    <Select<GroupRole>
                      size="small"
                      value={m.role}
                      options={roleOptions}
                      style={{ width: 110 }}
                      onChange={(role) => setRole(m.representativeId, role)}
                    />
                  ) : (
                    <Tag
                      color={m.role === 'leader' ? 'red' : m.role === 'deputy_leader' ? 'orange' : undefined}
                    >
                      {label(GROUP_ROLE_LABELS[m.role])}
                    </Tag>
                  ),
              }}
              onRemove={
                writable
                  ? async (m) => {
                      try {
                        const updated = await removeGroupMember(g.id, m.representativeId);
                        await after(updated);
                        await group.refetch();
                        void message.success(t('members.removed', { name: m.name }));
                      } catch (err) {
                        report(err);
                      }
                    }
                  : undefined
              }
            />
          </>
        )}
      </Card>
      <GroupFormModal
        open={editing}
        group={g}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          void after(saved);
          void group.refetch();
        }}
      />
      <AddMembersModal<GroupRole>
        open={adding}
        title={t('members.addTo', { name: g.name })}
        exclude={g.members.map((m) => m.representativeId)}
        roles={roleOptions}
        defaultRole="member"
        onClose={() => setAdding(false)}
        onAdd={async (ids, role) => {
          try {
            for (const representativeId of ids)
              await addGroupMember(g.id, { representativeId, role: role ?? 'member' });
            await after();
            await group.refetch();
            void message.success(t('members.added', { n: ids.length }));
            setAdding(false);
          } catch (err) {
            report(err);
            await group.refetch();
            throw err;
          }
        }}
      />
    </div>
  );
}
