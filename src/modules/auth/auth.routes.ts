/** HTTP: sign in, sign out, who am I, change my password. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, SESSION_COOKIE } from '../../platform/http/access.ts';
import { Ok } from '../../platform/http/schemas.ts';
import { ChangePasswordBody, LoginBody, SessionResponse } from './auth.schema.ts';
import { changeOwnPassword, describeSession, login, logout } from './auth.service.ts';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    function csrfFor(reply: FastifyReply, sessionId: string | null): string {
      return reply.generateCsrf({ userInfo: sessionId ?? 'anonymous' });
    }

    app.get(
      '/auth/me',
      {
        config: { access: 'session', allowExpiredPassword: true },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user (or null) and a CSRF token',
          response: { 200: SessionResponse },
        },
      },
      async (request, reply) => ({
        user: request.actor ? await describeSession(ctx, request.actor) : null,
        csrfToken: csrfFor(reply, request.sessionId),
        idleMinutes: ctx.config.session.idleMinutes,
      }),
    );

    app.post(
      '/auth/login',
      {
        config: {
          access: 'session',
          rateLimit: { max: ctx.config.http.loginRateLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: { tags: ['auth'], summary: 'Sign in', body: LoginBody, response: { 200: SessionResponse } },
      },
      async (request: FastifyRequest<{ Body: LoginBody }>, reply) => {
        const result = await login(ctx, request.body.username, request.body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.session.cookieSecure,
        });
        return {
          user: await describeSession(ctx, result.actor),
          csrfToken: csrfFor(reply, result.sessionId),
          idleMinutes: ctx.config.session.idleMinutes,
        };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated', allowExpiredPassword: true },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } },
      },
      async (request, reply) => {
        await logout(ctx, request.sessionId!, actorOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', allowExpiredPassword: true },
        schema: {
          tags: ['auth'],
          summary: 'Change my password',
          body: ChangePasswordBody,
          response: { 200: Ok },
        },
      },
      async (request) => {
        await changeOwnPassword(
          ctx,
          actorOf(request),
          request.sessionId!,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { ok: true as const };
      },
    );
  };
}
