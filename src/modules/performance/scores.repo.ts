/** Reads for showing scores: the titles and dates of the records behind score lines; excellent suggestions. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** 'activity/12' → { title, date } for the lines' sources, in three reads. */
export async function sourceTitles(
  db: Kysely<DB>,
  lines: readonly { sourceType: string; sourceId: number }[],
): Promise<Map<string, { title: string; date: string | null }>> {
  const ids = (type: string) => [
    ...new Set(lines.filter((l) => l.sourceType === type).map((l) => l.sourceId)),
  ];
  const out = new Map<string, { title: string; date: string | null }>();
  const [acts, sugs, ops] = [ids('activity'), ids('suggestion'), ids('opinion')];
  if (acts.length > 0)
    for (const r of await db
      .selectFrom('activity')
      .select(['id', 'title', 'starts_at'])
      .where('id', 'in', acts)
      .execute())
      out.set(`activity/${r.id}`, { title: r.title, date: r.starts_at });
  if (sugs.length > 0)
    for (const r of await db
      .selectFrom('suggestion')
      .select(['id', 'title', 'case_number', 'registered_at'])
      .where('id', 'in', sugs)
      .execute())
      out.set(`suggestion/${r.id}`, {
        title: `${r.case_number !== null ? `第${r.case_number}号 ` : ''}${r.title}`,
        date: r.registered_at,
      });
  if (ops.length > 0)
    for (const r of await db
      .selectFrom('opinion')
      .select(['id', 'tracking_code', 'content', 'rated_at'])
      .where('id', 'in', ops)
      .execute())
      out.set(`opinion/${r.id}`, { title: `${r.tracking_code} ${r.content.slice(0, 30)}`, date: r.rated_at });
  return out;
}

/** A suggestion's congress, year and signers (for marking it excellent and recomputing them). */
export async function suggestionCongress(db: Kysely<DB>, suggestionId: number) {
  const s = await db
    .selectFrom('suggestion as s')
    .innerJoin('jurisdiction as j', 'j.id', 's.jurisdiction_id')
    .select(['s.id', 's.congress_id', 's.year', 's.jurisdiction_id', 'j.path'])
    .where('s.id', '=', suggestionId)
    .where('s.status', '!=', 'DRAFT')
    .executeTakeFirst();
  if (!s) return undefined;
  const signers = await db
    .selectFrom('suggestion_signer')
    .select('representative_id')
    .where('suggestion_id', '=', suggestionId)
    .execute();
  return { ...s, signers: signers.map((x) => x.representative_id) };
}

export async function setExcellent(
  trx: Transaction<DB>,
  suggestionId: number,
  excellent: boolean,
  by: number | null,
  at: string,
): Promise<void> {
  if (excellent)
    await trx
      .insertInto('excellent_suggestion')
      .values({ suggestion_id: suggestionId, marked_by_user_id: by, at })
      .onConflict((oc) => oc.column('suggestion_id').doNothing())
      .execute();
  else await trx.deleteFrom('excellent_suggestion').where('suggestion_id', '=', suggestionId).execute();
}
