/** Add a child jurisdiction, or rename / re-code / re-order one. */
import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import {
  JURISDICTION_LEVEL_LABELS,
  JURISDICTION_LEVELS,
  type JurisdictionLevel,
} from '../../../../../src/modules/org/org.domain.ts';
import { createJurisdiction, getJurisdiction, updateJurisdiction } from '../../../api/jurisdictions.ts';
import { keys } from '../../../api/keys.ts';
import type { JurisdictionView } from '../../../api/types.ts';
import { useReportError } from '../../../components/errors.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export type JurisdictionFormTarget =
  | { mode: 'create'; parent: { id: number; name: string; level: JurisdictionLevel } }
  | { mode: 'edit'; id: number };

interface Values {
  code: string;
  name: string;
  sortOrder?: number | null;
}

export function childLevelOf(level: JurisdictionLevel): JurisdictionLevel | undefined {
  return JURISDICTION_LEVELS[JURISDICTION_LEVELS.indexOf(level) + 1];
}

export function JurisdictionFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: JurisdictionFormTarget | null;
  onClose: () => void;
  onSaved: (j: JurisdictionView) => void;
}) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      setLoading(true);
      getJurisdiction(target.id)
        .then((j) => form.setFieldsValue({ code: j.code, name: j.name, sortOrder: j.sortOrder }))
        .catch((err: unknown) => report(err))
        .finally(() => setLoading(false));
    }
  }, [target, form, report]);

  const childLevel = target?.mode === 'create' ? childLevelOf(target.parent.level) : undefined;

  const submit = async (v: Values) => {
    if (!target) return;
    setSaving(true);
    try {
      const saved =
        target.mode === 'create'
          ? await createJurisdiction({
              code: v.code.trim(),
              name: v.name.trim(),
              level: childLevel!,
              parentId: target.parent.id,
              ...(v.sortOrder != null ? { sortOrder: v.sortOrder } : {}),
            })
          : await updateJurisdiction(target.id, {
              code: v.code.trim(),
              name: v.name.trim(),
              ...(v.sortOrder != null ? { sortOrder: v.sortOrder } : {}),
            });
      await qc.invalidateQueries({ queryKey: keys.jurisdictions });
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const title =
    target?.mode === 'create'
      ? t('jur.addChildOf', {
          name: target.parent.name,
          level: childLevel ? label(JURISDICTION_LEVEL_LABELS[childLevel]) : '',
        })
      : t('jur.edit');

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      loading={loading}
    >
      <Form
        name="jurisdiction"
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('jur.name')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('jur.name') }) },
            { max: 100 },
          ]}
        >
          <Input placeholder={t('jur.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('jur.code')}
          extra={t('jur.codeHint')}
          rules={[
            { required: true, message: t('v.required', { field: t('jur.code') }) },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('v.code') },
            { max: 32 },
          ]}
        >
          <Input placeholder="330602001" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('jur.sortOrder')}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
