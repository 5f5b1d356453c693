/** One grid and the representatives who cover it. */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { addGridMember, deleteGrid, getGrid, removeGridMember } from '../../../api/grids.ts';
import { keys } from '../../../api/keys.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { FullPageSpinner } from '../../../components/FullPageSpinner.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import { AddMembersModal } from '../members/AddMembersModal.tsx';
import { MembersTable } from '../members/MembersTable.tsx';
import { GridFormModal } from './GridFormModal.tsx';

export function GridDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const writable = can('org.write');
  const grid = useQuery({ queryKey: keys.grid(id), queryFn: () => getGrid(id) });
  const g = grid.data;

  if (grid.isPending) return <FullPageSpinner />;
  if (grid.isError || !g) return <QueryError error={grid.error} onRetry={() => void grid.refetch()} />;

  const changed = async () => {
    await grid.refetch();
    void qc.invalidateQueries({ queryKey: keys.grids });
    void qc.invalidateQueries({ queryKey: keys.representatives });
  };

  const remove = () =>
    modal.confirm({
      title: t('grid.deleteTitle', { name: g.name }),
      content: t('grid.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteGrid(g.id);
          await qc.invalidateQueries({ queryKey: keys.grids });
          void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
          void message.success(t('common.deleted'));
          void navigate('/org/grids');
        } catch (err) {
          report(err);
        }
      },
    });

  return (
    <div>
      <PageHeader
        back="/org/grids"
        title={g.name}
        extra={
          writable && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      {g.members.length === 0 && (
        <Alert type="warning" showIcon title={t('grid.uncoveredBanner')} style={{ marginBottom: 16 }} />
      )}
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: t('common.code'), children: g.code },
            { key: 'jurisdiction', label: t('common.jurisdiction'), children: g.jurisdiction.name },
            {
              key: 'station',
              label: t('grid.station'),
              children: g.station ? <Link to={`/org/stations/${g.station.id}`}>{g.station.name}</Link> : '—',
            },
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
        title={t('members.title', { n: g.members.length })}
        extra={
          writable && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('members.add')}
            </Button>
          )
        }
      >
        <MembersTable
          members={g.members}
          emptyText={t('members.empty')}
          onRemove={
            writable
              ? async (m) => {
                  try {
                    await removeGridMember(g.id, m.representativeId);
                    await changed();
                    void message.success(t('members.removed', { name: m.name }));
                  } catch (err) {
                    report(err);
                  }
                }
              : undefined
          }
        />
      </Card>
      <GridFormModal
        open={editing}
        grid={g}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void changed();
        }}
      />
      <AddMembersModal
        open={adding}
        title={t('members.addTo', { name: g.name })}
        exclude={g.members.map((m) => m.representativeId)}
        onClose={() => setAdding(false)}
        onAdd={async (ids) => {
          try {
            for (const representativeId of ids) await addGridMember(g.id, representativeId);
            await changed();
            void message.success(t('members.added', { n: ids.length }));
            setAdding(false);
          } catch (err) {
            report(err);
            await changed();
            throw err;
          }
        }}
      />
    </div>
  );
}
