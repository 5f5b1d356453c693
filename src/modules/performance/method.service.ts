/**
 * The scoring method as the public reads it (DESIGN.md §4.3 "The method is published"): the rules
 * in force for a congress and year — its newest saved version, or the defaults when none was
 * saved — put into plain Chinese by `describeRules`. For a station, the congress is the nearest
 * one above it with rules for the year (a town station's representatives are usually scored by
 * the county's congress), else the nearest one at all.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { DEFAULT_RULES, describeRules } from './performance.domain.ts';
import * as perf from './performance.repo.ts';
import * as repo from './method.repo.ts';
import type { PublicMethod, PublicMethodQuery } from './honours.schema.ts';
import { currentYear } from './scores.service.ts';
import { parseRules } from './scoring.service.ts';

const noMethod = () =>
  new AppError('NOT_FOUND', {
    zh: '尚未公布该代表大会的履职评价办法',
    en: 'No scoring method is published for that congress',
  });

/** The congress a station's method comes from, or undefined. */
async function congressOfStation(ctx: AppContext, code: string, withRules: ReadonlySet<number>) {
  const db = ctx.database.db;
  const s = await repo.stationPath(db, code.toLowerCase());
  if (!s)
    throw new AppError('NOT_FOUND', {
      zh: '未找到该站点，请核对二维码或网址',
      en: 'No station has this code',
    });
  // '/1/4/17/' → [17, 4, 1]: nearest first.
  const chain = s.path.split('/').filter(Boolean).map(Number).reverse();
  const congresses = await repo.congressesOfJurisdictions(db, chain);
  const depth = (c: { jurisdiction_id: number | null }) => chain.indexOf(c.jurisdiction_id ?? -1);
  const nearest = [...congresses].sort((a, b) => depth(a) - depth(b));
  return nearest.find((c) => withRules.has(c.id)) ?? nearest[0];
}

/** GET /public/performance/method. */
export async function publicMethod(ctx: AppContext, q: PublicMethodQuery): Promise<PublicMethod> {
  const db = ctx.database.db;
  const year = q.year ?? currentYear(ctx);
  const congresses = await repo.congressesWithRules(db, year);
  const withRules = new Set(congresses.map((c) => c.id));
  let congressId: number | undefined;
  if (q.congressId !== undefined) congressId = q.congressId;
  else if (q.station !== undefined) congressId = (await congressOfStation(ctx, q.station, withRules))?.id;
  else congressId = congresses[0]?.id;
  if (congressId === undefined) throw noMethod();
  const c = await perf.congressOf(db, congressId);
  if (!c) throw noMethod();
  const [set, types] = await Promise.all([perf.currentRuleSet(db, c.id, year), perf.activityTypeCodes(db)]);
  const rules = set ? parseRules(set.rules) : DEFAULT_RULES;
  return {
    congress: { id: c.id, name: c.name },
    year,
    version: set?.version ?? 0,
    savedAt: set?.created_at ?? null,
    caps: rules.caps,
    method: describeRules(rules, Object.fromEntries(types.map((t) => [t.code, t.label_zh]))),
    congresses: congresses.map((x) => ({ id: x.id, name: x.name })),
  };
}
