/** Storage of the audit log. Appends lock the single audit_head row so the chain never forks. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DialectName } from '../../platform/db/database.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import type { AuditRow } from './audit.domain.ts';

/** Read and lock the head of the chain for the rest of the transaction. */
export async function lockHead(
  trx: Transaction<DB>,
  dialect: DialectName,
): Promise<{ seq: number; hash: string }> {
  let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  // SQLite has one writer at a time, so the transaction already holds the lock.
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

/** Append rows already chained onto the head (in order), and move the head to the last. */
export async function appendRows(trx: Transaction<DB>, rows: readonly AuditRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  await trx
    .insertInto('audit_log')
    .values([...rows])
    .execute();
  await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
}

export async function readHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Rows with seq > afterSeq in chain order, at most `limit`. */
export async function readRun(db: Kysely<DB>, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  success?: boolean;
  ip?: string;
}

export async function findRows(
  db: Kysely<DB>,
  scope: Scope | null,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log');
  // A null scope means every row, including those tied to no jurisdiction (failed log-ins of unknown names).
  if (scope) q = q.where(inScope(scope, 'audit_log.jurisdiction_id'));
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.actor) q = q.where('actor_username', '=', filter.actor);
  if (filter.action) q = q.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '')}%`);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.success !== undefined) q = q.where('success', '=', filter.success ? 1 : 0);
  if (filter.ip) q = q.where('ip', '=', filter.ip);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
