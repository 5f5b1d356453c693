/**
 * Reads of suggestions for people: the work lists and the ledger with their filters, one case's
 * history and the records beside it, the commitments ledger. Every query takes the visibility
 * predicate (suggestions.visibility.ts), so a list, an export and a report apply the same rule.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { likePattern } from '../../platform/db/query.ts';
import type { SuggestionExpressions, Visibility } from './suggestions.visibility.ts';
import type { SuggestionView } from './suggestions.schema.ts';

export interface ListFilter {
  view: SuggestionView;
  status?: string | undefined;
  kind?: string | undefined;
  congressId?: number | undefined;
  year?: number | undefined;
  unitId?: number | undefined;
  categoryCode?: string | undefined;
  replyClass?: string | undefined;
  q?: string | undefined;
  now: string;
  /** The representative and unit of the caller, for their own tabs. */
  representativeId: number | null;
  unitId_: number | null;
}

const OPEN_REPLY = ['ASSIGNED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED', 'REHANDLING'];

function viewPredicate(eb: SuggestionExpressions, f: ListFilter): Expression<SqlBool> {
  const signer = (statuses: string[], role?: string) =>
    eb(
      'suggestion.id',
      'in',
      eb
        .selectFrom('suggestion_signer as fs')
        .select('fs.suggestion_id')
        .where('fs.representative_id', '=', f.representativeId ?? -1)
        .where('fs.status', 'in', statuses)
        .$if(role !== undefined, (q) => q.where('fs.role', '=', role!)),
    );
  const heldBy = (role: string) =>
    eb(
      'suggestion.id',
      'in',
      eb
        .selectFrom('suggestion_unit as fu')
        .select('fu.suggestion_id')
        .where('fu.unit_id', '=', f.unitId_ ?? -1)
        .where('fu.role', '=', role),
    );
  switch (f.view) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'mine':
      return signer(['accepted']);
    case 'to_cosign':
      return eb.and([eb('suggestion.status', '=', 'DRAFT'), signer(['invited'], 'cosigner')]);
    case 'to_evaluate':
      return eb.and([eb('suggestion.status', '=', 'REPLIED'), signer(['accepted'], 'lead')]);
    case 'screening':
      return eb('suggestion.status', '=', 'SUBMITTED');
    case 'to_assign':
      return eb('suggestion.status', '=', 'REGISTERED');
    case 'requests':
      return eb('suggestion.status', 'in', ['RETURN_REQUESTED', 'EXTENSION_REQUESTED']);
    case 'overdue':
      return eb.and([eb('suggestion.status', 'in', OPEN_REPLY), eb('suggestion.reply_due', '<', f.now)]);
    case 'key':
      return eb('suggestion.key_supervision', '=', 1);
    case 'escalated':
      return eb('suggestion.status', '=', 'ESCALATED');
    case 'unit_inbox':
      return eb.and([eb('suggestion.status', '=', 'ASSIGNED'), eb.or([heldBy('lead'), heldBy('co')])]);
    case 'unit_handling':
      return eb.and([
        eb('suggestion.status', 'in', [
          'IN_PROGRESS',
          'REHANDLING',
          'EXTENSION_REQUESTED',
          'RETURN_REQUESTED',
          'ASSIGNED',
        ]),
        eb.or([heldBy('lead'), heldBy('co')]),
      ]);
    case 'published':
      return eb('suggestion.status', '=', 'PUBLISHED');
  }
}

function filtered(db: Kysely<DB>, visible: Visibility, f: ListFilter) {
  let q = db
    .selectFrom('suggestion')
    .where(visible)
    .where((eb) => viewPredicate(eb, f));
  if (f.status) q = q.where('suggestion.status', '=', f.status);
  if (f.kind) q = q.where('suggestion.kind', '=', f.kind);
  if (f.congressId) q = q.where('suggestion.congress_id', '=', f.congressId);
  if (f.year) q = q.where('suggestion.year', '=', f.year);
  if (f.categoryCode) q = q.where('suggestion.category_code', '=', f.categoryCode);
  if (f.replyClass) q = q.where('suggestion.reply_class', '=', f.replyClass);
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where('suggestion.id', 'in', (eb) =>
      eb.selectFrom('suggestion_unit as uu').select('uu.suggestion_id').where('uu.unit_id', '=', unitId),
    );
  }
  if (f.q) {
    const pattern = likePattern(f.q);
    const n = Number(f.q.replace(/^第|号$/g, ''));
    q = q.where((eb) =>
      eb.or([
        eb('suggestion.title', 'like', pattern),
        eb('suggestion.background', 'like', pattern),
        ...(Number.isInteger(n) && n > 0 ? [eb('suggestion.case_number', '=', n)] : []),
      ]),
    );
  }
  return q;
}

function listRows(db: Kysely<DB>) {
  return db
    .selectFrom('suggestion')
    .innerJoin('congress as c', 'c.id', 'suggestion.congress_id')
    .innerJoin('representative as r', 'r.id', 'suggestion.lead_representative_id')
    .selectAll('suggestion')
    .select(['c.name as congress_name', 'r.name as lead_name'])
    .select((eb) =>
      eb
        .selectFrom('suggestion_signer as cs')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('cs.suggestion_id', '=', 'suggestion.id')
        .where('cs.role', '=', 'cosigner')
        .where('cs.status', '=', 'accepted')
        .as('cosigner_count'),
    );
}

export type ListRow = Awaited<ReturnType<ReturnType<typeof listRows>['executeTakeFirstOrThrow']>>;

