/**
 * Writes the demo's suggestions, in the transaction of the rest of the demo (demo.repo.ts). The
 * cases go in first, so that the opinions converted into them can point at their ids
 * ('suggestion:<id>'); then, once the opinions have theirs, everything around the cases: signers,
 * units, the event log (a merge's note names the merged case's id), contacts, replies with their
 * evaluations and commitments (and the commitments' progress), extension requests, the
 * scheduler's alerts, the case-number counters and the links to the opinions.
 *
 * Ids come back with RETURNING and are matched by a value unique in the batch — a case's
 * created_at (unique by construction: suggestions.generate.ts), a reply's instant within its case,
 * a commitment's text within its reply — since neither engine promises RETURNING in VALUES order.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoData } from './demo.types.ts';
import type { DemoSuggestion } from './suggestions.types.ts';

/** Bound parameters per INSERT: under SQLite's 32 766 (and PostgreSQL's 65 535). */
const MAX_PARAMETERS = 30_000;

/** The ids the rest of the demo was given, by business key. */
export interface DemoIds {
  jurisdictions: Map<string, number>;
  congresses: Map<string, number>;
  representatives: Map<string, number>;
  units: Map<string, number>;
  users: Map<string, number>;
}

function lookup(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo data refers to unknown ${what} ${key}`);
  return id;
}

const optional = (map: Map<string, number>, key: string | null, what: string) =>
  key === null ? null : lookup(map, key, what);

export async function insertChunks<T extends keyof DB & string, R>(
  trx: Transaction<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
  returning: readonly string[] | null,
): Promise<R[]> {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const chunk = Math.max(1, Math.min(2_000, Math.floor(MAX_PARAMETERS / columns)));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const q = (trx as unknown as Kysely<any>).insertInto(table).values(rows.slice(i, i + chunk));
    if (returning) out.push(...((await q.returning([...returning]).execute()) as R[]));
    else await q.execute();
  }
  return out;
}

/** The cases themselves; returns suggestion key → id. */
export async function insertSuggestionRows(
  trx: Transaction<DB>,
  data: DemoData,
  ids: DemoIds,
): Promise<Map<string, number>> {
  const byCreated = new Map<string, string>();
  for (const s of data.suggestions) {
    if (byCreated.has(s.createdAt)) throw new Error(`two demo suggestions created at ${s.createdAt}`);
    byCreated.set(s.createdAt, s.key);
  }
  const rows = data.suggestions.map((s): Insertable<DB['suggestion']> => ({
    ...s.facts,
    version: s.version,
    congress_id: lookup(ids.congresses, s.congressCode, 'congress'),
    jurisdiction_id: lookup(ids.jurisdictions, s.jurisdictionCode, 'jurisdiction'),
    lead_representative_id: lookup(ids.representatives, s.leadRepresentativeCode, 'representative'),
    created_by_user_id: optional(ids.users, s.createdByUsername, 'user'),
    // Set below, once the case it was merged into has its id.
    merged_into_id: null,
    supervisor_user_id: optional(ids.users, s.supervisorUsername, 'user'),
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  }));
  const out = await insertChunks<'suggestion', { id: number; created_at: string }>(trx, 'suggestion', rows, [
    'id',
    'created_at',
  ]);
  const sids = new Map<string, number>();
  for (const r of out) sids.set(byCreated.get(new Date(r.created_at).toISOString())!, r.id);
  for (const s of data.suggestions) {
    if (s.mergedIntoKey === null) continue;
    await trx
      .updateTable('suggestion')
      .set({ merged_into_id: lookup(sids, s.mergedIntoKey, 'suggestion') })
      .where('id', '=', lookup(sids, s.key, 'suggestion'))
      .execute();
  }
  return sids;
}

/** Everything around the cases (after the opinions, whose ids the links need). */
export async function insertSuggestionRecords(
  trx: Transaction<DB>,
  data: DemoData,
  ids: DemoIds,
  sids: Map<string, number>,
  opinions: Map<string, number>,
): Promise<void> {
  const user = (u: string | null) => optional(ids.users, u, 'user');
  const unit = (u: string) => lookup(ids.units, u, 'unit');
  const sid = (key: string) => lookup(sids, key, 'suggestion');
  const all = data.suggestions;

  await insertChunks(
    trx,
    'suggestion_signer',
    all.flatMap((s) =>
      s.signers.map((x) => ({
        suggestion_id: sid(s.key),
        representative_id: lookup(ids.representatives, x.representativeCode, 'representative'),
        role: x.role,
        status: x.status,
        origin_suggestion_id: x.originKey === null ? null : sid(x.originKey),
        invited_at: x.invitedAt,
        answered_at: x.answeredAt,
      })),
    ),
    null,
  );
  await insertChunks(
    trx,
    'suggestion_unit',
    all.flatMap((s) =>
      s.units.map((u) => ({
        suggestion_id: sid(s.key),
        unit_id: unit(u.unitCode),
        role: u.role,
        assigned_at: u.assignedAt,
        co_opinion: u.coOpinion,
        co_opinion_at: u.coOpinionAt,
        co_opinion_by_user_id: user(u.coOpinionByUsername),
      })),
    ),
    null,
  );
  await insertChunks(
    trx,
    'suggestion_event',
    all.flatMap((s) =>
      s.events.map((e) => ({
        suggestion_id: sid(s.key),
        at: e.at,
        action: e.action,
        from_status: e.from,
        to_status: e.to,
        actor_kind: e.actorKind,
        actor_user_id: user(e.actorUsername),
        actor_name: e.actorName,
        unit_id: e.unitCode === null ? null : unit(e.unitCode),
        note: e.refKey === null || e.note === null ? e.note : e.note.replace('#{ref}', `#${sid(e.refKey)}`),
      })),
    ),
    null,
  );
  await insertChunks(
    trx,
    'suggestion_contact',
    all.flatMap((s) =>
      s.contacts.map((c) => ({
        suggestion_id: sid(s.key),
        unit_id: unit(c.unitCode),
        round: c.round,
        contacted_on: c.contactedOn,
        means: c.means,
        summary: c.summary,
        created_by_user_id: user(c.createdByUsername),
        created_at: c.createdAt,
      })),
    ),
    null,
  );
  await insertReplies(trx, all, ids, sid);
  await insertChunks(
    trx,
    'suggestion_extension',
    all.flatMap((s) =>
      s.extensions.map((x) => ({
        suggestion_id: sid(s.key),
        requested_at: x.requestedAt,
        requested_due: x.requestedDue,
        reason: x.reason,
        requested_by_user_id: user(x.requestedByUsername),
        decision: x.decision,
        decided_at: x.decidedAt,
        decided_by_user_id: user(x.decidedByUsername),
        new_due: x.newDue,
        decision_note: x.decisionNote,
      })),
    ),
    null,
  );
  await insertChunks(
    trx,
    'suggestion_alert',
    all.flatMap((s) =>
      s.alerts.map((a) => ({ suggestion_id: sid(s.key), kind: a.kind, round: a.round, at: a.at })),
    ),
    null,
  );
  await insertChunks(
    trx,
    'suggestion_case_counter',
    data.suggestionCounters.map((c) => ({
      congress_id: lookup(ids.congresses, c.congressCode, 'congress'),
      session_key: c.sessionKey,
      kind: c.kind,
      last_number: c.lastNumber,
    })),
    null,
  );
  await insertChunks(
    trx,
    'suggestion_opinion',
    all.flatMap((s) =>
      s.opinionTrackingCodes.map((code) => ({
        suggestion_id: sid(s.key),
        opinion_id: lookup(opinions, code, 'opinion'),
      })),
    ),
    null,
  );
}

