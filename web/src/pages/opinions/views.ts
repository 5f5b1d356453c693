/**
 * Which queue (待办) a user works from, by role: congress staff and liaison officers triage, unit
 * staff work their unit's inbox, representatives see their stations and grids. A user with several
 * roles gets each of their queues; a leader has none (they read the ledger and the dashboard).
 */
import type { Role } from '../../../../src/modules/auth/auth.domain.ts';
import type { OpinionListQuery } from '../../api/types.ts';

export type QueueView = Exclude<NonNullable<OpinionListQuery['view']>, 'all'>;

const VIEW_OF_ROLE: Partial<Record<Role, QueueView>> = {
  congress_staff: 'triage',
  liaison_officer: 'triage',
  unit_staff: 'unit',
  representative: 'representative',
};

export function queueViewsFor(roles: readonly Role[]): QueueView[] {
  const views: QueueView[] = [];
  for (const r of roles) {
    const v = VIEW_OF_ROLE[r];
    if (v && !views.includes(v)) views.push(v);
  }
  return views;
}

/** Bulk assignment is the congress staff's (the state machine lets only staff assign). */
export function canBulkAssign(roles: readonly Role[]): boolean {
  return roles.includes('congress_staff');
}
