/** HTTP: congresses and the routing categories (reference data). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CategoryView,
  CongressListQuery,
  CongressView,
  CreateCongressBody,
  UpdateCongressBody,
} from './congresses.schema.ts';
import {
  createCongress,
  deleteCongress,
  getCongress,
  listCategories,
  listCongresses,
  updateCongress,
} from './congresses.service.ts';

export function congressRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['org'];
    app.get(
      '/congresses',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'List congresses (every level and term)',
          querystring: CongressListQuery,
          response: { 200: Type.Array(CongressView) },
        },
      },
      (req) => listCongresses(ctx, req.query),
    );
    app.get(
      '/congresses/:id',
      {
        config: { access: 'org.read' },
        schema: { tags, summary: 'One congress', params: IdParams, response: { 200: CongressView } },
      },
      (req) => getCongress(ctx, req.params.id),
    );
    app.post(
      '/congresses',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Add a congress',
          body: CreateCongressBody,
          response: { 201: CongressView },
        },
      },
      async (req, reply) => reply.status(201).send(await createCongress(ctx, actorOf(req), req.body)),
    );
    app.patch(
      '/congresses/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Edit a congress',
          params: IdParams,
          body: UpdateCongressBody,
          response: { 200: CongressView },
        },
      },
      (req) => updateCongress(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/congresses/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Delete a congress that holds no seats',
          params: IdParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await deleteCongress(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/categories',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'The routing categories (DESIGN.md §3)',
          response: { 200: Type.Array(CategoryView) },
        },
      },
      () => listCategories(ctx),
    );
  };
}
