/** One station: where it is, when it receives constituents, its sub-stations, and its roster. */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import {
  CalendarOutlined,
  DeleteOutlined,
  DownloadOutlined,
  PrinterOutlined,
  QrcodeOutlined,
  EditOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { STATION_THEME_LABELS } from '../../../../../src/modules/org/org.domain.ts';
import { HOLIDAY_POLICY_LABELS } from '../../../../../src/lib/recurrence.ts';
import { StationActivities } from '../../activities/OrgActivities.tsx';
import {
  addStationMember,
  deleteStation,
  getStation,
  removeStationMember,
  updateStation,
} from '../../../api/stations.ts';
import { keys } from '../../../api/keys.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { FullPageSpinner } from '../../../components/FullPageSpinner.tsx';
import { StationStatusTag, StationTierTag } from '../../../components/tags.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useSession } from '../../../session/SessionProvider.tsx';
import { AddMembersModal } from '../members/AddMembersModal.tsx';
import { MembersTable } from '../members/MembersTable.tsx';

export function StationDetailPage() {
  const id = Number(useParams().id);
  const { t, label } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const writable = can('org.write');
  const station = useQuery({ queryKey: keys.station(id), queryFn: () => getStation(id) });
  const s = station.data;

  if (station.isPending) return <FullPageSpinner />;
  if (station.isError || !s)
    return <QueryError error={station.error} onRetry={() => void station.refetch()} />;

  const changed = async () => {
    await station.refetch();
    void qc.invalidateQueries({ queryKey: keys.stations });
    void qc.invalidateQueries({ queryKey: keys.representatives });
  };

  const retire = () =>
    modal.confirm({
      title: t('station.retireTitle', { name: s.name }),
      content: t('station.retireText'),
      okText: t('station.retire'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await updateStation(s.id, { status: 'retired' });
          await changed();
          void message.success(t('common.saved'));
        } catch (err) {
          report(err);
        }
      },
    });

  const remove = () =>
    modal.confirm({
      title: t('station.deleteTitle', { name: s.name }),
      content: t('station.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteStation(s.id);
          await qc.invalidateQueries({ queryKey: keys.stations });
          void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
          void message.success(t('common.deleted'));
          void navigate('/org/stations');
        } catch (err) {
          report(err);
        }
      },
    });

  return (
    <div>
      <PageHeader
        back="/org/stations"
        title={
          <Space wrap>
            {s.name}
            <StationTierTag tier={s.tier} />
            <StationStatusTag status={s.status} />
          </Space>
        }
        extra={
          writable && (
            <>
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/org/stations/${s.id}/edit`)}>
                {t('common.edit')}
              </Button>
              {s.status === 'active' && (
                <Button icon={<StopOutlined />} onClick={retire}>
                  {t('station.retire')}
                </Button>
              )}
              <Button danger icon={<DeleteOutlined />} onClick={remove}>
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      {s.status === 'retired' && (
        <Alert type="warning" showIcon title={t('station.retiredBanner')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={15}>
          <Card variant="borderless" style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'code', label: t('common.code'), children: s.code },
                {
                  key: 'public',
                  label: t('station.publicCode'),
                  children: <Typography.Text copyable>{s.publicCode}</Typography.Text>,
                },
                { key: 'theme', label: t('station.theme'), children: label(STATION_THEME_LABELS[s.theme]) },
                { key: 'jurisdiction', label: t('common.jurisdiction'), children: s.jurisdiction.name },
                {
                  key: 'parent',
                  label: t('station.parent'),
                  children: s.parent ? <Link to={`/org/stations/${s.parent.id}`}>{s.parent.name}</Link> : '—',
                },
                {
                  key: 'officer',
                  label: t('station.liaisonOfficer'),
                  children: s.liaisonOfficer?.displayName ?? '—',
                },
                { key: 'address', label: t('station.address'), span: 2, children: s.address ?? '—' },
                { key: 'opened', label: t('station.openedOn'), children: formatDate(s.openedOn) || '—' },
                {
                  key: 'updated',
                  label: t('common.updatedAt'),
                  children: formatDateTime(s.updatedAt, false),
                },
              ]}
            />
            {s.children.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  {t('station.children')}
                </Typography.Title>
                <Space wrap size={[16, 8]}>
                  {s.children.map((c) => (
                    <span key={c.id}>
                      <Link to={`/org/stations/${c.id}`} style={{ marginInlineEnd: 6 }}>
                        {c.name}
                      </Link>
                      <StationTierTag tier={c.tier} />
                    </span>
                  ))}
                </Space>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card
            variant="borderless"
            title={
              <Space>
                <CalendarOutlined />
                {t('station.reception')}
              </Space>
            }
            style={{ height: '100%' }}
          >
            {s.receptionText ? (
              <>
                <Typography.Paragraph style={{ fontSize: 16, fontWeight: 600 }}>
                  {label(s.receptionText)}
                </Typography.Paragraph>
                {s.status === 'active' && s.nextReceptions.length > 0 && (
                  <>
                    <Typography.Text type="secondary">{t('sched.next')}</Typography.Text>
                    <div style={{ marginTop: 6 }}>
                      {s.nextReceptions.map((d) => (
                        <Tag key={d} color="blue" style={{ marginBottom: 4 }}>
                          {d}
                        </Tag>
                      ))}
                    </div>
                  </>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t('station.noSchedule')}</Typography.Text>
            )}
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 12 }}
              items={[
                {
                  key: 'holiday',
                  label: t('station.receptionHoliday'),
                  children: label(HOLIDAY_POLICY_LABELS[s.receptionHoliday]),
                },
                {
                  key: 'duty',
                  label: t('station.receptionOnDuty'),
                  children: t('station.onDutyN', { n: s.receptionOnDuty }),
                },
                {
                  key: 'notice',
                  label: t('station.receptionNoticeDays'),
                  children: t('station.noticeDaysN', { n: s.receptionNoticeDays }),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        variant="borderless"
        title={
          <Space>
            <QrcodeOutlined />
            {t('qr.title')}
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Space align="start" size={24} wrap>
          <img
            src={`/qr/s/${s.publicCode}.svg`}
            alt={t('qr.alt', { name: s.name })}
            width={148}
            height={148}
            style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 6, background: '#fff' }}
          />
          <Space orientation="vertical" size={8}>
            <Typography.Text type="secondary">{t('qr.help')}</Typography.Text>
            <Typography.Link href={`/s/${s.publicCode}`} target="_blank" rel="noreferrer" copyable>
              {`${window.location.origin}/s/${s.publicCode}`}
            </Typography.Link>
            <Space wrap>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                href={`/api/v1/stations/${s.id}/poster`}
                target="_blank"
                rel="noreferrer"
              >
                {t('qr.poster')}
              </Button>
              <Button icon={<DownloadOutlined />} href={`/qr/s/${s.publicCode}.png`} download>
                {t('qr.png')}
              </Button>
              <Button icon={<DownloadOutlined />} href={`/qr/s/${s.publicCode}.svg`} download>
                {t('qr.svg')}
              </Button>
            </Space>
          </Space>
        </Space>
      </Card>
      {can('activities.read') && <StationActivities stationId={s.id} active={s.status === 'active'} />}
      <Card
        variant="borderless"
        title={t('members.title', { n: s.members.length })}
        extra={
          writable &&
          s.status === 'active' && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('members.add')}
            </Button>
          )
        }
      >
        <MembersTable
          members={s.members}
          emptyText={t('members.empty')}
          onRemove={
            writable
              ? async (m) => {
                  try {
                    await removeStationMember(s.id, m.representativeId);
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
      <AddMembersModal
        open={adding}
        title={t('members.addTo', { name: s.name })}
        exclude={s.members.map((m) => m.representativeId)}
        onClose={() => setAdding(false)}
        onAdd={async (ids) => {
          try {
            for (const representativeId of ids) await addStationMember(s.id, representativeId);
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
