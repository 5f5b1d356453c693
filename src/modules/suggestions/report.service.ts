/**
 * GET /suggestions/report.docx: the yearly handling report (代表建议办理情况报告). Its figures come
 * from the same load and count as GET /suggestions/stats (stats.service.ts): the table by lead
 * unit is the 'unit' grouping, the table by class the 'class' grouping, the summary their total.
 * The 重点督办 cases are listed from the same rows. Every report is audited, like an export.
 */
import type { ExportFile } from '../../lib/spreadsheet.ts';
import type { AppContext } from '../../platform/context.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf } from '../../platform/db/scope.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAuditAlone } from '../audit/audit.service.ts';
import { caseLabel } from './queries.service.ts';
import { officialDocx } from '../../lib/official-docx.ts';
import { reportContent, type KeyCase, type ReportData } from './report.text.ts';
import type { StatsCase } from './stats.repo.ts';
import type { ReportQuery } from './stats.schema.ts';
import { loadStatsCases, statsView, type LoadedStats } from './stats.service.ts';
import { SUGGESTION_STATE_LABELS, type SuggestionState } from './suggestions.vocab.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function keyCaseOf(c: StatsCase): KeyCase {
  const label = caseLabel(c.caseNumber) ?? '';
  return {
    caseLabel: c.kind === 'motion' ? `议案${label}` : label,
    title: c.title,
    lead: c.leadRepresentativeName,
    leadUnit: c.leadUnitName ?? '未交办',
    status: SUGGESTION_STATE_LABELS[c.status as SuggestionState]?.zh ?? c.status,
  };
}

async function subjectOf(ctx: AppContext, actor: Actor, loaded: LoadedStats): Promise<ReportData['subject']> {
  if (loaded.congress) return { kind: 'congress', name: loaded.congress.name };
  if (actor.jurisdictionId === null) return null;
  const j = await jurisdictionInScope(ctx.database.db, scopeOf(actor), actor.jurisdictionId);
  return j ? { kind: 'jurisdiction', name: j.name } : null;
}

/** The report's data: the same figures as the statistics, over the same cases. */
export async function reportData(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<ReportData> {
  const loaded = await loadStatsCases(ctx, actor, q);
  const byUnit = statsView(loaded, 'unit');
  const byClass = statsView(loaded, 'class');
  return {
    year: loaded.year,
    subject: await subjectOf(ctx, actor, loaded),
    asOf: loaded.now,
    total: byUnit.total,
    byUnit: byUnit.rows,
    byClass: byClass.rows,
    keyCases: loaded.cases
      .filter((c) => c.keySupervision === 1)
      .sort(
        (a, b) => a.kind.localeCompare(b.kind) || (a.caseNumber ?? 0) - (b.caseNumber ?? 0) || a.id - b.id,
      )
      .map(keyCaseOf),
  };
}

export async function suggestionReport(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<ExportFile> {
  const data = await reportData(ctx, actor, q);
  const content = reportContent(data);
  const body = await officialDocx(content);
  await recordAuditAlone(ctx, actor, {
    action: 'suggestion.report',
    entityType: 'suggestion',
    detail: { year: data.year, congressId: q.congressId ?? null, registered: data.total.counts.registered },
  });
  return { body, contentType: DOCX_TYPE, filename: `${data.year}年代表建议办理情况报告.docx` };
}
