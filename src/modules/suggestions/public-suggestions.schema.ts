/**
 * The public API of representatives' suggestions (代表建议公开, DESIGN.md §4.2 CLOSED → PUBLISHED):
 * what anyone may read without signing in. Only the texts the staff wrote when publishing
 * (脱敏: no personal privacy, trade or state secrets) appear here, never the case as drafted;
 * representatives are public figures, so the lead's and the co-signers' names are shown.
 * Response schemas double as a filter: the serializer drops any field not listed.
 */
import { Type, type Static } from 'typebox';
import { Code, Nullable, Page, PlainText, StringEnum } from '../../platform/http/schemas.ts';
import { EVALUATION_RATINGS, PERIODS, REPLY_CLASSES, SUGGESTION_KINDS } from './suggestions.vocab.ts';

const Year = Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 });
const CongressId = Type.Integer({ title: '人民代表大会', minimum: 1, maximum: 2147483647 });

/** GET /public/suggestions */
export const PublicSuggestionQuery = Type.Object(
  {
    year: Type.Optional(Year),
    congressId: Type.Optional(CongressId),
    categoryCode: Type.Optional(Code('类别')),
    /** Words of the published title or text, or a case number ('12', '第12号'); empty means all. */
    q: Type.Optional(PlainText({ title: '搜索', minLength: 0, maxLength: 50 })),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: 1000 })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type PublicSuggestionQuery = Static<typeof PublicSuggestionQuery>;

/** GET /public/suggestions/summary */
export const PublicSummaryQuery = Type.Object(
  {
    /** The year of submission; the latest year with a registered case when absent. */
    year: Type.Optional(Year),
    congressId: Type.Optional(CongressId),
  },
  { additionalProperties: false },
);
export type PublicSummaryQuery = Static<typeof PublicSummaryQuery>;

const Rating = StringEnum(EVALUATION_RATINGS);

/** Where and when a case was raised: the congress, its session (or between sessions), the year. */
const Provenance = {
  id: Type.Integer(),
  /** '第12号' (numbered per congress, session and kind). */
  caseLabel: Nullable(Type.String()),
  kind: StringEnum(SUGGESTION_KINDS),
  /** 建议 / 议案. */
  kindLabel: Type.String(),
  congress: Type.Object({ id: Type.Integer(), name: Type.String() }),
  period: StringEnum(PERIODS),
  sessionNumber: Nullable(Type.Integer()),
  /** '第三次会议' during a session, '闭会期间' between sessions. */
  sessionLabel: Type.String(),
  year: Type.Integer(),
  categoryCode: Nullable(Type.String()),
  /** The published title (脱敏). */
  title: Type.String(),
  /** 领衔代表. */
  lead: Type.String(),
  /** The lead unit (主办单位), by name. */
  leadUnit: Nullable(Type.String()),
  replyClass: Nullable(StringEnum(REPLY_CLASSES)),
  /** 'A类（已解决或基本解决）' … */
  replyClassLabel: Nullable(Type.String()),
  publishedAt: Type.String(),
};

/** A published case in the list. */
export const PublicSuggestionItem = Type.Object({
  ...Provenance,
  /** The start of the published text, on one line. */
  excerpt: Type.String(),
  /** Co-signers who accepted (附议). */
  cosignerCount: Type.Integer(),
  /** The representative's evaluation in force: the worse of attitude and result (满意/基本满意/不满意). */
  evaluation: Nullable(Rating),
  evaluationLabel: Nullable(Type.String()),
});
export type PublicSuggestionItem = Static<typeof PublicSuggestionItem>;

export const PublicSuggestionPage = Page(PublicSuggestionItem);

/** GET /public/suggestions/:id — one published case with its reply and evaluation. */
export const PublicSuggestionDetail = Type.Object({
  ...Provenance,
  /** The published text of the suggestion (脱敏). */
  body: Type.String(),
  /** The published text of the unit's reply (脱敏). */
  reply: Nullable(Type.String()),
  coUnits: Type.Array(Type.String()),
  /** Leads of cases merged into this one (并案), beside the lead. */
  jointLeads: Type.Array(Type.String()),
  /** Co-signers who accepted (附议代表). */
  cosigners: Type.Array(Type.String()),
  /** The representative's evaluation in force; null when none was given (e.g. closed unevaluated). */
  evaluation: Nullable(
    Type.Object({
      attitude: Rating,
      attitudeLabel: Type.String(),
      result: Rating,
      resultLabel: Type.String(),
      /** The worse of the two. */
      overall: Rating,
      overallLabel: Type.String(),
    }),
  ),
  registeredAt: Nullable(Type.String()),
  /** When the reply in force was sent. */
  repliedAt: Nullable(Type.String()),
});
export type PublicSuggestionDetail = Static<typeof PublicSuggestionDetail>;

/**
 * The headline figures of one year, counted from every registered case of that year (not only the
 * published ones); see `summarise` in public.service.ts for the definitions.
 */
export const PublicSuggestionSummary = Type.Object({
  year: Type.Integer(),
  /** Years with at least one registered case, newest first (for a year picker). */
  years: Type.Array(Type.Integer()),
  registered: Type.Integer(),
  motions: Type.Integer(),
  replied: Type.Integer(),
  repliedOnTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  classes: Type.Object({ A: Type.Integer(), B: Type.Integer(), C: Type.Integer() }),
  evaluated: Type.Integer(),
  satisfied: Type.Integer(),
  basicallySatisfied: Type.Integer(),
  unsatisfied: Type.Integer(),
  satisfactionRate: Nullable(Type.Number()),
  published: Type.Integer(),
});
export type PublicSuggestionSummary = Static<typeof PublicSuggestionSummary>;
