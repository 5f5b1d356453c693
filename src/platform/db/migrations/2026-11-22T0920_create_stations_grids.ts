import type { Kysely } from 'kysely';
import { dateType, oneOf, withId, withTimestamps } from './_portable.ts';

/** Stations (家站点) and grids (网格); after the accounts, because a station names its liaison officer's account. */
export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    db,
    withId(db, db.schema.createTable('station'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('public_code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('tier', 'varchar(16)', (c) =>
        oneOf('tier', ['general', 'center', 'station', 'point'])(c.notNull()),
      )
      .addColumn('theme', 'varchar(16)', (c) =>
        oneOf('theme', ['community', 'industry', 'park', 'cross_region', 'enterprise', 'other'])(
          c.notNull().defaultTo('community'),
        ),
      )
      .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('station.id'))
      .addColumn('address', 'varchar(200)')
      .addColumn('liaison_officer_user_id', 'integer', (c) => c.references('app_user.id'))
      .addColumn('reception_rule', 'varchar(200)')
      .addColumn('reception_start', 'varchar(5)')
      .addColumn('reception_end', 'varchar(5)')
      .addColumn('status', 'varchar(16)', (c) =>
        oneOf('status', ['active', 'retired'])(c.notNull().defaultTo('active')),
      )
      .addColumn('opened_on', dateType(db)),
  ).execute();
  await db.schema.createIndex('station_jurisdiction_idx').on('station').column('jurisdiction_id').execute();
  await db.schema.createIndex('station_parent_idx').on('station').column('parent_id').execute();

  await db.schema
    .createTable('station_member')
    .addColumn('station_id', 'integer', (c) => c.notNull().references('station.id').onDelete('cascade'))
    .addColumn('representative_id', 'integer', (c) =>
      c.notNull().references('representative.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('station_member_pk', ['station_id', 'representative_id'])
    .execute();
  await db.schema
    .createIndex('station_member_rep_idx')
    .on('station_member')
    .column('representative_id')
    .execute();

  await withTimestamps(
    db,
    withId(db, db.schema.createTable('grid'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
      .addColumn('station_id', 'integer', (c) => c.references('station.id'))
      .addColumn('description', 'varchar(2000)'),
  ).execute();
  await db.schema.createIndex('grid_jurisdiction_idx').on('grid').column('jurisdiction_id').execute();

  await db.schema
    .createTable('grid_member')
    .addColumn('grid_id', 'integer', (c) => c.notNull().references('grid.id').onDelete('cascade'))
    .addColumn('representative_id', 'integer', (c) =>
      c.notNull().references('representative.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('grid_member_pk', ['grid_id', 'representative_id'])
    .execute();
  await db.schema.createIndex('grid_member_rep_idx').on('grid_member').column('representative_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['grid_member', 'grid', 'station_member', 'station']) {
    await db.schema.dropTable(t).execute();
  }
}
