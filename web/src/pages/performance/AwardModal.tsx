/**
 * 评为履职之星: the representatives picked from the ranking, the honour's name (履职之星 unless
 * another is given) and a citation. Each award keeps the score and the rule set version it was
 * made on, so the public list can show why.
 */
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { awardHonours } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { fmtPoints } from './score.ts';

export function AwardModal({
  open,
  congressId,
  congressName,
  year,
  people,
  onClose,
  onDone,
}: {
  open: boolean;
  congressId: number;
  congressName: string;
  year: number;
  people: { id: number; name: string; score: number }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ title: string; citation?: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.setFieldsValue({ title: t('perf.honour.default'), citation: '' });
  }, [open, form, t]);
  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await awardHonours({
        congressId,
        year,
        title: v.title.trim(),
        representativeIds: people.map((p) => p.id),
        citation: v.citation?.trim() || null,
      });
      void message.success(t('perf.honour.awarded', { n: r.items.length }));
      await qc.invalidateQueries({ queryKey: [...keys.performance, 'honours'] });
      onDone();
    } catch (err) {
      report(err, { form, aliases: { '/representativeIds': ['title'] } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('perf.honour.awardTitle')}
      okText={t('perf.honour.awardOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: people.length === 0 }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {congressName} · {t('sug.yearN', { n: year })}
      </Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 16 }}>
        {people.map((p) => (
          <Tag key={p.id} color="gold" style={{ marginInlineEnd: 0 }}>
            {p.name} · {fmtPoints(p.score)}
          </Tag>
        ))}
      </div>
      <Form form={form} layout="vertical">
        <Form.Item
          name="title"
          label={t('perf.honour.title')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('perf.honour.title') }) },
            { max: 50, message: t('v.max', { n: 50 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="citation"
          label={t('perf.honour.citation')}
          rules={[{ max: 1000, message: t('v.max', { n: 1000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('perf.honour.citationPlaceholder')}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        {t('perf.honour.note')}
      </Typography.Paragraph>
    </Modal>
  );
}
