/**
 * Writing and reading the audit log. Every write in the system records its audit row inside the
 * same transaction as the change (so neither exists without the other); log-ins and refusals are
 * recorded on their own.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { deriveKey } from '../../platform/crypto.ts';
import type { DB } from '../../platform/db/schema.ts';
import { scopeOf, type Scope } from '../../platform/db/scope.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { computeAuditHash, GENESIS_HASH, verifyRun, type AuditRow, type ChainBreak } from './audit.domain.ts';
import * as repo from './audit.repo.ts';

export interface AuditEntry {
  /** Dotted verb, e.g. 'representative.create', 'auth.login'. */
  action: string;
  entityType?: string;
  entityId?: string | number;
  jurisdictionId?: number | null;
  success?: boolean;
  /** What changed. Never passwords or clear phone numbers. */
  detail?: Record<string, unknown>;
}

const keys = new WeakMap<Buffer, Buffer>();
function auditKey(ctx: AppContext): Buffer {
  let key = keys.get(ctx.config.secretKey);
  if (!key) {
    key = deriveKey(ctx.config.secretKey, 'audit-chain');
    keys.set(ctx.config.secretKey, key);
  }
  return key;
}

/** Append to the chain inside the caller's transaction. */
export async function recordAudit(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(ctx, trx, [{ actor, entry }]);
}

/**
 * Append several entries to the chain, in order, inside the caller's transaction: the head is
 * read and locked once, the rows chained here and written in one statement.
 */
export async function recordAudits(
  ctx: AppContext,
  trx: Transaction<DB>,
  entries: readonly { actor: Actor; entry: AuditEntry }[],
): Promise<void> {
  if (entries.length === 0) return;
  let head = await repo.lockHead(trx, ctx.database.dialect);
  const at = ctx.clock.now().toISOString();
  const rows: AuditRow[] = entries.map(({ actor, entry }) => {
    const row: Omit<AuditRow, 'hash'> = {
      seq: head.seq + 1,
      at,
      actor_user_id: actor.userId,
      actor_username: actor.username,
      ip: actor.ip,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId === undefined ? null : String(entry.entityId),
      jurisdiction_id: entry.jurisdictionId === undefined ? actor.jurisdictionId : entry.jurisdictionId,
      success: entry.success === false ? 0 : 1,
      detail: JSON.stringify(entry.detail ?? {}),
      prev_hash: head.hash,
    };
    const chained = { ...row, hash: computeAuditHash(auditKey(ctx), row) };
    head = { seq: chained.seq, hash: chained.hash };
    return chained;
  });
  await repo.appendRows(trx, rows);
}

/** Append in a transaction of its own (log-ins, refusals: events that change nothing else). */
export async function recordAuditAlone(ctx: AppContext, actor: Actor, entry: AuditEntry): Promise<void> {
  await ctx.database.db.transaction().execute((trx) => recordAudit(ctx, trx, actor, entry));
}

/**
 * Run `change` and its audit row in one transaction. The change returns its result and the
 * audit entry describing it; if either fails, neither is kept.
 */
export async function auditedWrite<T>(
  ctx: AppContext,
  actor: Actor,
  change: (trx: Transaction<DB>) => Promise<{ result: T; audit: AuditEntry }>,
): Promise<T> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const { result, audit } = await change(trx);
    await recordAudit(ctx, trx, actor, audit);
    return result;
  });
}

export interface AuditView {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  jurisdictionId: number | null;
  success: boolean;
  detail: Record<string, unknown>;
  hash: string;
}

function toView(row: AuditRow): AuditView {
  return {
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    ip: row.ip,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    jurisdictionId: row.jurisdiction_id,
    success: row.success === 1,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  };
}

/**
 * The rows an audit administrator reviews: those of their jurisdiction's sub-tree; an auditor of
 * a root jurisdiction (the whole deployment) also sees events tied to no jurisdiction, such as
 * failed sign-ins with unknown user names.
 */
export function auditScopeOf(actor: Actor): Scope | null {
  const isRoot = actor.jurisdictionPath.split('/').filter(Boolean).length <= 1;
  return isRoot ? null : scopeOf(actor);
}

export async function searchAudit(
  ctx: AppContext,
  scope: Scope | null,
  filter: repo.AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AuditView[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await repo.findRows(ctx.database.db, scope, filter, page, pageSize);
  return { items: rows.map(toView), total, page, pageSize };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  problem?: ChainBreak | { kind: 'head'; seq: number };
}

/** Walk the whole chain in batches and compare its end with the head. */
export async function verifyAuditChain(ctx: AppContext, batchSize = 5000): Promise<ChainReport> {
  const db = ctx.database.db;
  const head = await repo.readHead(db);
  let prev = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await repo.readRun(db, prev.seq, batchSize);
    if (rows.length === 0) break;
    const result = verifyRun(auditKey(ctx), rows, prev);
    if (!result.ok) return { ok: false, checked, headSeq: head.seq, problem: result.problem };
    checked += rows.length;
    prev = result.last;
  }
  if (prev.seq !== head.seq || prev.hash !== head.hash) {
    return { ok: false, checked, headSeq: head.seq, problem: { kind: 'head', seq: prev.seq } };
  }
  return { ok: true, checked, headSeq: head.seq };
}
