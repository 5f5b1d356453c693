/**
 * 代表建议公开: the published suggestions with their replies and evaluations, and the year's
 * headline figures, for anyone (DESIGN.md §4.2 CLOSED → PUBLISHED, §5 KPIs). Texts are the
 * redacted ones the staff wrote when publishing; codes read from the database are checked against
 * the vocabulary, so a stray value never reaches a public response.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import { worseRating } from './suggestions.domain.ts';
import {
  EVALUATION_RATING_LABELS,
  EVALUATION_RATINGS,
  PERIOD_LABELS,
  REPLY_CLASS_LABELS,
  REPLY_CLASSES,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_KINDS,
  type EvaluationRating,
  type Period,
  type ReplyClass,
  type SuggestionKind,
} from './suggestions.vocab.ts';
import * as repo from './public.repo.ts';
import { statsCases, type StatsCase } from './stats.repo.ts';
import { countsOf, statsOf } from './stats.tally.ts';
import type {
  PublicSuggestionDetail,
  PublicSuggestionItem,
  PublicSuggestionQuery,
  PublicSuggestionSummary,
  PublicSummaryQuery,
} from './public-suggestions.schema.ts';

export const PUBLIC_PAGE_SIZE = 10;
/** Characters of the published text shown in the list before "…". */
export const EXCERPT_CHARS = 90;

const isIn =
  <T extends string>(values: readonly T[]) =>
  (v: string | null): v is T =>
    v !== null && (values as readonly string[]).includes(v);
