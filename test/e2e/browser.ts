/**
 * Browser journeys drive Debian's Chromium (/usr/bin/chromium) through playwright-core, against a
 * real server on a free port with its own database: a SQLite file, or a PostgreSQL schema of its
 * own. Outside CI, a machine without Chromium skips them with a printed reason; with CI=true a
 * missing browser fails the run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.ts';
import type { DialectName } from '../../src/platform/db/database.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { FastifyInstance } from 'fastify';
import { createTestEnv, type TestEnv } from '../support/dialects.ts';

export const CHROMIUM = '/usr/bin/chromium';

export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required in CI (apt-get install chromium)`);
  console.log(`[liaison tests] browser journeys SKIPPED: ${CHROMIUM} not found (apt-get install chromium)`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface LiveServer {
  env: TestEnv;
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** Build the web app if needed, then serve it with the API from a fresh database on the given engine. */
export async function startLiveServer(dialect: DialectName = 'sqlite'): Promise<LiveServer> {
  const outcome = await ensureWebBuild((line) => console.log(`[liaison tests] ${line}`));
  if (outcome === 'api-only') throw new Error('the web app could not be built');
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-e2e-'));
  const env = await createTestEnv(dialect, {}, path.join(dir, 'liaison.db'));
  // The browser runs in real time; the test clock would make every session look idle.
  env.ctx.clock = { now: () => new Date() };
  const app = await buildApp(env.ctx);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    env,
    app,
    url: address,
    async stop() {
      await app.close();
      await env.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where journeys leave screenshots of their key steps for a person to look at (outside the repository). */
export const SHOTS_DIR = '/tmp/e2e-shots';

/**
 * Save a screenshot as SHOTS_DIR/<name>.png: the whole page on a phone, the window on a desk (the
 * console scrolls inside its own layout, where a full-page capture comes out garbled).
 */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const fullPage = (page.viewportSize()?.width ?? 0) < 768;
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage });
}
