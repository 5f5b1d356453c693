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
