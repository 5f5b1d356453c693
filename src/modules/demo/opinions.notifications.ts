/**
 * The demo accounts' inboxes, consistent with the items: a unit's staff hear about what was
 * assigned to them, sent back for re-handling, due soon or overdue; the congress staff about
 * returns and extensions to decide, items not acknowledged or not signed in time, and 不满意
 * ratings; liaison officers about new messages at their stations; representatives about what
 * people left with them. What is still waiting is unread; older notices have been read.
 */
import type { DemoAccount, DemoNotification, DemoOpinion, DemoStation } from './demo.types.ts';
import type { Cast } from './opinions.cast.ts';
import { zhDay, type WorkingDays } from './opinions.time.ts';

interface Inputs {
  opinions: readonly DemoOpinion[];
  accounts: readonly DemoAccount[];
  stations: readonly DemoStation[];
  cast: Cast;
  now: Date;
  days: WorkingDays;
}

/** The most notices one inbox gets (the newest). */
const PER_ACCOUNT = 30;
const DAY_MS = 86_400_000;

const excerpt = (o: DemoOpinion) => (o.content.length > 36 ? `${o.content.slice(0, 36)}…` : o.content);
const eventAt = (o: DemoOpinion, action: string) => o.events.findLast((e) => e.action === action)?.at ?? null;

export function buildNotifications({
  opinions,
  accounts,
  stations,
  cast,
  now,
  days,
}: Inputs): DemoNotification[] {
  const out: DemoNotification[] = [];
  const nowIso = now.toISOString();
  const daysAgo = (iso: string) => (now.getTime() - Date.parse(iso)) / DAY_MS;
  const stationOfficer = new Map(stations.map((s) => [s.code, s.officerUsername]));

  for (const account of accounts) {
    const mine: DemoNotification[] = [];
    const note = (
      o: DemoOpinion,
      kind: string,
      title: string,
      body: string,
      at: string | null,
      read: boolean,
    ): void => {
      if (at === null || at > nowIso) return;
      // Read a little after it came, but never after now.
      const readAt = read
        ? new Date(Math.min(Date.parse(at) + 3 * 3_600_000, now.getTime())).toISOString()
        : null;
      mine.push({
        username: account.username,
        kind,
        title,
        body: `【${o.trackingCode}】${body}`,
        linkTrackingCode: o.trackingCode,
        linkSuggestionKey: null,
        createdAt: at,
        readAt,
      });
    };

    if (account.unitCode) {
      for (const o of opinions.filter((x) => x.unitCode === account.unitCode)) {
        const f = o.facts;
        const dueDay = f.reply_due ? zhDay(new Date(f.reply_due)) : '';
        if (f.status === 'ASSIGNED') {
          note(
            o,
            'opinion.assigned',
            '新交办事项待签收',
            `${excerpt(o)}（办理期限${dueDay}）`,
            f.assigned_at,
            false,
          );
        } else if (f.status === 'REHANDLING') {
          note(
            o,
            'opinion.reopened',
            '群众不满意，请二次办理',
            `${excerpt(o)}（办理期限${dueDay}）`,
            eventAt(o, 'reopen'),
            false,
          );
        } else if (
          (f.status === 'SIGNED' || f.status === 'EXTENSION_REQUESTED') &&
          f.reply_overdue === 1 &&
          f.reply_due
        ) {
          note(
            o,
            'opinion.reply_overdue',
            '事项已超期未答复',
            `${excerpt(o)}（期限${dueDay}已过）`,
            f.reply_due,
            false,
          );
        } else if (f.status === 'SIGNED' && f.reply_due && days.between(now, new Date(f.reply_due)) <= 2) {
          note(
            o,
            'opinion.reply_due_soon',
            '事项即将到期',
            `${excerpt(o)}（请于${dueDay}前答复）`,
            nowIso,
            false,
          );
        } else if (f.assigned_at && daysAgo(f.assigned_at) < 45) {
          note(o, 'opinion.assigned', '新交办事项', excerpt(o), f.assigned_at, true);
        }
        const decided = o.extensions.at(-1);
        if (decided?.decidedAt && daysAgo(decided.decidedAt) < 45) {
          note(
            o,
            'opinion.extension_decided',
            decided.approved ? '延期申请已同意' : '延期申请未同意',
            decided.decisionNote ?? excerpt(o),
            decided.decidedAt,
            daysAgo(decided.decidedAt) > 2,
          );
        }
      }
    }

    if (account.roles.includes('congress_staff')) {
      for (const o of opinions.filter(
        (x) => cast.staffFor(x.jurisdictionCode).username === account.username,
      )) {
        const f = o.facts;
        if (f.status === 'RETURN_REQUESTED') {
          note(
            o,
            'opinion.return_requested',
            '承办单位申请退回',
            excerpt(o),
            eventAt(o, 'request_return'),
            false,
          );
        } else if (f.status === 'EXTENSION_REQUESTED') {
          const ext = o.extensions.at(-1);
          note(
            o,
            'opinion.extension_requested',
            `承办单位申请延期${ext?.workingDays ?? ''}个工作日`,
            ext?.reason ?? excerpt(o),
            ext?.requestedAt ?? null,
            false,
          );
        } else if (f.status === 'SUBMITTED' && f.ack_overdue === 1) {
          note(o, 'opinion.ack_overdue', '群众意见超期未受理', excerpt(o), f.ack_due, false);
        } else if (f.status === 'ASSIGNED' && f.sign_overdue === 1) {
          note(o, 'opinion.sign_overdue', '交办事项超期未签收', excerpt(o), f.sign_due, false);
        } else if (f.status === 'ACCEPTED') {
          note(o, 'opinion.accepted', '已受理事项待交办', excerpt(o), f.ack_at, false);
        }
        const unhappy = o.ratings.findLast((x) => x.rating === 'unsatisfied');
        if (unhappy && daysAgo(unhappy.at) < 30) {
          note(
            o,
            'opinion.rated_unsatisfied',
            '群众评价不满意',
            unhappy.comment ?? excerpt(o),
            unhappy.at,
            daysAgo(unhappy.at) > 5,
          );
        }
      }
    }

    if (account.roles.includes('liaison_officer')) {
      for (const o of opinions.filter(
        (x) => x.stationCode && stationOfficer.get(x.stationCode) === account.username,
      )) {
        if (o.facts.status === 'SUBMITTED') {
          note(o, 'opinion.submitted', '新的群众意见待受理', excerpt(o), o.submittedAt, false);
        } else if (o.channel === 'qr' && daysAgo(o.submittedAt) < 20) {
          note(o, 'opinion.submitted', '新的群众意见', excerpt(o), o.submittedAt, true);
        }
      }
    }

    if (account.representativeCode) {
      for (const o of opinions.filter((x) => x.representativeCode === account.representativeCode)) {
        if (daysAgo(o.submittedAt) > 60) continue;
        const title = o.channel === 'qr' ? '群众通过您的二维码留言' : '有群众向您反映问题';
        note(o, 'opinion.submitted', title, excerpt(o), o.submittedAt, daysAgo(o.submittedAt) > 3);
      }
    }

    mine.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    out.push(...mine.slice(0, PER_ACCOUNT).reverse());
  }
  return out;
}
