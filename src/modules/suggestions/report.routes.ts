/** HTTP: statistics of suggestions, their XLSX export and the yearly handling report (DOCX). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { ExportFile } from '../../lib/spreadsheet.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { DOCX_TYPE, suggestionReport } from './report.service.ts';
import { exportStats, XLSX_TYPE } from './stats.export.ts';
import { ReportQuery, StatsQuery, StatsView } from './stats.schema.ts';
import { suggestionStats } from './stats.service.ts';

/** A download: the Chinese file name as RFC 5987 `filename*`, an ASCII one for old clients. */
function download(reply: FastifyReply, file: ExportFile, asciiName: string) {
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function suggestionReportRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['suggestions'];
    app.get(
      '/suggestions/stats',
      {
        config: { access: 'suggestions.report' },
        schema: {
          tags,
          summary:
            'Statistics of the registered suggestions of a year (default: this year, Beijing time) the caller sees, grouped by lead unit (default), category, reply class, congress or month of registration',
          querystring: StatsQuery,
          response: { 200: StatsView },
        },
      },
      (req) => suggestionStats(ctx, actorOf(req), req.query),
    );
    app.get(
      '/suggestions/stats/export',
      {
        config: { access: 'suggestions.report' },
        schema: {
          tags,
          summary:
            'The same statistics as an XLSX sheet (代表建议办理统计), one row per group and a 合计 row',
          querystring: StatsQuery,
          produces: [XLSX_TYPE],
        },
      },
      async (req, reply) => {
        const file = await exportStats(ctx, actorOf(req), req.query);
        return download(reply, file, `suggestion-stats-${file.filename.match(/\d{4}/)?.[0] ?? ''}.xlsx`);
      },
    );
    app.get(
      '/suggestions/report.docx',
      {
        config: { access: 'suggestions.report' },
        schema: {
          tags,
          summary:
            'The yearly handling report (代表建议办理情况报告) as DOCX, with the figures of /suggestions/stats',
          querystring: ReportQuery,
          produces: [DOCX_TYPE],
        },
      },
      async (req, reply) => {
        const file = await suggestionReport(ctx, actorOf(req), req.query);
        return download(reply, file, `suggestion-report-${file.filename.match(/\d{4}/)?.[0] ?? ''}.docx`);
      },
    );
  };
}
