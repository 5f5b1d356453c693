/**
 * HTTP (no sign-in): the published suggestions, their replies and evaluations, and the year's
 * headline figures (代表建议公开). Rate-limited per IP address like the other public reads; the
 * answers may be cached for a minute by the browser and any proxy, since they hold only what
 * was published for everyone.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { PUBLIC_READS_PER_MINUTE } from '../public/public.routes.ts';
import {
  PublicSuggestionDetail,
  PublicSuggestionPage,
  PublicSuggestionQuery,
  PublicSuggestionSummary,
  PublicSummaryQuery,
} from './public-suggestions.schema.ts';
import { listPublicSuggestions, publicSuggestion, publicSuggestionSummary } from './public.service.ts';

const publicAccess = {
  access: 'public' as const,
  rateLimit: {
    max: PUBLIC_READS_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: () =>
      new AppError('RATE_LIMITED', {
        zh: '查询过于频繁，请稍等一分钟再试',
        en: 'Too many requests; wait a minute and try again',
      }),
  },
};

/** A publication or a new figure shows within a minute; a crowd reading the same page costs one query a minute. */
const SHORT_CACHE = 'public, max-age=60';

export function publicSuggestionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['public'];
    app.get(
      '/public/suggestions',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'Published representatives’ suggestions and motions with their replies, newest first',
          querystring: PublicSuggestionQuery,
          response: { 200: PublicSuggestionPage },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', SHORT_CACHE).send(await listPublicSuggestions(ctx, req.query)),
    );
    app.get(
      '/public/suggestions/summary',
      {
        config: publicAccess,
        schema: {
          tags,
          summary:
            'The headline figures of a year over every registered suggestion (registered, replied, on time, A/B/C, satisfaction)',
          querystring: PublicSummaryQuery,
          response: { 200: PublicSuggestionSummary },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', SHORT_CACHE).send(await publicSuggestionSummary(ctx, req.query)),
    );
    app.get(
      '/public/suggestions/:id',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'One published suggestion: its published text, the reply, the units, the evaluation',
          params: IdParams,
          response: { 200: PublicSuggestionDetail },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', SHORT_CACHE).send(await publicSuggestion(ctx, req.params.id)),
    );
  };
}
