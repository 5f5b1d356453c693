import type { Kysely } from 'kysely';
import { dateType, oneOf, withId, withTimestamps } from './_portable.ts';

const CATEGORIES: [string, string, string][] = [
  ['housing', '城乡建设与住房', 'Urban-rural construction & housing'],
  ['transport', '交通出行', 'Transport'],
  ['environment', '生态环境', 'Ecology & environment'],
  ['education', '教育', 'Education'],
  ['health', '医疗卫生', 'Health care'],
  ['social_security', '社会保障与就业', 'Social security & employment'],
  ['business', '营商环境与企业服务', 'Business environment & enterprise services'],
  ['agriculture', '农业农村', 'Agriculture & rural affairs'],
  ['city_management', '城市管理', 'City management'],
  ['public_safety', '公共安全', 'Public safety'],
  ['civil_affairs', '民政与养老', 'Civil affairs & elderly care'],
  ['utilities', '水电气与公用事业', 'Water, power, gas & utilities'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    db,
    withId(db, db.schema.createTable('jurisdiction'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('level', 'varchar(16)', (c) =>
        oneOf('level', ['province', 'city', 'county', 'township', 'village'])(c.notNull()),
      )
      .addColumn('parent_id', 'integer', (c) => c.references('jurisdiction.id'))
      .addColumn('path', 'varchar(255)', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('jurisdiction_parent_idx').on('jurisdiction').column('parent_id').execute();
  await db.schema.createIndex('jurisdiction_path_idx').on('jurisdiction').column('path').execute();

  await withTimestamps(
    db,
    withId(db, db.schema.createTable('congress'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('level', 'varchar(16)', (c) =>
        oneOf('level', ['national', 'provincial', 'city', 'county', 'township', 'street'])(c.notNull()),
      )
      .addColumn('term_number', 'integer', (c) => c.notNull())
      .addColumn('jurisdiction_id', 'integer', (c) => c.references('jurisdiction.id'))
      .addColumn('term_start', dateType(db))
      .addColumn('term_end', dateType(db)),
  ).execute();

  await db.schema
    .createTable('category')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('parent_code', 'varchar(32)', (c) => c.references('category.code'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(50)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('category')
    .values(
      CATEGORIES.map(([code, zh, en], i) => ({
        code,
        parent_code: null,
        level: 1,
        name_zh: zh,
        name_en: en,
        sort_order: i + 1,
      })),
    )
    .execute();

  await withTimestamps(
    db,
    withId(db, db.schema.createTable('representative'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(50)', (c) => c.notNull())
      .addColumn('gender', 'varchar(8)', (c) => oneOf('gender', ['male', 'female'])(c.notNull()))
      .addColumn('ethnicity', 'varchar(20)')
      .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
      .addColumn('employer', 'varchar(200)')
      .addColumn('post', 'varchar(100)')
      .addColumn('sector', 'varchar(50)')
      .addColumn('status', 'varchar(16)', (c) =>
        oneOf('status', ['active', 'suspended', 'terminated'])(c.notNull().defaultTo('active')),
      )
      .addColumn('status_note', 'varchar(500)')
      .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('bio', 'varchar(2000)')
      .addColumn('phone_enc', 'varchar(200)')
      .addColumn('phone_hash', 'varchar(64)'),
  ).execute();
  await db.schema
    .createIndex('representative_jurisdiction_idx')
    .on('representative')
    .column('jurisdiction_id')
    .execute();
  await db.schema.createIndex('representative_name_idx').on('representative').column('name').execute();
  await db.schema
    .createIndex('representative_phone_hash_idx')
    .on('representative')
    .column('phone_hash')
    .execute();

  await withId(db, db.schema.createTable('representative_seat'))
    .addColumn('representative_id', 'integer', (c) =>
      c.notNull().references('representative.id').onDelete('cascade'),
    )
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congress.id'))
    .addColumn('delegation', 'varchar(100)')
    .addColumn('constituency', 'varchar(100)')
    .addColumn('elected_on', dateType(db))
    .addColumn('ended_on', dateType(db))
    .addUniqueConstraint('representative_seat_unique', ['representative_id', 'congress_id'])
    .execute();
  await db.schema
    .createIndex('representative_seat_congress_idx')
    .on('representative_seat')
    .column('congress_id')
    .execute();

  await withTimestamps(
    db,
    withId(db, db.schema.createTable('rep_group'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => oneOf('kind', ['regional', 'professional'])(c.notNull()))
      .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
      .addColumn('theme', 'varchar(100)')
      .addColumn('description', 'varchar(2000)'),
  ).execute();
  await db.schema
    .createIndex('rep_group_jurisdiction_idx')
    .on('rep_group')
    .column('jurisdiction_id')
    .execute();

  await db.schema
    .createTable('group_member')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('rep_group.id').onDelete('cascade'))
    .addColumn('representative_id', 'integer', (c) =>
      c.notNull().references('representative.id').onDelete('cascade'),
    )
    .addColumn('role', 'varchar(16)', (c) =>
      oneOf('role', ['leader', 'deputy_leader', 'member'])(c.notNull().defaultTo('member')),
    )
    .addPrimaryKeyConstraint('group_member_pk', ['group_id', 'representative_id'])
    .execute();
  await db.schema
    .createIndex('group_member_rep_idx')
    .on('group_member')
    .column('representative_id')
    .execute();

  await withTimestamps(
    db,
    withId(db, db.schema.createTable('unit'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('short_name', 'varchar(50)')
      .addColumn('kind', 'varchar(16)', (c) =>
        oneOf('kind', ['government', 'court', 'procuratorate', 'township', 'public_service', 'other'])(
          c.notNull(),
        ),
      )
      .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('unit.id'))
      .addColumn('contact_name', 'varchar(50)')
      .addColumn('contact_phone_enc', 'varchar(200)')
      .addColumn('status', 'varchar(16)', (c) =>
        oneOf('status', ['active', 'inactive'])(c.notNull().defaultTo('active')),
      ),
  ).execute();
  await db.schema.createIndex('unit_jurisdiction_idx').on('unit').column('jurisdiction_id').execute();

  await db.schema
    .createTable('unit_category')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('category_code', 'varchar(32)', (c) => c.notNull().references('category.code'))
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
    .addPrimaryKeyConstraint('unit_category_pk', ['unit_id', 'category_code', 'jurisdiction_id'])
    .execute();
  await db.schema
    .createIndex('unit_category_route_idx')
    .on('unit_category')
    .columns(['category_code', 'jurisdiction_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'unit_category',
    'unit',
    'group_member',
    'rep_group',
    'representative_seat',
    'representative',
    'category',
    'congress',
    'jurisdiction',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
