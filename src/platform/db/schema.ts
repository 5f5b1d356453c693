/** The database as Kysely sees it: every module's tables in one interface. */
import type { AuditTables } from '../../modules/audit/audit.tables.ts';
import type { AuthTables } from '../../modules/auth/auth.tables.ts';
import type { CalendarTables } from '../../modules/calendar/calendar.tables.ts';
import type { NotificationTables } from '../../modules/notifications/notifications.tables.ts';
import type { OpinionTables } from '../../modules/opinions/opinions.tables.ts';
import type { OrgTables } from '../../modules/org/org.tables.ts';
import type { SuggestionTables } from '../../modules/suggestions/suggestions.tables.ts';
import type { ActivityTables } from '../../modules/activities/activities.tables.ts';
import type { PerformanceTables } from '../../modules/performance/performance.tables.ts';

export interface DB
  extends
    OrgTables,
    AuthTables,
    AuditTables,
    OpinionTables,
    NotificationTables,
    CalendarTables,
    SuggestionTables,
    ActivityTables,
    PerformanceTables {}
