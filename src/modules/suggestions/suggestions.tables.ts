/** Row types of suggestions and motions. Timestamps are ISO strings; dates 'YYYY-MM-DD'; flags 0/1. */
import type { Generated } from 'kysely';

export interface SuggestionTable {
  id: Generated<number>;
  kind: string;
  status: string;
  /** Raised by every change; a write that finds another version lost a race (409). */
  version: Generated<number>;
  congress_id: number;
  /** The congress's jurisdiction: whose staff screen, assign and see the case. */
  jurisdiction_id: number;
  period: string;
  session_number: number | null;
  year: number;
  session_key: string;
  case_number: number | null;
  registered_at: string | null;
  title: string;
  category_code: string | null;
  /** 事由 (a motion's 案由). */
  background: string;
  /** 具体建议 (a motion's 方案). */
  proposals: string;
  /** A motion's 案据. */
  basis: string | null;
  lead_representative_id: number;
  created_by_user_id: number | null;
  submitted_at: string | null;
  refusal_reason: string | null;
  refusal_note: string | null;
  merged_into_id: number | null;
  key_supervision: Generated<number>;
  supervisor_user_id: number | null;
  /** T0. */
  assigned_at: string | null;
  return_due: string | null;
  co_opinion_due: string | null;
  reply_due: string | null;
  reply_due_provisional: Generated<number>;
  max_reply_due: string | null;
  extended: Generated<number>;
  paused_from: string | null;
  /** The re-handling round (0 first) in which the lead unit last logged a contact. */
  last_contact_round: number | null;
  first_replied_at: string | null;
  last_replied_at: string | null;
  /** Whether the first reply came by its deadline. */
  reply_on_time: number | null;
  /** The class of the latest reply. */
  reply_class: string | null;
  evaluation_due: string | null;
  evaluated_at: string | null;
  attitude_rating: string | null;
  result_rating: string | null;
  rehandle_rounds: Generated<number>;
  escalated_at: string | null;
  close_reason: string | null;
  closed_at: string | null;
  published_at: string | null;
  published_title: string | null;
  published_body: string | null;
  published_reply: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuggestionSignerTable {
  suggestion_id: number;
  representative_id: number;
  role: string;
  status: string;
  origin_suggestion_id: number | null;
  invited_at: string;
  answered_at: string | null;
}

export interface SuggestionUnitTable {
  suggestion_id: number;
  unit_id: number;
  role: string;
  assigned_at: string;
  co_opinion: string | null;
  co_opinion_at: string | null;
  co_opinion_by_user_id: number | null;
}

export interface SuggestionEventTable {
  id: Generated<number>;
  suggestion_id: number;
  at: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_user_id: number | null;
  actor_name: string | null;
  unit_id: number | null;
  note: string | null;
}

export interface SuggestionContactTable {
  id: Generated<number>;
  suggestion_id: number;
  unit_id: number;
  round: number;
  contacted_on: string;
  means: string;
  summary: string;
  created_by_user_id: number | null;
  created_at: string;
}

export interface SuggestionReplyTable {
  id: Generated<number>;
  suggestion_id: number;
  round: number;
  unit_id: number;
  reply_class: string;
  document_number: string;
  signer: string;
  body: string;
  replied_at: string;
  on_time: number;
  corrects_reply_id: number | null;
  created_by_user_id: number | null;
}

export interface SuggestionEvaluationTable {
  id: Generated<number>;
  suggestion_id: number;
  reply_id: number;
  round: number;
  representative_id: number;
  attitude: string;
  result: string;
  comment: string | null;
  at: string;
}

export interface SuggestionExtensionTable {
  id: Generated<number>;
  suggestion_id: number;
  requested_at: string;
  requested_due: string;
  reason: string;
  requested_by_user_id: number | null;
  decision: string | null;
  decided_at: string | null;
  decided_by_user_id: number | null;
  new_due: string | null;
  decision_note: string | null;
}

export interface SuggestionCommitmentTable {
  id: Generated<number>;
  suggestion_id: number;
  reply_id: number;
  unit_id: number;
  jurisdiction_id: number;
  content: string;
  due_date: string | null;
  status: string;
  done_at: string | null;
  done_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommitmentProgressTable {
  id: Generated<number>;
  commitment_id: number;
  year: number;
  note: string;
  at: string;
  by_user_id: number | null;
}

export interface SuggestionCaseCounterTable {
  congress_id: number;
  session_key: string;
  kind: string;
  last_number: number;
}

export interface SuggestionRefusalReasonTable {
  code: string;
  label_zh: string;
  label_en: string;
  sort_order: number;
  active: Generated<number>;
  updated_at: string;
}

export interface SuggestionOpinionTable {
  suggestion_id: number;
  opinion_id: number;
}

export interface SuggestionAlertTable {
  suggestion_id: number;
  kind: string;
  round: number;
  at: string;
}

export interface SuggestionTables {
  suggestion: SuggestionTable;
  suggestion_signer: SuggestionSignerTable;
  suggestion_unit: SuggestionUnitTable;
  suggestion_event: SuggestionEventTable;
  suggestion_contact: SuggestionContactTable;
  suggestion_reply: SuggestionReplyTable;
  suggestion_evaluation: SuggestionEvaluationTable;
  suggestion_extension: SuggestionExtensionTable;
  suggestion_commitment: SuggestionCommitmentTable;
  commitment_progress: CommitmentProgressTable;
  suggestion_case_counter: SuggestionCaseCounterTable;
  suggestion_refusal_reason: SuggestionRefusalReasonTable;
  suggestion_opinion: SuggestionOpinionTable;
  suggestion_alert: SuggestionAlertTable;
}
