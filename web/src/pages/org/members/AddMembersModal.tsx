/** Add representatives to a roster: search by name, pick several, optionally with a role. */
import { useState } from 'react';
import { Form, Modal, Select } from 'antd';
import { RepresentativePicker } from '../../../components/RepresentativePicker.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export function AddMembersModal<R extends string>({
  open,
  title,
  exclude,
  jurisdictionId,
  roles,
  defaultRole,
  onClose,
  onAdd,
}: {
  open: boolean;
  title: string;
  exclude: number[];
  jurisdictionId?: number;
  roles?: { value: R; label: string }[];
  defaultRole?: R;
  onClose: () => void;
  onAdd: (ids: number[], role: R | undefined) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ ids: number[]; role?: R }>();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('members.add')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        name="members"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ ids: [], role: defaultRole }}
        onFinish={(v) => {
          setSaving(true);
          onAdd(v.ids, v.role)
            .then(() => form.resetFields())
            .catch(() => undefined)
            .finally(() => setSaving(false));
        }}
      >
        <Form.Item
          name="ids"
          label={t('members.who')}
          extra={t('members.whoHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('members.pickOne') }]}
        >
          <RepresentativePicker multiple exclude={exclude} jurisdictionId={jurisdictionId} />
        </Form.Item>
        {roles && (
          <Form.Item name="role" label={t('members.role')}>
            <Select options={roles} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
