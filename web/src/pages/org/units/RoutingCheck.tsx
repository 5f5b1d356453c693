/** "Who handles this here?": the routing table read the way triage will read it. */
import { useState } from 'react';
import { Button, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { routeCategory } from '../../../api/units.ts';
import { CategorySelect } from '../../../components/congresses.tsx';
import { JurisdictionTreeSelect } from '../../../components/JurisdictionTreeSelect.tsx';
import { QueryError } from '../../../components/errors.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export function RoutingCheckModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<string | undefined>();
  const [jurisdictionId, setJurisdictionId] = useState<number | undefined>();
  const ready = !!category && !!jurisdictionId;
  const result = useQuery({
    queryKey: ['routing', category, jurisdictionId],
    queryFn: () => routeCategory(category!, jurisdictionId!),
    enabled: ready && open,
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      title={t('unit.routingTitle')}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('unit.routingText')}</Typography.Paragraph>
      <Space.Compact block style={{ marginBottom: 16, flexWrap: 'wrap', gap: 8 }}>
        <div style={{ flex: '1 1 220px' }}>
          <CategorySelect value={category} onChange={(v) => setCategory(v as string | undefined)} />
        </div>
        <div style={{ flex: '1 1 220px' }}>
          <JurisdictionTreeSelect value={jurisdictionId} onChange={setJurisdictionId} />
        </div>
      </Space.Compact>
      {!ready ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unit.routingPick')} />
      ) : result.isError ? (
        <QueryError error={result.error} compact />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={result.isFetching}
          pagination={false}
          dataSource={result.data?.units}
          locale={{ emptyText: t('unit.routingNone') }}
          columns={[
            { title: t('unit.name'), dataIndex: 'name' },
            { title: t('common.jurisdiction'), dataIndex: ['jurisdiction', 'name'] },
            {
              title: t('unit.distance'),
              dataIndex: 'distance',
              render: (d: number) =>
                d === 0 ? (
                  <Tag color="green">{t('unit.distanceHere')}</Tag>
                ) : (
                  <Tag>{t('unit.distanceUp', { n: d })}</Tag>
                ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
