/**
 * "An acknowledged submission is never lost — crash, restart, double tap" (DESIGN.md §7, as quoted
 * in platform/http/idempotency.ts), tested with a crash that gives no warning. The real server
 * (`bin/liaison.js serve`, NODE_ENV=production) runs in a child process on a database of its own;
 * a burst of public submissions is fired at it, and it is killed with SIGKILL in the middle.
 * Restarted on the same database:
 *
 * - every tracking code it acknowledged (201) is there, with the content that was sent;
 * - each Idempotency-Key filed exactly one opinion, and each opinion has its submit event, its
 *   audit row, its notices and its statistics; the audit chain verifies;
 * - re-sending every request that was never acknowledged, with its key, files each at most once
 *   (those that committed before the kill answer with their stored receipt).
 *
 * SIGKILL is a process crash, not a power cut: what a committed transaction handed to the kernel
 * survives it. That is the guarantee of SQLite in WAL mode with synchronous=NORMAL, the settings
 * `openDatabase` uses (a commit is appended to the WAL before the transaction returns; only the
 * fsync is deferred to checkpoints, so a power loss — not a crashed process — can drop the last
 * commits), and of PostgreSQL's commit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { PRIVACY_NOTICE_VERSION } from '../../src/modules/opinions/public.schema.ts';
import type { Config } from '../../src/platform/config.ts';
import { createContext, type AppContext } from '../../src/platform/context.ts';
import { openDatabase, type DialectName } from '../../src/platform/db/database.ts';
import { openContext } from '../../src/platform/server.ts';
import { cliDatabase } from '../support/cli-database.ts';
import { describeEachDialect } from '../support/dialects.ts';
import { buildLoopWorld, expectStatsMatchOpinions } from '../support/opinion-fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/liaison.js');

/**
 * Requests in the burst, requests in flight at once, and the acknowledgement that triggers the kill.
 * Twice as many in flight as one group commit takes (32, platform/db/group-commit.ts): the answers
 * of a group reach the client together, and the client reads them more slowly than the server
 * writes them, so with fewer in flight the server could have answered everything it held by the
 * time the client counts the acknowledgement that kills it.
 */
const TOTAL = 600;
const IN_FLIGHT = 64;
const KILL_AFTER_ACKS = 200;
/** Public tracking look-ups are limited to 60 a minute per address: check a sample over HTTP, all in the database. */
const TRACKING_SAMPLE = 40;

interface Submission {
  key: string;
  body: Record<string, unknown>;
}

type Outcome =
  | { kind: 'ack'; trackingCode: string; replayed: boolean }
  | { kind: 'connection'; code: string; sentBeforeKill: boolean }
  | { kind: 'http'; status: number; body: string };

interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
}

/** Error codes of a request that never got its answer because the server went away. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The connection error code in a fetch failure's cause chain, or null for any other error. */
function connectionErrorCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return code;
  }
  return null;
}

