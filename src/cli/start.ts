/**
 * `liaison start` (what `npm start` runs): build the web app if it is out of date, migrate, load
 * the demo organisation on first run (when DEMO_DATA is on, the default outside production),
 * serve, and print where to go and how to sign in.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfigOrExit } from '../platform/config.ts';
import { WEB_DIST } from '../platform/http/app.ts';
import { openContext, startServer } from '../platform/server.ts';
import {
  DEMO_PASSWORD,
  isOrganisationEmpty,
  presentDemoLogins,
  seedDemoData,
} from '../modules/demo/demo.service.ts';
import { startBanner } from './banner.ts';
import { CliError, reportFailure } from './output.ts';
import { describeCounts } from './seed.ts';
import { ensureWebBuild } from './web-build.ts';

export async function startCommand(): Promise<void> {
  const config = loadConfigOrExit();
  const log = (line: string) => console.log(line);
  await ensureWebBuild(log);
  const ctx = await openContext(config);
  try {
    if (config.demoData && (await isOrganisationEmpty(ctx))) {
      log('Empty database: loading the demo organisation of 清江市 (set DEMO_DATA=false to start empty)…');
      const started = performance.now();
      const result = await seedDemoData(ctx);
      log(
        `Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${describeCounts(result.counts)}`,
      );
    }
  } catch (err) {
    await ctx.database.destroy();
    reportFailure(err);
    return;
  }
  let server;
  try {
    server = await startServer(ctx);
  } catch (err) {
    await ctx.database.destroy();
    if ((err as { code?: unknown }).code === 'EADDRINUSE') {
      reportFailure(
        new CliError(
          `Port ${config.port} is already in use: stop what runs there, or set PORT to another port.`,
        ),
      );
      return;
    }
    throw err;
  }
  // Passwords are printed only where demo data is allowed (never with DEMO_DATA off, the production default).
  const logins = config.demoData ? await presentDemoLogins(ctx) : [];
  console.log(
    startBanner({
      url: server.url,
      webServed: existsSync(path.join(WEB_DIST, 'index.html')),
      logins,
      password: DEMO_PASSWORD,
      ...(config.secretSource === 'file' ? { secretFile: path.join(config.dataDir, 'secret.key') } : {}),
    }),
  );
}
