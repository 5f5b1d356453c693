/** Current password, new password twice; the policy is checked by the server and its reasons shown inline. */
import { useState } from 'react';
import { Button, Form, Input, Typography } from 'antd';
import { changePassword } from '../../api/auth.ts';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PASSWORD_MIN_LENGTH } from '../../../../src/modules/auth/auth.domain.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const report = useReportError();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      onDone();
    } catch (err) {
      report(err, { form, aliases: { '/password': ['newPassword'] } });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      name="changePassword"
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      requiredMark={false}
    >
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={
          <Typography.Text type="secondary">
            {t('password.policy', { n: PASSWORD_MIN_LENGTH })}
          </Typography.Text>
        }
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort', { n: PASSWORD_MIN_LENGTH }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('password.submit')}
        </Button>
      </div>
    </Form>
  );
}
