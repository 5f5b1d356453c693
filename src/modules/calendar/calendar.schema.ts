/** The working-day calendar an administrator maintains. */
import { Type, type Static } from 'typebox';
import { DateString, LongText, Nullable, StringEnum } from '../../platform/http/schemas.ts';

export const CalendarYearView = Type.Object({
  year: Type.Integer(),
  /** official: from the State Council's published arrangement (chinese-days); admin: loaded here; none: not known. */
  source: StringEnum(['official', 'admin', 'none'] as const),
  holidays: Type.Array(Type.String()),
  workdays: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});

export const YearParams = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

export const SaveCalendarYearBody = Type.Object(
  {
    holidays: Type.Array(DateString, { title: '法定节假日', maxItems: 60 }),
    workdays: Type.Array(DateString, { title: '调休上班日', maxItems: 20 }),
    note: Type.Optional(Nullable(LongText({ title: '说明', maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type SaveCalendarYearBody = Static<typeof SaveCalendarYearBody>;

export const CalendarYearList = Type.Object({ items: Type.Array(CalendarYearView) });

/** GET /calendar/deadline: the deadline `workingDays` working days after `from`, on this deployment's calendar. */
export const DeadlineQuery = Type.Object(
  {
    /** A moment (ISO 8601 with a zone) or a date 'YYYY-MM-DD' (Beijing); by default now. */
    from: Type.Optional(
      Type.String({
        title: '起算时间',
        maxLength: 40,
        pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2}))?$',
        'x-hint-zh': '应为日期（YYYY-MM-DD）或带时区的时间（ISO 8601）',
        'x-hint-en': 'must be a date (YYYY-MM-DD) or an ISO 8601 time with a zone',
      }),
    ),
    workingDays: Type.Integer({ minimum: 0, maximum: 250, title: '工作日数' }),
  },
  { additionalProperties: false },
);
export type DeadlineQuery = Static<typeof DeadlineQuery>;

export const DeadlineView = Type.Object({
  from: Type.String(),
  workingDays: Type.Integer(),
  /** The instant it expires: the end of the last working day, Beijing time (ISO, UTC). */
  due: Type.String(),
  /** The last working day, 'YYYY-MM-DD' (Beijing). */
  dueDate: Type.String(),
  /** True when the count crossed a year with no official or loaded calendar (counted Monday to Friday). */
  provisional: Type.Boolean(),
  unknownYears: Type.Array(Type.Integer()),
  /** What to tell the user when provisional, e.g. 2027年节假日安排尚未发布，按周一至周五推算. */
  notice: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })),
});
export type DeadlineView = Static<typeof DeadlineView>;
