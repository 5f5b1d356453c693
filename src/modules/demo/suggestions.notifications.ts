/**
 * The demo accounts' notices about suggestions, as the services wrote them while the cases moved:
 * the steps' notices (suggestions.notices.ts `stepNotices`), invitations and answers, co-units'
 * opinions, 重点督办, opinions drafted for a representative, and the scheduler's deadline alerts —
 * each addressed as notifications.service.ts does (a unit's accounts, a representative's
 * account, the nearest 代表工委, a leader). Only the demo accounts have inboxes worth filling:
 * each keeps its newest notices; what still waits for the account is unread.
 */
import type { Notice, Recipient } from '../notifications/notifications.service.ts';
import {
  deadlineNotice,
  invitationNotice,
  stepNotices,
  type NoticeCase,
} from '../suggestions/suggestions.notices.ts';
import type { DemoAccount, DemoNotification } from './demo.types.ts';
import type { Cast } from './opinions.cast.ts';
import type { NoticeEntry, Subject } from './suggestions.simulator.ts';
import type { DemoSuggestion } from './suggestions.types.ts';

/** A case with the notices its history wrote. */
export interface NoticedCase {
  suggestion: DemoSuggestion;
  notices: readonly NoticeEntry[];
}

const PER_ACCOUNT = 30;
const STAFF_WAITS = ['SUBMITTED', 'REGISTERED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED', 'ESCALATED'];
const UNIT_WAITS = ['ASSIGNED', 'IN_PROGRESS', 'REHANDLING'];
const OPEN = [
  'REGISTERED',
  'ASSIGNED',
  'RETURN_REQUESTED',
  'IN_PROGRESS',
  'EXTENSION_REQUESTED',
  'REPLIED',
  'REHANDLING',
  'ESCALATED',
];

/** Numbers standing for records in the engine's notices, and back. */
class Ids {
  private readonly toId = new Map<string, number>();
  private readonly toCode: string[] = [];
  id(code: string): number {
    let id = this.toId.get(code);
    if (id === undefined) {
      id = this.toCode.push(code);
      this.toId.set(code, id);
    }
    return id;
  }
  code(id: number): string {
    return this.toCode[id - 1]!;
  }
}

