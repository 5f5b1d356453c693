/**
 * A disclosure (履职公示) as the public will read it: the station or representative, the month's
 * activities with who was there, activities by type, the opinions received, answered and solved
 * with the satisfaction rate, and — for a representative — attendance and suggestions.
 */
import { Card, Col, Descriptions, Empty, Grid, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DisclosureContent } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime, formatRate } from '../../lib/format.ts';
import { timeRange } from '../activities/dates.ts';

type ActivityRow = DisclosureContent['activities'][number];

export function DisclosureContentView({ c }: { c: DisclosureContent }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const o = c.opinions;
  const columns: TableColumnsType<ActivityRow> = [
    {
      title: t('act.when'),
      key: 'when',
      width: 170,
      render: (_: unknown, a) => timeRange(a.startsAt, a.endsAt),
    },
    {
      title: t('act.activity'),
      key: 'title',
      render: (_: unknown, a) => (
        <div>
          <Space size={4} wrap>
            <Tag style={{ marginInlineEnd: 0 }}>{a.typeLabel}</Tag>
            {a.title}
            {a.hosted && <Tag color="magenta">{t('act.role.host')}</Tag>}
          </Space>
          {a.place && <span className="cell-sub">{a.place}</span>}
        </div>
      ),
    },
    {
      title: t('perf.disc.present'),
      key: 'present',
      width: 200,
      render: (_: unknown, a) => (
        <span>
          <b>{a.present}</b>
          {a.representatives.length > 0 && (
            <span className="cell-sub" style={{ display: 'inline', marginInlineStart: 6 }}>
              {a.representatives.join('、')}
            </span>
          )}
        </span>
      ),
    },
  ];
  return (
    <div className="disclosure-content">
      <Descriptions
        size="small"
        column={screens.md ? 2 : 1}
        items={[
          { key: 'name', label: t('perf.disc.subject'), children: c.subject.name },
          { key: 'where', label: t('common.jurisdiction'), children: c.subject.jurisdictionName },
          { key: 'month', label: t('perf.disc.month'), children: c.month },
          { key: 'asOf', label: t('perf.disc.asOf'), children: formatDateTime(c.asOf, false) },
          ...(c.subject.description
            ? [
                {
                  key: 'desc',
                  label: t('common.description'),
                  span: screens.md ? 2 : 1,
                  children: c.subject.description,
                },
              ]
            : []),
        ]}
      />
      <Row gutter={[12, 12]} style={{ margin: '12px 0' }}>
        <Col xs={12} md={6}>
          <Figure title={t('perf.disc.activities')} value={c.activities.length} />
        </Col>
        <Col xs={12} md={6}>
          <Figure
            title={t('perf.disc.received')}
            value={o.received}
            sub={t('perf.disc.replied', { n: o.replied })}
          />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('perf.disc.solved')} value={o.solved} />
        </Col>
        <Col xs={12} md={6}>
          <Figure
            title={t('perf.disc.satisfaction')}
            value={formatRate(o.satisfactionRate)}
            sub={t('perf.disc.rated', {
              n: o.rated,
              s: o.satisfied,
              b: o.basicallySatisfied,
              u: o.unsatisfied,
            })}
          />
        </Col>
      </Row>
      {(c.attendance || c.suggestions) && (
        <Typography.Paragraph>
          {c.attendance &&
            t('perf.disc.attendance', {
              i: c.attendance.invited,
              a: c.attendance.attended,
              l: c.attendance.leave,
            })}
          {c.attendance && c.suggestions && (lang === 'en' ? '; ' : '；')}
          {c.suggestions && t('perf.disc.suggestions', { l: c.suggestions.led, c: c.suggestions.cosigned })}
        </Typography.Paragraph>
      )}
      {c.activitiesByType.length > 0 && (
        <Space size={[6, 6]} wrap style={{ marginBottom: 12 }}>
          {c.activitiesByType.map((b) => (
            <Tag key={b.label} style={{ marginInlineEnd: 0 }}>
              {b.label} <b>{b.count}</b>
            </Tag>
          ))}
        </Space>
      )}
      {c.activities.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.disc.noActivities')} />
      ) : (
        <Table<ActivityRow>
          rowKey={(a) => `${a.startsAt}-${a.title}`}
          size="small"
          columns={columns}
          dataSource={c.activities}
          pagination={false}
          scroll={{ x: 560 }}
        />
      )}
      {o.byCategory.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('perf.disc.byCategory')}</Typography.Text>{' '}
          <Space size={[6, 6]} wrap>
            {o.byCategory.map((b) => (
              <Tag key={b.label} color="blue" style={{ marginInlineEnd: 0 }}>
                {b.label} {b.count}
              </Tag>
            ))}
          </Space>
        </div>
      )}
    </div>
  );
}

function Figure({ title, value, sub }: { title: string; value: number | string; sub?: string }) {
  return (
    <Card size="small" className="kpi-static disclosure-figure">
      <div className="kpi-title">{title}</div>
      <div className="kpi-value" style={{ fontSize: 22 }}>
        {value}
      </div>
      {sub && <div className="kpi-sub">{sub}</div>}
    </Card>
  );
}
