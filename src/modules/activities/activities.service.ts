/**
 * Changing activities: create, edit, cancel and delete them (a deleted activity keeps its row,
 * marked, with the reason in the audit log, and its points go from every score), invite and
 * remove participants, the representative's sign-up and leave request, the staff's leave decision
 * and hand-recorded attendance, outputs and photos. Every change is one transaction with its audit
 * row; scores of the people concerned are recomputed after it.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyAll } from '../notifications/notifications.service.ts';
import { newPublicCode } from '../org/org.domain.ts';
import { checkPhotos } from '../opinions/photos.ts';
import { scoresChanged } from '../performance/scoring.service.ts';
import {
  participantStep,
  type ActivityStatus,
  type ParticipantAction,
  type ParticipantRefusal,
  type ParticipantStatus,
} from './activities.domain.ts';
import * as repo from './activities.repo.ts';
import type { CreateActivityBody, UpdateActivityBody } from './activities.schema.ts';
import { canManage, representativeOf, visibleTo } from './activities.visibility.ts';

const field = (path: string, rule: string, zh: string, en: string): FieldError => ({
  path,
  rule,
  message: { zh, en },
});

const STALE = {
  zh: '该活动已被他人修改，请刷新后重试',
  en: 'Someone else changed this activity; reload it and try again',
};

export async function loadVisible(
  db: Transaction<DB> | AppContext['database']['db'],
  actor: Actor,
  id: number,
) {
  const a = await repo.findActivity(db, id, visibleTo(actor));
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

function requireManage(actor: Actor, a: repo.LoadedActivity): void {
  if (!canManage(actor, a.row.organiser, a.jurisdictionPath))
    throw new AppError('FORBIDDEN', { zh: '您不能管理该活动', en: 'You may not manage this activity' });
}

function checkTimes(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt))
    throw invalid([field('/endsAt', 'after', '结束时间须晚于开始时间', 'The end must come after the start')]);
  if (Date.parse(endsAt) - Date.parse(startsAt) > 7 * 86_400_000)
    throw invalid([field('/endsAt', 'max', '一次活动不超过7天', 'An activity lasts at most 7 days')]);
}

async function checkRepresentatives(
  ctx: AppContext | { database: { db: Transaction<DB> } },
  ids: readonly number[],
  path: string,
) {
  const found = await repo.activeRepresentatives(ctx.database.db, ids);
  const problems = ids.flatMap((id, i) =>
    found.has(id)
      ? []
      : [field(`${path}/${i}`, 'exists', '代表不存在或不在任', 'No such serving representative')],
  );
  if (problems.length > 0) throw invalid(problems);
}

/** POST /activities */
export async function createActivity(
  ctx: AppContext,
  actor: Actor,
  body: CreateActivityBody,
): Promise<number> {
  checkTimes(body.startsAt, body.endsAt);
  const db = ctx.database.db;
  const types = await repo.activityTypes(db, true);
  if (!types.some((t) => t.code === body.typeCode))
    throw invalid([
      field(
        '/typeCode',
        'exists',
        `未知的活动类型“${body.typeCode}”`,
        `Unknown activity type "${body.typeCode}"`,
      ),
    ]);
  const place = await repo.organiserPlace(db, body.organiser, body.organiserId);
  if (!place || !canManage(actor, body.organiser, place.path))
    throw invalid([
      field(
        '/organiserId',
        'scope',
        '组织方不存在或不在您的管辖范围内',
        'The organiser does not exist or is outside your jurisdiction',
      ),
    ]);
  const hosts = body.hostIds ?? [];
  const people = [...new Set([...hosts, ...(body.representativeIds ?? [])])];
  await checkRepresentatives(ctx, people, '/representativeIds');
  const now = ctx.clock.now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertActivity(trx, {
      type_code: body.typeCode,
      title: body.title.trim(),
      organiser: body.organiser,
      jurisdiction_id: place.jurisdictionId,
      congress_id: body.organiser === 'congress' ? body.organiserId : null,
      station_id: body.organiser === 'station' ? body.organiserId : null,
      group_id: body.organiser === 'group' ? body.organiserId : null,
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      place: body.place ?? null,
      agenda: body.agenda ?? null,
      status: 'planned',
      checkin_code: newPublicCode(),
      minutes: null,
      rule_date: null,
      created_by_user_id: actor.userId,
      deleted_at: null,
      deleted_reason: null,
      created_at: now,
      updated_at: now,
    });
    await repo.insertParticipants(
      trx,
      people.map((rid) => ({
        activity_id: id,
        representative_id: rid,
        role: hosts.includes(rid) ? 'host' : 'participant',
        status: 'invited',
        invited_at: now,
      })),
    );
    await recordAudit(ctx, trx, actor, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: place.jurisdictionId,
      detail: { type: body.typeCode, participants: people.length },
    });
    await notifyAll(ctx, trx, [invitationNotice(id, body.title, body.startsAt, people)]);
    return id;
  });
  return id;
}

