/** HTTP: a representative's archive (履职档案) as JSON, the report to the voters (DOCX) and the records (XLSX). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { ExportFile } from '../../lib/spreadsheet.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { ArchiveQuery, ArchiveView } from './archive.schema.ts';
import { archiveOf } from './archive.service.ts';
import { archiveReportFile, archiveWorkbookFile, DOCX_TYPE, XLSX_TYPE } from './archive.export.ts';
import { currentYear } from './scores.service.ts';

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

export function archiveRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['performance'];
    app.get(
      '/performance/representatives/:id/archive',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary:
            'A representative’s archive (履职档案) of a year: the timeline of activities, suggestions and opinions, the figures, the score card and the method',
          params: IdParams,
          querystring: ArchiveQuery,
          response: { 200: ArchiveView },
        },
      },
      (req) =>
        archiveOf(ctx, actorOf(req), req.params.id, req.query.congressId, req.query.year ?? currentYear(ctx)),
    );
    app.get(
      '/performance/representatives/:id/archive.docx',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary: 'The yearly report to the voters (向选民报告履职) as DOCX, from the archive’s records',
          params: IdParams,
          querystring: ArchiveQuery,
          produces: [DOCX_TYPE],
        },
      },
      async (req, reply) => {
        const year = req.query.year ?? currentYear(ctx);
        const file = await archiveReportFile(ctx, actorOf(req), req.params.id, req.query.congressId, year);
        return download(reply, file, `archive-report-${req.params.id}-${year}.docx`);
      },
    );
    app.get(
      '/performance/representatives/:id/archive.xlsx',
      {
        config: { access: 'performance.read' },
        schema: {
          tags,
          summary: 'The archive as XLSX: the timeline, every score line with its record, the requirements',
          params: IdParams,
          querystring: ArchiveQuery,
          produces: [XLSX_TYPE],
        },
      },
      async (req, reply) => {
        const year = req.query.year ?? currentYear(ctx);
        const file = await archiveWorkbookFile(ctx, actorOf(req), req.params.id, req.query.congressId, year);
        return download(reply, file, `archive-${req.params.id}-${year}.xlsx`);
      },
    );
  };
}
