/**
 * HTTP: 履职公示 for staff — preview a month, publish it, publish a correction, list and read what
 * was published. There is deliberately no route to edit or delete a published version.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import {
  CorrectionBody,
  DisclosureListQuery,
  DisclosurePage,
  DisclosureView,
  PreviewView,
  PublishBody,
  SubjectQuery,
} from './disclosure.schema.ts';
import {
  correctDisclosure,
  disclosureView,
  listDisclosures,
  previewDisclosure,
  publishDisclosure,
} from './disclosure.service.ts';

export function disclosureRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['performance'];
    app.get(
      '/performance/disclosures/preview',
      {
        config: { access: 'performance.manage' },
        schema: {
          tags,
          summary:
            'What publishing a station’s or a representative’s month would write now, from the records, and what is already published',
          querystring: SubjectQuery,
          response: { 200: PreviewView },
        },
      },
      (req) => previewDisclosure(ctx, actorOf(req), req.query),
    );
    app.post(
      '/performance/disclosures',
      {
        config: { access: 'performance.manage' },
        schema: {
          tags,
          summary: 'Publish a month (version 1); a month already published is refused: publish a correction',
          body: PublishBody,
          response: { 201: DisclosureView },
        },
      },
      async (req, reply) => reply.status(201).send(await publishDisclosure(ctx, actorOf(req), req.body)),
    );
    app.post(
      '/performance/disclosures/:id/corrections',
      {
        config: { access: 'performance.manage' },
        schema: {
          tags,
          summary:
            'Publish a correction: a new version of the month from the records as they now stand, with a note; earlier versions stay',
          params: IdParams,
          body: CorrectionBody,
          response: { 201: DisclosureView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await correctDisclosure(ctx, actorOf(req), req.params.id, req.body.note)),
    );
    app.get(
      '/performance/disclosures',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary: 'Published months in the caller’s jurisdiction (the latest version of each), newest first',
          querystring: DisclosureListQuery,
          response: { 200: DisclosurePage },
        },
      },
      (req) => listDisclosures(ctx, actorOf(req), req.query),
    );
    app.get(
      '/performance/disclosures/:id',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary: 'One published version with the other versions of its month',
          params: IdParams,
          response: { 200: DisclosureView },
        },
      },
      (req) => disclosureView(ctx, actorOf(req), req.params.id),
    );
  };
}
