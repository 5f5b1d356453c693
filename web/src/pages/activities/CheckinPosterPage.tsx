/**
 * The check-in code on a sheet of A4 (/activities/:id/qr), for managers to print and put up at the
 * venue: the activity, when and where, the code large, how to check in and when it is accepted.
 * With ?print=1 the print dialogue opens once the code has loaded.
 */
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getActivity, qrUrl } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import { QueryError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { timeRange } from './dates.ts';
import { useTypeLabel } from './useActivityTypes.ts';

export function CheckinPosterPage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const { t } = useI18n();
  const typeLabel = useTypeLabel();
  const [loaded, setLoaded] = useState(false);
  const item = useQuery({ queryKey: keys.activity(id), queryFn: () => getActivity(id) });
  const a = item.data;
  const autoPrint = params.get('print') === '1';

  useEffect(() => {
    if (loaded && autoPrint) window.setTimeout(() => window.print(), 300);
  }, [loaded, autoPrint]);

  if (item.isPending)
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (item.isError || !a) return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  if (!a.checkinUrl)
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('act.qr.managersOnly')} />;

  return (
    <div className="poster-wrap">
      <div className="poster-toolbar no-print">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('act.qr.printNow')}
        </Button>
        <span>{t('act.qr.printHint')}</span>
      </div>
      <article className="poster">
        <header className="poster-band">
          <div className="poster-kicker">{t('act.poster.kicker')}</div>
          <h1>{a.title}</h1>
        </header>
        <section className="poster-facts">
          <div>
            <span>{t('act.type')}</span>
            {typeLabel(a.typeCode, a.typeLabel)}
          </div>
          <div>
            <span>{t('act.when')}</span>
            {timeRange(a.startsAt, a.endsAt)}
          </div>
          {a.place && (
            <div>
              <span>{t('act.place')}</span>
              {a.place}
            </div>
          )}
        </section>
        <section className="poster-qr">
          <img
            src={qrUrl(a.id, 'svg')}
            alt={t('act.qr.alt', { title: a.title })}
            onLoad={() => setLoaded(true)}
          />
          <div className="poster-cta">{t('act.poster.cta')}</div>
          <div className="poster-how">{t('act.poster.how')}</div>
          <div className="poster-window">
            {t('act.qr.window', {
              from: formatDateTime(a.checkinOpensAt, false),
              to: formatDateTime(a.checkinClosesAt, false).slice(11),
            })}
          </div>
          <div className="poster-url">{a.checkinUrl}</div>
        </section>
      </article>
    </div>
  );
}
