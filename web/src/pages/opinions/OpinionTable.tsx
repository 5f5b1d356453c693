/** The opinions of a list: a table on a desk, a card per item on a phone. */
import { Link, useLocation, useNavigate } from 'react-router';
import { Card, Checkbox, Pagination, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { CHANNEL_LABELS } from '../../../../src/modules/opinions/opinions.vocab.ts';
import type { OpinionListItem } from '../../api/types.ts';
import { useCategoryName } from '../../components/congresses.tsx';
import { DueCell, OpinionStatusTag, RatingTag, ResultTag } from '../../components/opinionTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';

export interface Selection {
  keys: number[];
  onChange: (keys: number[], rows: OpinionListItem[]) => void;
  /** Which items can be picked (the others show a disabled box). */
  selectable: (item: OpinionListItem) => boolean;
}

function Source({ o }: { o: OpinionListItem }) {
  const { label } = useI18n();
  const where = o.station?.name ?? o.grid?.name ?? o.jurisdiction.name;
  return (
    <div style={{ lineHeight: 1.4, minWidth: 0 }}>
      <div>{where}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[o.representative?.name, label(CHANNEL_LABELS[o.channel])].filter(Boolean).join(' · ')}
      </Typography.Text>
    </div>
  );
}

function Rated({ o }: { o: OpinionListItem }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap={false}>
      <RatingTag rating={o.lastRating} />
      {o.rehandleRounds > 0 && (
        <Tooltip title={t('op.rehandleRounds', { n: o.rehandleRounds })}>
          <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
            {t('op.rehandleShort')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function OpinionTable({
  items,
  loading,
  pagination,
  selection,
  phone,
}: {
  items: OpinionListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  selection?: Selection;
  phone: boolean;
}) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const location = useLocation();
  const from = location.pathname + location.search;
  if (phone)
    return <OpinionCards items={items} loading={loading} pagination={pagination} selection={selection} />;

  const columns: TableColumnsType<OpinionListItem> = [
    {
      title: t('op.trackingCode'),
      dataIndex: 'trackingCode',
      width: 124,
      fixed: 'left',
      render: (code: string, o) => (
        <div style={{ lineHeight: 1.5 }}>
          <Link to={`/opinions/${o.id}`} state={{ from }} className="tracking-code">
            {code}
          </Link>
          <div className="cell-sub" title={t('op.submittedAt')}>
            {formatDateTime(o.submittedAt, false)}
          </div>
        </div>
      ),
    },
    {
      title: t('op.excerpt'),
      dataIndex: 'excerpt',
      render: (text: string, o) => (
        <Link to={`/opinions/${o.id}`} state={{ from }} style={{ color: 'inherit' }}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
            {o.hasPhotos && <PictureOutlined style={{ color: '#1f4e8c', marginInlineEnd: 4 }} />}
            {text}
          </Typography.Paragraph>
          <span className="cell-sub">{o.submitterName}</span>
        </Link>
      ),
    },
    { title: t('op.source'), key: 'source', width: 156, render: (_: unknown, o) => <Source o={o} /> },
    {
      title: t('op.category'),
      dataIndex: 'categoryCode',
      width: 96,
      render: (c: string | null) =>
        c ? categoryName(c) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('op.status'),
      dataIndex: 'status',
      width: 100,
      render: (_: unknown, o) => (
        <Space size={4} wrap>
          <OpinionStatusTag status={o.status} />
          {o.lastResult && <ResultTag result={o.lastResult} />}
        </Space>
      ),
    },
    {
      title: t('op.unit'),
      dataIndex: 'unit',
      width: 128,
      render: (u: OpinionListItem['unit']) =>
        u?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('op.replyDue'),
      key: 'due',
      width: 150,
      render: (_: unknown, o) => <DueCell deadlines={o.deadlines} status={o.status} />,
    },
    { title: t('op.rating'), key: 'rating', width: 84, render: (_: unknown, o) => <Rated o={o} /> },
  ];

  return (
    <Table<OpinionListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1100 }}
      pagination={pagination}
      rowSelection={
        selection && {
          selectedRowKeys: selection.keys,
          preserveSelectedRowKeys: true,
          onChange: (keys, rows) => selection.onChange(keys as number[], rows),
          getCheckboxProps: (o) => ({ disabled: !selection.selectable(o) }),
        }
      }
    />
  );
}

function OpinionCards({
  items,
  loading,
  pagination,
  selection,
}: {
  items: OpinionListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  selection?: Selection;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const categoryName = useCategoryName();
  const list = items ?? [];
  const from = location.pathname + location.search;
  return (
    <Spin spinning={loading}>
      {list.length === 0 && !loading && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 24 }}>
          {t('common.empty')}
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {list.map((o) => {
          const selected = selection?.keys.includes(o.id) ?? false;
          return (
            <Card
              key={o.id}
              size="small"
              hoverable
              className="opinion-card"
              onClick={() => void navigate(`/opinions/${o.id}`, { state: { from } })}
              style={{ borderColor: selected ? '#7fa6d8' : undefined }}
            >
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
                {selection && selection.selectable(o) && (
                  <span onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      checked={selected}
                      aria-label={o.trackingCode}
                      onChange={(e) => {
                        const keys = e.target.checked
                          ? [...selection.keys, o.id]
                          : selection.keys.filter((k) => k !== o.id);
                        selection.onChange(
                          keys,
                          list.filter((x) => keys.includes(x.id)),
                        );
                      }}
                    />
                  </span>
                )}
                <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>
                  {o.trackingCode}
                </span>
                <span style={{ flex: 1 }} />
                <OpinionStatusTag status={o.status} />
              </div>
              <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 6 }}>
                {o.hasPhotos && <PictureOutlined style={{ color: '#1f4e8c', marginInlineEnd: 4 }} />}
                {o.excerpt}
              </Typography.Paragraph>
              <div className="opinion-card-meta">
                <div>
                  {[o.station?.name ?? o.grid?.name ?? o.jurisdiction.name, o.representative?.name]
                    .filter(Boolean)
                    .join(' · ')}
                  {o.categoryCode && ` · ${categoryName(o.categoryCode)}`}
                </div>
                {o.unit && (
                  <div>
                    {t('op.unit')}：{o.unit.name}
                  </div>
                )}
                <div>
                  {t('op.submittedAt')}：{formatDateTime(o.submittedAt, false)}
                </div>
                <div className="opinion-card-due">
                  <span>{t('op.replyDue')}：</span>
                  <DueCell deadlines={o.deadlines} status={o.status} />
                  {(o.lastRating || o.rehandleRounds > 0) && <Rated o={o} />}
                </div>
              </div>
            </Card>
          );
        })}
      </div>
      {(pagination.total ?? 0) > 0 && (
        <div style={{ display: 'flex', justifyContent: 'center', marginTop: 12 }}>
          <Pagination
            size="small"
            simple
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            onChange={pagination.onChange}
            showTotal={pagination.showTotal}
          />
        </div>
      )}
    </Spin>
  );
}
