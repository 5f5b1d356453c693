import type { Kysely } from 'kysely';
import { dateType, timestampType, withId } from './_portable.ts';

/**
 * Representatives' suggestions and motions (DESIGN.md §4.2): the cases with their deadlines and
 * the facts the statistics count, lead representatives and co-signers, the units they are
 * assigned to, the event log behind every timeline, contacts with the representative, replies
 * (corrections are new rows), evaluations, extension requests, class-B commitments and their
 * yearly progress, the case-number counters, the refusal reasons staff keep, the opinions a
 * suggestion came from, and the scheduler's record of alerts raised.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);

  await withId(db, db.schema.createTable('suggestion'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congress.id'))
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
    .addColumn('period', 'varchar(8)', (c) => c.notNull())
    .addColumn('session_number', 'integer')
    .addColumn('year', 'integer', (c) => c.notNull())
    /** What the case number counts within: 'S3' (the third session) or 'R2026' (between sessions in 2026). */
    .addColumn('session_key', 'varchar(16)', (c) => c.notNull())
    .addColumn('case_number', 'integer')
    .addColumn('registered_at', ts)
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('category_code', 'varchar(32)', (c) => c.references('category.code'))
    .addColumn('background', 'text', (c) => c.notNull())
    .addColumn('proposals', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('lead_representative_id', 'integer', (c) => c.notNull().references('representative.id'))
    .addColumn('created_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('submitted_at', ts)
    .addColumn('refusal_reason', 'varchar(32)')
    .addColumn('refusal_note', 'varchar(500)')
    .addColumn('merged_into_id', 'integer', (c) => c.references('suggestion.id'))
    .addColumn('key_supervision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supervisor_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('assigned_at', ts)
    .addColumn('return_due', ts)
    .addColumn('co_opinion_due', ts)
    .addColumn('reply_due', ts)
    .addColumn('reply_due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_reply_due', ts)
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_from', 'varchar(24)')
    .addColumn('last_contact_round', 'integer')
    .addColumn('first_replied_at', ts)
    .addColumn('last_replied_at', ts)
    .addColumn('reply_on_time', 'integer')
    .addColumn('reply_class', 'varchar(1)')
    .addColumn('evaluation_due', ts)
    .addColumn('evaluated_at', ts)
    .addColumn('attitude_rating', 'varchar(24)')
    .addColumn('result_rating', 'varchar(24)')
    .addColumn('rehandle_rounds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', ts)
    .addColumn('close_reason', 'varchar(24)')
    .addColumn('closed_at', ts)
    .addColumn('published_at', ts)
    .addColumn('published_title', 'varchar(200)')
    .addColumn('published_body', 'text')
    .addColumn('published_reply', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ['suggestion_jurisdiction_idx', ['jurisdiction_id', 'status']],
    ['suggestion_lead_idx', ['lead_representative_id']],
    ['suggestion_status_idx', ['status', 'reply_due']],
    ['suggestion_year_idx', ['year', 'congress_id']],
    ['suggestion_merged_idx', ['merged_into_id']],
    ['suggestion_published_idx', ['published_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('suggestion')
      .columns([...cols])
      .execute();
  }
  // Case numbers: unique within a congress, session and kind (null until registered).
  await db.schema
    .createIndex('suggestion_case_number_idx')
    .unique()
    .on('suggestion')
    .columns(['congress_id', 'session_key', 'kind', 'case_number'])
    .execute();

  await db.schema
    .createTable('suggestion_signer')
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('representative_id', 'integer', (c) => c.notNull().references('representative.id'))
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** The case the signer came from when it was merged into this one (并案). */
    .addColumn('origin_suggestion_id', 'integer', (c) => c.references('suggestion.id'))
    .addColumn('invited_at', ts, (c) => c.notNull())
    .addColumn('answered_at', ts)
    .addPrimaryKeyConstraint('suggestion_signer_pk', ['suggestion_id', 'representative_id'])
    .execute();
  await db.schema
    .createIndex('suggestion_signer_representative_idx')
    .on('suggestion_signer')
    .columns(['representative_id', 'status'])
    .execute();

  await db.schema
    .createTable('suggestion_unit')
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('role', 'varchar(8)', (c) => c.notNull())
    .addColumn('assigned_at', ts, (c) => c.notNull())
    .addColumn('co_opinion', 'text')
    .addColumn('co_opinion_at', ts)
    .addColumn('co_opinion_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('suggestion_unit_pk', ['suggestion_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('suggestion_unit_unit_idx').on('suggestion_unit').column('unit_id').execute();

  await withId(db, db.schema.createTable('suggestion_event'))
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(24)')
    .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('suggestion_event_suggestion_idx')
    .on('suggestion_event')
    .columns(['suggestion_id', 'id'])
    .execute();
  await db.schema.createIndex('suggestion_event_unit_idx').on('suggestion_event').column('unit_id').execute();

  await withId(db, db.schema.createTable('suggestion_contact'))
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('contacted_on', date, (c) => c.notNull())
    .addColumn('means', 'varchar(16)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('suggestion_contact_suggestion_idx')
    .on('suggestion_contact')
    .column('suggestion_id')
    .execute();

  await withId(db, db.schema.createTable('suggestion_reply'))
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('reply_class', 'varchar(1)', (c) => c.notNull())
    .addColumn('document_number', 'varchar(64)', (c) => c.notNull())
    .addColumn('signer', 'varchar(50)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('replied_at', ts, (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    /** A correction is a new reply pointing at the one it corrects; replies are never edited once evaluated. */
    .addColumn('corrects_reply_id', 'integer', (c) => c.references('suggestion_reply.id'))
    .addColumn('created_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('suggestion_reply_suggestion_idx')
    .on('suggestion_reply')
    .column('suggestion_id')
    .execute();

  await withId(db, db.schema.createTable('suggestion_evaluation'))
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('reply_id', 'integer', (c) => c.notNull().references('suggestion_reply.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('representative_id', 'integer', (c) => c.notNull().references('representative.id'))
    .addColumn('attitude', 'varchar(24)', (c) => c.notNull())
    .addColumn('result', 'varchar(24)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('suggestion_evaluation_suggestion_idx')
    .on('suggestion_evaluation')
    .column('suggestion_id')
    .execute();

  await withId(db, db.schema.createTable('suggestion_extension'))
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('requested_due', ts, (c) => c.notNull())
    .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('decision', 'varchar(8)')
    .addColumn('decided_at', ts)
    .addColumn('decided_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('new_due', ts)
    .addColumn('decision_note', 'varchar(500)')
    .execute();
  await db.schema
    .createIndex('suggestion_extension_suggestion_idx')
    .on('suggestion_extension')
    .column('suggestion_id')
    .execute();

  await withId(db, db.schema.createTable('suggestion_commitment'))
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('reply_id', 'integer', (c) => c.notNull().references('suggestion_reply.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdiction.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('due_date', date)
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('done_at', ts)
    .addColumn('done_note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('suggestion_commitment_unit_idx')
    .on('suggestion_commitment')
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('suggestion_commitment_jurisdiction_idx')
    .on('suggestion_commitment')
    .columns(['jurisdiction_id', 'status'])
    .execute();
  await db.schema
    .createIndex('suggestion_commitment_suggestion_idx')
    .on('suggestion_commitment')
    .column('suggestion_id')
    .execute();

  await withId(db, db.schema.createTable('commitment_progress'))
    .addColumn('commitment_id', 'integer', (c) =>
      c.notNull().references('suggestion_commitment.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('by_user_id', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('commitment_progress_commitment_idx')
    .on('commitment_progress')
    .column('commitment_id')
    .execute();

  await db.schema
    .createTable('suggestion_case_counter')
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congress.id'))
    .addColumn('session_key', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestion_case_counter_pk', ['congress_id', 'session_key', 'kind'])
    .execute();

  await db.schema
    .createTable('suggestion_refusal_reason')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('label_zh', 'varchar(100)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('suggestion_refusal_reason')
    .values(
      REFUSAL_REASONS.map((r, i) => ({
        code: r.code,
        label_zh: r.zh,
        label_en: r.en,
        sort_order: i + 1,
        active: 1,
        updated_at: now,
      })),
    )
    .execute();

  await db.schema
    .createTable('suggestion_opinion')
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinion.id'))
    .addPrimaryKeyConstraint('suggestion_opinion_pk', ['suggestion_id', 'opinion_id'])
    .execute();
  await db.schema
    .createIndex('suggestion_opinion_opinion_idx')
    .on('suggestion_opinion')
    .column('opinion_id')
    .execute();

  await db.schema
    .createTable('suggestion_alert')
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestion_alert_pk', ['suggestion_id', 'kind', 'round'])
    .execute();
}

/** Frozen copy of the refusal reasons a new installation starts with (suggestions.vocab.ts). */
const REFUSAL_REASONS = [
  {
    code: 'personal',
    zh: '属于代表本人及其亲属的个人事务',
    en: 'A personal matter of the representative or family',
  },
  { code: 'litigation', zh: '涉及诉讼、仲裁或司法程序中的具体案件', en: 'A case in court or arbitration' },
  {
    code: 'petition',
    zh: '属于应通过信访渠道解决的个人诉求',
    en: 'A personal claim for the petitions channel',
  },
  {
    code: 'not_competent',
    zh: '不属于本级人民政府及有关部门职权范围',
    en: 'Outside the competence of this level',
  },
  { code: 'no_proposal', zh: '没有具体内容或建议，仅提出问题', en: 'No concrete proposal' },
  { code: 'duplicate', zh: '与已立案建议内容相同', en: 'Duplicates a registered suggestion' },
  { code: 'other', zh: '其他不宜作为代表建议的情形', en: 'Other' },
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'suggestion_alert',
    'suggestion_opinion',
    'suggestion_refusal_reason',
    'suggestion_case_counter',
    'commitment_progress',
    'suggestion_commitment',
    'suggestion_extension',
    'suggestion_evaluation',
    'suggestion_reply',
    'suggestion_contact',
    'suggestion_event',
    'suggestion_unit',
    'suggestion_signer',
    'suggestion',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
