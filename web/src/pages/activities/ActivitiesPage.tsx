/**
 * 活动日历: the activities the user sees, as a month (Monday first; on a phone a compact month with
 * the chosen day's activities below) or as a list with a date range; filtered by type, station and
 * group, a representative's own only, cancelled ones too. Staff and liaison officers create
 * activities from here. Everything chosen lives in the URL.
 */
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Grid,
  Segmented,
  Select,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import {
  CalendarOutlined,
  LeftOutlined,
  PlusOutlined,
  ReloadOutlined,
  RightOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ACTIVITY_KINDS } from '../../../../src/modules/activities/activities.domain.ts';
import { listActivities, listActivitiesInRange } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import { KIND_COLOR, KIND_LABEL } from '../../components/activityTags.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { GroupPicker, StationPicker } from '../../components/orgPickers.tsx';
import { numberOrUndefined, pagination, useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { ActivityCards, ActivityList } from './ActivityList.tsx';
import { groupByDay, MonthCalendar } from './MonthCalendar.tsx';
import { beijingDay, isMonth, monthGrid, shiftMonth, todayBeijing } from './dates.ts';
import { ACTIVITY_FILTER_KEYS, NARROWING_KEYS, queryOf, rangeOf } from './filters.ts';
import { useActivityTypes } from './useActivityTypes.ts';

export function ActivitiesPage() {
  const { t, lang } = useI18n();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(ACTIVITY_FILTER_KEYS);
  const { filters, setFilters } = list;
  const types = useActivityTypes();
  const isRep = !!user?.roles.includes('representative') && !!user.representativeId;
  const manages = can('activities.manage');

  const mode = filters.mode === 'list' ? 'list' : 'month';
  const today = todayBeijing();
  const month = isMonth(filters.month) ? filters.month : today.slice(0, 7);
  const grid = useMemo(() => monthGrid(month), [month]);
  const base = queryOf(filters);

  const monthQuery = { ...base, from: grid[0]!.date, to: grid[grid.length - 1]!.date };
  const inMonth = useQuery({
    queryKey: [...keys.activities, 'range', monthQuery],
    queryFn: ({ signal }) => listActivitiesInRange(monthQuery, signal),
    placeholderData: keepPreviousData,
    enabled: mode === 'month',
  });
  const listQuery = { ...base, ...rangeOf(filters), page: list.page, pageSize: list.pageSize };
  const paged = useQuery({
    queryKey: [...keys.activities, 'list', listQuery],
    queryFn: ({ signal }) => listActivities(listQuery, signal),
    placeholderData: keepPreviousData,
    enabled: mode === 'list',
  });
  const current = mode === 'month' ? inMonth : paged;

  const byDay = useMemo(() => groupByDay(inMonth.data?.items ?? []), [inMonth.data]);
  const monthCount = (inMonth.data?.items ?? []).filter((a) =>
    beijingDay(a.startsAt).startsWith(month),
  ).length;
  const selectedDay =
    filters.day && filters.day.startsWith(month)
      ? filters.day
      : today.startsWith(month)
        ? today
        : ([...byDay.keys()].filter((d) => d.startsWith(month)).sort()[0] ?? `${month}-01`);

  const active = NARROWING_KEYS.filter((k) => filters[k]).length;
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.activities });
  const monthTitle =
    lang === 'en'
      ? dayjs(`${month}-01`).format('MMMM YYYY')
      : `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

  return (
    <div>
      <PageHeader
        title={t('nav.actCalendar')}
        subtitle={isRep ? t('act.calendarSubtitleRep') : t('act.calendarSubtitle')}
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/activities/new')}>
              {t('act.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <FilterBar
          activeCount={active}
          more={
            <>
              <StationPicker
                value={numberOrUndefined(filters.stationId)}
                onChange={(id) => setFilters({ stationId: id })}
                placeholder={t('act.filter.station')}
              />
              <GroupPicker
                value={numberOrUndefined(filters.groupId)}
                onChange={(id) => setFilters({ groupId: id })}
                placeholder={t('act.filter.group')}
              />
              {mode === 'list' && (
                <DatePicker.RangePicker
                  className="filter-wide"
                  value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
                  onChange={(v) =>
                    setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
                  }
                  allowEmpty={[true, true]}
                  placeholder={[t('act.filter.from'), t('act.filter.to')]}
                />
              )}
              <div className="filter-checks">
                {isRep && (
                  <Checkbox checked={!!filters.mine} onChange={(e) => setFilters({ mine: e.target.checked })}>
                    {t('act.filter.mine')}
                  </Checkbox>
                )}
                {manages && (
                  <Checkbox
                    checked={!!filters.cancelled}
                    onChange={(e) => setFilters({ cancelled: e.target.checked })}
                  >
                    {t('act.filter.cancelled')}
                  </Checkbox>
                )}
                {active > 0 && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setFilters(Object.fromEntries(NARROWING_KEYS.map((k) => [k, undefined])))}
                  >
                    {t('common.clearFilters')}
                  </Button>
                )}
              </div>
            </>
          }
        >
          <Segmented<'month' | 'list'>
            value={mode}
            onChange={(v) => setFilters({ mode: v === 'list' ? 'list' : undefined })}
            options={[
              { value: 'month', label: t('act.mode.month'), icon: <CalendarOutlined /> },
              { value: 'list', label: t('act.mode.list'), icon: <UnorderedListOutlined /> },
            ]}
            block={phone}
          />
          <Select
            allowClear
            value={filters.typeCode}
            onChange={(v?: string) => setFilters({ typeCode: v })}
            placeholder={t('act.filter.type')}
            loading={types.isPending}
            options={(types.data ?? []).map((x) => ({
              value: x.code,
              label: lang === 'en' ? x.labelEn : x.labelZh,
            }))}
          />
        </FilterBar>
        {mode === 'month' && (
          <div className="cal-toolbar">
            <Space size={4}>
              <Button
                icon={<LeftOutlined />}
                aria-label={t('act.cal.prev')}
                onClick={() => setFilters({ month: shiftMonth(month, -1), day: undefined })}
              />
              <span className="cal-title">{monthTitle}</span>
              <Button
                icon={<RightOutlined />}
                aria-label={t('act.cal.next')}
                onClick={() => setFilters({ month: shiftMonth(month, 1), day: undefined })}
              />
              {!today.startsWith(month) && (
                <Button onClick={() => setFilters({ month: undefined, day: undefined })}>
                  {t('act.cal.today')}
                </Button>
              )}
            </Space>
            <span style={{ flex: 1 }} />
            {!phone && (
              <Space size={12} wrap className="cal-legend">
                {ACTIVITY_KINDS.map((k) => (
                  <span key={k}>
                    <span className="legend-swatch" style={{ background: KIND_COLOR[k] }} />
                    {t(KIND_LABEL[k])}
                  </span>
                ))}
              </Space>
            )}
            <Typography.Text type="secondary">
              {inMonth.data ? t('act.cal.monthCount', { n: monthCount }) : '\u00a0'}
            </Typography.Text>
            <Tooltip title={t('common.refresh')}>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t('common.refresh')}
                onClick={refresh}
                loading={current.isFetching && !current.isPending}
              />
            </Tooltip>
          </div>
        )}
        {current.isError ? (
          <QueryError error={current.error} onRetry={() => void current.refetch()} />
        ) : mode === 'month' ? (
          <MonthCalendar
            month={month}
            items={inMonth.data?.items ?? []}
            loading={inMonth.isFetching}
            phone={phone}
            selectedDay={selectedDay}
            onSelectDay={(day) => setFilters({ day })}
          />
        ) : (
          <ActivityList
            items={paged.data?.items}
            loading={paged.isFetching}
            phone={phone}
            pagination={pagination(t, paged.data?.total, list.page, list.pageSize, list.setPaging)}
          />
        )}
      </Card>
      {mode === 'month' && phone && (
        <Card
          variant="borderless"
          title={t('act.cal.dayTitle', { date: selectedDay, n: byDay.get(selectedDay)?.length ?? 0 })}
          styles={{ body: { padding: 12 } }}
        >
          <ActivityCards
            items={byDay.get(selectedDay) ?? []}
            loading={inMonth.isFetching}
            pagination={false}
            emptyText={t('act.cal.noneThatDay')}
          />
        </Card>
      )}
    </div>
  );
}
