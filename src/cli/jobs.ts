/**
 * `liaison jobs --once`: run every scheduled job once (deadlines and reminders, the outbox,
 * purging dead sessions) and print what each did. For deployments that run the jobs from cron
 * instead of the server's scheduler (SCHEDULER=false), and for checking a deployment by hand.
 * Safe while servers run: the jobs are idempotent (see src/platform/jobs.ts).
 */
import { loadConfigOrExit, type Config } from '../platform/config.ts';
import { runJobsOnce, type JobResult } from '../platform/jobs.ts';
import { defaultJobs } from '../platform/scheduled-jobs.ts';
import { openContext } from '../platform/server.ts';
import { CliError, columns, reportFailure } from './output.ts';

export async function runJobs(config: Config): Promise<JobResult[]> {
  const ctx = await openContext(config);
  const jobs = defaultJobs(ctx);
  try {
    return await runJobsOnce(jobs);
  } finally {
    for (const job of jobs) job.close?.();
    await ctx.database.destroy();
  }
}

/** One line per job: name, ok/failed, what it did (or why it failed), how long it took. */
export function formatJobResults(results: readonly JobResult[]): string[] {
  return columns(
    results.map((r) => [
      r.name,
      r.ok ? 'ok' : 'FAILED',
      r.ok
        ? Object.entries(r.did)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ') || '-'
        : (r.error ?? ''),
      `${r.ms} ms`,
    ]),
  );
}

export async function jobsCommand(opts: { once?: boolean }): Promise<void> {
  try {
    if (!opts.once) {
      throw new CliError(
        'use --once: the server runs the jobs itself (SCHEDULER=true); run `liaison jobs --once` from cron otherwise',
      );
    }
    const results = await runJobs(loadConfigOrExit());
    for (const line of formatJobResults(results)) console.log(line);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } catch (err) {
    reportFailure(err);
  }
}
