/**
 * The logical format (see backup.ts): every table as gzipped JSON lines, read in one snapshot and
 * restored in one transaction, on either engine.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import { verifyAuditChain } from '../../modules/audit/audit.service.ts';
import type { AppContext } from '../context.ts';
import {
  BackupError,
  corrupt,
  isDatabaseEmpty,
  keyCheck,
  LOGICAL_FORMAT,
  LOGICAL_VERSION,
  migrationMismatch,
  notEmptyError,
  secretMismatch,
  type LogicalHeader,
  type RestoreReport,
} from './backup-format.ts';
import { appliedMigration, countRows, deferredColumns, describeTables, type TableInfo } from './catalog.ts';
import type { Database } from './database.ts';
import { latestMigrationName } from './migrator.ts';
import type { DB } from './schema.ts';

const READ_BATCH = 2000;
/** Bound parameters per INSERT, under SQLite's 32 766 and PostgreSQL's 65 535. */
const MAX_PARAMS = 30_000;

const loose = (db: Kysely<DB> | Transaction<DB>) => db as unknown as Kysely<any>;

/** JSON has no bytes: binary values travel as {"$base64": …}. */
function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (!Array.isArray(value) && Object.keys(record).length === 1 && typeof record.$base64 === 'string') {
    return Buffer.from(record.$base64, 'base64');
  }
  // A JSON column read back as an object by the PostgreSQL driver: written as text, which both engines accept.
  return JSON.stringify(value);
}

/** The rows of a table in primary-key order, a batch at a time (keyset paging: no OFFSET scans). */
async function* readRows(db: Kysely<any>, table: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  if (table.primaryKey.length === 0) {
    let q = db.selectFrom(table.name).select(table.columns);
    for (const c of order) q = q.orderBy(c);
    yield await q.execute();
    return;
  }
  let last: unknown[] | null = null;
  for (;;) {
    let q = db.selectFrom(table.name).select(table.columns);
    if (last) {
      const after = last;
      q = q.where(sql<boolean>`(${sql.join(order.map((c) => sql.ref(c)))}) > (${sql.join(after)})`);
    }
    for (const c of order) q = q.orderBy(c);
    const rows = (await q.limit(READ_BATCH).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < READ_BATCH) return;
    const end = rows[rows.length - 1]!;
    last = order.map((c) => end[c]);
  }
}

/** Run `read` in one consistent snapshot of the database. */
async function inSnapshot<T>(database: Database, read: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (database.dialect === 'postgres') {
    return database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(read);
  }
  // SQLite in WAL mode: a transaction's reads all see the snapshot taken at its first read.
  return database.db.transaction().execute(read);
}

/**
 * Write a logical backup of the whole database to `file` (gzipped JSON lines). The file appears
 * only when complete: it is written under a temporary name and renamed at the end.
 */
export async function backupLogical(ctx: AppContext, file: string): Promise<LogicalHeader> {
  const database = ctx.database;
  const tables = await describeTables(database);
  const migration = await appliedMigration(database);
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipelineAsync(gzip, createWriteStream(partial));
  const writeLine = async (value: unknown): Promise<void> => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const header = await inSnapshot(database, async (trx) => {
      const counts: Record<string, number> = {};
      for (const t of tables) counts[t.name] = await countRows(loose(trx), t.name);
      const h: LogicalHeader = {
        format: LOGICAL_FORMAT,
        version: LOGICAL_VERSION,
        migration,
        dialect: database.dialect,
        createdAt: ctx.clock.now().toISOString(),
        keyCheck: keyCheck(ctx),
        tables: counts,
      };
      await writeLine(h);
      for (const t of tables) {
        await writeLine({ table: t.name, columns: t.columns });
        for await (const rows of readRows(loose(trx), t)) {
          for (const row of rows) await writeLine(t.columns.map((c) => encodeValue(row[c])));
        }
      }
      await writeLine({ end: true });
      return h;
    });
    gzip.end();
    await written;
    await rename(partial, file);
    return header;
  } catch (err) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
}

/** The lines of a gzipped file; a damaged or truncated file makes the iteration throw. */
async function* gzipLines(file: string): AsyncGenerator<string> {
  const gunzip = pipeline(createReadStream(file), createGunzip(), () => undefined);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const parts = (rest + decoder.write(chunk)).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    gunzip.destroy();
  }
}

