/** HTTP: the jurisdiction tree. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CreateJurisdictionBody,
  JurisdictionListQuery,
  JurisdictionPage,
  JurisdictionTree,
  JurisdictionView,
  UpdateJurisdictionBody,
} from './jurisdictions.schema.ts';
import {
  createJurisdiction,
  deleteJurisdiction,
  getJurisdiction,
  jurisdictionTree,
  listJurisdictions,
  updateJurisdiction,
} from './jurisdictions.service.ts';

export function jurisdictionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['org'];
    app.get(
      '/jurisdictions',
      {
        config: { access: 'jurisdictions.read' },
        schema: {
          tags,
          summary: 'List jurisdictions',
          querystring: JurisdictionListQuery,
          response: { 200: JurisdictionPage },
        },
      },
      (req) => listJurisdictions(ctx, actorOf(req), req.query),
    );
    app.get(
      '/jurisdictions/tree',
      {
        config: { access: 'jurisdictions.read' },
        schema: {
          tags,
          summary: "The actor's jurisdiction sub-tree, in tree order, with what each node holds",
          response: { 200: JurisdictionTree },
        },
      },
      (req) => jurisdictionTree(ctx, actorOf(req)),
    );
    app.get(
      '/jurisdictions/:id',
      {
        config: { access: 'jurisdictions.read' },
        schema: { tags, summary: 'One jurisdiction', params: IdParams, response: { 200: JurisdictionView } },
      },
      (req) => getJurisdiction(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/jurisdictions',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Add a jurisdiction under a parent',
          body: CreateJurisdictionBody,
          response: { 201: JurisdictionView },
        },
      },
      async (req, reply) => reply.status(201).send(await createJurisdiction(ctx, actorOf(req), req.body)),
    );
    app.patch(
      '/jurisdictions/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Rename or re-order a jurisdiction',
          params: IdParams,
          body: UpdateJurisdictionBody,
          response: { 200: JurisdictionView },
        },
      },
      (req) => updateJurisdiction(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/jurisdictions/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Delete a jurisdiction with no children and nothing referring to it',
          params: IdParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await deleteJurisdiction(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
