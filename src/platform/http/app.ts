/**
 * The HTTP application: plugins, validation, errors, access control, the API of every module,
 * the OpenAPI document at /docs, and the built web app.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { registerAjvFormats } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { deriveKey } from '../crypto.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../db/db-errors.ts';
import { csrfUserInfo, registerAccessControl } from './access.ts';
import { AppError, pickLang, toProblem, type ErrorCode } from './errors.ts';
import { apiRoutes } from './routes.ts';
import { qrRoutes } from '../../modules/public/public.routes.ts';
import { validatorCompiler, type TranslatedValidationError } from './validation.ts';

registerAjvFormats();

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');
/** The addresses of the public phone pages (web/public.html), which QR codes and SMS links open. */
export const PUBLIC_PAGES = /^\/(?:[sr]\/[^/]+\/?|t(?:\/[^/]*)?|p(?:\/.*)?)$/;

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}

/** Turn anything thrown into an AppError with a stable code. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as Partial<FastifyError> &
    Partial<TranslatedValidationError> & { validationContext?: string };
  if (e.fieldErrors) {
    const where = e.validationContext && e.validationContext !== 'body' ? `${e.validationContext}:` : '';
    return new AppError(
      'VALIDATION_FAILED',
      undefined,
      e.fieldErrors.map((f) => ({ ...f, path: where + f.path })),
    );
  }
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET')
    return new AppError('CSRF_INVALID');
  if (isUniqueViolation(err)) return new AppError('CONFLICT');
  if (isForeignKeyViolation(err)) return new AppError('IN_USE');
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && e instanceof SyntaxError)) {
    return new AppError('BAD_REQUEST', { zh: '请求内容不是有效的 JSON', en: 'The body is not valid JSON' });
  }
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('BAD_REQUEST', { zh: '请求内容为空', en: 'The body is empty' });
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const code = codeForStatus(status);
  if (code === 'INTERNAL') return new AppError('INTERNAL');
  return new AppError(code);
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    return503OnClosing: true,
    // TypeBox validates; bodies are never coerced, queries and params are converted from strings.
    schemaErrorFormatter: (errors) => new Error(errors.map((e) => e.message).join('; ')),
  });
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON (and multipart for uploads); a text/plain body is refused with 415.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    const lang = pickLang(request.headers['accept-language']);
    return reply
      .status(appError.status)
      .type('application/problem+json; charset=utf-8')
      .send(toProblem(appError, lang, request.url.split('?')[0]));
  });

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.session.cookieSecure },
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey: deriveKey(config.secretKey, 'csrf'), userInfo: true },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.http.uploadLimitBytes, files: 1, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liaison (联络) API',
        version: '1',
        description:
          'The API of Liaison. Errors are application/problem+json (RFC 9457) with a stable `code`, `messages` in zh-CN and en, and `errors[]` per field. Signed-in calls use the session cookie; state-changing calls send the `x-csrf-token` returned by GET /api/v1/auth/me.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' } },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  registerAccessControl(app, ctx);
  await app.register(apiRoutes(ctx), { prefix: '/api/v1' });
  await app.register(qrRoutes(ctx));

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ ok: true }));

  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  const hasPublicWeb = existsSync(path.join(WEB_DIST, 'public.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (
      hasWeb &&
      request.method === 'GET' &&
      !url.startsWith('/api/') &&
      !url.startsWith('/docs') &&
      !path.extname(url)
    ) {
      // Client-side routes: the citizens' phone pages (/s/<code>, /r/<code>, /t, /t/<code>, /p) have a
      // bundle of their own; everything else belongs to the console's single-page app.
      const page = hasPublicWeb && PUBLIC_PAGES.test(url) ? 'public.html' : 'index.html';
      return reply.type('text/html; charset=utf-8').sendFile(page);
    }
    const lang = pickLang(request.headers['accept-language']);
    return reply
      .status(404)
      .type('application/problem+json; charset=utf-8')
      .send(toProblem(new AppError('NOT_FOUND'), lang, url));
  });

  return app;
}
