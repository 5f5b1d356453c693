/** SQL pieces every organisation repo shares: parent chains (paging and text search live in platform/db/query.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export { fetchPage, likePattern, textMatch } from '../../platform/db/query.ts';

/**
 * The ids above a station or unit, nearest first, whatever the scope (to refuse a cycle before
 * writing a parent). Bounded, so a damaged chain cannot loop forever.
 */
export async function ancestorChain(
  db: Kysely<DB>,
  table: 'station' | 'unit',
  id: number,
  limit = 32,
): Promise<number[]> {
  const chain: number[] = [];
  let current: number | null = id;
  while (current !== null && chain.length < limit) {
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom(table)
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current !== null) chain.push(current);
  }
  return chain;
}
