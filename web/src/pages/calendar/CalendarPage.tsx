/**
 * 工作日历: the years the deadlines are counted on and where each year's holidays come from
 * (国务院发布 / 管理员导入 / 未发布). A year not yet published is counted Monday to Friday and its
 * deadlines are marked 暂定; an administrator loads it here (click days, or paste the notice's
 * dates) and can go back to the official arrangement.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Grid,
  Input,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, EyeOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listCalendarYears, resetCalendarYear, saveCalendarYear } from '../../api/calendar.ts';
import { keys } from '../../api/keys.ts';
import type { CalendarYear } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { formatDateTime } from '../../lib/format.ts';
import { parseDates } from './dates.ts';
import { YearGrid, type DayMark } from './YearGrid.tsx';

const SOURCE: Record<CalendarYear['source'], { label: StringKey; color: string }> = {
  official: { label: 'cal.source.official', color: 'green' },
  admin: { label: 'cal.source.admin', color: 'blue' },
  none: { label: 'cal.source.none', color: 'orange' },
};

export function CalendarPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ year: CalendarYear; readOnly: boolean } | null>(null);
  const years = useQuery({ queryKey: keys.calendar, queryFn: listCalendarYears });
  const missing = (years.data ?? []).filter((y) => y.source === 'none');

  const reset = (y: CalendarYear) =>
    modal.confirm({
      title: t('cal.resetTitle', { year: y.year }),
      content: t('cal.resetText'),
      okText: t('cal.reset'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await resetCalendarYear(y.year);
          await qc.invalidateQueries({ queryKey: keys.calendar });
          void message.success(t('cal.resetDone', { year: y.year }));
        } catch (err) {
          report(err);
        }
      },
    });

  const columns: TableColumnsType<CalendarYear> = [
    {
      title: t('cal.year'),
      dataIndex: 'year',
      width: 90,
      render: (y: number) => <Typography.Text strong>{y}</Typography.Text>,
    },
    {
      title: t('cal.source'),
      dataIndex: 'source',
      width: 120,
      render: (s: CalendarYear['source']) => <Tag color={SOURCE[s].color}>{t(SOURCE[s].label)}</Tag>,
    },
    {
      title: t('cal.holidays'),
      key: 'holidays',
      width: 110,
      align: 'right',
      render: (_: unknown, y) => (y.source === 'none' ? '—' : t('cal.nDays', { n: y.holidays.length })),
    },
    {
      title: t('cal.workdays'),
      key: 'workdays',
      width: 110,
      align: 'right',
      render: (_: unknown, y) => (y.source === 'none' ? '—' : t('cal.nDays', { n: y.workdays.length })),
    },
    {
      title: t('cal.note'),
      dataIndex: 'note',
      responsive: ['md'],
      render: (n: string | null, y) =>
        n ?? (y.updatedAt ? '' : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['lg'],
      render: (at: string | null) => (at ? formatDateTime(at, false) : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, y) => (
        <Space size={4} wrap>
          {y.source === 'none' ? (
            <Button
              size="small"
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setEditing({ year: y, readOnly: false })}
            >
              {t('cal.load')}
            </Button>
          ) : (
            <>
              <Button
                size="small"
                icon={<EyeOutlined />}
                onClick={() => setEditing({ year: y, readOnly: true })}
              >
                {t('cal.view')}
              </Button>
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing({ year: y, readOnly: false })}
              >
                {t('common.edit')}
              </Button>
            </>
          )}
          {y.source === 'admin' && (
            <Button size="small" danger icon={<RollbackOutlined />} onClick={() => reset(y)}>
              {t('cal.reset')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('nav.calendar')} subtitle={t('cal.subtitle')} />
      {missing.map((y) => (
        <Alert
          key={y.year}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cal.missingTitle', { year: y.year })}
          description={t('cal.missingText', { year: y.year })}
          action={
            <Button size="small" type="primary" onClick={() => setEditing({ year: y, readOnly: false })}>
              {t('cal.load')}
            </Button>
          }
        />
      ))}
      <Card variant="borderless">
        {years.isError ? (
          <QueryError error={years.error} onRetry={() => void years.refetch()} />
        ) : (
          <Table<CalendarYear>
            rowKey="year"
            columns={columns}
            dataSource={years.data}
            loading={years.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
          {t('cal.footnote')}
        </Typography.Paragraph>
      </Card>
      {editing && (
        <YearEditor
          key={`${editing.year.year}-${editing.readOnly}`}
          year={editing.year}
          readOnly={editing.readOnly}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await qc.invalidateQueries({ queryKey: keys.calendar });
          }}
        />
      )}
    </div>
  );
}

function YearEditor({
  year,
  readOnly,
  onClose,
  onSaved,
}: {
  year: CalendarYear;
  readOnly: boolean;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const screens = Grid.useBreakpoint();
  const [holidays, setHolidays] = useState(() => new Set(year.holidays));
  const [workdays, setWorkdays] = useState(() => new Set(year.workdays));
  const [note, setNote] = useState(year.note ?? '');
  const [paste, setPaste] = useState('');
  const [pasteAs, setPasteAs] = useState<DayMark>('holiday');
  const [saving, setSaving] = useState(false);

  const toggle = (date: string, next: DayMark | null) => {
    const h = new Set(holidays);
    const w = new Set(workdays);
    h.delete(date);
    w.delete(date);
    if (next === 'holiday') h.add(date);
    if (next === 'workday') w.add(date);
    setHolidays(h);
    setWorkdays(w);
  };

  const addPasted = () => {
    const { dates, unreadable } = parseDates(paste, year.year);
    const inYear = dates.filter((d) => d.startsWith(`${year.year}-`));
    const other = dates.length - inYear.length;
    const h = new Set(holidays);
    const w = new Set(workdays);
    for (const d of inYear) {
      if (pasteAs === 'holiday') {
        h.add(d);
        w.delete(d);
      } else {
        w.add(d);
        h.delete(d);
      }
    }
    setHolidays(h);
    setWorkdays(w);
    setPaste('');
    void message.info(t('cal.pasted', { n: inYear.length }));
    if (unreadable.length || other)
      void message.warning(
        t('cal.pasteProblems', {
          list: [...unreadable, ...(other ? [t('cal.otherYear', { n: other })] : [])].join('、'),
        }),
        6,
      );
  };

  const save = async () => {
    setSaving(true);
    try {
      await saveCalendarYear(year.year, {
        holidays: [...holidays].sort(),
        workdays: [...workdays].sort(),
        note: note.trim() || null,
      });
      void message.success(t('cal.saved', { year: year.year }));
      await onSaved();
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };

  const sortedH = useMemo(() => [...holidays].sort(), [holidays]);
  const sortedW = useMemo(() => [...workdays].sort(), [workdays]);

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.lg ? 880 : '100%'}
      title={
        readOnly
          ? t('cal.viewTitle', { year: year.year })
          : year.source === 'none'
            ? t('cal.loadTitle', { year: year.year })
            : t('cal.editTitle', { year: year.year })
      }
      extra={
        !readOnly && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={saving}
              onClick={() => void save()}
              disabled={holidays.size === 0}
            >
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {!readOnly && year.source === 'official' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cal.overrideOfficial')} />
      )}
      <Space size={16} wrap style={{ marginBottom: 12, fontSize: 13 }}>
        <span>
          <span className="legend-swatch" style={{ background: '#fde8e8', border: '1px solid #a8071a' }} />
          {t('cal.holidays')} · {holidays.size}
        </span>
        <span>
          <span className="legend-swatch" style={{ background: '#e3edf9', border: '1px solid #1f4e8c' }} />
          {t('cal.workdays')} · {workdays.size}
        </span>
        {!readOnly && <Typography.Text type="secondary">{t('cal.clickHint')}</Typography.Text>}
      </Space>
      <YearGrid
        year={year.year}
        holidays={holidays}
        workdays={workdays}
        onToggle={readOnly ? undefined : toggle}
      />
      {!readOnly && (
        <Card size="small" title={t('cal.pasteTitle')} style={{ marginTop: 16 }}>
          <Input.TextArea
            rows={3}
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            placeholder={t('cal.pastePh', { year: year.year })}
          />
          <Space style={{ marginTop: 8 }} wrap>
            <Segmented<DayMark>
              value={pasteAs}
              onChange={setPasteAs}
              options={[
                { value: 'holiday', label: t('cal.asHolidays') },
                { value: 'workday', label: t('cal.asWorkdays') },
              ]}
            />
            <Button onClick={addPasted} disabled={!paste.trim()}>
              {t('cal.addPasted')}
            </Button>
          </Space>
        </Card>
      )}
      <div style={{ marginTop: 16 }}>
        <Typography.Text strong>{t('cal.holidays')}</Typography.Text>
        <DateTags dates={sortedH} color="red" onRemove={readOnly ? undefined : (d) => toggle(d, null)} />
        <Typography.Text strong>{t('cal.workdays')}</Typography.Text>
        <DateTags dates={sortedW} color="blue" onRemove={readOnly ? undefined : (d) => toggle(d, null)} />
      </div>
      {!readOnly && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('cal.note')}</Typography.Text>
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('cal.notePh')}
            style={{ marginTop: 4 }}
          />
        </div>
      )}
    </Drawer>
  );
}

function DateTags({
  dates,
  color,
  onRemove,
}: {
  dates: string[];
  color: string;
  onRemove?: (d: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div style={{ margin: '6px 0 12px', display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {dates.length === 0 ? (
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      ) : (
        dates.map((d) => (
          <Tag
            key={d}
            color={color}
            closable={!!onRemove}
            onClose={(e) => {
              e.preventDefault();
              onRemove?.(d);
            }}
            style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
          >
            {d.slice(5)}
          </Tag>
        ))
      )}
    </div>
  );
}
