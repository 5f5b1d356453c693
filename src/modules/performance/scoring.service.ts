/**
 * Computing scores: for a rule set (a congress and year, its newest version), every member's
 * score card from the records (performance.domain.ts `scoreCard`), written as score entries that
 * each name the record that earned them. A new rule version recomputes everyone; a change to an
 * activity recomputes the people on it (`scoresChanged`); the scheduler refreshes the current
 * year's sets once a day, so ratings and registrations that happened meanwhile are counted.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkRules, monthsUpTo, scoreCard, type ScoreCard, type ScoreRules } from './performance.domain.ts';
import * as repo from './performance.repo.ts';

export const parseRules = (text: string): ScoreRules => JSON.parse(text) as ScoreRules;

const beijingMonth = (d: Date) => beijingDateOf(d).slice(0, 7);

/** Every member's card under the rules (or only these members'), from one read of each kind of record. */
export async function cardsFor(
  ctx: AppContext,
  congressId: number,
  year: number,
  rules: ScoreRules,
  only: readonly number[] | null,
): Promise<{ id: number; name: string; card: ScoreCard }[]> {
  const db = ctx.database.db;
  const people = await repo.members(db, congressId, year, only);
  const ids = people.map((p) => p.id);
  const w = repo.yearWindow(year);
  // Everyone on the congress in one query per kind of record; the few asked for by id.
  const who = { congressId, ids: only === null ? null : ids };
  const [acts, sugs, ops] = await Promise.all([
    repo.participations(db, who, w),
    repo.suggestionsOf(db, who, year),
    repo.ratedOpinions(db, who, w),
  ]);
  const now = ctx.clock.now();
  const months = monthsUpTo(year, beijingMonth(now));
  return people.map((p) => ({
    ...p,
    card: scoreCard(
      rules,
      {
        participations: acts.get(p.id) ?? [],
        suggestions: sugs.get(p.id) ?? [],
        opinions: ops.get(p.id) ?? [],
      },
      now,
      months,
    ),
  }));
}

/** Recompute a rule set's entries (everyone's, or these members'); answers how many entries were written. */
export async function recompute(ctx: AppContext, ruleSetId: number, only: readonly number[] | null = null) {
  const set = await repo.ruleSet(ctx.database.db, ruleSetId);
  if (!set) throw new AppError('NOT_FOUND');
  const cards = await cardsFor(ctx, set.congress_id, set.year, parseRules(set.rules), only);
  const at = ctx.clock.now().toISOString();
  const entries: repo.NewEntry[] = cards.flatMap(({ id, card }) =>
    card.lines.map((l) => ({
      rule_set_id: ruleSetId,
      representative_id: id,
      category: l.category,
      rule: l.rule,
      source_type: l.sourceType,
      source_id: l.sourceId,
      points_centi: l.centi,
      at,
    })),
  );
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.replaceEntries(trx, ruleSetId, only ?? null, entries);
    if (only === null) await repo.markComputed(trx, ruleSetId, at);
  });
  return { representatives: cards.length, entries: entries.length };
}

/**
 * After a change to activities: recompute the current year's rule sets of the congresses these
 * representatives serve on, for them only.
 */
export async function scoresChanged(ctx: AppContext, representativeIds: readonly number[]): Promise<void> {
  if (representativeIds.length === 0) return;
  const year = Number(beijingDateOf(ctx.clock.now()).slice(0, 4));
  for (const set of await repo.ruleSetsFor(ctx.database.db, representativeIds, year))
    await recompute(ctx, set.id, representativeIds);
}

/** The daily refresh: every rule set of the current year, everyone. */
export async function refreshCurrentYear(ctx: AppContext): Promise<Record<string, number>> {
  const year = Number(beijingDateOf(ctx.clock.now()).slice(0, 4));
  const sets = await repo.ruleSetsOfYear(ctx.database.db, year);
  const seen = new Set<number>();
  let entries = 0;
  let computed = 0;
  const today = beijingDateOf(ctx.clock.now());
  for (const s of sets) {
    if (seen.has(s.congress_id)) continue;
    seen.add(s.congress_id);
    if (s.computed_at && beijingDateOf(new Date(s.computed_at)) === today) continue;
    entries += (await recompute(ctx, s.id)).entries;
    computed += 1;
  }
  return { score_sets_recomputed: computed, score_entries: entries };
}

/** Save a new version of a congress's rules for a year (checked), then recompute everyone under it. */
export async function saveRules(
  ctx: AppContext,
  actor: Actor,
  congressId: number,
  year: number,
  rules: ScoreRules,
  note: string | null,
): Promise<{ id: number; version: number }> {
  const db = ctx.database.db;
  const types = (await repo.activityTypeCodes(db)).map((t) => t.code);
  const problems = checkRules(rules, types);
  if (problems.length > 0)
    throw invalid(problems.map((p) => ({ path: `/rules${p.path}`, rule: 'rules', message: p.message })));
  const congress = await repo.congressOf(db, congressId);
  if (!congress) throw new AppError('NOT_FOUND');
  const saved = await db.transaction().execute(async (trx) => {
    const current = await repo.currentRuleSet(trx, congressId, year);
    const version = (current?.version ?? 0) + 1;
    const id = await repo.insertRuleSet(trx, {
      congress_id: congressId,
      year,
      version,
      rules: JSON.stringify(rules),
      note,
      created_by_user_id: actor.userId,
      created_at: ctx.clock.now().toISOString(),
    });
    await recordAudit(ctx, trx, actor, {
      action: 'performance.rules',
      entityType: 'performance_rule_set',
      entityId: id,
      jurisdictionId: congress.jurisdiction_id,
      detail: { congressId, year, version, note },
    });
    return { id, version };
  });
  await recompute(ctx, saved.id);
  return saved;
}
