/**
 * The opinion lists, one component with two presets: 待办 (the queue of the user's role: triage for
 * congress staff and liaison officers, the unit's inbox, a representative's stations) and 意见台账
 * (everything in scope, with the summary table). Filters live in the URL, so a link from the
 * dashboard or a notice opens the list as it was meant.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Grid, Result, Segmented, Space, Tooltip, Typography } from 'antd';
import { EditOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOpinions } from '../../api/opinions.ts';
import { keys } from '../../api/keys.ts';
import type { OpinionListItem, OpinionListQuery } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { pagination, useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { BulkAssignModal } from './BulkAssignModal.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { LedgerSummaryCard } from './LedgerSummaryCard.tsx';
import { OpinionFilters } from './OpinionFilters.tsx';
import { OpinionTable } from './OpinionTable.tsx';
import { OPINION_FILTER_KEYS, NARROWING_KEYS, queryOf, type OpinionFilterKey } from './filters.ts';
import { canBulkAssign, queueViewsFor, type QueueView } from './views.ts';

export function OpinionTodoPage() {
  return <OpinionList preset="todo" />;
}

export function OpinionLedgerPage() {
  return <OpinionList preset="ledger" />;
}

const VIEW_LABEL: Record<QueueView, StringKey> = {
  triage: 'op.view.triage',
  unit: 'op.view.unit',
  representative: 'op.view.representative',
};
const VIEW_HINT: Record<QueueView, StringKey> = {
  triage: 'op.view.triageHint',
  unit: 'op.view.unitHint',
  representative: 'op.view.representativeHint',
};

/** Filters that say nothing in a view (a unit's inbox is one unit's). */
const HIDDEN_IN: Record<NonNullable<OpinionListQuery['view']>, readonly OpinionFilterKey[]> = {
  triage: [],
  unit: ['unitId'],
  representative: ['representativeId'],
  all: [],
};

function OpinionList({ preset }: { preset: 'todo' | 'ledger' }) {
  const { t } = useI18n();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(OPINION_FILTER_KEYS);
  const { filters } = list;
  const roles = user?.roles ?? [];
  const views = queueViewsFor(roles);
  const queueView: QueueView | undefined = views.includes(filters.view as QueueView)
    ? (filters.view as QueueView)
    : views[0];
  const view: OpinionListQuery['view'] = preset === 'ledger' ? 'all' : queueView;

  const [selected, setSelected] = useState<Map<number, OpinionListItem>>(new Map());
  const [assigning, setAssigning] = useState(false);

  const filterQuery = queryOf(filters);
  const query: OpinionListQuery = { page: list.page, pageSize: list.pageSize, view, ...filterQuery };
  const data = useQuery({
    queryKey: [...keys.opinions, 'list', query],
    queryFn: ({ signal }) => listOpinions(query, signal),
    placeholderData: keepPreviousData,
    enabled: view !== undefined,
  });

  const bulk = can('opinions.act') && canBulkAssign(roles) && (view === 'triage' || view === 'all');
  const selection = useMemo(
    () =>
      bulk
        ? {
            keys: [...selected.keys()],
            selectable: (o: OpinionListItem) => o.status === 'ACCEPTED',
            onChange: (ids: number[], rows: OpinionListItem[]) =>
              setSelected((prev) => {
                const next = new Map<number, OpinionListItem>();
                for (const id of ids) {
                  const row = rows.find((r) => r.id === id) ?? prev.get(id);
                  if (row) next.set(id, row);
                }
                return next;
              }),
          }
        : undefined,
    [bulk, selected],
  );

  if (preset === 'todo' && views.length === 0) {
    return (
      <Result
        status="info"
        title={t('op.noQueueTitle')}
        subTitle={t('op.noQueueText')}
        extra={
          <Button type="primary" onClick={() => void navigate('/opinions/ledger')}>
            {t('nav.ledger')}
          </Button>
        }
      />
    );
  }

  const clear = () =>
    list.setFilters(
      Object.fromEntries(NARROWING_KEYS.map((k) => [k, undefined])) as Record<string, undefined>,
    );

  const { sort: _sort, ...exportFilters } = filterQuery;

  return (
    <div>
      <PageHeader
        title={preset === 'ledger' ? t('nav.ledger') : t('nav.todo')}
        subtitle={preset === 'ledger' ? t('op.ledgerSubtitle') : queueView && t(VIEW_HINT[queueView])}
        extra={
          <>
            <ExportMenu query={{ ...exportFilters, view }} />
            {can('opinions.intake') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate('/opinions/new')}>
                {t('nav.intake')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        {preset === 'todo' && views.length > 1 && (
          <Segmented<QueueView>
            style={{ marginBottom: 12 }}
            value={queueView}
            onChange={(v) => {
              setSelected(new Map());
              list.setFilters({ view: v });
            }}
            options={views.map((v) => ({ value: v, label: t(VIEW_LABEL[v]) }))}
          />
        )}
        <OpinionFilters
          filters={filters}
          setFilters={list.setFilters}
          onClear={clear}
          hide={view ? HIDDEN_IN[view] : []}
        />
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            gap: 8,
            marginBottom: 12,
          }}
        >
          <Typography.Text type="secondary">
            {data.data ? t('common.total', { n: data.data.total }) : '\u00a0'}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          {bulk && (
            <Space size={8} wrap>
              {selected.size > 0 && (
                <>
                  <Typography.Text>{t('op.bulk.selected', { n: selected.size })}</Typography.Text>
                  <Button size="small" type="link" onClick={() => setSelected(new Map())}>
                    {t('op.bulk.clear')}
                  </Button>
                </>
              )}
              <Tooltip title={t('op.bulk.hint')}>
                <Button
                  type="primary"
                  ghost
                  icon={<SendOutlined />}
                  disabled={selected.size === 0}
                  onClick={() => setAssigning(true)}
                >
                  {t('op.bulk.button')}
                </Button>
              </Tooltip>
            </Space>
          )}
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.refresh')}
              onClick={() => void data.refetch()}
              loading={data.isFetching && !data.isPending}
            />
          </Tooltip>
        </div>
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : (
          <OpinionTable
            items={data.data?.items}
            loading={data.isFetching}
            phone={phone}
            selection={selection}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
      {preset === 'ledger' && can('dashboard.read') && (
        <LedgerSummaryCard filters={filters} setFilters={list.setFilters} />
      )}
      {preset === 'todo' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('op.todoFooter')} <Link to="/opinions/ledger">{t('nav.ledger')}</Link>
        </Typography.Paragraph>
      )}
      <BulkAssignModal
        open={assigning}
        rows={[...selected.values()]}
        onClose={() => setAssigning(false)}
        onDone={() => {
          setSelected(new Map());
          void qc.invalidateQueries({ queryKey: keys.opinions });
        }}
      />
    </div>
  );
}
