/** HTTP: the opinion dashboard and the ledger summaries (办理进度表), for leaders, staff and liaison officers. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { Dashboard, DashboardQuery, LedgerSummary, LedgerSummaryQuery } from './dashboard.schema.ts';
import { ledgerSummary, opinionDashboard } from './dashboard.service.ts';

export function dashboardRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['dashboard'];
    app.get(
      '/dashboard/opinions',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags,
          summary:
            'KPIs of the opinion loop over the scope and months (default: the last 12), by month, jurisdiction, unit, category and station',
          querystring: DashboardQuery,
          response: { 200: Dashboard },
        },
      },
      (req) => opinionDashboard(ctx, actorOf(req), req.query),
    );
    app.get(
      '/opinions/ledger-summary',
      {
        config: { access: 'dashboard.read' },
        schema: {
          tags,
          summary: 'The ledger rolled up by station, representative group, unit, category or jurisdiction',
          querystring: LedgerSummaryQuery,
          response: { 200: LedgerSummary },
        },
      },
      (req) => ledgerSummary(ctx, actorOf(req), req.query),
    );
  };
}
