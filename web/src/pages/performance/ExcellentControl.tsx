/**
 * 优秀建议 on a suggestion's page, for the congress staff: mark it excellent (the lead earns the
 * bonus the rules give) or take the mark away. The case page says whether it is marked when the
 * server tells (`excellent` on the case); until then both choices are offered.
 */
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { StarFilled, StarOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { markExcellent } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function ExcellentControl({ suggestionId, known }: { suggestionId: number; known?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [value, setValue] = useState<boolean | undefined>(known);
  const [busy, setBusy] = useState<boolean | null>(null);
  const set = async (excellent: boolean) => {
    setBusy(excellent);
    try {
      await markExcellent(suggestionId, excellent);
      setValue(excellent);
      void message.success(excellent ? t('perf.excellent.marked') : t('perf.excellent.unmarked'));
      void qc.invalidateQueries({ queryKey: keys.suggestion(suggestionId) });
      void qc.invalidateQueries({ queryKey: keys.performance });
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };
  const mark = (
    <Popconfirm
      title={t('perf.excellent.confirm')}
      description={t('perf.excellent.confirmText')}
      okText={t('perf.excellent.mark')}
      cancelText={t('common.cancel')}
      onConfirm={() => set(true)}
    >
      <Button size="small" icon={<StarOutlined />} loading={busy === true}>
        {t('perf.excellent.mark')}
      </Button>
    </Popconfirm>
  );
  const unmark = (
    <Button size="small" type="text" loading={busy === false} onClick={() => void set(false)}>
      {t('perf.excellent.unmark')}
    </Button>
  );
  if (value === true)
    return (
      <Space size={4} wrap>
        <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
          {t('perf.excellent.tag')}
        </Tag>
        {unmark}
      </Space>
    );
  if (value === false) return mark;
  return (
    <Space size={4} wrap>
      {mark}
      {unmark}
    </Space>
  );
}
