/**
 * What people read of activities: the list and calendar, one activity with its people (and the
 * other activities they are booked on at the same time), the opinions and outputs that came of
 * it, its photos and check-in address; the activity types; a station's coming reception days.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  checkinWindow,
  overlaps,
  participantStep,
  type ActivityKind,
  type ParticipantStatus,
} from './activities.domain.ts';
import * as read from './activities.read.repo.ts';
import * as repo from './activities.repo.ts';
import type {
  ActivityDetail,
  ActivityListItem,
  ActivityListQuery,
  ActivityTypeBody,
} from './activities.schema.ts';
import { canManage, representativeOf, visibleTo } from './activities.visibility.ts';

/** Beijing midnight of a 'YYYY-MM-DD' as an instant. */
const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

export const checkinUrl = (ctx: AppContext, code: string) => `${ctx.config.publicBaseUrl}/c/${code}`;

function toItem(
  r: read.ActivityListRow,
  mine: { status: string; attendance: string | null } | undefined,
): ActivityListItem {
  const organiserRef =
    r.organiser === 'station' && r.station_id !== null
      ? { id: r.station_id, name: r.station_name ?? '' }
      : r.organiser === 'group' && r.group_id !== null
        ? { id: r.group_id, name: r.group_name ?? '' }
        : r.congress_id !== null
          ? { id: r.congress_id, name: r.congress_name ?? '' }
          : null;
  return {
    id: r.id,
    typeCode: r.type_code,
    typeLabel: r.type_label,
    kind: r.type_kind as ActivityKind,
    title: r.title,
    organiser: r.organiser as ActivityListItem['organiser'],
    organiserRef,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    status: r.status as ActivityListItem['status'],
    participantCount: Number(r.participant_count ?? 0),
    presentCount: Number(r.present_count ?? 0),
    myStatus: (mine?.status as ParticipantStatus | undefined) ?? null,
    myAttendance: mine?.attendance ?? null,
    fromSchedule: r.rule_date !== null,
    version: r.version,
  };
}

export async function listActivities(
  ctx: AppContext,
  actor: Actor,
  q: ActivityListQuery,
): Promise<PageOf<ActivityListItem>> {
  const db = ctx.database.db;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const rep = representativeOf(actor);
  const { rows, total } = await read.listActivities(
    db,
    visibleTo(actor),
    {
      fromIso: q.from ? dayStart(q.from) : undefined,
      toIso: q.to ? nextDay(q.to) : undefined,
      typeCode: q.typeCode,
      stationId: q.stationId,
      groupId: q.groupId,
      representativeId: q.view === 'mine' ? (rep ?? -1) : q.representativeId,
      leaveRequests: q.view === 'leave_requests',
      includeCancelled: q.includeCancelled ?? false,
    },
    pageSize,
    (page - 1) * pageSize,
  );
  const mine =
    rep === null
      ? []
      : await read.myParticipation(
          db,
          rows.map((r) => r.id),
          rep,
        );
  return {
    items: rows.map((r) =>
      toItem(
        r,
        mine.find((m) => m.activity_id === r.id),
      ),
    ),
    total,
    page,
    pageSize,
  };
}

