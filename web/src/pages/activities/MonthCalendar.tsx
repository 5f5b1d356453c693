/**
 * A month of activities, Monday first. On a desk each day lists its activities (time and title,
 * coloured by kind; a day with more opens the rest in a pop-over); on a phone each day shows dots
 * and a tap picks the day, whose activities the page lists below the grid.
 */
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { Popover, Spin } from 'antd';
import type { ActivityListItem } from '../../api/types.ts';
import { KIND_COLOR } from '../../components/activityTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { beijingDay, beijingTime, monthGrid, todayBeijing } from './dates.ts';
import { useTypeLabel } from './useActivityTypes.ts';

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SHOWN_PER_DAY = 3;

/** The days an activity covers (most last an afternoon; none more than a week). */
function daysOf(a: ActivityListItem): string[] {
  const first = beijingDay(a.startsAt);
  // An activity ending at midnight does not spill into the next day.
  const last = beijingDay(new Date(Date.parse(a.endsAt) - 1).toISOString());
  const out = [first];
  let d = first;
  for (let i = 0; i < 7 && d < last; i++) {
    const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    out.push(next);
    d = next;
  }
  return out;
}

export function groupByDay(items: readonly ActivityListItem[]): Map<string, ActivityListItem[]> {
  const byDay = new Map<string, ActivityListItem[]>();
  for (const a of items)
    for (const d of daysOf(a)) {
      const list = byDay.get(d) ?? [];
      list.push(a);
      byDay.set(d, list);
    }
  for (const list of byDay.values()) list.sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.id - y.id);
  return byDay;
}

export function MonthCalendar({
  month,
  items,
  loading,
  phone,
  selectedDay,
  onSelectDay,
}: {
  month: string;
  items: readonly ActivityListItem[];
  loading: boolean;
  phone: boolean;
  selectedDay?: string;
  onSelectDay: (day: string) => void;
}) {
  const { t, lang } = useI18n();
  const location = useLocation();
  const typeLabel = useTypeLabel();
  const from = location.pathname + location.search;
  const grid = useMemo(() => monthGrid(month), [month]);
  const byDay = useMemo(() => groupByDay(items), [items]);
  const today = todayBeijing();
  const weekdays = lang === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH;

  const chip = (a: ActivityListItem) => (
    <Link
      key={a.id}
      to={`/activities/${a.id}`}
      state={{ from }}
      className={`cal-chip${a.status !== 'planned' ? ' cal-chip-off' : ''}${a.myStatus ? ' cal-chip-mine' : ''}`}
      style={{ borderInlineStartColor: KIND_COLOR[a.kind] }}
      title={`${beijingTime(a.startsAt)} ${typeLabel(a.typeCode, a.typeLabel)} · ${a.title}`}
    >
      <span className="cal-chip-time">{beijingTime(a.startsAt)}</span>
      {a.title}
    </Link>
  );

  return (
    <Spin spinning={loading}>
      <div className={`cal${phone ? ' cal-phone' : ''}`} role="grid" aria-label={month}>
        {weekdays.map((w, i) => (
          <div key={w} className={`cal-head${i >= 5 ? ' cal-weekend' : ''}`} role="columnheader">
            {w}
          </div>
        ))}
        {grid.map((d) => {
          const list = byDay.get(d.date) ?? [];
          const classes = [
            'cal-day',
            d.inMonth ? '' : 'cal-out',
            d.weekday >= 5 ? 'cal-weekend' : '',
            d.date === today ? 'cal-today' : '',
            phone && d.date === selectedDay ? 'cal-selected' : '',
          ]
            .filter(Boolean)
            .join(' ');
          if (phone)
            return (
              <button
                key={d.date}
                type="button"
                role="gridcell"
                className={classes}
                aria-selected={d.date === selectedDay}
                aria-label={`${d.date} ${t('act.cal.nActivities', { n: list.length })}`}
                onClick={() => onSelectDay(d.date)}
              >
                <span className="cal-num">{d.day}</span>
                {list.length > 0 && (
                  <span className="cal-dots">
                    {list.slice(0, SHOWN_PER_DAY).map((a) => (
                      <span
                        key={a.id}
                        className="cal-dot"
                        style={{ background: a.status === 'planned' ? KIND_COLOR[a.kind] : '#bfbfbf' }}
                      />
                    ))}
                    {list.length > SHOWN_PER_DAY && <span className="cal-more-n">+</span>}
                  </span>
                )}
              </button>
            );
          const rest = list.length - SHOWN_PER_DAY;
          return (
            <div key={d.date} className={classes} role="gridcell">
              <div className="cal-num">{d.day}</div>
              {list.slice(0, rest > 0 ? SHOWN_PER_DAY - 1 : SHOWN_PER_DAY).map(chip)}
              {rest > 0 && (
                <Popover
                  trigger="click"
                  title={t('act.cal.dayTitle', { date: d.date, n: list.length })}
                  content={<div className="cal-pop">{list.map(chip)}</div>}
                >
                  <button type="button" className="cal-more">
                    {t('act.cal.more', { n: rest + 1 })}
                  </button>
                </Popover>
              )}
            </div>
          );
        })}
      </div>
    </Spin>
  );
}
