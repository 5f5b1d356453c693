/**
 * Who hears about what: the congress staff when a case waits for them (screening, requests,
 * escalations), the units when they are given work or a decision, the lead representative and
 * every co-signer when the case is registered, assigned or answered (the reply "goes to the lead
 * and every co-signer"), a co-signer when invited. Written in the transaction of the change.
 */
import type { Notice, Recipient } from '../notifications/notifications.service.ts';
import type { SuggestionAction } from './suggestions.domain.ts';

export const staffOf = (jurisdictionPath: string): Recipient => ({
  role: 'congress_staff',
  jurisdictionPath,
});

/** What a notice needs to know of the case. */
export interface NoticeCase {
  id: number;
  title: string;
  caseLabel: string | null;
  jurisdictionPath: string;
  /** Lead representatives (several after a merge) and accepted co-signers. */
  leads: readonly number[];
  cosigners: readonly number[];
  /** Units holding the case (before the change, for a return just approved). */
  leadUnitId: number | null;
  coUnitIds: readonly number[];
  supervisorUserId: number | null;
}

const short = (t: string, n = 40) => (t.length > n ? `${t.slice(0, n)}…` : t);
const name = (c: NoticeCase) => `${c.caseLabel ? `${c.caseLabel}建议` : '建议'}“${short(c.title)}”`;

export function invitationNotice(c: NoticeCase, invitees: readonly number[], leadName: string): Notice {
  return {
    to: [{ representativeIds: invitees }],
    kind: 'suggestion.invited',
    title: `${leadName}代表邀请您附议`,
    body: `“${short(c.title)}”，请确认是否附议`,
    link: { type: 'suggestion', id: c.id },
  };
}

/** The notices of a step of the state machine. */
export function stepNotices(c: NoticeCase, action: SuggestionAction): Notice[] {
  const link = { type: 'suggestion', id: c.id } as const;
  const signers: Recipient = { representativeIds: [...c.leads, ...c.cosigners] };
  const units: Recipient[] = [
    ...(c.leadUnitId !== null ? [{ unitId: c.leadUnitId }] : []),
    ...c.coUnitIds.map((unitId) => ({ unitId })),
  ];
  const leadUnit: Recipient[] = c.leadUnitId !== null ? [{ unitId: c.leadUnitId }] : [];
  const n = (
    recipients: Recipient[],
    kind: string,
    title: string,
    body = short(c.title, 60),
    email = false,
  ): Notice => ({
    to: recipients,
    kind: `suggestion.${kind}`,
    title,
    body,
    link,
    ...(email ? { email } : {}),
  });
  switch (action) {
    case 'submit':
      return [n([staffOf(c.jurisdictionPath)], 'submitted', '新的代表建议待审查')];
    case 'withdraw':
      return c.cosigners.length > 0
        ? [n([{ representativeIds: c.cosigners }], 'withdrawn', `${name(c)}已由领衔代表撤回`)]
        : [];
    case 'register':
      return [n([signers], 'registered', `${name(c)}已立案`)];
    case 'refuse':
      return [n([signers], 'not_accepted', `建议“${short(c.title)}”不予立案`, '请查看不予立案的理由')];
    case 'merge':
      return [n([signers], 'merged', `建议“${short(c.title)}”已并案办理`)];
    case 'assign':
      return [
        n(units, 'assigned', `交办：${name(c)}`, '请在规定期限内签收办理，并与代表沟通联系', true),
        n([signers], 'assigned_rep', `${name(c)}已交办承办单位`),
      ];
    case 'request_return':
      return [n([staffOf(c.jurisdictionPath)], 'return_requested', `承办单位申请退回${name(c)}`)];
    case 'approve_return':
      return [
        n(leadUnit, 'return_approved', `${name(c)}已同意退回`),
        n([staffOf(c.jurisdictionPath)], 'to_reassign', `${name(c)}待重新交办`),
      ];
    case 'refuse_return':
      return [n(leadUnit, 'return_refused', `${name(c)}不同意退回，请继续办理`)];
    case 'request_extension':
      return [n([staffOf(c.jurisdictionPath)], 'extension_requested', `承办单位申请延期答复${name(c)}`)];
    case 'approve_extension':
      return [n(leadUnit, 'extension_approved', `${name(c)}延期申请已批准`)];
    case 'refuse_extension':
      return [n(leadUnit, 'extension_refused', `${name(c)}延期申请未获批准`)];
    case 'reply':
      return [n([signers], 'replied', `${name(c)}已答复，请在15个工作日内评价`, short(c.title, 60), true)];
    case 'evaluate':
      return [n([...leadUnit, staffOf(c.jurisdictionPath)], 'evaluated', `代表已评价${name(c)}`)];
    case 'rehandle':
      return [
        n(leadUnit, 'rehandle', `代表对${name(c)}的答复不满意，请重新办理`, '请在1个月内重新答复', true),
      ];
    case 'escalate':
      return [
        n(
          [
            staffOf(c.jurisdictionPath),
            ...(c.supervisorUserId !== null ? [{ userIds: [c.supervisorUserId] }] : []),
          ],
          'escalated',
          `代表对${name(c)}重新办理的答复仍不满意，请督办`,
        ),
      ];
    case 'resolve_escalation':
      return [n([signers, ...leadUnit], 'escalation_resolved', `${name(c)}督办办结`)];
    case 'publish':
      return [n([signers], 'published', `${name(c)}及答复已公开`)];
    case 'sign':
    case 'close':
    case 'expire_evaluation':
      return [];
  }
}

/** The notice of a deadline: 临期 to the lead unit, 超期 to the unit, its staff and the supervisor. */
export function deadlineNotice(
  c: NoticeCase,
  kind: 'reply_due_soon' | 'reply_overdue' | 'co_opinion_overdue' | 'evaluation_due_soon',
): Notice {
  const link = { type: 'suggestion', id: c.id } as const;
  switch (kind) {
    case 'reply_due_soon':
      return {
        to: c.leadUnitId !== null ? [{ unitId: c.leadUnitId }] : [],
        kind: 'suggestion.reply_due_soon',
        title: `临期提醒：${name(c)}即将到期`,
        body: '请按时答复代表',
        link,
        email: true,
      };
    case 'reply_overdue':
      return {
        to: [
          ...(c.leadUnitId !== null ? [{ unitId: c.leadUnitId }] : []),
          staffOf(c.jurisdictionPath),
          ...(c.supervisorUserId !== null ? [{ userIds: [c.supervisorUserId] }] : []),
        ],
        kind: 'suggestion.reply_overdue',
        title: `超期督办：${name(c)}已超过答复期限`,
        body: '承办单位尚未答复',
        link,
        email: true,
      };
    case 'co_opinion_overdue':
      return {
        to: c.coUnitIds.map((unitId) => ({ unitId })),
        kind: 'suggestion.co_opinion_overdue',
        title: `协办提醒：${name(c)}的协办意见已超期`,
        body: '请尽快向主办单位提供协办意见',
        link,
      };
    case 'evaluation_due_soon':
      return {
        to: [{ representativeIds: c.leads }],
        kind: 'suggestion.evaluation_due_soon',
        title: `请评价：${name(c)}的答复`,
        body: '评价期限即将届满，逾期未评价将按未评价办结',
        link,
      };
  }
}
