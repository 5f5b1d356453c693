/**
 * Every migration, in order. A static list (not a directory scan) so the same code runs from
 * TypeScript sources, a bundle, or tests without file-system discovery.
 */
import type { Migration } from 'kysely';
import * as createOrg from './2026-11-22T0900_create_org.ts';
import * as createAuth from './2026-11-22T0910_create_auth.ts';
import * as createStationsGrids from './2026-11-22T0920_create_stations_grids.ts';
import * as createAudit from './2026-11-22T0930_create_audit.ts';
import * as createOpinions from './2026-11-23T0900_create_opinions.ts';
import * as opinionEventUnitIndex from './2026-11-23T1000_opinion_event_unit_index.ts';
import * as opinionLedgerIndexes from './2026-11-23T1100_opinion_ledger_indexes.ts';
import * as createSuggestions from './2026-12-03T0900_create_suggestions.ts';
import * as createActivities from './2026-12-04T0900_create_activities.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-22T0900_create_org': createOrg,
  '2026-11-22T0910_create_auth': createAuth,
  '2026-11-22T0920_create_stations_grids': createStationsGrids,
  '2026-11-22T0930_create_audit': createAudit,
  '2026-11-23T0900_create_opinions': createOpinions,
  '2026-11-23T1000_opinion_event_unit_index': opinionEventUnitIndex,
  '2026-11-23T1100_opinion_ledger_indexes': opinionLedgerIndexes,
  '2026-12-03T0900_create_suggestions': createSuggestions,
  '2026-12-04T0900_create_activities': createActivities,
};
