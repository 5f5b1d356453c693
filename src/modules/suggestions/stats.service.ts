/**
 * The statistics of suggestions for leaders and congress staff (permission suggestions.report):
 * the registered cases of a year the actor sees (suggestions.visibility.ts), optionally of one
 * congress in the actor's jurisdiction, counted and grouped by stats.tally.ts. The XLSX export
 * and the yearly DOCX report load the cases here and count them with the same functions, so the
 * three never disagree.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import * as repo from './stats.repo.ts';
import type { ReportQuery, StatsQuery, StatsView } from './stats.schema.ts';
import { statsOf, type StatsGroup } from './stats.tally.ts';
import { visibleTo } from './suggestions.visibility.ts';

/** The cases of one year (and congress) as the actor sees them, and the instant they were read. */
export interface LoadedStats {
  year: number;
  /** The congress asked for, when one was. */
  congress: { id: number; name: string } | null;
  now: Date;
  cases: repo.StatsCase[];
}

/** The current year on the Beijing calendar. */
export function beijingYear(now: Date): number {
  return Number(beijingDateOf(now).slice(0, 4));
}

/**
 * Load the cases the figures are computed from. A congress outside the actor's jurisdiction is
 * not found (its name is not the caller's to read, even in a report's title).
 */
export async function loadStatsCases(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<LoadedStats> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const year = q.year ?? beijingYear(now);
  let congress: LoadedStats['congress'] = null;
  if (q.congressId !== undefined) {
    congress = (await repo.congressInScope(db, scopeOf(actor), q.congressId)) ?? null;
    if (!congress) {
      throw new AppError('NOT_FOUND', {
        zh: '未找到该人民代表大会，或不在您的辖区内',
        en: 'No such congress in your jurisdiction',
      });
    }
  }
  const cases = await repo.statsCases(db, visibleTo(actor), { year, congressId: q.congressId });
  return { year, congress, now, cases };
}

/** The loaded cases counted in one grouping, with the total. */
export function statsView(loaded: LoadedStats, groupBy: StatsGroup): StatsView {
  return { year: loaded.year, groupBy, ...statsOf(loaded.cases, groupBy, loaded.now) };
}

/** GET /suggestions/stats. */
export async function suggestionStats(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<StatsView> {
  return statsView(await loadStatsCases(ctx, actor, q), q.groupBy ?? 'unit');
}
