/** HTTP: handling units, their routing categories, and routing. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams, Ok } from '../../platform/http/schemas.ts';
import { RevealedPhone } from './representatives.schema.ts';
import {
  CreateUnitBody,
  RoutingQuery,
  RoutingResult,
  UnitListQuery,
  UnitPage,
  UnitView,
  UpdateUnitBody,
} from './units.schema.ts';
import {
  createUnit,
  deleteUnit,
  getUnit,
  listUnits,
  revealUnitPhone,
  routeCategory,
  updateUnit,
} from './units.service.ts';

export function unitRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['org'];
    app.get(
      '/units',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'List handling units',
          querystring: UnitListQuery,
          response: { 200: UnitPage },
        },
      },
      (req) => listUnits(ctx, actorOf(req), req.query),
    );
    app.get(
      '/units/:id',
      {
        config: { access: 'org.read' },
        schema: { tags, summary: 'One handling unit', params: IdParams, response: { 200: UnitView } },
      },
      (req) => getUnit(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/units',
      {
        config: { access: 'org.write' },
        schema: { tags, summary: 'Add a handling unit', body: CreateUnitBody, response: { 201: UnitView } },
      },
      async (req, reply) => reply.status(201).send(await createUnit(ctx, actorOf(req), req.body)),
    );
    app.patch(
      '/units/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Edit a handling unit (categories are replaced when given)',
          params: IdParams,
          body: UpdateUnitBody,
          response: { 200: UnitView },
        },
      },
      (req) => updateUnit(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/units/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Delete a handling unit with no accounts or sub-units',
          params: IdParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await deleteUnit(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/units/:id/phone/reveal',
      {
        config: { access: 'org.reveal_phone' },
        schema: {
          tags,
          summary: "The contact's full phone number (audited)",
          params: IdParams,
          response: { 200: RevealedPhone },
        },
      },
      (req) => revealUnitPhone(ctx, actorOf(req), req.params.id),
    );
    app.get(
      '/routing',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'Units handling a category for a jurisdiction, nearest first',
          querystring: RoutingQuery,
          response: { 200: RoutingResult },
        },
      },
      (req) => routeCategory(ctx, actorOf(req), req.query),
    );
  };
}
