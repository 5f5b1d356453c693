/**
 * The suggestion lists, one component with two presets: 工作台 (the work lists of the user's roles
 * as tabs, each with its count: a representative's own cases, invitations to co-sign and replies
 * to evaluate; the staff's screening, assignment board, requests, overdue, key and escalated
 * cases; a unit's inbox and cases in hand; a leader's key cases) and 建议台账 (everything in
 * scope, with the filters). Tabs and filters live in the URL.
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Badge, Button, Card, Grid, Result, Space, Tabs, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { answerInvitation, listSuggestions } from '../../api/suggestions.ts';
import { keys } from '../../api/keys.ts';
import type { SuggestionListItem, SuggestionListQuery, SuggestionUserAction } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { pagination, useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { BulkModal } from './BulkModal.tsx';
import { SuggestionActionModal, SUGGESTION_ACTION_LABEL } from './SuggestionActionModal.tsx';
import { SuggestionFilters } from './SuggestionFilters.tsx';
import { SuggestionTable, type SuggestionColumn } from './SuggestionTable.tsx';
import { queryOf, SUGGESTION_FILTER_KEYS, type SuggestionFilterKey } from './filters.ts';
import { VIEW_HINT, VIEW_LABEL, canBulk, workViewsFor, type WorkView } from './views.ts';

export function SuggestionWorkPage() {
  return <SuggestionList preset="work" />;
}

export function SuggestionLedgerPage() {
  return <SuggestionList preset="ledger" />;
}

/** Filters that say nothing in a tab (the unit's own lists need no unit, the state is the tab's). */
const HIDDEN_IN: Partial<Record<WorkView, readonly SuggestionFilterKey[]>> = {
  unit_inbox: ['unitId', 'status', 'replyClass'],
  unit_handling: ['unitId', 'replyClass'],
  screening: ['status', 'unitId', 'replyClass'],
  to_assign: ['status', 'unitId', 'replyClass'],
  to_cosign: ['status', 'unitId', 'replyClass'],
  to_evaluate: ['status'],
};

/** Columns that are empty in a tab: before assignment there is no unit, deadline or evaluation. */
const COLUMNS_HIDDEN_IN: Partial<Record<WorkView, readonly SuggestionColumn[]>> = {
  to_cosign: ['units', 'due', 'rating'],
  screening: ['units', 'due', 'rating'],
  to_assign: ['units', 'due', 'rating'],
  unit_inbox: ['rating'],
  unit_handling: ['rating'],
  requests: ['rating'],
  overdue: ['rating'],
};

/** The bulk action a tab's board offers, and which rows it can take. */
const BULK_OF: Partial<Record<WorkView, 'register' | 'assign'>> = {
  screening: 'register',
  to_assign: 'assign',
};

/** The single-case actions offered on a row of a tab (the rest on the case page). */
const ROW_ACTIONS: Partial<Record<WorkView, readonly SuggestionUserAction[]>> = {
  screening: ['register', 'refuse', 'merge'],
  to_assign: ['assign', 'merge'],
};

