/**
 * Check-in (签到): a representative, signed in on their phone, opens the activity's QR address
 * (`/c/<code>`) and is marked present. Recorded: the time and the device (the browser's user-agent
 * line, shortened) — never a location, which PIPL counts as sensitive. Refused outside the
 * activity's window or for someone not on its list; a second scan is accepted and changes nothing.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { scoresChanged } from '../performance/scoring.service.ts';
import { checkin, type ActivityStatus } from './activities.domain.ts';
import * as repo from './activities.repo.ts';
import { representativeOf } from './activities.visibility.ts';

const REFUSALS = {
  NOT_PARTICIPANT: {
    zh: '您不在该活动的参加名单中，请联系活动组织人员',
    en: 'You are not on this activity’s list',
  },
  TOO_EARLY: { zh: '签到尚未开始（活动开始前1小时起可签到）', en: 'Check-in opens an hour before the start' },
  TOO_LATE: {
    zh: '签到已结束（活动结束后30分钟内可签到）',
    en: 'Check-in closed half an hour after the end',
  },
  ACTIVITY_CLOSED: { zh: '该活动已取消', en: 'The activity is cancelled' },
} as const;

export async function activityByCheckinCode(ctx: AppContext, code: string) {
  const a = await repo.findByCheckinCode(ctx.database.db, code);
  if (!a || a.row.status === 'deleted')
    throw new AppError('NOT_FOUND', { zh: '签到码无效', en: 'No activity has this code' });
  return a;
}

export async function checkIn(ctx: AppContext, actor: Actor, code: string, userAgent: string | undefined) {
  const rep = representativeOf(actor);
  if (rep === null)
    throw new AppError('FORBIDDEN', {
      zh: '请使用代表本人的账号签到',
      en: 'Check in with a representative’s account',
    });
  const a = await activityByCheckinCode(ctx, code);
  const now = ctx.clock.now();
  const participant = a.participants.find((p) => p.representative_id === rep) ?? null;
  const result = checkin(
    { status: a.row.status as ActivityStatus, startsAt: a.row.starts_at, endsAt: a.row.ends_at },
    participant,
    now,
  );
  if (!result.ok)
    throw new AppError(
      result.code === 'NOT_PARTICIPANT' ? 'FORBIDDEN' : 'INVALID_TRANSITION',
      REFUSALS[result.code],
    );
  let checkedInAt = participant!.checked_in_at;
  if (result.first) {
    checkedInAt = now.toISOString();
    await ctx.database.db.transaction().execute(async (trx) => {
      // Only the first scan writes: a replay racing with it finds attendance already present.
      const fresh = (await repo.participantsOf(trx, a.row.id)).find((p) => p.representative_id === rep);
      if (fresh?.attendance === 'present') return;
      await repo.updateParticipant(trx, a.row.id, rep, {
        attendance: 'present',
        checked_in_at: checkedInAt,
        checkin_method: 'qr',
        checkin_device: (userAgent ?? '').slice(0, 200) || null,
      });
      await recordAudit(ctx, trx, actor, {
        action: 'activity.checkin',
        entityType: 'activity',
        entityId: a.row.id,
        jurisdictionId: a.row.jurisdiction_id,
      });
    });
    await scoresChanged(ctx, [rep]);
  }
  return { activity: a, checkedInAt, first: result.first };
}
