/** Congresses (人民代表大会) per level and term (届次), and the routing categories (DESIGN.md §3). */
import { Type, type Static } from 'typebox';
import { Code, DateString, Nullable, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { CONGRESS_LEVELS } from './org.domain.ts';
import { Ref } from './org.schema.ts';

export const CongressView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: StringEnum(CONGRESS_LEVELS),
  termNumber: Type.Integer(),
  jurisdiction: Nullable(Ref),
  termStart: Nullable(Type.String()),
  termEnd: Nullable(Type.String()),
  seatCount: Type.Integer(),
});
export type CongressView = Static<typeof CongressView>;

export const CongressListQuery = Type.Object(
  {
    level: Type.Optional(StringEnum(CONGRESS_LEVELS, { title: '层级' })),
    current: Type.Optional(Type.Boolean({ title: '仅本届' })),
  },
  { additionalProperties: false },
);

export const CreateCongressBody = Type.Object(
  {
    code: Code(),
    name: PlainText({ title: '名称', maxLength: 100 }),
    level: StringEnum(CONGRESS_LEVELS, { title: '层级' }),
    termNumber: Type.Integer({ title: '届次', minimum: 1, maximum: 100 }),
    jurisdictionId: Nullable(Type.Integer({ title: '辖区', minimum: 1 })),
    termStart: Type.Optional(Nullable(DateString)),
    termEnd: Type.Optional(Nullable(DateString)),
  },
  { additionalProperties: false },
);
export type CreateCongressBody = Static<typeof CreateCongressBody>;

export const UpdateCongressBody = Type.Partial(CreateCongressBody, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateCongressBody = Static<typeof UpdateCongressBody>;

export const CategoryView = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  level: Type.Integer(),
  nameZh: Type.String(),
  nameEn: Type.String(),
});
export type CategoryView = Static<typeof CategoryView>;
