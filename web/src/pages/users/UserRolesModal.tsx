/** Grant and revoke roles (security administrator). */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, checkRoleSet, type Role } from '../../../../src/modules/auth/auth.domain.ts';
import { setUserRoles } from '../../api/users.ts';
import { keys } from '../../api/keys.ts';
import type { UserView } from '../../api/types.ts';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { grantableRoles } from './roles.ts';

export function UserRolesModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const [saving, setSaving] = useState(false);
  const roles = (Form.useWatch('roles', form) ?? []) as Role[];

  useEffect(() => {
    if (user) form.setFieldsValue({ roles: user.roles });
  }, [user, form]);

  const needsLink =
    (roles.includes('representative') && !user?.representativeId) ||
    (roles.includes('unit_staff') && !user?.unitId);

  return (
    <Modal
      open={!!user}
      title={user ? t('user.rolesOf', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form
        name="userRoles"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          if (!user) return;
          setSaving(true);
          setUserRoles(user.id, v.roles)
            .then(async () => {
              await qc.invalidateQueries({ queryKey: keys.users });
              void message.success(t('common.saved'));
              onClose();
            })
            .catch((err: unknown) => report(err, { form }))
            .finally(() => setSaving(false));
        }}
      >
        <Form.Item
          name="roles"
          label={t('user.roles')}
          extra={t('user.adminAloneHint')}
          rules={[
            {
              validator: async (_, value: Role[] | undefined) => {
                const problems = checkRoleSet(value ?? []);
                if (problems[0]) throw new Error(label(problems[0].message));
              },
            },
          ]}
        >
          <Select<Role[]>
            mode="multiple"
            options={grantableRoles(can).map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
          />
        </Form.Item>
        {needsLink && <Alert type="warning" showIcon title={t('user.rolesNeedLink')} />}
      </Form>
    </Modal>
  );
}
