/**
 * Published cases and the headline numbers, for the public pages (src/modules/public). Texts are
 * the redacted ones staff wrote when publishing; labels are checked against the vocabulary so a
 * stray value never reaches a public response.
 */
import type { AppContext } from '../../platform/context.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import { kpisOf, type Kpis } from './opinions.kpi.ts';
import { RATINGS, REPLY_RESULTS, type Rating, type ReplyResult } from './opinions.vocab.ts';
import * as repo from './published.repo.ts';
import type { PublishedItem } from './public.schema.ts';

export type { PublishedFilter } from './published.repo.ts';

const isResult = (v: string | null): v is ReplyResult =>
  v !== null && (REPLY_RESULTS as readonly string[]).includes(v);
const isRating = (v: string | null): v is Rating => v !== null && (RATINGS as readonly string[]).includes(v);

function toItem(r: repo.PublishedRow): PublishedItem {
  return {
    id: r.id,
    categoryCode: r.categoryCode,
    content: r.content,
    reply: r.reply,
    result: isResult(r.result) ? r.result : null,
    unitName: r.unitName,
    stationName: r.stationName,
    submittedAt: r.submittedAt,
    publishedAt: r.publishedAt,
    rating: isRating(r.rating) ? r.rating : null,
  };
}

/** Published cases (of a station or a representative, or all), newest first. */
export async function listPublishedCases(
  ctx: AppContext,
  filter: repo.PublishedFilter,
  page: number,
  pageSize: number,
): Promise<PageOf<PublishedItem>> {
  const { items, total } = await repo.listPublished(ctx.database.db, filter, page, pageSize);
  return { items: items.map(toItem), total, page, pageSize };
}

/** The KPIs of the whole deployment, over every month (DESIGN.md §5). */
export async function deploymentKpis(ctx: AppContext): Promise<Kpis> {
  return kpisOf(await repo.sumAllStats(ctx.database.db));
}
