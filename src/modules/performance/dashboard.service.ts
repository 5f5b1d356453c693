/**
 * The congress's duty-performance dashboard (履职统计, DESIGN.md §4.3 and §5): for a congress and
 * a year, who takes part and who does not, counted from the activity records at the time of the
 * request, for congress staff and leaders whose jurisdiction holds the congress.
 *
 * What is counted:
 * - the activities: live ones (not cancelled or deleted) of the congress's jurisdiction and below
 *   that start in the year, Beijing time — what the congress's own staff can see, whatever
 *   organised them (the congress, a station, a group);
 * - the members: the representatives who sat in the congress at any time in the year (as scoring
 *   counts them), and their invitations to those activities;
 * - attendance (AttendanceView): of the invitations that are due (the activity is over, or it was
 *   attended already), attended, on approved leave, or absent without leave;
 * - groups and stations: every regional and professional group and every active station of the
 *   jurisdiction and below, with its roster's size, its members' attendance (at any of those
 *   activities) and the activities it organised itself;
 * - levels: each member once, under the highest level of the seats they held in the year (a county
 *   congress's members who also sit in the city, provincial or national congress);
 * - requirements: each member's score card (`cardsFor`) under the congress's rules in force for
 *   the year, or the default rules when none were saved. The score card counts every invitation
 *   of the member, wherever the activity was held, exactly as the scores do.
 */
import type { AppContext } from '../../platform/context.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import type { ActivityKind } from '../activities/activities.domain.ts';
import { CONGRESS_LEVEL_LABELS, CONGRESS_LEVELS, sortLevels, type CongressLevel } from '../org/org.domain.ts';
import * as repo from './dashboard.repo.ts';
import type { AttendanceView, PerformanceDashboard, PerformanceDashboardQuery } from './dashboard.schema.ts';
import { DEFAULT_RULES } from './performance.domain.ts';
import * as perf from './performance.repo.ts';
import { congressForStaff, currentYear } from './scores.service.ts';
import { cardsFor, parseRules } from './scoring.service.ts';

/** Default length of the top and bottom lists. */
export const DASHBOARD_LIMIT = 10;
/** The most names listed under one requirement not met. */
export const REQUIREMENT_NAMES_MAX = 1000;

type Counts = repo.InvitationCounts;

/** Attendance as shown, from the counts of the invitations. */
export function attendanceOf(c: Counts): AttendanceView {
  return {
    invited: c.due,
    attended: c.attended,
    onLeave: c.onLeave,
    absent: c.due - c.attended - c.onLeave,
    rate: c.due > 0 ? c.attended / c.due : null,
  };
}

function add(into: Counts, c: Counts): Counts {
  into.invitations += c.invitations;
  into.due += c.due;
  into.attended += c.attended;
  into.onLeave += c.onLeave;
  return into;
}

const beijingMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);

function rosterRows(f: repo.RosterFigures) {
  return f.rows.map((r) => {
    const organised = f.organised.get(r.id) ?? { activities: 0, held: 0 };
    return {
      ref: { id: r.id, name: r.name },
      code: r.code,
      kind: r.kind,
      jurisdiction: r.jurisdiction,
      members: r.members,
      activities: organised.activities,
      held: organised.held,
      attendance: attendanceOf(f.memberCounts.get(r.id) ?? repo.noInvitations()),
    };
  });
}

