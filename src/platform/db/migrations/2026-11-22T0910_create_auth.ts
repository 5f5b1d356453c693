import type { Kysely } from 'kysely';
import { oneOf, timestampType, withId, withTimestamps } from './_portable.ts';

/** Accounts, their roles and server-side sessions (so any number of app processes can serve a user). */
export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    db,
    withId(db, db.schema.createTable('app_user'))
      .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('display_name', 'varchar(50)', (c) => c.notNull())
      .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
      .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
      .addColumn('representative_id', 'integer', (c) => c.references('representative.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
      .addColumn('status', 'varchar(16)', (c) =>
        oneOf('status', ['active', 'disabled'])(c.notNull().defaultTo('active')),
      )
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', timestampType(db))
      .addColumn('password_changed_at', timestampType(db), (c) => c.notNull())
      .addColumn('last_login_at', timestampType(db)),
  ).execute();
  await db.schema.createIndex('app_user_jurisdiction_idx').on('app_user').column('jurisdiction_id').execute();

  await db.schema
    .createTable('user_role')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_seen_at', timestampType(db), (c) => c.notNull())
    .addColumn('expires_at', timestampType(db), (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['session', 'user_role', 'app_user']) await db.schema.dropTable(t).execute();
}
