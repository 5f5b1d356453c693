/** Reads for the published scoring method: which congress a station belongs to, which congresses have rules. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The congresses of these jurisdictions (a station's and those above it). */
export function congressesOfJurisdictions(db: Kysely<DB>, jurisdictionIds: readonly number[]) {
  if (jurisdictionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('congress')
    .select(['id', 'name', 'jurisdiction_id'])
    .where('jurisdiction_id', 'in', [...jurisdictionIds])
    .orderBy('id')
    .execute();
}

/** The congresses with rules saved for the year, by name. */
export function congressesWithRules(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('congress as c')
    .select(['c.id', 'c.name'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('performance_rule_set as v')
          .select('v.id')
          .whereRef('v.congress_id', '=', 'c.id')
          .where('v.year', '=', year),
      ),
    )
    .orderBy('c.id')
    .execute();
}

/** A station's jurisdiction path, by its public code. */
export function stationPath(db: Kysely<DB>, publicCode: string) {
  return db
    .selectFrom('station as s')
    .innerJoin('jurisdiction as j', 'j.id', 's.jurisdiction_id')
    .select(['s.id', 'j.path'])
    .where('s.public_code', '=', publicCode)
    .executeTakeFirst();
}
