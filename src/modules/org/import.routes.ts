/** HTTP: import templates, and checking or importing a file (multipart/form-data, field `file`). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formatOf } from './import.parse.ts';
import { ImportKindParams, ImportQuery, ImportReport, TemplateQuery } from './import.schema.ts';
import { importFile } from './import.service.ts';
import { buildTemplate } from './import.template.ts';

/** attachment; filename="ascii.xlsx"; filename*=UTF-8''中文.xlsx (RFC 6266 / RFC 5987). */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

const unsupported = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    zh: '请上传 .xlsx 或 .csv 文件（multipart/form-data，字段名 file）',
    en: 'Upload an .xlsx or .csv file (multipart/form-data, field "file")',
  });

export function importRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['imports'];

    app.get(
      '/imports/templates/:kind',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Download the import template of a kind (XLSX with a 说明 sheet, or CSV)',
          params: ImportKindParams,
          querystring: TemplateQuery,
        },
      },
      async (request, reply) => {
        const file = await buildTemplate(request.params.kind, request.query.format ?? 'xlsx');
        return reply
          .header('content-disposition', contentDisposition(file.fileName, file.asciiFileName))
          .header('cache-control', 'no-store')
          .type(file.contentType)
          .send(file.body);
      },
    );

    app.post(
      '/imports/:kind',
      {
        config: { access: 'org.write' },
        schema: {
          tags,
          summary: 'Check (dry-run) or import (commit) an XLSX or CSV file',
          description:
            'multipart/form-data with one file field named `file` (.xlsx or .csv). A dry run answers 200 with the report and writes nothing. ' +
            'A commit answers 200 with committed: true when every row is right and all were imported in one transaction; otherwise ' +
            '422 IMPORT_INVALID whose problem document carries `report`, and nothing is written. A file without a usable header or ' +
            'without data rows is 422 IMPORT_INVALID in both modes; an unreadable file 400; another file type 415; too large 413.',
          params: ImportKindParams,
          querystring: ImportQuery,
          response: { 200: ImportReport },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw unsupported();
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          part?.file.resume();
          throw new AppError('BAD_REQUEST', {
            zh: '请在字段 file 中上传文件',
            en: 'Send the file in the form field "file"',
          });
        }
        const format = formatOf(part.filename, part.mimetype);
        if (format === null) {
          part.file.resume();
          throw unsupported();
        }
        // Throws 413 (PAYLOAD_TOO_LARGE) past the configured upload limit.
        const data = await part.toBuffer();
        return importFile(ctx, actorOf(request), {
          kind: request.params.kind,
          mode: request.query.mode ?? 'dry-run',
          fileName: part.filename,
          format,
          data,
        });
      },
    );
  };
}
