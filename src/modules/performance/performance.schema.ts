/** The performance API: rule sets, a representative's score card, the ranking, excellent suggestions. */
import { Type, type Static } from 'typebox';
import { Id, LongText, Nullable, Page, PagingQuery, StringEnum } from '../../platform/http/schemas.ts';
import { Ref } from '../org/org.schema.ts';
import { ACTIVITY_KINDS } from '../activities/activities.domain.ts';
import { SCORE_CATEGORIES } from './performance.domain.ts';

const Year = Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 });
const Points = (title: string, max = 100) => Type.Number({ title, minimum: 0, maximum: max });

export const CongressYearQuery = Type.Object(
  { congressId: Id, year: Type.Optional(Year) },
  { additionalProperties: false },
);
export type CongressYearQuery = Static<typeof CongressYearQuery>;

const RequirementSchema = Type.Union([
  Type.Object(
    {
      code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' }),
      label: Type.String({ minLength: 1, maxLength: 100 }),
      kind: Type.Literal('suggestions'),
      min: Type.Integer({ minimum: 1, maximum: 100 }),
      role: StringEnum(['lead', 'any'] as const),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' }),
      label: Type.String({ minLength: 1, maxLength: 100 }),
      kind: Type.Literal('activities'),
      activityKinds: Type.Array(StringEnum(ACTIVITY_KINDS), { minItems: 1, uniqueItems: true }),
      min: Type.Integer({ minimum: 1, maximum: 100 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z][a-z0-9_]*$' }),
      label: Type.String({ minLength: 1, maxLength: 100 }),
      kind: Type.Literal('monthly_reception'),
    },
    { additionalProperties: false },
  ),
]);

export const ScoreRulesSchema = Type.Object(
  {
    caps: Type.Object(
      {
        participation: Points('参加活动满分', 1000),
        suggestions: Points('提出建议满分', 1000),
        solving: Points('解决问题满分', 1000),
      },
      { additionalProperties: false },
    ),
    activity: Type.Object(
      {
        byKind: Type.Object(
          {
            reception: Points('接待选民每次'),
            research: Points('调研每次'),
            inspection: Points('视察检查每次'),
            other: Points('其他活动每次'),
          },
          { additionalProperties: false },
        ),
        byType: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Points('该类型每次')),
        hostBonus: Points('主持加分'),
        absencePenalty: Points('无故缺席每半天扣分'),
      },
      { additionalProperties: false },
    ),
    suggestion: Type.Object(
      {
        lead: Points('领衔建议'),
        cosign: Points('附议建议'),
        key: Points('重点督办加分'),
        excellent: Points('优秀建议加分'),
      },
      { additionalProperties: false },
    ),
    solving: Type.Object(
      { satisfied: Points('满意折算', 1), basicallySatisfied: Points('基本满意折算', 1) },
      { additionalProperties: false },
    ),
    requirements: Type.Array(RequirementSchema, { maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const SaveRulesBody = Type.Object(
  {
    congressId: Id,
    year: Year,
    rules: ScoreRulesSchema,
    note: Type.Optional(Nullable(LongText({ title: '修订说明', maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type SaveRulesBody = Static<typeof SaveRulesBody>;

export const RuleSetView = Type.Object({
  congress: Ref,
  year: Type.Integer(),
  /** null: no rule set saved yet for the year; `rules` are then the defaults. */
  id: Nullable(Type.Integer()),
  version: Type.Integer(),
  rules: ScoreRulesSchema,
  note: Nullable(Type.String()),
  createdAt: Nullable(Type.String()),
  computedAt: Nullable(Type.String()),
  versions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      version: Type.Integer(),
      createdAt: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
  /** The method, in plain Chinese, as published. */
  method: Type.Array(Type.String()),
});

const Category = StringEnum(SCORE_CATEGORIES);

export const RequirementView = Type.Object({
  code: Type.String(),
  label: Type.String(),
  status: StringEnum(['met', 'not_yet', 'exempt'] as const),
  have: Type.Integer(),
  need: Type.Integer(),
  months: Type.Optional(
    Type.Array(
      Type.Object({
        month: Type.String(),
        status: StringEnum(['met', 'missing', 'exempt', 'pending'] as const),
      }),
    ),
  ),
});

export const ScoreCardView = Type.Object({
  representative: Ref,
  congress: Ref,
  year: Type.Integer(),
  ruleSet: Type.Object({ id: Nullable(Type.Integer()), version: Type.Integer() }),
  /** Points (decimals allowed). */
  total: Type.Number(),
  categories: Type.Array(
    Type.Object({
      category: Category,
      label: Type.String(),
      raw: Type.Number(),
      counted: Type.Number(),
      cap: Type.Number(),
    }),
  ),
  /** Every point, with the record that earned it. */
  lines: Type.Array(
    Type.Object({
      category: Category,
      rule: Type.String(),
      label: Type.String(),
      points: Type.Number(),
      source: Type.Object({
        type: StringEnum(['activity', 'suggestion', 'opinion'] as const),
        id: Type.Integer(),
        title: Type.String(),
        date: Nullable(Type.String()),
      }),
    }),
  ),
  requirements: Type.Array(RequirementView),
});
export type ScoreCardView = Static<typeof ScoreCardView>;

export const RankingQuery = Type.Object(
  {
    ...PagingQuery,
    congressId: Id,
    year: Type.Optional(Year),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type RankingQuery = Static<typeof RankingQuery>;

export const RankingItem = Type.Object({
  rank: Type.Integer(),
  representative: Ref,
  total: Type.Number(),
  participation: Type.Number(),
  suggestions: Type.Number(),
  solving: Type.Number(),
  requirementsMet: Type.Integer(),
  requirementsTotal: Type.Integer(),
  unmet: Type.Array(Type.String()),
});
export const RankingPage = Type.Object({
  ...Page(RankingItem).properties,
  ruleSet: Type.Object({
    id: Nullable(Type.Integer()),
    version: Type.Integer(),
    computedAt: Nullable(Type.String()),
  }),
});

export const ExcellentBody = Type.Object(
  { excellent: Type.Boolean({ title: '优秀建议' }) },
  { additionalProperties: false },
);
export const RecomputeBody = Type.Object({ congressId: Id, year: Year }, { additionalProperties: false });