function parseLine(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw corrupt(`line ${lineNo} is not JSON`);
  }
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** gzip damage: bad data, bad checksum, or a file cut short. */
function isZlibError(err: unknown): boolean {
  const code = errorCode(err);
  return code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/**
 * Rows that do not fit the schema (a missing parent, a duplicate key, a value of the wrong kind):
 * in a file that passed its header checks, that means damage. SQLite constraint and type errors;
 * PostgreSQL classes 22 (data exception) and 23 (integrity constraint violation).
 */
function isDataError(err: unknown): boolean {
  const code = errorCode(err);
  return (
    code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || /^2[23][0-9A-Z]{3}$/.test(code)
  );
}

function checkHeader(ctx: AppContext, value: unknown): LogicalHeader {
  const h = value as Partial<LogicalHeader> | null;
  if (
    !h ||
    typeof h !== 'object' ||
    h.format !== LOGICAL_FORMAT ||
    typeof h.tables !== 'object' ||
    h.tables === null
  ) {
    throw corrupt('the header is missing');
  }
  if (h.version !== LOGICAL_VERSION) {
    throw new BackupError(
      'UNKNOWN_FORMAT',
      `不支持的备份格式版本 ${String(h.version)}`,
      `Unsupported backup format version ${String(h.version)}`,
    );
  }
  if (h.migration !== latestMigrationName())
    throw migrationMismatch(h.migration ?? null, latestMigrationName());
  if (h.keyCheck !== keyCheck(ctx)) throw secretMismatch();
  return h as LogicalHeader;
}

/**
 * Writes the sections of a logical backup into one transaction: rows are inserted in batches as
 * they stream in; references to rows not inserted yet (a jurisdiction's parent, later tables) go
 * in as null and are set once everything is in.
 */
class Loader {
  private table: TableInfo | null = null;
  private columns: string[] = [];
  private deferred: string[] = [];
  private rows: Record<string, unknown>[] = [];
  private readonly done = new Set<string>();
  private readonly later: { table: TableInfo; key: Record<string, unknown>; set: Record<string, unknown> }[] =
    [];
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly db: Kysely<any>,
    private readonly tables: ReadonlyMap<string, TableInfo>,
  ) {}

  async begin(name: string, columns: string[]): Promise<void> {
    await this.close();
    const table = this.tables.get(name);
    if (!table) throw corrupt(`unknown table ${name}`);
    if (this.done.has(name)) throw corrupt(`table ${name} appears twice`);
    const unknown = columns.filter((c) => !table.columns.includes(c));
    if (unknown.length > 0)
      throw corrupt(`${name} has columns this build does not know: ${unknown.join(', ')}`);
    this.table = table;
    this.columns = columns;
    this.deferred = deferredColumns(table, this.done);
    this.counts[name] = 0;
  }

  async row(values: unknown[], lineNo: number): Promise<void> {
    const table = this.table;
    if (!table) throw corrupt(`row outside a table (line ${lineNo})`);
    if (values.length !== this.columns.length) {
      throw corrupt(`line ${lineNo} has ${values.length} values for ${this.columns.length} columns`);
    }
    const row: Record<string, unknown> = {};
    const set: Record<string, unknown> = {};
    this.columns.forEach((c, i) => {
      const v = decodeValue(values[i]);
      const defer = v !== null && this.deferred.includes(c);
      if (defer) set[c] = v;
      row[c] = defer ? null : v;
    });
    if (Object.keys(set).length > 0) {
      if (table.primaryKey.length === 0)
        throw corrupt(`${table.name} refers to itself but has no primary key`);
      this.later.push({ table, key: Object.fromEntries(table.primaryKey.map((k) => [k, row[k]])), set });
    }
    this.rows.push(row);
    this.counts[table.name] = (this.counts[table.name] ?? 0) + 1;
    if (this.rows.length >= READ_BATCH) await this.flush();
  }

  /** After the end marker: the last batch, then the deferred references. */
  async finish(): Promise<void> {
    await this.close();
    for (const u of this.later) {
      let q = this.db.updateTable(u.table.name).set(u.set);
      for (const [k, v] of Object.entries(u.key)) q = q.where(k, '=', v);
      await q.execute();
    }
  }

  private async flush(): Promise<void> {
    if (!this.table || this.rows.length === 0) return;
    const chunk = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, this.columns.length)));
    for (let i = 0; i < this.rows.length; i += chunk) {
      await this.db
        .insertInto(this.table.name)
        .values(this.rows.slice(i, i + chunk))
        .execute();
    }
    this.rows = [];
  }

  private async close(): Promise<void> {
    await this.flush();
    if (this.table) this.done.add(this.table.name);
    this.table = null;
  }
}

