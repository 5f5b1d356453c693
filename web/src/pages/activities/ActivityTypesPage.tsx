/**
 * 活动类型: the types activities are filed under (接待选民, 调研, 视察 …), each counted for scoring as
 * one of four kinds, kept by the congress staff at the top of the tree (the server refuses anyone
 * else with a message). A type in use is retired, never deleted, so past activities keep it.
 */
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../src/modules/activities/activities.domain.ts';
import { saveActivityType } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import type { ActivityType, ActivityTypeBody } from '../../api/types.ts';
import { KIND_LABEL, ActivityTypeTag } from '../../components/activityTags.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useActivityTypes } from './useActivityTypes.ts';

export function ActivityTypesPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<ActivityType | 'new' | null>(null);
  const types = useActivityTypes(true);
  const columns: TableColumnsType<ActivityType> = [
    { title: t('act.types.order'), dataIndex: 'sortOrder', width: 72 },
    { title: t('common.code'), dataIndex: 'code', width: 170, render: (c: string) => <code>{c}</code> },
    {
      title: t('act.types.zh'),
      dataIndex: 'labelZh',
      render: (zh: string, r) => <ActivityTypeTag kind={r.kind} label={zh} />,
    },
    { title: t('act.types.en'), dataIndex: 'labelEn', responsive: ['md'] },
    {
      title: t('act.types.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: ActivityKind) => t(KIND_LABEL[k]),
    },
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
        title={t('nav.actTypes')}
        subtitle={t('act.types.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('act.types.add')}
          </Button>
        }
      />
      <Card variant="borderless">
        {types.isError ? (
          <QueryError error={types.error} onRetry={() => void types.refetch()} />
        ) : (
          <Table<ActivityType>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={types.data}
            loading={types.isFetching}
            pagination={false}
            scroll={{ x: 560 }}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
          {t('act.types.kindHint')}
        </Typography.Paragraph>
      </Card>
      <TypeModal
        type={editing}
        nextOrder={((types.data ?? []).reduce((m, r) => Math.max(m, r.sortOrder), 0) || 0) + 1}
        onClose={() => setEditing(null)}
        onSaved={(list) => {
          qc.setQueryData([...keys.activityTypes, 'all'], list);
          void qc.invalidateQueries({ queryKey: keys.activityTypes });
          setEditing(null);
        }}
      />
    </div>
  );
}

function TypeModal({
  type,
  nextOrder,
  onClose,
  onSaved,
}: {
  type: ActivityType | 'new' | null;
  nextOrder: number;
  onClose: () => void;
  onSaved: (list: ActivityType[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<ActivityTypeBody>();
  const [saving, setSaving] = useState(false);
  const isNew = type === 'new';
  const initial: Partial<ActivityTypeBody> | undefined =
    type === null ? undefined : isNew ? { sortOrder: nextOrder, active: true, kind: 'other' } : type;
  const save = async (v: ActivityTypeBody) => {
    setSaving(true);
    try {
      const list = await saveActivityType({ ...v, labelZh: v.labelZh.trim(), labelEn: v.labelEn.trim() });
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
      open={type !== null}
      title={isNew ? t('act.types.add') : t('act.types.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {type !== null && (
        <Form<ActivityTypeBody>
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
          <div className="form-row-2">
            <Form.Item
              name="labelZh"
              label={t('act.types.zh')}
              rules={[
                { required: true, whitespace: true, message: t('v.required', { field: t('act.types.zh') }) },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="labelEn"
              label={t('act.types.en')}
              rules={[
                { required: true, whitespace: true, message: t('v.required', { field: t('act.types.en') }) },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </div>
          <Form.Item name="kind" label={t('act.types.kind')} extra={t('act.types.kindHint')}>
            <Select<ActivityKind>
              options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
            />
          </Form.Item>
          <div className="form-row-2">
            <Form.Item name="sortOrder" label={t('act.types.order')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="active" label={t('sug.reasons.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </div>
        </Form>
      )}
    </Modal>
  );
}
