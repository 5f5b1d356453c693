/**
 * HTTP for the public (no sign-in): leaving a message from a QR code page, following it by tracking
 * code, rating the answer. Every route is rate-limited per IP address; a submission also per phone
 * number (intake.service.ts) and needs an Idempotency-Key, so a double tap files one message.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError, type Bilingual } from '../../platform/http/errors.ts';
import { readIdempotencyKey } from '../../platform/http/idempotency.ts';
import { submitPublic } from './intake.service.ts';
import { photoBodyLimit } from './opinions.routes.ts';
import {
  PublicRatingBody,
  PublicSubmissionBody,
  SubmissionReceipt,
  TrackingParams,
  TrackingView,
} from './public.schema.ts';
import { ratePublic, trackingView } from './tracking.service.ts';

/** Tracking-page look-ups per IP per minute: enough for a family re-reading, too few to guess codes. */
const TRACKING_PER_IP_PER_MINUTE = 60;

function perIp(max: number, text: Bilingual) {
  return {
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: () => new AppError('RATE_LIMITED', text),
  };
}

export function publicIntakeRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['public'];
    const perMinute = ctx.config.opinions.publicPerIpPerMinute;
    app.post(
      '/public/opinions',
      {
        config: {
          access: 'public',
          rateLimit: perIp(perMinute, {
            zh: `提交过于频繁（每分钟最多 ${perMinute} 次），请稍后再试`,
            en: `Too many submissions (at most ${perMinute} a minute); try again shortly`,
          }),
        },
        bodyLimit: photoBodyLimit(ctx),
        schema: {
          tags,
          summary:
            'Leave an opinion from a station’s or representative’s QR code (Idempotency-Key header required)',
          body: PublicSubmissionBody,
          response: { 201: SubmissionReceipt },
        },
      },
      async (req, reply) => {
        const key = readIdempotencyKey(req.headers['idempotency-key'], 'public.opinion', req.body, true)!;
        const result = await submitPublic(ctx, req.body, { ip: req.ip, key });
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(result.body);
      },
    );
    app.get(
      '/public/opinions/:trackingCode',
      {
        config: {
          access: 'public',
          rateLimit: perIp(TRACKING_PER_IP_PER_MINUTE, {
            zh: '查询过于频繁，请稍后再试',
            en: 'Too many look-ups; try again shortly',
          }),
        },
        schema: {
          tags,
          summary: 'What became of a message, by its tracking code',
          params: TrackingParams,
          response: { 200: TrackingView },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return trackingView(ctx, req.params.trackingCode);
      },
    );
    app.post(
      '/public/opinions/:trackingCode/rating',
      {
        config: {
          access: 'public',
          rateLimit: perIp(perMinute, {
            zh: '操作过于频繁，请稍后再试',
            en: 'Too many requests; try again shortly',
          }),
        },
        schema: {
          tags,
          summary: 'Rate the answer: 满意 / 基本满意 / 不满意 (不满意 sends it back for re-handling)',
          params: TrackingParams,
          body: PublicRatingBody,
          response: { 200: TrackingView },
        },
      },
      (req) => ratePublic(ctx, req.params.trackingCode, req.body, req.ip),
    );
  };
}
