/**
 * The cases the public may read (DESIGN.md §4.1: CLOSED → PUBLISHED, only with the submitter's
 * consent, redacted) and the deployment's statistics summed for the public headline. Only the
 * redacted texts are ever selected here: never the original text, the name, the phone or the address.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { emptyCounters, STATS_COUNTERS, type Counters } from './opinions.kpi.ts';

export interface PublishedRow {
  id: number;
  categoryCode: string | null;
  content: string;
  reply: string;
  result: string | null;
  unitName: string | null;
  stationName: string | null;
  submittedAt: string;
  publishedAt: string;
  rating: string | null;
}

export interface PublishedFilter {
  stationId?: number | undefined;
  representativeId?: number | undefined;
}

function publishedQuery(db: Kysely<DB>, filter: PublishedFilter) {
  let q = db
    .selectFrom('opinion as o')
    .leftJoin('unit as u', 'u.id', 'o.unit_id')
    .leftJoin('station as s', 's.id', 'o.station_id')
    .where('o.status', '=', 'PUBLISHED')
    .where('o.consent_publish', '=', 1)
    .where('o.published_at', 'is not', null)
    .where('o.published_content', 'is not', null)
    .where('o.published_reply', 'is not', null);
  if (filter.stationId !== undefined) q = q.where('o.station_id', '=', filter.stationId);
  if (filter.representativeId !== undefined) q = q.where('o.representative_id', '=', filter.representativeId);
  return q;
}

/** One page of published cases, newest publication first. */
export async function listPublished(
  db: Kysely<DB>,
  filter: PublishedFilter,
  page: number,
  pageSize: number,
): Promise<{ items: PublishedRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    publishedQuery(db, filter)
      .select([
        'o.id',
        'o.category_code',
        'o.published_content',
        'o.published_reply',
        'o.last_result',
        'u.name as unit_name',
        's.name as station_name',
        'o.submitted_at',
        'o.published_at',
        'o.last_rating',
      ])
      .orderBy('o.published_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    publishedQuery(db, filter)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      categoryCode: r.category_code,
      content: r.published_content ?? '',
      reply: r.published_reply ?? '',
      result: r.last_result,
      unitName: r.unit_name,
      stationName: r.station_name,
      submittedAt: r.submitted_at,
      publishedAt: r.published_at ?? r.submitted_at,
      rating: r.last_rating,
    })),
    total: Number(count.n),
  };
}

/** Every counter of opinion_stats summed over the whole deployment and every month. */
export async function sumAllStats(db: Kysely<DB>): Promise<Counters> {
  const row = (await db
    .selectFrom('opinion_stats')
    .select(STATS_COUNTERS.map((c) => sql<number>`coalesce(sum(${sql.ref(c)}), 0)`.as(c)))
    .executeTakeFirst()) as Record<string, number | string> | undefined;
  const counters = emptyCounters();
  if (row) for (const c of STATS_COUNTERS) counters[c] = Number(row[c] ?? 0);
  return counters;
}