const children = new Set<ChildProcess>();

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Start `liaison serve` and wait until it listens and /healthz answers. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 30 s:\n${output}`)), 30_000);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    };
    child.once('exit', onExit);
    child.stdout!.on('data', () => {
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(match[1]!);
      }
    });
  });
  await vi.waitFor(
    async () => {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      expect(res.status).toBe(200);
    },
    { timeout: 10_000, interval: 50 },
  );
  return { child, url, output: () => output };
}

/** Stop a child and wait for it to be gone; a SIGTERM that does not end it in 10 s fails the test. */
async function stopChild(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (!isRunning(child)) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server did not exit on ${signal} within 10 s`)), 10_000);
  });
  try {
    await Promise.race([exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function post(url: string, s: Submission, isKilled: () => boolean): Promise<Outcome> {
  const sentBeforeKill = !isKilled();
  try {
    const res = await fetch(`${url}/api/v1/public/opinions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': s.key },
      body: JSON.stringify(s.body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    if (res.status !== 201) return { kind: 'http', status: res.status, body: text };
    return {
      kind: 'ack',
      trackingCode: (JSON.parse(text) as { trackingCode: string }).trackingCode,
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  } catch (err) {
    const code = connectionErrorCode(err);
    if (code === null) throw err;
    return { kind: 'connection', code, sentBeforeKill };
  }
}

/** Send the submissions, `IN_FLIGHT` at a time, calling `onAck` after each acknowledgement. */
async function fire(
  url: string,
  subs: Submission[],
  opts: { onAck?: (ackCount: number) => void; isKilled?: () => boolean } = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(subs.length);
  const isKilled = opts.isKilled ?? (() => false);
  let next = 0;
  let acks = 0;
  const worker = async () => {
    while (next < subs.length) {
      const i = next++;
      const outcome = await post(url, subs[i]!, isKilled);
      outcomes[i] = outcome;
      if (outcome.kind === 'ack') opts.onAck?.(++acks);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return outcomes;
}

interface Snapshot {
  /** tracking code → content, of every opinion at the station. */
  opinions: Map<string, string>;
  /** the client's Idempotency-Key → the tracking code of its stored receipt. */
  keys: Map<string, string>;
}

/**
 * Read the station's opinions and the stored public keys, and check that the database is whole:
 * keys and opinions match one to one, each opinion has one submit event and one audit row and as
 * many notices as every other, the statistics add up, the audit chain verifies.
 */
async function expectConsistent(ctx: AppContext, stationId: number): Promise<Snapshot> {
  const db = ctx.database.db;
  const [opinionRows, keyRows, events, audits, notices] = await Promise.all([
    db
      .selectFrom('opinion')
      .select(['id', 'tracking_code', 'content'])
      .where('station_id', '=', stationId)
      .execute(),
    db
      .selectFrom('idempotency_key')
      .select(['key', 'response'])
      .where('scope', '=', 'public.opinion')
      .execute(),
    db
      .selectFrom('opinion_event')
      .select(['opinion_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'submit')
      .groupBy('opinion_id')
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'opinion.submit')
      .groupBy('entity_id')
      .execute(),
    db
      .selectFrom('notification')
      .select(['link_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'opinion.submitted')
      .groupBy('link_id')
      .execute(),
  ]);
  const opinions = new Map(opinionRows.map((o) => [o.tracking_code, o.content]));
  expect(opinions.size).toBe(opinionRows.length);
  // No two opinions for one submission: every content is unique to its request.
  expect(new Set(opinionRows.map((o) => o.content)).size).toBe(opinionRows.length);

  const keys = new Map(
    keyRows.map((k) => [
      k.key.slice('public.opinion/'.length),
      (JSON.parse(k.response) as { trackingCode: string }).trackingCode,
    ]),
  );
  expect(keys.size).toBe(opinionRows.length);
  expect(new Set(keys.values())).toEqual(new Set(opinions.keys()));

  const ids = opinionRows.map((o) => o.id).sort((a, b) => a - b);
  const countBy = <R extends { n: number }>(rows: R[], idOf: (r: R) => unknown) =>
    new Map(rows.map((r) => [Number(idOf(r)), Number(r.n)]));
  const eventCount = countBy(events, (r) => r.opinion_id);
  const auditCount = countBy(audits, (r) => r.entity_id);
  const noticeCount = countBy(notices, (r) => r.link_id);
  expect(ids.filter((id) => eventCount.get(id) !== 1)).toEqual([]);
  expect(ids.filter((id) => auditCount.get(id) !== 1)).toEqual([]);
  expect([...eventCount.keys()].filter((id) => !ids.includes(id))).toEqual([]);
  expect([...auditCount.keys()].filter((id) => !ids.includes(id))).toEqual([]);
  const perOpinion = noticeCount.get(ids[0] ?? -1) ?? 0;
  expect(perOpinion).toBeGreaterThan(0);
  expect(ids.filter((id) => noticeCount.get(id) !== perOpinion)).toEqual([]);

  await expectStatsMatchOpinions(ctx);
  const chain = await verifyAuditChain(ctx);
  expect(chain).toMatchObject({ ok: true, headSeq: chain.checked });
  expect(chain.checked).toBeGreaterThanOrEqual(opinionRows.length);
  return { opinions, keys };
}

describeEachDialect('a SIGKILL in the middle of a submission burst', (_env, dialect: DialectName) => {
  const secret = randomBytes(32).toString('hex');
  let target: ReturnType<typeof cliDatabase> | undefined;
  let dataDir: string | undefined;
  let config: Config;
  let stationCode: string;
  let stationId: number;
  let serverEnv: Record<string, string>;
  let verifier: AppContext | undefined;

  beforeAll(async () => {
    // Made here, not when the suite is collected, so a skipped suite leaves nothing behind.
    target = cliDatabase(dialect, secret);
    config = target.config;
    dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-sigkill-'));
    const ctx = await openContext(config);
    try {
      const world = await buildLoopWorld(ctx);
      stationCode = world.station.publicCode;
      stationId = world.station.id;
    } finally {
      // Closed before the server starts: on SQLite the restarted server must recover the WAL
      // itself, as after a real crash, not find it kept open by this process.
      await ctx.database.destroy();
    }
    const db = config.database;
    serverEnv = {
      NODE_ENV: 'production',
      LIAISON_SECRET: secret,
      LIAISON_DATA_DIR: dataDir,
      ...(db.kind === 'sqlite'
        ? { DATABASE_URL: `sqlite:${db.file}` }
        : { DATABASE_URL: db.url, ...(db.schema ? { DATABASE_SCHEMA: db.schema } : {}) }),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SCHEDULER: 'false',
      SMS_SENDER: 'none',
      EMAIL_SENDER: 'none',
      // The burst comes from one address: the per-IP limit (10 a minute by default) would refuse it.
      PUBLIC_SUBMISSIONS_PER_IP_PER_MINUTE: '1000000',
    };
  });

  afterAll(async () => {
    try {
      await Promise.all([...children].map((c) => stopChild(c, 'SIGKILL')));
      children.clear();
      await verifier?.database.destroy();
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await target?.cleanup();
    }
  });

  it('loses no acknowledged opinion, files none twice, and keeps the database whole', async () => {
    const started = Date.now();
    const run = randomBytes(4).toString('hex');
    const subs: Submission[] = Array.from({ length: TOTAL }, (_, i) => ({
      key: `sigkill-${run}-${i}`,
      body: {
        stationCode,
        content: `第 ${i} 条：小区门口的路灯坏了一个多月，晚上很黑，希望尽快修好。（${run}）`,
        name: '王小明',
        phone: `139${String(i).padStart(8, '0')}`,
        consentPrivacy: true,
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        consentPublish: i % 2 === 0,
      },
    }));

    // ── the burst, killed in the middle ──────────────────────────────────────────────────────
    const first = await startServer(serverEnv);
    let killedAt: number | null = null;
    const outcomes = await fire(first.url, subs, {
      isKilled: () => killedAt !== null,
      onAck: (acks) => {
        if (acks === KILL_AFTER_ACKS) {
          killedAt = Date.now();
          process.kill(first.child.pid!, 'SIGKILL');
        }
      },
    });
    if (isRunning(first.child)) await once(first.child, 'exit');
    expect(first.child.signalCode, first.output()).toBe('SIGKILL');

    const acked = outcomes.flatMap((o, i) => (o.kind === 'ack' ? [{ i, code: o.trackingCode }] : []));
    const lost = outcomes.flatMap((o, i) => (o.kind === 'connection' ? [{ i, ...o }] : []));
    const refused = outcomes.filter((o) => o.kind === 'http');
    expect(refused, 'no request was refused before the kill').toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.length).toBeLessThan(TOTAL);
    expect(acked.length + lost.length).toBe(TOTAL);
    // The kill landed mid-request: some requests already sent got no answer.
    const cutOff = lost.filter((l) => l.sentBeforeKill);
    expect(cutOff.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.kind !== 'ack' || !o.replayed)).toBe(true);

    // ── restart on the same database ────────────────────────────────────────────────────────
    const second = await startServer(serverEnv);
    verifier = createContext(config, openDatabase(config.database));
    if (verifier.database.sqlite) {
      const sqlite = verifier.database.sqlite;
      // What the server runs with (the same openDatabase): WAL, synchronous=NORMAL (1).
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    const afterCrash = await expectConsistent(verifier, stationId);
    for (const { i, code } of acked) {
      expect(afterCrash.opinions.get(code), `acknowledged ${code} (request ${i})`).toBe(
        subs[i]!.body.content,
      );
      expect(afterCrash.keys.get(subs[i]!.key)).toBe(code);
    }
    // Committed, but the answer died with the server: the client does not know, the key does.
    const inDoubt = lost.filter((l) => afterCrash.keys.has(subs[l.i]!.key));
    expect(afterCrash.opinions.size).toBe(acked.length + inDoubt.length);

    for (const { i, code } of acked.slice(0, TRACKING_SAMPLE)) {
      const res = await fetch(`${second.url}/api/v1/public/opinions/${code}`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(res.status, `tracking ${code}`).toBe(200);
      expect(await res.json()).toMatchObject({
        trackingCode: code,
        status: 'SUBMITTED',
        content: subs[i]!.body.content,
      });
    }

    // ── the clients retry what was never acknowledged, with the same keys ──────────────────
    const retried = await fire(
      second.url,
      lost.map((l) => subs[l.i]!),
    );
    retried.forEach((o, n) => {
      const { i } = lost[n]!;
      expect(o, `retry of request ${i}`).toMatchObject({ kind: 'ack' });
      if (o.kind !== 'ack') return;
      const stored = afterCrash.keys.get(subs[i]!.key);
      if (stored !== undefined) expect(o).toEqual({ kind: 'ack', trackingCode: stored, replayed: true });
      else expect(o.replayed).toBe(false);
    });
    // A retry of an acknowledged request answers with its receipt and files nothing.
    const again = await fire(
      second.url,
      acked.slice(0, 20).map((a) => subs[a.i]!),
    );
    again.forEach((o, n) => expect(o).toEqual({ kind: 'ack', trackingCode: acked[n]!.code, replayed: true }));

    const final = await expectConsistent(verifier, stationId);
    expect(final.opinions.size).toBe(TOTAL);
    subs.forEach((s, i) => {
      const code = final.keys.get(s.key);
      expect(code, `request ${i}`).toBeDefined();
      expect(final.opinions.get(code!)).toBe(s.body.content);
    });

    await stopChild(second.child, 'SIGTERM');
    expect(second.child.exitCode, second.output()).toBe(0);
    console.log(
      `[sigkill ${dialect}] ${TOTAL} sent, ${IN_FLIGHT} in flight; killed after ${KILL_AFTER_ACKS} acknowledged ` +
        `(${acked.length - KILL_AFTER_ACKS} more answered after the kill); ${lost.length} failed with a connection error ` +
        `(${cutOff.length} of them already sent: ${[...new Set(cutOff.map((c) => c.code))].join(', ')}); ` +
        `after restart ${afterCrash.opinions.size} found = ${acked.length} acknowledged + ${inDoubt.length} committed ` +
        `but unanswered; retries filed ${lost.length - inDoubt.length} new; ${Date.now() - started} ms`,
    );
  }, 60_000);
});
