/**
 * The citizen's side of the loop, by tracking code: what became of their message (public notes
 * only — never staff notes, never contact details), and their rating of the answer.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as read from './opinions.read.repo.ts';
import * as repo from './opinions.repo.ts';
import type { PublicRatingBody, TrackingView } from './public.schema.ts';
import {
  REJECTION_REASON_LABELS,
  type OpinionState,
  type Rating,
  type RejectionReason,
  type ReplyResult,
} from './opinions.vocab.ts';
import { citizenPerformer, performAction } from './transitions.service.ts';
import { suggestionForCitizen } from '../suggestions/citizen.service.ts';

/** Codes are printed in lower case; people may type them in capitals or with dashes. */
export const normaliseTrackingCode = (code: string) => code.replace(/-/g, '').toLowerCase();

const NOT_FOUND = {
  zh: '未找到该追踪码对应的事项，请核对后重试',
  en: 'No item has this tracking code; check it and try again',
};

export async function trackingView(ctx: AppContext, trackingCode: string): Promise<TrackingView> {
  const db = ctx.database.db;
  const loaded = await repo.findByTrackingCode(db, normaliseTrackingCode(trackingCode));
  const o = loaded?.row;
  // A miss does the same reads as a hit (for no item), so timing does not tell codes apart.
  const pieces = await read.trackingPieces(db, {
    id: o?.id ?? 0,
    stationId: o?.station_id ?? null,
    representativeId: o?.representative_id ?? null,
    mergedIntoId: o?.merged_into_id ?? null,
  });
  if (!o) throw new AppError('NOT_FOUND', NOT_FOUND);
  const now = ctx.clock.now().getTime();
  const reason = o.rejection_reason as RejectionReason | null;
  return {
    trackingCode: o.tracking_code,
    status: o.status as OpinionState,
    submittedAt: o.submitted_at,
    addressedTo: pieces.stationName ?? pieces.representativeName,
    categoryCode: o.category_code,
    content: o.content,
    timeline: pieces.timeline.map((e) => ({
      at: e.at,
      status: e.to_status as OpinionState,
      note: e.public_note,
    })),
    replies: pieces.replies.map((r) => ({
      round: r.round,
      result: r.result as ReplyResult,
      content: r.content,
      from: r.kind === 'on_spot' ? '人大代表' : r.unit_name,
      at: r.at,
    })),
    rejection: reason
      ? {
          reason,
          guidance: REJECTION_REASON_LABELS[reason].guidance,
          note: o.rejection_note,
        }
      : null,
    mergedInto: pieces.mergedInto,
    convertedRef: o.converted_ref,
    suggestion: await suggestionForCitizen(ctx, o.converted_ref),
    canRate: o.status === 'AWAITING_FEEDBACK' && o.feedback_due !== null && Date.parse(o.feedback_due) >= now,
    feedbackDue: o.feedback_due,
    ratings: pieces.ratings.map((r) => ({ round: r.round, rating: r.rating as Rating, at: r.at })),
  };
}

/** POST /public/opinions/:trackingCode/rating: the citizen rates the answer (满意/基本满意/不满意). */
export async function ratePublic(
  ctx: AppContext,
  trackingCode: string,
  body: PublicRatingBody,
  ip: string | null,
): Promise<TrackingView> {
  const code = normaliseTrackingCode(trackingCode);
  await performAction(
    ctx,
    citizenPerformer(ip),
    { trackingCode: code },
    {
      action: 'rate',
      body: { rating: body.rating, ...(body.comment ? { comment: body.comment } : {}) },
    },
  ).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', NOT_FOUND);
    throw err;
  });
  return trackingView(ctx, code);
}
