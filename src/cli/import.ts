/**
 * `liaison import <kind> <file> [--dry-run] [--jurisdiction <code>]`: bulk import from the
 * command line. Runs as the system (every jurisdiction), or as the congress office of one
 * jurisdiction with --jurisdiction (references must then lie within it). Prints the problems as
 * a table (row, column, reason) and exits with 1 when there are any.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfigOrExit } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { jurisdictionByCode } from '../platform/db/lookup.ts';
import { AppError } from '../platform/http/errors.ts';
import { openContext } from '../platform/server.ts';
import { SYSTEM_ACTOR, type Actor } from '../modules/auth/auth.domain.ts';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '../modules/org/import.domain.ts';
import { formatOf } from '../modules/org/import.parse.ts';
import type { ImportReport } from '../modules/org/import.schema.ts';
import { importFile } from '../modules/org/import.service.ts';

export interface ImportCommandOptions {
  dryRun?: boolean;
  jurisdiction?: string;
}

/** Where the command writes; the console by default, a buffer in tests. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: Output = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Display width: CJK and full-width characters take two columns in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The errors of a report as an aligned table: 行 | 列 | 值 | 原因. */
export function errorTable(report: ImportReport): string[] {
  const clip = (s: string, max: number) =>
    [...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s;
  const rows = report.errors.map((e) => [
    String(e.row),
    e.column,
    clip((e.value ?? '').replace(/\s+/g, ' '), 24),
    e.message.zh,
  ]);
  const head = ['行', '列', '值', '原因'];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function summary(report: ImportReport): string {
  const what = IMPORT_KIND_LABELS[report.kind].zh;
  return `${report.fileName}：共 ${report.totalRows} 行${what}数据，无误 ${report.validRows} 行，错误 ${report.errorCount} 处`;
}

/** Run the command against an open context; returns the exit code. */
export async function runImport(
  ctx: AppContext,
  kind: string,
  file: string,
  opts: ImportCommandOptions,
  io: Output = consoleOutput,
): Promise<number> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    io.err(`未知的导入类型“${kind}”，可选：${IMPORT_KINDS.join(' | ')}`);
    return 2;
  }
  const fileName = path.basename(file);
  const format = formatOf(fileName);
  if (format === null) {
    io.err('只能导入 .xlsx 或 .csv 文件');
    return 2;
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    io.err(`无法读取文件 ${file}：${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  let actor: Actor = SYSTEM_ACTOR;
  if (opts.jurisdiction !== undefined) {
    const j = await jurisdictionByCode(ctx.database.db, opts.jurisdiction);
    if (!j) {
      io.err(`辖区代码 ${opts.jurisdiction} 不存在`);
      return 2;
    }
    actor = { ...SYSTEM_ACTOR, jurisdictionId: j.id, jurisdictionPath: j.path };
  }
  const mode = opts.dryRun ? 'dry-run' : 'commit';
  try {
    const report = await importFile(ctx, actor, { kind: kind as ImportKind, mode, fileName, format, data });
    io.out(summary(report));
    if (report.errorCount > 0) {
      for (const l of errorTable(report)) io.out(l);
      if (report.truncated) io.out(`（只列出前 ${report.errors.length} 处错误）`);
      return 1;
    }
    io.out(
      report.committed
        ? `已导入 ${report.created} 条${IMPORT_KIND_LABELS[report.kind].zh}记录。`
        : '检查通过，可以正式导入（去掉 --dry-run）。',
    );
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    io.err(err.detailText?.zh ?? err.message);
    const report = (err.extra as { report?: ImportReport }).report;
    if (report) {
      io.out(summary(report));
      for (const l of errorTable(report)) io.out(l);
      if (report.truncated) io.out(`（只列出前 ${report.errors.length} 处错误）`);
      if (mode === 'commit') io.out('未导入任何数据。');
    }
    return 1;
  }
}

/** The commander action: opens the configured database, runs, closes, sets the exit code. */
export async function importCommand(kind: string, file: string, opts: ImportCommandOptions): Promise<void> {
  const ctx = await openContext(loadConfigOrExit());
  try {
    process.exitCode = await runImport(ctx, kind, file, opts);
  } finally {
    await ctx.database.destroy();
  }
}
