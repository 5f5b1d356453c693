/** HTTP: the opinion loop for staff — queues and ledger, one item, intake, the actions, export. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { pickLang } from '../../platform/http/errors.ts';
import { readIdempotencyKey } from '../../platform/http/idempotency.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actOnOpinion, bulkAssign } from './actions.service.ts';
import { revealContact } from './contact.service.ts';
import { exportOpinions } from './export.service.ts';
import { intakeOpinion } from './intake.service.ts';
import { getOpinion, getPhoto, listOpinions } from './opinions.queries.ts';
import {
  ACTION_BODIES,
  ACTION_PATHS,
  BulkAssignBody,
  BulkAssignResult,
  IntakeBody,
  OpinionExportQuery,
  OpinionListQuery,
  OpinionPage,
  OpinionView,
  PhotoParams,
  RevealedContact,
  RoutingSuggestion,
  type ActionBody,
  type UserAction,
} from './opinions.schema.ts';
import { suggestRouting } from './routing.service.ts';

/** A body with its photos (base64, a third larger than the files) and room for the text. */
export function photoBodyLimit(ctx: AppContext): number {
  const { maxPhotos, maxPhotoBytes } = ctx.config.opinions;
  return Math.ceil((maxPhotos * maxPhotoBytes * 4) / 3) + 64 * 1024;
}

export function opinionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['opinions'];
    app.get(
      '/opinions',
      {
        config: { access: 'opinions.read' },
        schema: {
          tags,
          summary: 'Queues (triage, unit, representative) and the ledger of the opinions the caller sees',
          querystring: OpinionListQuery,
          response: { 200: OpinionPage },
        },
      },
      (req) => listOpinions(ctx, actorOf(req), req.query),
    );
    app.get(
      '/opinions/export',
      {
        config: { access: 'opinions.read' },
        schema: {
          tags,
          summary:
            'The progress table (办理进度表) as XLSX or CSV; contact details in clear with includeContact=true need opinions.export_contact',
          querystring: OpinionExportQuery,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
        },
      },
      async (req, reply) => {
        const file = await exportOpinions(ctx, actorOf(req), req.query);
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="opinions.${file.filename.split('.').pop() ?? 'xlsx'}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
    app.get(
      '/opinions/:id',
      {
        config: { access: 'opinions.read' },
        schema: {
          tags,
          summary: 'One opinion with its history and the actions the caller may take',
          params: IdParams,
          response: { 200: OpinionView },
        },
      },
      (req) => getOpinion(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/opinions',
      {
        config: { access: 'opinions.intake' },
        bodyLimit: photoBodyLimit(ctx),
        schema: {
          tags,
          summary: 'Register an opinion on a citizen’s behalf (an Idempotency-Key header makes retries safe)',
          body: IntakeBody,
          response: { 201: OpinionView },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const key = readIdempotencyKey(
          req.headers['idempotency-key'],
          `opinions.intake/u${actor.userId ?? 0}`,
          req.body,
          false,
        );
        const result = await intakeOpinion(ctx, actor, req.body, key);
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(await getOpinion(ctx, actor, result.body.id));
      },
    );
    app.post(
      '/opinions/bulk-assign',
      {
        config: { access: 'opinions.act' },
        schema: {
          tags,
          summary:
            'Assign many items to one unit (items not yet accepted are accepted first); each item on its own',
          body: BulkAssignBody,
          response: { 200: BulkAssignResult },
        },
      },
      async (req) => {
        const outcome = await bulkAssign(ctx, actorOf(req), req.body);
        const lang = pickLang(req.headers['accept-language']);
        return {
          assigned: outcome.assigned,
          failed: outcome.failed.map(({ id, error }) => ({
            id,
            code: error.code,
            message: lang === 'en' ? error.message : (error.detailText?.zh ?? error.message),
          })),
        };
      },
    );
    for (const action of Object.keys(ACTION_BODIES) as UserAction[]) {
      app.post(
        `/opinions/:id/${ACTION_PATHS[action]}`,
        {
          config: { access: 'opinions.act' },
          schema: {
            tags,
            summary: `Action “${action}” of the opinion loop (the state machine decides who may, and when)`,
            params: IdParams,
            body: ACTION_BODIES[action],
            response: { 200: OpinionView },
          },
        },
        async (req) => {
          const actor = actorOf(req);
          await actOnOpinion(ctx, actor, req.params.id, action, req.body as ActionBody<typeof action>);
          return getOpinion(ctx, actor, req.params.id);
        },
      );
    }
    app.post(
      '/opinions/:id/contact/reveal',
      {
        config: { access: 'opinions.reveal_contact' },
        schema: {
          tags,
          summary: 'The submitter’s name and phone in clear (audited)',
          params: IdParams,
          response: { 200: RevealedContact },
        },
      },
      (req) => revealContact(ctx, actorOf(req), req.params.id),
    );
    app.get(
      '/opinions/:id/photos/:photoId',
      {
        config: { access: 'opinions.read' },
        schema: { tags, summary: 'A photo of an opinion', params: PhotoParams, produces: ['image/*'] },
      },
      async (req, reply) => {
        const photo = await getPhoto(ctx, actorOf(req), req.params.id, req.params.photoId);
        return reply
          .header('content-type', photo.mime)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(photo.data);
      },
    );
    app.get(
      '/opinions/:id/routing',
      {
        config: { access: 'opinions.read' },
        schema: {
          tags,
          summary: 'The category guessed from the text and the units that handle it here, nearest first',
          params: IdParams,
          response: { 200: RoutingSuggestion },
        },
      },
      (req) => suggestRouting(ctx, actorOf(req), req.params.id),
    );
  };
}
