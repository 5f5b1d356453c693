/**
 * Running the server: open and migrate the database, listen, run the scheduled jobs (when the
 * scheduler is enabled: deadlines, the outbox, purging dead sessions), and shut down gracefully on
 * SIGINT/SIGTERM (stop the jobs, finish in-flight requests, then close the database).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { createContext, type AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { buildApp } from './http/app.ts';
import { createJobRunner, type JobRunner } from './jobs.ts';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** The scheduled jobs, when config.scheduler.enabled. */
  jobs: JobRunner | null;
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
  // Loaded only when needed: the jobs reach into the modules, which openContext's users do not need.
  const jobs = ctx.config.scheduler.enabled
    ? createJobRunner((await import('./scheduled-jobs.ts')).defaultJobs(ctx), {
        intervalSeconds: ctx.config.scheduler.intervalSeconds,
        log: app.log,
      })
    : null;
  jobs?.start();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await jobs?.stop();
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
  return { app, ctx, url, jobs, stop };
}
