/**
 * GET /opinions/export: the progress table (办理进度表) of the items the actor sees, with the
 * list's filters, as XLSX or CSV with Chinese headers. Names and phones are masked; in clear only
 * with includeContact=true and the opinions.export_contact permission. Every export is audited.
 */
import { toCsv, toXlsx, type ExportFile } from '../../lib/spreadsheet.ts';
import { beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { can } from '../auth/auth.policy.ts';
import { recordAuditAlone } from '../audit/audit.service.ts';
import { listCategories } from '../org/units.service.ts';
import { deadlinesOf } from './deadlines.ts';
import * as read from './opinions.read.repo.ts';
import { ANONYMOUS, filterOf, phoneMaskedOf, submitterNameOf, viewClock } from './opinions.queries.ts';
import type { OpinionExportQuery } from './opinions.schema.ts';
import {
  CHANNEL_LABELS,
  OPINION_STATE_LABELS,
  RATING_LABELS,
  REPLY_RESULT_LABELS,
  type Channel,
  type OpinionState,
  type Rating,
  type ReplyResult,
} from './opinions.vocab.ts';
import { visibleTo } from './opinions.visibility.ts';

/** Larger ledgers are exported in parts (by period or jurisdiction). */
export const EXPORT_LIMIT = 50_000;

export const EXPORT_HEADERS = [
  '追踪码',
  '提交时间',
  '渠道',
  '联络站',
  '代表',
  '辖区',
  '类别',
  '内容摘要',
  '状态',
  '承办单位',
  '受理期限',
  '签收期限',
  '答复期限',
  '超期',
  '办理结果',
  '评价',
  '二次办理',
  '反映人',
  '联系电话',
] as const;

const beijingMinute = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const day = (iso: string | null) => (iso === null ? '' : beijingDateOf(new Date(iso)));

export async function exportOpinions(
  ctx: AppContext,
  actor: Actor,
  query: OpinionExportQuery,
): Promise<ExportFile> {
  const { format = 'xlsx', includeContact = false, page: _p, pageSize: _s, ...listQuery } = query;
  if (includeContact && !can(actor, 'opinions.export_contact')) {
    throw new AppError('FORBIDDEN', {
      zh: '导出反映人联系方式需要“导出联系方式”权限',
      en: 'Exporting submitters’ contact details needs the export-contact permission',
    });
  }
  const clock = await viewClock(ctx);
  const filter = await filterOf(ctx, actor, listQuery, clock);
  const [rows, categories] = await Promise.all([
    filter ? read.allOpinions(ctx.database.db, visibleTo(actor), filter, EXPORT_LIMIT + 1) : [],
    listCategories(ctx),
  ]);
  if (rows.length > EXPORT_LIMIT) {
    throw new AppError('BAD_REQUEST', {
      zh: `一次最多导出 ${EXPORT_LIMIT} 条，请按时间段或辖区分批导出`,
      en: `At most ${EXPORT_LIMIT} items per export; narrow it by period or jurisdiction`,
    });
  }
  const categoryName = new Map(categories.map((c) => [c.code, c.nameZh]));
  const table = [
    [...EXPORT_HEADERS],
    ...rows.map((r) => {
      const d = deadlinesOf(r, clock.now, clock.dueSoonBy);
      const overdue = [d.overdue.ack && '受理', d.overdue.sign && '签收', d.overdue.reply && '答复'].filter(
        Boolean,
      );
      const clearName =
        r.anonymous === 1 || r.submitter_name_enc === null
          ? ANONYMOUS
          : ctx.cipher.decrypt(r.submitter_name_enc);
      return [
        r.tracking_code,
        beijingMinute(r.submitted_at),
        CHANNEL_LABELS[r.channel as Channel].zh,
        r.station_name ?? '',
        r.representative_name ?? '',
        r.jurisdiction_name,
        r.category_code ? (categoryName.get(r.category_code) ?? r.category_code) : '',
        [...r.content].slice(0, 80).join(''),
        OPINION_STATE_LABELS[r.status as OpinionState].zh,
        r.unit_name ?? '',
        day(r.ack_due),
        day(r.sign_due),
        day(r.reply_due),
        overdue.join('、'),
        r.last_result ? REPLY_RESULT_LABELS[r.last_result as ReplyResult].zh : '',
        r.last_rating ? RATING_LABELS[r.last_rating as Rating].zh : '',
        r.rehandle_rounds > 0 ? `是（${r.rehandle_rounds}次）` : '否',
        includeContact ? clearName : submitterNameOf(ctx, r),
        (includeContact
          ? r.submitter_phone_enc && ctx.cipher.decrypt(r.submitter_phone_enc)
          : phoneMaskedOf(ctx, r.submitter_phone_enc)) ?? '',
      ];
    }),
  ];
  await recordAuditAlone(ctx, actor, {
    action: 'opinion.export',
    entityType: 'opinion',
    detail: {
      format,
      includeContact,
      count: rows.length,
      filter: Object.fromEntries(Object.entries(listQuery).filter(([, v]) => v !== undefined)),
    },
  });
  const stamp = beijingDateOf(clock.now).replace(/-/g, '');
  return format === 'csv'
    ? { body: toCsv(table), contentType: 'text/csv; charset=utf-8', filename: `办理进度表-${stamp}.csv` }
    : {
        body: await toXlsx('办理进度表', table),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `办理进度表-${stamp}.xlsx`,
      };
}
