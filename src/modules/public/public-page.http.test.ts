/**
 * The addresses a QR code or an SMS link opens are answered with the phone pages' own bundle
 * (web/dist/public.html); every other client-side route stays with the console's app.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { ensureWebBuild } from '../../cli/web-build.ts';
import { PUBLIC_PAGES, WEB_DIST } from '../../platform/http/app.ts';

describe('the public pages bundle', () => {
  let env: TestEnv;
  let app: FastifyInstance;
  let publicHtml: string;
  let consoleHtml: string;

  beforeAll(async () => {
    await ensureWebBuild((line) => console.log(`[liaison tests] ${line}`));
    publicHtml = readFileSync(path.join(WEB_DIST, 'public.html'), 'utf8');
    consoleHtml = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    env = await createTestEnv('sqlite');
    app = await buildTestApp(env.ctx);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('is a page of its own, without the console', () => {
    expect(publicHtml).toContain('<div id="app">');
    expect(publicHtml).not.toEqual(consoleHtml);
  });

  it('answers /s/<code>, /r/<code>, /t, /t/<code> and /p with public.html', async () => {
    for (const url of [
      '/s/ab3k7mq2xp',
      '/r/ab3k7mq2xp',
      '/s/ab3k7mq2xp/',
      '/t',
      '/t/ab3k-7mq2-xp',
      '/p',
      '/p/2',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.body, url).toBe(publicHtml);
    }
  });

  it("leaves the console's routes, the API and unknown files alone", async () => {
    for (const url of ['/', '/org/stations', '/s', '/status', '/tasks', '/people']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).toBe(consoleHtml);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/stations/zzzzzzzz' })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'GET', url: '/s/abc/photo.png' })).statusCode).toBe(404);
  });

  it('matches exactly the public addresses', () => {
    expect(PUBLIC_PAGES.test('/s/abc')).toBe(true);
    expect(PUBLIC_PAGES.test('/s/abc/x')).toBe(false);
    expect(PUBLIC_PAGES.test('/sx/abc')).toBe(false);
    expect(PUBLIC_PAGES.test('/t')).toBe(true);
    expect(PUBLIC_PAGES.test('/tasks')).toBe(false);
  });
});
