/**
 * The statistics of suggestions (代表建议办理统计) as pure functions: what each count means for one
 * case, how the cases of a year are grouped, and the rates of DESIGN.md §5. The JSON figures, the
 * XLSX export and the yearly DOCX report all come from `statsOf`, so there is one way to count.
 *
 * The cases counted are the registered ones of the year (`suggestion.year`) that the actor sees
 * (suggestions.visibility.ts): a case with a case number that was neither merged into another (a
 * merged case counts in the case it merged into) nor withdrawn. Drafts, submissions not yet screened and
 * refusals are not handled cases and appear in no count. Every case falls in exactly one row of
 * each grouping, so the rows add up to the total.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import { worseRating } from './suggestions.domain.ts';
import {
  HANDLING_STATES,
  REPLY_CLASS_LABELS,
  type EvaluationRating,
  type ReplyClass,
  type SuggestionState,
} from './suggestions.vocab.ts';

/** The counts of a row, in the order the export shows them. */
export const STATS_COUNTS = [
  'registered',
  'assigned',
  'replied',
  'repliedOnTime',
  'classA',
  'classB',
  'classC',
  'evaluated',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'unevaluated',
  'rehandled',
  'key',
  'overdue',
  'commitmentsOpen',
  'commitmentsDone',
] as const;
export type StatsCount = (typeof STATS_COUNTS)[number];
export type StatsCounts = Record<StatsCount, number>;

/** What each count is called in the export and the report. */
export const STATS_COUNT_LABELS: Record<StatsCount, string> = {
  registered: '立案件数',
  assigned: '已交办',
  replied: '已答复',
  repliedOnTime: '按时答复',
  classA: 'A类',
  classB: 'B类',
  classC: 'C类',
  evaluated: '已评价',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
  unevaluated: '逾期未评价',
  rehandled: '重新办理',
  key: '重点督办',
  overdue: '超期未答复',
  commitmentsOpen: '承诺事项落实中',
  commitmentsDone: '承诺事项已兑现',
};

