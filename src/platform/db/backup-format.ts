/**
 * The shared vocabulary of backup and restore (see backup.ts): formats, the logical header,
 * refusals, and the checks both formats make.
 */
import { open } from 'node:fs/promises';
import type { AppContext } from '../context.ts';
import { countRows, describeTables, type TableInfo } from './catalog.ts';
import type { Database } from './database.ts';

export type BackupFormat = 'sqlite' | 'logical';

export type BackupProblem =
  'NOT_EMPTY' | 'MIGRATION_MISMATCH' | 'SECRET_MISMATCH' | 'CORRUPT' | 'WRONG_ENGINE' | 'UNKNOWN_FORMAT';

/** A refusal with a reason an operator can act on, in both languages. */
export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    readonly zh: string,
    en: string,
  ) {
    super(en);
    this.name = 'BackupError';
  }
}

export const LOGICAL_FORMAT = 'liaison-logical-backup';
export const LOGICAL_VERSION = 1;

export interface LogicalHeader {
  format: typeof LOGICAL_FORMAT;
  version: number;
  /** The newest migration applied to the database the backup was taken from. */
  migration: string | null;
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  /** A keyed hash of a constant: equal only under the same LIAISON_SECRET (reveals nothing about it). */
  keyCheck: string;
  tables: Record<string, number>;
}

export interface RestoreReport {
  format: BackupFormat;
  migration: string;
  tables: Record<string, number>;
  /** The data file that was replaced, kept aside (SQLite format, --yes). */
  previousFile?: string;
}

/**
 * Tables whose first rows come from the migrations themselves (the category list, the audit
 * chain's head): a freshly migrated database has them, and a restore replaces them.
 */
export const MIGRATION_SEEDED_TABLES = [
  'category',
  'audit_head',
  'suggestion_refusal_reason',
  'activity_type',
];

const KEY_CHECK_TEXT = 'liaison/backup-key-check/v1';

export function keyCheck(ctx: Pick<AppContext, 'cipher'>): string {
  return ctx.cipher.blindIndex(KEY_CHECK_TEXT);
}

/** True when no table holds rows beyond what the migrations put there. */
export async function isDatabaseEmpty(database: Database, tables?: TableInfo[]): Promise<boolean> {
  for (const t of tables ?? (await describeTables(database))) {
    if (MIGRATION_SEEDED_TABLES.includes(t.name)) continue;
    if ((await countRows(database.db as never, t.name)) > 0) return false;
  }
  return true;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Tell the formats apart by their first bytes. */
export async function detectBackupFormat(file: string): Promise<BackupFormat> {
  const handle = await open(file, 'r').catch((err: unknown) => {
    throw new BackupError(
      'UNKNOWN_FORMAT',
      `无法打开备份文件：${String(err)}`,
      `Cannot open the backup file: ${String(err)}`,
    );
  });
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    if (bytesRead === 16 && head.equals(SQLITE_MAGIC)) return 'sqlite';
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'logical';
    throw new BackupError(
      'UNKNOWN_FORMAT',
      '这不是联络系统的备份文件',
      'This is not a Liaison backup (neither a SQLite file nor a gzipped logical dump)',
    );
  } finally {
    await handle.close();
  }
}

export function notEmptyError(): BackupError {
  return new BackupError(
    'NOT_EMPTY',
    '目标数据库已有数据。请恢复到新建的空数据库，或加 --yes 用备份替换现有数据',
    'The target database already holds data. Restore into a new, empty database, or add --yes to replace its contents with the backup',
  );
}

export function migrationMismatch(backup: string | null, build: string): BackupError {
  return new BackupError(
    'MIGRATION_MISMATCH',
    `备份的数据库版本（${backup ?? '无'}）与本程序（${build}）不一致，请用相同版本的联络系统恢复后再升级`,
    `The backup is at migration ${backup ?? '(none)'} but this build is at ${build}: restore it with the matching version of Liaison, then upgrade`,
  );
}

export function secretMismatch(): BackupError {
  return new BackupError(
    'SECRET_MISMATCH',
    '备份是在另一个 LIAISON_SECRET 下写入的：加密的手机号无法解密，审计链无法校验。请设置与备份时相同的 LIAISON_SECRET（或 data/secret.key）',
    'The backup was written under a different LIAISON_SECRET: its encrypted phone numbers could not be read and its audit chain would not verify. Set the same LIAISON_SECRET (or data/secret.key) as when it was made',
  );
}

export function corrupt(detail: string): BackupError {
  return new BackupError('CORRUPT', `备份文件已损坏：${detail}`, `The backup file is damaged: ${detail}`);
}
