/**
 * Storage of the suggestions' writes: the case row (written with its version, so a stale write
 * changes nothing), its signers and units, events, contacts, replies, evaluations, extension
 * requests, commitments and their progress, the case-number counters, and the refusal reasons.
 * Also the few reads of organisation records the rules need (who serves on a congress).
 */
import { type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  CommitmentProgressTable,
  SuggestionCommitmentTable,
  SuggestionContactTable,
  SuggestionEvaluationTable,
  SuggestionEventTable,
  SuggestionExtensionTable,
  SuggestionReplyTable,
  SuggestionSignerTable,
  SuggestionTable,
  SuggestionUnitTable,
} from './suggestions.tables.ts';
import type { Visibility } from './suggestions.visibility.ts';

export type SuggestionRow = Selectable<SuggestionTable>;
export type SuggestionPatch = Partial<Omit<SuggestionRow, 'id' | 'version' | 'created_at'>>;
export type SignerRow = Selectable<SuggestionSignerTable>;
export type UnitRow = Selectable<SuggestionUnitTable>;
export type NewEvent = Insertable<SuggestionEventTable>;
export type NewContact = Insertable<SuggestionContactTable>;
export type NewReply = Insertable<SuggestionReplyTable>;
export type ReplyRow = Selectable<SuggestionReplyTable>;
export type NewEvaluation = Insertable<SuggestionEvaluationTable>;
export type NewExtension = Insertable<SuggestionExtensionTable>;
export type ExtensionRow = Selectable<SuggestionExtensionTable>;
export type NewCommitment = Insertable<SuggestionCommitmentTable>;
export type CommitmentRow = Selectable<SuggestionCommitmentTable>;
export type NewProgress = Insertable<CommitmentProgressTable>;

export interface CongressFacts {
  id: number;
  name: string;
  level: string;
  termNumber: number;
  jurisdictionId: number;
  jurisdictionPath: string;
}

/** A case with what decides who acts on it and what its guards need. */
export interface LoadedSuggestion {
  row: SuggestionRow;
  jurisdictionPath: string;
  congressLevel: string;
  signers: SignerRow[];
  units: UnitRow[];
}

/** One case by id, when the predicate shows it (null: the system, which sees everything). */
export async function findSuggestion(
  db: Kysely<DB>,
  id: number,
  visible: Visibility | null,
): Promise<LoadedSuggestion | undefined> {
  let q = db
    .selectFrom('suggestion')
    .innerJoin('jurisdiction as sj', 'sj.id', 'suggestion.jurisdiction_id')
    .innerJoin('congress as sc', 'sc.id', 'suggestion.congress_id')
    .selectAll('suggestion')
    .select(['sj.path as jurisdiction_path', 'sc.level as congress_level'])
    .where('suggestion.id', '=', id);
  if (visible) q = q.where(visible);
  const found = await q.executeTakeFirst();
  if (!found) return undefined;
  const { jurisdiction_path, congress_level, ...row } = found;
  const [signers, units] = await Promise.all([signersOf(db, id), unitsOf(db, id)]);
  return { row, jurisdictionPath: jurisdiction_path, congressLevel: congress_level, signers, units };
}

export function signersOf(db: Kysely<DB>, suggestionId: number): Promise<SignerRow[]> {
  return db
    .selectFrom('suggestion_signer')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .orderBy('invited_at')
    .orderBy('representative_id')
    .execute();
}

export function unitsOf(db: Kysely<DB>, suggestionId: number): Promise<UnitRow[]> {
  return db
    .selectFrom('suggestion_unit')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .orderBy('role', 'desc') // 'lead' before 'co'
    .orderBy('unit_id')
    .execute();
}

