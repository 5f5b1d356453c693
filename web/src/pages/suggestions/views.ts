/**
 * The work lists (工作台 tabs) of each role, in the order a person works through them:
 * a representative drafts, answers invitations to co-sign and evaluates replies; congress staff
 * screen, assign, decide requests and watch the overdue, key and escalated cases; a unit signs
 * and handles; a leader follows the cases under key supervision. Someone with several roles gets
 * every tab of each (once).
 */
import type { Role } from '../../../../src/modules/auth/auth.domain.ts';
import type { SuggestionView } from '../../api/types.ts';
import type { StringKey } from '../../i18n/strings.ts';

export type WorkView = Exclude<SuggestionView, 'all' | 'published'>;

const VIEWS_OF_ROLE: Partial<Record<Role, readonly WorkView[]>> = {
  representative: ['mine', 'to_cosign', 'to_evaluate'],
  congress_staff: ['screening', 'to_assign', 'requests', 'overdue', 'key', 'escalated'],
  unit_staff: ['unit_inbox', 'unit_handling'],
  leader: ['key', 'overdue', 'escalated'],
};

export function workViewsFor(roles: readonly Role[]): WorkView[] {
  const views: WorkView[] = [];
  for (const r of roles) for (const v of VIEWS_OF_ROLE[r] ?? []) if (!views.includes(v)) views.push(v);
  return views;
}

export const VIEW_LABEL: Record<WorkView, StringKey> = {
  mine: 'sug.view.mine',
  to_cosign: 'sug.view.to_cosign',
  to_evaluate: 'sug.view.to_evaluate',
  screening: 'sug.view.screening',
  to_assign: 'sug.view.to_assign',
  requests: 'sug.view.requests',
  overdue: 'sug.view.overdue',
  key: 'sug.view.key',
  escalated: 'sug.view.escalated',
  unit_inbox: 'sug.view.unit_inbox',
  unit_handling: 'sug.view.unit_handling',
};

export const VIEW_HINT: Record<WorkView, StringKey> = {
  mine: 'sug.hint.mine',
  to_cosign: 'sug.hint.to_cosign',
  to_evaluate: 'sug.hint.to_evaluate',
  screening: 'sug.hint.screening',
  to_assign: 'sug.hint.to_assign',
  requests: 'sug.hint.requests',
  overdue: 'sug.hint.overdue',
  key: 'sug.hint.key',
  escalated: 'sug.hint.escalated',
  unit_inbox: 'sug.hint.unit_inbox',
  unit_handling: 'sug.hint.unit_handling',
};

/** Registering and assigning many at once belong to the congress staff. */
export const canBulk = (roles: readonly Role[]) => roles.includes('congress_staff');

/** Where a row opens: the lead's own draft opens in the editor, everything else on its case page. */
export function caseLink(
  item: { id: number; status: string; lead: { id: number } },
  representativeId: number | null | undefined,
): string {
  return item.status === 'DRAFT' && representativeId === item.lead.id
    ? `/suggestions/${item.id}/edit`
    : `/suggestions/${item.id}`;
}
