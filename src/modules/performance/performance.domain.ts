/**
 * Duty-performance scoring (履职评价, DESIGN.md §4.3) as pure functions of a rule set and the
 * records: every point is an entry that names the record that earned it (an activity, a
 * suggestion, an opinion), so a representative's score can always be traced back. The method is
 * published (`describeRules`) in plain Chinese from the same rules.
 *
 * Three parts, each capped: participation (points per attended activity by its kind or type, a
 * bonus for hosting, minus a penalty per half day of unexcused absence), suggestions (as lead, as
 * co-signer, bonuses for 重点督办 and excellent ones), and problem solving (the share of the
 * representative's rated opinions closed 满意 ×1.0 / 基本满意 ×0.9, scaled to the cap). Yearly
 * requirements are checked and shown as met / not yet / exempt: documented leave (an approved
 * 请假 for an activity) exempts, never an absence.
 */
import type { Bilingual } from '../../platform/http/errors.ts';
import { checkinWindow, type ActivityKind } from '../activities/activities.domain.ts';

export const SCORE_CATEGORIES = ['participation', 'suggestions', 'solving'] as const;
export type ScoreCategory = (typeof SCORE_CATEGORIES)[number];
export const SCORE_CATEGORY_LABELS: Record<ScoreCategory, Bilingual> = {
  participation: { zh: '参加活动', en: 'Participation' },
  suggestions: { zh: '提出建议', en: 'Suggestions' },
  solving: { zh: '解决问题', en: 'Problem solving' },
};

export type Requirement =
  | { code: string; label: string; kind: 'suggestions'; min: number; role: 'lead' | 'any' }
  | { code: string; label: string; kind: 'activities'; activityKinds: ActivityKind[]; min: number }
  | { code: string; label: string; kind: 'monthly_reception' };

export interface ScoreRules {
  caps: Record<ScoreCategory, number>;
  activity: {
    /** Points per attended activity, by the kind of its type… */
    byKind: Record<ActivityKind, number>;
    /** …unless its type has points of its own. */
    byType: Record<string, number>;
    /** Added for hosting (主持). */
    hostBonus: number;
    /** Taken off per half day of unexcused absence. */
    absencePenalty: number;
  };
  suggestion: { lead: number; cosign: number; key: number; excellent: number };
  solving: { satisfied: number; basicallySatisfied: number };
  requirements: Requirement[];
}

/** DESIGN.md §4.3's example, the rule set a congress starts a year with. */
export const DEFAULT_RULES: ScoreRules = {
  caps: { participation: 40, suggestions: 30, solving: 30 },
  activity: {
    byKind: { reception: 2, research: 3, inspection: 3, other: 1 },
    byType: {},
    hostBonus: 1,
    absencePenalty: 1,
  },
  suggestion: { lead: 3, cosign: 1, key: 5, excellent: 5 },
  solving: { satisfied: 1, basicallySatisfied: 0.9 },
  requirements: [
    { code: 'suggestion', label: '提出专业性建议不少于1件', kind: 'suggestions', min: 1, role: 'lead' },
    {
      code: 'research',
      label: '参加调研、视察活动不少于2次',
      kind: 'activities',
      activityKinds: ['research', 'inspection'],
      min: 2,
    },
    { code: 'reception', label: '每月参加接待选民活动', kind: 'monthly_reception' },
  ],
};

/** An invitation to an activity, as the scoring reads it. */
export interface Participation {
  activityId: number;
  typeCode: string;
  kind: ActivityKind;
  role: 'participant' | 'host';
  /** The participant's status (leave_approved is documented leave). */
  status: string;
  attendance: 'present' | 'absent' | null;
  startsAt: string;
  endsAt: string;
  /** Cancelled or deleted activities count for nothing. */
  live: boolean;
  /** Its Beijing month, 'YYYY-MM'. */
  month: string;
}

export interface SuggestionRecord {
  suggestionId: number;
  role: 'lead' | 'cosigner';
  key: boolean;
  excellent: boolean;
}

export interface OpinionRecord {
  opinionId: number;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
}

export interface RepresentativeRecords {
  participations: readonly Participation[];
  suggestions: readonly SuggestionRecord[];
  opinions: readonly OpinionRecord[];
}

export interface ScoreLine {
  category: ScoreCategory;
  /** What earned it: 'activity.research', 'activity.host', 'absence', 'suggestion.lead' … */
  rule: string;
  sourceType: 'activity' | 'suggestion' | 'opinion';
  sourceId: number;
  /** Hundredths of a point (integers add up exactly on every engine). */
  centi: number;
}

export interface RequirementStatus {
  code: string;
  label: string;
  status: 'met' | 'not_yet' | 'exempt';
  have: number;
  need: number;
  /** For the monthly requirement: each month's state. */
  /** Month by month; the month under way is 'pending' until a reception in it is attended. */
  months?: { month: string; status: MonthStatus }[];
}

export interface ScoreCard {
  lines: ScoreLine[];
  /** Sum of the lines of each part, and the part as counted (capped at its maximum, never below 0). */
  raw: Record<ScoreCategory, number>;
  counted: Record<ScoreCategory, number>;
  /** Hundredths. */
  total: number;
  requirements: RequirementStatus[];
}