function invitationNotice(id: number, title: string, startsAt: string, representativeIds: readonly number[]) {
  const when = new Date(Date.parse(startsAt) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return {
    to: [{ representativeIds }],
    kind: 'activity.invited',
    title: `活动邀请：${title.slice(0, 40)}`,
    body: `${when} 开始，请报名或请假`,
    link: { type: 'activity' as const, id },
  };
}

/** PATCH /activities/:id — times, place, agenda, minutes (纪要). */
export async function updateActivity(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: UpdateActivityBody,
): Promise<void> {
  const affected = await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    if (a.row.status !== 'planned')
      throw new AppError('INVALID_TRANSITION', {
        zh: '已取消或删除的活动不能修改',
        en: 'A cancelled or deleted activity cannot be changed',
      });
    if (body.version !== undefined && body.version !== a.row.version) throw new AppError('CONFLICT', STALE);
    const startsAt = body.startsAt ? new Date(body.startsAt).toISOString() : a.row.starts_at;
    const endsAt = body.endsAt ? new Date(body.endsAt).toISOString() : a.row.ends_at;
    checkTimes(startsAt, endsAt);
    const patch: repo.ActivityPatch = {
      starts_at: startsAt,
      ends_at: endsAt,
      updated_at: ctx.clock.now().toISOString(),
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.place !== undefined ? { place: body.place } : {}),
      ...(body.agenda !== undefined ? { agenda: body.agenda } : {}),
      ...(body.minutes !== undefined ? { minutes: body.minutes } : {}),
    };
    if (!(await repo.updateActivity(trx, id, a.row.version, patch))) throw new AppError('CONFLICT', STALE);
    await recordAudit(ctx, trx, actor, {
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { fields: Object.keys(body).filter((k) => k !== 'version') },
    });
    const timesChanged = startsAt !== a.row.starts_at || endsAt !== a.row.ends_at;
    return timesChanged ? a.participants.map((p) => p.representative_id) : [];
  });
  await scoresChanged(ctx, affected);
}

/**
 * Cancel (取消, announced to the participants) or delete (删除, an activity entered by mistake):
 * either way it counts for nothing from now on, and the scores of its participants are
 * recomputed; the row and its people stay, with the reason in the audit log.
 */
export async function closeActivity(
  ctx: AppContext,
  actor: Actor,
  id: number,
  to: Exclude<ActivityStatus, 'planned'>,
  reason: string,
): Promise<void> {
  const people = await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    if (a.row.status === 'deleted' || (a.row.status === 'cancelled' && to === 'cancelled'))
      throw new AppError('INVALID_TRANSITION', {
        zh: '该活动已取消或删除',
        en: 'The activity is already cancelled or deleted',
      });
    const now = ctx.clock.now().toISOString();
    const patch: repo.ActivityPatch = {
      status: to,
      updated_at: now,
      ...(to === 'deleted' ? { deleted_at: now, deleted_reason: reason } : {}),
    };
    if (!(await repo.updateActivity(trx, id, a.row.version, patch))) throw new AppError('CONFLICT', STALE);
    const people = a.participants.map((p) => p.representative_id);
    await recordAudit(ctx, trx, actor, {
      action: to === 'deleted' ? 'activity.delete' : 'activity.cancel',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { reason, participants: people.length, title: a.row.title },
    });
    if (to === 'cancelled')
      await notifyAll(ctx, trx, [
        {
          to: [{ representativeIds: people }],
          kind: 'activity.cancelled',
          title: `活动取消：${a.row.title.slice(0, 40)}`,
          body: reason.slice(0, 200),
          link: { type: 'activity', id },
        },
      ]);
    return people;
  });
  await scoresChanged(ctx, people);
}

