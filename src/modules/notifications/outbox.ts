/**
 * The outbox dispatcher: sends the SMS and e-mail messages that `notify` wrote beside the changes
 * they announce. Run by the job runner (src/platform/jobs.ts) every minute, in every process.
 *
 * - Pending messages due now are read in small batches, oldest first.
 * - Each is claimed with `update … where id = ? and status = 'pending' and attempts = ?` before it
 *   is sent: of two processes that read the same row, only one claims it, so none is sent twice.
 *   The claim also moves its next attempt past a lease, so a process that dies while sending
 *   leaves the message to be tried again (at least once, at most once per attempt).
 * - A failure is retried after 1, 5, 30 and 120 minutes; the fifth failure marks it 'failed' with
 *   the last error. A message whose channel is switched off ('none') or whose recipient cannot be
 *   decrypted is marked 'failed' at once: retrying cannot help.
 */
import type { AppContext } from '../../platform/context.ts';
import * as repo from './notifications.repo.ts';
import { sendersFor, type Sender, type Senders } from './senders/index.ts';

export const MAX_ATTEMPTS = 5;
/** Minutes to wait after the 1st, 2nd, 3rd and 4th failure. */
export const RETRY_MINUTES = [1, 5, 30, 120] as const;
/** How long a claimed message is left alone while it is being sent. */
const LEASE_MINUTES = 5;
const BATCH_SIZE = 20;
/** At most this many messages per run, so one run cannot hold the runner for long. */
const MAX_PER_RUN = 500;

export interface DispatchReport {
  /** Delivered. */
  sent: number;
  /** Failed this time, to be tried again later. */
  retried: number;
  /** Given up on (attempts exhausted, channel switched off, recipient unreadable). */
  failed: number;
  /** Claimed by another process first. */
  skipped: number;
}

const iso = (d: Date, plusMinutes = 0) => new Date(d.getTime() + plusMinutes * 60_000).toISOString();

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Send what is due now. Safe to run in several processes at once. */
export async function dispatchOutbox(ctx: AppContext, senders: Senders): Promise<DispatchReport> {
  const db = ctx.database.db;
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const seen = new Set<number>();
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const batch = (await repo.dueOutbox(db, ctx.clock.now().toISOString(), BATCH_SIZE)).filter(
      (m) => !seen.has(m.id),
    );
    if (batch.length === 0) break;
    for (const message of batch) {
      seen.add(message.id);
      handled += 1;
      const now = ctx.clock.now();
      if (!(await repo.claimOutbox(db, message.id, message.attempts, iso(now, LEASE_MINUTES)))) {
        report.skipped += 1;
        continue;
      }
      const attempts = message.attempts + 1;
      if (attempts > MAX_ATTEMPTS) {
        // Only after processes died while sending it, again and again.
        await repo.settleOutbox(db, message.id, attempts, {
          status: 'failed',
          error: `gave up after ${MAX_ATTEMPTS} attempts that did not finish`,
        });
        report.failed += 1;
        continue;
      }
      const sender: Sender | null = senders[message.channel];
      if (!sender) {
        await repo.settleOutbox(db, message.id, attempts, {
          status: 'failed',
          error: `${message.channel} sending is switched off (${message.channel === 'sms' ? 'SMS_SENDER' : 'EMAIL_SENDER'}=none)`,
        });
        report.failed += 1;
        continue;
      }
      let to: string;
      try {
        to = ctx.cipher.decrypt(message.recipientEnc);
      } catch {
        await repo.settleOutbox(db, message.id, attempts, {
          status: 'failed',
          error: 'the recipient cannot be decrypted (was the secret key changed?)',
        });
        report.failed += 1;
        continue;
      }
      try {
        await sender.send({
          id: message.id,
          channel: message.channel,
          to,
          subject: message.subject,
          body: message.body,
        });
        await repo.settleOutbox(db, message.id, attempts, {
          status: 'sent',
          at: ctx.clock.now().toISOString(),
        });
        report.sent += 1;
      } catch (err) {
        const error = `${sender.name}: ${errorText(err)}`;
        const wait = RETRY_MINUTES[attempts - 1];
        if (attempts >= MAX_ATTEMPTS || wait === undefined) {
          await repo.settleOutbox(db, message.id, attempts, { status: 'failed', error });
          report.failed += 1;
        } else {
          await repo.settleOutbox(db, message.id, attempts, {
            status: 'pending',
            nextAttemptAt: iso(ctx.clock.now(), wait),
            error,
          });
          report.retried += 1;
        }
      }
    }
    if (batch.length < BATCH_SIZE) break;
  }
  return report;
}

/**
 * The dispatcher as a job: the configured senders are made once and kept for the life of the
 * runner (an SMTP transport is not rebuilt every minute).
 */
export function outboxJob(ctx: AppContext, senders: Senders = sendersFor(ctx.config, ctx.clock)) {
  return {
    name: 'outbox',
    run: async (): Promise<Record<string, number>> => ({ ...(await dispatchOutbox(ctx, senders)) }),
    close: () => {
      senders.sms?.close?.();
      if (senders.email !== senders.sms) senders.email?.close?.();
    },
  };
}
