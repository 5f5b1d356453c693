/**
 * A masked phone number, and for those allowed (org.reveal_phone) a button that shows the full
 * number after warning that the look is recorded in the audit log.
 */
import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './errors.tsx';

export function RevealPhone({
  masked,
  allowed,
  reveal,
}: {
  masked: string | null;
  allowed: boolean;
  reveal: () => Promise<{ phone: string | null }>;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const report = useReportError();
  const [phone, setPhone] = useState<string | null>(null);
  if (!masked) return <Typography.Text type="secondary">{t('rep.noPhone')}</Typography.Text>;
  if (phone) {
    return (
      <Space wrap size={4}>
        <Typography.Text copyable strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {phone}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('rep.revealedAudited')}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Space wrap size={8}>
      <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{masked}</span>
      {allowed && (
        <Button
          size="small"
          icon={<EyeOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('rep.revealTitle'),
              content: t('rep.revealText'),
              okText: t('rep.revealConfirm'),
              cancelText: t('common.cancel'),
              onOk: async () => {
                try {
                  const r = await reveal();
                  setPhone(r.phone ?? t('rep.noPhone'));
                } catch (err) {
                  report(err);
                }
              },
            })
          }
        >
          {t('rep.reveal')}
        </Button>
      )}
    </Space>
  );
}
