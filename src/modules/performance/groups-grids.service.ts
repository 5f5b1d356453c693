/**
 * Representative groups and grids as duty performance sees them.
 *
 * A group's year (代表小组活动): its members (from the organisation's roster), the live activities
 * it organised that start in the year (Beijing), who attended each, what came of them — the
 * outputs staff recorded (a suggestion formed, a report written) and the opinions raised at
 * them — and each member's attendance at the group's activities. An opinion counts as raised at
 * an activity when it was addressed to a representative who was present, through a face-to-face
 * channel (reception or visit), on the activity's Beijing day.
 *
 * Who sees it: congress staff, leaders and liaison officers for the groups of their jurisdiction;
 * a representative for the groups they belong to (whose activities they see anyway, see
 * activities.visibility.ts). Anyone else is told there is no such group.
 *
 * Grid coverage (网格全覆盖): every grid of the scope should have at least one serving
 * representative (status active) assigned; the grids without one are the gaps, listed with their
 * jurisdiction and station, with totals and counts per jurisdiction.
 */
import type { AppContext } from '../../platform/context.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf, type Scope } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor, Role } from '../auth/auth.domain.ts';
import type { ActivityKind } from '../activities/activities.domain.ts';
import { getGroup } from '../org/groups.service.ts';
import * as repo from './groups-grids.repo.ts';
import type { GridCoverage, GroupPerformance } from './groups-grids.schema.ts';
import { attendanceOf } from './dashboard.service.ts';
import { noInvitations, type InvitationCounts } from './dashboard.repo.ts';
import { yearWindow } from './performance.repo.ts';
import { currentYear } from './scores.service.ts';

const JURISDICTION_ROLES: readonly Role[] = ['congress_staff', 'leader', 'liaison_officer'];

const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Count one invitation into `into`, as the dashboard counts them (due = over, or attended). */
function count(into: InvitationCounts, p: { status: string; attendance: string | null }, over: boolean) {
  into.invitations += 1;
  if (p.attendance === 'present') {
    into.due += 1;
    into.attended += 1;
  } else if (over) {
    into.due += 1;
    if (p.status === 'leave_approved') into.onLeave += 1;
  }
}

