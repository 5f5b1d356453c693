/**
 * A representative's archive (履职档案) for a congress and year: the timeline of everything on
 * record — activities attended, on leave or missed, suggestions led and co-signed with their
 * replies, opinions received with their outcome and the citizens' ratings — the year's figures,
 * the score card (every line with its record) and the method of the rules in force. Who may read
 * it is scoreCardOf's rule: staff and leaders for the congresses of their jurisdiction, a
 * representative their own. The DOCX report and the XLSX export are made from this one view.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.domain.ts';
import {
  OPINION_STATE_LABELS,
  RATING_LABELS,
  REPLY_RESULT_LABELS,
  type OpinionState,
  type Rating,
  type ReplyResult,
} from '../opinions/opinions.vocab.ts';
import {
  EVALUATION_RATINGS,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATE_LABELS,
  type SuggestionKind,
  type SuggestionState,
} from '../suggestions/suggestions.vocab.ts';
import { DEFAULT_RULES, describeRules } from './performance.domain.ts';
import * as perf from './performance.repo.ts';
import * as repo from './archive.repo.ts';
import type { ActivityOutcome, ArchiveSummary, ArchiveView, TimelineEntry } from './archive.schema.ts';
import { scoreCardOf } from './scores.service.ts';
import { parseRules } from './scoring.service.ts';

export const ACTIVITY_OUTCOME_LABELS: Record<ActivityOutcome, string> = {
  attended: '出席',
  leave: '请假',
  absent: '缺席',
  upcoming: '尚未举行',
  cancelled: '活动取消',
};

export const RECORD_TYPE_LABELS = { activity: '活动', suggestion: '建议', opinion: '群众意见' } as const;

/** States in which an opinion is no longer being handled. */
const SETTLED: readonly string[] = [
  'REJECTED',
  'MERGED',
  'CONVERTED',
  'CLOSED',
  'CLOSED_UNRATED',
  'PUBLISHED',
];

const RATING_ORDER = EVALUATION_RATINGS as readonly string[];
/** The worse of two ratings (satisfied < basically_satisfied < unsatisfied in badness). */
const worse = (a: string | null, b: string | null) =>
  a === null || b === null ? null : RATING_ORDER.indexOf(a) >= RATING_ORDER.indexOf(b) ? a : b;

const label = <K extends string>(labels: Record<K, { zh: string }>, key: string | null) =>
  key === null ? null : (labels[key as K]?.zh ?? key);

/** The title an opinion goes by in the archive: its category, never the citizen's words or code. */
export const opinionTitle = (categoryLabel: string | null) => `群众意见（${categoryLabel ?? '未分类'}）`;

type Invitation = Awaited<ReturnType<typeof repo.invitationsInYear>>[number];

function activityOutcome(i: Invitation, now: Date): ActivityOutcome {
  if (i.activity_status === 'cancelled') return 'cancelled';
  if (i.attendance === 'present') return 'attended';
  if (i.status === 'leave_approved') return 'leave';
  // What the scoring counts as an unexcused absence (performance.domain.ts isUnexcusedAbsence).
  return Date.parse(i.ends_at) < now.getTime() ? 'absent' : 'upcoming';
}