export async function listSuggestions(
  db: Kysely<DB>,
  visible: Visibility,
  f: ListFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ListRow[]; total: number }> {
  const ids = filtered(db, visible, f)
    .select('suggestion.id')
    .orderBy('suggestion.updated_at', 'desc')
    .orderBy('suggestion.id', 'desc')
    .limit(limit)
    .offset(offset);
  const [rows, count] = await Promise.all([
    listRows(db)
      .where('suggestion.id', 'in', ids)
      .orderBy('suggestion.updated_at', 'desc')
      .orderBy('suggestion.id', 'desc')
      .execute(),
    filtered(db, visible, f)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function oneRow(db: Kysely<DB>, id: number): Promise<ListRow | undefined> {
  return listRows(db).where('suggestion.id', '=', id).executeTakeFirst();
}

/** The units holding each case (names), for a page of rows. */
export async function unitsOfCases(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('suggestion_unit as su')
    .innerJoin('unit as u', 'u.id', 'su.unit_id')
    .select([
      'su.suggestion_id',
      'su.unit_id',
      'su.role',
      'su.assigned_at',
      'su.co_opinion',
      'su.co_opinion_at',
      'u.name',
    ])
    .where('su.suggestion_id', 'in', [...ids])
    .orderBy('su.role', 'desc')
    .orderBy('su.unit_id')
    .execute();
}

export async function signersWithNames(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_signer as s')
    .innerJoin('representative as r', 'r.id', 's.representative_id')
    .select([
      's.representative_id',
      's.role',
      's.status',
      's.invited_at',
      's.answered_at',
      's.origin_suggestion_id',
      'r.name',
    ])
    .where('s.suggestion_id', '=', id)
    .orderBy('s.role', 'desc')
    .orderBy('s.invited_at')
    .orderBy('s.representative_id')
    .execute();
}

export async function historyOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_event as e')
    .leftJoin('unit as u', 'u.id', 'e.unit_id')
    .selectAll('e')
    .select('u.name as unit_name')
    .where('e.suggestion_id', '=', id)
    .orderBy('e.id')
    .execute();
}

export async function contactsOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_contact as c')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .where('c.suggestion_id', '=', id)
    .orderBy('c.id')
    .execute();
}

export async function repliesOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_reply as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('attachment as a', (j) =>
      j.onRef('a.owner_id', '=', 'r.id').on('a.owner_type', '=', 'suggestion_reply'),
    )
    .selectAll('r')
    .select([
      'u.name as unit_name',
      'a.id as attachment_id',
      'a.file_name as attachment_name',
      'a.size as attachment_size',
    ])
    .where('r.suggestion_id', '=', id)
    .orderBy('r.id')
    .execute();
}

export async function evaluationsOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_evaluation as e')
    .innerJoin('representative as r', 'r.id', 'e.representative_id')
    .selectAll('e')
    .select('r.name as representative_name')
    .where('e.suggestion_id', '=', id)
    .orderBy('e.id')
    .execute();
}

export async function extensionsOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_extension')
    .selectAll()
    .where('suggestion_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function opinionsOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_opinion as so')
    .innerJoin('opinion as o', 'o.id', 'so.opinion_id')
    .select(['o.id', 'o.tracking_code'])
    .where('so.suggestion_id', '=', id)
    .orderBy('o.id')
    .execute();
}

export async function mergedFrom(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion')
    .select(['id', 'title'])
    .where('merged_into_id', '=', id)
    .orderBy('id')
    .execute();
}

export async function caseBrief(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion')
    .select(['id', 'title', 'case_number'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function userName(db: Kysely<DB>, id: number) {
  return db.selectFrom('app_user').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst();
}

export interface CommitmentFilter {
  status?: string | undefined;
  unitId?: number | undefined;
  year?: number | undefined;
  overdueBefore?: string | undefined;
}

function commitmentQuery(db: Kysely<DB>, visible: Visibility, f: CommitmentFilter) {
  let q = db
    .selectFrom('suggestion_commitment as c')
    .innerJoin('suggestion', 'suggestion.id', 'c.suggestion_id')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .where(visible);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  if (f.year) q = q.where('suggestion.year', '=', f.year);
  if (f.overdueBefore) q = q.where('c.status', '=', 'open').where('c.due_date', '<', f.overdueBefore);
  return q;
}

export async function listCommitments(
  db: Kysely<DB>,
  visible: Visibility,
  f: CommitmentFilter,
  limit: number,
  offset: number,
) {
  const [rows, count] = await Promise.all([
    commitmentQuery(db, visible, f)
      .selectAll('c')
      .select([
        'u.name as unit_name',
        'suggestion.title',
        'suggestion.case_number',
        'suggestion.year as suggestion_year',
      ])
      .orderBy('c.status')
      .orderBy('c.due_date')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    commitmentQuery(db, visible, f)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function commitmentsOfCase(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('suggestion_commitment as c')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .where('c.suggestion_id', '=', id)
    .orderBy('c.id')
    .execute();
}

export async function progressOf(db: Kysely<DB>, commitmentIds: readonly number[]) {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('commitment_progress')
    .selectAll()
    .where('commitment_id', 'in', [...commitmentIds])
    .orderBy('id')
    .execute();
}

export async function replyAttachment(db: Kysely<DB>, suggestionId: number, attachmentId: number) {
  return db
    .selectFrom('attachment as a')
    .innerJoin('suggestion_reply as r', 'r.id', 'a.owner_id')
    .select(['a.file_name', 'a.mime', 'a.data'])
    .where('a.owner_type', '=', 'suggestion_reply')
    .where('a.id', '=', attachmentId)
    .where('r.suggestion_id', '=', suggestionId)
    .executeTakeFirst();
}
