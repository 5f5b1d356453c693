/** HTTP: grids and the representatives assigned to them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CreateGridBody,
  GridListQuery,
  GridPage,
  GridView,
  SetGridMembersBody,
  UpdateGridBody,
} from './grids.schema.ts';
import { MemberParams } from './groups.schema.ts';
import {
  addGridMember,
  createGrid,
  deleteGrid,
  getGrid,
  listGrids,
  removeGridMember,
  setGridMembers,
  updateGrid,
} from './grids.service.ts';
import { AddMemberBody } from './stations.schema.ts';

export function gridRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['org'];
    app.get(
      '/grids',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'List grids (uncovered=true: grids without a representative)',
          querystring: GridListQuery,
          response: { 200: GridPage },
        },
      },
      (req) => listGrids(ctx, actorOf(req), req.query),
    );
    app.get(
      '/grids/:id',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'One grid with its representatives',
          params: IdParams,
          response: { 200: GridView },
        },
      },
      (req) => getGrid(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/grids',
      {
        config: { access: 'org.write' },
        schema: { tags, summary: 'Add a grid', body: CreateGridBody, response: { 201: GridView } },
      },
      async (req, reply) => reply.status(201).send(await createGrid(ctx, actorOf(req), req.body)),
    );
    app.patch(
      '/grids/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Edit a grid',
          params: IdParams,
          body: UpdateGridBody,
          response: { 200: GridView },
        },
      },
      (req) => updateGrid(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/grids/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Delete a grid (its assignments end)',
          params: IdParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await deleteGrid(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.put(
      '/grids/:id/members',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Replace the representatives of a grid',
          params: IdParams,
          body: SetGridMembersBody,
          response: { 200: GridView },
        },
      },
      (req) => setGridMembers(ctx, actorOf(req), req.params.id, req.body.representativeIds),
    );
    app.post(
      '/grids/:id/members',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Assign one representative',
          params: IdParams,
          body: AddMemberBody,
          response: { 200: GridView },
        },
      },
      (req) => addGridMember(ctx, actorOf(req), req.params.id, req.body.representativeId),
    );
    app.delete(
      '/grids/:id/members/:representativeId',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Unassign one representative',
          params: MemberParams,
          response: { 200: GridView },
        },
      },
      (req) => removeGridMember(ctx, actorOf(req), req.params.id, req.params.representativeId),
    );
  };
}