/** GET /performance/representatives/:id/archive. */
export async function archiveOf(
  ctx: AppContext,
  actor: Actor,
  representativeId: number,
  congressId: number,
  year: number,
): Promise<ArchiveView> {
  // The score card first: it applies the access rule and is the source of every point.
  const card = await scoreCardOf(ctx, actor, representativeId, congressId, year);
  const db = ctx.database.db;
  const w = perf.yearWindow(year);
  const now = ctx.clock.now();
  const [profile, invitations, suggestions, opinions, set, types] = await Promise.all([
    repo.profileOf(db, representativeId, congressId),
    repo.invitationsInYear(db, representativeId, w),
    repo.suggestionsInYear(db, congressId, representativeId, year),
    repo.opinionsInYear(db, representativeId, w),
    perf.currentRuleSet(db, congressId, year),
    perf.activityTypeCodes(db),
  ]);
  const points = new Map<string, number>();
  for (const l of card.lines) {
    const key = `${l.source.type}/${l.source.id}`;
    points.set(key, Math.round(((points.get(key) ?? 0) + l.points) * 100) / 100);
  }
  const pointsOf = (type: string, id: number) => points.get(`${type}/${id}`) ?? 0;

  const timeline: TimelineEntry[] = [];
  for (const i of invitations) {
    const outcome = activityOutcome(i, now);
    timeline.push({
      type: 'activity',
      id: i.id,
      at: i.starts_at,
      title: i.title,
      category: i.type_label,
      outcome,
      outcomeLabel:
        i.role === 'host' && outcome === 'attended' ? '出席（主持）' : ACTIVITY_OUTCOME_LABELS[outcome],
      detail: i.place,
      points: pointsOf('activity', i.id),
      activity: {
        typeCode: i.type_code,
        kind: i.kind,
        role: i.role === 'host' ? 'host' : 'participant',
        startsAt: i.starts_at,
        endsAt: i.ends_at,
        place: i.place,
      },
    });
  }
  for (const s of suggestions) {
    const role = s.role === 'lead' ? 'lead' : 'cosigner';
    const caseLabel = s.case_number === null ? null : `第${s.case_number}号`;
    const kindLabel = label(SUGGESTION_KIND_LABELS, s.kind as SuggestionKind) ?? '建议';
    const statusLabel = label(SUGGESTION_STATE_LABELS, s.status as SuggestionState) ?? s.status;
    const evaluation = worse(s.attitude_rating, s.result_rating);
    timeline.push({
      type: 'suggestion',
      id: s.id,
      at: s.registered_at ?? w.fromIso,
      title: s.title,
      category: `${role === 'lead' ? '领衔' : '附议'}${kindLabel}`,
      outcome: s.status,
      outcomeLabel: statusLabel,
      detail:
        [
          caseLabel,
          s.reply_class ? `${s.reply_class}类答复` : null,
          s.document_number,
          s.lead_unit ? `主办：${s.lead_unit}` : null,
        ]
          .filter(Boolean)
          .join(' · ') || null,
      points: pointsOf('suggestion', s.id),
      suggestion: {
        role,
        kind: s.kind,
        caseLabel,
        lead: s.lead_name,
        status: s.status,
        statusLabel,
        registeredAt: s.registered_at,
        replyClass: s.reply_class,
        documentNumber: s.document_number,
        leadUnit: s.lead_unit,
        keySupervision: s.key_supervision === 1,
        excellent: s.excellent !== null,
        evaluation,
      },
    });
  }
  for (const o of opinions) {
    const carriedOver = o.submitted_at < w.fromIso;
    const statusLabel = label(OPINION_STATE_LABELS, o.status as OpinionState) ?? o.status;
    const result = label(REPLY_RESULT_LABELS, o.last_result as ReplyResult);
    const rating = label(RATING_LABELS, o.last_rating as Rating);
    timeline.push({
      type: 'opinion',
      id: o.id,
      at: carriedOver && o.rated_at ? o.rated_at : o.submitted_at,
      title: opinionTitle(o.category_label),
      category: o.category_label ?? '未分类',
      outcome: o.last_rating ?? o.last_result ?? o.status,
      outcomeLabel: [result, rating ? `群众${rating}` : null].filter(Boolean).join('，') || statusLabel,
      detail: statusLabel,
      points: pointsOf('opinion', o.id),
      opinion: {
        categoryLabel: o.category_label ?? null,
        status: o.status,
        statusLabel,
        submittedAt: o.submitted_at,
        result: o.last_result,
        rating: o.last_rating,
        ratedAt: o.rated_at,
        carriedOver,
      },
    });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at) || a.type.localeCompare(b.type) || a.id - b.id);

  // Opinion lines are named like the timeline names them (the card's own titles carry the citizen's words).
  const titleOf = new Map(timeline.map((t) => [`${t.type}/${t.id}`, t.title]));
  const score = {
    ...card,
    lines: card.lines.map((l) =>
      l.source.type === 'opinion'
        ? {
            ...l,
            source: { ...l.source, title: titleOf.get(`opinion/${l.source.id}`) ?? opinionTitle(null) },
          }
        : l,
    ),
  };
  const rules = set ? parseRules(set.rules) : DEFAULT_RULES;
  const typeOrder = new Map(types.map((t, i) => [t.code, i]));
  return {
    representative: {
      id: representativeId,
      name: profile?.name ?? card.representative.name,
      employer: profile?.employer ?? null,
      post: profile?.post ?? null,
      constituency: profile?.constituency ?? null,
      delegation: profile?.delegation ?? null,
      stations: profile?.stations ?? [],
    },
    congress: card.congress,
    year,
    asOf: now.toISOString(),
    yearComplete: now.toISOString() >= w.toIso,
    summary: summarise(timeline, typeOrder),
    timeline,
    score,
    method: describeRules(rules, Object.fromEntries(types.map((t) => [t.code, t.label_zh]))),
  };
}

