/** Liaison stations (家站点): four tiers, themed, each with a roster and a reception schedule. */
import { HOLIDAY_POLICIES } from '../../lib/recurrence.ts';
import { Type, type Static } from 'typebox';
import { Code, DateString, Nullable, Page, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { STATION_STATUSES, STATION_THEMES, STATION_TIERS } from './org.domain.ts';
import { MemberView } from './groups.schema.ts';
import { BilingualText, IdList, OrgListQuery, Ref } from './org.schema.ts';

export const StationListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  /** The code printed in the station's QR code; stable across renames. */
  publicCode: Type.String(),
  name: Type.String(),
  tier: StringEnum(STATION_TIERS),
  theme: StringEnum(STATION_THEMES),
  jurisdiction: Ref,
  parent: Nullable(Ref),
  address: Nullable(Type.String()),
  liaisonOfficer: Nullable(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
  receptionRule: Nullable(Type.String()),
  receptionStart: Nullable(Type.String()),
  receptionEnd: Nullable(Type.String()),
  /** What a reception day on a holiday becomes. */
  receptionHoliday: StringEnum(HOLIDAY_POLICIES),
  /** Representatives on duty each reception day. */
  receptionOnDuty: Type.Integer(),
  /** Days ahead the reception days are published. */
  receptionNoticeDays: Type.Integer(),
  /** The schedule in words, e.g. 每月第三个星期二 9:00–11:00. */
  receptionText: Nullable(BilingualText),
  status: StringEnum(STATION_STATUSES),
  openedOn: Nullable(Type.String()),
  memberCount: Type.Integer(),
});
export type StationListItem = Static<typeof StationListItem>;

export const StationView = Type.Object({
  ...StationListItem.properties,
  members: Type.Array(MemberView),
  children: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), tier: StringEnum(STATION_TIERS) }),
  ),
  /** The next reception dates (YYYY-MM-DD) from today. */
  nextReceptions: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type StationView = Static<typeof StationView>;

export const StationPage = Page(StationListItem);

export const StationListQuery = Type.Object(
  {
    ...OrgListQuery,
    tier: Type.Optional(StringEnum(STATION_TIERS, { title: '层级' })),
    theme: Type.Optional(StringEnum(STATION_THEMES, { title: '类型' })),
    status: Type.Optional(StringEnum(STATION_STATUSES, { title: '状态' })),
    parentId: Type.Optional(Type.Integer({ title: '上级站点', minimum: 1 })),
  },
  { additionalProperties: false },
);
export type StationListQuery = Static<typeof StationListQuery>;

const Time = (title: string) =>
  Type.String({
    title,
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    'x-hint-zh': '应为 HH:MM 格式',
    'x-hint-en': 'must be HH:MM',
  });

const stationFields = {
  code: Code(),
  name: PlainText({ title: '名称', maxLength: 100 }),
  tier: StringEnum(STATION_TIERS, { title: '层级' }),
  theme: Type.Optional(StringEnum(STATION_THEMES, { title: '类型' })),
  jurisdictionId: Type.Integer({ title: '所属辖区', minimum: 1 }),
  parentId: Type.Optional(Nullable(Type.Integer({ title: '上级站点', minimum: 1 }))),
  address: Type.Optional(Nullable(PlainText({ title: '地址', maxLength: 200 }))),
  liaisonOfficerUserId: Type.Optional(Nullable(Type.Integer({ title: '联络员', minimum: 1 }))),
  /** RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=+3TU (weekly or monthly forms only). */
  receptionRule: Type.Optional(Nullable(Type.String({ title: '接待日规则', maxLength: 200 }))),
  receptionStart: Type.Optional(Nullable(Time('接待开始时间'))),
  receptionEnd: Type.Optional(Nullable(Time('接待结束时间'))),
  receptionHoliday: Type.Optional(StringEnum(HOLIDAY_POLICIES, { title: '遇节假日' })),
  receptionOnDuty: Type.Optional(Type.Integer({ title: '每次值班代表人数', minimum: 1, maximum: 10 })),
  receptionNoticeDays: Type.Optional(Type.Integer({ title: '提前公示天数', minimum: 1, maximum: 60 })),
  status: Type.Optional(StringEnum(STATION_STATUSES, { title: '状态' })),
  openedOn: Type.Optional(Nullable(DateString)),
};
export const CreateStationBody = Type.Object(stationFields, { additionalProperties: false });
export type CreateStationBody = Static<typeof CreateStationBody>;
export const UpdateStationBody = Type.Partial(Type.Object(stationFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateStationBody = Static<typeof UpdateStationBody>;

/** PUT …/members replaces the roster. */
export const SetStationMembersBody = Type.Object(
  { representativeIds: IdList('进站代表') },
  { additionalProperties: false },
);
export type SetStationMembersBody = Static<typeof SetStationMembersBody>;
export const AddMemberBody = Type.Object(
  { representativeId: Type.Integer({ title: '代表', minimum: 1 }) },
  { additionalProperties: false },
);
