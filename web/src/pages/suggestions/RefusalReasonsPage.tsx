/**
 * 不予立案理由: the reasons the staff choose from when refusing to register a suggestion, kept by
 * the congress staff at the top of the tree (the server refuses anyone else with a message).
 * A reason in use is retired (inactive), never deleted.
 */
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listRefusalReasons, saveRefusalReason } from '../../api/suggestions.ts';
import type { RefusalReason, RefusalReasonBody } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function RefusalReasonsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<RefusalReason | 'new' | null>(null);
  const reasons = useQuery({
    queryKey: ['suggestions', 'refusal-reasons', 'all'],
    queryFn: () => listRefusalReasons(true),
  });
  const columns: TableColumnsType<RefusalReason> = [
    { title: t('sug.reasons.order'), dataIndex: 'sortOrder', width: 72 },
    { title: t('common.code'), dataIndex: 'code', width: 140, render: (c: string) => <code>{c}</code> },
    { title: t('sug.reasons.zh'), dataIndex: 'labelZh' },
    { title: t('sug.reasons.en'), dataIndex: 'labelEn', responsive: ['md'] },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (a: boolean) =>
        a ? <Tag color="green">{t('sug.reasons.active')}</Tag> : <Tag>{t('sug.reasons.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'edit',
      width: 80,
      render: (_: unknown, r) => (
        <Button size="small" type="link" onClick={() => setEditing(r)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <div>
      <PageHeader
        title={t('nav.sugReasons')}
        subtitle={t('sug.reasons.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('sug.reasons.add')}
          </Button>
        }
      />
      <Card variant="borderless">
        {reasons.isError ? (
          <QueryError error={reasons.error} onRetry={() => void reasons.refetch()} />
        ) : (
          <Table<RefusalReason>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={reasons.data}
            loading={reasons.isFetching}
            pagination={false}
          />
        )}
      </Card>
      <ReasonModal
        reason={editing}
        nextOrder={((reasons.data ?? []).reduce((m, r) => Math.max(m, r.sortOrder), 0) || 0) + 10}
        onClose={() => setEditing(null)}
        onSaved={(list) => {
          qc.setQueryData(['suggestions', 'refusal-reasons', 'all'], list);
          void qc.invalidateQueries({ queryKey: ['suggestions', 'refusal-reasons'] });
          setEditing(null);
        }}
      />
    </div>
  );
}

function ReasonModal({
  reason,
  nextOrder,
  onClose,
  onSaved,
}: {
  reason: RefusalReason | 'new' | null;
  nextOrder: number;
  onClose: () => void;
  onSaved: (list: RefusalReason[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<RefusalReasonBody>();
  const [saving, setSaving] = useState(false);
  const isNew = reason === 'new';
  const initial: Partial<RefusalReasonBody> | undefined =
    reason === null ? undefined : isNew ? { sortOrder: nextOrder, active: true } : reason;
  const save = async (v: RefusalReasonBody) => {
    setSaving(true);
    try {
      const list = await saveRefusalReason({
        ...v,
        labelZh: v.labelZh.trim(),
        labelEn: v.labelEn.trim(),
      });
      void message.success(t('common.saved'));
      onSaved(list);
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={reason !== null}
      title={isNew ? t('sug.reasons.add') : t('sug.reasons.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {reason !== null && (
        <Form<RefusalReasonBody>
          form={form}
          layout="vertical"
          initialValues={initial}
          preserve={false}
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="code"
            label={t('common.code')}
            extra={isNew ? t('sug.reasons.codeHint') : undefined}
            rules={[
              { required: true, message: t('v.required', { field: t('common.code') }) },
              { pattern: /^[a-z][a-z0-9_]*$/, message: t('sug.reasons.codeRule') },
            ]}
          >
            <Input maxLength={32} disabled={!isNew} />
          </Form.Item>
          <Form.Item
            name="labelZh"
            label={t('sug.reasons.zh')}
            rules={[
              { required: true, whitespace: true, message: t('v.required', { field: t('sug.reasons.zh') }) },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="labelEn"
            label={t('sug.reasons.en')}
            rules={[
              { required: true, whitespace: true, message: t('v.required', { field: t('sug.reasons.en') }) },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <div className="form-row-2">
            <Form.Item name="sortOrder" label={t('sug.reasons.order')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="active" label={t('sug.reasons.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
            {t('sug.reasons.retireHint')}
          </Typography.Paragraph>
        </Form>
      )}
    </Modal>
  );
}
