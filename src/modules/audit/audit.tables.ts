/** Row types of the append-only, hash-chained audit log. */

export interface AuditLogTable {
  /** Position in the chain, assigned under the audit_head lock: 1, 2, 3 … without gaps. */
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  ip: string | null;
  /** e.g. 'auth.login', 'representative.create' */
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  jurisdiction_id: number | null;
  success: number;
  /** JSON text: what changed (never passwords or clear phone numbers). */
  detail: string;
  prev_hash: string;
  /** HMAC-SHA256(key, prev_hash ‖ canonical row): editing or deleting any row breaks the chain. */
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
