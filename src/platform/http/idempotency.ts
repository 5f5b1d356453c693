/**
 * Idempotency keys (DESIGN.md §7: "an acknowledged submission is never lost — crash, restart,
 * double tap"). A client sends the same `Idempotency-Key` header with every retry of one request.
 * The key is stored with a hash of the request and the response IN THE SAME TRANSACTION as the
 * change, so either both exist or neither does:
 *
 * - the same key and body again → the stored response, same status (nothing is written twice);
 * - the same key with another body → 409 CONFLICT (a client bug, never silently merged);
 * - a concurrent duplicate → its insert of the key waits on the first transaction (PostgreSQL's
 *   unique index; SQLite's single writer), then fails once the first commits, and the stored
 *   response is returned; if the first rolled back, the duplicate simply goes ahead.
 *
 * Keys are kept 24 hours (see purgeIdempotencyKeys), longer than any client retries.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from './errors.ts';

export interface IdempotencyKey {
  /** What is stored: `<scope>/<the client's key>`, so two callers' keys never meet. */
  key: string;
  scope: string;
  requestHash: string;
}

/** How long a key answers for its request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** JSON with object keys sorted, so the same request hashes the same whatever order its fields came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The key of a request from its header, or null when none was sent and none is required.
 * `scope` separates callers (e.g. 'public.opinion', 'opinions.intake/u12').
 */
export function readIdempotencyKey(
  header: string | string[] | undefined,
  scope: string,
  body: unknown,
  required: boolean,
): IdempotencyKey | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') {
    if (!required) return null;
    throw new AppError('BAD_REQUEST', {
      zh: '缺少 Idempotency-Key 请求头：请由页面为每份表单生成一个唯一编号（如 UUID），重试时沿用',
      en: 'The Idempotency-Key header is required: send one unique value (e.g. a UUID) per form, and the same one on retries',
    });
  }
  if (!KEY_PATTERN.test(value)) {
    throw new AppError('BAD_REQUEST', {
      zh: 'Idempotency-Key 须为 8–64 位字母、数字、横线或下划线',
      en: 'Idempotency-Key must be 8–64 letters, digits, dashes or underscores',
    });
  }
  return {
    key: `${scope}/${value}`,
    scope,
    requestHash: createHash('sha256').update(canonicalJson(body)).digest('hex'),
  };
}

/** Store the response of the request in the transaction that makes its change. */
export async function rememberResponse(
  trx: Transaction<DB>,
  key: IdempotencyKey,
  status: number,
  response: unknown,
  now: string,
): Promise<void> {
  await rememberResponses(trx, [{ key, status, response }], now);
}

/** Store the responses of several requests written in one transaction, in one statement. */
export async function rememberResponses(
  trx: Transaction<DB>,
  entries: readonly { key: IdempotencyKey; status: number; response: unknown }[],
  now: string,
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('idempotency_key')
    .values(
      entries.map(({ key, status, response }) => ({
        key: key.key,
        scope: key.scope,
        request_hash: key.requestHash,
        status_code: status,
        response: JSON.stringify(response),
        created_at: now,
      })),
    )
    .execute();
}

export interface Replayed<T> {
  status: number;
  body: T;
}

/** The stored response of a key; CONFLICT when the key was used for a different request. */
async function storedResponse<T>(db: Kysely<DB>, key: IdempotencyKey): Promise<Replayed<T> | undefined> {
  const row = await db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'status_code', 'response'])
    .where('key', '=', key.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== key.requestHash) {
    throw new AppError('CONFLICT', {
      zh: '该 Idempotency-Key 已用于另一份内容不同的提交；新的提交请使用新的编号',
      en: 'This Idempotency-Key was already used for a different request; use a new key for a new request',
    });
  }
  return { status: row.status_code, body: JSON.parse(row.response) as T };
}

/**
 * Run a write that calls `rememberResponse` inside its transaction. When that insert collides
 * with a stored key (a retry, or a concurrent double tap), answer with the stored response.
 */
export async function withIdempotency<T>(
  db: Kysely<DB>,
  key: IdempotencyKey | null,
  write: () => Promise<Replayed<T>>,
): Promise<Replayed<T> & { replayed: boolean }> {
  try {
    return { ...(await write()), replayed: false };
  } catch (err) {
    if (key && isUniqueViolation(err)) {
      const stored = await storedResponse<T>(db, key);
      if (stored) return { ...stored, replayed: true };
    }
    throw err;
  }
}

/** Forget keys older than the TTL; returns how many went. */
export async function purgeIdempotencyKeys(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_key')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
