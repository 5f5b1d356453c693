import type { Kysely } from 'kysely';

/**
 * A unit's staff see the items assigned to their unit and those it handled before (an event of
 * the unit): the visibility predicate asks "which opinions has unit U an event on?", which needs
 * the events by unit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('opinion_event_unit_idx')
    .on('opinion_event')
    .columns(['unit_id', 'opinion_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('opinion_event_unit_idx').execute();
}
