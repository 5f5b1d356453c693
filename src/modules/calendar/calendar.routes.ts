/**
 * HTTP: the working-day calendar. Everyone signed in may see which years are official and ask
 * for a deadline (the web shows when it is only provisional); the system administrator loads or
 * resets a year.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/access.ts';
import { Ok } from '../../platform/http/schemas.ts';
import {
  CalendarYearList,
  CalendarYearView,
  DeadlineQuery,
  DeadlineView,
  SaveCalendarYearBody,
  YearParams,
} from './calendar.schema.ts';
import {
  describeDeadline,
  listCalendarYears,
  parseDeadlineStart,
  resetCalendarYear,
  saveCalendarYear,
} from './calendar.service.ts';

export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['calendar'];
    app.get(
      '/calendar/years',
      {
        config: { access: 'jurisdictions.read' },
        schema: {
          tags,
          summary:
            'Last year to two years ahead, and every loaded year, each with where its holidays come from',
          response: { 200: CalendarYearList },
        },
      },
      async () => ({ items: await listCalendarYears(ctx) }),
    );
    app.put(
      '/calendar/years/:year',
      {
        config: { access: 'calendar.write' },
        schema: {
          tags,
          summary: "Load or replace a year's holidays and make-up working days (overrides the official data)",
          params: YearParams,
          body: SaveCalendarYearBody,
          response: { 200: CalendarYearView },
        },
      },
      (req) => saveCalendarYear(ctx, actorOf(req), req.params.year, req.body),
    );
    app.delete(
      '/calendar/years/:year',
      {
        config: { access: 'calendar.write' },
        schema: {
          tags,
          summary: 'Drop a loaded year: the official arrangement (if any) applies again',
          params: YearParams,
          response: { 200: Ok },
        },
      },
      async (req) => {
        await resetCalendarYear(ctx, actorOf(req), req.params.year);
        return { ok: true as const };
      },
    );
    app.get(
      '/calendar/deadline',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The deadline a number of working days after a moment, and whether it is provisional',
          querystring: DeadlineQuery,
          response: { 200: DeadlineView },
        },
      },
      (req) =>
        describeDeadline(
          ctx,
          req.query.from ? parseDeadlineStart(req.query.from) : ctx.clock.now(),
          req.query.workingDays,
        ),
    );
  };
}
