/**
 * The staff's actions through the API: one action on one item, and assigning many items at once
 * (each in its own transaction, so one that moved on meanwhile does not hold back the others).
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import type { ActionBody, BulkAssignBody, UserAction } from './opinions.schema.ts';
import type { ActionRequest } from './transitions.effects.ts';
import { findOpinion } from './opinions.repo.ts';
import { representativeOf } from './opinions.visibility.ts';
import {
  performAction,
  performSteps,
  performStepsIn,
  prepare,
  staffPerformer,
  type Prepared,
} from './transitions.service.ts';

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

/** What a suggestion drafted from an opinion takes of it. */
export interface ConvertedOpinion {
  id: number;
  trackingCode: string;
  content: string;
  jurisdictionId: number;
  stationId: number | null;
  representativeId: number | null;
  categoryCode: string | null;
}

/** Read before the transaction of a conversion (the calendar; see `prepare`). */
export function prepareConversion(ctx: AppContext, actor: Actor): Promise<Prepared> {
  return prepare(ctx, actor, [{ action: 'convert', body: {} }]);
}

/**
 * 转为代表建议: the opinion moves to CONVERTED with `ref` (the suggestion's link) in the caller's
 * transaction, so the suggestion drafted from it and the conversion commit together. Staff
 * accept an item still SUBMITTED in the same step; a representative converts accepted items only.
 */
export async function convertOpinionIn(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  opinionId: number,
  ref: string,
  prepared: Prepared,
): Promise<ConvertedOpinion> {
  const who = staffPerformer(actor);
  const loaded = await findOpinion(trx, opinionId, who.visible, representativeOf(actor));
  if (!loaded) throw new AppError('NOT_FOUND');
  const convert: ActionRequest = { action: 'convert', body: { ref } };
  await performStepsIn(
    ctx,
    trx,
    who,
    { id: opinionId },
    (row) => (row.status === 'SUBMITTED' ? [{ action: 'accept', body: {} }, convert] : [convert]),
    prepared,
  );
  const o = loaded.row;
  return {
    id: o.id,
    trackingCode: o.tracking_code,
    content: o.content,
    jurisdictionId: o.jurisdiction_id,
    stationId: o.station_id,
    representativeId: o.representative_id,
    categoryCode: o.category_code,
  };
}
