import { sql, type Kysely } from 'kysely';
import { isPostgres, timestampType, withId } from './_portable.ts';

/**
 * The opinion loop (DESIGN.md §4.1): opinions with their deadlines and the facts the KPIs count,
 * the event log behind every timeline, replies, ratings, extension requests, photos, the monthly
 * statistics kept in step with the opinions, idempotency keys, the in-app inbox and the outbox,
 * the scheduler's record of alerts raised, the calendar years an administrator loaded, and the
 * stable public codes that representatives' QR codes carry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`;

  await withId(db, db.schema.createTable('opinion'))
    .addColumn('tracking_code', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('submitter_kind', 'varchar(16)', (c) => c.notNull().defaultTo('citizen'))
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
    .addColumn('station_id', 'integer', (c) => c.references('station.id'))
    .addColumn('representative_id', 'integer', (c) => c.references('representative.id'))
    .addColumn('grid_id', 'integer', (c) => c.references('grid.id'))
    .addColumn('category_code', 'varchar(32)', (c) => c.references('category.code'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('submitter_name_enc', 'varchar(300)')
    .addColumn('submitter_phone_enc', 'varchar(200)')
    .addColumn('submitter_phone_hash', 'varchar(64)')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_privacy_at', ts, (c) => c.notNull())
    .addColumn('privacy_notice_version', 'varchar(16)', (c) => c.notNull())
    .addColumn('consent_publish', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registered_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('stats_month', 'varchar(7)', (c) => c.notNull())
    .addColumn('ack_due', ts, (c) => c.notNull())
    .addColumn('ack_at', ts)
    .addColumn('ack_on_time', 'integer')
    .addColumn('ack_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('assigned_at', ts)
    .addColumn('sign_due', ts)
    .addColumn('signed_at', ts)
    .addColumn('sign_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_due', ts)
    .addColumn('reply_due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_from', 'varchar(24)')
    .addColumn('first_reply_at', ts)
    .addColumn('reply_on_time', 'integer')
    .addColumn('last_result', 'varchar(24)')
    .addColumn('last_reply_at', ts)
    .addColumn('feedback_due', ts)
    .addColumn('last_rating', 'varchar(24)')
    .addColumn('rated_at', ts)
    .addColumn('rehandle_rounds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'integer', (c) => c.references('opinion.id'))
    .addColumn('rejection_reason', 'varchar(24)')
    .addColumn('rejection_note', 'varchar(500)')
    .addColumn('converted_ref', 'varchar(100)')
    .addColumn('closed_at', ts)
    .addColumn('published_at', ts)
    .addColumn('published_content', 'text')
    .addColumn('published_reply', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ['opinion_jurisdiction_submitted_idx', ['jurisdiction_id', 'submitted_at']],
    ['opinion_status_idx', ['status', 'submitted_at']],
    ['opinion_unit_idx', ['unit_id', 'status']],
    ['opinion_station_idx', ['station_id', 'submitted_at']],
    ['opinion_representative_idx', ['representative_id', 'submitted_at']],
    ['opinion_grid_idx', ['grid_id']],
    ['opinion_phone_idx', ['submitter_phone_hash', 'submitted_at']],
    ['opinion_merged_idx', ['merged_into_id']],
    ['opinion_published_idx', ['published_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('opinion')
      .columns([...cols])
      .execute();
  }

  await withId(db, db.schema.createTable('opinion_event'))
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinion.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(24)')
    .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    /** A note the citizen may read on the tracking page (a rejection's guidance, a reply's summary). */
    .addColumn('public_note', 'text')
    /** A note for staff only (an internal remark, an extension's reason). */
    .addColumn('internal_note', 'text')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('opinion_event_opinion_idx')
    .on('opinion_event')
    .columns(['opinion_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('opinion_reply'))
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinion.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('result', 'varchar(24)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('replied_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('replier_name', 'varchar(100)')
    .addColumn('contact_note', 'varchar(500)')
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('opinion_reply_opinion_idx')
    .on('opinion_reply')
    .columns(['opinion_id', 'round'])
    .execute();

  await withId(db, db.schema.createTable('opinion_rating'))
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinion.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('rating', 'varchar(24)', (c) => c.notNull())
    .addColumn('comment', 'varchar(1000)')
    .addColumn('by_citizen', 'integer', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addUniqueConstraint('opinion_rating_round_unique', ['opinion_id', 'round'])
    .execute();

  await withId(db, db.schema.createTable('opinion_extension'))
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinion.id').onDelete('cascade'))
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('requested_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('previous_due', ts, (c) => c.notNull())
    .addColumn('decided_at', ts)
    .addColumn('decided_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('approved', 'integer')
    .addColumn('new_due', ts)
    .addColumn('decision_note', 'varchar(500)')
    .execute();
  await db.schema
    .createIndex('opinion_extension_opinion_idx')
    .on('opinion_extension')
    .column('opinion_id')
    .execute();

  await withId(db, db.schema.createTable('attachment'))
    .addColumn('owner_type', 'varchar(24)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)')
    .addColumn('mime', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachment_owner_idx')
    .on('attachment')
    .columns(['owner_type', 'owner_id'])
    .execute();

  // One row per (month, jurisdiction, station, unit, category): the counts the KPIs divide,
  // changed in the same transaction as the opinions they count (see opinions.kpi.ts).
  let stats = db.schema
    .createTable('opinion_stats')
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull())
    .addColumn('station_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('category_code', 'varchar(32)', (c) => c.notNull());
  for (const counter of STATS_COUNTERS)
    stats = stats.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
  await stats
    .addPrimaryKeyConstraint('opinion_stats_pk', [
      'month',
      'jurisdiction_id',
      'station_id',
      'unit_id',
      'category_code',
    ])
    .execute();
  await db.schema
    .createIndex('opinion_stats_jurisdiction_idx')
    .on('opinion_stats')
    .columns(['jurisdiction_id', 'month'])
    .execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('scope', 'varchar(64)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idempotency_key_created_idx')
    .on('idempotency_key')
    .column('created_at')
    .execute();

  await withId(db, db.schema.createTable('notification'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'varchar(1000)', (c) => c.notNull())
    .addColumn('link_type', 'varchar(24)')
    .addColumn('link_id', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema
    .createIndex('notification_user_idx')
    .on('notification')
    .columns(['user_id', 'read_at', 'id'])
    .execute();

  await withId(db, db.schema.createTable('outbox'))
    .addColumn('channel', 'varchar(8)', (c) => c.notNull())
    /** The recipient's phone number or e-mail address, encrypted like every other contact detail. */
    .addColumn('recipient_enc', 'varchar(400)', (c) => c.notNull())
    .addColumn('subject', 'varchar(200)')
    .addColumn('body', 'varchar(2000)', (c) => c.notNull())
    .addColumn('status', 'varchar(8)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('last_error', 'varchar(500)')
    .execute();
  await db.schema
    .createIndex('outbox_pending_idx')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('opinion_alert')
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinion.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('opinion_alert_pk', ['opinion_id', 'kind', 'round'])
    .execute();

  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .execute();

  await db.schema.alterTable('representative').addColumn('public_code', 'varchar(32)').execute();
  await db.schema.alterTable('app_user').addColumn('email', 'varchar(200)').execute();
  // Representatives already on file get their QR code now; new ones get it when created.
  const reps = await db.selectFrom('representative').select('id').execute();
  for (const r of reps) {
    await db
      .updateTable('representative')
      .set({ public_code: randomCode() })
      .where('id', '=', r.id)
      .execute();
  }
  await db.schema
    .createIndex('representative_public_code_idx')
    .unique()
    .on('representative')
    .column('public_code')
    .execute();
}

/** Frozen copy of the counters of opinion_stats (opinions.kpi.ts must name the same ones). */
const STATS_COUNTERS = [
  'collected',
  'valid',
  'handled',
  'responded',
  'responded_on_time',
  'response_overdue',
  'replied',
  'replied_on_time',
  'solved',
  'partially_solved',
  'explained',
  'rated',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'awaiting_feedback',
  'closed_unrated',
  'rehandled',
  'overdue_open',
] as const;

/** Ten characters of the printed-code alphabet, drawn without bias (bytes ≥ 248 are drawn again). */
function randomCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let code = '';
  while (code.length < 10) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) {
      if (b < 248 && code.length < 10) code += alphabet[b % alphabet.length];
    }
  }
  return code;
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('representative_public_code_idx').execute();
  await db.schema.alterTable('representative').dropColumn('public_code').execute();
  await db.schema.alterTable('app_user').dropColumn('email').execute();
  for (const t of [
    'calendar_year',
    'opinion_alert',
    'outbox',
    'notification',
    'idempotency_key',
    'opinion_stats',
    'attachment',
    'opinion_extension',
    'opinion_rating',
    'opinion_reply',
    'opinion_event',
    'opinion',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