/** GET /performance/dashboard */
export async function performanceDashboard(
  ctx: AppContext,
  actor: Actor,
  query: PerformanceDashboardQuery,
): Promise<PerformanceDashboard> {
  const year = query.year ?? currentYear(ctx);
  const limit = query.limit ?? DASHBOARD_LIMIT;
  const c = await congressForStaff(ctx, actor, query.congressId);
  const db = ctx.database.db;
  const place =
    c.jurisdiction_id !== null ? await jurisdictionInScope(db, scopeOf(actor), c.jurisdiction_id) : undefined;
  if (!place) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  const year0 = perf.yearWindow(year);
  const w: repo.ActivityWindow = {
    scope: { path: c.path },
    fromIso: year0.fromIso,
    toIso: year0.toIso,
    nowIso: now.toISOString(),
  };
  const set = await perf.currentRuleSet(db, c.id, year);
  const rules = set ? parseRules(set.rules) : DEFAULT_RULES;
  const perRepresentative = await repo.invitationsByRepresentative(db, w);
  const [members, activities, types, groups, stations, seats, cards] = await Promise.all([
    perf.members(db, c.id, year, null),
    repo.activitiesWithCounts(db, w),
    repo.activityTypes(db),
    repo.groupFigures(db, w, perRepresentative),
    repo.stationFigures(db, w, perRepresentative),
    repo.seatLevelsOfMembers(db, c.id, year),
    cardsFor(ctx, c.id, year, rules, null),
  ]);

  // The members, each with their counts.
  const people = members.map((m) => ({
    ref: { id: m.id, name: m.name },
    counts: perRepresentative.get(m.id) ?? repo.noInvitations(),
  }));
  const absentOf = (x: Counts) => x.due - x.attended - x.onLeave;
  const row = (p: (typeof people)[number]) => ({
    representative: p.ref,
    ...attendanceOf(p.counts),
    upcoming: p.counts.invitations - p.counts.due,
  });
  const top = [...people]
    .sort(
      (a, b) =>
        b.counts.attended - a.counts.attended ||
        absentOf(a.counts) - absentOf(b.counts) ||
        a.ref.id - b.ref.id,
    )
    .slice(0, limit);
  const bottom = [...people]
    .sort(
      (a, b) =>
        a.counts.attended - b.counts.attended ||
        absentOf(b.counts) - absentOf(a.counts) ||
        a.ref.id - b.ref.id,
    )
    .slice(0, limit);
  const memberTotal = people.reduce((sum, p) => add(sum, p.counts), repo.noInvitations());
  const participating = people.filter((p) => p.counts.attended > 0).length;

  // By level: the highest level each member held a seat at in the year.
  const levelsOf = new Map<number, CongressLevel[]>();
  for (const s of seats)
    levelsOf.set(s.representative_id, [...(levelsOf.get(s.representative_id) ?? []), s.level]);
  const byLevel = new Map<CongressLevel, { n: number; participating: number; counts: Counts }>();
  for (const p of people) {
    const level = sortLevels(levelsOf.get(p.ref.id) ?? [c.level])[0] ?? c.level;
    const bucket = byLevel.get(level) ?? { n: 0, participating: 0, counts: repo.noInvitations() };
    bucket.n += 1;
    if (p.counts.attended > 0) bucket.participating += 1;
    add(bucket.counts, p.counts);
    byLevel.set(level, bucket);
  }

  // Activities by type and by Beijing month.
  const nowMs = now.getTime();
  const held = (a: { endsAt: string }) => Date.parse(a.endsAt) < nowMs;
  const perType = new Map<string, { activities: number; held: number; counts: Counts }>();
  const perMonth = new Map<string, { activities: number; held: number; counts: Counts }>();
  const allCounts = repo.noInvitations();
  for (const a of activities) {
    for (const [map, key] of [
      [perType, a.typeCode],
      [perMonth, beijingMonth(a.startsAt)],
    ] as const) {
      const bucket = map.get(key) ?? { activities: 0, held: 0, counts: repo.noInvitations() };
      bucket.activities += 1;
      if (held(a)) bucket.held += 1;
      add(bucket.counts, a.counts);
      map.set(key, bucket);
    }
    add(allCounts, a.counts);
  }

  return {
    congress: { id: c.id, name: c.name },
    scope: { id: place.id, name: place.name },
    year,
    ruleSet: { id: set?.id ?? null, version: set?.version ?? 0 },
    totals: {
      members: people.length,
      participating,
      participationRate: people.length > 0 ? participating / people.length : null,
      activities: activities.length,
      held: activities.filter(held).length,
      attendance: attendanceOf(memberTotal),
      allAttendance: attendanceOf(allCounts),
    },
    byRepresentative: {
      top: top.map(row),
      bottom: bottom.map(row),
      neverAttended: people.length - participating,
      neverInvited: people.filter((p) => p.counts.invitations === 0).length,
    },
    byLevel: CONGRESS_LEVELS.filter((l) => byLevel.has(l)).map((level) => {
      const b = byLevel.get(level)!;
      return {
        level,
        label: CONGRESS_LEVEL_LABELS[level].zh,
        representatives: b.n,
        participating: b.participating,
        attendance: attendanceOf(b.counts),
      };
    }),
    byGroup: rosterRows(groups).map(({ ref, kind, ...r }) => ({
      group: ref,
      kind: kind as 'regional' | 'professional',
      ...r,
    })),
    byStation: rosterRows(stations).map(({ ref, kind, ...r }) => ({
      station: ref,
      tier: kind as 'general' | 'center' | 'station' | 'point',
      ...r,
    })),
    requirements: rules.requirements.map((q) => {
      const statuses = cards.map((x) => ({
        ref: { id: x.id, name: x.name },
        status: x.card.requirements.find((r) => r.code === q.code)?.status ?? 'not_yet',
      }));
      const notMet = statuses.filter((s) => s.status === 'not_yet');
      return {
        code: q.code,
        label: q.label,
        met: statuses.filter((s) => s.status === 'met').length,
        exempt: statuses.filter((s) => s.status === 'exempt').length,
        notMet: notMet.length,
        notMetRepresentatives: notMet.slice(0, REQUIREMENT_NAMES_MAX).map((s) => s.ref),
        listTruncated: notMet.length > REQUIREMENT_NAMES_MAX,
      };
    }),
    // Every type that had activities, and every type in use, in the types' order.
    byType: types
      .filter((t) => perType.has(t.code) || t.active === 1)
      .map((t) => {
        const b = perType.get(t.code) ?? { activities: 0, held: 0, counts: repo.noInvitations() };
        return {
          typeCode: t.code,
          label: t.label_zh,
          kind: t.kind as ActivityKind,
          activities: b.activities,
          held: b.held,
          attendance: attendanceOf(b.counts),
        };
      }),
    byMonth: Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      const b = perMonth.get(month) ?? { activities: 0, held: 0, counts: repo.noInvitations() };
      return { month, activities: b.activities, held: b.held, attendance: attendanceOf(b.counts) };
    }),
    generatedAt: now.toISOString(),
  };
}