const centi = (points: number) => Math.round(points * 100);

function halfDaysOf(p: Pick<Participation, 'startsAt' | 'endsAt'>): number {
  const hours = (Date.parse(p.endsAt) - Date.parse(p.startsAt)) / 3_600_000;
  return Math.max(1, Math.ceil(hours / 4));
}

/** A past, live activity the representative neither attended nor had leave for, its check-in closed. */
export function isUnexcusedAbsence(p: Participation, now: Date): boolean {
  return (
    p.live &&
    // Not while check-in is still open after the end, for those who forgot to scan.
    checkinWindow(p).closes.getTime() < now.getTime() &&
    p.attendance !== 'present' &&
    p.status !== 'leave_approved'
  );
}

/**
 * One representative's score card. `months` are the months the monthly requirement covers (the
 * year's months up to now, 'YYYY-MM').
 */
export function scoreCard(
  rules: ScoreRules,
  r: RepresentativeRecords,
  now: Date,
  months: readonly string[],
): ScoreCard {
  const lines: ScoreLine[] = [];
  for (const p of r.participations) {
    if (!p.live) continue;
    if (p.attendance === 'present') {
      const points = rules.activity.byType[p.typeCode] ?? rules.activity.byKind[p.kind];
      lines.push({
        category: 'participation',
        rule: `activity.${p.kind}`,
        sourceType: 'activity',
        sourceId: p.activityId,
        centi: centi(points),
      });
      if (p.role === 'host' && rules.activity.hostBonus !== 0)
        lines.push({
          category: 'participation',
          rule: 'activity.host',
          sourceType: 'activity',
          sourceId: p.activityId,
          centi: centi(rules.activity.hostBonus),
        });
    } else if (isUnexcusedAbsence(p, now) && rules.activity.absencePenalty !== 0) {
      lines.push({
        category: 'participation',
        rule: 'absence',
        sourceType: 'activity',
        sourceId: p.activityId,
        centi: -centi(rules.activity.absencePenalty * halfDaysOf(p)),
      });
    }
  }
  for (const s of r.suggestions) {
    const line = (rule: string, points: number) =>
      lines.push({
        category: 'suggestions',
        rule,
        sourceType: 'suggestion',
        sourceId: s.suggestionId,
        centi: centi(points),
      });
    line(
      s.role === 'lead' ? 'suggestion.lead' : 'suggestion.cosign',
      s.role === 'lead' ? rules.suggestion.lead : rules.suggestion.cosign,
    );
    if (s.role === 'lead' && s.key) line('suggestion.key', rules.suggestion.key);
    if (s.role === 'lead' && s.excellent) line('suggestion.excellent', rules.suggestion.excellent);
  }
  const rated = r.opinions.length;
  for (const o of r.opinions) {
    const value =
      o.rating === 'satisfied'
        ? rules.solving.satisfied
        : o.rating === 'basically_satisfied'
          ? rules.solving.basicallySatisfied
          : 0;
    // Each rated opinion carries its share of the part: the part is the average, scaled to the cap.
    lines.push({
      category: 'solving',
      rule: `opinion.${o.rating}`,
      sourceType: 'opinion',
      sourceId: o.opinionId,
      centi: centi((rules.caps.solving * value) / rated),
    });
  }
  const raw = { participation: 0, suggestions: 0, solving: 0 } as Record<ScoreCategory, number>;
  for (const l of lines) raw[l.category] += l.centi;
  const counted = Object.fromEntries(
    SCORE_CATEGORIES.map((c) => [c, Math.max(0, Math.min(raw[c], centi(rules.caps[c])))]),
  ) as Record<ScoreCategory, number>;
  return {
    lines,
    raw,
    counted,
    total: SCORE_CATEGORIES.reduce((a, c) => a + counted[c], 0),
    requirements: rules.requirements.map((q) => requirementStatus(q, r, months, beijingMonthOf(now))),
  };
}

export type MonthStatus = 'met' | 'missing' | 'exempt' | 'pending';

const beijingMonthOf = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

function requirementStatus(
  q: Requirement,
  r: RepresentativeRecords,
  months: readonly string[],
  currentMonth: string,
): RequirementStatus {
  switch (q.kind) {
    case 'suggestions': {
      const have = r.suggestions.filter((s) => q.role === 'any' || s.role === 'lead').length;
      return { code: q.code, label: q.label, status: have >= q.min ? 'met' : 'not_yet', have, need: q.min };
    }
    case 'activities': {
      const of = r.participations.filter((p) => p.live && q.activityKinds.includes(p.kind));
      const have = of.filter((p) => p.attendance === 'present').length;
      const excused = of.filter((p) => p.attendance !== 'present' && p.status === 'leave_approved').length;
      const status = have >= q.min ? 'met' : have + excused >= q.min ? 'exempt' : 'not_yet';
      return { code: q.code, label: q.label, status, have, need: q.min };
    }
    case 'monthly_reception': {
      const receptions = r.participations.filter((p) => p.live && p.kind === 'reception');
      const perMonth = months.map((month) => {
        const of = receptions.filter((p) => p.month === month);
        const status: MonthStatus = of.some((p) => p.attendance === 'present')
          ? 'met'
          : of.some((p) => p.status === 'leave_approved')
            ? 'exempt'
            : month === currentMonth
              ? 'pending'
              : 'missing';
        return { month, status };
      });
      // The month under way counts once it is met; until then it is neither met nor missed.
      const counted = perMonth.filter((m) => m.status !== 'pending');
      const have = counted.filter((m) => m.status === 'met').length;
      const missing = counted.some((m) => m.status === 'missing');
      const status = missing ? 'not_yet' : counted.some((m) => m.status === 'exempt') ? 'exempt' : 'met';
      return { code: q.code, label: q.label, status, have, need: counted.length, months: perMonth };
    }
  }
}

