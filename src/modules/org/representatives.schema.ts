/** Representatives (人大代表): who they are, their seats in congresses, where they serve. */
import { Type, type Static } from 'typebox';
import {
  Code,
  DateString,
  LongText,
  Nullable,
  Page,
  PlainText,
  StringEnum,
} from '../../platform/http/schemas.ts';
import {
  CONGRESS_LEVELS,
  GENDERS,
  GROUP_KINDS,
  GROUP_ROLES,
  REPRESENTATIVE_STATUSES,
  STATION_TIERS,
} from './org.domain.ts';
import { OrgListQuery, PhoneInput, Ref } from './org.schema.ts';

export const SeatView = Type.Object({
  id: Type.Integer(),
  congress: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    level: StringEnum(CONGRESS_LEVELS),
    termNumber: Type.Integer(),
  }),
  delegation: Nullable(Type.String()),
  constituency: Nullable(Type.String()),
  electedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
});

/** One row of the representatives list. */
export const RepresentativeListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  gender: StringEnum(GENDERS),
  jurisdiction: Ref,
  employer: Nullable(Type.String()),
  post: Nullable(Type.String()),
  sector: Nullable(Type.String()),
  status: StringEnum(REPRESENTATIVE_STATUSES),
  isPublic: Type.Boolean(),
  /** 138****1234, or null when no phone is recorded. */
  phoneMasked: Nullable(Type.String()),
  /** Levels of the congresses the representative currently sits in, highest first. */
  levels: Type.Array(StringEnum(CONGRESS_LEVELS)),
  /**
   * Whether the caller's office manages this record and may edit it. A representative managed
   * higher up (e.g. a city deputy) is visible to a district that stations them, but read-only there.
   */
  editable: Type.Boolean(),
});
export type RepresentativeListItem = Static<typeof RepresentativeListItem>;

export const RepresentativeView = Type.Object({
  ...RepresentativeListItem.properties,
  ethnicity: Nullable(Type.String()),
  statusNote: Nullable(Type.String()),
  bio: Nullable(Type.String()),
  seats: Type.Array(SeatView),
  groups: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      kind: StringEnum(GROUP_KINDS),
      role: StringEnum(GROUP_ROLES),
    }),
  ),
  stations: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), tier: StringEnum(STATION_TIERS) }),
  ),
  grids: Type.Array(Ref),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RepresentativeView = Static<typeof RepresentativeView>;

export const RepresentativePage = Page(RepresentativeListItem);

export const RepresentativeListQuery = Type.Object(
  {
    ...OrgListQuery,
    level: Type.Optional(StringEnum(CONGRESS_LEVELS, { title: '代表层级' })),
    congressId: Type.Optional(Type.Integer({ title: '所属人大', minimum: 1 })),
    status: Type.Optional(StringEnum(REPRESENTATIVE_STATUSES, { title: '状态' })),
    gender: Type.Optional(StringEnum(GENDERS, { title: '性别' })),
    sector: Type.Optional(Type.String({ title: '界别', maxLength: 50 })),
    groupId: Type.Optional(Type.Integer({ title: '代表小组', minimum: 1 })),
    stationId: Type.Optional(Type.Integer({ title: '联络站', minimum: 1 })),
    gridId: Type.Optional(Type.Integer({ title: '网格', minimum: 1 })),
    isPublic: Type.Optional(Type.Boolean({ title: '公开履职信息' })),
    sort: Type.Optional(StringEnum(['name', 'code', 'updatedAt'] as const, { title: '排序' })),
  },
  { additionalProperties: false },
);
export type RepresentativeListQuery = Static<typeof RepresentativeListQuery>;

export const RepresentativeExportQuery = Type.Object(
  {
    ...RepresentativeListQuery.properties,
    format: Type.Optional(StringEnum(['xlsx', 'csv'] as const, { title: '格式' })),
    /** Full phone numbers instead of masked ones; needs org.reveal_phone and is audited. */
    includePhone: Type.Optional(Type.Boolean({ title: '包含完整电话' })),
  },
  { additionalProperties: false },
);
export type RepresentativeExportQuery = Static<typeof RepresentativeExportQuery>;

export const SeatInput = Type.Object(
  {
    congressId: Type.Integer({ title: '所属人大', minimum: 1 }),
    delegation: Type.Optional(Nullable(PlainText({ title: '代表团', maxLength: 100 }))),
    constituency: Type.Optional(Nullable(PlainText({ title: '选区', maxLength: 100 }))),
    electedOn: Type.Optional(Nullable(DateString)),
    endedOn: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);

const representativeFields = {
  code: Code('代表编号'),
  name: PlainText({ title: '姓名', maxLength: 50 }),
  gender: StringEnum(GENDERS, { title: '性别' }),
  ethnicity: Type.Optional(Nullable(PlainText({ title: '民族', maxLength: 20 }))),
  jurisdictionId: Type.Integer({ title: '管理辖区', minimum: 1 }),
  employer: Type.Optional(Nullable(PlainText({ title: '工作单位', maxLength: 200 }))),
  post: Type.Optional(Nullable(PlainText({ title: '职务', maxLength: 100 }))),
  sector: Type.Optional(Nullable(PlainText({ title: '界别', maxLength: 50 }))),
  status: Type.Optional(StringEnum(REPRESENTATIVE_STATUSES, { title: '状态' })),
  statusNote: Type.Optional(Nullable(PlainText({ title: '状态说明', maxLength: 500 }))),
  isPublic: Type.Optional(Type.Boolean({ title: '公开履职信息' })),
  bio: Type.Optional(Nullable(LongText({ title: '简介', maxLength: 2000 }))),
  phone: PhoneInput,
  /** Seats in congresses; replaces all seats when given. */
  seats: Type.Optional(Type.Array(SeatInput, { title: '代表资格', maxItems: 6 })),
};

export const CreateRepresentativeBody = Type.Object(representativeFields, { additionalProperties: false });
export type CreateRepresentativeBody = Static<typeof CreateRepresentativeBody>;

export const UpdateRepresentativeBody = Type.Partial(Type.Object(representativeFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateRepresentativeBody = Static<typeof UpdateRepresentativeBody>;

export const RevealedPhone = Type.Object({ phone: Nullable(Type.String()) });
