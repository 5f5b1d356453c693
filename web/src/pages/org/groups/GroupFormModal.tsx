/** Create or edit a representative group. */
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { GROUP_KIND_LABELS, type GroupKind } from '../../../../../src/modules/org/org.domain.ts';
import { createGroup, updateGroup } from '../../../api/groups.ts';
import { keys } from '../../../api/keys.ts';
import type { GroupView } from '../../../api/types.ts';
import { useReportError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';

interface Values {
  code: string;
  name: string;
  kind: GroupKind;
  jurisdictionId: number;
  theme?: string;
  description?: string;
}

const orNull = (v?: string | null) => (v && v.trim() ? v.trim() : null);

export function GroupFormModal({
  open,
  group,
  defaultKind,
  onClose,
  onSaved,
}: {
  open: boolean;
  group?: GroupView | null;
  defaultKind?: GroupKind;
  onClose: () => void;
  onSaved: (g: GroupView) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const { forNewRecord: jurisdictionId } = useOrgScope();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (group) {
      form.setFieldsValue({
        code: group.code,
        name: group.name,
        kind: group.kind,
        jurisdictionId: group.jurisdiction.id,
        theme: group.theme ?? undefined,
        description: group.description ?? undefined,
      });
    } else {
      form.setFieldsValue({ kind: defaultKind ?? 'regional', jurisdictionId });
    }
  }, [open, group, defaultKind, jurisdictionId, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind,
      jurisdictionId: v.jurisdictionId,
      theme: orNull(v.theme),
      description: orNull(v.description),
    };
    try {
      const saved = group ? await updateGroup(group.id, body) : await createGroup(body);
      await qc.invalidateQueries({ queryKey: keys.groups });
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={group ? t('group.edit') : t('group.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form name="group" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('group.kind')} rules={[{ required: true }]}>
          <Radio.Group options={optionsOf(GROUP_KIND_LABELS, lang)} optionType="button" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('group.name')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('group.name') }) },
            { max: 100, message: t('v.max', { n: 100 }) },
          ]}
        >
          <Input
            placeholder={
              kind === 'professional' ? t('group.namePlaceholderPro') : t('group.namePlaceholderRegion')
            }
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('common.code')}
          rules={[
            { required: true, message: t('v.required', { field: t('common.code') }) },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('v.code') },
            { max: 32, message: t('v.max', { n: 32 }) },
          ]}
        >
          <Input placeholder="G-YC-01" />
        </Form.Item>
        <Form.Item
          name="jurisdictionId"
          label={t('common.jurisdiction')}
          rules={[{ required: true, message: t('v.choose', { field: t('common.jurisdiction') }) }]}
        >
          <JurisdictionTreeSelect allowClear={false} />
        </Form.Item>
        {kind === 'professional' && (
          <Form.Item
            name="theme"
            label={t('group.theme')}
            rules={[{ max: 100, message: t('v.max', { n: 100 }) }]}
          >
            <Input placeholder={t('group.themePlaceholder')} />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[{ max: 2000, message: t('v.max', { n: 2000 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
