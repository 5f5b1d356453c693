/** A handling unit: read it, or (with org.write) create and edit it, with the categories it handles. */
import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Col,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  UNIT_KIND_LABELS,
  UNIT_STATUSES,
  type UnitKind,
  type UnitStatus,
} from '../../../../../src/modules/org/org.domain.ts';
import { normalizePhone } from '../../../../../src/lib/phone.ts';
import { createUnit, deleteUnit, getUnit, revealUnitPhone, updateUnit } from '../../../api/units.ts';
import { keys } from '../../../api/keys.ts';
import type { CreateUnitBody } from '../../../api/types.ts';
import { QueryError, useReportError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { RevealPhone } from '../../../components/RevealPhone.tsx';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../../i18n/labels.ts';
import { useSession } from '../../../session/SessionProvider.tsx';
import {
  CategoryRowsEditor,
  flattenCategories,
  groupCategories,
  type CategoryRow,
} from './CategoryRowsEditor.tsx';

export type UnitDrawerTarget = { mode: 'view' | 'edit'; id: number } | { mode: 'create' } | null;

interface Values {
  name: string;
  shortName?: string;
  code: string;
  kind: UnitKind;
  jurisdictionId: number;
  parentId?: number | null;
  contactName?: string;
  contactPhone?: string;
  status: UnitStatus;
  categoryRows: CategoryRow[];
}

const orNull = (v?: string | null) => (v && v.trim() ? v.trim() : null);

export function UnitDrawer({
  target,
  onClose,
  onChange,
}: {
  target: UnitDrawerTarget;
  onClose: () => void;
  onChange: (t: UnitDrawerTarget) => void;
}) {
  const { t, lang, label } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const { forNewRecord: scopeId } = useOrgScope();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const id = target && target.mode !== 'create' ? target.id : undefined;
  const unit = useQuery({
    queryKey: keys.unit(id ?? 0),
    queryFn: () => getUnit(id!),
    enabled: id !== undefined,
  });
  const u = unit.data;
  const editing = target?.mode === 'edit' || target?.mode === 'create';

  useEffect(() => {
    if (!target || target.mode === 'view') return;
    form.resetFields();
    if (target.mode === 'create') {
      form.setFieldsValue({
        kind: 'government',
        status: 'active',
        jurisdictionId: scopeId,
        categoryRows: scopeId ? [{ jurisdictionId: scopeId, categoryCodes: [] }] : [],
      });
    } else if (u) {
      form.setFieldsValue({
        name: u.name,
        shortName: u.shortName ?? undefined,
        code: u.code,
        kind: u.kind,
        jurisdictionId: u.jurisdiction.id,
        parentId: u.parent?.id ?? null,
        contactName: u.contactName ?? undefined,
        status: u.status,
        categoryRows: groupCategories(u.categories),
      });
    }
  }, [target, u, form, scopeId]);

  const submit = async (v: Values) => {
    setSaving(true);
    const body: CreateUnitBody = {
      name: v.name.trim(),
      shortName: orNull(v.shortName),
      code: v.code.trim(),
      kind: v.kind,
      jurisdictionId: v.jurisdictionId,
      parentId: v.parentId ?? null,
      contactName: orNull(v.contactName),
      status: v.status,
      categories: flattenCategories(v.categoryRows),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
    };
    try {
      const saved = target?.mode === 'edit' ? await updateUnit(target.id, body) : await createUnit(body);
      await qc.invalidateQueries({ queryKey: keys.units });
      void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
      void message.success(t('common.saved'));
      onChange({ mode: 'view', id: saved.id });
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const confirmDelete = () => {
    if (!u) return;
    modal.confirm({
      title: t('unit.deleteTitle', { name: u.name }),
      content: t('unit.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteUnit(u.id);
          await qc.invalidateQueries({ queryKey: keys.units });
          void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
          void message.success(t('common.deleted'));
          onClose();
        } catch (err) {
          report(err);
        }
      },
    });
  };

  const statusLabel = (s: UnitStatus) => (s === 'active' ? t('unit.active') : t('unit.inactive'));

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={
        target?.mode === 'create'
          ? t('unit.create')
          : editing
            ? t('unit.edit')
            : (u?.name ?? t('unit.detail'))
      }
      loading={id !== undefined && unit.isPending}
      destroyOnHidden
      extra={
        target?.mode === 'view' && u && can('org.write') ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => onChange({ mode: 'edit', id: u.id })}>
              {t('common.edit')}
            </Button>
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={confirmDelete}
              aria-label={t('common.delete')}
            />
          </Space>
        ) : null
      }
      footer={
        editing ? (
          <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
            <Button
              onClick={() =>
                target?.mode === 'edit' ? onChange({ mode: 'view', id: target.id }) : onClose()
              }
            >
              {t('common.cancel')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </div>
        ) : null
      }
    >
      {unit.isError && <QueryError error={unit.error} onRetry={() => void unit.refetch()} />}
      {target?.mode === 'view' && u && (
        <>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'short', label: t('unit.shortName'), children: u.shortName ?? '—' },
              { key: 'code', label: t('common.code'), children: u.code },
              { key: 'kind', label: t('unit.kind'), children: label(UNIT_KIND_LABELS[u.kind]) },
              { key: 'jurisdiction', label: t('common.jurisdiction'), children: u.jurisdiction.name },
              { key: 'parent', label: t('unit.parent'), children: u.parent?.name ?? '—' },
              { key: 'contact', label: t('unit.contactName'), children: u.contactName ?? '—' },
              {
                key: 'phone',
                label: t('unit.contactPhone'),
                children: (
                  <RevealPhone
                    masked={u.contactPhoneMasked}
                    allowed={can('org.reveal_phone')}
                    reveal={() => revealUnitPhone(u.id)}
                  />
                ),
              },
              {
                key: 'status',
                label: t('common.status'),
                children: (
                  <Tag color={u.status === 'active' ? 'green' : 'default'}>{statusLabel(u.status)}</Tag>
                ),
              },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(u.updatedAt, false) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('unit.categories')}
          </Typography.Title>
          {u.categories.length === 0 ? (
            <Typography.Text type="secondary">{t('unit.noCategories')}</Typography.Text>
          ) : (
            groupCategories(u.categories).map((row) => {
              const where = u.categories.find((c) => c.jurisdiction.id === row.jurisdictionId)?.jurisdiction
                .name;
              return (
                <div key={row.jurisdictionId} style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{where}：</Typography.Text>
                  {u.categories
                    .filter((c) => c.jurisdiction.id === row.jurisdictionId)
                    .map((c) => (
                      <Tag key={c.categoryCode} color="blue">
                        {c.categoryName}
                      </Tag>
                    ))}
                </div>
              );
            })
          )}
        </>
      )}
      {editing && (target.mode === 'create' || u) && (
        <Form name="unit" form={form} layout="vertical" onFinish={(v) => void submit(v)} scrollToFirstError>
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item
                name="name"
                label={t('unit.name')}
                rules={[
                  { required: true, whitespace: true, message: t('v.required', { field: t('unit.name') }) },
                  { max: 100, message: t('v.max', { n: 100 }) },
                ]}
              >
                <Input placeholder={t('unit.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="shortName"
                label={t('unit.shortName')}
                rules={[{ max: 50, message: t('v.max', { n: 50 }) }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="code"
                label={t('common.code')}
                rules={[
                  { required: true, message: t('v.required', { field: t('common.code') }) },
                  { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('v.code') },
                  { max: 32, message: t('v.max', { n: 32 }) },
                ]}
              >
                <Input placeholder="U-ZJ" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
                <Select options={optionsOf(UNIT_KIND_LABELS, lang)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="status" label={t('common.status')}>
                <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="jurisdictionId"
                label={t('common.jurisdiction')}
                rules={[{ required: true, message: t('v.choose', { field: t('common.jurisdiction') }) }]}
              >
                <JurisdictionTreeSelect allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="parentId" label={t('unit.parent')}>
                <UnitPicker excludeId={id} />
              </Form.Item>
            </Col>
            <Col xs={12} md={12}>
              <Form.Item
                name="contactName"
                label={t('unit.contactName')}
                rules={[{ max: 50, message: t('v.max', { n: 50 }) }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={12}>
              <Form.Item
                name="contactPhone"
                label={t('unit.contactPhone')}
                extra={
                  u?.contactPhoneMasked ? t('rep.phoneKeep', { masked: u.contactPhoneMasked }) : undefined
                }
                rules={[
                  {
                    validator: async (_, v?: string) => {
                      if (v && v.trim() && !normalizePhone(v)) throw new Error(t('rep.phoneInvalid'));
                    },
                  },
                ]}
              >
                <Input inputMode="tel" placeholder={u?.contactPhoneMasked ?? '0575-85123456'} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain>
            {t('unit.categories')}
          </Divider>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('unit.categoriesHint')}
          </Typography.Paragraph>
          <CategoryRowsEditor />
        </Form>
      )}
    </Drawer>
  );
}