/** The months of `year` up to `now` ('YYYY-MM'), all twelve for a past year, none for a future one. */
export function monthsUpTo(year: number, nowMonth: string): string[] {
  const last = nowMonth.startsWith(`${year}-`) ? Number(nowMonth.slice(5, 7)) : nowMonth < `${year}` ? 0 : 12;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export type RulesProblem = { path: string; message: Bilingual };

/** Check a rule set a person wrote (numbers in range, codes unique, kinds known); the problems, or none. */
export function checkRules(rules: ScoreRules, activityTypes: readonly string[]): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const number = (path: string, v: number, min: number, max: number) => {
    if (!Number.isFinite(v) || v < min || v > max)
      problems.push({
        path,
        message: { zh: `须为 ${min} 到 ${max} 之间的数`, en: `must be a number from ${min} to ${max}` },
      });
  };
  for (const c of SCORE_CATEGORIES) number(`/caps/${c}`, rules.caps[c], 0, 1000);
  for (const [k, v] of Object.entries(rules.activity.byKind)) number(`/activity/byKind/${k}`, v, 0, 100);
  for (const [t, v] of Object.entries(rules.activity.byType)) {
    number(`/activity/byType/${t}`, v, 0, 100);
    if (!activityTypes.includes(t))
      problems.push({
        path: `/activity/byType/${t}`,
        message: { zh: `未知的活动类型“${t}”`, en: `Unknown activity type "${t}"` },
      });
  }
  number('/activity/hostBonus', rules.activity.hostBonus, 0, 100);
  number('/activity/absencePenalty', rules.activity.absencePenalty, 0, 100);
  for (const k of ['lead', 'cosign', 'key', 'excellent'] as const)
    number(`/suggestion/${k}`, rules.suggestion[k], 0, 100);
  number('/solving/satisfied', rules.solving.satisfied, 0, 1);
  number('/solving/basicallySatisfied', rules.solving.basicallySatisfied, 0, 1);
  const codes = new Set<string>();
  rules.requirements.forEach((q, i) => {
    if (codes.has(q.code))
      problems.push({
        path: `/requirements/${i}/code`,
        message: { zh: '要求编码重复', en: 'Duplicate requirement code' },
      });
    codes.add(q.code);
    if (q.kind !== 'monthly_reception') number(`/requirements/${i}/min`, q.min, 1, 100);
  });
  return problems;
}

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The method in plain Chinese, from the rules themselves (published on the public site). */
export function describeRules(rules: ScoreRules, typeLabels: Record<string, string>): string[] {
  const k = rules.activity.byKind;
  const byType = Object.entries(rules.activity.byType).map(([t, v]) => `${typeLabels[t] ?? t}每次${n(v)}分`);
  return [
    `履职评价满分${n(rules.caps.participation + rules.caps.suggestions + rules.caps.solving)}分，由参加活动（最高${n(rules.caps.participation)}分）、提出建议（最高${n(rules.caps.suggestions)}分）、解决问题（最高${n(rules.caps.solving)}分）三部分组成，每一分都对应一条可查的履职记录。`,
    `参加活动：经签到或登记出席的，接待选民每次${n(k.reception)}分，调研每次${n(k.research)}分，视察、执法检查等每次${n(k.inspection)}分，其他活动每次${n(k.other)}分${byType.length ? `（${byType.join('，')}）` : ''}；主持活动另加${n(rules.activity.hostBonus)}分。无故缺席的，每半天扣${n(rules.activity.absencePenalty)}分；经批准请假的不扣分。`,
    `提出建议：领衔提出并经立案的建议每件${n(rules.suggestion.lead)}分，附议每件${n(rules.suggestion.cosign)}分；列为重点督办的另加${n(rules.suggestion.key)}分，评为优秀建议的另加${n(rules.suggestion.excellent)}分。`,
    `解决问题：按代表接收的群众意见中已评价事项的满意程度计分，满意按${n(rules.solving.satisfied)}、基本满意按${n(rules.solving.basicallySatisfied)}、不满意按0折算，取平均值乘以${n(rules.caps.solving)}分；未评价的事项不计入。`,
    `年度基本要求：${rules.requirements.map((q) => q.label).join('；')}。经批准请假的视为已履行相应要求。`,
  ];
}