const isRating = isIn<EvaluationRating>(EVALUATION_RATINGS);
const isClass = isIn<ReplyClass>(REPLY_CLASSES);
const isKind = isIn<SuggestionKind>(SUGGESTION_KINDS);

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → '一', 10 → '十', 13 → '十三', 21 → '二十一' (sessions of a congress are few). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones === 0 ? '' : DIGITS[ones]!}`;
}

/** '第三次会议' for a suggestion raised during a session, '闭会期间' for one raised between sessions. */
export function sessionLabel(period: string, sessionNumber: number | null): string {
  if (period === 'session' && sessionNumber !== null) return `第${chineseNumber(sessionNumber)}次会议`;
  return (PERIOD_LABELS[period as Period] ?? PERIOD_LABELS.recess).zh;
}

/** The start of a text on one line, cut at `max` characters (by code point) with '…'. */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()];
  return flat.length <= max ? flat.join('') : `${flat.slice(0, max).join('').trimEnd()}…`;
}

const caseLabelOf = (n: number | null) => (n === null ? null : `第${n}号`);

function provenance(r: {
  id: number;
  case_number: number | null;
  kind: string;
  congress_id: number;
  congress_name: string;
  period: string;
  session_number: number | null;
  year: number;
  category_code: string | null;
  published_title: string | null;
  published_at: string | null;
  reply_class: string | null;
  lead_name: string;
}) {
  const kind: SuggestionKind = isKind(r.kind) ? r.kind : 'suggestion';
  const replyClass = isClass(r.reply_class) ? r.reply_class : null;
  return {
    id: r.id,
    caseLabel: caseLabelOf(r.case_number),
    kind,
    kindLabel: SUGGESTION_KIND_LABELS[kind].zh,
    congress: { id: r.congress_id, name: r.congress_name },
    period: (r.period === 'session' ? 'session' : 'recess') as Period,
    sessionNumber: r.session_number,
    sessionLabel: sessionLabel(r.period, r.session_number),
    year: Number(r.year),
    categoryCode: r.category_code,
    title: r.published_title ?? '',
    lead: r.lead_name,
    replyClass,
    replyClassLabel: replyClass ? REPLY_CLASS_LABELS[replyClass].zh : null,
    publishedAt: r.published_at ?? '',
  };
}

/** The evaluation in force as one rating (the worse of attitude and result), or null. */
function overallOf(attitude: string | null, result: string | null): EvaluationRating | null {
  return isRating(attitude) && isRating(result) ? worseRating(attitude, result) : null;
}

/** GET /public/suggestions: published cases, newest first, filtered by year, congress, category, words. */
export async function listPublicSuggestions(
  ctx: AppContext,
  query: PublicSuggestionQuery,
): Promise<PageOf<PublicSuggestionItem>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? PUBLIC_PAGE_SIZE;
  const q = query.q?.trim();
  const { rows, total } = await repo.listPublished(
    ctx.database.db,
    { year: query.year, congressId: query.congressId, categoryCode: query.categoryCode, q: q || undefined },
    page,
    pageSize,
  );
  const items = rows.map((r): PublicSuggestionItem => {
    const evaluation = overallOf(r.attitude_rating, r.result_rating);
    return {
      ...provenance(r),
      leadUnit: r.lead_unit_name ?? null,
      excerpt: excerptOf(r.body_start ?? ''),
      cosignerCount: Number(r.cosigner_count ?? 0),
      evaluation,
      evaluationLabel: evaluation ? EVALUATION_RATING_LABELS[evaluation].zh : null,
    };
  });
  return { items, total, page, pageSize };
}

/** GET /public/suggestions/:id: one published case; anything else (a draft, a case under way, closed but unpublished) is not found. */
export async function publicSuggestion(ctx: AppContext, id: number): Promise<PublicSuggestionDetail> {
  const found = await repo.findPublished(ctx.database.db, id);
  if (!found)
    throw new AppError('NOT_FOUND', {
      zh: '没有找到这件公开的代表建议，可能尚未公开或编号有误',
      en: 'No published suggestion has this number; it may not be published yet',
    });
  const { row, units, signers } = found;
  const attitude = isRating(row.attitude_rating) ? row.attitude_rating : null;
  const result = isRating(row.result_rating) ? row.result_rating : null;
  const overall = overallOf(attitude, result);
  return {
    ...provenance(row),
    leadUnit: units.find((u) => u.role === 'lead')?.name ?? null,
    body: row.published_body ?? '',
    reply: row.published_reply,
    coUnits: units.filter((u) => u.role === 'co').map((u) => u.name),
    jointLeads: signers
      .filter((s) => s.role === 'lead' && s.representative_id !== row.lead_representative_id)
      .map((s) => s.name),
    cosigners: signers.filter((s) => s.role === 'cosigner').map((s) => s.name),
    evaluation:
      attitude && result && overall
        ? {
            attitude,
            attitudeLabel: EVALUATION_RATING_LABELS[attitude].zh,
            result,
            resultLabel: EVALUATION_RATING_LABELS[result].zh,
            overall,
            overallLabel: EVALUATION_RATING_LABELS[overall].zh,
          }
        : null,
    registeredAt: row.registered_at,
    repliedAt: row.last_replied_at,
  };
}

type Figures = Omit<PublicSuggestionSummary, 'year' | 'years'>;

/**
 * The year's figures, counted by the statistics' own rules (stats.tally.ts `countsOf`: one way
 * to count, so the public page and the office's report agree): registered 立案数, replied 已答复,
 * repliedOnTime and onTimeRate 按时答复率, classes A/B/C of the reply in force, evaluated and the
 * worse of attitude and result (满意 / 基本满意 / 不满意), satisfactionRate 满意率 = (满意 + 0.9 ×
 * 基本满意) / evaluated; plus motions 议案 and published 已公开 among the registered cases.
 * A rate is null when nothing was counted (never 0% for "no data").
 */
export function summarise(cases: readonly StatsCase[], now: Date): Figures {
  const { total } = statsOf(cases, 'unit', now);
  const c = total.counts;
  const registered = cases.filter((x) => countsOf(x, now).registered === 1);
  return {
    registered: c.registered,
    motions: registered.filter((x) => x.kind === 'motion').length,
    replied: c.replied,
    repliedOnTime: c.repliedOnTime,
    onTimeRate: total.rates.onTime,
    classes: { A: c.classA, B: c.classB, C: c.classC },
    evaluated: c.evaluated,
    satisfied: c.satisfied,
    basicallySatisfied: c.basicallySatisfied,
    unsatisfied: c.unsatisfied,
    satisfactionRate: total.rates.satisfaction,
    published: registered.filter((x) => x.status === 'PUBLISHED').length,
  };
}

/** GET /public/suggestions/summary: the figures of a year (by default the latest with a registered case). */
export async function publicSuggestionSummary(
  ctx: AppContext,
  query: PublicSummaryQuery,
): Promise<PublicSuggestionSummary> {
  const db = ctx.database.db;
  const years = await repo.registeredYears(db, query.congressId);
  const thisYear = Number(beijingDateOf(ctx.clock.now()).slice(0, 4));
  const year = query.year ?? years[0] ?? thisYear;
  // The public sees the figures of every congress: all cases count, none is shown.
  const cases = await statsCases(db, null, { year, congressId: query.congressId });
  return { year, years, ...summarise(cases, ctx.clock.now()) };
}
