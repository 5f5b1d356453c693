import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobRunner, runJobsOnce, type Job, type JobLogger } from './jobs.ts';

function recordingLog() {
  const entries: { level: 'info' | 'error'; obj: Record<string, unknown>; msg: string }[] = [];
  const log: JobLogger = {
    info: (obj, msg) => entries.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => entries.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  return { log, entries };
}

/** A job whose runs can be held open until the test lets them finish. */
function heldJob(name: string) {
  let release: () => void = () => undefined;
  const job = {
    name,
    runs: 0,
    closed: 0,
    run: async () => {
      job.runs += 1;
      await new Promise<void>((r) => (release = r));
      return { done: 1 };
    },
    close: () => {
      job.closed += 1;
    },
    release: () => release(),
  };
  return job;
}

describe('runJobsOnce', () => {
  it('runs every job in order, reports what each did, and a failure stops none of the others', async () => {
    const order: string[] = [];
    const { log, entries } = recordingLog();
    const jobs: Job[] = [
      { name: 'a', run: () => (order.push('a'), Promise.resolve({ sent: 2, failed: 0 })) },
      { name: 'b', run: () => (order.push('b'), Promise.reject(new Error('database is gone'))) },
      { name: 'c', run: () => (order.push('c'), Promise.resolve()) },
    ];
    const results = await runJobsOnce(jobs, log);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results.map(({ ms: _ms, ...r }) => r)).toEqual([
      { name: 'a', ok: true, did: { sent: 2, failed: 0 } },
      { name: 'b', ok: false, did: {}, error: 'database is gone' },
      { name: 'c', ok: true, did: {} },
    ]);
    expect(entries.map((e) => [e.level, e.obj.job, e.msg])).toEqual([
      ['info', 'a', 'job done'],
      ['error', 'b', 'job failed'],
    ]);
  });

  it('reports a job that throws synchronously as failed too', async () => {
    const results = await runJobsOnce([
      {
        name: 'sync',
        run: () => {
          throw new Error('boom');
        },
      },
    ]);
    expect(results[0]).toMatchObject({ name: 'sync', ok: false, error: 'boom' });
  });
});

describe('the job runner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never overlaps runs: a tick while a run is going is skipped', async () => {
    const job = heldJob('slow');
    const runner = createJobRunner([job], { intervalSeconds: 60 });
    const first = runner.tick();
    expect(await runner.tick()).toBeNull();
    expect(job.runs).toBe(1);
    job.release();
    expect((await first)?.map((r) => r.did)).toEqual([{ done: 1 }]);
    const second = runner.tick();
    expect(job.runs).toBe(2);
    job.release();
    await second;
    await runner.stop();
  });

  it('runs a job with everySeconds only when that long has passed', async () => {
    let now = 1_000_000;
    let frequent = 0;
    let rare = 0;
    const runner = createJobRunner(
      [
        { name: 'frequent', run: () => Promise.resolve({ n: ++frequent }) },
        { name: 'rare', everySeconds: 600, run: () => Promise.resolve({ n: ++rare }) },
      ],
      { intervalSeconds: 60, now: () => now },
    );
    for (let minute = 0; minute <= 20; minute++) {
      await runner.tick();
      now += 60_000;
    }
    expect(frequent).toBe(21);
    expect(rare).toBe(3); // minutes 0, 10 and 20
    await runner.stop();
  });

  it('starts with a run at once, then runs every interval; stop waits for the run in progress and closes the jobs', async () => {
    vi.useFakeTimers();
    const job = heldJob('held');
    let quick = 0;
    const runner = createJobRunner([job, { name: 'quick', run: () => Promise.resolve({ n: ++quick }) }], {
      intervalSeconds: 30,
    });
    runner.start();
    expect(job.runs).toBe(1);
    // Still running: the ticks that come meanwhile are skipped.
    await vi.advanceTimersByTimeAsync(95_000);
    expect(job.runs).toBe(1);
    expect(quick).toBe(0);
    job.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(quick).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(job.runs).toBe(2);
    const stopped = runner.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    job.release();
    await stopped;
    expect(job.closed).toBe(1);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(job.runs).toBe(2);
  });

  it('keeps ticking after a job fails, and logs each failure', async () => {
    vi.useFakeTimers();
    const { log, entries } = recordingLog();
    let calls = 0;
    const runner = createJobRunner(
      [
        {
          name: 'flaky',
          run: () => {
            calls += 1;
            return Promise.reject(new Error(`failure ${calls}`));
          },
        },
      ],
      { intervalSeconds: 10, log },
    );
    runner.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(4);
    expect(entries.filter((e) => e.level === 'error').map((e) => (e.obj.err as Error).message)).toEqual([
      'failure 1',
      'failure 2',
      'failure 3',
      'failure 4',
    ]);
    await runner.stop();
  });
});
