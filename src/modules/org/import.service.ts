/**
 * Bulk import use cases: check a file (dry run) or import it all or nothing (commit).
 *
 * The file is read and checked in memory: every code it refers to is looked up once per table,
 * every row is checked against the same rules as the create API, and every problem is reported
 * with its row, column and reason. A commit writes nothing unless every row is right, and then
 * writes everything in one transaction, in multi-row inserts, with one audit row.
 */
import type { Insertable, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/db-errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/http/errors.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { sortErrors } from './import.columns.ts';
import {
  IMPORT_KIND_LABELS,
  MAX_REPORTED_ERRORS,
  type ImportError,
  type ImportKind,
  type ImportMode,
} from './import.domain.ts';
import { referencedCodes } from './import.lookups.ts';
import { readImportFile, type ImportFormat } from './import.parse.ts';
import type { ImportBatch, ParentRef, TreeRecord } from './import.records.ts';
import * as repo from './import.repo.ts';
import { resolveDrafts } from './import.resolve.ts';
import { readSheet } from './import.rows.ts';
import type { ImportReport } from './import.schema.ts';
import { newPublicCode } from './org.domain.ts';

export interface ImportInput {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  format: ImportFormat;
  data: Buffer;
}

function report(
  input: ImportInput,
  totalRows: number,
  errors: ImportError[],
  rowsWithErrors: number,
): ImportReport {
  return {
    kind: input.kind,
    mode: input.mode,
    fileName: input.fileName,
    totalRows,
    validRows: Math.max(0, totalRows - rowsWithErrors),
    errorCount: errors.length,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    truncated: errors.length > MAX_REPORTED_ERRORS,
    created: 0,
    committed: false,
  };
}

/**
 * Check the file and, in commit mode, import it. A dry run returns the report whatever it says;
 * a commit with any error raises IMPORT_INVALID (422) carrying the report, and writes nothing.
 * A file that cannot be read as a table at all (no header, wrong columns, no rows) raises
 * IMPORT_INVALID in both modes; one that cannot be read at all, BAD_REQUEST.
 */
export async function importFile(ctx: AppContext, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const sheet = await readImportFile(input.data, input.format);
  const reading = readSheet(input.kind, sheet);
  if (!reading.ok) {
    // Header problems stay in the file's column order, followed by the missing columns.
    throw new AppError('IMPORT_INVALID', reading.problem, [], {
      report: report(input, reading.totalRows, reading.errors, reading.totalRows),
    });
  }
  const lookups = await repo.loadLookups(ctx.database.db, referencedCodes(reading.drafts));
  const resolved = resolveDrafts(reading.drafts, lookups, scopeOf(actor));
  const errors = sortErrors([...reading.errors, ...resolved.errors], input.kind);
  const result = report(input, reading.totalRows, errors, new Set(errors.map((e) => e.row)).size);
  if (input.mode === 'dry-run') return result;
  if (errors.length > 0) {
    throw new AppError(
      'IMPORT_INVALID',
      {
        zh: `文件中有 ${errors.length} 处错误，未导入任何数据`,
        en: `The file has ${errors.length} error(s); nothing was imported`,
      },
      [],
      { report: result },
    );
  }
  const created = await commit(ctx, actor, resolved.batch, input.fileName);
  return { ...result, created, committed: true };
}

const ENTITY: Record<ImportKind, string> = {
  representatives: 'representative',
  stations: 'station',
  units: 'unit',
  grids: 'grid',
};

async function commit(ctx: AppContext, actor: Actor, batch: ImportBatch, fileName: string): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const codes = batch.records.map((r) => r.code);
  try {
    return await auditedWrite(ctx, actor, async (trx) => {
      await insertBatch(ctx, trx, batch, now);
      return {
        result: codes.length,
        audit: {
          action: `import.${batch.kind}`,
          entityType: ENTITY[batch.kind],
          detail: {
            fileName,
            rowCount: codes.length,
            firstCode: codes[0] ?? null,
            lastCode: codes.at(-1) ?? null,
          },
        },
      };
    });
  } catch (err) {
    // Someone else took a code or removed a referenced record between the check and the commit.
    if (isUniqueViolation(err) || isForeignKeyViolation(err)) {
      throw new AppError('CONFLICT', {
        zh: `导入${IMPORT_KIND_LABELS[batch.kind].zh}时，数据已被他人修改（编码被占用或引用的记录被删除），未导入任何数据；请重新检查后再导入`,
        en: 'The data changed while importing (a code was taken or a referenced record removed); nothing was imported. Check the file again.',
      });
    }
    throw err;
  }
}

/**
 * Insert tree-shaped records (stations, units) in waves of depth, so that a parent created by
 * the same file has its id before its children. `insertWave` inserts one wave, taking each row's
 * parent id from `parentIdOf`, and returns code → id of its rows; the result holds them all.
 */
