/** Honours (履职之星 …) awarded by staff from the ranking, and the public list with the method. */
import { Type, type Static } from 'typebox';
import { Id, Nullable, PlainText } from '../../platform/http/schemas.ts';
import { Ref } from '../org/org.schema.ts';

const Year = Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 });

export const AwardBody = Type.Object(
  {
    congressId: Id,
    year: Year,
    /** 履职之星 by default. */
    title: Type.Optional(PlainText({ title: '荣誉名称', maxLength: 50 })),
    /** Picked from the ranking of the congress and year. */
    representativeIds: Type.Array(Id, { title: '获奖代表', minItems: 1, maxItems: 100, uniqueItems: true }),
    citation: Type.Optional(Nullable(PlainText({ title: '颁奖词', maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type AwardBody = Static<typeof AwardBody>;

export const HonoursQuery = Type.Object(
  { congressId: Id, year: Type.Optional(Year) },
  { additionalProperties: false },
);
export type HonoursQuery = Static<typeof HonoursQuery>;

export const HonourView = Type.Object({
  id: Type.Integer(),
  congress: Ref,
  year: Type.Integer(),
  title: Type.String(),
  representative: Ref,
  /** The score when awarded (points), under the rule set version below. */
  score: Type.Number(),
  ruleSet: Type.Object({ id: Type.Integer(), version: Type.Integer() }),
  citation: Nullable(Type.String()),
  awardedAt: Type.String(),
});
export type HonourView = Static<typeof HonourView>;

export const HonourList = Type.Object({ items: Type.Array(HonourView) });

export const PublicHonoursQuery = Type.Object(
  { year: Type.Optional(Year), congressId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type PublicHonoursQuery = Static<typeof PublicHonoursQuery>;

export const PublicHonours = Type.Object({
  /** The year shown; null when no honour was ever awarded. */
  year: Nullable(Type.Integer()),
  years: Type.Array(Type.Integer()),
  groups: Type.Array(
    Type.Object({
      congress: Ref,
      title: Type.String(),
      /** The rule set the scores were computed under, and its method in plain Chinese. */
      ruleSetVersion: Type.Integer(),
      method: Type.Array(Type.String()),
      awards: Type.Array(
        Type.Object({
          name: Type.String(),
          /** The representative's public page, when their profile is public. */
          publicCode: Nullable(Type.String()),
          score: Type.Number(),
          citation: Nullable(Type.String()),
          awardedAt: Type.String(),
        }),
      ),
    }),
  ),
});
export type PublicHonours = Static<typeof PublicHonours>;

export const PublicMethodQuery = Type.Object(
  {
    congressId: Type.Optional(Id),
    /** A station's public code: the method of the congress the station belongs to. */
    station: Type.Optional(
      Type.String({ title: '站点二维码编号', minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9]+$' }),
    ),
    year: Type.Optional(Year),
  },
  { additionalProperties: false },
);
export type PublicMethodQuery = Static<typeof PublicMethodQuery>;

export const PublicMethod = Type.Object({
  congress: Ref,
  year: Type.Integer(),
  /** 0: no rules were saved for the year, the defaults apply. */
  version: Type.Integer(),
  savedAt: Nullable(Type.String()),
  caps: Type.Object({ participation: Type.Number(), suggestions: Type.Number(), solving: Type.Number() }),
  /** The method in plain Chinese, paragraph by paragraph (describeRules). */
  method: Type.Array(Type.String()),
  /** The congresses with rules saved for the year, to choose from. */
  congresses: Type.Array(Ref),
});
export type PublicMethod = Static<typeof PublicMethod>;
