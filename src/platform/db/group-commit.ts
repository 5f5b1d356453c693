/**
 * Group commit: writes of the same kind that arrive while one transaction is running wait for the
 * next, and go in together, in ONE transaction with one commit. A commit is the dearest part of a
 * small write (SQLite appends every page the transaction touched to the WAL; PostgreSQL flushes
 * its log), and a busy public form sends many small writes at once.
 *
 * Nothing else changes for the caller: `submit(item)` settles only after the transaction holding
 * the item committed (an acknowledged write is as durable as before), and each item is still all
 * or nothing:
 * - the writer may refuse an item before writing anything of it (a rule it breaks): that item
 *   is rejected with the writer's error, and the others go ahead;
 * - when the transaction itself fails (a constraint, a duplicate idempotency key), the items are
 *   run again one transaction each, so every item gets exactly the outcome it would have had
 *   alone and the others are not held back by it.
 *
 * Per process: the queue is in memory, and correctness never depends on it (several processes
 * simply commit their own groups).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** What became of one item of a group: written (with its result), or refused and not written. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Writes `items` in the caller's transaction; answers one outcome per item, in order. An item it
 * refuses must have left nothing behind; an exception undoes the whole group.
 */
export type GroupWrite<I, O> = (trx: Transaction<DB>, items: readonly I[]) => Promise<Settled<O>[]>;

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

export interface GroupCommit<I, O> {
  /** Queue the item for the next group; settles once it is committed (or refused). */
  submit(item: I): Promise<O>;
}

function settle<I, O>(w: Waiting<I, O>, outcome: Settled<O>): void {
  if (outcome.ok) w.resolve(outcome.value);
  else w.reject(outcome.error);
}

/**
 * A queue that writes what it holds with `write`, at most `maxGroup` items per transaction.
 * A group starts on the next turn of the event loop after the first item arrives, so the items of
 * requests handled in the same turn share it; while it runs, the next group gathers.
 */
export function groupCommit<I, O>(db: Kysely<DB>, write: GroupWrite<I, O>, maxGroup = 32): GroupCommit<I, O> {
  const queue: Waiting<I, O>[] = [];
  let running = false;

  const run = (items: readonly I[]) => db.transaction().execute((trx) => write(trx, items));

  const alone = async (w: Waiting<I, O>) => {
    try {
      settle(w, (await run([w.item]))[0]!);
    } catch (err) {
      w.reject(err);
    }
  };

  const drain = async () => {
    while (queue.length > 0) {
      const group = queue.splice(0, maxGroup);
      if (group.length === 1) {
        await alone(group[0]!);
        continue;
      }
      let outcomes: Settled<O>[];
      try {
        outcomes = await run(group.map((w) => w.item));
      } catch {
        // The transaction failed as a whole: settle each item on its own.
        for (const w of group) await alone(w);
        continue;
      }
      group.forEach((w, i) => settle(w, outcomes[i]!));
    }
    running = false;
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