export const STATS_GROUPS = ['unit', 'category', 'class', 'congress', 'month'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

/** The heading of the grouping column. */
export const STATS_GROUP_LABELS: Record<StatsGroup, string> = {
  unit: '主办单位',
  category: '类别',
  class: '答复类别',
  congress: '人民代表大会',
  month: '立案月份',
};

/** The row of cases without a lead unit yet, without a category, or without a reply. */
export const NONE_KEY = 'none';
export const TOTAL_KEY = 'total';

/** One registered case, as the statistics see it. Timestamps are ISO strings. */
export interface CaseFacts {
  id: number;
  status: string;
  caseNumber: number | null;
  registeredAt: string | null;
  assignedAt: string | null;
  firstRepliedAt: string | null;
  replyOnTime: number | null;
  /** The class of the latest reply. */
  replyClass: string | null;
  attitudeRating: string | null;
  resultRating: string | null;
  closeReason: string | null;
  rehandleRounds: number;
  keySupervision: number;
  replyDue: string | null;
  commitmentsOpen: number;
  commitmentsDone: number;
  congressId: number;
  congressName: string;
  categoryCode: string | null;
  categoryName: string | null;
  leadUnitId: number | null;
  leadUnitName: string | null;
}

export interface StatsRates {
  /** 按时答复率 = repliedOnTime / replied. */
  onTime: number | null;
  /** 满意率 = (satisfied + 0.9 × basicallySatisfied) / evaluated; unevaluated cases are outside it. */
  satisfaction: number | null;
  /** 解决率 = classA / replied (A: 已解决或基本解决). */
  solved: number | null;
}

export interface StatsRow {
  key: string;
  label: string;
  counts: StatsCounts;
  rates: StatsRates;
}

export interface StatsTable {
  total: StatsRow;
  rows: StatsRow[];
}

export function emptyCounts(): StatsCounts {
  return Object.fromEntries(STATS_COUNTS.map((k) => [k, 0])) as StatsCounts;
}

const bit = (b: boolean) => (b ? 1 : 0);

/** The worse of the latest evaluation's two ratings, when an evaluation stands. */
function standingRating(c: CaseFacts): EvaluationRating | null {
  if (c.resultRating === null || c.status === 'REPLIED') return null;
  const result = c.resultRating as EvaluationRating;
  return worseRating((c.attitudeRating ?? result) as EvaluationRating, result);
}

/**
 * One case's contribution to every count:
 * - registered: it has a case number and was neither merged (MERGED counts in its target) nor
 *   withdrawn by its lead;
 * - assigned: it was assigned (交办) at least once (`assigned_at`);
 * - replied: a first reply came (`first_replied_at`); repliedOnTime: that first reply came by its
 *   deadline (`reply_on_time = 1`);
 * - classA/B/C: the class of the latest reply, among replied cases;
 * - evaluated: an evaluation stands (`result_rating` set and the case not back to REPLIED, which
 *   waits for a new one); satisfied / basicallySatisfied / unsatisfied: the worse of the latest
 *   evaluation's attitude and result ratings (worseRating), so they add up to evaluated;
 * - unevaluated: closed because the representative did not evaluate in time (never satisfied);
 * - rehandled: at least one re-handling round (二次办理); key: flagged 重点督办;
 * - overdue: a unit holds it (HANDLING_STATES) and its reply deadline has passed at `now`;
 * - commitmentsOpen / commitmentsDone: its class-B commitments by status (cancelled ones in neither).
 */
export function countsOf(c: CaseFacts, now: Date): StatsCounts {
  const replied = c.firstRepliedAt !== null;
  const cls = replied ? c.replyClass : null;
  const rating = standingRating(c);
  const handling = HANDLING_STATES.includes(c.status as SuggestionState);
  return {
    registered: bit(c.caseNumber !== null && c.status !== 'MERGED' && c.status !== 'WITHDRAWN'),
    assigned: bit(c.assignedAt !== null),
    replied: bit(replied),
    repliedOnTime: bit(replied && c.replyOnTime === 1),
    classA: bit(cls === 'A'),
    classB: bit(cls === 'B'),
    classC: bit(cls === 'C'),
    evaluated: bit(rating !== null),
    satisfied: bit(rating === 'satisfied'),
    basicallySatisfied: bit(rating === 'basically_satisfied'),
    unsatisfied: bit(rating === 'unsatisfied'),
    unevaluated: bit(c.closeReason === 'unevaluated'),
    rehandled: bit(c.rehandleRounds > 0),
    key: bit(c.keySupervision === 1),
    overdue: bit(handling && c.replyDue !== null && Date.parse(c.replyDue) < now.getTime()),
    commitmentsOpen: c.commitmentsOpen,
    commitmentsDone: c.commitmentsDone,
  };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function ratesOf(c: StatsCounts): StatsRates {
  return {
    onTime: ratio(c.repliedOnTime, c.replied),
    satisfaction: ratio(c.satisfied + 0.9 * c.basicallySatisfied, c.evaluated),
    solved: ratio(c.classA, c.replied),
  };
}

const CLASS_ROWS: readonly { key: string; label: string }[] = [
  ...(['A', 'B', 'C'] as const).map((k: ReplyClass) => ({ key: k, label: REPLY_CLASS_LABELS[k].zh })),
  { key: NONE_KEY, label: '未答复' },
];

/** `2026-03` → `2026年3月`. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The row a case falls in, for each grouping. */
export function groupOf(c: CaseFacts, by: StatsGroup): { key: string; label: string } {
  switch (by) {
    case 'unit':
      return c.leadUnitId === null
        ? { key: NONE_KEY, label: '未交办' }
        : { key: String(c.leadUnitId), label: c.leadUnitName ?? String(c.leadUnitId) };
    case 'category':
      return c.categoryCode === null
        ? { key: NONE_KEY, label: '未分类' }
        : { key: c.categoryCode, label: c.categoryName ?? c.categoryCode };
    case 'class': {
      const cls = c.firstRepliedAt !== null ? c.replyClass : null;
      return CLASS_ROWS.find((r) => r.key === cls) ?? CLASS_ROWS[CLASS_ROWS.length - 1]!;
    }
    case 'congress':
      return { key: String(c.congressId), label: c.congressName };
    case 'month': {
      // Registered cases always have registered_at; the fallback keeps the function total.
      if (c.registeredAt === null) return { key: NONE_KEY, label: '未立案' };
      const month = beijingDateOf(new Date(c.registeredAt)).slice(0, 7);
      return { key: month, label: monthLabel(month) };
    }
  }
}

function add(into: StatsCounts, c: StatsCounts): void {
  for (const k of STATS_COUNTS) into[k] += c[k];
}

/**
 * Rows in the order a reader expects: classes A, B, C then unreplied (all four, even empty);
 * months in time order; units, categories and congresses by number of cases, then by name,
 * with the 'none' row last.
 */
function ordered(by: StatsGroup, rows: StatsRow[]): StatsRow[] {
  if (by === 'class') {
    return CLASS_ROWS.map(
      (r) =>
        rows.find((x) => x.key === r.key) ?? { ...r, counts: emptyCounts(), rates: ratesOf(emptyCounts()) },
    );
  }
  const last = (r: StatsRow) => (r.key === NONE_KEY ? 1 : 0);
  if (by === 'month') return rows.sort((a, b) => last(a) - last(b) || a.key.localeCompare(b.key));
  return rows.sort(
    (a, b) =>
      last(a) - last(b) ||
      b.counts.registered - a.counts.registered ||
      a.label.localeCompare(b.label, 'zh-CN') ||
      a.key.localeCompare(b.key),
  );
}

/** The counts of the cases, grouped, in one pass, with the total over all of them. */
export function statsOf(cases: readonly CaseFacts[], by: StatsGroup, now: Date): StatsTable {
  const total = emptyCounts();
  const groups = new Map<string, { label: string; counts: StatsCounts }>();
  for (const c of cases) {
    const counts = countsOf(c, now);
    const g = groupOf(c, by);
    const row = groups.get(g.key) ?? { label: g.label, counts: emptyCounts() };
    add(row.counts, counts);
    add(total, counts);
    groups.set(g.key, row);
  }
  const rows = [...groups].map(([key, r]) => ({
    key,
    label: r.label,
    counts: r.counts,
    rates: ratesOf(r.counts),
  }));
  return {
    total: { key: TOTAL_KEY, label: '合计', counts: total, rates: ratesOf(total) },
    rows: ordered(by, rows),
  };
}

/** A rate as a percentage with one decimal ('72.5%'), or '—' when there is nothing to divide by. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
