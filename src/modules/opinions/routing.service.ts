/**
 * GET /opinions/:id/routing: the category guessed from the text (routing.domain.ts) and the units
 * that handle the item's category for its jurisdiction, nearest first (the organisation's routing
 * table). A category a person chose (the citizen, or staff on accepting) decides the units; the
 * guess does only for an item without one. The assign form shows the item's category, so units of
 * the guessed one would contradict it.
 */
import type { AppContext } from '../../platform/context.ts';
import { pathInScope, scopeOf } from '../../platform/db/scope.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { routeCategory } from '../org/units.service.ts';
import { loadVisible } from './opinions.queries.ts';
import type { RoutingSuggestion } from './opinions.schema.ts';
import { guessCategory } from './routing.domain.ts';
import type { Static } from 'typebox';

export async function suggestRouting(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<Static<typeof RoutingSuggestion>> {
  const { loaded } = await loadVisible(ctx, actor, id);
  const guess = guessCategory(`${loaded.row.content} ${loaded.row.address ?? ''}`);
  const categoryCode = loaded.row.category_code ?? guess?.code ?? null;
  // Units are suggested to those who assign within the item's jurisdiction.
  if (categoryCode === null || !pathInScope(scopeOf(actor), loaded.jurisdictionPath)) {
    return { category: guess, units: [] };
  }
  const { units } = await routeCategory(ctx, actor, {
    categoryCode,
    jurisdictionId: loaded.row.jurisdiction_id,
  });
  return { category: guess, units };
}
