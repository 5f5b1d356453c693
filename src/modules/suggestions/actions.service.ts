/**
 * The people's actions through the API: one action on one case, and registering or assigning
 * many at once after a session (each case in its own transaction, so one that moved on meanwhile
 * does not hold back the hundreds of others).
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import type { ActionRequest } from './steps.effects.ts';
import { performAction, staffPerformer, type StepOutcome } from './steps.service.ts';
import type { ActionBody, BulkBody, UserAction } from './suggestions.schema.ts';

export function actOnSuggestion<A extends UserAction>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  body: ActionBody<A>,
): Promise<StepOutcome> {
  return performAction(ctx, staffPerformer(actor), id, { action, body } as ActionRequest);
}

export interface BulkOutcome {
  done: number[];
  failed: { id: number; error: AppError }[];
}

/** 批量立案 / 批量交办: the same action on many cases, one transaction each. */
export async function bulkAct(ctx: AppContext, actor: Actor, body: BulkBody): Promise<BulkOutcome> {
  let request: ActionRequest;
  if (body.action === 'assign') {
    if (body.leadUnitId === undefined)
      throw new AppError('VALIDATION_FAILED', { zh: '批量交办须选择主办单位', en: 'Choose the lead unit' }, [
        {
          path: '/leadUnitId',
          rule: 'required',
          message: { zh: '请选择主办单位', en: 'Choose the lead unit' },
        },
      ]);
    request = {
      action: 'assign',
      body: {
        leadUnitId: body.leadUnitId,
        ...(body.coUnitIds ? { coUnitIds: body.coUnitIds } : {}),
        ...(body.note ? { note: body.note } : {}),
      },
    };
  } else {
    request = { action: 'register', body: body.note ? { note: body.note } : {} };
  }
  const who = staffPerformer(actor);
  const outcome: BulkOutcome = { done: [], failed: [] };
  for (const id of body.ids) {
    try {
      await performAction(ctx, who, id, request);
      outcome.done.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // A unit that does not check out is the whole request's problem, not each case's.
      if (err.code === 'VALIDATION_FAILED' && outcome.done.length === 0 && body.action === 'assign')
        throw err;
      outcome.failed.push({ id, error: err });
    }
  }
  return outcome;
}
