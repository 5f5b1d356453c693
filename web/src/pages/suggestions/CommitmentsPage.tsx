/**
 * 承诺事项台账: what units committed to in their class-B replies, tracked across sessions until
 * kept. Units (and the congress staff) report each year's progress here and mark a commitment
 * done; everyone with access sees the open, overdue and kept ones.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Grid,
  InputNumber,
  Modal,
  Pagination,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_STATUSES,
  type CommitmentStatus,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import { listCommitments, reportProgress } from '../../api/suggestions.ts';
import { keys } from '../../api/keys.ts';
import type { CommitmentLedgerItem, CommitmentQuery } from '../../api/types.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { numberOrUndefined, pagination, useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { Note } from './SuggestionActionModal.tsx';
import { CommitmentStatusTag } from './SuggestionHistory.tsx';
import { recentYears } from './filters.ts';

const FILTER_KEYS = ['status', 'unitId', 'year', 'overdue'] as const;

export function CommitmentsPage() {
  const { t, lang } = useI18n();
  const { user, can } = useSession();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(FILTER_KEYS);
  const { filters } = list;
  const [reporting, setReporting] = useState<CommitmentLedgerItem | null>(null);
  const roles = user?.roles ?? [];
  const ownUnit = roles.includes('unit_staff') && !roles.includes('congress_staff');
  const canReport =
    can('suggestions.act') && (roles.includes('unit_staff') || roles.includes('congress_staff'));

  const query: CommitmentQuery = {
    page: list.page,
    pageSize: list.pageSize,
    status: (COMMITMENT_STATUSES as readonly string[]).includes(filters.status ?? '')
      ? (filters.status as CommitmentStatus)
      : undefined,
    unitId: numberOrUndefined(filters.unitId),
    year: numberOrUndefined(filters.year),
    overdue: filters.overdue === 'true' ? true : undefined,
  };
  const data = useQuery({
    queryKey: [...keys.suggestions, 'commitments', query],
    queryFn: ({ signal }) => listCommitments(query, signal),
    placeholderData: keepPreviousData,
  });
  const items = data.data?.items ?? [];
  const paging = pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging);

  const caseCell = (c: CommitmentLedgerItem) => (
    <Link to={`/suggestions/${c.suggestionId}`}>
      <span className="case-no">{c.caseLabel ?? `#${c.suggestionId}`}</span> {c.suggestionTitle}
    </Link>
  );
  const lastProgress = (c: CommitmentLedgerItem) => c.progress.at(-1);
  const reportButton = (c: CommitmentLedgerItem) =>
    canReport &&
    c.status === 'open' && (
      <Button size="small" onClick={() => setReporting(c)}>
        {t('sug.rec.commitment_progress')}
      </Button>
    );

  const columns: TableColumnsType<CommitmentLedgerItem> = [
    {
      title: t('sug.commitment'),
      dataIndex: 'content',
      render: (content: string, c) => (
        <div>
          <div className="user-text" style={{ fontWeight: 500 }}>
            {content}
          </div>
          <span className="cell-sub">{caseCell(c)}</span>
        </div>
      ),
    },
    { title: t('sug.units'), key: 'unit', width: 180, render: (_: unknown, c) => c.unit.name },
    {
      title: t('sug.field.commitmentDue'),
      dataIndex: 'dueDate',
      width: 116,
      render: (d: string | null) => d ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('sug.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, c) => <CommitmentStatusTag status={c.status} overdue={c.overdue} />,
    },
    {
      title: t('sug.lastProgress'),
      key: 'progress',
      width: 260,
      render: (_: unknown, c) => {
        const p = lastProgress(c);
        return p ? (
          <div style={{ fontSize: 13 }}>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: p.note }} style={{ margin: 0 }}>
              {p.note}
            </Typography.Paragraph>
            <span className="cell-sub">
              {t('sug.yearN', { n: p.year })} · {formatDateTime(p.at, false)}
            </span>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('sug.noProgress')}</Typography.Text>
        );
      },
    },
    ...(canReport
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, c: CommitmentLedgerItem) => reportButton(c),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader title={t('nav.sugCommitments')} subtitle={t('sug.commitmentsSubtitle')} />
      <Card variant="borderless">
        <FilterBar>
          <Select
            allowClear
            placeholder={t('sug.status')}
            value={filters.status}
            onChange={(v?: string) => list.setFilters({ status: v })}
            options={optionsOf(COMMITMENT_STATUS_LABELS, lang)}
          />
          <Select
            allowClear
            placeholder={t('sug.year')}
            value={numberOrUndefined(filters.year)}
            onChange={(v?: number) => list.setFilters({ year: v })}
            options={recentYears().map((y) => ({ value: y, label: t('sug.yearN', { n: y }) }))}
          />
          {!ownUnit && (
            <UnitPicker
              value={numberOrUndefined(filters.unitId)}
              onChange={(id) => list.setFilters({ unitId: id })}
            />
          )}
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => list.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
            style={{ alignSelf: 'center' }}
          >
            {t('sug.onlyOverdue')}
          </Checkbox>
        </FilterBar>
        <div style={{ display: 'flex', alignItems: 'center', marginBottom: 12 }}>
          <Typography.Text type="secondary">
            {data.data ? t('common.total', { n: data.data.total }) : '\u00a0'}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            onClick={() => void data.refetch()}
            loading={data.isFetching && !data.isPending}
          />
        </div>
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : phone ? (
          <Spin spinning={data.isFetching}>
            {items.length === 0 && !data.isFetching && (
              <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 24 }}>
                {t('sug.noCommitments')}
              </Typography.Paragraph>
            )}
            <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
              {items.map((c) => {
                const p = lastProgress(c);
                return (
                  <Card key={c.id} size="small">
                    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                      <div className="user-text" style={{ flex: 1, fontWeight: 500 }}>
                        {c.content}
                      </div>
                      <CommitmentStatusTag status={c.status} overdue={c.overdue} />
                    </div>
                    <div className="opinion-card-meta" style={{ marginTop: 6 }}>
                      <div>{caseCell(c)}</div>
                      <div>
                        {c.unit.name}
                        {c.dueDate && ` · ${t('sug.commitmentDue', { date: c.dueDate })}`}
                      </div>
                      {p && (
                        <div>
                          {t('sug.lastProgress')}：{p.note}
                        </div>
                      )}
                    </div>
                    {reportButton(c) && (
                      <div style={{ marginTop: 8, textAlign: 'right' }}>{reportButton(c)}</div>
                    )}
                  </Card>
                );
              })}
            </div>
            {(data.data?.total ?? 0) > 0 && (
              <div style={{ display: 'flex', justifyContent: 'center', marginTop: 12 }}>
                <Pagination
                  size="small"
                  simple
                  current={paging.current}
                  pageSize={paging.pageSize}
                  total={paging.total}
                  onChange={paging.onChange}
                />
              </div>
            )}
          </Spin>
        ) : (
          <Table<CommitmentLedgerItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={data.isFetching}
            pagination={paging}
            scroll={{ x: 960 }}
            locale={{ emptyText: t('sug.noCommitments') }}
          />
        )}
      </Card>
      <ProgressModal
        commitment={reporting}
        onClose={() => setReporting(null)}
        onDone={() => {
          setReporting(null);
          void qc.invalidateQueries({ queryKey: keys.suggestions });
        }}
      />
    </div>
  );
}

interface ProgressValues {
  year?: number;
  note?: string;
  done?: boolean;
}

/** One year's progress on a commitment; done marks it kept. */
function ProgressModal({
  commitment,
  onClose,
  onDone,
}: {
  commitment: CommitmentLedgerItem | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<ProgressValues>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: ProgressValues) => {
    if (!commitment) return;
    setSaving(true);
    try {
      await reportProgress(commitment.id, {
        note: (v.note ?? '').trim(),
        year: v.year,
        ...(v.done ? { done: true } : {}),
      });
      void message.success(t('sug.recordSaved'));
      onDone();
    } catch (err) {
      report(err, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={commitment !== null}
      title={t('sug.rec.commitment_progress')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      maskClosable={false}
    >
      {commitment && (
        <Form<ProgressValues> form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
          <Typography.Paragraph>
            <Tag>{commitment.caseLabel ?? `#${commitment.suggestionId}`}</Tag>
            <span className="user-text-inline">{commitment.content}</span>
          </Typography.Paragraph>
          <Form.Item name="year" label={t('sug.field.progressYear')} initialValue={dayjs().year()}>
            <InputNumber min={2000} max={2100} style={{ width: 140 }} />
          </Form.Item>
          <Note name="note" label={t('sug.field.progressNote')} required max={4000} rows={5} />
          <Form.Item name="done" valuePropName="checked" initialValue={false}>
            <Checkbox>{t('sug.field.progressDone')}</Checkbox>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
