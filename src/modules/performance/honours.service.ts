/**
 * Honours (履职之星 and the like): staff pick representatives from the ranking of a congress and
 * year (GET /performance/scores) and award them; each award keeps the score the ranking showed at
 * that moment and the rule set version it was computed under, so the honour can always be
 * explained by the method in force then — which the public page shows beside it.
 */
import type { AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { describeRules, SCORE_CATEGORIES, type ScoreCategory } from './performance.domain.ts';
import * as perf from './performance.repo.ts';
import * as repo from './honours.repo.ts';
import type {
  AwardBody,
  HonourView,
  HonoursQuery,
  PublicHonours,
  PublicHonoursQuery,
} from './honours.schema.ts';
import { congressForStaff, currentYear } from './scores.service.ts';
import { parseRules } from './scoring.service.ts';

export const DEFAULT_HONOUR_TITLE = '履职之星';

function viewOf(r: repo.HonourRow): HonourView {
  return {
    id: r.id,
    congress: { id: r.congress_id, name: r.congress_name },
    year: Number(r.year),
    title: r.title,
    representative: { id: r.representative_id, name: r.representative_name },
    score: r.score_centi / 100,
    ruleSet: { id: r.rule_set_id, version: r.rule_set_version },
    citation: r.citation,
    awardedAt: r.awarded_at,
  };
}

/**
 * The stored score of each member under a rule set, as the ranking counts it: each part's entries
 * summed, capped at the part's maximum and never below zero, the parts added (hundredths).
 */
async function rankingScores(
  ctx: AppContext,
  ruleSetId: number,
  caps: Record<ScoreCategory, number>,
): Promise<Map<number, number>> {
  const totals = await perf.totalsByRepresentative(ctx.database.db, ruleSetId);
  const parts = new Map<number, Record<ScoreCategory, number>>();
  for (const t of totals) {
    const p = parts.get(t.representative_id) ?? { participation: 0, suggestions: 0, solving: 0 };
    if ((SCORE_CATEGORIES as readonly string[]).includes(t.category))
      p[t.category as ScoreCategory] += Number(t.centi);
    parts.set(t.representative_id, p);
  }
  const out = new Map<number, number>();
  for (const [id, p] of parts)
    out.set(
      id,
      SCORE_CATEGORIES.reduce((a, c) => a + Math.max(0, Math.min(p[c], Math.round(caps[c] * 100))), 0),
    );
  return out;
}

/** POST /performance/honours: award the title to representatives picked from the ranking. */
export async function awardHonours(ctx: AppContext, actor: Actor, body: AwardBody): Promise<HonourView[]> {
  const c = await congressForStaff(ctx, actor, body.congressId);
  const db = ctx.database.db;
  const set = await perf.currentRuleSet(db, c.id, body.year);
  if (!set)
    throw new AppError('INVALID_TRANSITION', {
      zh: '该年度尚未制定履职评价规则，没有可依据的得分，不能评定荣誉',
      en: 'No scoring rules are saved for that year, so there is no score to award on',
    });
  const members = new Set((await perf.members(db, c.id, body.year, body.representativeIds)).map((m) => m.id));
  const strangers = body.representativeIds.flatMap((id, i) => (members.has(id) ? [] : [i]));
  if (strangers.length > 0)
    throw invalid(
      strangers.map((i) => ({
        path: `/representativeIds/${i}`,
        rule: 'member',
        message: {
          zh: '不是该代表大会本年度的代表',
          en: 'Not a member of that congress in that year',
        },
      })),
    );
  const scores = await rankingScores(ctx, set.id, parseRules(set.rules).caps);
  const title = body.title?.trim() || DEFAULT_HONOUR_TITLE;
  const at = ctx.clock.now().toISOString();
  const ids = await db
    .transaction()
    .execute(async (trx) => {
      const out: number[] = [];
      for (const representativeId of body.representativeIds) {
        const score = scores.get(representativeId) ?? 0;
        const id = await repo.insertHonour(trx, {
          congress_id: c.id,
          year: body.year,
          title,
          representative_id: representativeId,
          rule_set_id: set.id,
          score_centi: score,
          citation: body.citation ?? null,
          awarded_by_user_id: actor.userId,
          awarded_at: at,
        });
        await recordAudit(ctx, trx, actor, {
          action: 'performance.honour_award',
          entityType: 'honour',
          entityId: id,
          jurisdictionId: c.jurisdiction_id,
          detail: {
            congressId: c.id,
            year: body.year,
            title,
            representativeId,
            score: score / 100,
            ruleSetId: set.id,
            ruleSetVersion: set.version,
          },
        });
        out.push(id);
      }
      return out;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err)
        ? new AppError('CONFLICT', {
            zh: `所选代表中已有人获得${body.year}年度“${title}”，不能重复授予`,
            en: `Someone picked already holds “${title}” for ${body.year}`,
          })
        : err;
    });
  return (await repo.honoursOf(db, c.id, body.year, ids)).map(viewOf);
}

/** GET /performance/honours: a congress's honours of a year. */
export async function listHonours(ctx: AppContext, actor: Actor, q: HonoursQuery) {
  const c = await congressForStaff(ctx, actor, q.congressId);
  const rows = await repo.honoursOf(ctx.database.db, c.id, q.year ?? currentYear(ctx));
  return { items: rows.map(viewOf) };
}

/** GET /public/honours: a year's honours (the latest year with any by default), each with its method. */
export async function publicHonours(ctx: AppContext, q: PublicHonoursQuery): Promise<PublicHonours> {
  const db = ctx.database.db;
  const years = await repo.honourYears(db, q.congressId);
  const year = q.year ?? years[0] ?? null;
  if (year === null) return { year, years, groups: [] };
  const rows = await repo.honoursOfYear(db, year, q.congressId);
  const [sets, types] = await Promise.all([
    repo.ruleSetsByIds(db, [...new Set(rows.map((r) => r.rule_set_id))]),
    perf.activityTypeCodes(db),
  ]);
  const labels = Object.fromEntries(types.map((t) => [t.code, t.label_zh]));
  const methods = new Map(sets.map((s) => [s.id, describeRules(parseRules(s.rules), labels)]));
  const groups: PublicHonours['groups'] = [];
  for (const r of rows) {
    let g = groups.find(
      (x) =>
        x.congress.id === r.congress_id && x.title === r.title && x.ruleSetVersion === r.rule_set_version,
    );
    if (!g) {
      g = {
        congress: { id: r.congress_id, name: r.congress_name },
        title: r.title,
        ruleSetVersion: r.rule_set_version,
        method: methods.get(r.rule_set_id) ?? [],
        awards: [],
      };
      groups.push(g);
    }
    g.awards.push({
      name: r.representative_name,
      publicCode: r.is_public === 1 && r.representative_status === 'active' ? r.public_code : null,
      score: r.score_centi / 100,
      citation: r.citation,
      awardedAt: r.awarded_at,
    });
  }
  return { year, years, groups };
}