function SuggestionList({ preset }: { preset: 'work' | 'ledger' }) {
  const { t } = useI18n();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SUGGESTION_FILTER_KEYS);
  const { filters } = list;
  const roles = user?.roles ?? [];
  const views = workViewsFor(roles);
  const workView: WorkView | undefined = views.includes(filters.view as WorkView)
    ? (filters.view as WorkView)
    : views[0];
  const view: SuggestionListQuery['view'] = preset === 'ledger' ? 'all' : workView;

  const [selected, setSelected] = useState<Map<number, SuggestionListItem>>(new Map());
  const [bulkAction, setBulkAction] = useState<'register' | 'assign' | null>(null);
  const [rowAction, setRowAction] = useState<{ id: number; action: SuggestionUserAction } | null>(null);
  const [answering, setAnswering] = useState<number | null>(null);

  const filterQuery = queryOf(filters);
  const query: SuggestionListQuery = { page: list.page, pageSize: list.pageSize, view, ...filterQuery };
  const data = useQuery({
    queryKey: [...keys.suggestions, 'list', query],
    queryFn: ({ signal }) => listSuggestions(query, signal),
    placeholderData: keepPreviousData,
    enabled: view !== undefined,
  });

  // How many wait in each tab (one small request per tab).
  const counts = useQueries({
    queries: (preset === 'work' ? views : []).map((v) => ({
      queryKey: [...keys.suggestions, 'count', v],
      queryFn: () => listSuggestions({ view: v, page: 1, pageSize: 1 }),
      staleTime: 30_000,
    })),
  });
  const countOf = (v: WorkView) => counts[views.indexOf(v)]?.data?.total;

  const bulk =
    preset === 'work' && can('suggestions.act') && canBulk(roles) && workView ? BULK_OF[workView] : undefined;
  const selection = useMemo(
    () =>
      bulk
        ? {
            keys: [...selected.keys()],
            selectable: (s: SuggestionListItem) =>
              s.status === (bulk === 'register' ? 'SUBMITTED' : 'REGISTERED'),
            onChange: (ids: number[], rows: SuggestionListItem[]) =>
              setSelected((prev) => {
                const next = new Map<number, SuggestionListItem>();
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

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: keys.suggestions });
  };

  const answer = async (s: SuggestionListItem, a: 'accept' | 'decline') => {
    setAnswering(s.id);
    try {
      await answerInvitation(s.id, a);
      void message.success(a === 'accept' ? t('sug.cosign.accepted') : t('sug.cosign.declined'));
      refresh();
    } catch (err) {
      report(err);
    } finally {
      setAnswering(null);
    }
  };

  const rowActionsOf = (v: WorkView | undefined) => {
    if (preset !== 'work' || !v) return undefined;
    if (v === 'to_cosign')
      return (s: SuggestionListItem) => (
        <Space size={6}>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            loading={answering === s.id}
            onClick={() => void answer(s, 'accept')}
          >
            {t('sug.cosign.accept')}
          </Button>
          <Button
            size="small"
            icon={<CloseOutlined />}
            disabled={answering === s.id}
            onClick={() => void answer(s, 'decline')}
          >
            {t('sug.cosign.decline')}
          </Button>
        </Space>
      );
    // The lead unit signs for what was assigned to it right from its inbox (a co-unit does not sign).
    if (v === 'unit_inbox' && can('suggestions.act'))
      return (s: SuggestionListItem) =>
        s.status === 'ASSIGNED' && s.leadUnit?.id === user?.unitId ? (
          <Button
            size="small"
            type="primary"
            ghost
            onClick={() => setRowAction({ id: s.id, action: 'sign' })}
          >
            {t('sug.act.sign')}
          </Button>
        ) : null;
    const offered = ROW_ACTIONS[v];
    if (!offered || !can('suggestions.act') || !roles.includes('congress_staff')) return undefined;
    return (s: SuggestionListItem) => (
      <Space size={4} wrap>
        {offered.map((a) => (
          <Button
            key={a}
            size="small"
            type={a === 'register' || a === 'assign' ? 'primary' : 'default'}
            danger={a === 'refuse'}
            ghost={a === 'register' || a === 'assign'}
            onClick={() => setRowAction({ id: s.id, action: a })}
          >
            {t(SUGGESTION_ACTION_LABEL[a])}
          </Button>
        ))}
      </Space>
    );
  };

  if (preset === 'work' && views.length === 0) {
    return (
      <Result
        status="info"
        title={t('sug.noWorkTitle')}
        subTitle={t('sug.noWorkText')}
        extra={
          <Button type="primary" onClick={() => void navigate('/suggestions/ledger')}>
            {t('nav.sugLedger')}
          </Button>
        }
      />
    );
  }

  const acting = rowAction ? data.data?.items.find((s) => s.id === rowAction.id) : undefined;

  return (
    <div>
      <PageHeader
        title={preset === 'ledger' ? t('nav.sugLedger') : t('nav.sugWork')}
        subtitle={preset === 'ledger' ? t('sug.ledgerSubtitle') : workView && t(VIEW_HINT[workView])}
        extra={
          can('suggestions.draft') && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate('/suggestions/new')}>
              {user?.representativeId ? t('nav.sugNew') : t('sug.paper.title')}
            </Button>
          )
        }
      />
      <Card
        variant="borderless"
        style={{ marginBottom: 16 }}
        styles={{ body: { paddingTop: preset === 'work' ? 4 : undefined } }}
      >
        {preset === 'work' && views.length > 1 && (
          <Tabs
            activeKey={workView}
            onChange={(v) => {
              setSelected(new Map());
              list.setFilters({ view: v });
            }}
            items={views.map((v) => {
              const n = countOf(v);
              return {
                key: v,
                label: (
                  <span>
                    {t(VIEW_LABEL[v])}
                    {n !== undefined && n > 0 && (
                      <Badge
                        count={n}
                        size="small"
                        overflowCount={999}
                        color={v === 'overdue' || v === 'escalated' ? '#cf1322' : '#1f4e8c'}
                        style={{ marginInlineStart: 6 }}
                      />
                    )}
                  </span>
                ),
              };
            })}
          />
        )}
        <SuggestionFilters
          filters={filters}
          setFilters={list.setFilters}
          hide={preset === 'work' && workView ? (HIDDEN_IN[workView] ?? []) : []}
        />
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}>
          <Typography.Text type="secondary">
            {data.data ? t('common.total', { n: data.data.total }) : '\u00a0'}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          {bulk && (
            <Space size={8} wrap>
              {selected.size > 0 && (
                <>
                  <Typography.Text>{t('sug.bulk.selected', { n: selected.size })}</Typography.Text>
                  <Button size="small" type="link" onClick={() => setSelected(new Map())}>
                    {t('sug.bulk.clear')}
                  </Button>
                </>
              )}
              <Tooltip title={bulk === 'assign' ? t('sug.bulk.assignTip') : t('sug.bulk.registerTip')}>
                <Button
                  type="primary"
                  ghost
                  icon={<SendOutlined />}
                  disabled={selected.size === 0}
                  onClick={() => setBulkAction(bulk)}
                >
                  {bulk === 'assign' ? t('sug.bulk.assign') : t('sug.bulk.register')}
                </Button>
              </Tooltip>
            </Space>
          )}
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.refresh')}
              onClick={refresh}
              loading={data.isFetching && !data.isPending}
            />
          </Tooltip>
        </div>
        {data.isError ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : (
          <SuggestionTable
            items={data.data?.items}
            loading={data.isFetching}
            phone={phone}
            selection={selection}
            rowActions={rowActionsOf(workView)}
            actionsWidth={
              workView === 'to_cosign'
                ? 210
                : workView === 'screening'
                  ? 230
                  : workView === 'unit_inbox'
                    ? 100
                    : 160
            }
            hide={preset === 'work' && workView ? (COLUMNS_HIDDEN_IN[workView] ?? []) : []}
            pagination={pagination(t, data.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
      <BulkModal
        action={bulkAction}
        rows={[...selected.values()]}
        onClose={() => setBulkAction(null)}
        onDone={() => {
          setSelected(new Map());
          refresh();
        }}
      />
      {acting && (
        <SuggestionActionModal
          item={acting}
          action={rowAction?.action ?? null}
          onClose={() => setRowAction(null)}
          onConflict={() => data.refetch()}
          onDone={() => {
            setRowAction(null);
            setSelected((prev) => {
              const next = new Map(prev);
              next.delete(acting.id);
              return next;
            });
            refresh();
          }}
        />
      )}
    </div>
  );
}