/** GET /groups/:id/performance */
export async function groupPerformance(
  ctx: AppContext,
  actor: Actor,
  groupId: number,
  year: number = currentYear(ctx),
): Promise<GroupPerformance> {
  // The group as the organisation shows it (NOT_FOUND outside the caller's jurisdiction).
  const group = await getGroup(ctx, actor, groupId);
  const isJurisdictionRole = actor.roles.some((r) => JURISDICTION_ROLES.includes(r));
  const isMember =
    actor.roles.includes('representative') &&
    group.members.some((m) => m.representativeId === actor.representativeId);
  if (!isJurisdictionRole && !isMember) throw new AppError('NOT_FOUND');

  const db = ctx.database.db;
  const scope = scopeOf(actor);
  const w = yearWindow(year);
  const nowMs = ctx.clock.now().getTime();
  const activities = await repo.groupActivities(db, groupId, w.fromIso, w.toIso);
  const ids = activities.map((a) => a.id);
  const [invitations, outputs] = await Promise.all([
    repo.invitationsOf(db, ids),
    repo.outputsOf(db, scope, ids),
  ]);
  const present = invitations.filter((p) => p.attendance === 'present');
  // Opinions of the window's days, to be matched to the activities their representative attended.
  const opinions = await repo.faceToFaceOpinions(
    db,
    scope,
    [...new Set(present.map((p) => p.representative_id))],
    w.fromIso,
    w.toIso,
  );

  const over = new Map(activities.map((a) => [a.id, Date.parse(a.ends_at) < nowMs]));
  const memberIds = new Set(group.members.map((m) => m.representativeId));
  const perActivity = new Map<number, InvitationCounts & { participants: number }>();
  const perMember = new Map<number, InvitationCounts>();
  const all = noInvitations();
  const members = noInvitations();
  for (const p of invitations) {
    const o = over.get(p.activity_id) ?? false;
    const a = perActivity.get(p.activity_id) ?? { ...noInvitations(), participants: 0 };
    a.participants += 1;
    count(a, p, o);
    perActivity.set(p.activity_id, a);
    count(all, p, o);
    if (memberIds.has(p.representative_id)) {
      const m = perMember.get(p.representative_id) ?? noInvitations();
      count(m, p, o);
      perMember.set(p.representative_id, m);
      count(members, p, o);
    }
  }

  const raisedAt = new Map<number, GroupPerformance['activities'][number]['opinions']>();
  const seen = new Set<number>();
  for (const a of activities) {
    const day = beijingDay(a.starts_at);
    const there = new Set(present.filter((p) => p.activity_id === a.id).map((p) => p.representative_id));
    const list = opinions
      .filter(
        (o) =>
          o.representative_id !== null &&
          there.has(o.representative_id) &&
          beijingDay(o.submitted_at) === day,
      )
      .map((o) => ({
        id: o.id,
        status: o.status,
        submittedAt: o.submitted_at,
        representative: { id: o.representative_id!, name: o.representative_name },
      }));
    list.forEach((o) => seen.add(o.id));
    raisedAt.set(a.id, list);
  }

  return {
    group: {
      id: group.id,
      code: group.code,
      name: group.name,
      kind: group.kind,
      jurisdiction: group.jurisdiction,
    },
    year,
    totals: {
      members: group.members.length,
      activities: activities.length,
      held: activities.filter((a) => over.get(a.id)).length,
      suggestions: outputs.filter((o) => o.kind === 'suggestion').length,
      reports: outputs.filter((o) => o.kind === 'report').length,
      // An opinion raised at two of the group's activities the same day counts once.
      opinions: seen.size,
      attendance: attendanceOf(all),
      membersAttendance: attendanceOf(members),
    },
    members: group.members.map((m) => {
      const c = perMember.get(m.representativeId) ?? noInvitations();
      return {
        representative: { id: m.representativeId, name: m.name },
        role: m.role,
        status: m.status,
        attendance: attendanceOf(c),
        upcoming: c.invitations - c.due,
      };
    }),
    activities: activities.map((a) => {
      const c = perActivity.get(a.id) ?? { ...noInvitations(), participants: 0 };
      return {
        id: a.id,
        typeCode: a.type_code,
        typeLabel: a.type_label,
        kind: a.kind as ActivityKind,
        title: a.title,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        place: a.place,
        held: over.get(a.id) ?? false,
        participants: c.participants,
        attendance: attendanceOf(c),
        outputs: outputs
          .filter((o) => o.activity_id === a.id)
          .map((o) => ({
            id: o.id,
            kind: o.kind === 'suggestion' ? ('suggestion' as const) : ('report' as const),
            title:
              o.kind === 'suggestion'
                ? o.suggestion_id !== null
                  ? `${o.case_number !== null ? `第${o.case_number}号 ` : ''}${o.suggestion_title ?? ''}`
                  : `建议 #${o.ref_id ?? ''}`
                : (o.title ?? ''),
            suggestion:
              o.suggestion_id !== null
                ? { id: o.suggestion_id, caseNumber: o.case_number, status: o.suggestion_status ?? '' }
                : null,
          })),
        opinions: raisedAt.get(a.id) ?? [],
      };
    }),
  };
}

/** GET /grids/coverage */
export async function gridCoverage(
  ctx: AppContext,
  actor: Actor,
  jurisdictionId: number | undefined,
): Promise<GridCoverage> {
  const db = ctx.database.db;
  let root: { id: number; name: string; path: string };
  const id = jurisdictionId ?? actor.jurisdictionId;
  if (id === null) root = { id: 0, name: '全部', path: '/' };
  else {
    const found = await jurisdictionInScope(db, scopeOf(actor), id);
    if (!found) throw new AppError('NOT_FOUND');
    root = found;
  }
  const scope: Scope = { path: root.path };
  const grids = await repo.gridsWithMembers(db, scope);
  const gaps = grids.filter((g) => g.active === 0);
  const byJurisdiction = new Map<
    number,
    { jurisdiction: { id: number; name: string }; grids: number; uncovered: number }
  >();
  for (const g of grids) {
    const row = byJurisdiction.get(g.jurisdiction.id) ?? {
      jurisdiction: g.jurisdiction,
      grids: 0,
      uncovered: 0,
    };
    row.grids += 1;
    if (g.active === 0) row.uncovered += 1;
    byJurisdiction.set(g.jurisdiction.id, row);
  }
  return {
    scope: { id: root.id, name: root.name },
    totals: {
      grids: grids.length,
      covered: grids.length - gaps.length,
      uncovered: gaps.length,
      coverageRate: grids.length > 0 ? (grids.length - gaps.length) / grids.length : null,
    },
    byJurisdiction: [...byJurisdiction.values()],
    gaps: gaps.map((g) => ({
      grid: { id: g.id, code: g.code, name: g.name },
      jurisdiction: g.jurisdiction,
      station: g.station,
      inactiveMembers: g.inactive,
    })),
  };
}
