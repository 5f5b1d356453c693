/**
 * Who hears about what in the loop: the staff of the jurisdiction when something waits for them,
 * the unit when it is given work or a decision, the citizen (by SMS, with the tracking link) when
 * there is an answer to read and rate. The services write them with notify() in the transaction
 * of the change.
 */
import type { AppContext } from '../../platform/context.ts';
import type { Notice, Recipient } from '../notifications/notifications.service.ts';
import type { OpinionAction } from './opinions.domain.ts';
import type { OpinionState } from './opinions.vocab.ts';

/** The congress staff (代表工委) nearest above the jurisdiction. */
export const staffOf = (jurisdictionPath: string): Recipient => ({
  role: 'congress_staff',
  jurisdictionPath,
});

export interface NoticeSubject {
  id: number;
  trackingCode: string;
  content: string;
  jurisdictionPath: string;
  phoneEnc: string | null;
}

const excerpt = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n)}…` : text);

export function trackingUrl(ctx: AppContext, trackingCode: string): string {
  return `${ctx.config.publicBaseUrl}/t/${trackingCode}`;
}

/** The notice of a new item, to the staff of its jurisdiction and the station's liaison officer. */
export function submittedNotice(o: NoticeSubject, liaisonOfficerUserId: number | null): Notice {
  return {
    to: [
      staffOf(o.jurisdictionPath),
      ...(liaisonOfficerUserId !== null ? [{ userIds: [liaisonOfficerUserId] }] : []),
    ],
    kind: 'opinion.submitted',
    title: `新的群众意见（${o.trackingCode}）`,
    body: excerpt(o.content),
    link: { type: 'opinion', id: o.id },
  };
}

/**
 * The notices of a step. `unitId` is the unit the item is (or was, for a return just approved)
 * assigned to.
 */
export function stepNotices(
  ctx: AppContext,
  o: NoticeSubject,
  action: OpinionAction,
  to: OpinionState,
  unitId: number | null,
  rating: string | null,
): Notice[] {
  const link = { type: 'opinion', id: o.id } as const;
  const about = `（${o.trackingCode}）${excerpt(o.content, 40)}`;
  const toUnit = (kind: string, title: string, email = false): Notice[] =>
    unitId === null ? [] : [{ to: [{ unitId }], kind, title, body: about, link, email }];
  const toStaff = (kind: string, title: string): Notice => ({
    to: [staffOf(o.jurisdictionPath)],
    kind,
    title,
    body: about,
    link,
  });
  switch (action) {
    case 'assign':
      return toUnit('opinion.assigned', `新交办事项，请在期限内签收办理${about}`, true);
    case 'request_return':
      return [toStaff('opinion.return_requested', '承办单位申请退回，请审核')];
    case 'request_extension':
      return [toStaff('opinion.extension_requested', '承办单位申请延期，请审核')];
    case 'approve_return':
    case 'refuse_return':
      return toUnit(
        'opinion.return_decided',
        action === 'approve_return' ? '退回申请已同意' : '退回申请未同意，请继续办理',
      );
    case 'approve_extension':
    case 'refuse_extension':
      return toUnit(
        'opinion.extension_decided',
        action === 'approve_extension' ? '延期申请已同意' : '延期申请未同意',
      );
    case 'reply':
    case 'answer_on_spot':
      return [
        {
          to: [staffOf(o.jurisdictionPath), ...(o.phoneEnc ? [{ phoneEnc: o.phoneEnc }] : [])],
          kind: 'opinion.replied',
          title: '事项已答复，等待群众评价',
          body: about,
          link,
          sms: `【人大代表联络】您反映的事项（追踪码 ${o.trackingCode}）已有答复，请查看并评价：${trackingUrl(ctx, o.trackingCode)}`,
        },
      ];
    case 'rate':
      if (rating !== 'unsatisfied') return [];
      return [
        ...toUnit(
          'opinion.unsatisfied',
          to === 'REHANDLING' ? '群众评价不满意，请二次办理' : '群众评价不满意',
        ),
        toStaff('opinion.unsatisfied', '群众评价不满意'),
      ];
    case 'accept':
    case 'reject':
    case 'merge':
    case 'convert':
    case 'sign':
    case 'open_feedback':
    case 'reopen':
    case 'close':
    case 'expire_feedback':
    case 'publish':
      return [];
  }
}

export type DeadlineAlert = 'ack_overdue' | 'sign_overdue' | 'reply_due_soon' | 'reply_overdue';

/**
 * The scheduler's reminders (临期) and escalations (超期): an unacknowledged item to the staff; a
 * unit's overdue sign-off or reply to the unit, the unit supervising it and the staff.
 */
export function deadlineNotice(
  alert: DeadlineAlert,
  o: NoticeSubject,
  unitId: number | null,
  supervisorUnitId: number | null,
  dueDate: string | null,
): Notice {
  const link = { type: 'opinion', id: o.id } as const;
  const body = `（${o.trackingCode}）${excerpt(o.content, 40)}`;
  const units: Recipient[] = [
    ...(unitId !== null ? [{ unitId }] : []),
    ...(supervisorUnitId !== null ? [{ unitId: supervisorUnitId }] : []),
  ];
  switch (alert) {
    case 'ack_overdue':
      return {
        to: [staffOf(o.jurisdictionPath)],
        kind: 'opinion.ack_overdue',
        title: '事项超过受理期限尚未处理',
        body,
        link,
      };
    case 'sign_overdue':
      return {
        to: [...units, staffOf(o.jurisdictionPath)],
        kind: 'opinion.sign_overdue',
        title: '交办事项超过签收期限尚未签收',
        body,
        link,
        email: true,
      };
    case 'reply_due_soon':
      return {
        to: unitId !== null ? [{ unitId }] : [],
        kind: 'opinion.reply_due_soon',
        title: `事项临近答复期限（${dueDate ?? ''}），请抓紧办理`,
        body,
        link,
        email: true,
      };
    case 'reply_overdue':
      return {
        to: [...units, staffOf(o.jurisdictionPath)],
        kind: 'opinion.reply_overdue',
        title: `事项已超过答复期限（${dueDate ?? ''}）`,
        body,
        link,
        email: true,
      };
  }
}
