/**
 * 审计日志: who did what, when (Beijing time), from where, to which record, and whether it worked;
 * each entry's detail on demand; and a check of the whole tamper-evident hash chain.
 */
import { useState } from 'react';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, SafetyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { searchAudit, verifyAuditChain } from '../../api/audit.ts';
import { keys } from '../../api/keys.ts';
import type { AuditEntry, AuditQuery, ChainReport } from '../../api/types.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { pagination, useListParams } from '../../components/paging.ts';
import { beijingToIso, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { actionLabel, ENTITY_LABELS, entityLabel, knownActions } from './auditLabels.ts';

const FILTERS = ['from', 'to', 'actor', 'action', 'entityType', 'entityId', 'success', 'ip'] as const;

/** An ISO instant shown back in the picker as Beijing wall-clock time. */
function isoToBeijingPicker(iso: string | undefined) {
  if (!iso) return null;
  const wall = formatDateTime(iso);
  return wall ? dayjs(wall.replace(' ', 'T')) : null;
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const report = useReportError();
  const list = useListParams(FILTERS, 50);
  const { filters } = list;
  const [chain, setChain] = useState<ChainReport | null>(null);
  const [verifying, setVerifying] = useState(false);

  const query: AuditQuery = {
    page: list.page,
    pageSize: list.pageSize,
    from: filters.from,
    to: filters.to,
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entityType,
    entityId: filters.entityId,
    success: filters.success === undefined ? undefined : filters.success === 'true',
    ip: filters.ip,
  };
  const data = useQuery({
    queryKey: [...keys.audit, query],
    queryFn: () => searchAudit(query),
    placeholderData: keepPreviousData,
  });

  const verify = async () => {
    setVerifying(true);
    try {
      setChain(await verifyAuditChain());
    } catch (err) {
      report(err);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 72, responsive: ['lg'] },
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => (
        <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>
      ),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 130,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 130,
      responsive: ['md'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      ellipsis: true,
      render: (a: string) => (
        <span title={a}>
          {actionLabel(a, lang)}
          {lang === 'zh-CN' && actionLabel(a, lang) !== a && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {a}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 150,
      responsive: ['sm'],
      render: (_: unknown, e) =>
        e.entityType ? `${entityLabel(e.entityType, lang)}${e.entityId ? ` #${e.entityId}` : ''}` : '—',
    },
    {
      title: t('audit.result'),
      dataIndex: 'success',
      width: 90,
      render: (ok: boolean) =>
        ok ? <Tag color="green">{t('audit.ok')}</Tag> : <Tag color="red">{t('audit.failed')}</Tag>,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button type="primary" icon={<SafetyOutlined />} loading={verifying} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        }
      />
      <Card variant="borderless">
        <FilterBar
          activeCount={
            (['from', 'to', 'action', 'entityType', 'entityId', 'success', 'ip'] as const).filter(
              (k) => filters[k],
            ).length
          }
          more={
            <>
              <Input.Search
                allowClear
                placeholder={t('audit.actor')}
                defaultValue={filters.actor}
                onSearch={(v) => list.setFilters({ actor: v.trim() || undefined })}
              />
              <AutoComplete
                allowClear
                placeholder={t('audit.action')}
                defaultValue={filters.action}
                options={knownActions().map((a) => ({ value: a, label: `${actionLabel(a, lang)}（${a}）` }))}
                filterOption={(input, o) =>
                  String(o?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase())
                }
                onSelect={(v: string) => list.setFilters({ action: v })}
                onChange={(v: string) => {
                  if (!v) list.setFilters({ action: undefined });
                }}
                onBlur={(e) => {
                  const v = (e.target as HTMLInputElement).value.trim();
                  list.setFilters({ action: v || undefined });
                }}
              />
              <Select
                allowClear
                placeholder={t('audit.objectType')}
                value={filters.entityType}
                onChange={(v?: string) => list.setFilters({ entityType: v })}
                options={Object.keys(ENTITY_LABELS).map((k) => ({ value: k, label: entityLabel(k, lang) }))}
              />
              <Input.Search
                allowClear
                placeholder={t('audit.objectId')}
                defaultValue={filters.entityId}
                onSearch={(v) => list.setFilters({ entityId: v.trim() || undefined })}
              />
              <Select
                allowClear
                placeholder={t('audit.result')}
                value={filters.success}
                onChange={(v?: string) => list.setFilters({ success: v })}
                options={[
                  { value: 'true', label: t('audit.ok') },
                  { value: 'false', label: t('audit.failed') },
                ]}
              />
              <Input.Search
                allowClear
                placeholder={t('audit.ip')}
                defaultValue={filters.ip}
                onSearch={(v) => list.setFilters({ ip: v.trim() || undefined })}
              />
            </>
          }
        >
          <DatePicker.RangePicker
            className="filter-wide"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder={[t('audit.from'), t('audit.to')]}
            allowEmpty={[true, true]}
            value={[isoToBeijingPicker(filters.from), isoToBeijingPicker(filters.to)]}
            onChange={(range) =>
              list.setFilters({
                from: range?.[0] ? beijingToIso(range[0]) : undefined,
                to: range?.[1] ? beijingToIso(range[1]) : undefined,
              })
            }
          />
        </FilterBar>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
          {t('audit.timezoneNote')}
        </Typography.Paragraph>
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="seq"
            size="middle"
            columns={columns}
            dataSource={data.data?.items}
            loading={data.isFetching}
            // A fixed minimum width (not max-content): an expanded entry's long hash and JSON must wrap, not widen the table.
            scroll={{ x: 980 }}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
            expandable={{
              expandedRowRender: (e) => (
                <div>
                  <Descriptions
                    size="small"
                    column={{ xs: 1, md: 2 }}
                    items={[
                      { key: 'uid', label: t('audit.actorId'), children: e.actorUserId ?? '—' },
                      { key: 'jid', label: t('audit.jurisdictionId'), children: e.jurisdictionId ?? '—' },
                      {
                        key: 'hash',
                        label: t('audit.hash'),
                        span: 2,
                        children: (
                          <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                            {e.hash}
                          </Typography.Text>
                        ),
                      },
                    ]}
                  />
                  <pre
                    style={{
                      background: '#f6f8fa',
                      padding: 12,
                      borderRadius: 4,
                      margin: '8px 0 0',
                      maxHeight: 320,
                      overflow: 'auto',
                      fontSize: 12,
                      whiteSpace: 'pre-wrap',
                      wordBreak: 'break-all',
                    }}
                  >
                    {JSON.stringify(e.detail, null, 2)}
                  </pre>
                </div>
              ),
            }}
          />
        )}
      </Card>
      <Modal
        open={!!chain}
        title={t('audit.verifyTitle')}
        onCancel={() => setChain(null)}
        footer={<Button onClick={() => setChain(null)}>{t('common.close')}</Button>}
      >
        {chain &&
          (chain.ok ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              title={t('audit.chainOk')}
              description={t('audit.chainOkText', { n: chain.checked, head: chain.headSeq })}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              icon={<CloseCircleOutlined />}
              title={t('audit.chainBroken')}
              description={
                <div>
                  <div>{t('audit.chainBrokenText', { n: chain.checked, head: chain.headSeq })}</div>
                  {chain.problem && (
                    <div style={{ marginTop: 8 }}>
                      {t('audit.problemKind')}：<Typography.Text code>{chain.problem.kind}</Typography.Text>
                      {chain.problem.seq !== undefined && (
                        <>
                          {' '}
                          · {t('audit.seq')} {chain.problem.seq}
                        </>
                      )}
                      {chain.problem.expectedSeq !== undefined && (
                        <>
                          {' '}
                          · {t('audit.expected')} {chain.problem.expectedSeq}
                        </>
                      )}
                      {chain.problem.foundSeq !== undefined && (
                        <>
                          {' '}
                          · {t('audit.found')} {chain.problem.foundSeq}
                        </>
                      )}
                    </div>
                  )}
                </div>
              }
            />
          ))}
      </Modal>
    </div>
  );
}
