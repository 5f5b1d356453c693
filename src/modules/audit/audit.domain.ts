/** The audit chain: how a row's hash is computed, and how a run of rows is verified. Pure. */
import { createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  jurisdiction_id: number | null;
  success: number;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** HMAC-SHA256 over the previous hash and every field of the row, in a fixed order. */
export function computeAuditHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.seq,
    row.at,
    row.actor_user_id,
    row.actor_username,
    row.ip,
    row.action,
    row.entity_type,
    row.entity_id,
    row.jurisdiction_id,
    row.success,
    row.detail,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export type ChainBreak =
  | { kind: 'gap'; expectedSeq: number; foundSeq: number }
  | { kind: 'link'; seq: number }
  | { kind: 'hash'; seq: number };

/**
 * Check consecutive rows starting after `prev` (seq and hash of the row before the first one).
 * Returns the first break, or null when every row links and hashes correctly.
 */
export function verifyRun(
  key: Buffer,
  rows: readonly AuditRow[],
  prev: { seq: number; hash: string },
): { ok: true; last: { seq: number; hash: string } } | { ok: false; problem: ChainBreak } {
  let last = prev;
  for (const row of rows) {
    if (row.seq !== last.seq + 1)
      return { ok: false, problem: { kind: 'gap', expectedSeq: last.seq + 1, foundSeq: row.seq } };
    if (row.prev_hash !== last.hash) return { ok: false, problem: { kind: 'link', seq: row.seq } };
    const { hash, ...rest } = row;
    if (computeAuditHash(key, rest) !== hash) return { ok: false, problem: { kind: 'hash', seq: row.seq } };
    last = { seq: row.seq, hash };
  }
  return { ok: true, last };
}
