/**
 * 履职公示: a station's or a representative's month made public. Staff preview a month from the
 * records as they stand, publish it (once: what is published is never edited), and publish a
 * correction — a new version with a note — when the records change; every version stays readable.
 * The list shows what is published in the jurisdiction, the latest version of each month; a row
 * opens the disclosure with its history of versions.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Grid,
  Popconfirm,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { DISCLOSURE_KIND_LABELS } from '../../../../src/modules/performance/disclosure.domain.ts';
import {
  correctDisclosure,
  getDisclosure,
  listDisclosures,
  previewDisclosure,
  publishDisclosure,
} from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { DisclosureKind, DisclosureListItem, DisclosureView } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { StationPicker } from '../../components/orgPickers.tsx';
import { numberOrUndefined, pagination, useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { optionsOf } from '../../i18n/labels.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ReasonModal } from '../activities/ActivityModals.tsx';
import { DisclosureContentView } from './DisclosureContentView.tsx';

const KEYS = ['tab', 'kind', 'month', 'open', 'pkind', 'subject', 'pmonth'] as const;
const isKind = (v: string | undefined): v is DisclosureKind => v === 'station' || v === 'representative';
const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

export function DisclosuresPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const manage = can('performance.manage');
  const list = useListParams(KEYS, 20);
  const tab = list.filters.tab === 'publish' && manage ? 'publish' : 'list';
  const openId = numberOrUndefined(list.filters.open);
  return (
    <div>
      <PageHeader title={t('nav.perfDisclosures')} subtitle={t('perf.disc.subtitle')} />
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => list.setFilters({ tab: k === 'publish' ? 'publish' : undefined })}
          items={[
            { key: 'list', label: t('perf.disc.tabList') },
            ...(manage ? [{ key: 'publish', label: t('perf.disc.tabPublish') }] : []),
          ]}
        />
        {tab === 'publish' ? <PublishPanel list={list} /> : <PublishedList list={list} />}
      </Card>
      <DisclosureDrawer id={openId} onClose={() => list.setFilters({ open: undefined })} />
    </div>
  );
}

type ListParams = ReturnType<typeof useListParams<(typeof KEYS)[number]>>;

function PublishedList({ list }: { list: ListParams }) {
  const { t, lang, label } = useI18n();
  const f = list.filters;
  const query = {
    kind: isKind(f.kind) ? f.kind : undefined,
    month: f.month,
    page: list.page,
    pageSize: list.pageSize,
  };
  const page = useQuery({
    queryKey: [...keys.performance, 'disclosures', query],
    queryFn: ({ signal }) => listDisclosures(query, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<DisclosureListItem> = [
    { title: t('perf.disc.month'), dataIndex: 'month', width: 90 },
    {
      title: t('perf.disc.subject'),
      key: 'subject',
      render: (_: unknown, d) => (
        <Space size={[6, 2]} wrap>
          <Tag color={d.kind === 'station' ? 'blue' : 'red'}>{label(DISCLOSURE_KIND_LABELS[d.kind])}</Tag>
          <Typography.Link onClick={() => list.setFilters({ open: d.id })}>{d.subject.name}</Typography.Link>
        </Space>
      ),
    },
    {
      title: t('perf.disc.version'),
      dataIndex: 'version',
      width: 130,
      responsive: ['sm'],
      render: (v: number) =>
        v > 1 ? (
          <Tag color="orange">{t('perf.disc.correctedN', { v })}</Tag>
        ) : (
          <Tag>{t('perf.ruleVersion', { v })}</Tag>
        ),
    },
    {
      title: t('perf.disc.publishedAt'),
      dataIndex: 'publishedAt',
      width: 150,
      responsive: ['md'],
      render: (at: string) => formatDateTime(at, false),
    },
    {
      title: t('perf.disc.correctionNote'),
      dataIndex: 'correctionNote',
      responsive: ['lg'],
      ellipsis: true,
      render: (n: string | null) => n ?? '—',
    },
  ];
  return (
    <>
      <div className="filter-bar">
        <Select
          allowClear
          value={f.kind}
          onChange={(v?: string) => list.setFilters({ kind: v })}
          placeholder={t('perf.disc.kind')}
          options={optionsOf(DISCLOSURE_KIND_LABELS, lang)}
        />
        <DatePicker
          picker="month"
          value={f.month ? dayjs(`${f.month}-01`) : null}
          onChange={(d) => list.setFilters({ month: d?.format('YYYY-MM') })}
          placeholder={t('perf.disc.month')}
        />
      </div>
      {page.isError ? (
        <QueryError error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <Table<DisclosureListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page.data?.items}
          loading={page.isFetching}
          onRow={(d) => ({ onClick: () => list.setFilters({ open: d.id }), style: { cursor: 'pointer' } })}
          pagination={pagination(t, page.data?.total, list.page, list.pageSize, list.setPaging)}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.disc.none')} />,
          }}
        />
      )}
    </>
  );
}

function PublishPanel({ list }: { list: ListParams }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const f = list.filters;
  const kind: DisclosureKind = isKind(f.pkind) ? f.pkind : 'station';
  const subjectId = numberOrUndefined(f.subject);
  const month = f.pmonth && /^\d{4}-\d{2}$/.test(f.pmonth) ? f.pmonth : lastMonth();
  const [publishing, setPublishing] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const preview = useQuery({
    queryKey: [...keys.performance, 'disclosure-preview', kind, subjectId, month],
    queryFn: () => previewDisclosure({ kind, subjectId: subjectId!, month }),
    enabled: !!subjectId,
    retry: false,
  });
  const p = preview.data;
  const done = async (d: DisclosureView, text: string) => {
    void message.success(text);
    await qc.invalidateQueries({ queryKey: keys.performance });
    list.setFilters({ open: d.id });
  };
  const publish = async () => {
    if (!subjectId) return;
    setPublishing(true);
    try {
      const d = await publishDisclosure({ kind, subjectId, month });
      await done(d, t('perf.disc.published'));
    } catch (err) {
      report(err);
      void preview.refetch();
    } finally {
      setPublishing(false);
    }
  };
  return (
    <>
      <div className="filter-bar">
        <Segmented<DisclosureKind>
          value={kind}
          onChange={(v) => list.setFilters({ pkind: v === 'station' ? undefined : v, subject: undefined })}
          options={(['station', 'representative'] as const).map((k) => ({
            value: k,
            label: label(DISCLOSURE_KIND_LABELS[k]),
          }))}
        />
        {kind === 'station' ? (
          <StationPicker value={subjectId} onChange={(id) => list.setFilters({ subject: id })} />
        ) : (
          <RepresentativePicker
            value={subjectId ?? null}
            onChange={(id) => list.setFilters({ subject: id })}
          />
        )}
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d) => list.setFilters({ pmonth: d?.format('YYYY-MM') })}
        />
      </div>
      {!subjectId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.disc.pickSubject')} />
      ) : preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : !p ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          {p.published ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('perf.disc.alreadyPublished', {
                v: p.published.version,
                at: formatDateTime(p.published.publishedAt, false),
              })}
              description={t('perf.disc.alreadyPublishedText')}
              action={
                <Space orientation="vertical" size={6}>
                  <Button size="small" onClick={() => list.setFilters({ open: p.published!.id })}>
                    {t('perf.disc.view')}
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    icon={<EditOutlined />}
                    onClick={() => setCorrecting(true)}
                  >
                    {t('perf.disc.correct')}
                  </Button>
                </Space>
              }
            />
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('perf.disc.previewNote')}
              action={
                <Popconfirm
                  title={t('perf.disc.publishConfirm')}
                  description={t('perf.disc.publishConfirmText')}
                  okText={t('perf.disc.publish')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => publish()}
                >
                  <Button type="primary" icon={<SendOutlined />} loading={publishing}>
                    {t('perf.disc.publish')}
                  </Button>
                </Popconfirm>
              }
            />
          )}
          <Card size="small" title={t('perf.disc.previewTitle', { name: p.subject.name, month: p.month })}>
            <DisclosureContentView c={p.content} />
          </Card>
        </>
      )}
      <ReasonModal
        open={correcting}
        title={t('perf.disc.correctTitle')}
        intro={t('perf.disc.correctIntro')}
        fieldLabel={t('perf.disc.correctionNote')}
        placeholder={t('perf.disc.correctPlaceholder')}
        okText={t('perf.disc.correctOk')}
        onClose={() => setCorrecting(false)}
        onSubmit={async (note) => {
          const d = await correctDisclosure(p!.published!.id, note);
          await done(d, t('perf.disc.corrected', { v: d.version }));
        }}
      />
    </>
  );
}

function DisclosureDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const { t, label } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [, setParams] = useSearchParams();
  const [correcting, setCorrecting] = useState(false);
  const d = useQuery({
    queryKey: [...keys.performance, 'disclosure', id],
    queryFn: () => getDisclosure(id!),
    enabled: !!id,
  });
  const v = d.data;
  const latest = v ? Math.max(...v.versions.map((x) => x.version)) : 0;
  const show = (versionId: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('open', String(versionId));
        return next;
      },
      { replace: true },
    );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={v ? `${v.subject.name} · ${v.month}` : t('nav.perfDisclosures')}
      extra={
        v &&
        can('performance.manage') &&
        v.version === latest && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
            {t('perf.disc.correct')}
          </Button>
        )
      }
    >
      {d.isError ? (
        <QueryError error={d.error} onRetry={() => void d.refetch()} />
      ) : !v ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Space size={6} wrap style={{ marginBottom: 12 }}>
            <Tag color={v.kind === 'station' ? 'blue' : 'red'}>{label(DISCLOSURE_KIND_LABELS[v.kind])}</Tag>
            <Tag color={v.version === latest ? 'green' : 'default'}>
              {t('perf.ruleVersion', { v: v.version })}
              {v.version === latest ? ` · ${t('perf.disc.latest')}` : ` · ${t('perf.disc.superseded')}`}
            </Tag>
            <Typography.Text type="secondary">
              {t('perf.disc.publishedBy', {
                at: formatDateTime(v.publishedAt, false),
                by: v.publishedBy ?? '—',
              })}
            </Typography.Text>
          </Space>
          {v.correctionNote && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('perf.disc.correctionOf', { v: v.version - 1 })}
              description={<span className="user-text">{v.correctionNote}</span>}
            />
          )}
          <DisclosureContentView c={v.content} />
          <h3 className="text-heading">{t('perf.disc.history')}</h3>
          <Timeline
            items={[...v.versions].reverse().map((x) => ({
              color: x.id === v.id ? 'blue' : 'gray',
              content: (
                <div>
                  <Space size={6} wrap>
                    {x.id === v.id ? (
                      <strong>{t('perf.ruleVersion', { v: x.version })}</strong>
                    ) : (
                      <Typography.Link onClick={() => show(x.id)}>
                        {t('perf.ruleVersion', { v: x.version })}
                      </Typography.Link>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(x.publishedAt, false)}
                    </Typography.Text>
                  </Space>
                  <div className="user-text" style={{ fontSize: 13 }}>
                    {x.correctionNote ?? t('perf.disc.firstPublished')}
                  </div>
                </div>
              ),
            }))}
          />
        </>
      )}
      <ReasonModal
        open={correcting}
        title={t('perf.disc.correctTitle')}
        intro={t('perf.disc.correctIntro')}
        fieldLabel={t('perf.disc.correctionNote')}
        placeholder={t('perf.disc.correctPlaceholder')}
        okText={t('perf.disc.correctOk')}
        onClose={() => setCorrecting(false)}
        onSubmit={async (note) => {
          const next = await correctDisclosure(v!.id, note);
          void message.success(t('perf.disc.corrected', { v: next.version }));
          await qc.invalidateQueries({ queryKey: keys.performance });
          show(next.id);
        }}
      />
    </Drawer>
  );
}
