/** HTTP: statistics of suggestions, their XLSX export and the yearly handling report (DOCX). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';

export function suggestionReportRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  void ctx;
  return async () => {};
}
