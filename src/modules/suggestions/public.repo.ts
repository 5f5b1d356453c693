/**
 * The reads behind the public suggestion pages. Published cases are read with their published
 * texts only (published_title, published_body, published_reply): the columns of the case as
 * drafted (title, background, proposals, basis), notes, contacts and replies as sent are never
 * selected here, and search looks at the published texts only, so a word of the original text
 * cannot be found out by searching for it. The year's figures are counted over every registered
 * case, grouped so that the database does the counting and the service the arithmetic.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { fetchPage, textMatch } from '../../platform/db/query.ts';
import { NOT_COUNTED } from './stats.repo.ts';

export interface PublicFilter {
  year?: number | undefined;
  congressId?: number | undefined;
  categoryCode?: string | undefined;
  /** Trimmed, non-empty. */
  q?: string | undefined;
}

/** Characters of published_body fetched for a list excerpt (the service shortens further). */
export const EXCERPT_SOURCE_CHARS = 160;

function published(db: Kysely<DB>) {
  return db
    .selectFrom('suggestion as s')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .innerJoin('representative as r', 'r.id', 's.lead_representative_id')
    .where('s.status', '=', 'PUBLISHED')
    .where('s.published_at', 'is not', null)
    .where('s.published_title', 'is not', null)
    .where('s.published_body', 'is not', null);
}

/** The number a person may type for a case: '12', '第12号', '12号'. */
function caseNumberOf(q: string): number | null {
  const m = /^第?\s*(\d{1,6})\s*号?$/.exec(q);
  return m ? Number(m[1]) : null;
}

/** One page of published cases, newest publication first. */
export async function listPublished(db: Kysely<DB>, f: PublicFilter, page: number, pageSize: number) {
  let q = published(db);
  if (f.year !== undefined) q = q.where('s.year', '=', f.year);
  if (f.congressId !== undefined) q = q.where('s.congress_id', '=', f.congressId);
  if (f.categoryCode !== undefined) q = q.where('s.category_code', '=', f.categoryCode);
  if (f.q) {
    const text = f.q;
    const n = caseNumberOf(text);
    q = q.where((eb) => {
      const or: Expression<SqlBool>[] = [textMatch(text, ['s.published_title', 's.published_body'])];
      if (n !== null) or.push(eb('s.case_number', '=', n));
      return eb.or(or);
    });
  }
  const query = q
    .select([
      's.id',
      's.case_number',
      's.kind',
      's.congress_id',
      'c.name as congress_name',
      's.period',
      's.session_number',
      's.year',
      's.category_code',
      's.published_title',
      's.published_at',
      's.reply_class',
      's.attitude_rating',
      's.result_rating',
      'r.name as lead_name',
    ])
    .select((eb) => [
      sql<string>`substr(${eb.ref('s.published_body')}, 1, ${EXCERPT_SOURCE_CHARS})`.as('body_start'),
      eb
        .selectFrom('suggestion_signer as cs')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('cs.suggestion_id', '=', 's.id')
        .where('cs.role', '=', 'cosigner')
        .where('cs.status', '=', 'accepted')
        .as('cosigner_count'),
      eb
        .selectFrom('suggestion_unit as su')
        .innerJoin('unit as u', 'u.id', 'su.unit_id')
        .select('u.name')
        .whereRef('su.suggestion_id', '=', 's.id')
        .where('su.role', '=', 'lead')
        .orderBy('su.unit_id')
        .limit(1)
        .as('lead_unit_name'),
    ])
    .orderBy('s.published_at', 'desc')
    .orderBy('s.id', 'desc');
  return fetchPage(query, page, pageSize);
}

export type PublishedListRow = Awaited<ReturnType<typeof listPublished>>['rows'][number];

/** One published case (undefined for anything else), with its units and signers by name. */
export async function findPublished(db: Kysely<DB>, id: number) {
  const row = await published(db)
    .select([
      's.id',
      's.case_number',
      's.kind',
      's.congress_id',
      'c.name as congress_name',
      's.period',
      's.session_number',
      's.year',
      's.category_code',
      's.published_title',
      's.published_body',
      's.published_reply',
      's.published_at',
      's.registered_at',
      's.last_replied_at',
      's.reply_class',
      's.attitude_rating',
      's.result_rating',
      's.lead_representative_id',
      'r.name as lead_name',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [units, signers] = await Promise.all([
    db
      .selectFrom('suggestion_unit as su')
      .innerJoin('unit as u', 'u.id', 'su.unit_id')
      .select(['su.role', 'u.name'])
      .where('su.suggestion_id', '=', id)
      .orderBy('su.role', 'desc') // 'lead' before 'co'
      .orderBy('su.unit_id')
      .execute(),
    db
      .selectFrom('suggestion_signer as ss')
      .innerJoin('representative as r', 'r.id', 'ss.representative_id')
      .select(['ss.representative_id', 'ss.role', 'r.name'])
      .where('ss.suggestion_id', '=', id)
      .where('ss.status', '=', 'accepted')
      .orderBy('ss.invited_at')
      .orderBy('ss.representative_id')
      .execute(),
  ]);
  return { row, units, signers };
}

/** Years with at least one registered case (of one congress), newest first. */
export async function registeredYears(db: Kysely<DB>, congressId: number | undefined): Promise<number[]> {
  let q = db
    .selectFrom('suggestion as s')
    .select('s.year')
    .distinct()
    .where('s.registered_at', 'is not', null)
    .where('s.status', 'not in', [...NOT_COUNTED]);
  if (congressId !== undefined) q = q.where('s.congress_id', '=', congressId);
  const rows = await q.orderBy('s.year', 'desc').execute();
  return rows.map((r) => Number(r.year));
}
