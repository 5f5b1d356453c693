/** Create or edit a grid (网格), optionally attached to a station. */
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createGrid, updateGrid } from '../../../api/grids.ts';
import { listStations } from '../../../api/stations.ts';
import { keys } from '../../../api/keys.ts';
import type { GridView } from '../../../api/types.ts';
import { useReportError } from '../../../components/errors.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { useOrgScope } from '../../../components/OrgScope.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

interface Values {
  code: string;
  name: string;
  jurisdictionId: number;
  stationId?: number | null;
  description?: string;
}

export function GridFormModal({
  open,
  grid,
  onClose,
  onSaved,
}: {
  open: boolean;
  grid?: GridView | null;
  onClose: () => void;
  onSaved: (g: GridView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const { forNewRecord: jurisdictionId } = useOrgScope();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const stations = useQuery({
    queryKey: [...keys.stations, 'options', 'all-active'],
    queryFn: () => listStations({ pageSize: 200, status: 'active' }),
    enabled: open,
    staleTime: 60_000,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (grid) {
      form.setFieldsValue({
        code: grid.code,
        name: grid.name,
        jurisdictionId: grid.jurisdiction.id,
        stationId: grid.station?.id ?? null,
        description: grid.description ?? undefined,
      });
    } else form.setFieldsValue({ jurisdictionId });
  }, [open, grid, jurisdictionId, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      jurisdictionId: v.jurisdictionId,
      stationId: v.stationId ?? null,
      description: v.description?.trim() ? v.description.trim() : null,
    };
    try {
      const saved = grid ? await updateGrid(grid.id, body) : await createGrid(body);
      await qc.invalidateQueries({ queryKey: keys.grids });
      void qc.invalidateQueries({ queryKey: keys.jurisdictionTree });
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
      title={grid ? t('grid.edit') : t('grid.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form name="grid" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('grid.name')}
          rules={[
            { required: true, whitespace: true, message: t('v.required', { field: t('grid.name') }) },
            { max: 100, message: t('v.max', { n: 100 }) },
          ]}
        >
          <Input placeholder={t('grid.namePlaceholder')} />
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
          <Input placeholder="GR-FS-01" />
        </Form.Item>
        <Form.Item
          name="jurisdictionId"
          label={t('common.jurisdiction')}
          rules={[{ required: true, message: t('v.choose', { field: t('common.jurisdiction') }) }]}
        >
          <JurisdictionTreeSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="stationId" label={t('grid.station')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={stations.isPending}
            options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            placeholder={t('grid.stationPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('common.description')}
          rules={[{ max: 2000, message: t('v.max', { n: 2000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('grid.descriptionPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
