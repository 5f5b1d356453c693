/**
 * Duty-performance scoring for the demo (履职评价, DESIGN.md §4.3): every local congress has its
 * rules for this year and the last (version 1, DESIGN.md's default example, saved by its 代表工委
 * at the start of the year); staff marked some well-answered suggestions excellent (优秀建议); and
 * the score entries are exactly what `recompute` (scoring.service.ts) writes for each rule set at
 * the seeding instant — the same `scoreCard` fed the same records: every invitation to an activity
 * starting in the year, the registered suggestions of the congress and year each member leads or
 * co-signed, and the opinions addressed to them that citizens rated in the year. The records carry
 * stand-in ids (their place in the data, which is also the order their rows are inserted in) and
 * the entries name them by business key.
 */
import {
  DEFAULT_RULES,
  monthsUpTo,
  scoreCard,
  type OpinionRecord,
  type Participation,
  type SuggestionRecord,
} from '../performance/performance.domain.ts';
import type { ActivityKind } from '../activities/activities.domain.ts';
import type {
  DemoActivity,
  DemoExcellentSuggestion,
  DemoRuleSet,
  DemoScoreEntry,
} from './activities.types.ts';
import type { World } from './activities.world.ts';
import { beijingInstant } from './opinions.time.ts';
import type { Random } from './random.ts';

/**
 * The kind each activity type is scored as: the migration's frozen list of types
 * (2026-12-04T0900_create_activities.ts); the seeding test checks it against the table.
 */
export const TYPE_KINDS: Record<string, ActivityKind> = {
  reception: 'reception',
  research: 'research',
  inspection: 'inspection',
  law_check: 'inspection',
  inquiry: 'other',
  group_activity: 'other',
  training: 'other',
  lecture: 'other',
  consultation: 'other',
  project_supervision: 'inspection',
  livestream: 'other',
  theme: 'other',
  report_to_voters: 'other',
};

const HOUR = 3_600_000;
const beijingMonth = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 7);
/** Beijing's 1 January 00:00 of a year (performance.repo.ts yearWindow). */
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * HOUR).toISOString();

const REFUSED = ['MERGED', 'WITHDRAWN', 'NOT_ACCEPTED'];

export interface ScoreOutputs {
  ruleSets: DemoRuleSet[];
  excellentSuggestions: DemoExcellentSuggestion[];
  scoreEntries: DemoScoreEntry[];
}

export function buildScores(r: Random, w: World, activities: readonly DemoActivity[]): ScoreOutputs {
  const year = Number(w.today.slice(0, 4));
  const nowIso = w.now.toISOString();
  const ruleSets: DemoRuleSet[] = [];
  for (const y of [year - 1, year]) {
    for (const c of w.localCongresses()) {
      // Saved in the first working days of the year (or just now, on New Year's Day).
      const saved = beijingInstant(`${y}-01-0${r.int(5, 9)}`, r.int(9 * 60, 17 * 60)).toISOString();
      ruleSets.push({
        congressCode: c.code,
        year: y,
        version: 1,
        rules: DEFAULT_RULES,
        note: `${y}年度代表履职评价办法（按设计示例默认规则）`,
        createdByUsername: w.staffFor(c.jurisdictionCode!),
        createdAt: saved < nowIso ? saved : new Date(w.now.getTime() - HOUR).toISOString(),
        computedAt: nowIso,
      });
    }
  }
  const excellentSuggestions = markExcellent(r, w);
  return {
    ruleSets,
    excellentSuggestions,
    scoreEntries: entriesFor(w, ruleSets, activities, excellentSuggestions),
  };
}

/** 优秀建议: a few of each congress's answered-and-satisfied suggestions, marked after they closed. */
function markExcellent(r: Random, w: World): DemoExcellentSuggestion[] {
  const nowMs = w.now.getTime();
  const out: DemoExcellentSuggestion[] = [];
  for (const c of w.localCongresses()) {
    const good = w.data.suggestions.filter(
      (s) =>
        s.congressCode === c.code &&
        s.facts.case_number !== null &&
        (s.facts.status === 'CLOSED' || s.facts.status === 'PUBLISHED') &&
        s.facts.reply_class === 'A' &&
        s.facts.result_rating === 'satisfied' &&
        s.facts.closed_at !== null &&
        Date.parse(s.facts.closed_at) + 10 * 24 * HOUR < nowMs,
    );
    for (const s of r.sample(good, Math.min(good.length, Math.max(1, Math.round(good.length * 0.08))))) {
      const at = Date.parse(s.facts.closed_at!) + r.int(10, 40) * 24 * HOUR;
      out.push({
        suggestionKey: s.key,
        markedByUsername: w.staffFor(c.jurisdictionCode!),
        at: new Date(Math.min(at, nowMs - HOUR)).toISOString(),
      });
    }
  }
  return out;
}

