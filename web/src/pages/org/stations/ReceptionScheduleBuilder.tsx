/**
 * The reception day builder: pick a pattern in words people use, see the rule described in
 * Chinese (or English) and the next dates it gives. Its value is the RRULE string (or null).
 */
import { useMemo, useState } from 'react';
import { Alert, Checkbox, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import {
  describeReceptionRule,
  nextReceptionDates,
  parseReceptionRule,
} from '../../../../../src/lib/recurrence.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { fromRule, toRule, type MonthFilter, type Schedule, type ScheduleMode } from './receptionRule.ts';

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function ReceptionScheduleBuilder({
  value,
  onChange,
  start,
  end,
}: {
  value?: string | null;
  onChange?: (rule: string | null) => void;
  start?: string | null;
  end?: string | null;
}) {
  const { t, lang, label } = useI18n();
  // The builder keeps its own state (an incomplete choice has no rule yet) and reports the rule up.
  const [schedule, setSchedule] = useState<Schedule>(() => fromRule(value));
  const [seenValue, setSeenValue] = useState(value ?? null);
  if ((value ?? null) !== seenValue) {
    // The form changed the value from outside (loading a station): read it again.
    setSeenValue(value ?? null);
    if ((value ?? null) !== toRule(schedule)) setSchedule(fromRule(value));
  }

  const update = (patch: Partial<Schedule>) => {
    const next = { ...schedule, ...patch };
    setSchedule(next);
    const rule = toRule(next);
    setSeenValue(rule);
    onChange?.(rule);
  };

  const weekdayName = (d: number) => (lang === 'en' ? WEEKDAYS_EN[d] : `星期${WEEKDAYS_ZH[d]}`);
  const weekdayOptions = WEEKDAYS_ZH.map((_, d) => ({
    value: d,
    label: lang === 'en' ? WEEKDAYS_EN[d]! : `周${WEEKDAYS_ZH[d]}`,
  }));

  const rule = toRule(schedule);
  const preview = useMemo(() => {
    if (!rule) return null;
    const parsed = parseReceptionRule(rule);
    if (!parsed.ok) return { ok: false as const, message: label(parsed.message) };
    return {
      ok: true as const,
      text: label(describeReceptionRule(rule, start, end)),
      next: nextReceptionDates(rule, beijingToday(), 4),
    };
  }, [rule, start, end, label]);

  const modes: { value: ScheduleMode; label: string }[] = [
    { value: 'none', label: t('sched.none') },
    { value: 'weekly', label: t('sched.weekly') },
    { value: 'monthlyNth', label: t('sched.monthlyNth') },
    { value: 'monthlyDay', label: t('sched.monthlyDay') },
    { value: 'custom', label: t('sched.custom') },
  ];

  return (
    <div style={{ border: '1px solid #e5e8ee', borderRadius: 6, padding: 12, background: '#fafbfc' }}>
      <Radio.Group
        value={schedule.mode}
        onChange={(e) => {
          const mode = e.target.value as ScheduleMode;
          update({ mode, ...(mode === 'custom' && !schedule.raw ? { raw: rule ?? '' } : {}) });
        }}
        options={modes}
        optionType="button"
        buttonStyle="solid"
        size="small"
        style={{ marginBottom: 12, display: 'flex', flexWrap: 'wrap', gap: 4 }}
      />
      {schedule.mode === 'weekly' && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
            {t('sched.every')}
          </Typography.Text>
          <Checkbox.Group
            options={weekdayOptions}
            value={schedule.weekdays}
            onChange={(v) => update({ weekdays: v })}
          />
        </div>
      )}
      {schedule.mode === 'monthlyNth' && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('sched.eachMonth')}</Typography.Text>
          <Select<number>
            value={schedule.nth}
            aria-label={t('sched.nthLabel')}
            style={{ width: 120 }}
            onChange={(nth) => update({ nth })}
            options={[1, 2, 3, 4, 5, -1].map((n) => ({
              value: n,
              label: n === -1 ? t('sched.last') : t('sched.nth', { n }),
            }))}
          />
          <Select<number>
            value={schedule.nthWeekday}
            aria-label={t('sched.weekdayLabel')}
            style={{ width: 110 }}
            onChange={(nthWeekday) => update({ nthWeekday })}
            options={WEEKDAYS_ZH.map((_, d) => ({ value: d, label: weekdayName(d) }))}
          />
        </Space>
      )}
      {schedule.mode === 'monthlyDay' && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('sched.eachMonth')}</Typography.Text>
          <Select<number[]>
            mode="multiple"
            value={schedule.days}
            style={{ minWidth: 200 }}
            placeholder={t('sched.pickDays')}
            aria-label={t('sched.pickDays')}
            onChange={(days) => update({ days })}
            options={Array.from({ length: 28 }, (_, i) => ({
              value: i + 1,
              label: lang === 'en' ? `Day ${i + 1}` : `${i + 1}日`,
            }))}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sched.daysHint')}
          </Typography.Text>
        </Space>
      )}
      {(schedule.mode === 'weekly' || schedule.mode === 'monthlyNth' || schedule.mode === 'monthlyDay') && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
            {t('sched.months')}
          </Typography.Text>
          <Radio.Group
            value={schedule.months}
            onChange={(e) => update({ months: e.target.value as MonthFilter })}
            options={[
              { value: 'all', label: t('sched.allMonths') },
              { value: 'odd', label: t('sched.oddMonths') },
              { value: 'even', label: t('sched.evenMonths') },
            ]}
          />
        </div>
      )}
      {schedule.mode === 'custom' && (
        <Input
          style={{ marginBottom: 8, fontFamily: 'monospace' }}
          value={schedule.raw}
          placeholder="FREQ=MONTHLY;BYDAY=+3TU"
          onChange={(e) => update({ raw: e.target.value.toUpperCase() })}
        />
      )}
      {schedule.mode !== 'none' && !rule && (
        <Typography.Text type="warning">{t('sched.incomplete')}</Typography.Text>
      )}
      {preview &&
        (preview.ok ? (
          <Alert
            type="info"
            showIcon
            icon={<CalendarOutlined />}
            title={<span style={{ fontWeight: 600 }}>{preview.text}</span>}
            description={
              <span>
                {t('sched.next')}{' '}
                {preview.next.map((d) => (
                  <Tag key={d} style={{ marginBottom: 2 }}>
                    {d}
                  </Tag>
                ))}
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12, fontFamily: 'monospace', display: 'block', marginTop: 4 }}
                >
                  {rule}
                </Typography.Text>
              </span>
            }
          />
        ) : (
          <Alert type="error" showIcon title={preview.message} />
        ))}
    </div>
  );
}
