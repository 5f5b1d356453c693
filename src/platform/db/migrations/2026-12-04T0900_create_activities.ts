import type { Kysely } from 'kysely';
import { dateType, timestampType, withId } from './_portable.ts';

/**
 * Duty performance (履职, DESIGN.md §4.3): the activity types staff keep, activities with their
 * participants (sign-up, leave, check-in, attendance), outputs linked back, stations' reception
 * holiday policy and roster size; scoring rule sets (versioned per congress and year) and the
 * score entries each computation writes (every point linked to its record), excellent
 * suggestions, published disclosures (corrections are new versions) and honours.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);

  await db.schema
    .createTable('activity_type')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('label_zh', 'varchar(50)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(100)', (c) => c.notNull())
    /** What the scoring and the requirements read it as: reception, research, inspection, other. */
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('activity_type')
    .values(
      TYPES.map(([code, zh, en, kind], i) => ({
        code,
        label_zh: zh,
        label_en: en,
        kind,
        sort_order: i + 1,
        active: 1,
        updated_at: now,
      })),
    )
    .execute();

  await withId(db, db.schema.createTable('activity'))
    .addColumn('type_code', 'varchar(32)', (c) => c.notNull().references('activity_type.code'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('organiser', 'varchar(16)', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
    .addColumn('congress_id', 'integer', (c) => c.references('congress.id'))
    .addColumn('station_id', 'integer', (c) => c.references('station.id'))
    .addColumn('group_id', 'integer', (c) => c.references('rep_group.id'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('place', 'varchar(200)')
    .addColumn('agenda', 'text')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** Random, unguessable code of the activity's check-in QR code. */
    .addColumn('checkin_code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('minutes', 'text')
    /** For a reception day made from a station's schedule: the date its rule gave. */
    .addColumn('rule_date', date)
    .addColumn('created_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('deleted_at', ts)
    .addColumn('deleted_reason', 'varchar(500)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ['activity_jurisdiction_idx', ['jurisdiction_id', 'starts_at']],
    ['activity_station_idx', ['station_id', 'starts_at']],
    ['activity_group_idx', ['group_id', 'starts_at']],
    ['activity_starts_idx', ['starts_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('activity')
      .columns([...cols])
      .execute();
  }
  // One reception activity per station and rule date, however many processes materialise them.
  await db.schema
    .createIndex('activity_station_rule_date_idx')
    .unique()
    .on('activity')
    .columns(['station_id', 'rule_date'])
    .execute();

  await db.schema
    .createTable('activity_participant')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('representative_id', 'integer', (c) => c.notNull().references('representative.id'))
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('invited_at', ts, (c) => c.notNull())
    .addColumn('leave_reason', 'varchar(500)')
    .addColumn('leave_decided_at', ts)
    .addColumn('leave_decided_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('attendance', 'varchar(8)')
    .addColumn('checked_in_at', ts)
    .addColumn('checkin_method', 'varchar(8)')
    .addColumn('checkin_device', 'varchar(200)')
    .addColumn('manual_reason', 'varchar(500)')
    .addColumn('recorded_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('activity_participant_pk', ['activity_id', 'representative_id'])
    .execute();
  await db.schema
    .createIndex('activity_participant_representative_idx')
    .on('activity_participant')
    .columns(['representative_id', 'activity_id'])
    .execute();

  await withId(db, db.schema.createTable('activity_output'))
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activity.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('ref_id', 'integer')
    .addColumn('title', 'varchar(200)')
    .addColumn('created_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_output_activity_idx')
    .on('activity_output')
    .column('activity_id')
    .execute();

  await db.schema
    .alterTable('station')
    .addColumn('reception_holiday', 'varchar(24)', (c) => c.notNull().defaultTo('next_working_day'))
    .execute();
  await db.schema
    .alterTable('station')
    .addColumn('reception_on_duty', 'integer', (c) => c.notNull().defaultTo(2))
    .execute();
  await db.schema
    .alterTable('station')
    .addColumn('reception_notice_days', 'integer', (c) => c.notNull().defaultTo(14))
    .execute();

  await withId(db, db.schema.createTable('performance_rule_set'))
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congress.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The rules as JSON (performance.domain.ts ScoreRules), checked when saved. */
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('computed_at', ts)
    .execute();
  await db.schema
    .createIndex('performance_rule_set_version_idx')
    .unique()
    .on('performance_rule_set')
    .columns(['congress_id', 'year', 'version'])
    .execute();

  await withId(db, db.schema.createTable('score_entry'))
    .addColumn('rule_set_id', 'integer', (c) =>
      c.notNull().references('performance_rule_set.id').onDelete('cascade'),
    )
    .addColumn('representative_id', 'integer', (c) => c.notNull().references('representative.id'))
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('rule', 'varchar(48)', (c) => c.notNull())
    .addColumn('source_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    /** Points in hundredths (integers add up the same on both engines). */
    .addColumn('points_centi', 'integer', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('score_entry_representative_idx')
    .on('score_entry')
    .columns(['rule_set_id', 'representative_id'])
    .execute();

  await db.schema
    .createTable('excellent_suggestion')
    .addColumn('suggestion_id', 'integer', (c) => c.primaryKey().references('suggestion.id'))
    .addColumn('marked_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('disclosure'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The figures and lists as published (JSON): a snapshot, never recomputed. */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'varchar(500)')
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('published_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('disclosure_subject_idx')
    .unique()
    .on('disclosure')
    .columns(['kind', 'subject_id', 'month', 'version'])
    .execute();

  await withId(db, db.schema.createTable('honour'))
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congress.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(50)', (c) => c.notNull())
    .addColumn('representative_id', 'integer', (c) => c.notNull().references('representative.id'))
    .addColumn('rule_set_id', 'integer', (c) => c.notNull().references('performance_rule_set.id'))
    .addColumn('score_centi', 'integer', (c) => c.notNull())
    .addColumn('citation', 'varchar(1000)')
    .addColumn('awarded_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('awarded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('honour_unique_idx')
    .unique()
    .on('honour')
    .columns(['congress_id', 'year', 'title', 'representative_id'])
    .execute();
}

/** Frozen copy of the activity types of DESIGN.md §4.3 a new installation starts with. */
const TYPES: [string, string, string, string][] = [
  ['reception', '接待选民', 'Receiving constituents', 'reception'],
  ['research', '调研', 'Research', 'research'],
  ['inspection', '视察', 'Inspection', 'inspection'],
  ['law_check', '执法检查', 'Law-enforcement check', 'inspection'],
  ['inquiry', '专题询问', 'Special inquiry', 'other'],
  ['group_activity', '代表小组活动', 'Group activity', 'other'],
  ['training', '培训', 'Training', 'other'],
  ['lecture', '代表讲堂', 'Representatives’ lecture', 'other'],
  ['consultation', '协商议事', 'Consultation', 'other'],
  ['project_supervision', '督查项目', 'Project supervision', 'inspection'],
  ['livestream', '进直播间', 'Live broadcast', 'other'],
  ['theme', '主题活动', 'Themed activity', 'other'],
  ['report_to_voters', '向选民报告履职', 'Report to voters', 'other'],
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'honour',
    'disclosure',
    'excellent_suggestion',
    'score_entry',
    'performance_rule_set',
    'activity_output',
    'activity_participant',
    'activity',
    'activity_type',
  ])
    await db.schema.dropTable(table).execute();
  for (const column of ['reception_notice_days', 'reception_on_duty', 'reception_holiday'])
    await db.schema.alterTable('station').dropColumn(column).execute();
}
