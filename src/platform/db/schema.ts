/** The database as Kysely sees it: every module's tables in one interface. */
import type { AuditTables } from '../../modules/audit/audit.tables.ts';
import type { AuthTables } from '../../modules/auth/auth.tables.ts';
import type { OrgTables } from '../../modules/org/org.tables.ts';

export interface DB extends OrgTables, AuthTables, AuditTables {}
