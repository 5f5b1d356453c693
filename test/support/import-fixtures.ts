/**
 * Fixtures for the bulk-import tests: files built in memory (XLSX, CSV, GB18030 text), sheets
 * read into drafts without a file, the organisation records an import refers to, and actors.
 * Records are inserted directly, beneath the org services, so the import tests do not depend on
 * them; they start from the same defaults as the create API (NEW_*_DEFAULTS in the repos).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../src/platform/context.ts';
import { SYSTEM_ACTOR, type Actor } from '../../src/modules/auth/auth.domain.ts';
import type { Cell, RawSheet } from '../../src/modules/org/import.cells.ts';
import type { ImportKind } from '../../src/modules/org/import.domain.ts';
import { readSheet } from '../../src/modules/org/import.rows.ts';
import type { StationTier } from '../../src/modules/org/org.domain.ts';
import { NEW_REPRESENTATIVE_DEFAULTS } from '../../src/modules/org/representatives.repo.ts';
import { NEW_STATION_DEFAULTS } from '../../src/modules/org/stations.repo.ts';

// ---------------------------------------------------------------------------------------------
// Files and sheets

/** An XLSX workbook with one sheet of the given rows (written with exceljs's streaming writer). */
export async function xlsxOf(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  sheetName = '数据',
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Quoted where needed, and nothing else: a test writes exactly the cell it means (a leading = included). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text (CRLF line ends, quoted where needed). */
export function csvOf(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

let gbTable: Map<string, number[]> | undefined;
/**
 * Encode text as GB18030 (Node can decode it but not encode it): ASCII as is, other characters
 * by the two-byte code that decodes to them.
 */
export function gb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else {
      const code = gbTable.get(ch);
      if (!code) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

/** A sheet from rows of cells, as the parser would hand it over; the first is on row `firstRow`. */
export function sheetOf(rows: Cell[][], firstRow = 1): RawSheet {
  return { rows: rows.map((cells, i) => ({ row: firstRow + i, cells })) };
}

/** The drafts of rows whose first is the header (on row 1); a sheet that cannot be read fails the test. */
export function readRows(kind: ImportKind, rows: Cell[][]) {
  const r = readSheet(kind, sheetOf(rows));
  if (!r.ok) throw new Error(`sheet not readable: ${r.problem.en} ${JSON.stringify(r.errors)}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Records an import refers to

/** The administrative code of a jurisdiction, as an import file names it. */
export async function codeOfJurisdiction(ctx: AppContext, id: number): Promise<string> {
  const row = await ctx.database.db
    .selectFrom('jurisdiction')
    .select('code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.code;
}

// The records below carry only what the import tests look at: a code, a jurisdiction, and a
// tier for stations (parents must be of a higher tier). Each returns the new id.

const stamp = (ctx: AppContext) => {
  const now = ctx.clock.now().toISOString();
  return { created_at: now, updated_at: now };
};

/** A congress (届次); `jurisdictionId` null for one above the deployment (the national congress). */
export async function insertCongress(
  ctx: AppContext,
  c: { code: string; jurisdictionId: number | null; level?: 'national' | 'city' | 'county' },
): Promise<number> {
  const row = await ctx.database.db
    .insertInto('congress')
    .values({
      code: c.code,
      name: `${c.code}人大`,
      level: c.level ?? 'county',
      term_number: 18,
      jurisdiction_id: c.jurisdictionId,
      term_start: null,
      term_end: null,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A station with the create API's defaults; its public code is derived from its code. */
export async function insertStation(
  ctx: AppContext,
  s: { code: string; jurisdictionId: number; tier?: StationTier },
): Promise<number> {
  const row = await ctx.database.db
    .insertInto('station')
    .values({
      ...NEW_STATION_DEFAULTS,
      code: s.code,
      public_code: `P${s.code}`.slice(0, 32),
      name: `${s.code}站`,
      tier: s.tier ?? 'station',
      jurisdiction_id: s.jurisdictionId,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A regional representative group. */
export async function insertGroup(
  ctx: AppContext,
  g: { code: string; jurisdictionId: number },
): Promise<number> {
  const row = await ctx.database.db
    .insertInto('rep_group')
    .values({
      code: g.code,
      name: `${g.code}组`,
      kind: 'regional',
      jurisdiction_id: g.jurisdictionId,
      theme: null,
      description: null,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A grid without a station. */
export async function insertGrid(
  ctx: AppContext,
  g: { code: string; jurisdictionId: number },
): Promise<number> {
  const row = await ctx.database.db
    .insertInto('grid')
    .values({
      code: g.code,
      name: `${g.code}网格`,
      jurisdiction_id: g.jurisdictionId,
      station_id: null,
      description: null,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A government-department handling unit without a parent. */
export async function insertUnit(
  ctx: AppContext,
  u: { code: string; jurisdictionId: number },
): Promise<number> {
  const row = await ctx.database.db
    .insertInto('unit')
    .values({
      code: u.code,
      name: `${u.code}单位`,
      short_name: null,
      kind: 'government',
      jurisdiction_id: u.jurisdictionId,
      parent_id: null,
      contact_name: null,
      contact_phone_enc: null,
      status: 'active',
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A representative with the create API's defaults. */
export async function insertRepresentative(
  ctx: AppContext,
  r: { code: string; jurisdictionId: number },
): Promise<number> {
  const row = await ctx.database.db
    .insertInto('representative')
    .values({
      ...NEW_REPRESENTATIVE_DEFAULTS,
      code: r.code,
      name: `代表${r.code}`,
      gender: 'female',
      jurisdiction_id: r.jurisdictionId,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A congress-staff actor of a jurisdiction, as the access hook would build it. */
export function staffActor(
  user: { id: number; username: string },
  jurisdiction: { id: number; path: string },
): Actor {
  return {
    ...SYSTEM_ACTOR,
    userId: user.id,
    username: user.username,
    displayName: user.username,
    roles: ['congress_staff'],
    jurisdictionId: jurisdiction.id,
    jurisdictionPath: jurisdiction.path,
    ip: '127.0.0.1',
  };
}