/** POST /activities/:id/participants */
export async function inviteParticipants(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeIds: readonly number[],
  role: 'participant' | 'host',
): Promise<void> {
  await checkRepresentatives(ctx, representativeIds, '/representativeIds');
  await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    if (a.row.status !== 'planned')
      throw new AppError('INVALID_TRANSITION', {
        zh: '已取消或删除的活动不能邀请代表',
        en: 'The activity is closed',
      });
    const present = new Set(a.participants.map((p) => p.representative_id));
    const fresh = representativeIds.filter((r) => !present.has(r));
    const now = ctx.clock.now().toISOString();
    await repo.insertParticipants(
      trx,
      fresh.map((rid) => ({
        activity_id: id,
        representative_id: rid,
        role,
        status: 'invited',
        invited_at: now,
      })),
    );
    await recordAudit(ctx, trx, actor, {
      action: 'activity.invite',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { representativeIds: fresh, role },
    });
    if (fresh.length > 0)
      await notifyAll(ctx, trx, [invitationNotice(id, a.row.title, a.row.starts_at, fresh)]);
  });
}

/** DELETE /activities/:id/participants/:representativeId (before anything was recorded for them). */
export async function removeParticipant(ctx: AppContext, actor: Actor, id: number, representativeId: number) {
  await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    const p = a.participants.find((x) => x.representative_id === representativeId);
    if (!p) throw new AppError('NOT_FOUND');
    if (p.attendance !== null)
      throw new AppError('INVALID_TRANSITION', {
        zh: '已登记出勤的代表不能移除，请改登出勤情况',
        en: 'Attendance is recorded for this representative: change the attendance instead',
      });
    await repo.removeParticipant(trx, id, representativeId);
    await recordAudit(ctx, trx, actor, {
      action: 'activity.uninvite',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { representativeId },
    });
  });
  await scoresChanged(ctx, [representativeId]);
}

function refusal(e: ParticipantRefusal): AppError {
  switch (e.code) {
    case 'ACTIVITY_CLOSED':
      return new AppError('INVALID_TRANSITION', {
        zh: '该活动已取消或删除',
        en: 'The activity is cancelled or deleted',
      });
    case 'STARTED':
      return new AppError('INVALID_TRANSITION', {
        zh: '活动已开始（或已结束），不能再报名或请假',
        en: 'The activity has started (or ended): too late for that',
      });
    case 'NOT_YOURS':
      return new AppError('FORBIDDEN');
    case 'NOT_IN_STATE':
      return new AppError('INVALID_TRANSITION', {
        zh: '当前状态下不能执行此操作',
        en: `Not possible while ${e.status.replace('_', ' ')}`,
      });
  }
}

/** The representative's own step: sign up, or ask for leave (请假, with a reason). */
export async function participantSelfStep(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: Extract<ParticipantAction, 'sign_up' | 'request_leave'>,
  reason?: string,
): Promise<void> {
  const rep = representativeOf(actor);
  if (rep === null) throw new AppError('FORBIDDEN');
  await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    const p = a.participants.find((x) => x.representative_id === rep);
    if (!p)
      throw new AppError('FORBIDDEN', {
        zh: '您不在该活动的邀请名单中',
        en: 'You are not on this activity’s list',
      });
    const r = participantStep(
      p.status as ParticipantStatus,
      action,
      'self',
      { ...times(a), status: a.row.status as ActivityStatus },
      ctx.clock.now(),
    );
    if (!r.ok) throw refusal(r.error);
    await repo.updateParticipant(trx, id, rep, {
      status: r.to,
      ...(action === 'request_leave' ? { leave_reason: reason ?? null } : {}),
    });
    await recordAudit(ctx, trx, actor, {
      action: `activity.${action}`,
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
    });
    if (action === 'request_leave')
      await notifyAll(ctx, trx, [
        {
          to: [{ role: 'congress_staff', jurisdictionPath: a.jurisdictionPath }],
          kind: 'activity.leave_requested',
          title: `${actor.displayName}代表请假：${a.row.title.slice(0, 30)}`,
          body: (reason ?? '').slice(0, 200),
          link: { type: 'activity', id },
        },
      ]);
  });
}

const times = (a: repo.LoadedActivity) => ({ startsAt: a.row.starts_at, endsAt: a.row.ends_at });

