/**
 * 批量交办: hand the selected items to one unit. The units offered are those that handle the
 * selection's category (from the org units list when the items agree on one, else the routing
 * suggestion for the first item). Each item is assigned on its own: the result tells which failed and why.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Result, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { bulkAssign, getRouting } from '../../api/opinions.ts';
import { listUnits } from '../../api/units.ts';
import type { BulkAssignResult, OpinionListItem } from '../../api/types.ts';
import { CategorySelect, useCategoryName } from '../../components/congresses.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { UnitSuggestions, type SuggestedUnit } from './UnitSuggestions.tsx';

interface Values {
  categoryCode?: string;
  unitId?: number;
  note?: string;
}

export function BulkAssignModal({
  open,
  rows,
  onClose,
  onDone,
}: {
  open: boolean;
  rows: OpinionListItem[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const report = useReportError();
  const categoryName = useCategoryName();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<BulkAssignResult | null>(null);
  const [saving, setSaving] = useState(false);
  const unitId = Form.useWatch('unitId', form);
  const chosenCategory = Form.useWatch('categoryCode', form);

  const codes = [...new Set(rows.map((r) => r.categoryCode).filter((c): c is string => !!c))];
  const common = codes.length === 1 && rows.every((r) => r.categoryCode === codes[0]) ? codes[0] : undefined;
  const first = rows[0];

  const routing = useQuery({
    queryKey: ['opinions', 'routing', first?.id],
    queryFn: () => getRouting(first!.id),
    enabled: open && !common && !!first,
    staleTime: 60_000,
    retry: false,
  });
  const category = chosenCategory ?? common ?? routing.data?.category?.code;
  const byCategory = useQuery({
    queryKey: ['units', 'by-category', category],
    queryFn: () => listUnits({ categoryCode: category, status: 'active', pageSize: 20 }),
    enabled: open && !!category && (!!common || category !== routing.data?.category?.code),
    staleTime: 60_000,
  });
  const suggestions: SuggestedUnit[] = useMemo(() => {
    if (category && category !== routing.data?.category?.code) return byCategory.data?.items ?? [];
    return routing.data?.units ?? byCategory.data?.items ?? [];
  }, [category, routing.data, byCategory.data]);

  const byId = new Map(rows.map((r) => [r.id, r]));

  const close = () => {
    if (result) onDone();
    setResult(null);
    form.resetFields();
    onClose();
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const r = await bulkAssign({
        ids: rows.map((x) => x.id),
        unitId: v.unitId!,
        categoryCode: v.categoryCode || undefined,
        note: v.note?.trim() || undefined,
      });
      setResult(r);
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('op.bulk.title', { n: rows.length })}
      onCancel={close}
      destroyOnHidden
      width={620}
      footer={
        result ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('op.bulk.submit', { n: rows.length })}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <>
          <Result
            status={
              result.failed.length === 0 ? 'success' : result.assigned.length === 0 ? 'error' : 'warning'
            }
            title={t('op.bulk.done', { ok: result.assigned.length, failed: result.failed.length })}
            style={{ padding: '16px 0' }}
          />
          {result.failed.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={result.failed}
              columns={[
                {
                  title: t('op.trackingCode'),
                  dataIndex: 'id',
                  width: 140,
                  render: (id: number) => byId.get(id)?.trackingCode ?? `#${id}`,
                },
                { title: t('op.bulk.why'), dataIndex: 'message' },
              ]}
            />
          )}
        </>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ categoryCode: common }}
        >
          {codes.length > 1 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('op.bulk.mixed', { list: codes.map(categoryName).join('、') })}
            />
          )}
          {!common && routing.data?.category && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('op.bulk.guess', {
                code: first?.trackingCode ?? '',
                category: categoryName(routing.data.category.code),
              })}
            </Typography.Paragraph>
          )}
          <Form.Item name="categoryCode" label={t('op.category')} extra={t('op.bulk.categoryHint')}>
            <CategorySelect />
          </Form.Item>
          <Form.Item label={t('op.assign.suggested')}>
            <UnitSuggestions
              units={suggestions}
              value={unitId}
              loading={routing.isFetching || byCategory.isFetching}
              onPick={(id) => form.setFieldValue('unitId', id)}
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('op.unit')}
            rules={[{ required: true, message: t('v.choose', { field: t('op.unit') }) }]}
          >
            <UnitPicker />
          </Form.Item>
          <Form.Item name="note" label={t('op.assign.note')}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
