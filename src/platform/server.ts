/**
 * Running the server: open and migrate the database, listen, purge dead sessions now and then,
 * and shut down gracefully on SIGINT/SIGTERM (finish in-flight requests, then close the database).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { createContext, type AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { buildApp } from './http/app.ts';
import { purgeExpiredSessions } from '../modules/auth/auth.service.ts';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

/** Open the database, bring it up to date, and return the context (for the CLI and the server). */
export async function openContext(config: Config): Promise<AppContext> {
  const database = openDatabase(config.database);
  await migrateToLatest(database);
  return createContext(config, database);
}

export async function startServer(ctx: AppContext): Promise<RunningServer> {
  const app = await buildApp(ctx);
  const address = await app.listen({ host: ctx.config.host, port: ctx.config.port });
  const purge = setInterval(() => {
    purgeExpiredSessions(ctx).catch((err: unknown) => app.log.warn({ err }, 'session purge failed'));
  }, 10 * 60_000);
  purge.unref();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(purge);
      await app.close();
      await ctx.database.destroy();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: finishing requests and closing`);
      void stop().then(() => process.exit(0));
    });
  }
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  return { app, ctx, url, stop };
}
