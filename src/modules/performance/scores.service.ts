/**
 * Reading scores: the rule set in force (or the defaults when none was saved yet), one
 * representative's score card computed live from the records (every line with the record that
 * earned it), and the ranking of a congress from the stored entries. Congress staff and leaders
 * see the congresses of their jurisdiction; a representative sees their own card only.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { pathInScope, scopeOf } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  DEFAULT_RULES,
  describeRules,
  SCORE_CATEGORIES,
  SCORE_CATEGORY_LABELS,
  type ScoreRules,
} from './performance.domain.ts';
import * as repo from './performance.repo.ts';
import * as read from './scores.repo.ts';
import type { RankingQuery, ScoreCardView } from './performance.schema.ts';
import { cardsFor, parseRules, recompute } from './scoring.service.ts';

export const currentYear = (ctx: AppContext) => Number(beijingDateOf(ctx.clock.now()).slice(0, 4));

const RULE_LABELS: Record<string, string> = {
  'activity.reception': '接待选民',
  'activity.research': '调研',
  'activity.inspection': '视察检查',
  'activity.other': '其他活动',
  'activity.host': '主持活动',
  absence: '无故缺席',
  'suggestion.lead': '领衔建议',
  'suggestion.cosign': '附议建议',
  'suggestion.key': '重点督办',
  'suggestion.excellent': '优秀建议',
  'opinion.satisfied': '群众满意',
  'opinion.basically_satisfied': '群众基本满意',
  'opinion.unsatisfied': '群众不满意',
};

/** The congress, when the actor may read its scores as staff or a leader. */
export async function congressForStaff(ctx: AppContext, actor: Actor, congressId: number) {
  const c = await repo.congressOf(ctx.database.db, congressId);
  const staff = actor.roles.includes('congress_staff') || actor.roles.includes('leader');
  if (!c || !staff || !pathInScope(scopeOf(actor), c.path)) throw new AppError('NOT_FOUND');
  return c;
}

/** The rules in force for a congress and year, with their versions and the method in words. */
export async function ruleSetView(ctx: AppContext, actor: Actor, congressId: number, year: number) {
  const c = await congressForStaff(ctx, actor, congressId);
  const db = ctx.database.db;
  const [versions, types] = await Promise.all([
    repo.ruleSetVersions(db, congressId, year),
    repo.activityTypeCodes(db),
  ]);
  const current = versions[0];
  const rules: ScoreRules = current ? parseRules(current.rules) : DEFAULT_RULES;
  return {
    congress: { id: c.id, name: c.name },
    year,
    id: current?.id ?? null,
    version: current?.version ?? 0,
    rules,
    note: current?.note ?? null,
    createdAt: current?.created_at ?? null,
    computedAt: current?.computed_at ?? null,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.created_at, note: v.note })),
    method: describeRules(rules, Object.fromEntries(types.map((t) => [t.code, t.label_zh]))),
  };
}

/** POST /performance/recompute: everyone under the congress's rules of the year, now. */
export async function recomputeNow(ctx: AppContext, actor: Actor, congressId: number, year: number) {
  await congressForStaff(ctx, actor, congressId);
  const set = await repo.currentRuleSet(ctx.database.db, congressId, year);
  if (!set)
    throw new AppError('INVALID_TRANSITION', {
      zh: '该年度尚未制定评价规则，请先保存规则',
      en: 'No rules are saved for that year yet',
    });
  const result = await recompute(ctx, set.id);
  await ctx.database.db.transaction().execute((trx) =>
    recordAudit(ctx, trx, actor, {
      action: 'performance.recompute',
      entityType: 'performance_rule_set',
      entityId: set.id,
      detail: result,
    }),
  );
  return result;
}

