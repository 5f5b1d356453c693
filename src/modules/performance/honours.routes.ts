/** HTTP: honours (履职之星 …) awarded by staff from the ranking of a congress and year. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { AwardBody, HonourList, HonoursQuery, HonourView } from './honours.schema.ts';
import { awardHonours, listHonours } from './honours.service.ts';

export function honourRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['performance'];
    app.get(
      '/performance/honours',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary:
            'The honours of a congress and year, with the score and rule set version each was awarded on',
          querystring: HonoursQuery,
          response: { 200: HonourList },
        },
      },
      (req) => listHonours(ctx, actorOf(req), req.query),
    );
    app.post(
      '/performance/honours',
      {
        config: { access: 'performance.manage' },
        schema: {
          tags,
          summary:
            'Award an honour (履职之星 by default) to representatives picked from the ranking; each keeps its score and rule set version',
          body: AwardBody,
          response: { 201: Type.Object({ items: Type.Array(HonourView) }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ items: await awardHonours(ctx, actorOf(req), req.body) }),
    );
  };
}
