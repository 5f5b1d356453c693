/**
 * Who sees which opinion, in ONE predicate that every read uses (list, detail, photos, export,
 * contact reveal, actions, routing), and who the actor is relative to one opinion (the state
 * machine's ActorKind). Outside the predicate an opinion is simply not found (404).
 *
 * - congress staff, leaders and liaison officers: opinions whose jurisdiction is in their scope;
 * - unit staff: items assigned to their unit now, or handled by it before (an event of the unit);
 * - a representative: items addressed to them, and items of the stations and grids they serve on.
 * Someone with several roles sees the union.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, pathInScope, scopeOf } from '../../platform/db/scope.ts';
import type { Actor, Role } from '../auth/auth.domain.ts';
import type { ActorKind } from './opinions.domain.ts';

/** Roles that see every opinion of their jurisdiction's sub-tree. */
const JURISDICTION_ROLES: readonly Role[] = ['congress_staff', 'leader', 'liaison_officer'];

export const seesJurisdiction = (actor: Actor): boolean =>
  actor.roles.some((r) => JURISDICTION_ROLES.includes(r));

/** The unit whose items the actor handles, if they are unit staff. */
export const unitOf = (actor: Actor): number | null =>
  actor.roles.includes('unit_staff') ? actor.unitId : null;

/** The representative the actor is, if they hold the role. */
export const representativeOf = (actor: Actor): number | null =>
  actor.roles.includes('representative') ? actor.representativeId : null;

export type OpinionExpressions = ExpressionBuilder<DB, 'opinion'>;

/** Items of the stations and grids the representative serves on. */
export function ofRepresentativesPosts(eb: OpinionExpressions, representativeId: number) {
  return eb.or([
    eb(
      'opinion.station_id',
      'in',
      eb
        .selectFrom('station_member as vsm')
        .select('vsm.station_id')
        .where('vsm.representative_id', '=', representativeId),
    ),
    eb(
      'opinion.grid_id',
      'in',
      eb
        .selectFrom('grid_member as vgm')
        .select('vgm.grid_id')
        .where('vgm.representative_id', '=', representativeId),
    ),
  ]);
}

/** The predicate: `where(visibleTo(actor))` on a query over `opinion`. */
export function visibleTo(actor: Actor) {
  const unitId = unitOf(actor);
  const representativeId = representativeOf(actor);
  return (eb: OpinionExpressions): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (seesJurisdiction(actor)) parts.push(inScope(scopeOf(actor), 'opinion.jurisdiction_id'));
    if (unitId !== null) {
      parts.push(
        eb.or([
          eb('opinion.unit_id', '=', unitId),
          eb(
            'opinion.id',
            'in',
            eb.selectFrom('opinion_event as ve').select('ve.opinion_id').where('ve.unit_id', '=', unitId),
          ),
        ]),
      );
    }
    if (representativeId !== null) {
      parts.push(
        eb.or([
          eb('opinion.representative_id', '=', representativeId),
          ofRepresentativesPosts(eb, representativeId),
        ]),
      );
    }
    // No part: an empty or (1 = 0), nothing is visible.
    return eb.or(parts);
  };
}

/** What decides the actor's kinds for one opinion (read with the opinion, see opinions.repo.ts). */
export interface KindFacts {
  jurisdictionPath: string;
  unitId: number | null;
  representativeId: number | null;
  /** Whether the acting representative serves on the item's station or grid. */
  representativeServes: boolean;
}

/**
 * Who the actor is for this item, in the order their actions are tried: congress staff and
 * liaison officers in scope, the item's representative (or one serving on its station or grid),
 * and the staff of the unit handling it now.
 */
export function actorKinds(actor: Actor, o: KindFacts): ActorKind[] {
  const kinds: ActorKind[] = [];
  const inJurisdiction = pathInScope(scopeOf(actor), o.jurisdictionPath);
  if (actor.roles.includes('congress_staff') && inJurisdiction) kinds.push('staff');
  if (actor.roles.includes('liaison_officer') && inJurisdiction) kinds.push('officer');
  const rep = representativeOf(actor);
  if (rep !== null && (o.representativeId === rep || o.representativeServes)) kinds.push('representative');
  const unit = unitOf(actor);
  if (unit !== null && o.unitId === unit) kinds.push('unit');
  return kinds;
}
