/**
 * 网格覆盖: whether every grid has a serving representative. The figures for the jurisdiction
 * chosen (covered, not, the rate), the count by township or street, and the gaps — each grid
 * with its station and any representatives assigned who no longer serve — with the way to
 * assign someone on the grid's page.
 */
import { Link } from 'react-router';
import { Card, Col, Empty, Progress, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getGridCoverage } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { GridCoverage } from '../../api/types.ts';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { numberOrUndefined, useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatRate } from '../../lib/format.ts';

type Gap = GridCoverage['gaps'][number];
type ByJurisdiction = GridCoverage['byJurisdiction'][number];

export function CoveragePage() {
  const { t } = useI18n();
  const list = useListParams(['jurisdictionId'] as const);
  const jurisdictionId = numberOrUndefined(list.filters.jurisdictionId);
  const cov = useQuery({
    queryKey: [...keys.performance, 'coverage', jurisdictionId],
    queryFn: ({ signal }) => getGridCoverage(jurisdictionId, signal),
    placeholderData: keepPreviousData,
  });
  const c = cov.data;
  const gaps: TableColumnsType<Gap> = [
    {
      title: t('perf.cov.grid'),
      key: 'grid',
      render: (_: unknown, g) => (
        <div>
          <Link to={`/org/grids/${g.grid.id}`}>{g.grid.name}</Link>
          <span className="cell-sub" style={{ whiteSpace: 'nowrap' }}>
            {g.grid.code}
          </span>
        </div>
      ),
    },
    {
      title: t('common.jurisdiction'),
      key: 'j',
      responsive: ['sm'],
      render: (_: unknown, g) => g.jurisdiction.name,
    },
    {
      title: t('perf.cov.station'),
      key: 'station',
      responsive: ['md'],
      render: (_: unknown, g) =>
        g.station ? <Link to={`/org/stations/${g.station.id}`}>{g.station.name}</Link> : '—',
    },
    {
      title: t('perf.cov.why'),
      key: 'why',
      width: 150,
      render: (_: unknown, g) =>
        g.inactiveMembers > 0 ? (
          <Tag color="orange">{t('perf.cov.inactive', { n: g.inactiveMembers })}</Tag>
        ) : (
          <Tag color="red">{t('perf.cov.nobody')}</Tag>
        ),
    },
  ];
  const byJ: TableColumnsType<ByJurisdiction> = [
    { title: t('common.jurisdiction'), key: 'j', render: (_: unknown, r) => r.jurisdiction.name },
    { title: t('perf.cov.grids'), dataIndex: 'grids', width: 72, align: 'right' },
    {
      title: t('perf.cov.uncovered'),
      dataIndex: 'uncovered',
      width: 72,
      align: 'right',
      sorter: (a, b) => a.uncovered - b.uncovered,
      sortDirections: ['descend', 'ascend'],
      render: (n: number) => (n > 0 ? <span className="points-neg">{n}</span> : n),
    },
    {
      title: t('perf.cov.rate'),
      key: 'rate',
      width: 120,
      render: (_: unknown, r) => (
        <Progress
          percent={r.grids ? ((r.grids - r.uncovered) / r.grids) * 100 : 0}
          size="small"
          format={(p) => `${Math.round(p ?? 0)}%`}
          strokeColor="#0e7c86"
        />
      ),
    },
  ];
  return (
    <div>
      <PageHeader title={t('nav.perfCoverage')} subtitle={t('perf.cov.subtitle')} />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <JurisdictionTreeSelect
            value={jurisdictionId}
            onChange={(id) => list.setFilters({ jurisdictionId: id })}
            placeholder={t('perf.cov.allScope')}
          />
        </div>
      </Card>
      {cov.isError ? (
        <QueryError error={cov.error} onRetry={() => void cov.refetch()} />
      ) : !c ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : (
        <>
          <div className="kpi-grid kpi-grid-4">
            <Figure title={t('perf.cov.grids')} value={c.totals.grids} color="#1f4e8c" />
            <Figure title={t('perf.cov.covered')} value={c.totals.covered} color="#2e7d32" />
            <Figure
              title={t('perf.cov.uncovered')}
              value={c.totals.uncovered}
              color={c.totals.uncovered ? '#cf1322' : '#8c8c8c'}
            />
            <Figure title={t('perf.cov.rate')} value={formatRate(c.totals.coverageRate)} color="#0e7c86" />
          </div>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card variant="borderless" title={t('perf.cov.gaps', { n: c.gaps.length })}>
                {c.gaps.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.cov.noGaps')} />
                ) : (
                  <Table<Gap>
                    rowKey={(g) => g.grid.id}
                    size="small"
                    columns={gaps}
                    dataSource={c.gaps}
                    pagination={
                      c.gaps.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false
                    }
                  />
                )}
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                  {t('perf.cov.hint')}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card variant="borderless" title={t('perf.cov.byJurisdiction', { scope: c.scope.name })}>
                <Table<ByJurisdiction>
                  rowKey={(r) => r.jurisdiction.id}
                  size="small"
                  columns={byJ}
                  dataSource={c.byJurisdiction}
                  pagination={
                    c.byJurisdiction.length > 15
                      ? { pageSize: 15, size: 'small', showSizeChanger: false }
                      : false
                  }
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

function Figure({ title, value, color }: { title: string; value: number | string; color: string }) {
  return (
    <Card variant="borderless" className="kpi-card kpi-static">
      <div className="kpi-title">{title}</div>
      <div className="kpi-value" style={{ color }}>
        {value}
      </div>
    </Card>
  );
}
