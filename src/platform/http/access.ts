/**
 * Who may call what, decided in one place for every route:
 *
 * - every /api route must declare `config.access` (the server refuses to start otherwise);
 * - the session cookie is resolved to `request.actor` once;
 * - the declared access is enforced (401 / 403), expired passwords may only be changed;
 * - state-changing requests of signed-in users carry a CSRF token bound to their session.
 *
 * Which rows the actor may see is the jurisdiction scope's job (platform/db/scope.ts), applied by
 * the repos with the Scope taken from `request.actor`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../../modules/auth/auth.domain.ts';
import { can, type Permission } from '../../modules/auth/auth.policy.ts';
import { authenticate } from '../../modules/auth/auth.service.ts';
import { recordAuditAlone } from '../../modules/audit/audit.service.ts';
import { AppError } from './errors.ts';

/**
 * - 'public': anyone, no session is read (public pages, health).
 * - 'session': anyone; the actor is read when signed in (sign-in, "who am I").
 * - 'authenticated': any signed-in user.
 * - a permission: a signed-in user whose roles grant it.
 */
export type Access = 'public' | 'session' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user's password has expired (changing it, signing out). */
    allowExpiredPassword?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, as registered (for tests that walk all endpoints). */
    apiRoutes: { method: string; url: string; access: Access }[];
  }
}

export const SESSION_COOKIE = 'liaison_session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in actor of a route whose access guarantees one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export function registerAccessControl(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);

  const apiRoutes: FastifyInstance['apiRoutes'] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const found = await authenticate(ctx, token, request.ip);
      if (found.state === 'valid') {
        request.actor = found.actor;
        request.sessionId = found.sessionId;
      } else {
        expired = found.state === 'expired';
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (access === 'session') return;
    const actor = request.actor;
    if (!actor) throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (actor.passwordExpired && !request.routeOptions.config.allowExpiredPassword) {
      throw new AppError('PASSWORD_EXPIRED');
    }
    if (access !== 'authenticated' && !can(actor, access)) {
      if (UNSAFE.has(request.method)) {
        await recordAuditAlone(ctx, actor, {
          action: 'access.denied',
          success: false,
          detail: { method: request.method, route: request.routeOptions.url, permission: access },
        });
      }
      throw new AppError('FORBIDDEN');
    }
  });

  // CSRF: a token bound to the session (or to "anonymous" before sign-in) must accompany every
  // state-changing request that is not public.
  app.addHook('onRequest', (request, reply, done) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public' || !UNSAFE.has(request.method)) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}

/** What the CSRF token is bound to: the session, or nothing before sign-in. */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.sessionId ?? 'anonymous';
}
