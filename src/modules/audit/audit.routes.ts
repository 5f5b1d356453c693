/** HTTP: the audit administrator's query page and chain check. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { AuditPage, AuditQuery, ChainReportView } from './audit.schema.ts';
import { auditScopeOf, searchAudit, verifyAuditChain } from './audit.service.ts';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['audit'];
    app.get(
      '/audit',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Search the audit log',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (req) => {
        const { page = 1, pageSize = 50, ...filter } = req.query;
        return searchAudit(ctx, auditScopeOf(actorOf(req)), filter, page, pageSize);
      },
    );
    app.get(
      '/audit/verify',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Verify the hash chain of the whole log',
          response: { 200: ChainReportView },
        },
      },
      () => verifyAuditChain(ctx),
    );
  };
}