export async function insertSuggestion(
  trx: Transaction<DB>,
  row: Insertable<SuggestionTable>,
): Promise<number> {
  const r = await trx.insertInto('suggestion').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Write a change made from `version`; false when someone else moved the case first. */
export async function updateSuggestion(
  trx: Transaction<DB>,
  id: number,
  version: number,
  patch: SuggestionPatch,
): Promise<boolean> {
  const r = await trx
    .updateTable('suggestion')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertSigners(trx: Transaction<DB>, rows: readonly SignerRow[]): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('suggestion_signer')
      .values([...rows])
      .execute();
}

export async function setSignerStatus(
  trx: Transaction<DB>,
  suggestionId: number,
  representativeId: number,
  status: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('suggestion_signer')
    .set({ status, answered_at: at })
    .where('suggestion_id', '=', suggestionId)
    .where('representative_id', '=', representativeId)
    .execute();
}

export async function deleteSigner(trx: Transaction<DB>, suggestionId: number, representativeId: number) {
  await trx
    .deleteFrom('suggestion_signer')
    .where('suggestion_id', '=', suggestionId)
    .where('representative_id', '=', representativeId)
    .where('role', '=', 'cosigner')
    .execute();
}

/** Invitations still unanswered when the draft goes in lapse (the co-signer did not sign). */
export async function lapseInvitations(
  trx: Transaction<DB>,
  suggestionId: number,
  at: string,
): Promise<void> {
  await trx
    .updateTable('suggestion_signer')
    .set({ status: 'lapsed', answered_at: at })
    .where('suggestion_id', '=', suggestionId)
    .where('status', '=', 'invited')
    .execute();
}

export async function replaceUnits(
  trx: Transaction<DB>,
  suggestionId: number,
  units: readonly { unitId: number; role: 'lead' | 'co' }[],
  at: string,
): Promise<void> {
  await trx.deleteFrom('suggestion_unit').where('suggestion_id', '=', suggestionId).execute();
  if (units.length === 0) return;
  await trx
    .insertInto('suggestion_unit')
    .values(
      units.map((u) => ({
        suggestion_id: suggestionId,
        unit_id: u.unitId,
        role: u.role,
        assigned_at: at,
        co_opinion: null,
        co_opinion_at: null,
        co_opinion_by_user_id: null,
      })),
    )
    .execute();
}

export async function setCoOpinion(
  trx: Transaction<DB>,
  suggestionId: number,
  unitId: number,
  text: string,
  at: string,
  userId: number | null,
): Promise<void> {
  await trx
    .updateTable('suggestion_unit')
    .set({ co_opinion: text, co_opinion_at: at, co_opinion_by_user_id: userId })
    .where('suggestion_id', '=', suggestionId)
    .where('unit_id', '=', unitId)
    .execute();
}

export async function insertEvents(trx: Transaction<DB>, events: readonly NewEvent[]): Promise<void> {
  if (events.length > 0)
    await trx
      .insertInto('suggestion_event')
      .values([...events])
      .execute();
}

export async function insertContact(trx: Transaction<DB>, row: NewContact): Promise<number> {
  const r = await trx.insertInto('suggestion_contact').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertReply(trx: Transaction<DB>, row: NewReply): Promise<number> {
  const r = await trx.insertInto('suggestion_reply').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The reply in force: the latest original reply of the latest round (corrections are shown beside it). */
export async function currentReply(db: Kysely<DB>, suggestionId: number): Promise<ReplyRow | undefined> {
  return db
    .selectFrom('suggestion_reply')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .where('corrects_reply_id', 'is', null)
    .orderBy('round', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function findReply(db: Kysely<DB>, suggestionId: number, replyId: number) {
  return db
    .selectFrom('suggestion_reply')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .where('id', '=', replyId)
    .executeTakeFirst();
}

export async function insertEvaluation(trx: Transaction<DB>, row: NewEvaluation): Promise<void> {
  await trx.insertInto('suggestion_evaluation').values(row).execute();
}

export async function insertExtension(trx: Transaction<DB>, row: NewExtension): Promise<void> {
  await trx.insertInto('suggestion_extension').values(row).execute();
}

export async function pendingExtension(
  db: Kysely<DB>,
  suggestionId: number,
): Promise<ExtensionRow | undefined> {
  return db
    .selectFrom('suggestion_extension')
    .selectAll()
    .where('suggestion_id', '=', suggestionId)
    .where('decision', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function decideExtension(
  trx: Transaction<DB>,
  id: number,
  d: {
    decision: 'approved' | 'refused';
    at: string;
    by: number | null;
    newDue: string | null;
    note: string | null;
  },
): Promise<void> {
  await trx
    .updateTable('suggestion_extension')
    .set({
      decision: d.decision,
      decided_at: d.at,
      decided_by_user_id: d.by,
      new_due: d.newDue,
      decision_note: d.note,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertCommitments(trx: Transaction<DB>, rows: readonly NewCommitment[]): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('suggestion_commitment')
      .values([...rows])
      .execute();
}

export async function findCommitment(db: Kysely<DB>, id: number): Promise<CommitmentRow | undefined> {
  return db.selectFrom('suggestion_commitment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCommitment(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<Pick<CommitmentRow, 'status' | 'done_at' | 'done_note' | 'updated_at'>>,
): Promise<void> {
  await trx.updateTable('suggestion_commitment').set(patch).where('id', '=', id).execute();
}

export async function insertProgress(trx: Transaction<DB>, row: NewProgress): Promise<void> {
  await trx.insertInto('commitment_progress').values(row).execute();
}

/**
 * The next case number of the congress, session and kind, in the caller's transaction: the
 * counter row is created at 0 when missing, then raised by one. On PostgreSQL the update locks
 * the row until the transaction ends, so concurrent registrations take numbers one after the
 * other; on SQLite there is one writer. A registration that rolls back takes its number back:
 * the numbers stay unique and without gaps.
 */
export async function nextCaseNumber(
  trx: Transaction<DB>,
  congressId: number,
  sessionKey: string,
  kind: string,
): Promise<number> {
  await trx
    .insertInto('suggestion_case_counter')
    .values({ congress_id: congressId, session_key: sessionKey, kind, last_number: 0 })
    .onConflict((oc) => oc.columns(['congress_id', 'session_key', 'kind']).doNothing())
    .execute();
  const r = await trx
    .updateTable('suggestion_case_counter')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('congress_id', '=', congressId)
    .where('session_key', '=', sessionKey)
    .where('kind', '=', kind)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return r.last_number;
}

export async function listRefusalReasons(db: Kysely<DB>, activeOnly: boolean) {
  let q = db.selectFrom('suggestion_refusal_reason').selectAll().orderBy('sort_order').orderBy('code');
  if (activeOnly) q = q.where('active', '=', 1);
  return q.execute();
}

export async function upsertRefusalReason(
  trx: Transaction<DB>,
  r: {
    code: string;
    label_zh: string;
    label_en: string;
    sort_order: number;
    active: number;
    updated_at: string;
  },
): Promise<void> {
  await trx
    .insertInto('suggestion_refusal_reason')
    .values(r)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        label_zh: r.label_zh,
        label_en: r.label_en,
        sort_order: r.sort_order,
        active: r.active,
        updated_at: r.updated_at,
      }),
    )
    .execute();
}

export async function linkOpinions(
  trx: Transaction<DB>,
  suggestionId: number,
  opinionIds: readonly number[],
) {
  if (opinionIds.length === 0) return;
  await trx
    .insertInto('suggestion_opinion')
    .values(opinionIds.map((opinion_id) => ({ suggestion_id: suggestionId, opinion_id })))
    .onConflict((oc) => oc.columns(['suggestion_id', 'opinion_id']).doNothing())
    .execute();
}

/** The congress a case belongs to, with its jurisdiction (a congress above the tree has none: null). */
export async function congressFacts(db: Kysely<DB>, congressId: number): Promise<CongressFacts | undefined> {
  const r = await db
    .selectFrom('congress as c')
    .innerJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
    .select(['c.id', 'c.name', 'c.level', 'c.term_number', 'c.jurisdiction_id', 'j.path'])
    .where('c.id', '=', congressId)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        name: r.name,
        level: r.level,
        termNumber: r.term_number,
        jurisdictionId: r.jurisdiction_id!,
        jurisdictionPath: r.path,
      }
    : undefined;
}

/** Of these representatives, those serving on the congress now: active, with a seat not ended. */
export async function servingOn(
  db: Kysely<DB>,
  congressId: number,
  representativeIds: readonly number[],
): Promise<Set<number>> {
  if (representativeIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('representative_seat as s')
    .innerJoin('representative as r', 'r.id', 's.representative_id')
    .select('r.id')
    .where('s.congress_id', '=', congressId)
    .where('s.ended_on', 'is', null)
    .where('r.status', '=', 'active')
    .where('r.id', 'in', [...new Set(representativeIds)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The congresses a representative serves on now, with their jurisdiction (for the draft form). */
export async function congressesOf(db: Kysely<DB>, representativeId: number) {
  return db
    .selectFrom('representative_seat as s')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .innerJoin('representative as r', 'r.id', 's.representative_id')
    .select(['c.id', 'c.name', 'c.level', 'c.term_number'])
    .where('s.representative_id', '=', representativeId)
    .where('s.ended_on', 'is', null)
    .where('r.status', '=', 'active')
    .where('c.jurisdiction_id', 'is not', null)
    .orderBy('c.id')
    .execute();
}

/** Record an alert once (the primary key refuses a second): true when it is new. */
export async function claimAlert(
  trx: Transaction<DB>,
  suggestionId: number,
  kind: string,
  round: number,
  at: string,
): Promise<boolean> {
  const r = await trx
    .insertInto('suggestion_alert')
    .values({ suggestion_id: suggestionId, kind, round, at })
    .onConflict((oc) => oc.columns(['suggestion_id', 'kind', 'round']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The number of each case's accepted co-signers (for motions' minimum), by case. */
export function acceptedCosigners(signers: readonly SignerRow[]): number {
  return signers.filter((s) => s.role === 'cosigner' && s.status === 'accepted').length;
}

export async function unitName(db: Kysely<DB>, id: number): Promise<string | undefined> {
  return (await db.selectFrom('unit').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export async function opinionIdsOf(db: Kysely<DB>, suggestionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('suggestion_opinion')
    .select('opinion_id')
    .where('suggestion_id', '=', suggestionId)
    .execute();
  return rows.map((r) => r.opinion_id);
}

/** Forget the alerts raised (all, or of some kinds): deadlines that changed alert again. */
export async function clearAlerts(trx: Transaction<DB>, suggestionId: number, kinds?: readonly string[]) {
  let q = trx.deleteFrom('suggestion_alert').where('suggestion_id', '=', suggestionId);
  if (kinds) q = q.where('kind', 'in', [...kinds]);
  await q.execute();
}

export async function insertAttachment(
  trx: Transaction<DB>,
  row: {
    owner_type: string;
    owner_id: number;
    file_name: string | null;
    mime: string;
    size: number;
    sha256: string;
    data: Buffer;
    created_at: string;
  },
): Promise<void> {
  await trx.insertInto('attachment').values(row).execute();
}

export async function isReplyEvaluated(db: Kysely<DB>, replyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('suggestion_evaluation')
    .select('id')
    .where('reply_id', '=', replyId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function amendReplyRow(
  trx: Transaction<DB>,
  replyId: number,
  patch: { body: string; document_number?: string; signer?: string },
): Promise<void> {
  await trx.updateTable('suggestion_reply').set(patch).where('id', '=', replyId).execute();
}
