/**
 * Group commit: items submitted together share one transaction, each settles only once it is
 * committed, a refused item leaves nothing behind, and a group whose transaction fails is written
 * again one item at a time, so each gets the outcome it would have had alone.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { isUniqueViolation } from './db-errors.ts';
import { groupCommit, type Settled } from './group-commit.ts';

describeEachDialect('group commit', (env) => {
  const db = () => env().ctx.database.db;
  const keys = async (prefix: string) =>
    (
      await db()
        .selectFrom('idempotency_key')
        .select('key')
        .where('key', 'like', `${prefix}%`)
        .orderBy('key')
        .execute()
    ).map((r) => r.key);

  /** Writes one idempotency row per item (a table without foreign keys); refuses items named "refuse…". */
  function writer() {
    const groups: string[][] = [];
    const queue = groupCommit<string, string>(db(), async (trx, items) => {
      groups.push([...items]);
      const outcomes: Settled<string>[] = items.map((item) =>
        item.includes('refuse')
          ? { ok: false, error: new Error(`refused ${item}`) }
          : { ok: true, value: item },
      );
      const accepted = items.filter((_, i) => outcomes[i]!.ok);
      if (accepted.length > 0) {
        await trx
          .insertInto('idempotency_key')
          .values(
            accepted.map((key) => ({
              key,
              scope: 'test',
              request_hash: 'h',
              status_code: 201,
              response: '{}',
              created_at: '2026-03-02T01:00:00.000Z',
            })),
          )
          .execute();
      }
      return outcomes;
    });
    return { queue, groups };
  }

  it('writes the items submitted together in one transaction, each settling once committed', async () => {
    const { queue, groups } = writer();
    const results = await Promise.all(
      ['a1', 'a2', 'a3'].map((k) =>
        queue.submit(`gc-${k}`).then(async (value) => ({ value, seen: await keys(`gc-${k}`) })),
      ),
    );
    expect(results).toEqual([
      { value: 'gc-a1', seen: ['gc-a1'] },
      { value: 'gc-a2', seen: ['gc-a2'] },
      { value: 'gc-a3', seen: ['gc-a3'] },
    ]);
    expect(groups).toEqual([['gc-a1', 'gc-a2', 'gc-a3']]);
    // One arriving later starts a group of its own.
    await queue.submit('gc-a4');
    expect(groups).toHaveLength(2);
  });

  it('rejects a refused item and writes the others of its group', async () => {
    const { queue } = writer();
    const outcomes = await Promise.allSettled(['gc-b1', 'gc-b2-refuse', 'gc-b3'].map((k) => queue.submit(k)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await keys('gc-b')).toEqual(['gc-b1', 'gc-b3']);
  });

  it('writes each item alone when the group fails, so only the faulty one fails', async () => {
    const { queue, groups } = writer();
    await queue.submit('gc-c1');
    groups.length = 0;
    // The second item repeats a key already stored: the group's insert fails as a whole.
    const outcomes = await Promise.allSettled(['gc-c2', 'gc-c1', 'gc-c3'].map((k) => queue.submit(k)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isUniqueViolation((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(groups).toEqual([['gc-c2', 'gc-c1', 'gc-c3'], ['gc-c2'], ['gc-c1'], ['gc-c3']]);
    expect(await keys('gc-c')).toEqual(['gc-c1', 'gc-c2', 'gc-c3']);
  });
});
