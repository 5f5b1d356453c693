/** HTTP: duty-performance scoring — rule sets, recomputation, score cards, the ranking, excellent suggestions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { Id, IdParams, Ok } from '../../platform/http/schemas.ts';
import type { ScoreRules } from './performance.domain.ts';
import {
  CongressYearQuery,
  ExcellentBody,
  RankingPage,
  RankingQuery,
  RecomputeBody,
  RuleSetView,
  SaveRulesBody,
  ScoreCardView,
} from './performance.schema.ts';
import {
  congressForStaff,
  currentYear,
  markExcellent,
  ranking,
  recomputeNow,
  ruleSetView,
  scoreCardOf,
} from './scores.service.ts';
import { saveRules } from './scoring.service.ts';

export function performanceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['performance'];
    app.get(
      '/performance/rules',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary:
            'The scoring rules in force for a congress and year, their versions and the method in words',
          querystring: CongressYearQuery,
          response: { 200: RuleSetView },
        },
      },
      (req) => ruleSetView(ctx, actorOf(req), req.query.congressId, req.query.year ?? currentYear(ctx)),
    );
    app.put(
      '/performance/rules',
      {
        config: { access: 'performance.manage' },
        schema: {
          tags,
          summary: 'Save a new version of the rules; everyone is recomputed under it',
          body: SaveRulesBody,
          response: { 200: RuleSetView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { congressId, year } = req.body;
        await congressForStaff(ctx, actor, congressId);
        await saveRules(ctx, actor, congressId, year, req.body.rules as ScoreRules, req.body.note ?? null);
        return ruleSetView(ctx, actor, congressId, year);
      },
    );
    app.post(
      '/performance/recompute',
      {
        config: { access: 'performance.manage' },
        schema: {
          tags,
          summary: 'Recompute everyone’s scores now',
          body: RecomputeBody,
          response: { 200: Type.Object({ representatives: Type.Integer(), entries: Type.Integer() }) },
        },
      },
      (req) => recomputeNow(ctx, actorOf(req), req.body.congressId, req.body.year),
    );
    app.get(
      '/performance/scores',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary: 'The members of a congress ranked by score, with their unmet requirements',
          querystring: RankingQuery,
          response: { 200: RankingPage },
        },
      },
      (req) => ranking(ctx, actorOf(req), req.query),
    );
    app.get(
      '/performance/representatives/:id',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary: 'A representative’s score card: every point with its record, the parts, the requirements',
          params: IdParams,
          querystring: CongressYearQuery,
          response: { 200: ScoreCardView },
        },
      },
      (req) =>
        scoreCardOf(
          ctx,
          actorOf(req),
          req.params.id,
          req.query.congressId,
          req.query.year ?? currentYear(ctx),
        ),
    );
    app.put(
      '/performance/excellent-suggestions/:id',
      {
        config: { access: 'performance.manage' },
        schema: {
          tags,
          summary: 'Mark a suggestion excellent (优秀建议), or unmark it',
          params: Type.Object({ id: Id }, { additionalProperties: false }),
          body: ExcellentBody,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await markExcellent(ctx, actorOf(req), req.params.id, req.body.excellent);
        return { ok: true as const };
      },
    );
  };
}
