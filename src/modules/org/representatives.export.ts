/**
 * The representatives roster as a spreadsheet (XLSX) or CSV, with Chinese column headers. The
 * export applies the list's scope and filters; phone numbers are masked unless the user holds
 * org.reveal_phone and asks for them. Every export is audited (with whether phones were included).
 */
import { toCsv, toXlsx, type ExportFile } from '../../lib/spreadsheet.ts';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { can } from '../auth/auth.policy.ts';
import { recordAuditAlone } from '../audit/audit.service.ts';
import { currentLevels } from './members.repo.ts';
import { changedFields } from './org.checks.ts';
import {
  CONGRESS_LEVEL_LABELS,
  GENDER_LABELS,
  REPRESENTATIVE_STATUS_LABELS,
  type CongressLevel,
} from './org.domain.ts';
import { clearPhone, maskedPhone } from './phone-field.ts';
import * as repo from './representatives.repo.ts';
import type { RepresentativeExportQuery } from './representatives.schema.ts';
import { filterOf } from './representatives.service.ts';

export { csvCell, toCsv, toXlsx, type ExportFile } from '../../lib/spreadsheet.ts';

/** Larger rosters are exported in parts (by jurisdiction or level). */
export const EXPORT_LIMIT = 50_000;

export const EXPORT_HEADERS = [
  '代表编号',
  '姓名',
  '性别',
  '民族',
  '管理辖区',
  '代表层级',
  '工作单位',
  '职务',
  '界别',
  '状态',
  '联系电话',
  '公开履职信息',
] as const;

/** One row per representative, in the order of EXPORT_HEADERS. */
export function exportRow(
  r: repo.RepresentativeRecord,
  levels: readonly CongressLevel[],
  phone: string | null,
): string[] {
  return [
    r.code,
    r.name,
    GENDER_LABELS[r.gender].zh,
    r.ethnicity ?? '',
    r.jurisdiction.name,
    levels.map((l) => CONGRESS_LEVEL_LABELS[l].zh).join('、'),
    r.employer ?? '',
    r.post ?? '',
    r.sector ?? '',
    REPRESENTATIVE_STATUS_LABELS[r.status].zh,
    phone ?? '',
    r.isPublic ? '是' : '否',
  ];
}

export async function exportRepresentatives(
  ctx: AppContext,
  actor: Actor,
  query: RepresentativeExportQuery,
): Promise<ExportFile> {
  const { format = 'xlsx', includePhone = false, page: _page, pageSize: _pageSize, ...listQuery } = query;
  if (includePhone && !can(actor, 'org.reveal_phone')) {
    throw new AppError('FORBIDDEN', {
      zh: '导出完整电话号码需要“查看完整电话”权限',
      en: 'Exporting full phone numbers needs the reveal-phone permission',
    });
  }
  const filter = await filterOf(ctx, actor, listQuery);
  const db = ctx.database.db;
  const records = filter ? await repo.allRepresentatives(db, scopeOf(actor), filter, EXPORT_LIMIT + 1) : [];
  if (records.length > EXPORT_LIMIT) {
    throw new AppError('BAD_REQUEST', {
      zh: `一次最多导出 ${EXPORT_LIMIT} 名代表，请按辖区或层级分批导出`,
      en: `At most ${EXPORT_LIMIT} representatives per export; narrow it by jurisdiction or level`,
    });
  }
  const levels = await currentLevels(
    db,
    records.map((r) => r.id),
    filter?.today ?? '',
  );
  const rows = [
    [...EXPORT_HEADERS],
    ...records.map((r) =>
      exportRow(
        r,
        levels.get(r.id) ?? [],
        includePhone ? clearPhone(ctx.cipher, r.phoneEnc) : maskedPhone(ctx.cipher, r.phoneEnc),
      ),
    ),
  ];
  await recordAuditAlone(ctx, actor, {
    action: 'representative.export',
    entityType: 'representative',
    detail: { format, includePhone, count: records.length, filter: changedFields(listQuery) },
  });
  const stamp = (filter?.today ?? '').replace(/-/g, '');
  return format === 'csv'
    ? { body: toCsv(rows), contentType: 'text/csv; charset=utf-8', filename: `代表名册-${stamp}.csv` }
    : {
        body: await toXlsx('代表名册', rows),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `代表名册-${stamp}.xlsx`,
      };
}
