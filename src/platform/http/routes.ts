/** Every module's API, mounted under /api/v1. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { auditRoutes } from '../../modules/audit/audit.routes.ts';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { usersRoutes } from '../../modules/auth/users.routes.ts';
import { importRoutes } from '../../modules/org/import.routes.ts';
import { orgRoutes } from '../../modules/org/org.routes.ts';
import { opinionRoutes } from '../../modules/opinions/opinions.routes.ts';
import { publicIntakeRoutes } from '../../modules/opinions/public-intake.routes.ts';
import { publicRoutes } from '../../modules/public/public.routes.ts';
import { notificationRoutes } from '../../modules/notifications/notifications.routes.ts';
import { calendarRoutes } from '../../modules/calendar/calendar.routes.ts';
import { dashboardRoutes } from '../../modules/opinions/dashboard.routes.ts';
import { suggestionRoutes } from '../../modules/suggestions/suggestions.routes.ts';
import { suggestionReportRoutes } from '../../modules/suggestions/report.routes.ts';
import { publicSuggestionRoutes } from '../../modules/suggestions/public.routes.ts';
import { activityRoutes } from '../../modules/activities/activities.routes.ts';
import { performanceRoutes } from '../../modules/performance/performance.routes.ts';
import { performanceDashboardRoutes } from '../../modules/performance/dashboard.routes.ts';
import { archiveRoutes } from '../../modules/performance/archive.routes.ts';
import { disclosureRoutes } from '../../modules/performance/disclosure.routes.ts';
import { honourRoutes } from '../../modules/performance/honours.routes.ts';
import { publicPerformanceRoutes } from '../../modules/performance/public-performance.routes.ts';

export function apiRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(authRoutes(ctx));
    await app.register(usersRoutes(ctx));
    await app.register(auditRoutes(ctx));
    await app.register(orgRoutes(ctx));
    await app.register(importRoutes(ctx));
    await app.register(opinionRoutes(ctx));
    await app.register(publicIntakeRoutes(ctx));
    await app.register(publicRoutes(ctx));
    await app.register(notificationRoutes(ctx));
    await app.register(calendarRoutes(ctx));
    await app.register(dashboardRoutes(ctx));
    await app.register(suggestionRoutes(ctx));
    await app.register(suggestionReportRoutes(ctx));
    await app.register(publicSuggestionRoutes(ctx));
    await app.register(activityRoutes(ctx));
    await app.register(performanceRoutes(ctx));
    await app.register(performanceDashboardRoutes(ctx));
    await app.register(archiveRoutes(ctx));
    await app.register(disclosureRoutes(ctx));
    await app.register(honourRoutes(ctx));
    await app.register(publicPerformanceRoutes(ctx));
  };
}
