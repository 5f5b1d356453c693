/**
 * HTTP (no sign-in): 履职公示 as published — a station's or a public representative's month, any
 * version of it — the scoring method in plain Chinese, and the honours with their method.
 * Rate-limited per IP like the other public reads; cacheable for a minute, since every answer is
 * what was published for everyone (nothing is computed from the records for the asking).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { PUBLIC_READS_PER_MINUTE } from '../public/public.routes.ts';
import { PublicDisclosure, PublicDisclosureParams, PublicDisclosureQuery } from './disclosure.schema.ts';
import { publicDisclosure } from './disclosure.service.ts';
import { PublicHonours, PublicHonoursQuery, PublicMethod, PublicMethodQuery } from './honours.schema.ts';
import { publicHonours } from './honours.service.ts';
import { publicMethod } from './method.service.ts';

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

/** A publication or a correction shows within a minute. */
const SHORT_CACHE = 'public, max-age=60';

export function publicPerformanceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['public'];
    for (const [segment, kind] of [
      ['stations', 'station'],
      ['representatives', 'representative'],
    ] as const) {
      app.get(
        `/public/disclosures/${segment}/:code`,
        {
          config: publicAccess,
          schema: {
            tags,
            summary: `A ${kind}’s published monthly disclosure (履职公示): the latest month and version unless asked, with every version’s date and correction note`,
            params: PublicDisclosureParams,
            querystring: PublicDisclosureQuery,
            response: { 200: PublicDisclosure },
          },
        },
        async (req, reply) =>
          reply
            .header('cache-control', SHORT_CACHE)
            .send(await publicDisclosure(ctx, kind, req.params.code, req.query)),
      );
    }
    app.get(
      '/public/performance/method',
      {
        config: publicAccess,
        schema: {
          tags,
          summary:
            'The scoring method in force for a congress (or the congress of a station) and year, in plain Chinese',
          querystring: PublicMethodQuery,
          response: { 200: PublicMethod },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', SHORT_CACHE).send(await publicMethod(ctx, req.query)),
    );
    app.get(
      '/public/honours',
      {
        config: publicAccess,
        schema: {
          tags,
          summary:
            'Honours of a year (履职之星 …) with the score each was awarded on and the method behind it',
          querystring: PublicHonoursQuery,
          response: { 200: PublicHonours },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', SHORT_CACHE).send(await publicHonours(ctx, req.query)),
    );
  };
}
