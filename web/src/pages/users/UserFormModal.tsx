/** Create an account (with roles and the links they need) or edit its profile and status. */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import {
  ROLE_LABELS,
  checkPasswordPolicy,
  checkRoleSet,
  type Role,
} from '../../../../src/modules/auth/auth.domain.ts';
import { createUser, updateUser } from '../../api/users.ts';
import { keys } from '../../api/keys.ts';
import type { UserView } from '../../api/types.ts';
import { useReportError } from '../../components/errors.tsx';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { grantableRoles } from './roles.ts';
import { UserJurisdictionField } from './UserJurisdictionField.tsx';

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  jurisdictionId: number;
  representativeId?: number | null;
  unitId?: number | null;
  status?: 'active' | 'disabled';
}

export function UserFormModal({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: UserView | null;
  onClose: () => void;
}) {
  const { t, label } = useI18n();
  const { can, user: me } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = !!user;
  const roles = (Form.useWatch('roles', form) ?? user?.roles ?? []) as Role[];
  const username = (Form.useWatch('username', form) ?? '') as string;
  const needsRep = roles.includes('representative');
  const needsUnit = roles.includes('unit_staff');
  const grantable = grantableRoles(can);
  const canLink = can('org.read');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        jurisdictionId: user.jurisdiction.id,
        representativeId: user.representativeId,
        unitId: user.unitId,
        status: user.status,
      });
    } else if (me) {
      form.setFieldsValue({ jurisdictionId: me.jurisdiction.id, roles: [] });
    }
  }, [open, user, me, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      if (user) {
        await updateUser(user.id, {
          displayName: v.displayName.trim(),
          jurisdictionId: v.jurisdictionId,
          ...(canLink
            ? {
                representativeId: user.roles.includes('representative') ? (v.representativeId ?? null) : null,
                unitId: user.roles.includes('unit_staff') ? (v.unitId ?? null) : null,
              }
            : {}),
          ...(user.id !== me?.id && v.status ? { status: v.status } : {}),
        });
      } else {
        await createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          roles: v.roles,
          jurisdictionId: v.jurisdictionId,
          representativeId: needsRep ? (v.representativeId ?? null) : null,
          unitId: needsUnit ? (v.unitId ?? null) : null,
        });
      }
      await qc.invalidateQueries({ queryKey: keys.users });
      void message.success(editing ? t('common.saved') : t('user.created', { name: v.username }));
      onClose();
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const linkRoles = editing ? user.roles : roles;

  return (
    <Modal
      open={open}
      title={editing ? t('user.edit', { name: user.username }) : t('user.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
      width={560}
    >
      <Form name="user" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={
            editing
              ? []
              : [
                  { required: true, message: t('v.required', { field: t('user.username') }) },
                  { min: 3, message: t('v.min', { n: 3 }) },
                  { max: 64, message: t('v.max', { n: 64 }) },
                  { pattern: /^[A-Za-z0-9][A-Za-z0-9._@-]*$/, message: t('user.usernameRule') },
                ]
          }
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('user.displayName') }) },
            { max: 50, message: t('v.max', { n: 50 }) },
          ]}
        >
          <Input />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item
              name="password"
              label={t('user.initialPassword')}
              extra={t('user.initialPasswordHint')}
              rules={[
                { required: true, message: t('v.required', { field: t('user.initialPassword') }) },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    const problems = checkPasswordPolicy(value, username);
                    if (problems[0]) throw new Error(label(problems[0].message));
                  },
                },
              ]}
              dependencies={['username']}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="roles"
              label={t('user.roles')}
              rules={[
                {
                  validator: async (_, value: Role[] | undefined) => {
                    const problems = checkRoleSet(value ?? []);
                    if (problems[0]) throw new Error(label(problems[0].message));
                  },
                },
              ]}
              extra={can('users.security') ? t('user.adminAloneHint') : t('user.businessOnlyHint')}
            >
              <Select<Role[]>
                mode="multiple"
                options={grantable.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="jurisdictionId"
          label={t('user.jurisdiction')}
          rules={[{ required: true, message: t('v.choose', { field: t('user.jurisdiction') }) }]}
        >
          <UserJurisdictionField current={user?.jurisdiction} />
        </Form.Item>
        {linkRoles.includes('representative') &&
          (canLink ? (
            <Form.Item
              name="representativeId"
              label={t('user.linkedRep')}
              rules={[{ required: true, message: t('user.linkedRepRequired') }]}
            >
              <RepresentativePicker />
            </Form.Item>
          ) : (
            <Alert type="info" showIcon title={t('user.cannotLink')} style={{ marginBottom: 16 }} />
          ))}
        {linkRoles.includes('unit_staff') &&
          (canLink ? (
            <Form.Item
              name="unitId"
              label={t('user.linkedUnit')}
              rules={[{ required: true, message: t('user.linkedUnitRequired') }]}
            >
              <UnitPicker />
            </Form.Item>
          ) : (
            <Alert type="info" showIcon title={t('user.cannotLink')} style={{ marginBottom: 16 }} />
          ))}
        {editing && can('users.write') && user.id !== me?.id && (
          <Form.Item name="status" label={t('common.status')}>
            <Select
              options={[
                { value: 'active', label: t('user.active') },
                { value: 'disabled', label: t('user.disabled') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
