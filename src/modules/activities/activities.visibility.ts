/**
 * Who sees which activity, in ONE predicate every read uses, and who may manage one.
 *
 * - congress staff, leaders and liaison officers: activities of their jurisdiction's sub-tree;
 * - a representative: activities they are on the list of, and those of the stations they serve
 *   on and the groups they belong to.
 * Managing (editing, inviting, deciding leave, recording attendance) is for congress staff in
 * scope, and for liaison officers on their stations' activities.
 */
import type { Expression, SqlBool } from 'kysely';
import { inScope, pathInScope, scopeOf } from '../../platform/db/scope.ts';
import type { Actor, Role } from '../auth/auth.domain.ts';
import type { ActivityExpressions, Visibility } from './activities.repo.ts';

const JURISDICTION_ROLES: readonly Role[] = ['congress_staff', 'leader', 'liaison_officer'];

export const representativeOf = (actor: Actor): number | null =>
  actor.roles.includes('representative') ? actor.representativeId : null;

export function visibleTo(actor: Actor): Visibility {
  const rep = representativeOf(actor);
  return (eb: ActivityExpressions): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (actor.roles.some((r) => JURISDICTION_ROLES.includes(r)))
      parts.push(inScope(scopeOf(actor), 'activity.jurisdiction_id'));
    if (rep !== null) {
      parts.push(
        eb(
          'activity.id',
          'in',
          eb
            .selectFrom('activity_participant as vp')
            .select('vp.activity_id')
            .where('vp.representative_id', '=', rep),
        ),
        eb(
          'activity.station_id',
          'in',
          eb
            .selectFrom('station_member as vsm')
            .select('vsm.station_id')
            .where('vsm.representative_id', '=', rep),
        ),
        eb(
          'activity.group_id',
          'in',
          eb
            .selectFrom('group_member as vgm')
            .select('vgm.group_id')
            .where('vgm.representative_id', '=', rep),
        ),
      );
    }
    return eb.or(parts);
  };
}

/** Whether the actor may manage an activity of this organiser in this jurisdiction. */
export function canManage(actor: Actor, organiser: string, jurisdictionPath: string): boolean {
  if (!pathInScope(scopeOf(actor), jurisdictionPath)) return false;
  if (actor.roles.includes('congress_staff')) return true;
  return actor.roles.includes('liaison_officer') && organiser === 'station';
}