/** Rows came with their ids: move each identity sequence past the largest, or the next insert collides. */
async function resetSequences(trx: Transaction<DB>, tables: readonly TableInfo[]): Promise<void> {
  for (const t of tables) {
    if (!t.identity) continue;
    const id = sql.ref(t.identity);
    await sql`select setval(pg_get_serial_sequence(${t.name}, ${t.identity}), coalesce(max(${id}), 0) + 1, false)
      from ${sql.table(t.name)}`.execute(trx);
  }
}

/** Stream the lines after the header into the loader; returns when the end marker is reached. */
async function load(loader: Loader, lines: AsyncIterable<string>): Promise<void> {
  let lineNo = 1;
  let ended = false;
  for await (const line of lines) {
    lineNo += 1;
    if (line === '') continue;
    if (ended) throw corrupt(`data after the end marker (line ${lineNo})`);
    const item = parseLine(line, lineNo);
    if (Array.isArray(item)) {
      await loader.row(item, lineNo);
    } else if (item && typeof item === 'object' && 'table' in item) {
      const section = item as { table: string; columns: string[] };
      await loader.begin(section.table, section.columns);
    } else if (item && typeof item === 'object' && (item as { end?: unknown }).end === true) {
      await loader.finish();
      ended = true;
    } else {
      throw corrupt(`unexpected content on line ${lineNo}`);
    }
  }
  if (!ended) throw corrupt('the file ends early (no end marker)');
}

/**
 * Restore a logical backup into the context's database, which must be migrated to this build's
 * version and empty — or, with `replace`, is emptied inside the same transaction, so a failed
 * restore leaves the old data as it was.
 */
export async function restoreLogical(
  ctx: AppContext,
  file: string,
  opts: { replace: boolean },
): Promise<RestoreReport> {
  const database = ctx.database;
  const build = latestMigrationName();
  const target = await appliedMigration(database);
  if (target !== build) throw migrationMismatch(target, build);
  const lines = gzipLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw corrupt('the file is empty');
    const header = checkHeader(ctx, parseLine(first.value, 1));
    const tables = await describeTables(database);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const missing = Object.keys(header.tables).filter((name) => !byName.has(name));
    if (missing.length > 0) throw corrupt(`tables unknown to this build: ${missing.join(', ')}`);
    if (!opts.replace && !(await isDatabaseEmpty(database, tables))) throw notEmptyError();

    const counts = await database.db.transaction().execute(async (trx) => {
      // Children first, so no foreign key is left dangling while emptying.
      for (const t of [...tables].reverse()) await loose(trx).deleteFrom(t.name).execute();
      const loader = new Loader(loose(trx), byName);
      await load(loader, lines);
      for (const [name, expected] of Object.entries(header.tables)) {
        const got = loader.counts[name] ?? 0;
        if (got !== expected) throw corrupt(`${name} holds ${got} rows, the header says ${expected}`);
      }
      if (database.dialect === 'postgres') await resetSequences(trx, tables);
      // Checked before commit, on the rows as restored: a tampered or mis-keyed chain is never put in place.
      const chain = await verifyAuditChain({ ...ctx, database: { ...database, db: trx } });
      if (!chain.ok) throw corrupt(`the audit chain does not verify (${JSON.stringify(chain.problem)})`);
      return loader.counts;
    });
    return { format: 'logical', migration: header.migration ?? build, tables: counts };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    if (isZlibError(err) || isDataError(err)) throw corrupt(err instanceof Error ? err.message : String(err));
    throw err;
  } finally {
    await lines.return(undefined);
  }
}
