/**
 * /c/:code — where an activity's check-in QR code leads, on the representative's phone. Signing in
 * comes first (the guard sends the person to the log-in page and back here). The page shows the
 * activity and one large 签到 button; the answer is 签到成功 with the time, 已签到 for a second scan,
 * or the server's reason in plain words (too early, closed, not on the list, not a representative).
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Result, Spin, Typography } from 'antd';
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  EnvironmentOutlined,
  LogoutOutlined,
  QrcodeOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkIn, checkinTarget } from '../../api/activities.ts';
import { isApiError } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { CheckinResult } from '../../api/types.ts';
import { problemText } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BrandMark } from '../../layout/Brand.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { beijingTime, timeRange } from './dates.ts';

const CODE = /^[0-9a-z]{4,32}$/;

export function CheckinPage() {
  const code = useParams().code ?? '';
  const { t, lang } = useI18n();
  const { user, signOut } = useSession();
  const qc = useQueryClient();
  const [result, setResult] = useState<CheckinResult | null>(null);
  const valid = CODE.test(code);
  const isRep = !!user?.roles.includes('representative') && !!user.representativeId;

  const target = useQuery({
    queryKey: [...keys.activities, 'checkin', code],
    queryFn: () => checkinTarget(code),
    enabled: valid && isRep,
    retry: false,
  });
  const submit = useMutation({
    mutationFn: () => checkIn(code),
    onSuccess: (r) => {
      setResult(r);
      void qc.invalidateQueries({ queryKey: keys.activities });
    },
  });

  // Signing out comes back here after the next log-in (the log-in page returns to where it was sent from).
  const switchAccount = () => void signOut('signedOut');

  let body: React.ReactNode;
  if (!valid) {
    body = <Result status="warning" title={t('act.ci.badCode')} subTitle={t('act.ci.badCodeText')} />;
  } else if (!isRep) {
    body = (
      <Result
        status="info"
        title={t('act.ci.repOnly')}
        subTitle={t('act.ci.repOnlyText', { name: user?.displayName ?? '' })}
        extra={
          <Button type="primary" size="large" icon={<LogoutOutlined />} onClick={switchAccount}>
            {t('act.ci.switch')}
          </Button>
        }
      />
    );
  } else if (target.isPending) {
    body = (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  } else if (target.isError || !target.data) {
    body = (
      <Result
        status={isApiError(target.error) && target.error.status === 404 ? 'warning' : 'error'}
        title={t('act.ci.cannotOpen')}
        subTitle={problemText(target.error, lang)}
        extra={
          <Button size="large" onClick={() => void target.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else {
    const a = target.data;
    const facts = (
      <div className="ci-facts">
        <h2 className="ci-title">{a.title}</h2>
        <div>
          <ClockCircleOutlined /> {timeRange(a.startsAt, a.endsAt)}
        </div>
        {a.place && (
          <div>
            <EnvironmentOutlined /> {a.place}
          </div>
        )}
      </div>
    );
    if (result) {
      body = (
        <>
          <div className={`ci-done${result.first ? '' : ' ci-again'}`} role="status">
            <CheckCircleFilled className="ci-done-icon" />
            <div className="ci-done-title">{result.first ? t('act.ci.success') : t('act.ci.already')}</div>
            <div className="ci-done-time">
              {result.checkedInAt
                ? t(result.first ? 'act.ci.at' : 'act.ci.earlierAt', {
                    time: beijingTime(result.checkedInAt),
                  })
                : ''}
            </div>
          </div>
          {facts}
        </>
      );
    } else {
      body = (
        <>
          {facts}
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '4px 0 16px' }}>
            {t('act.ci.as', { name: user?.displayName ?? '' })}
          </Typography.Paragraph>
          <Button
            type="primary"
            size="large"
            block
            className="ci-button"
            icon={<QrcodeOutlined />}
            loading={submit.isPending}
            onClick={() => submit.mutate()}
          >
            {t('act.ci.button')}
          </Button>
          {submit.isError && (
            <div className="ci-refusal" role="alert">
              {problemText(submit.error, lang)}
            </div>
          )}
        </>
      );
    }
  }

  return (
    <div className="ci-page">
      <header className="ci-header">
        <BrandMark size={28} />
        <span className="ci-brand">{t('act.ci.header')}</span>
        <span style={{ flex: 1 }} />
        <LanguageSwitch />
      </header>
      <main className="ci-main">
        <Card variant="borderless" className="ci-card">
          {body}
        </Card>
        <div className="ci-links">
          {target.data && <Link to={`/activities/${target.data.id}`}>{t('act.ci.details')}</Link>}
          <Link to="/activities/mine">{t('nav.actMine')}</Link>
          <Link to="/">{t('error.backHome')}</Link>
        </div>
      </main>
    </div>
  );
}
