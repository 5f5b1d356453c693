/**
 * 履职之星: the honours awarded for a congress and year, each with the score it was awarded on and
 * the rule set version that score came from, and the citation. Honours are awarded from the
 * ranking (pick the representatives there), so the way in for staff is the ranking.
 */
import { Link, useNavigate } from 'react-router';
import { Button, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { OrderedListOutlined, StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { listHonours } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { HonourView } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { fmtPoints } from './score.ts';
import { CongressYearSelects, useCongressYear } from './useCongressYear.tsx';

export function HonoursPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const scope = useCongressYear();
  const { congressId, year } = scope;
  const honours = useQuery({
    queryKey: [...keys.performance, 'honours', congressId, year],
    queryFn: () => listHonours({ congressId: congressId!, year }),
    enabled: !!congressId,
  });
  const items = honours.data?.items ?? [];
  // One section per title (履职之星, and any other the staff named).
  const byTitle = new Map<string, HonourView[]>();
  for (const h of items) byTitle.set(h.title, [...(byTitle.get(h.title) ?? []), h]);

  return (
    <div>
      <PageHeader
        title={t('nav.perfHonours')}
        subtitle={t('perf.honour.subtitle')}
        extra={
          can('performance.manage') && (
            <Button
              type="primary"
              icon={<OrderedListOutlined />}
              onClick={() => void navigate(`/performance?${scope.params.toString()}`)}
            >
              {t('perf.honour.fromRanking')}
            </Button>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <CongressYearSelects scope={scope} />
        </div>
      </Card>
      {honours.isError ? (
        <QueryError error={honours.error} onRetry={() => void honours.refetch()} />
      ) : honours.isPending && congressId ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : items.length === 0 ? (
        <Card variant="borderless">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.honour.none', { year })} />
        </Card>
      ) : (
        [...byTitle.entries()].map(([title, list]) => (
          <Card
            key={title}
            variant="borderless"
            style={{ marginBottom: 16 }}
            title={
              <Space>
                <StarFilled style={{ color: '#d4a106' }} />
                {title}
                <Tag>{t('perf.honour.n', { n: list.length })}</Tag>
              </Space>
            }
          >
            <Row gutter={[12, 12]}>
              {list.map((h) => (
                <Col key={h.id} xs={24} sm={12} xl={8}>
                  <div className="honour-card">
                    <div className="honour-head">
                      <StarFilled className="honour-star" />
                      <Link
                        to={`/performance/representatives/${h.representative.id}?congressId=${h.congress.id}&year=${h.year}`}
                        className="honour-name"
                      >
                        {h.representative.name}
                      </Link>
                      <span style={{ flex: 1 }} />
                      <span className="score-total">{fmtPoints(h.score)}</span>
                    </div>
                    {h.citation && (
                      <Typography.Paragraph className="user-text honour-citation">
                        {h.citation}
                      </Typography.Paragraph>
                    )}
                    <div className="cell-sub">
                      {t('perf.honour.meta', {
                        v: h.ruleSet.version,
                        at: formatDateTime(h.awardedAt, false),
                      })}
                    </div>
                  </div>
                </Col>
              ))}
            </Row>
          </Card>
        ))
      )}
    </div>
  );
}
