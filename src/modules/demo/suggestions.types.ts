/**
 * The demo's suggestions and motions (代表建议、议案) as plain rows, like the rest of the demo
 * (demo.types.ts): records refer to each other by business keys — a suggestion's `key`, codes,
 * user names — and the insert (demo.suggestions.repo.ts) resolves them to the ids the database
 * assigns. The facts carry exactly the columns of the `suggestion` table that the engine writes as
 * a case moves, under the table's own names.
 */
import type { ActorKind } from '../suggestions/suggestions.domain.ts';
import type {
  CloseReason,
  CommitmentStatus,
  ContactMeans,
  EvaluationRating,
  Period,
  ReplyClass,
  SignerRole,
  SignerStatus,
  SuggestionKind,
  SuggestionState,
  UnitRole,
} from '../suggestions/suggestions.vocab.ts';

/** The columns of `suggestion` the state machine's effects write (steps.effects.ts). */
export interface DemoSuggestionFacts {
  kind: SuggestionKind;
  status: SuggestionState;
  period: Period;
  session_number: number | null;
  year: number;
  session_key: string;
  case_number: number | null;
  registered_at: string | null;
  title: string;
  category_code: string | null;
  background: string;
  proposals: string;
  basis: string | null;
  submitted_at: string | null;
  refusal_reason: string | null;
  refusal_note: string | null;
  key_supervision: number;
  assigned_at: string | null;
  return_due: string | null;
  co_opinion_due: string | null;
  reply_due: string | null;
  reply_due_provisional: number;
  max_reply_due: string | null;
  extended: number;
  paused_from: SuggestionState | null;
  last_contact_round: number | null;
  first_replied_at: string | null;
  last_replied_at: string | null;
  reply_on_time: number | null;
  reply_class: ReplyClass | null;
  evaluation_due: string | null;
  evaluated_at: string | null;
  attitude_rating: EvaluationRating | null;
  result_rating: EvaluationRating | null;
  rehandle_rounds: number;
  escalated_at: string | null;
  close_reason: CloseReason | null;
  closed_at: string | null;
  published_at: string | null;
  published_title: string | null;
  published_body: string | null;
  published_reply: string | null;
}

export interface DemoSuggestionSigner {
  representativeCode: string;
  role: SignerRole;
  status: SignerStatus;
  /** The case the signer came from when that case was merged into this one (并案). */
  originKey: string | null;
  invitedAt: string;
  answeredAt: string | null;
}

export interface DemoSuggestionUnit {
  unitCode: string;
  role: UnitRole;
  assignedAt: string;
  coOpinion: string | null;
  coOpinionAt: string | null;
  coOpinionByUsername: string | null;
}

/** One row of the case's event log: a transition, or a record that leaves the state as it is. */
export interface DemoSuggestionEvent {
  at: string;
  action: string;
  from: SuggestionState | null;
  to: SuggestionState;
  actorKind: ActorKind;
  /** The demo account that acted, when the actor has one (actor_user_id); null for the system. */
  actorUsername: string | null;
  actorName: string | null;
  unitCode: string | null;
  note: string | null;
  /** The case whose id the note names (`#{ref}` in the note becomes `#<id>` at insert). */
  refKey: string | null;
}

export interface DemoSuggestionContact {
  unitCode: string;
  round: number;
  contactedOn: string;
  means: ContactMeans;
  summary: string;
  createdByUsername: string | null;
  createdAt: string;
}

export interface DemoSuggestionReply {
  round: number;
  unitCode: string;
  replyClass: ReplyClass;
  documentNumber: string;
  signer: string;
  body: string;
  repliedAt: string;
  onTime: boolean;
  createdByUsername: string | null;
}

export interface DemoSuggestionEvaluation {
  /** The reply evaluated: its index in the case's replies. */
  replyIndex: number;
  round: number;
  representativeCode: string;
  attitude: EvaluationRating;
  result: EvaluationRating;
  comment: string | null;
  at: string;
}

export interface DemoSuggestionExtension {
  requestedAt: string;
  requestedDue: string;
  reason: string;
  requestedByUsername: string | null;
  decision: 'approved' | 'refused' | null;
  decidedAt: string | null;
  decidedByUsername: string | null;
  newDue: string | null;
  decisionNote: string | null;
}

export interface DemoCommitmentProgress {
  year: number;
  note: string;
  at: string;
  byUsername: string | null;
}

/** 承诺事项: what a class-B reply commits to, followed across the years until done. */
export interface DemoSuggestionCommitment {
  replyIndex: number;
  unitCode: string;
  content: string;
  dueDate: string | null;
  status: CommitmentStatus;
  doneAt: string | null;
  doneNote: string | null;
  createdAt: string;
  updatedAt: string;
  progress: DemoCommitmentProgress[];
}

/** An alert the scheduler raised and still remembers (suggestion_alert), so it is not raised again. */
export interface DemoSuggestionAlert {
  kind: string;
  round: number;
  at: string;
}

export interface DemoSuggestion {
  /** Business key: merges, opinions' links and notices name the case by it. */
  key: string;
  congressCode: string;
  /** The congress's jurisdiction: whose staff screen and assign it. */
  jurisdictionCode: string;
  leadRepresentativeCode: string;
  createdByUsername: string | null;
  mergedIntoKey: string | null;
  supervisorUsername: string | null;
  /** Raised by every write of the row, as the engine's `where version = ?` does. */
  version: number;
  createdAt: string;
  updatedAt: string;
  facts: DemoSuggestionFacts;
  signers: DemoSuggestionSigner[];
  units: DemoSuggestionUnit[];
  events: DemoSuggestionEvent[];
  contacts: DemoSuggestionContact[];
  replies: DemoSuggestionReply[];
  evaluations: DemoSuggestionEvaluation[];
  extensions: DemoSuggestionExtension[];
  commitments: DemoSuggestionCommitment[];
  alerts: DemoSuggestionAlert[];
  /** The citizens' opinions the case was drafted from or absorbed (suggestion_opinion). */
  opinionTrackingCodes: string[];
}

/** suggestion_case_counter: the last case number given per congress, session and kind. */
export interface DemoCaseCounter {
  congressCode: string;
  sessionKey: string;
  kind: SuggestionKind;
  lastNumber: number;
}

/** The placeholder of a suggestion's link in an opinion (`converted_ref`), resolved at insert. */
export function suggestionRef(key: string): string {
  return `suggestion:{${key}}`;
}

/** Every `suggestion:{key}` in a text, replaced by `suggestion:<id>`. */
export function resolveSuggestionRefs(text: string, idOf: (key: string) => number): string {
  return text.replace(/suggestion:\{([^}]+)\}/g, (_m, key: string) => `suggestion:${idOf(key)}`);
}
