/**
 * A year at a glance, twelve small months: statutory holidays in red, make-up working days (调休)
 * in blue. When editable, a click on a day cycles it: ordinary → holiday → working day → ordinary.
 */
import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const pad = (n: number) => String(n).padStart(2, '0');

export type DayMark = 'holiday' | 'workday';

export function YearGrid({
  year,
  holidays,
  workdays,
  onToggle,
}: {
  year: number;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  onToggle?: (date: string, next: DayMark | null) => void;
}) {
  const { lang } = useI18n();
  const weekdays =
    lang === 'en' ? ['M', 'T', 'W', 'T', 'F', 'S', 'S'] : ['一', '二', '三', '四', '五', '六', '日'];
  const months = useMemo(
    () =>
      Array.from({ length: 12 }, (_, m) => {
        const first = new Date(Date.UTC(year, m, 1));
        const lead = (first.getUTCDay() + 6) % 7; // Monday first
        const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        return { m, lead, days };
      }),
    [year],
  );
  return (
    <div className="year-grid">
      {months.map(({ m, lead, days }) => (
        <div key={m} className="year-month">
          <div className="year-month-title">
            {lang === 'en'
              ? new Date(Date.UTC(year, m, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })
              : `${m + 1}月`}
          </div>
          <div className="year-days">
            {weekdays.map((w, i) => (
              <span key={`h${i}`} className="year-wd">
                {w}
              </span>
            ))}
            {Array.from({ length: lead }, (_, i) => (
              <span key={`e${i}`} />
            ))}
            {Array.from({ length: days }, (_, i) => {
              const day = i + 1;
              const date = `${year}-${pad(m + 1)}-${pad(day)}`;
              const weekend = (lead + i) % 7 >= 5;
              const mark: DayMark | null = holidays.has(date)
                ? 'holiday'
                : workdays.has(date)
                  ? 'workday'
                  : null;
              const next: DayMark | null = mark === null ? 'holiday' : mark === 'holiday' ? 'workday' : null;
              const cls = ['year-day', weekend && 'weekend', mark, onToggle && 'editable']
                .filter(Boolean)
                .join(' ');
              return onToggle ? (
                <button
                  type="button"
                  key={date}
                  className={cls}
                  title={date}
                  aria-label={date}
                  aria-pressed={mark !== null}
                  onClick={() => onToggle(date, next)}
                >
                  {day}
                </button>
              ) : (
                <span key={date} className={cls} title={date}>
                  {day}
                </span>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}
