/**
 * Who sees which suggestion, in ONE predicate every read uses (lists, one case, exports,
 * statistics, the report, actions), and who the actor is relative to one case (the state
 * machine's ActorKind). Outside the predicate a case is simply not found (404).
 *
 * - congress staff and leaders: the cases of the congresses of their jurisdiction's sub-tree,
 *   once submitted (a draft is the representative's own until they hand it in);
 * - a representative: the cases they lead or are invited to co-sign;
 * - unit staff: cases assigned to their unit now, or handled by it before (an event of the unit);
 * - whoever created the case (staff drafting from an opinion for a representative see that draft).
 * Someone with several roles sees the union.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, pathInScope, scopeOf } from '../../platform/db/scope.ts';
import type { Actor, Role } from '../auth/auth.domain.ts';
import type { ActorKind } from './suggestions.domain.ts';

const JURISDICTION_ROLES: readonly Role[] = ['congress_staff', 'leader'];

export const seesJurisdiction = (actor: Actor): boolean =>
  actor.roles.some((r) => JURISDICTION_ROLES.includes(r));

export const unitOf = (actor: Actor): number | null =>
  actor.roles.includes('unit_staff') ? actor.unitId : null;

export const representativeOf = (actor: Actor): number | null =>
  actor.roles.includes('representative') ? actor.representativeId : null;

export type SuggestionExpressions = ExpressionBuilder<DB, 'suggestion'>;
export type Visibility = (eb: SuggestionExpressions) => Expression<SqlBool>;

/** The predicate: `where(visibleTo(actor))` on a query over `suggestion`. */
export function visibleTo(actor: Actor): Visibility {
  const unitId = unitOf(actor);
  const representativeId = representativeOf(actor);
  return (eb) => {
    const parts: Expression<SqlBool>[] = [];
    if (actor.userId !== null) parts.push(eb('suggestion.created_by_user_id', '=', actor.userId));
    if (seesJurisdiction(actor)) {
      parts.push(
        eb.and([
          inScope(scopeOf(actor), 'suggestion.jurisdiction_id'),
          eb('suggestion.status', '!=', 'DRAFT'),
        ]),
      );
    }
    if (representativeId !== null) {
      parts.push(
        eb(
          'suggestion.id',
          'in',
          eb
            .selectFrom('suggestion_signer as vs')
            .select('vs.suggestion_id')
            .where('vs.representative_id', '=', representativeId),
        ),
      );
    }
    if (unitId !== null) {
      parts.push(
        eb.or([
          eb(
            'suggestion.id',
            'in',
            eb
              .selectFrom('suggestion_unit as vu')
              .select('vu.suggestion_id')
              .where('vu.unit_id', '=', unitId),
          ),
          eb(
            'suggestion.id',
            'in',
            eb
              .selectFrom('suggestion_event as ve')
              .select('ve.suggestion_id')
              .where('ve.unit_id', '=', unitId),
          ),
        ]),
      );
    }
    return eb.or(parts);
  };
}

/** What decides the actor's kinds for one case. */
export interface KindFacts {
  jurisdictionPath: string;
  status: string;
  signers: readonly { representativeId: number; role: string; status: string }[];
  units: readonly { unitId: number; role: string }[];
}

/**
 * Who the actor is for this case, in the order their actions are tried: congress staff in scope
 * (not on drafts), a lead representative, an invited or accepted co-signer, the lead unit, a
 * co-unit.
 */
export function actorKinds(actor: Actor, s: KindFacts): ActorKind[] {
  const kinds: ActorKind[] = [];
  if (
    actor.roles.includes('congress_staff') &&
    s.status !== 'DRAFT' &&
    pathInScope(scopeOf(actor), s.jurisdictionPath)
  )
    kinds.push('staff');
  const rep = representativeOf(actor);
  if (rep !== null) {
    const signer = s.signers.find((x) => x.representativeId === rep);
    if (signer?.role === 'lead') kinds.push('lead');
    if (signer?.role === 'cosigner' && (signer.status === 'invited' || signer.status === 'accepted'))
      kinds.push('cosigner');
  }
  const unit = unitOf(actor);
  if (unit !== null) {
    const held = s.units.find((u) => u.unitId === unit);
    if (held?.role === 'lead') kinds.push('lead_unit');
    if (held?.role === 'co') kinds.push('co_unit');
  }
  return kinds;
}
