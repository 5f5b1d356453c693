/**
 * The demo accounts' notices about activities, worded and addressed as the services write them:
 * an invitation when an activity is created or a representative added (activities.service.ts
 * `invitationNotice`), the on-duty reminder when a reception day is made (receptions.service.ts),
 * a leave request to the nearest 代表工委 (notifications.service.ts's role recipient), the decision
 * to the representative, and the cancellation to everyone on the list. Only the demo accounts have
 * inboxes: each keeps its newest activity notices, and every one still waiting for it; what waits
 * (an invitation not answered, a leave request not decided) is unread.
 */
import type { DemoActivity } from './activities.types.ts';
import type { World } from './activities.world.ts';
import type { DemoNotification } from './demo.types.ts';

const PER_ACCOUNT = 30;
const HOUR = 3_600_000;

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString();

export function buildActivityNotifications(
  w: World,
  activities: readonly DemoActivity[],
): DemoNotification[] {
  const nowMs = w.now.getTime();
  const inbox = new Map<string, (DemoNotification & { waiting: boolean })[]>();
  const station = new Map(w.data.stations.map((s) => [s.code, s]));
  const add = (
    username: string,
    a: DemoActivity,
    kind: string,
    title: string,
    body: string,
    at: string,
    waiting: boolean,
  ) => {
    if (Date.parse(at) > nowMs) return;
    const list = inbox.get(username) ?? [];
    list.push({
      username,
      kind,
      title,
      body,
      linkTrackingCode: null,
      linkSuggestionKey: null,
      linkActivityKey: a.key,
      createdAt: at,
      readAt: waiting ? null : new Date(Math.min(Date.parse(at) + 2 * HOUR, nowMs)).toISOString(),
      waiting,
    });
    inbox.set(username, list);
  };

  for (const a of activities) {
    const upcoming = Date.parse(a.startsAt) > nowMs && a.status === 'planned';
    const staff = w.staffFor(a.jurisdictionCode);
    for (const p of a.participants) {
      const account = w.accountOfRep.get(p.representativeCode);
      const name = w.reps.get(p.representativeCode)!.name;
      if (account) {
        const unanswered = upcoming && p.status === 'invited';
        if (a.ruleDate !== null && p.invitedAt === a.createdAt) {
          // receptions.service.ts: made with the day, those on duty told.
          const s = station.get(a.stationCode!)!;
          add(
            account,
            a,
            'activity.on_duty',
            `接待值班提醒：${beijing(a.startsAt).slice(0, 10)} ${s.name}`,
            `${s.receptionStart}–${s.receptionEnd}，${s.address}`,
            a.createdAt,
            unanswered,
          );
        } else {
          add(
            account,
            a,
            'activity.invited',
            `活动邀请：${a.title.slice(0, 40)}`,
            `${beijing(a.startsAt).slice(0, 16).replace('T', ' ')} 开始，请报名或请假`,
            p.invitedAt,
            unanswered,
          );
        }
        if (p.leaveDecidedAt !== null) {
          const approve = p.status === 'leave_approved' || p.steps.some((s) => s.action === 'approve_leave');
          add(
            account,
            a,
            approve ? 'activity.leave_approved' : 'activity.leave_refused',
            `${approve ? '已准假' : '请假未获批准'}：${a.title.slice(0, 30)}`,
            (p.leaveDecisionNote ?? '').slice(0, 200),
            p.leaveDecidedAt,
            Date.parse(p.leaveDecidedAt) > nowMs - 2 * 24 * HOUR,
          );
        }
        if (a.status === 'cancelled' && a.closedAt !== null)
          add(
            account,
            a,
            'activity.cancelled',
            `活动取消：${a.title.slice(0, 40)}`,
            (a.closeReason ?? '').slice(0, 200),
            a.closedAt,
            true,
          );
      }
      for (const step of p.steps) {
        if (step.action !== 'request_leave') continue;
        add(
          staff,
          a,
          'activity.leave_requested',
          `${name}代表请假：${a.title.slice(0, 30)}`,
          (p.leaveReason ?? '').slice(0, 200),
          step.at,
          p.status === 'leave_requested' && a.status === 'planned',
        );
      }
    }
  }

  const out: DemoNotification[] = [];
  for (const account of w.data.accounts) {
    const list = inbox.get(account.username) ?? [];
    list.sort((x, y) => y.createdAt.localeCompare(x.createdAt) || x.title.localeCompare(y.title));
    const kept = list.filter((n, i) => i < PER_ACCOUNT || n.waiting).reverse();
    out.push(...kept.map(({ waiting: _w, ...n }) => n));
  }
  return out;
}
