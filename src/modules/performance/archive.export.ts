/**
 * The archive's downloads: the report to the voters as DOCX (archive.text.ts → archive.docx.ts)
 * and the records as XLSX — sheet 履职记录 (the timeline), sheet 得分明细 (every score line with the
 * type and id of the record that earned it, the parts' subtotals as counted and the total) and
 * sheet 年度要求. Ids and points are number cells, so a line can be looked up and the sheet
 * summed. Every download is audited, like the other exports.
 */
import ExcelJS from 'exceljs';
import { beijingDateOf } from '../../lib/working-days.ts';
import type { ExportFile, XlsxCell } from '../../lib/spreadsheet.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAuditAlone } from '../audit/audit.service.ts';
import { officialDocx } from '../../lib/official-docx.ts';
import type { ArchiveView } from './archive.schema.ts';
import { archiveOf, RECORD_TYPE_LABELS } from './archive.service.ts';
import { archiveReport, pointsText } from './archive.text.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TIMELINE_HEADERS = ['日期', '记录类型', '记录ID', '事项', '类别', '情况', '说明', '得分'];
export const SCORE_HEADERS = ['评价项目', '计分依据', '记录类型', '记录ID', '对应记录', '记录日期', '分值'];
export const REQUIREMENT_HEADERS = ['年度要求', '完成情况', '已完成', '应完成', '说明'];

const REQUIREMENT_STATUS: Record<string, string> = { met: '已完成', not_yet: '尚未完成', exempt: '请假免除' };

const dateOf = (iso: string | null) => (iso ? beijingDateOf(new Date(iso)) : null);

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: readonly (readonly XlsxCell[])[],
  boldRows: readonly number[] = [],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  for (const r of boldRows) sheet.getRow(r).font = { bold: true };
  const width = (cell: XlsxCell | undefined) => (typeof cell === 'string' ? [...cell].length * 2 + 2 : 8);
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(50, Math.max(8, ...rows.map((r) => width(r[i]))));
  });
}

/** The workbook of an archive: the timeline, the score lines and the requirements. */
export async function archiveWorkbook(v: ArchiveView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Liaison';
  addSheet(workbook, '履职记录', [
    TIMELINE_HEADERS,
    ...v.timeline.map((t): XlsxCell[] => [
      dateOf(t.at),
      RECORD_TYPE_LABELS[t.type],
      t.id,
      t.title,
      t.category,
      t.outcomeLabel,
      t.detail,
      t.points,
    ]),
  ]);

  const byKey = new Map(v.timeline.map((t) => [`${t.type}/${t.id}`, t]));
  const c = v.score;
  const label = (k: string) => c.categories.find((x) => x.category === k)?.label ?? k;
  const lines = c.lines.map((l): XlsxCell[] => {
    const t = byKey.get(`${l.source.type}/${l.source.id}`);
    return [
      label(l.category),
      l.label,
      RECORD_TYPE_LABELS[l.source.type],
      l.source.id,
      t?.title ?? l.source.title,
      dateOf(t?.at ?? l.source.date),
      l.points,
    ];
  });
  const subtotals = c.categories.map((x): XlsxCell[] => [
    `${x.label}小计`,
    x.raw === x.counted
      ? `满分${pointsText(x.cap)}分`
      : `各项合计${pointsText(x.raw)}分，按${pointsText(x.counted)}分计（满分${pointsText(x.cap)}分）`,
    null,
    null,
    null,
    null,
    x.counted,
  ]);
  const first = lines.length + 2;
  addSheet(
    workbook,
    '得分明细',
    [
      SCORE_HEADERS,
      ...lines,
      ...subtotals,
      ['合计', `规则第${c.ruleSet.version}版`, null, null, null, null, c.total],
    ],
    [...subtotals.map((_, i) => first + i), first + subtotals.length],
  );

  addSheet(workbook, '年度要求', [
    REQUIREMENT_HEADERS,
    ...c.requirements.map((q): XlsxCell[] => [
      q.label,
      REQUIREMENT_STATUS[q.status] ?? q.status,
      q.have,
      q.need,
      q.months
        ? q.months
            .filter((m) => m.status === 'missing' || m.status === 'exempt')
            .map((m) => `${m.month}${m.status === 'missing' ? '未参加' : '请假'}`)
            .join('；') || null
        : null,
    ]),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const fileBase = (v: ArchiveView) => `${v.representative.name}-${v.year}年度`;

/** GET /performance/representatives/:id/archive.docx: the report to the voters. */
export async function archiveReportFile(
  ctx: AppContext,
  actor: Actor,
  representativeId: number,
  congressId: number,
  year: number,
): Promise<ExportFile> {
  const v = await archiveOf(ctx, actor, representativeId, congressId, year);
  const body = await officialDocx(archiveReport(v));
  await recordAuditAlone(ctx, actor, {
    action: 'performance.archive_report',
    entityType: 'representative',
    entityId: representativeId,
    detail: { congressId, year, total: v.score.total },
  });
  return { body, contentType: DOCX_TYPE, filename: `${fileBase(v)}履职情况报告.docx` };
}

/** GET /performance/representatives/:id/archive.xlsx: the timeline and the score lines. */
export async function archiveWorkbookFile(
  ctx: AppContext,
  actor: Actor,
  representativeId: number,
  congressId: number,
  year: number,
): Promise<ExportFile> {
  const v = await archiveOf(ctx, actor, representativeId, congressId, year);
  const body = await archiveWorkbook(v);
  await recordAuditAlone(ctx, actor, {
    action: 'performance.archive_export',
    entityType: 'representative',
    entityId: representativeId,
    detail: { congressId, year, records: v.timeline.length, lines: v.score.lines.length },
  });
  return { body, contentType: XLSX_TYPE, filename: `${fileBase(v)}履职档案.xlsx` };
}