/** The year's figures from the timeline (so the figures and the list never disagree). */
export function summarise(
  timeline: readonly TimelineEntry[],
  typeOrder: ReadonlyMap<string, number>,
): ArchiveSummary {
  const acts = timeline.filter((t) => t.type === 'activity');
  const n = (xs: readonly TimelineEntry[], p: (t: TimelineEntry) => boolean) => xs.filter(p).length;
  const attended = acts.filter((a) => a.outcome === 'attended');
  const byType = new Map<string, { typeCode: string; label: string; attended: number; dates: string[] }>();
  for (const a of attended) {
    const code = a.activity!.typeCode;
    const one = byType.get(code) ?? { typeCode: code, label: a.category, attended: 0, dates: [] };
    one.attended += 1;
    one.dates.push(beijingDateOf(new Date(a.at)));
    byType.set(code, one);
  }
  const sugs = timeline.filter((t) => t.type === 'suggestion').map((t) => t.suggestion!);
  const led = sugs.filter((s) => s.role === 'lead');
  const ops = timeline.filter((t) => t.type === 'opinion').map((t) => t.opinion!);
  const received = ops.filter((o) => !o.carriedOver);
  const rated = ops.filter((o) => o.rating !== null);
  const satisfied = rated.filter((o) => o.rating === 'satisfied').length;
  const basically = rated.filter((o) => o.rating === 'basically_satisfied').length;
  const categories = new Map<string, number>();
  for (const o of received) {
    const key = o.categoryLabel ?? '未分类';
    categories.set(key, (categories.get(key) ?? 0) + 1);
  }
  return {
    activities: {
      invited: acts.length,
      attended: attended.length,
      hosted: n(attended, (a) => a.activity!.role === 'host'),
      leave: n(acts, (a) => a.outcome === 'leave'),
      absent: n(acts, (a) => a.outcome === 'absent'),
      upcoming: n(acts, (a) => a.outcome === 'upcoming'),
      cancelled: n(acts, (a) => a.outcome === 'cancelled'),
      byType: [...byType.values()].sort(
        (a, b) => (typeOrder.get(a.typeCode) ?? 99) - (typeOrder.get(b.typeCode) ?? 99),
      ),
    },
    suggestions: {
      led: led.length,
      cosigned: sugs.length - led.length,
      replied: sugs.filter((s) => s.replyClass !== null).length,
      classA: sugs.filter((s) => s.replyClass === 'A').length,
      classB: sugs.filter((s) => s.replyClass === 'B').length,
      classC: sugs.filter((s) => s.replyClass === 'C').length,
      key: sugs.filter((s) => s.keySupervision).length,
      excellent: sugs.filter((s) => s.excellent).length,
      evaluated: led.filter((s) => s.evaluation !== null).length,
      satisfied: led.filter((s) => s.evaluation === 'satisfied').length,
      basicallySatisfied: led.filter((s) => s.evaluation === 'basically_satisfied').length,
      unsatisfied: led.filter((s) => s.evaluation === 'unsatisfied').length,
    },
    opinions: {
      received: received.length,
      carriedOver: ops.length - received.length,
      replied: received.filter((o) => o.result !== null).length,
      solved: received.filter((o) => o.result === 'solved').length,
      partiallySolved: received.filter((o) => o.result === 'partially_solved').length,
      explained: received.filter((o) => o.result === 'explained').length,
      open: received.filter((o) => !SETTLED.includes(o.status)).length,
      rated: rated.length,
      satisfied,
      basicallySatisfied: basically,
      unsatisfied: rated.length - satisfied - basically,
      satisfactionRate: rated.length > 0 ? (satisfied + 0.9 * basically) / rated.length : null,
      byCategory: [...categories]
        .map(([l, count]) => ({ label: l, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN')),
    },
  };
}