export function buildSuggestionNotifications(
  cases: readonly NoticedCase[],
  accounts: readonly DemoAccount[],
  cast: Cast,
  now: Date,
): DemoNotification[] {
  const reps = new Ids();
  const units = new Ids();
  const users = new Ids();
  const byRep = new Map(
    accounts.filter((a) => a.representativeCode).map((a) => [a.representativeCode!, a.username]),
  );
  const byUnit = new Map(accounts.filter((a) => a.unitCode).map((a) => [a.unitCode!, a.username]));
  const nowIso = now.toISOString();
  const byName = new Map(accounts.map((a) => [a.username, a]));

  const recipients = (to: readonly Recipient[]): string[] =>
    to.flatMap((x) => {
      if ('userIds' in x) return x.userIds.map((id) => users.code(id));
      if ('unitId' in x)
        return [byUnit.get(units.code(x.unitId))].filter((u): u is string => u !== undefined);
      if ('representativeIds' in x)
        return x.representativeIds
          .map((id) => byRep.get(reps.code(id)))
          .filter((u): u is string => u !== undefined);
      if ('role' in x)
        return [cast.staffFor(x.jurisdictionPath).username].filter((u): u is string => u !== null);
      return [];
    });

  const inbox = new Map<string, (DemoNotification & { waiting: boolean })[]>();
  for (const { suggestion: s, notices } of cases) {
    const noticeCase = (sub: Subject): NoticeCase => ({
      id: 0,
      title: sub.title,
      caseLabel: sub.registered && s.facts.case_number !== null ? `第${s.facts.case_number}号` : null,
      jurisdictionPath: s.jurisdictionCode,
      leads: sub.leads.map((c) => reps.id(c)),
      cosigners: sub.cosigners.map((c) => reps.id(c)),
      leadUnitId: sub.leadUnit === null ? null : units.id(sub.leadUnit),
      coUnitIds: sub.coUnits.map((c) => units.id(c)),
      supervisorUserId: sub.supervisor === null ? null : users.id(sub.supervisor),
    });
    const waitsFor = (username: string): boolean => {
      const a = byName.get(username)!;
      const st = s.facts.status;
      if (a.roles.includes('congress_staff')) return STAFF_WAITS.includes(st);
      if (a.unitCode) return UNIT_WAITS.includes(st) && s.units.some((u) => u.unitCode === a.unitCode);
      if (a.representativeCode) {
        const me = s.signers.find((x) => x.representativeCode === a.representativeCode);
        return (st === 'DRAFT' && me?.status === 'invited') || (st === 'REPLIED' && me?.role === 'lead');
      }
      return OPEN.includes(st);
    };
    const latest = new Map<string, number>();
    const mine: { username: string; notice: Notice; at: string }[] = [];
    for (const entry of notices) {
      for (const notice of toNotices(entry, noticeCase(entry.subject), s, reps)) {
        for (const username of new Set(recipients(notice.to))) {
          mine.push({ username, notice, at: entry.at });
          latest.set(username, mine.length - 1);
        }
      }
    }
    mine.forEach((m, i) => {
      if (m.at > nowIso) return;
      const waiting = latest.get(m.username) === i && waitsFor(m.username);
      const list = inbox.get(m.username) ?? [];
      list.push({
        username: m.username,
        kind: m.notice.kind,
        title: m.notice.title,
        body: m.notice.body,
        linkTrackingCode: null,
        linkSuggestionKey: s.key,
        createdAt: m.at,
        readAt: waiting
          ? null
          : new Date(Math.min(Date.parse(m.at) + 2 * 3_600_000, now.getTime())).toISOString(),
        waiting,
      });
      inbox.set(m.username, list);
    });
  }
  const out: DemoNotification[] = [];
  for (const account of accounts) {
    const list = inbox.get(account.username) ?? [];
    list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    // The newest, and every one still waiting.
    const kept = list.filter((n, i) => i < PER_ACCOUNT || n.waiting).reverse();
    out.push(...kept.map(({ waiting: _w, ...n }) => n));
  }
  return out;
}

/** The notices one entry of a case's history wrote, as the services word them. */
function toNotices(entry: NoticeEntry, c: NoticeCase, s: DemoSuggestion, reps: Ids): Notice[] {
  const link = { type: 'suggestion' as const, id: 0 };
  switch (entry.kind) {
    case 'step':
      return stepNotices(c, entry.action);
    case 'deadline':
      return [deadlineNotice(c, entry.sweep)];
    case 'invited':
      return [
        invitationNotice(
          c,
          entry.invitees.map((code) => reps.id(code)),
          entry.leadName,
        ),
      ];
    case 'answered': {
      const answer = entry.accept ? 'accept' : 'decline';
      return [
        {
          to: [{ representativeIds: [reps.id(s.leadRepresentativeCode)] }],
          kind: answer === 'accept' ? 'suggestion.invitation_accepted' : 'suggestion.invitation_declined',
          title: `${entry.byName}代表${entry.accept ? '同意' : '谢绝'}附议`,
          body: c.title.slice(0, 60),
          link,
        },
      ];
    }
    case 'co_opinion':
      return c.leadUnitId === null
        ? []
        : [
            {
              to: [{ unitId: c.leadUnitId }],
              kind: 'suggestion.co_opinion',
              title: `协办单位已提交协办意见：${c.title.slice(0, 30)}`,
              body: entry.text.slice(0, 100),
              link,
            },
          ];
    case 'key':
      return c.supervisorUserId === null
        ? []
        : [
            {
              to: [{ userIds: [c.supervisorUserId] }],
              kind: 'suggestion.key',
              title: `重点督办：${c.title.slice(0, 40)}`,
              body: '您被确定为该建议的督办领导',
              link,
            },
          ];
    case 'drafted_for_you':
      return [
        {
          to: [{ representativeIds: [reps.id(s.leadRepresentativeCode)] }],
          kind: 'suggestion.drafted_for_you',
          title: '群众意见已转为您的建议草稿',
          body: c.title,
          link,
        },
      ];
  }
}
