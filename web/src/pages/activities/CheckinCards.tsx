/**
 * Check-in on an activity's page. Managers get the check-in QR code (shown, printable on A4,
 * downloadable) with the window it is accepted in and the count so far; a representative on the
 * list gets their own part: sign up, ask for leave with a reason, and — while check-in is open —
 * how to check in (scan the code at the venue; a phone whose browser reads QR codes can scan here).
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import {
  CheckOutlined,
  DownloadOutlined,
  PrinterOutlined,
  QrcodeOutlined,
  ScanOutlined,
} from '@ant-design/icons';
import { qrUrl, requestLeave, signUp } from '../../api/activities.ts';
import type { ActivityDetail } from '../../api/types.ts';
import { AttendanceTag, ParticipantStatusTag } from '../../components/activityTags.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ReasonModal } from './ActivityModals.tsx';
import { QrScanModal, canScanQr } from './QrScanModal.tsx';
import { beijingTime } from './dates.ts';

export function CheckinQrCard({ a }: { a: ActivityDetail }) {
  const { t } = useI18n();
  if (!a.checkinUrl || a.status !== 'planned') return null;
  const present = a.participants.filter((p) => p.attendance === 'present').length;
  const now = Date.now();
  const open = now >= Date.parse(a.checkinOpensAt) && now <= Date.parse(a.checkinClosesAt);
  const over = now > Date.parse(a.checkinClosesAt);
  return (
    <Card
      variant="borderless"
      title={
        <Space>
          <QrcodeOutlined />
          {t('act.qr.title')}
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <div className="checkin-qr">
        <img src={qrUrl(a.id, 'svg')} alt={t('act.qr.alt', { title: a.title })} width={168} height={168} />
        <div style={{ minWidth: 0 }}>
          <Typography.Paragraph style={{ marginBottom: 6 }}>
            {open ? (
              <Typography.Text type="success" strong>
                {t('act.qr.openNow')}
              </Typography.Text>
            ) : over ? (
              <Typography.Text type="secondary">{t('act.qr.closed')}</Typography.Text>
            ) : (
              <Typography.Text>{t('act.qr.notYet')}</Typography.Text>
            )}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 6 }}>
            {t('act.qr.window', {
              from: formatDateTime(a.checkinOpensAt, false),
              to: formatDateTime(a.checkinClosesAt, false).slice(11),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('act.qr.count', { n: present, m: a.participants.length })}
          </Typography.Paragraph>
          <Typography.Text
            copyable={{ text: a.checkinUrl }}
            type="secondary"
            style={{ fontSize: 12, wordBreak: 'break-all' }}
          >
            {a.checkinUrl}
          </Typography.Text>
        </div>
      </div>
      <Space wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          href={`/activities/${a.id}/qr?print=1`}
          target="_blank"
          rel="noreferrer"
        >
          {t('act.qr.print')}
        </Button>
        <Button icon={<DownloadOutlined />} href={qrUrl(a.id, 'png')} download={`checkin-${a.id}.png`}>
          {t('qr.png')}
        </Button>
      </Space>
    </Card>
  );
}

/** The signed-in representative's own part in the activity. */
export function MyPartCard({
  a,
  onUpdated,
}: {
  a: ActivityDetail;
  onUpdated: (next?: ActivityDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { user } = useSession();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [scanning, setScanning] = useState(false);
  if (!a.myStatus) return null;
  const me = a.myActions;
  const sign = async () => {
    setBusy(true);
    try {
      const next = await signUp(a.id);
      void message.success(t('act.my.signedUp'));
      onUpdated(next);
    } catch (err) {
      report(err);
      onUpdated();
    } finally {
      setBusy(false);
    }
  };
  const checkedIn = a.myAttendance === 'present';
  return (
    <Card variant="borderless" title={t('act.my.title')} style={{ marginBottom: 16 }} className="action-card">
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap', marginBottom: 10 }}>
        <Typography.Text type="secondary">{t('act.my.status')}</Typography.Text>
        <ParticipantStatusTag status={a.myStatus} />
        <AttendanceTag attendance={a.myAttendance} />
      </div>
      {me.includes('checkin') && (
        <Alert
          type="success"
          showIcon
          icon={<QrcodeOutlined />}
          style={{ marginBottom: 12 }}
          title={t('act.my.checkinOpen', { to: beijingTime(a.checkinClosesAt) })}
          description={t('act.my.checkinHow')}
          action={
            canScanQr() ? (
              <Button size="small" type="primary" icon={<ScanOutlined />} onClick={() => setScanning(true)}>
                {t('act.scan.button')}
              </Button>
            ) : undefined
          }
        />
      )}
      {checkedIn && (
        <Alert
          type="success"
          showIcon
          icon={<CheckOutlined />}
          style={{ marginBottom: 12 }}
          title={t('act.my.checkedInAt', {
            at:
              formatDateTime(
                a.participants.find((p) => p.representative.id === user?.representativeId)?.checkedInAt,
                false,
              ) || '—',
          })}
        />
      )}
      {a.myStatus === 'leave_refused' && me.length > 0 && (
        <Typography.Paragraph type="warning" style={{ fontSize: 13 }}>
          {t('act.my.refusedNote')}
        </Typography.Paragraph>
      )}
      {a.myStatus === 'leave_requested' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('act.my.waitingNote')}
        </Typography.Paragraph>
      )}
      {(me.includes('sign_up') || me.includes('request_leave')) && (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {me.includes('sign_up') && (
            <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void sign()}>
              {t('act.my.signUp')}
            </Button>
          )}
          {me.includes('request_leave') && (
            <Button onClick={() => setAsking(true)}>{t('act.my.askLeave')}</Button>
          )}
        </div>
      )}
      {me.length === 0 && !checkedIn && a.myStatus !== 'leave_requested' && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('act.my.nothing')}
        </Typography.Text>
      )}
      <ReasonModal
        open={asking}
        title={t('act.my.askLeaveTitle')}
        intro={<Typography.Text type="secondary">{t('act.my.askLeaveIntro')}</Typography.Text>}
        fieldLabel={t('act.leave.reason')}
        placeholder={t('act.my.askLeavePlaceholder')}
        okText={t('act.my.askLeaveOk')}
        onClose={() => setAsking(false)}
        onSubmit={async (reason) => {
          const next = await requestLeave(a.id, reason);
          void message.success(t('act.my.leaveAsked'));
          onUpdated(next);
        }}
      />
      <QrScanModal
        open={scanning}
        onClose={() => setScanning(false)}
        onCode={(code) => {
          setScanning(false);
          void navigate(`/c/${code}`);
        }}
      />
    </Card>
  );
}
