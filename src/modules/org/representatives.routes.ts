/** HTTP: representatives, their export and the audited phone reveal. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams, Ok } from '../../platform/http/schemas.ts';
import { exportRepresentatives } from './representatives.export.ts';
import {
  CreateRepresentativeBody,
  RepresentativeExportQuery,
  RepresentativeListQuery,
  RepresentativePage,
  RepresentativeView,
  RevealedPhone,
  UpdateRepresentativeBody,
} from './representatives.schema.ts';
import {
  createRepresentative,
  deleteRepresentative,
  getRepresentative,
  listRepresentatives,
  revealRepresentativePhone,
  updateRepresentative,
} from './representatives.service.ts';

export function representativeRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['org'];
    app.get(
      '/representatives',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'List representatives',
          querystring: RepresentativeListQuery,
          response: { 200: RepresentativePage },
        },
      },
      (req) => listRepresentatives(ctx, actorOf(req), req.query),
    );
    app.get(
      '/representatives/export',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary:
            'Export the (filtered) roster as XLSX or CSV; full phones with includePhone=true need org.reveal_phone',
          querystring: RepresentativeExportQuery,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
        },
      },
      async (req, reply) => {
        const file = await exportRepresentatives(ctx, actorOf(req), req.query);
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="representatives.${file.filename.split('.').pop() ?? 'xlsx'}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
    app.get(
      '/representatives/:id',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'One representative with seats and memberships',
          params: IdParams,
          response: { 200: RepresentativeView },
        },
      },
      (req) => getRepresentative(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/representatives',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Add a representative',
          body: CreateRepresentativeBody,
          response: { 201: RepresentativeView },
        },
      },
      async (req, reply) => reply.status(201).send(await createRepresentative(ctx, actorOf(req), req.body)),
    );
    app.patch(
      '/representatives/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Edit a representative (seats are replaced when given)',
          params: IdParams,
          body: UpdateRepresentativeBody,
          response: { 200: RepresentativeView },
        },
      },
      (req) => updateRepresentative(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/representatives/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Delete a representative entered by mistake',
          params: IdParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await deleteRepresentative(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/representatives/:id/phone/reveal',
      {
        config: { access: 'org.reveal_phone' },
        schema: {
          tags,
          summary: 'The full phone number (audited)',
          params: IdParams,
          response: { 200: RevealedPhone },
        },
      },
      (req) => revealRepresentativePhone(ctx, actorOf(req), req.params.id),
    );
  };
}
