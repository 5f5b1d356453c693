/** Row types of activities (履职活动). Timestamps are ISO strings; dates 'YYYY-MM-DD'; flags 0/1. */
import type { Generated } from 'kysely';

export interface ActivityTypeTable {
  code: string;
  label_zh: string;
  label_en: string;
  /** reception | research | inspection | other: what scoring and requirements read it as. */
  kind: string;
  sort_order: number;
  active: Generated<number>;
  updated_at: string;
}

export interface ActivityTable {
  id: Generated<number>;
  type_code: string;
  title: string;
  /** congress | station | group */
  organiser: string;
  jurisdiction_id: number;
  congress_id: number | null;
  station_id: number | null;
  group_id: number | null;
  starts_at: string;
  ends_at: string;
  place: string | null;
  agenda: string | null;
  /** planned | held | cancelled | deleted */
  status: string;
  checkin_code: string;
  minutes: string | null;
  rule_date: string | null;
  created_by_user_id: number | null;
  deleted_at: string | null;
  deleted_reason: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ActivityParticipantTable {
  activity_id: number;
  representative_id: number;
  /** participant | host */
  role: string;
  /** invited | signed_up | leave_requested | leave_approved | leave_refused */
  status: string;
  invited_at: string;
  leave_reason: string | null;
  leave_decided_at: string | null;
  leave_decided_by_user_id: number | null;
  /** present | absent, once known */
  attendance: string | null;
  checked_in_at: string | null;
  /** qr | manual */
  checkin_method: string | null;
  checkin_device: string | null;
  manual_reason: string | null;
  recorded_by_user_id: number | null;
}

export interface ActivityOutputTable {
  id: Generated<number>;
  activity_id: number;
  /** suggestion | report */
  kind: string;
  ref_id: number | null;
  title: string | null;
  created_by_user_id: number | null;
  created_at: string;
}

export interface ActivityTables {
  activity_type: ActivityTypeTable;
  activity: ActivityTable;
  activity_participant: ActivityParticipantTable;
  activity_output: ActivityOutputTable;
}
