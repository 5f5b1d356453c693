/**
 * The jobs every Liaison process runs (src/platform/jobs.ts runs them): the opinion and
 * suggestion deadlines first, so the reminders and escalations they queue go out through the outbox in the same run,
 * then the outbox, then the purge of dead sessions every ten minutes.
 */
import type { AppContext } from './context.ts';
import type { Job } from './jobs.ts';
import { purgeExpiredSessions } from '../modules/auth/auth.service.ts';
import { outboxJob } from '../modules/notifications/outbox.ts';
import { runOpinionDeadlines } from '../modules/opinions/opinions.jobs.ts';
import { runSuggestionDeadlines } from '../modules/suggestions/suggestions.jobs.ts';
import { materialiseReceptions } from '../modules/activities/receptions.service.ts';
import { refreshCurrentYear } from '../modules/performance/scoring.service.ts';

export function defaultJobs(ctx: AppContext): Job[] {
  return [
    { name: 'opinion-deadlines', run: () => runOpinionDeadlines(ctx) },
    { name: 'suggestion-deadlines', run: () => runSuggestionDeadlines(ctx) },
    { name: 'reception-days', everySeconds: 3600, run: () => materialiseReceptions(ctx) },
    { name: 'score-refresh', everySeconds: 3600, run: () => refreshCurrentYear(ctx) },
    outboxJob(ctx),
    {
      name: 'session-purge',
      everySeconds: 600,
      run: async () => ({ purged: await purgeExpiredSessions(ctx) }),
    },
  ];
}
