/**
 * The in-process job runner: every `intervalSeconds` it runs the registered jobs one after the
 * other. A run never overlaps the previous one in the same process (a tick that comes while a
 * run is still going is skipped), and a job that throws is logged and does not stop the others
 * or the server.
 *
 * Several processes may run the same jobs at the same time (two app servers, or a server and a
 * `liaison jobs --once` from cron): that is safe because every job is idempotent and claims its
 * rows itself — the outbox claims each message with a conditional update, the deadline job records
 * each alert under a primary key before sending it, the session purge deletes what is expired.
 * Nothing here is a lock, and there is no in-memory state another process would need.
 *
 * Which jobs a Liaison process runs is listed in scheduled-jobs.ts.
 */

export interface Job {
  name: string;
  /** Do the work once; returns counts of what it did (reported by `liaison jobs --once`). */
  run(): Promise<Record<string, number> | void>;
  /** Run at most this often (seconds); by default on every tick. */
  everySeconds?: number;
  /** Release what the job holds (connections) when the runner stops. */
  close?(): void;
}

export interface JobResult {
  name: string;
  ok: boolean;
  /** What the job reported doing. */
  did: Record<string, number>;
  error?: string;
  ms: number;
}

/** The part of a pino / Fastify logger the runner uses. */
export interface JobLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Run each job once, one after the other, whatever the others do. */
export async function runJobsOnce(jobs: readonly Job[], log?: JobLogger): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of jobs) results.push(await runJob(job, log));
  return results;
}

async function runJob(job: Job, log?: JobLogger): Promise<JobResult> {
  const started = performance.now();
  try {
    const did = (await job.run()) ?? {};
    const ms = Math.round(performance.now() - started);
    if (Object.values(did).some((n) => n !== 0)) log?.info({ job: job.name, did, ms }, 'job done');
    return { name: job.name, ok: true, did, ms };
  } catch (err) {
    const ms = Math.round(performance.now() - started);
    log?.error({ job: job.name, err, ms }, 'job failed');
    return {
      name: job.name,
      ok: false,
      did: {},
      error: err instanceof Error ? err.message : String(err),
      ms,
    };
  }
}

export interface JobRunner {
  /** Start ticking (the first run comes at once). */
  start(): void;
  /** One run of the jobs that are due; null when the previous run is still going. */
  tick(): Promise<JobResult[] | null>;
  /** Stop ticking, wait for a run in progress, release the jobs' resources. */
  stop(): Promise<void>;
}

export function createJobRunner(
  jobs: readonly Job[],
  options: { intervalSeconds: number; log?: JobLogger; now?: () => number },
): JobRunner {
  const now = options.now ?? Date.now;
  const lastRun = new Map<string, number>();
  let running: Promise<JobResult[]> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const due = (job: Job, at: number) => {
    const last = lastRun.get(job.name);
    return job.everySeconds === undefined || last === undefined || at - last >= job.everySeconds * 1000;
  };

  const tick = (): Promise<JobResult[] | null> => {
    if (running || stopped) return Promise.resolve(null);
    const at = now();
    const toRun = jobs.filter((j) => due(j, at));
    for (const j of toRun) lastRun.set(j.name, at);
    const run = runJobsOnce(toRun, options.log);
    running = run;
    return run.finally(() => {
      running = null;
    });
  };

  return {
    start() {
      if (timer || stopped) return;
      void tick();
      timer = setInterval(() => void tick(), options.intervalSeconds * 1000);
      timer.unref();
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running;
      for (const job of jobs) {
        try {
          job.close?.();
        } catch (err) {
          options.log?.error({ job: job.name, err }, 'closing the job failed');
        }
      }
    },
  };
}
