/** One representative: profile, seats, and where they serve (groups, stations, grids). */
import { Link, useNavigate } from 'react-router';
import { App, Button, Descriptions, Drawer, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GENDER_LABELS,
  GROUP_KIND_LABELS,
  GROUP_ROLE_LABELS,
  type CongressLevel,
} from '../../../../../src/modules/org/org.domain.ts';
import {
  deleteRepresentative,
  getRepresentative,
  revealRepresentativePhone,
} from '../../../api/representatives.ts';
import { keys } from '../../../api/keys.ts';
import type { SeatView } from '../../../api/types.ts';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { LevelTag, LevelTags, RepresentativeStatusTag, StationTierTag } from '../../../components/tags.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import { RevealPhone } from '../../../components/RevealPhone.tsx';

export function RepresentativeDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const { t, label } = useI18n();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const rep = useQuery({
    queryKey: keys.representative(id ?? 0),
    queryFn: () => getRepresentative(id!),
    enabled: id !== undefined,
  });
  const r = rep.data;

  const confirmDelete = () => {
    if (!r) return;
    modal.confirm({
      title: t('rep.deleteTitle', { name: r.name }),
      content: t('rep.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteRepresentative(r.id);
          await qc.invalidateQueries({ queryKey: keys.representatives });
          void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
          void message.success(t('common.deleted'));
          onClose();
        } catch (err) {
          report(err);
        }
      },
    });
  };

  const seatColumns = [
    { title: t('rep.congress'), key: 'congress', render: (_: unknown, s: SeatView) => s.congress.name },
    {
      title: t('rep.level'),
      key: 'level',
      width: 90,
      render: (_: unknown, s: SeatView) => <LevelTag level={s.congress.level as CongressLevel} />,
    },
    { title: t('rep.delegation'), dataIndex: 'delegation', render: (v: string | null) => v ?? '—' },
    { title: t('rep.constituency'), dataIndex: 'constituency', render: (v: string | null) => v ?? '—' },
    {
      title: t('rep.term'),
      key: 'term',
      render: (_: unknown, s: SeatView) =>
        s.electedOn || s.endedOn
          ? `${formatDate(s.electedOn) || '…'} ~ ${formatDate(s.endedOn) || t('rep.now')}`
          : '—',
    },
  ];

  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={
        r ? (
          <Space wrap>
            <span>{r.name}</span>
            <RepresentativeStatusTag status={r.status} />
            <LevelTags levels={r.levels} />
          </Space>
        ) : (
          t('rep.detail')
        )
      }
      loading={rep.isPending && id !== undefined}
      extra={
        r && (
          <Space>
            <Button
              icon={<QrcodeOutlined />}
              href={`/api/v1/representatives/${r.id}/qr.png`}
              download
              aria-label={t('qr.download')}
              title={t('qr.download')}
            />
            {can('org.write') && (
              <>
                <Button
                  icon={<EditOutlined />}
                  onClick={() => void navigate(`/org/representatives/${r.id}/edit`)}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  onClick={confirmDelete}
                  aria-label={t('common.delete')}
                />
              </>
            )}
          </Space>
        )
      }
    >
      {rep.isError && <QueryError error={rep.error} onRetry={() => void rep.refetch()} />}
      {r && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'code', label: t('rep.code'), children: r.code },
              { key: 'gender', label: t('rep.gender'), children: label(GENDER_LABELS[r.gender]) },
              { key: 'ethnicity', label: t('rep.ethnicity'), children: r.ethnicity ?? '—' },
              { key: 'jurisdiction', label: t('rep.jurisdiction'), children: r.jurisdiction.name },
              { key: 'employer', label: t('rep.employer'), span: 2, children: r.employer ?? '—' },
              { key: 'post', label: t('rep.post'), children: r.post ?? '—' },
              { key: 'sector', label: t('rep.sector'), children: r.sector ?? '—' },
              {
                key: 'phone',
                label: t('rep.phone'),
                span: 2,
                children: (
                  <RevealPhone
                    masked={r.phoneMasked}
                    allowed={can('org.reveal_phone')}
                    reveal={() => revealRepresentativePhone(r.id)}
                  />
                ),
              },
              {
                key: 'public',
                label: t('rep.isPublic'),
                children: r.isPublic ? t('common.yes') : t('common.no'),
              },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(r.updatedAt, false) },
              ...(r.statusNote
                ? [{ key: 'statusNote', label: t('rep.statusNote'), span: 2, children: r.statusNote }]
                : []),
              ...(r.bio
                ? [
                    {
                      key: 'bio',
                      label: t('rep.bio'),
                      span: 2,
                      children: (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                          {r.bio}
                        </Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('rep.seats')}
          </Typography.Title>
          <Table<SeatView>
            rowKey="id"
            size="small"
            pagination={false}
            columns={seatColumns}
            dataSource={r.seats}
            scroll={{ x: 'max-content' }}
          />

          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('rep.serves')}
          </Typography.Title>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'groups',
                label: t('nav.groups'),
                children: r.groups.length ? (
                  <Space wrap size={[4, 4]}>
                    {r.groups.map((g) => (
                      <Link key={g.id} to={`/org/groups/${g.id}`}>
                        <Tag
                          color={g.kind === 'regional' ? 'blue' : 'purple'}
                          title={label(GROUP_KIND_LABELS[g.kind])}
                        >
                          {g.name} · {label(GROUP_ROLE_LABELS[g.role])}
                        </Tag>
                      </Link>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ),
              },
              {
                key: 'stations',
                label: t('nav.stations'),
                children: r.stations.length ? (
                  <Space wrap size={[4, 4]}>
                    {r.stations.map((s) => (
                      <Link key={s.id} to={`/org/stations/${s.id}`}>
                        <Space size={2}>
                          {s.name}
                          <StationTierTag tier={s.tier} />
                        </Space>
                      </Link>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ),
              },
              {
                key: 'grids',
                label: t('nav.grids'),
                children: r.grids.length ? (
                  <Space wrap size={[4, 4]}>
                    {r.grids.map((g) => (
                      <Link key={g.id} to={`/org/grids/${g.id}`}>
                        <Tag>{g.name}</Tag>
                      </Link>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
      {!r && !rep.isPending && !rep.isError && <Empty />}
    </Drawer>
  );
}
