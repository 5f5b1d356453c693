/**
 * Test helpers for the import tests (not used by the application): files built in memory, the
 * organisation records an import refers to, and actors. Rows are inserted directly, beneath the
 * org services, so the import tests do not depend on them.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.domain.ts';
import type { StationTier } from './org.domain.ts';

/** An XLSX workbook with one sheet of the given rows (written with exceljs's streaming writer). */
export async function xlsxOf(rows: readonly (readonly ExcelJS.CellValue[])[], sheetName = '数据'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

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

export async function codeOfJurisdiction(ctx: AppContext, id: number): Promise<string> {
  const row = await ctx.database.db.selectFrom('jurisdiction').select('code').where('id', '=', id).executeTakeFirstOrThrow();
  return row.code;
}

const stamp = (ctx: AppContext) => {
  const now = ctx.clock.now().toISOString();
  return { created_at: now, updated_at: now };
};

export async function insertCongress(ctx: AppContext, c: { code: string; jurisdictionId: number | null; level?: 'national' | 'city' | 'county' }): Promise<number> {
  const row = await ctx.database.db
    .insertInto('congress')
    .values({ code: c.code, name: `${c.code}人大`, level: c.level ?? 'county', term_number: 18, jurisdiction_id: c.jurisdictionId, term_start: null, term_end: null, ...stamp(ctx) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertStation(ctx: AppContext, s: { code: string; jurisdictionId: number; tier?: StationTier }): Promise<number> {
  const row = await ctx.database.db
    .insertInto('station')
    .values({
      code: s.code,
      public_code: `P${s.code}`.slice(0, 32),
      name: `${s.code}站`,
      tier: s.tier ?? 'station',
      theme: 'community',
      jurisdiction_id: s.jurisdictionId,
      parent_id: null,
      address: null,
      liaison_officer_user_id: null,
      reception_rule: null,
      reception_start: null,
      reception_end: null,
      status: 'active',
      opened_on: null,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertGroup(ctx: AppContext, g: { code: string; jurisdictionId: number }): Promise<number> {
  const row = await ctx.database.db
    .insertInto('rep_group')
    .values({ code: g.code, name: `${g.code}组`, kind: 'regional', jurisdiction_id: g.jurisdictionId, theme: null, description: null, ...stamp(ctx) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertGrid(ctx: AppContext, g: { code: string; jurisdictionId: number }): Promise<number> {
  const row = await ctx.database.db
    .insertInto('grid')
    .values({ code: g.code, name: `${g.code}网格`, jurisdiction_id: g.jurisdictionId, station_id: null, description: null, ...stamp(ctx) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertUnit(ctx: AppContext, u: { code: string; jurisdictionId: number }): Promise<number> {
  const row = await ctx.database.db
    .insertInto('unit')
    .values({ code: u.code, name: `${u.code}单位`, short_name: null, kind: 'government', jurisdiction_id: u.jurisdictionId, parent_id: null, contact_name: null, contact_phone_enc: null, status: 'active', ...stamp(ctx) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRepresentative(ctx: AppContext, r: { code: string; jurisdictionId: number }): Promise<number> {
  const row = await ctx.database.db
    .insertInto('representative')
    .values({
      code: r.code,
      name: `代表${r.code}`,
      gender: 'female',
      ethnicity: null,
      jurisdiction_id: r.jurisdictionId,
      employer: null,
      post: null,
      sector: null,
      status: 'active',
      status_note: null,
      is_public: 1,
      bio: null,
      phone_enc: null,
      phone_hash: null,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A congress-staff actor of a jurisdiction, as the access hook would build it. */
export function staffActor(user: { id: number; username: string }, jurisdiction: { id: number; path: string }): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.username,
    roles: ['congress_staff'],
    jurisdictionId: jurisdiction.id,
    jurisdictionPath: jurisdiction.path,
    representativeId: null,
    unitId: null,
    ip: '127.0.0.1',
    passwordExpired: false,
  };
}

export async function countRows(ctx: AppContext, table: 'representative' | 'station' | 'unit' | 'grid' | 'representative_seat' | 'station_member' | 'group_member' | 'grid_member' | 'unit_category' | 'audit_log'): Promise<number> {
  const row = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
