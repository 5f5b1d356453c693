/** Row types of the opinion loop. Timestamps are ISO strings; flags are 0/1 (null = not yet known). */
import type { Generated } from 'kysely';
import type { StatsCounter } from './opinions.kpi.ts';

export interface OpinionTable {
  id: Generated<number>;
  /** What the citizen keeps to follow the item: random, unguessable, shown on the receipt. */
  tracking_code: string;
  status: string;
  /** Raised by every change; a write that finds another version lost a race (409). */
  version: Generated<number>;
  channel: string;
  submitter_kind: string;
  jurisdiction_id: number;
  station_id: number | null;
  representative_id: number | null;
  grid_id: number | null;
  category_code: string | null;
  content: string;
  address: string | null;
  submitter_name_enc: string | null;
  submitter_phone_enc: string | null;
  submitter_phone_hash: string | null;
  anonymous: number;
  consent_privacy_at: string;
  privacy_notice_version: string;
  consent_publish: number;
  registered_by_user_id: number | null;
  submitted_at: string;
  /** Beijing month of submission, 'YYYY-MM': the statistics row it counts in. */
  stats_month: string;
  ack_due: string;
  ack_at: string | null;
  ack_on_time: number | null;
  ack_overdue: Generated<number>;
  unit_id: number | null;
  assigned_at: string | null;
  sign_due: string | null;
  signed_at: string | null;
  sign_overdue: Generated<number>;
  reply_due: string | null;
  reply_due_provisional: Generated<number>;
  reply_overdue: Generated<number>;
  paused_from: string | null;
  first_reply_at: string | null;
  reply_on_time: number | null;
  last_result: string | null;
  last_reply_at: string | null;
  feedback_due: string | null;
  last_rating: string | null;
  rated_at: string | null;
  rehandle_rounds: Generated<number>;
  merged_into_id: number | null;
  rejection_reason: string | null;
  rejection_note: string | null;
  converted_ref: string | null;
  closed_at: string | null;
  published_at: string | null;
  published_content: string | null;
  published_reply: string | null;
  created_at: string;
  updated_at: string;
}

export interface OpinionEventTable {
  id: Generated<number>;
  opinion_id: number;
  at: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_user_id: number | null;
  actor_name: string | null;
  unit_id: number | null;
  public_note: string | null;
  internal_note: string | null;
  detail: Generated<string>;
}

export interface OpinionReplyTable {
  id: Generated<number>;
  opinion_id: number;
  round: number;
  /** 'unit' (a handling unit's reply) or 'on_spot' (a representative's answer). */
  kind: string;
  result: string;
  content: string;
  unit_id: number | null;
  replied_by_user_id: number | null;
  replier_name: string | null;
  contact_note: string | null;
  at: string;
  on_time: number;
}

export interface OpinionRatingTable {
  id: Generated<number>;
  opinion_id: number;
  round: number;
  rating: string;
  comment: string | null;
  by_citizen: number;
  recorded_by_user_id: number | null;
  at: string;
}

export interface OpinionExtensionTable {
  id: Generated<number>;
  opinion_id: number;
  requested_at: string;
  requested_by_user_id: number | null;
  working_days: number;
  reason: string;
  previous_due: string;
  decided_at: string | null;
  decided_by_user_id: number | null;
  approved: number | null;
  new_due: string | null;
  decision_note: string | null;
}

export interface AttachmentTable {
  id: Generated<number>;
  owner_type: string;
  owner_id: number;
  file_name: string | null;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

export type OpinionStatsTable = {
  month: string;
  jurisdiction_id: number;
  station_id: number;
  unit_id: number;
  category_code: string;
} & { [K in StatsCounter]: Generated<number> };

export interface IdempotencyKeyTable {
  key: string;
  scope: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface OpinionAlertTable {
  opinion_id: number;
  kind: string;
  round: number;
  at: string;
}

export interface OpinionTables {
  opinion: OpinionTable;
  opinion_event: OpinionEventTable;
  opinion_reply: OpinionReplyTable;
  opinion_rating: OpinionRatingTable;
  opinion_extension: OpinionExtensionTable;
  attachment: AttachmentTable;
  opinion_stats: OpinionStatsTable;
  idempotency_key: IdempotencyKeyTable;
  opinion_alert: OpinionAlertTable;
}
