/** HTTP: suggestions and motions — drafts and co-signing, work lists, one case, actions, records, commitments. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { AppError, pickLang } from '../../platform/http/errors.ts';
import { Id, IdParams, Ok } from '../../platform/http/schemas.ts';
import { actOnSuggestion, bulkAct } from './actions.service.ts';
import {
  answerInvitation,
  createDraft,
  draftFromOpinion,
  inviteCosigners,
  removeCosigner,
  updateDraft,
} from './drafting.service.ts';
import {
  getReplyAttachment,
  getSuggestion,
  listCommitments,
  listSuggestions,
  myCongresses,
  refusalReasons,
  saveRefusalReason,
} from './queries.service.ts';
import {
  amendReply,
  correctReply,
  flagKey,
  logContact,
  reportProgress,
  sendCoOpinion,
} from './records.service.ts';
import {
  ACTION_BODIES,
  ACTION_PATHS,
  AnswerBody,
  BulkBody,
  BulkResult,
  CoOpinionBody,
  CommitmentPage,
  CommitmentQuery,
  ContactBody,
  CorrectionBody,
  CreateDraftBody,
  FromOpinionBody,
  InviteBody,
  KeyFlagBody,
  ListQuery,
  MyCongress,
  ProgressBody,
  RefusalReason,
  RefusalReasonBody,
  SignerParams,
  SuggestionDetail,
  SuggestionPage,
  UpdateDraftBody,
  type ActionBody,
  type UserAction,
} from './suggestions.schema.ts';

const ReplyParams = Type.Object({ id: Id, replyId: Id }, { additionalProperties: false });
const AttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false });
const AmendBody = Type.Object(
  {
    body: ACTION_BODIES.reply.properties.body,
    documentNumber: Type.Optional(ACTION_BODIES.reply.properties.documentNumber),
    signer: Type.Optional(ACTION_BODIES.reply.properties.signer),
  },
  { additionalProperties: false },
);

export function suggestionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['suggestions'];
    const detail = { 200: SuggestionDetail };
    app.get(
      '/suggestions',
      {
        config: { access: 'suggestions.read' },
        schema: {
          tags,
          summary: 'Work lists and the ledger of the suggestions the caller sees',
          querystring: ListQuery,
          response: { 200: SuggestionPage },
        },
      },
      (req) => listSuggestions(ctx, actorOf(req), req.query),
    );
    app.get(
      '/suggestions/my-congresses',
      {
        config: { access: 'suggestions.draft' },
        schema: {
          tags,
          summary: 'The congresses the signed-in representative serves on',
          response: { 200: Type.Array(MyCongress) },
        },
      },
      (req) => myCongresses(ctx, actorOf(req)),
    );
    app.get(
      '/suggestions/refusal-reasons',
      {
        config: { access: 'suggestions.read' },
        schema: {
          tags,
          summary: 'Reasons for refusing registration (不予立案理由); all=true includes inactive ones',
          querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: Type.Array(RefusalReason) },
        },
      },
      (req) => refusalReasons(ctx, req.query.all === true),
    );
    app.put(
      '/suggestions/refusal-reasons',
      {
        config: { access: 'suggestions.configure' },
        schema: {
          tags,
          summary: 'Add or change a refusal reason',
          body: RefusalReasonBody,
          response: { 200: Type.Array(RefusalReason) },
        },
      },
      (req) => {
        const actor = actorOf(req);
        if (actor.jurisdictionPath.split('/').filter(Boolean).length > 1)
          throw new AppError('FORBIDDEN', {
            zh: '不予立案理由由最上级人大代表工委维护',
            en: 'The refusal reasons are kept by the staff at the top of the tree',
          });
        return saveRefusalReason(ctx, actor, req.body);
      },
    );
    app.get(
      '/suggestions/commitments',
      {
        config: { access: 'suggestions.read' },
        schema: {
          tags,
          summary: 'The ledger of class-B commitments (承诺事项台账)',
          querystring: CommitmentQuery,
          response: { 200: CommitmentPage },
        },
      },
      (req) => listCommitments(ctx, actorOf(req), req.query),
    );
    app.post(
      '/suggestions/commitments/:id/progress',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary: 'Report a year’s progress on a commitment; done=true marks it kept',
          params: IdParams,
          body: ProgressBody,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await reportProgress(ctx, actorOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/suggestions',
      {
        config: { access: 'suggestions.draft' },
        schema: {
          tags,
          summary: 'Start a draft (staff: file a paper suggestion, submitNow)',
          body: CreateDraftBody,
          response: { 201: SuggestionDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await createDraft(ctx, actor, req.body);
        return reply.status(201).send(await getSuggestion(ctx, actor, id));
      },
    );
    app.post(
      '/suggestions/from-opinion',
      {
        config: { access: 'suggestions.draft' },
        schema: {
          tags,
          summary: 'Draft a suggestion from a citizen’s opinion (the opinion becomes CONVERTED)',
          body: FromOpinionBody,
          response: { 201: SuggestionDetail },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = await draftFromOpinion(ctx, actor, req.body);
        return reply.status(201).send(await getSuggestion(ctx, actor, id));
      },
    );
    app.post(
      '/suggestions/bulk',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary: 'Register or assign many cases at once (one transaction each)',
          body: BulkBody,
          response: { 200: BulkResult },
        },
      },
      async (req) => {
        const outcome = await bulkAct(ctx, actorOf(req), req.body);
        const lang = pickLang(req.headers['accept-language']);
        return {
          done: outcome.done,
          failed: outcome.failed.map((f) => ({
            id: f.id,
            code: f.error.code,
            message: f.error.detailText
              ? lang === 'en'
                ? f.error.detailText.en
                : f.error.detailText.zh
              : f.error.message,
          })),
        };
      },
    );
    app.get(
      '/suggestions/:id',
      {
        config: { access: 'suggestions.read' },
        schema: {
          tags,
          summary: 'One case with its history and what the caller may do',
          params: IdParams,
          response: detail,
        },
      },
      (req) => getSuggestion(ctx, actorOf(req), req.params.id),
    );
    app.patch(
      '/suggestions/:id',
      {
        config: { access: 'suggestions.draft' },
        schema: {
          tags,
          summary: 'Save the draft (autosave; the lead only, while a draft)',
          params: IdParams,
          body: UpdateDraftBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await updateDraft(ctx, actor, req.params.id, req.body);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/suggestions/:id/cosigners',
      {
        config: { access: 'suggestions.draft' },
        schema: {
          tags,
          summary: 'Invite co-signers (附议): serving representatives of the same congress',
          params: IdParams,
          body: InviteBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await inviteCosigners(ctx, actor, req.params.id, req.body.representativeIds);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.delete(
      '/suggestions/:id/cosigners/:representativeId',
      {
        config: { access: 'suggestions.draft' },
        schema: {
          tags,
          summary: 'Take an invitation back (while a draft)',
          params: SignerParams,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await removeCosigner(ctx, actor, req.params.id, req.params.representativeId);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/suggestions/:id/invitation',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary: 'Accept or decline the invitation to co-sign',
          params: IdParams,
          body: AnswerBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await answerInvitation(ctx, actor, req.params.id, req.body.answer);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/suggestions/:id/contacts',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary:
            'Log a contact with the representative (沟通联系); the lead unit’s opens the way to its reply',
          params: IdParams,
          body: ContactBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await logContact(ctx, actor, req.params.id, req.body);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/suggestions/:id/co-opinion',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary: 'A co-unit’s opinion to the lead unit',
          params: IdParams,
          body: CoOpinionBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await sendCoOpinion(ctx, actor, req.params.id, req.body.opinion);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.patch(
      '/suggestions/:id/replies/:replyId',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary: 'Amend the reply before it is evaluated (afterwards: a correction)',
          params: ReplyParams,
          body: AmendBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await amendReply(ctx, actor, req.params.id, req.params.replyId, req.body);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.post(
      '/suggestions/:id/corrections',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary: 'Correct a reply: a new record pointing at the one it corrects',
          params: IdParams,
          body: CorrectionBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await correctReply(ctx, actor, req.params.id, req.body);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.put(
      '/suggestions/:id/key',
      {
        config: { access: 'suggestions.act' },
        schema: {
          tags,
          summary: '重点督办 on or off, with the supervising leader',
          params: IdParams,
          body: KeyFlagBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await flagKey(ctx, actor, req.params.id, req.body);
        return getSuggestion(ctx, actor, req.params.id);
      },
    );
    app.get(
      '/suggestions/:id/attachments/:attachmentId',
      {
        config: { access: 'suggestions.read' },
        schema: { tags, summary: 'A reply’s attachment', params: AttachmentParams },
      },
      async (req, reply) => {
        const file = await getReplyAttachment(ctx, actorOf(req), req.params.id, req.params.attachmentId);
        const name = file.file_name ?? 'attachment';
        return reply
          .header('content-type', file.mime)
          .header(
            'content-disposition',
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(file.data));
      },
    );
    for (const action of Object.keys(ACTION_BODIES) as UserAction[]) {
      app.post(
        `/suggestions/:id/${ACTION_PATHS[action]}`,
        {
          config: { access: 'suggestions.act' },
          schema: {
            tags,
            summary: `State machine: ${action}`,
            params: IdParams,
            body: ACTION_BODIES[action],
            response: detail,
          },
        },
        async (req) => {
          const actor = actorOf(req);
          await actOnSuggestion(ctx, actor, req.params.id, action, req.body as ActionBody<typeof action>);
          return getSuggestion(ctx, actor, req.params.id);
        },
      );
    }
  };
}
