/**
 * The staff's actions through the API: one action on one item, and assigning many items at once
 * (each in its own transaction, so one that moved on meanwhile does not hold back the others).
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import type { ActionBody, BulkAssignBody, UserAction } from './opinions.schema.ts';
import type { ActionRequest } from './transitions.effects.ts';
import { performAction, performSteps, prepare, staffPerformer } from './transitions.service.ts';

export async function actOnOpinion<A extends UserAction>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  body: ActionBody<A>,
): Promise<void> {
  await performAction(ctx, staffPerformer(actor), { id }, { action, body } as ActionRequest);
}

export interface BulkOutcome {
  assigned: number[];
  failed: { id: number; error: AppError }[];
}

/** 批量交办: items still SUBMITTED are accepted first, in the same transaction as their assignment. */
export async function bulkAssign(ctx: AppContext, actor: Actor, body: BulkAssignBody): Promise<BulkOutcome> {
  const assign: ActionRequest = {
    action: 'assign',
    body: {
      unitId: body.unitId,
      ...(body.categoryCode !== undefined ? { categoryCode: body.categoryCode } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
    },
  };
  const accept: ActionRequest = { action: 'accept', body: {} };
  const prepared = await prepare(ctx, actor, [assign]);
  // A unit or category that does not check out is the whole request's problem, not each item's.
  if (prepared.invalid) throw prepared.invalid;
  const who = staffPerformer(actor);
  const outcome: BulkOutcome = { assigned: [], failed: [] };
  for (const id of body.ids) {
    try {
      await performSteps(
        ctx,
        who,
        { id },
        (row) => (row.status === 'SUBMITTED' ? [accept, assign] : [assign]),
        prepared,
      );
      outcome.assigned.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      outcome.failed.push({ id, error: err });
    }
  }
  return outcome;
}
