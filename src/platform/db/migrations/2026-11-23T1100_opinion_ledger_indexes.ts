import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the ledger and its summaries at a million opinions (bench/: `npm run bench -- --only
 * ledger`), each for a query that otherwise reads every row of the scope:
 *
 * - the ledger's first page in its default order (submitted, newest first): PostgreSQL walks this
 *   index backwards and stops at the page (SQLite already merges the per-jurisdiction runs of
 *   opinion_jurisdiction_submitted_idx);
 * - the count of a ledger filtered by unit and status: the jurisdiction joins the unit index, so
 *   the scope is checked in the index and the count reads no rows. Partial, as no query asks for
 *   the items without a unit: a new submission (not yet assigned) then costs this index nothing;
 * - the summary by representative group (dashboard.repo.ts `sumByGroup`), which the statistics
 *   cannot give: everything it reads of an opinion addressed to a representative (the filters,
 *   then the facts the counters are computed from), in the order it looks them up — a
 *   representative's opinions of a range of months. Partial: an opinion addressed to no
 *   representative is in no group.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('opinion_submitted_idx')
    .on('opinion')
    .columns(['submitted_at', 'id'])
    .execute();
  await db.schema.dropIndex('opinion_unit_idx').execute();
  await db.schema
    .createIndex('opinion_unit_idx')
    .on('opinion')
    .columns(['unit_id', 'status', 'jurisdiction_id'])
    .where(sql.ref('unit_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('opinion_representative_facts_idx')
    .on('opinion')
    .columns([
      'representative_id',
      'stats_month',
      'jurisdiction_id',
      'unit_id',
      'station_id',
      'category_code',
      'status',
      'ack_at',
      'ack_on_time',
      'ack_overdue',
      'first_reply_at',
      'reply_on_time',
      'last_result',
      'last_rating',
      'rehandle_rounds',
      'reply_overdue',
    ])
    .where(sql.ref('representative_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('opinion_representative_facts_idx').execute();
  await db.schema.dropIndex('opinion_unit_idx').execute();
  await db.schema.createIndex('opinion_unit_idx').on('opinion').columns(['unit_id', 'status']).execute();
  await db.schema.dropIndex('opinion_submitted_idx').execute();
}
