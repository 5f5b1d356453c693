/** Create or edit a congress (level, term, jurisdiction, term dates). */
import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  CONGRESS_JURISDICTION_LEVEL,
  CONGRESS_LEVEL_LABELS,
  type CongressLevel,
} from '../../../../../src/modules/org/org.domain.ts';
import { createCongress, updateCongress } from '../../../api/congresses.ts';
import { keys } from '../../../api/keys.ts';
import type { CongressView } from '../../../api/types.ts';
import { useReportError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { fromDateString, toDateString } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';

interface Values {
  code: string;
  name: string;
  level: CongressLevel;
  termNumber: number;
  jurisdictionId?: number | null;
  term?: [Dayjs | null, Dayjs | null] | null;
}

export function CongressFormModal({
  open,
  congress,
  onClose,
}: {
  open: boolean;
  congress: CongressView | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const level = Form.useWatch('level', form);
  const jurisdictionLevel = level ? CONGRESS_JURISDICTION_LEVEL[level] : undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (congress) {
      form.setFieldsValue({
        code: congress.code,
        name: congress.name,
        level: congress.level,
        termNumber: congress.termNumber,
        jurisdictionId: congress.jurisdiction?.id ?? null,
        term: [fromDateString(congress.termStart), fromDateString(congress.termEnd)],
      });
    }
  }, [open, congress, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      level: v.level,
      termNumber: v.termNumber,
      jurisdictionId: jurisdictionLevel ? (v.jurisdictionId ?? null) : null,
      termStart: toDateString(v.term?.[0]),
      termEnd: toDateString(v.term?.[1]),
    };
    try {
      if (congress) await updateCongress(congress.id, body);
      else await createCongress(body);
      await qc.invalidateQueries({ queryKey: keys.congresses });
      void message.success(t('common.saved'));
      onClose();
    } catch (err) {
      report(err, { form, aliases: { '/termStart': ['term'], '/termEnd': ['term'] } });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={congress ? t('congress.edit') : t('congress.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
      width={600}
    >
      <Form
        name="congress"
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ level: 'county', termNumber: 1 }}
      >
        <Form.Item
          name="name"
          label={t('congress.name')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('congress.name') }) },
            { max: 100, message: t('v.max', { n: 100 }) },
          ]}
        >
          <Input placeholder={t('congress.namePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label={t('congress.level')} rules={[{ required: true }]}>
              <Select
                options={optionsOf(CONGRESS_LEVEL_LABELS, lang)}
                onChange={() => form.setFieldValue('jurisdictionId', null)}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="termNumber"
              label={t('congress.term')}
              rules={[{ required: true, message: t('v.required', { field: t('congress.term') }) }]}
            >
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="code"
              label={t('common.code')}
              rules={[
                { required: true, message: t('v.required', { field: t('common.code') }) },
                { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('v.code') },
                { max: 32, message: t('v.max', { n: 32 }) },
              ]}
            >
              <Input placeholder="SX9" />
            </Form.Item>
          </Col>
        </Row>
        {jurisdictionLevel && (
          <Form.Item
            name="jurisdictionId"
            label={t('common.jurisdiction')}
            extra={t('congress.jurisdictionHint')}
            rules={[{ required: true, message: t('v.choose', { field: t('common.jurisdiction') }) }]}
          >
            <JurisdictionTreeSelect selectableLevels={[jurisdictionLevel]} />
          </Form.Item>
        )}
        <Form.Item name="term" label={t('congress.termDates')}>
          <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