async function insertInWaves<R extends TreeRecord>(
  records: readonly R[],
  insertWave: (wave: R[], parentIdOf: (r: R) => number | null) => Promise<Map<string, number>>,
): Promise<Map<string, number>> {
  const waves: R[][] = [];
  for (const r of records) (waves[r.depth] ??= []).push(r);
  const ids = new Map<string, number>();
  const parentIdOf = (r: R) => parentId(r.parent, ids);
  for (const wave of waves.filter((w) => w !== undefined)) {
    for (const [code, id] of await insertWave(wave, parentIdOf)) ids.set(code, id);
  }
  return ids;
}

function parentId(parent: ParentRef, ids: ReadonlyMap<string, number>): number | null {
  if (parent === null) return null;
  if ('id' in parent) return parent.id;
  const id = ids.get(parent.code);
  if (id === undefined) throw new Error(`parent ${parent.code} was not inserted before its child`);
  return id;
}

function idOf(ids: ReadonlyMap<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`no id returned for ${code}`);
  return id;
}

async function insertBatch(
  ctx: AppContext,
  trx: Transaction<DB>,
  batch: ImportBatch,
  now: string,
): Promise<void> {
  const { cipher } = ctx;
  switch (batch.kind) {
    case 'representatives': {
      const ids = await repo.insertRepresentatives(
        trx,
        batch.records.map((r) => ({
          code: r.code,
          name: r.name,
          gender: r.gender,
          ethnicity: r.ethnicity,
          jurisdiction_id: r.jurisdictionId,
          employer: r.employer,
          post: r.post,
          sector: r.sector,
          status: r.status,
          status_note: null,
          is_public: r.isPublic ? 1 : 0,
          bio: r.bio,
          phone_enc: r.phone === null ? null : cipher.encrypt(r.phone),
          phone_hash: r.phone === null ? null : cipher.blindIndex(r.phone),
          created_at: now,
          updated_at: now,
        })),
      );
      const seats: Insertable<DB['representative_seat']>[] = [];
      const stations: Insertable<DB['station_member']>[] = [];
      const groups: Insertable<DB['group_member']>[] = [];
      const grids: Insertable<DB['grid_member']>[] = [];
      for (const r of batch.records) {
        const id = idOf(ids, r.code);
        for (const s of r.seats) {
          seats.push({
            representative_id: id,
            congress_id: s.congressId,
            delegation: s.delegation,
            constituency: s.constituency,
            elected_on: null,
            ended_on: null,
          });
        }
        for (const stationId of r.stationIds) stations.push({ station_id: stationId, representative_id: id });
        for (const groupId of r.groupIds)
          groups.push({ group_id: groupId, representative_id: id, role: 'member' });
        for (const gridId of r.gridIds) grids.push({ grid_id: gridId, representative_id: id });
      }
      await repo.insertLinks(trx, 'representative_seat', seats);
      await repo.insertLinks(trx, 'station_member', stations);
      await repo.insertLinks(trx, 'group_member', groups);
      await repo.insertLinks(trx, 'grid_member', grids);
      return;
    }
    case 'stations': {
      await insertInWaves(batch.records, (wave, parentIdOf) =>
        repo.insertStations(
          trx,
          wave.map((r) => ({
            code: r.code,
            public_code: newPublicCode(),
            name: r.name,
            tier: r.tier,
            theme: r.theme,
            jurisdiction_id: r.jurisdictionId,
            parent_id: parentIdOf(r),
            address: r.address,
            liaison_officer_user_id: null,
            reception_rule: r.receptionRule,
            reception_start: r.receptionStart,
            reception_end: r.receptionEnd,
            status: r.status,
            opened_on: r.openedOn,
            created_at: now,
            updated_at: now,
          })),
        ),
      );
      return;
    }
    case 'units': {
      const ids = await insertInWaves(batch.records, (wave, parentIdOf) =>
        repo.insertUnits(
          trx,
          wave.map((r) => ({
            code: r.code,
            name: r.name,
            short_name: r.shortName,
            kind: r.kind,
            jurisdiction_id: r.jurisdictionId,
            parent_id: parentIdOf(r),
            contact_name: r.contactName,
            contact_phone_enc: r.contactPhone === null ? null : cipher.encrypt(r.contactPhone),
            status: r.status,
            created_at: now,
            updated_at: now,
          })),
        ),
      );
      const categories = batch.records.flatMap((r) =>
        r.categoryCodes.map((code) => ({
          unit_id: idOf(ids, r.code),
          category_code: code,
          jurisdiction_id: r.jurisdictionId,
        })),
      );
      await repo.insertLinks(trx, 'unit_category', categories);
      return;
    }
    case 'grids': {
      const ids = await repo.insertGrids(
        trx,
        batch.records.map((r) => ({
          code: r.code,
          name: r.name,
          jurisdiction_id: r.jurisdictionId,
          station_id: r.stationId,
          description: r.description,
          created_at: now,
          updated_at: now,
        })),
      );
      const members = batch.records.flatMap((r) =>
        r.representativeIds.map((representativeId) => ({
          grid_id: idOf(ids, r.code),
          representative_id: representativeId,
        })),
      );
      await repo.insertLinks(trx, 'grid_member', members);
      return;
    }
  }
}
