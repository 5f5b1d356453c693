/** HTTP: the organisation module's API (DESIGN.md §1 capability 1), mounted under /api/v1. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { congressRoutes } from './congresses.routes.ts';
import { gridRoutes } from './grids.routes.ts';
import { groupRoutes } from './groups.routes.ts';
import { jurisdictionRoutes } from './jurisdictions.routes.ts';
import { representativeRoutes } from './representatives.routes.ts';
import { stationRoutes } from './stations.routes.ts';
import { unitRoutes } from './units.routes.ts';

export function orgRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(jurisdictionRoutes(ctx));
    await app.register(congressRoutes(ctx));
    await app.register(representativeRoutes(ctx));
    await app.register(groupRoutes(ctx));
    await app.register(stationRoutes(ctx));
    await app.register(gridRoutes(ctx));
    await app.register(unitRoutes(ctx));
  };
}