/** Replies, then the evaluations and commitments that name them, then the commitments' progress. */
async function insertReplies(
  trx: Transaction<DB>,
  all: readonly DemoSuggestion[],
  ids: DemoIds,
  sid: (key: string) => number,
): Promise<void> {
  const user = (u: string | null) => optional(ids.users, u, 'user');
  const unit = (u: string) => lookup(ids.units, u, 'unit');
  const replied = await insertChunks<
    'suggestion_reply',
    { id: number; suggestion_id: number; replied_at: string }
  >(
    trx,
    'suggestion_reply',
    all.flatMap((s) =>
      s.replies.map((r) => ({
        suggestion_id: sid(s.key),
        round: r.round,
        unit_id: unit(r.unitCode),
        reply_class: r.replyClass,
        document_number: r.documentNumber,
        signer: r.signer,
        body: r.body,
        replied_at: r.repliedAt,
        on_time: r.onTime ? 1 : 0,
        corrects_reply_id: null,
        created_by_user_id: user(r.createdByUsername),
      })),
    ),
    ['id', 'suggestion_id', 'replied_at'],
  );
  const replyIds = new Map(
    replied.map((r) => [`${r.suggestion_id}|${new Date(r.replied_at).toISOString()}`, r.id]),
  );
  const replyId = (s: DemoSuggestion, index: number) =>
    lookup(replyIds, `${sid(s.key)}|${s.replies[index]!.repliedAt}`, 'reply');
  await insertChunks(
    trx,
    'suggestion_evaluation',
    all.flatMap((s) =>
      s.evaluations.map((e) => ({
        suggestion_id: sid(s.key),
        reply_id: replyId(s, e.replyIndex),
        round: e.round,
        representative_id: lookup(ids.representatives, e.representativeCode, 'representative'),
        attitude: e.attitude,
        result: e.result,
        comment: e.comment,
        at: e.at,
      })),
    ),
    null,
  );
  const commitments = all.flatMap((s) =>
    s.commitments.map((c) => ({
      key: `${replyId(s, c.replyIndex)}|${c.content}`,
      c,
      row: {
        suggestion_id: sid(s.key),
        reply_id: replyId(s, c.replyIndex),
        unit_id: unit(c.unitCode),
        jurisdiction_id: lookup(ids.jurisdictions, s.jurisdictionCode, 'jurisdiction'),
        content: c.content,
        due_date: c.dueDate,
        status: c.status,
        done_at: c.doneAt,
        done_note: c.doneNote,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      },
    })),
  );
  if (new Set(commitments.map((x) => x.key)).size !== commitments.length)
    throw new Error('two demo commitments of one reply say the same');
  const made = await insertChunks<'suggestion_commitment', { id: number; reply_id: number; content: string }>(
    trx,
    'suggestion_commitment',
    commitments.map((x) => x.row),
    ['id', 'reply_id', 'content'],
  );
  const commitmentIds = new Map(made.map((m) => [`${m.reply_id}|${m.content}`, m.id]));
  await insertChunks(
    trx,
    'commitment_progress',
    commitments.flatMap(({ key, c }) =>
      c.progress.map((p) => ({
        commitment_id: lookup(commitmentIds, key, 'commitment'),
        year: p.year,
        note: p.note,
        at: p.at,
        by_user_id: user(p.byUsername),
      })),
    ),
    null,
  );
}