/** One representative's card under a congress's rules of the year, live from the records. */
export async function scoreCardOf(
  ctx: AppContext,
  actor: Actor,
  representativeId: number,
  congressId: number,
  year: number,
): Promise<ScoreCardView> {
  const own = actor.roles.includes('representative') && actor.representativeId === representativeId;
  const c = own
    ? await repo.congressOf(ctx.database.db, congressId)
    : await congressForStaff(ctx, actor, congressId);
  if (!c) throw new AppError('NOT_FOUND');
  const set = await repo.currentRuleSet(ctx.database.db, congressId, year);
  const rules = set ? parseRules(set.rules) : DEFAULT_RULES;
  const [one] = await cardsFor(ctx, congressId, year, rules, [representativeId]);
  if (!one) throw new AppError('NOT_FOUND');
  const sources = await read.sourceTitles(ctx.database.db, one.card.lines);
  const pts = (centi: number) => centi / 100;
  return {
    representative: { id: one.id, name: one.name },
    congress: { id: c.id, name: c.name },
    year,
    ruleSet: { id: set?.id ?? null, version: set?.version ?? 0 },
    total: pts(one.card.total),
    categories: SCORE_CATEGORIES.map((k) => ({
      category: k,
      label: SCORE_CATEGORY_LABELS[k].zh,
      raw: pts(one.card.raw[k]),
      counted: pts(one.card.counted[k]),
      cap: rules.caps[k],
    })),
    lines: one.card.lines.map((l) => {
      const s = sources.get(`${l.sourceType}/${l.sourceId}`);
      return {
        category: l.category,
        rule: l.rule,
        label: RULE_LABELS[l.rule] ?? l.rule,
        points: pts(l.centi),
        source: {
          type: l.sourceType,
          id: l.sourceId,
          title: s?.title ?? `#${l.sourceId}`,
          date: s?.date ?? null,
        },
      };
    }),
    requirements: one.card.requirements,
  };
}

/** The ranking of a congress's members by their stored scores, with each page's requirements. */
export async function ranking(ctx: AppContext, actor: Actor, q: RankingQuery) {
  const year = q.year ?? currentYear(ctx);
  await congressForStaff(ctx, actor, q.congressId);
  const db = ctx.database.db;
  const set = await repo.currentRuleSet(db, q.congressId, year);
  const rules = set ? parseRules(set.rules) : DEFAULT_RULES;
  const people = await repo.members(db, q.congressId, year, null);
  const totals = set ? await repo.totalsByRepresentative(db, set.id) : [];
  const capped = (k: (typeof SCORE_CATEGORIES)[number], centi: number) =>
    Math.max(0, Math.min(centi, Math.round(rules.caps[k] * 100)));
  const centiOf = new Map(totals.map((t) => [`${t.representative_id}:${t.category}`, Number(t.centi)]));
  const rows = people
    .filter((p) => !q.q || p.name.includes(q.q))
    .map((p) => {
      const of = (k: (typeof SCORE_CATEGORIES)[number]) => capped(k, centiOf.get(`${p.id}:${k}`) ?? 0);
      const parts = {
        participation: of('participation'),
        suggestions: of('suggestions'),
        solving: of('solving'),
      };
      return { p, parts, total: parts.participation + parts.suggestions + parts.solving };
    })
    .sort((a, b) => b.total - a.total || a.p.id - b.p.id);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);
  const cards = await cardsFor(
    ctx,
    q.congressId,
    year,
    rules,
    slice.map((r) => r.p.id),
  );
  return {
    items: slice.map((r, i) => {
      const card = cards.find((c) => c.id === r.p.id)!.card;
      return {
        rank: (page - 1) * pageSize + i + 1,
        representative: { id: r.p.id, name: r.p.name },
        total: r.total / 100,
        participation: r.parts.participation / 100,
        suggestions: r.parts.suggestions / 100,
        solving: r.parts.solving / 100,
        requirementsMet: card.requirements.filter((x) => x.status !== 'not_yet').length,
        requirementsTotal: card.requirements.length,
        unmet: card.requirements.filter((x) => x.status === 'not_yet').map((x) => x.label),
      };
    }),
    total: rows.length,
    page,
    pageSize,
    ruleSet: { id: set?.id ?? null, version: set?.version ?? 0, computedAt: set?.computed_at ?? null },
  };
}

/** PUT /performance/excellent-suggestions/:id: staff mark a suggestion excellent (优秀建议), or unmark it. */
export async function markExcellent(ctx: AppContext, actor: Actor, suggestionId: number, excellent: boolean) {
  const s = await read.suggestionCongress(ctx.database.db, suggestionId);
  if (!s || !actor.roles.includes('congress_staff') || !pathInScope(scopeOf(actor), s.path))
    throw new AppError('NOT_FOUND');
  await ctx.database.db.transaction().execute(async (trx) => {
    await read.setExcellent(trx, suggestionId, excellent, actor.userId, ctx.clock.now().toISOString());
    await recordAudit(ctx, trx, actor, {
      action: excellent ? 'performance.excellent' : 'performance.not_excellent',
      entityType: 'suggestion',
      entityId: suggestionId,
      jurisdictionId: s.jurisdiction_id,
    });
  });
  const set = await repo.currentRuleSet(ctx.database.db, s.congress_id, s.year);
  if (set) await recompute(ctx, set.id, s.signers);
}
