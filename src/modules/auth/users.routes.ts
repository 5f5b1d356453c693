/** HTTP: account management for the system and security administrators. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { Role } from './auth.domain.ts';
import {
  CreateUserBody,
  Directory,
  DirectoryQuery,
  ResetPasswordBody,
  SetRolesBody,
  UpdateUserBody,
  UserListQuery,
  UserPage,
  UserView,
} from './users.schema.ts';
import {
  accountDirectory,
  createUser,
  getUser,
  listUsers,
  resetPassword,
  setUserRoles,
  unlockUser,
  updateUser,
} from './users.service.ts';

export function usersRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['users'];
    app.get(
      '/users',
      {
        config: { access: 'users.read' },
        schema: { tags, summary: 'List accounts', querystring: UserListQuery, response: { 200: UserPage } },
      },
      (req) => listUsers(ctx, actorOf(req), req.query),
    );
    app.get(
      '/users/directory',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Accounts of a role in my scope, to assign them (liaison officers …)',
          querystring: DirectoryQuery,
          response: { 200: Directory },
        },
      },
      (req) => accountDirectory(ctx, actorOf(req), req.query),
    );
    app.get(
      '/users/:id',
      {
        config: { access: 'users.read' },
        schema: { tags, summary: 'One account', params: IdParams, response: { 200: UserView } },
      },
      (req) => getUser(ctx, actorOf(req), req.params.id),
    );
    // Creating needs either administrator permission; the service checks which roles each may grant.
    app.post(
      '/users',
      {
        config: { access: 'users.read' },
        schema: { tags, summary: 'Create an account', body: CreateUserBody, response: { 201: UserView } },
      },
      async (req, reply) => {
        const user = await createUser(ctx, actorOf(req), req.body);
        return reply.status(201).send(user);
      },
    );
    app.patch(
      '/users/:id',
      {
        config: { access: 'users.write' },
        schema: {
          tags,
          summary: 'Edit an account',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: UserView },
        },
      },
      (req) => updateUser(ctx, actorOf(req), req.params.id, req.body),
    );
    app.put(
      '/users/:id/roles',
      {
        config: { access: 'users.security' },
        schema: {
          tags,
          summary: 'Set the roles of an account',
          params: IdParams,
          body: SetRolesBody,
          response: { 200: UserView },
        },
      },
      (req) => setUserRoles(ctx, actorOf(req), req.params.id, req.body.roles as Role[]),
    );
    app.post(
      '/users/:id/unlock',
      {
        config: { access: 'users.security' },
        schema: { tags, summary: 'Unlock an account', params: IdParams, response: { 200: UserView } },
      },
      (req) => unlockUser(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/users/:id/reset-password',
      {
        config: { access: 'users.security' },
        schema: {
          tags,
          summary: 'Set a temporary password',
          params: IdParams,
          body: ResetPasswordBody,
          response: { 200: UserView },
        },
      },
      (req) => resetPassword(ctx, actorOf(req), req.params.id, req.body.password),
    );
  };
}