/** The entries `recompute` writes for each rule set, computed from the generated rows. */
export function entriesFor(
  w: World,
  ruleSets: readonly DemoRuleSet[],
  activities: readonly DemoActivity[],
  excellent: readonly DemoExcellentSuggestion[],
): DemoScoreEntry[] {
  const nowMonth = beijingMonth(w.now.toISOString());
  const excellentKeys = new Set(excellent.map((e) => e.suggestionKey));
  const suggestions = w.data.suggestions;
  const opinions = w.data.opinions;
  const out: DemoScoreEntry[] = [];
  const inYear = (iso: string, year: number) => iso >= yearStart(year) && iso < yearStart(year + 1);

  // The records of a year, by representative, read once for every congress (as the repo reads them per set).
  const acts = new Map<number, Map<string, Participation[]>>();
  const ops = new Map<number, Map<string, OpinionRecord[]>>();
  const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const year of new Set(ruleSets.map((s) => s.year))) {
    const a = new Map<string, Participation[]>();
    activities.forEach((x, i) => {
      if (!inYear(x.startsAt, year)) return;
      const month = beijingMonth(x.startsAt);
      for (const p of x.participants)
        push(a, p.representativeCode, {
          activityId: i + 1,
          typeCode: x.typeCode,
          kind: TYPE_KINDS[x.typeCode]!,
          role: p.role,
          status: p.status,
          attendance: p.attendance,
          startsAt: x.startsAt,
          endsAt: x.endsAt,
          live: x.status === 'planned',
          month,
        });
    });
    acts.set(year, a);
    const o = new Map<string, OpinionRecord[]>();
    opinions.forEach((x, i) => {
      const f = x.facts;
      if (x.representativeCode === null || f.last_rating === null || f.rated_at === null) return;
      if (inYear(f.rated_at, year))
        push(o, x.representativeCode, { opinionId: i + 1, rating: f.last_rating });
    });
    ops.set(year, o);
  }

  for (const set of ruleSets) {
    // Everyone who held a seat in the congress at some time in the year (performance.repo.ts members).
    const members = [
      ...new Set(
        w.data.seats
          .filter(
            (s) =>
              s.congressCode === set.congressCode &&
              (s.endedOn === null || s.endedOn >= `${set.year}-01-01`) &&
              s.electedOn <= `${set.year}-12-31`,
          )
          .map((s) => s.representativeCode),
      ),
    ].sort((a, b) => w.rank.get(a)! - w.rank.get(b)!);
    const wanted = new Set(members);
    const sugs = new Map<string, SuggestionRecord[]>();
    suggestions.forEach((s, i) => {
      const f = s.facts;
      if (s.congressCode !== set.congressCode || f.year !== set.year || f.case_number === null) return;
      if (REFUSED.includes(f.status)) return;
      for (const g of s.signers) {
        if (g.status !== 'accepted' || !wanted.has(g.representativeCode)) continue;
        push(sugs, g.representativeCode, {
          suggestionId: i + 1,
          role: g.role === 'lead' ? 'lead' : 'cosigner',
          key: f.key_supervision === 1,
          excellent: excellentKeys.has(s.key),
        });
      }
    });
    const yearActs = acts.get(set.year)!;
    const yearOps = ops.get(set.year)!;

    const months = monthsUpTo(set.year, nowMonth);
    for (const code of members) {
      const card = scoreCard(
        set.rules,
        {
          participations: yearActs.get(code) ?? [],
          suggestions: sugs.get(code) ?? [],
          opinions: yearOps.get(code) ?? [],
        },
        w.now,
        months,
      );
      for (const l of card.lines) {
        out.push({
          congressCode: set.congressCode,
          year: set.year,
          representativeCode: code,
          category: l.category,
          rule: l.rule,
          sourceType: l.sourceType,
          sourceKey:
            l.sourceType === 'activity'
              ? activities[l.sourceId - 1]!.key
              : l.sourceType === 'suggestion'
                ? suggestions[l.sourceId - 1]!.key
                : opinions[l.sourceId - 1]!.trackingCode,
          centi: l.centi,
        });
      }
    }
  }
  return out;
}