/** Staff approve or refuse a leave request (documented leave exempts from penalties and requirements). */
export async function decideLeave(
  ctx: AppContext,
  actor: Actor,
  id: number,
  representativeId: number,
  approve: boolean,
  note: string | undefined,
): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    const p = a.participants.find((x) => x.representative_id === representativeId);
    if (!p) throw new AppError('NOT_FOUND');
    const r = participantStep(
      p.status as ParticipantStatus,
      approve ? 'approve_leave' : 'refuse_leave',
      'staff',
      { ...times(a), status: a.row.status as ActivityStatus },
      ctx.clock.now(),
    );
    if (!r.ok) throw refusal(r.error);
    const now = ctx.clock.now().toISOString();
    await repo.updateParticipant(trx, id, representativeId, {
      status: r.to,
      leave_decided_at: now,
      leave_decided_by_user_id: actor.userId,
    });
    await recordAudit(ctx, trx, actor, {
      action: approve ? 'activity.approve_leave' : 'activity.refuse_leave',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { representativeId, note: note ?? null },
    });
    await notifyAll(ctx, trx, [
      {
        to: [{ representativeIds: [representativeId] }],
        kind: approve ? 'activity.leave_approved' : 'activity.leave_refused',
        title: `${approve ? '已准假' : '请假未获批准'}：${a.row.title.slice(0, 30)}`,
        body: note?.slice(0, 200) ?? '',
        link: { type: 'activity', id },
      },
    ]);
  });
  await scoresChanged(ctx, [representativeId]);
}

/** Staff record attendance by hand (补登), with the reason: a check-in that failed, a paper sign-in sheet. */
export async function recordAttendance(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { representativeId: number; attendance: 'present' | 'absent'; reason: string },
): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    if (a.row.status !== 'planned')
      throw new AppError('INVALID_TRANSITION', {
        zh: '该活动已取消或删除',
        en: 'The activity is cancelled or deleted',
      });
    if (ctx.clock.now().getTime() < Date.parse(a.row.starts_at))
      throw new AppError('INVALID_TRANSITION', {
        zh: '活动尚未开始，不能登记出勤',
        en: 'The activity has not started',
      });
    const p = a.participants.find((x) => x.representative_id === body.representativeId);
    if (!p)
      throw invalid([
        field('/representativeId', 'participant', '该代表不在活动名单中', 'Not on the activity’s list'),
      ]);
    const now = ctx.clock.now().toISOString();
    await repo.updateParticipant(trx, id, body.representativeId, {
      attendance: body.attendance,
      checked_in_at: body.attendance === 'present' ? (p.checked_in_at ?? now) : null,
      checkin_method: body.attendance === 'present' ? (p.checkin_method ?? 'manual') : null,
      manual_reason: body.reason,
      recorded_by_user_id: actor.userId,
    });
    await recordAudit(ctx, trx, actor, {
      action: 'activity.attendance',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { representativeId: body.representativeId, attendance: body.attendance, reason: body.reason },
    });
  });
  await scoresChanged(ctx, [body.representativeId]);
}

/** POST /activities/:id/outputs: a suggestion formed at it, or a report written from it. */
export async function addOutput(
  ctx: AppContext,
  actor: Actor,
  id: number,
  body: { kind: 'suggestion' | 'report'; suggestionId?: number | undefined; title?: string | undefined },
): Promise<void> {
  if (body.kind === 'suggestion' && body.suggestionId === undefined)
    throw invalid([field('/suggestionId', 'required', '请选择建议', 'Choose the suggestion')]);
  if (body.kind === 'report' && !body.title)
    throw invalid([field('/title', 'required', '请填写调研报告等成果的名称', 'Name the report')]);
  await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    await repo.insertOutput(trx, {
      activity_id: id,
      kind: body.kind,
      ref_id: body.suggestionId ?? null,
      title: body.title ?? null,
      created_by_user_id: actor.userId,
      created_at: ctx.clock.now().toISOString(),
    });
    await recordAudit(ctx, trx, actor, {
      action: 'activity.output',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { kind: body.kind, suggestionId: body.suggestionId ?? null },
    });
  });
}

/** POST /activities/:id/photos: photos of the activity (checked by content, as citizens' photos are). */
export async function addPhotos(
  ctx: AppContext,
  actor: Actor,
  id: number,
  photos: readonly { name?: string | undefined; dataBase64: string }[],
): Promise<void> {
  const checked = await checkPhotos(photos, {
    maxPhotos: 9,
    maxPhotoBytes: ctx.config.opinions.maxPhotoBytes,
  });
  await ctx.database.db.transaction().execute(async (trx) => {
    const a = await loadVisible(trx, actor, id);
    requireManage(actor, a);
    const now = ctx.clock.now().toISOString();
    await repo.insertPhotos(
      trx,
      checked.map((p) => ({
        owner_type: 'activity',
        owner_id: id,
        file_name: p.fileName,
        mime: p.mime,
        size: p.size,
        sha256: p.sha256,
        data: p.data,
        created_at: now,
      })),
    );
    await recordAudit(ctx, trx, actor, {
      action: 'activity.photos',
      entityType: 'activity',
      entityId: id,
      jurisdictionId: a.row.jurisdiction_id,
      detail: { photos: checked.length },
    });
  });
}
