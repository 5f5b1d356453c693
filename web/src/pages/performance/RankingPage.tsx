/**
 * 履职评价: the members of a congress ranked by their score for a year — the three parts against
 * their caps and the yearly requirements not yet met — under the rule set in force (its version
 * and when it was last computed). Staff recompute, open the rules, and pick representatives from
 * the ranking for an honour (履职之星). Each name opens the score card with every point linked.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Grid,
  Input,
  Pagination,
  Progress,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ControlOutlined, ReloadOutlined, StarOutlined, SyncOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRanking, getRules, recompute } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { RankingItem } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { pagination, useListParams } from '../../components/paging.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { AwardModal } from './AwardModal.tsx';
import { CATEGORY_COLOR, fmtPoints } from './score.ts';
import { CongressYearSelects, useCongressYear } from './useCongressYear.tsx';

export function RankingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const scope = useCongressYear();
  const list = useListParams(['q'] as const, 20);
  const [q, setQ] = useState(list.filters.q ?? '');
  const query = useDebounced(q.trim(), 300);
  const manage = can('performance.manage');
  const [selected, setSelected] = useState<Map<number, RankingItem>>(new Map());
  const [awarding, setAwarding] = useState(false);
  const [recomputing, setRecomputing] = useState(false);
  const { congressId, year } = scope;

  const rules = useQuery({
    queryKey: [...keys.performance, 'rules', congressId, year],
    queryFn: () => getRules({ congressId: congressId!, year }),
    enabled: !!congressId,
  });
  const rankingQuery = {
    congressId: congressId!,
    year,
    q: query || undefined,
    page: list.page,
    pageSize: list.pageSize,
  };
  const ranking = useQuery({
    queryKey: [...keys.performance, 'ranking', rankingQuery],
    queryFn: ({ signal }) => getRanking(rankingQuery, signal),
    enabled: !!congressId,
    placeholderData: keepPreviousData,
  });
  const caps = rules.data?.rules.caps;
  const capTotal = caps ? caps.participation + caps.suggestions + caps.solving : 100;
  const set = ranking.data?.ruleSet;

  const doRecompute = async () => {
    if (!congressId) return;
    setRecomputing(true);
    try {
      const r = await recompute(congressId, year);
      void message.success(t('perf.recomputed', { n: r.representatives, m: r.entries }));
      await qc.invalidateQueries({ queryKey: keys.performance });
    } catch (err) {
      report(err);
    } finally {
      setRecomputing(false);
    }
  };

  const cardLink = (r: RankingItem) =>
    `/performance/representatives/${r.representative.id}?congressId=${congressId}&year=${year}`;
  const part = (value: number, cap: number | undefined, color: string) => (
    <div className="score-part">
      <span className="score-part-n">{fmtPoints(value)}</span>
      {cap !== undefined && (
        <Progress percent={cap ? (value / cap) * 100 : 0} showInfo={false} size="small" strokeColor={color} />
      )}
    </div>
  );
  const unmet = (r: RankingItem) =>
    r.unmet.length === 0 ? (
      <Tag color="green">{t('perf.allMet', { n: r.requirementsMet, m: r.requirementsTotal })}</Tag>
    ) : (
      <Space size={[4, 4]} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.requirementsMet}/{r.requirementsTotal}
        </Typography.Text>
        {r.unmet.map((u) => (
          <Tag key={u} color="red" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
            {u}
          </Tag>
        ))}
      </Space>
    );

  const columns: TableColumnsType<RankingItem> = [
    {
      title: t('perf.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (rank: number) => <span className={`rank rank-${rank <= 3 ? rank : 'n'}`}>{rank}</span>,
    },
    {
      title: t('act.representative'),
      key: 'name',
      width: 120,
      render: (_: unknown, r) => <Link to={cardLink(r)}>{r.representative.name}</Link>,
    },
    {
      title: t('perf.total'),
      dataIndex: 'total',
      width: 150,
      render: (v: number) => (
        <div className="score-part">
          <span className="score-total">{fmtPoints(v)}</span>
          <Progress percent={(v / capTotal) * 100} showInfo={false} size="small" strokeColor="#a8071a" />
        </div>
      ),
    },
    {
      title: t('perf.cat.participation'),
      dataIndex: 'participation',
      width: 110,
      responsive: ['lg'],
      render: (v: number) => part(v, caps?.participation, CATEGORY_COLOR.participation),
    },
    {
      title: t('perf.cat.suggestions'),
      dataIndex: 'suggestions',
      width: 110,
      responsive: ['lg'],
      render: (v: number) => part(v, caps?.suggestions, CATEGORY_COLOR.suggestions),
    },
    {
      title: t('perf.cat.solving'),
      dataIndex: 'solving',
      width: 110,
      responsive: ['lg'],
      render: (v: number) => part(v, caps?.solving, CATEGORY_COLOR.solving),
    },
    { title: t('perf.requirements'), key: 'req', render: (_: unknown, r) => unmet(r) },
  ];

  const rowSelection = useMemo(
    () =>
      manage
        ? {
            selectedRowKeys: [...selected.keys()],
            onChange: (ids: React.Key[], rows: RankingItem[]) =>
              setSelected((prev) => {
                const next = new Map<number, RankingItem>();
                for (const id of ids) {
                  const row = rows.find((r) => r.representative.id === id) ?? prev.get(Number(id));
                  if (row) next.set(Number(id), row);
                }
                return next;
              }),
            preserveSelectedRowKeys: true,
          }
        : undefined,
    [manage, selected],
  );

  return (
    <div>
      <PageHeader
        title={t('nav.perfRanking')}
        subtitle={
          scope.congressName ? `${scope.congressName} · ${t('sug.yearN', { n: year })}` : t('perf.subtitle')
        }
        extra={
          <>
            <Button
              icon={<ControlOutlined />}
              onClick={() => void navigate(`/performance/rules?${scope.params.toString()}`)}
            >
              {t('nav.perfRules')}
            </Button>
            {manage && (
              <Tooltip title={t('perf.recomputeTip')}>
                <Button icon={<SyncOutlined />} loading={recomputing} onClick={() => void doRecompute()}>
                  {t('perf.recompute')}
                </Button>
              </Tooltip>
            )}
          </>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <CongressYearSelects scope={scope} />
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              list.setFilters({ q: e.target.value.trim() || undefined });
            }}
            placeholder={t('perf.searchName')}
          />
        </div>
      </Card>
      {!congressId && !scope.loading ? (
        <Card variant="borderless">
          <Typography.Text type="secondary">{t('perf.noCongress')}</Typography.Text>
        </Card>
      ) : ranking.isError ? (
        <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <Card
          variant="borderless"
          title={
            set ? (
              set.id === null ? (
                t('perf.noRuleSet')
              ) : (
                <span>
                  {t('perf.ruleVersion', { v: set.version })}
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, fontWeight: 400, marginInlineStart: 8 }}
                  >
                    {set.computedAt
                      ? t('perf.computedAt', { at: formatDateTime(set.computedAt, false) })
                      : t('perf.notComputed')}
                  </Typography.Text>
                </span>
              )
            ) : (
              '\u00a0'
            )
          }
          extra={
            <Space size={8} wrap>
              {manage && !phone && selected.size > 0 && (
                <Button type="link" size="small" onClick={() => setSelected(new Map())}>
                  {t('sug.bulk.clear')}
                </Button>
              )}
              {/* Honours are picked from the table's check boxes, which the phone's cards do not have. */}
              {manage && !phone && (
                <Button
                  type="primary"
                  icon={<StarOutlined />}
                  disabled={selected.size === 0}
                  onClick={() => setAwarding(true)}
                >
                  {t('perf.award', { n: selected.size })}
                </Button>
              )}
              <Tooltip title={t('common.refresh')}>
                <Button
                  icon={<ReloadOutlined />}
                  aria-label={t('common.refresh')}
                  onClick={() => void qc.invalidateQueries({ queryKey: keys.performance })}
                />
              </Tooltip>
            </Space>
          }
        >
          {set?.id === null && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('perf.noRuleSetText')}
              action={
                <Button
                  size="small"
                  onClick={() => void navigate(`/performance/rules?${scope.params.toString()}`)}
                >
                  {t('nav.perfRules')}
                </Button>
              }
            />
          )}
          {phone ? (
            <Spin spinning={ranking.isFetching}>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {(ranking.data?.items ?? []).map((r) => (
                  <Card
                    key={r.representative.id}
                    size="small"
                    hoverable
                    onClick={() => void navigate(cardLink(r))}
                  >
                    <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
                      <span className={`rank rank-${r.rank <= 3 ? r.rank : 'n'}`}>{r.rank}</span>
                      <span style={{ fontWeight: 600, flex: 1 }}>{r.representative.name}</span>
                      <span className="score-total">{fmtPoints(r.total)}</span>
                    </div>
                    <div className="cell-sub" style={{ margin: '4px 0' }}>
                      {t('perf.cat.participation')} {fmtPoints(r.participation)} · {t('perf.cat.suggestions')}{' '}
                      {fmtPoints(r.suggestions)} · {t('perf.cat.solving')} {fmtPoints(r.solving)}
                    </div>
                    {unmet(r)}
                  </Card>
                ))}
              </div>
              {(ranking.data?.total ?? 0) > list.pageSize && (
                <div style={{ display: 'flex', justifyContent: 'center', marginTop: 12 }}>
                  <Pagination
                    simple
                    size="small"
                    current={list.page}
                    pageSize={list.pageSize}
                    total={ranking.data?.total}
                    onChange={list.setPaging}
                  />
                </div>
              )}
            </Spin>
          ) : (
            <Table<RankingItem>
              rowKey={(r) => r.representative.id}
              size="middle"
              columns={columns}
              dataSource={ranking.data?.items}
              loading={ranking.isFetching}
              rowSelection={rowSelection}
              pagination={pagination(t, ranking.data?.total, list.page, list.pageSize, list.setPaging)}
              locale={{ emptyText: t('common.empty') }}
            />
          )}
        </Card>
      )}
      {congressId && (
        <AwardModal
          open={awarding}
          congressId={congressId}
          congressName={scope.congressName}
          year={year}
          people={[...selected.values()].map((r) => ({
            id: r.representative.id,
            name: r.representative.name,
            score: r.total,
          }))}
          onClose={() => setAwarding(false)}
          onDone={() => {
            setAwarding(false);
            setSelected(new Map());
            void navigate(`/performance/honours?${scope.params.toString()}`);
          }}
        />
      )}
    </div>
  );
}
