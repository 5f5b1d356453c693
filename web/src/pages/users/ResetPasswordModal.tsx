/** Set a temporary password (security administrator); its owner must change it at the next sign-in. */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { checkPasswordPolicy } from '../../../../src/modules/auth/auth.domain.ts';
import { resetUserPassword } from '../../api/users.ts';
import { keys } from '../../api/keys.ts';
import type { UserView } from '../../api/types.ts';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A random temporary password that meets the policy (upper, lower, digit, symbol). */
function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%+=@!?'];
  const bytes = new Uint32Array(12);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b, i) => {
    const set = sets[i % sets.length]!;
    return set[b % set.length]!;
  });
  return chars.sort(() => (crypto.getRandomValues(new Uint8Array(1))[0]! > 127 ? 1 : -1)).join('');
}

export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);

  return (
    <Modal
      open={!!user}
      title={user ? t('user.resetPasswordOf', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('user.resetPassword')}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Alert type="warning" showIcon title={t('user.resetPasswordText')} style={{ marginBottom: 16 }} />
      <Form
        name="resetPassword"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          if (!user) return;
          setSaving(true);
          resetUserPassword(user.id, v.password)
            .then(async () => {
              await qc.invalidateQueries({ queryKey: keys.users });
              void message.success(t('user.passwordReset'));
              onClose();
            })
            .catch((err: unknown) => report(err, { form }))
            .finally(() => setSaving(false));
        }}
      >
        <Form.Item label={t('user.tempPassword')} required>
          <Space.Compact style={{ width: '100%' }}>
            {/* Shown in clear: the administrator has to pass it on, and it only works until the first sign-in. */}
            <Form.Item
              name="password"
              noStyle
              rules={[
                { required: true, message: t('v.required', { field: t('user.tempPassword') }) },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value || !user) return;
                    const problems = checkPasswordPolicy(value, user.username);
                    if (problems[0]) throw new Error(label(problems[0].message));
                  },
                },
              ]}
            >
              <Input autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>
              {t('user.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