export async function getActivity(ctx: AppContext, actor: Actor, id: number): Promise<ActivityDetail> {
  const db = ctx.database.db;
  const a = await repo.findActivity(db, id, visibleTo(actor));
  if (!a) throw new AppError('NOT_FOUND');
  const [row, people, outputs, photos] = await Promise.all([
    read.oneActivityRow(db, id),
    read.participantsWithNames(db, id),
    repo.outputsOf(db, id),
    read.photosOf(db, id),
  ]);
  const others = await repo.activitiesOfRepresentatives(
    db,
    people.map((p) => p.representative_id),
    a.row.starts_at,
    a.row.ends_at,
  );
  const opinions =
    a.row.station_id !== null && a.typeKind === 'reception'
      ? await repo.receptionOpinions(
          db,
          a.row.station_id,
          dayStart(new Date(Date.parse(a.row.starts_at) + 8 * 3_600_000).toISOString().slice(0, 10)),
          nextDay(new Date(Date.parse(a.row.starts_at) + 8 * 3_600_000).toISOString().slice(0, 10)),
        )
      : [];
  const manage = canManage(actor, a.row.organiser, a.jurisdictionPath);
  const rep = representativeOf(actor);
  const me = people.find((p) => p.representative_id === rep);
  const now = ctx.clock.now();
  const window = checkinWindow({ startsAt: a.row.starts_at, endsAt: a.row.ends_at });
  const activity = { status: a.row.status as 'planned', startsAt: a.row.starts_at, endsAt: a.row.ends_at };
  const myActions: ActivityDetail['myActions'] = [];
  if (me) {
    for (const action of ['sign_up', 'request_leave'] as const)
      if (participantStep(me.status as ParticipantStatus, action, 'self', activity, now).ok)
        myActions.push(action);
    if (
      a.row.status === 'planned' &&
      me.attendance !== 'present' &&
      now >= window.opens &&
      now <= window.closes
    )
      myActions.push('checkin');
  }
  return {
    ...toItem(row!, me ? { status: me.status, attendance: me.attendance } : undefined),
    agenda: a.row.agenda,
    minutes: a.row.minutes,
    deletedReason: manage ? a.row.deleted_reason : null,
    participants: people.map((p) => {
      const theirs = others.filter((o) => o.representative_id === p.representative_id);
      const clash = overlaps(theirs.map((o) => ({ id: o.id, startsAt: o.starts_at, endsAt: o.ends_at })))
        .filter(([x, y]) => x === id || y === id)
        .map(([x, y]) => (x === id ? y : x));
      return {
        representative: { id: p.representative_id, name: p.name },
        role: p.role as 'participant' | 'host',
        status: p.status as ParticipantStatus,
        leaveReason: p.leave_reason,
        attendance: p.attendance,
        checkedInAt: p.checked_in_at,
        checkinMethod: p.checkin_method,
        manualReason: manage ? p.manual_reason : null,
        overlaps: theirs
          .filter((o) => clash.includes(o.id))
          .map((o) => ({ id: o.id, title: o.title, startsAt: o.starts_at })),
      };
    }),
    outputs: outputs.map((o) => ({
      id: o.id,
      kind: o.kind,
      title:
        o.kind === 'suggestion'
          ? `${o.case_number ? `第${o.case_number}号 ` : ''}${o.suggestion_title ?? ''}`
          : (o.title ?? ''),
      suggestionId: o.kind === 'suggestion' ? o.ref_id : null,
    })),
    opinions: opinions.map((o) => ({ id: o.id, trackingCode: o.tracking_code, status: o.status })),
    photos: photos.map((p) => ({ id: p.id, fileName: p.file_name, size: Number(p.size) })),
    checkinUrl: manage ? checkinUrl(ctx, a.row.checkin_code) : null,
    checkinOpensAt: window.opens.toISOString(),
    checkinClosesAt: window.closes.toISOString(),
    canManage: manage,
    myActions,
  };
}

/** The check-in code of an activity the actor manages (for its QR image). */
export async function checkinCodeOf(ctx: AppContext, actor: Actor, id: number): Promise<string> {
  const a = await repo.findActivity(ctx.database.db, id, visibleTo(actor));
  if (!a || !canManage(actor, a.row.organiser, a.jurisdictionPath)) throw new AppError('NOT_FOUND');
  return a.row.checkin_code;
}

export async function activityPhoto(ctx: AppContext, actor: Actor, id: number, photoId: number) {
  if (!(await repo.findActivity(ctx.database.db, id, visibleTo(actor)))) throw new AppError('NOT_FOUND');
  const p = await read.photo(ctx.database.db, id, photoId);
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

export async function listActivityTypes(ctx: AppContext, all: boolean) {
  return (await repo.activityTypes(ctx.database.db, !all)).map((t) => ({
    code: t.code,
    labelZh: t.label_zh,
    labelEn: t.label_en,
    kind: t.kind as ActivityKind,
    sortOrder: t.sort_order,
    active: t.active === 1,
  }));
}

export async function saveActivityType(ctx: AppContext, actor: Actor, body: ActivityTypeBody) {
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.upsertActivityType(trx, {
      code: body.code,
      label_zh: body.labelZh,
      label_en: body.labelEn,
      kind: body.kind,
      sort_order: body.sortOrder,
      active: body.active ? 1 : 0,
      updated_at: ctx.clock.now().toISOString(),
    });
    await recordAudit(ctx, trx, actor, {
      action: 'activity.type',
      entityType: 'activity_type',
      detail: { code: body.code, active: body.active },
    });
  });
  return listActivityTypes(ctx, true);
}
