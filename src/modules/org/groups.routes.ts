/** HTTP: representative groups and their rosters. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CreateGroupBody,
  GroupListQuery,
  GroupMemberInput,
  GroupPage,
  GroupView,
  MemberParams,
  SetGroupMembersBody,
  UpdateGroupBody,
} from './groups.schema.ts';
import {
  addGroupMember,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  removeGroupMember,
  setGroupMembers,
  updateGroup,
} from './groups.service.ts';

export function groupRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['org'];
    app.get(
      '/groups',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'List representative groups',
          querystring: GroupListQuery,
          response: { 200: GroupPage },
        },
      },
      (req) => listGroups(ctx, actorOf(req), req.query),
    );
    app.get(
      '/groups/:id',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'One group with its roster',
          params: IdParams,
          response: { 200: GroupView },
        },
      },
      (req) => getGroup(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/groups',
      {
        config: { access: 'org.write' },
        schema: { tags, summary: 'Add a group', body: CreateGroupBody, response: { 201: GroupView } },
      },
      async (req, reply) => reply.status(201).send(await createGroup(ctx, actorOf(req), req.body)),
    );
    app.patch(
      '/groups/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Edit a group',
          params: IdParams,
          body: UpdateGroupBody,
          response: { 200: GroupView },
        },
      },
      (req) => updateGroup(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/groups/:id',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Delete a group (its memberships end)',
          params: IdParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await deleteGroup(ctx, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.put(
      '/groups/:id/members',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Replace the roster (with roles)',
          params: IdParams,
          body: SetGroupMembersBody,
          response: { 200: GroupView },
        },
      },
      (req) => setGroupMembers(ctx, actorOf(req), req.params.id, req.body.members),
    );
    app.post(
      '/groups/:id/members',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Add one member',
          params: IdParams,
          body: GroupMemberInput,
          response: { 200: GroupView },
        },
      },
      (req) => addGroupMember(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/groups/:id/members/:representativeId',
      {
        config: { access: 'org.write' },
        schema: { tags, summary: 'Remove one member', params: MemberParams, response: { 200: GroupView } },
      },
      (req) => removeGroupMember(ctx, actorOf(req), req.params.id, req.params.representativeId),
    );
  };
}
