/**
 * HTTP: duty performance seen from above — the congress's dashboard (履职统计), a representative
 * group's year of activities, and the grids' coverage by serving representatives.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { PerformanceDashboard, PerformanceDashboardQuery } from './dashboard.schema.ts';
import { performanceDashboard } from './dashboard.service.ts';
import {
  GridCoverage,
  GridCoverageQuery,
  GroupPerformance,
  GroupPerformanceQuery,
} from './groups-grids.schema.ts';
import { gridCoverage, groupPerformance } from './groups-grids.service.ts';

export function performanceDashboardRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/performance/dashboard',
      {
        config: { access: 'performance.read' },
        schema: {
          tags: ['performance'],
          summary:
            'A congress’s year of duty performance: participation by representative, level, group and station; requirements not met; activities by type and month',
          querystring: PerformanceDashboardQuery,
          response: { 200: PerformanceDashboard },
        },
      },
      (req) => performanceDashboard(ctx, actorOf(req), req.query),
    );
    app.get(
      '/groups/:id/performance',
      {
        config: { access: 'activities.read' },
        schema: {
          tags: ['performance', 'org'],
          summary:
            'A representative group’s year: members and their attendance, the activities it organised, their outputs and the opinions raised at them',
          params: IdParams,
          querystring: GroupPerformanceQuery,
          response: { 200: GroupPerformance },
        },
      },
      (req) => groupPerformance(ctx, actorOf(req), req.params.id, req.query.year),
    );
    app.get(
      '/grids/coverage',
      {
        config: { access: 'org.read' },
        schema: {
          tags: ['performance', 'org'],
          summary: 'Grids without a serving representative (coverage gaps), with totals',
          querystring: GridCoverageQuery,
          response: { 200: GridCoverage },
        },
      },
      (req) => gridCoverage(ctx, actorOf(req), req.query.jurisdictionId),
    );
  };
}
