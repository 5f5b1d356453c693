/**
 * The demo data set as plain rows. Records refer to each other by their business keys (codes,
 * user names), never by database ids: the generator stays pure and repeatable, and the insert
 * (demo.repo.ts) resolves keys to ids as it goes. Phone numbers are in clear here; the seeding
 * service encrypts them on the way into the database.
 */
import type { Role } from '../auth/auth.domain.ts';
import type { ActorKind, OpinionAction } from '../opinions/opinions.domain.ts';
import type { Counters, OpinionFacts } from '../opinions/opinions.kpi.ts';
import type {
  Channel,
  OpinionState,
  Rating,
  RejectionReason,
  ReplyResult,
  SubmitterKind,
} from '../opinions/opinions.vocab.ts';
import type {
  CongressLevel,
  Gender,
  GroupKind,
  GroupRole,
  JurisdictionLevel,
  RepresentativeStatus,
  StationTheme,
  StationTier,
  UnitKind,
} from '../org/org.domain.ts';
import type {
  DemoActivity,
  DemoExcellentSuggestion,
  DemoPerformanceHistory,
  DemoRuleSet,
  DemoScoreEntry,
} from './activities.types.ts';
import type { DemoCaseCounter, DemoSuggestion } from './suggestions.types.ts';

export interface DemoJurisdiction {
  /** 行政区划代码 (fictional: 3399xx). */
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentCode: string | null;
  sortOrder: number;
  /** ASCII name used in demo user names and codes (e.g. 'hubin' for 湖滨街道). */
  slug: string;
}

export interface DemoCongress {
  code: string;
  name: string;
  level: CongressLevel;
  termNumber: number;
  /** Null above the deployment (全国人大, 省人大). */
  jurisdictionCode: string | null;
  termStart: string;
  termEnd: string;
}

export interface DemoRepresentative {
  code: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  /** The jurisdiction whose congress office manages the record: that of the lowest seat. */
  jurisdictionCode: string;
  /** Where the representative lives and works (a village or community): drives stations and grids. */
  homeCode: string;
  employer: string;
  post: string;
  sector: string;
  status: RepresentativeStatus;
  statusNote: string | null;
  isPublic: boolean;
  bio: string;
  /** Mobile number in clear (1[3-9]xxxxxxxxx); encrypted when inserted. */
  phone: string;
}

export interface DemoSeat {
  representativeCode: string;
  congressCode: string;
  /** 代表团 */
  delegation: string | null;
  /** 选区 */
  constituency: string | null;
  electedOn: string;
  endedOn: string | null;
}

export interface DemoGroupMember {
  representativeCode: string;
  role: GroupRole;
}

export interface DemoGroup {
  code: string;
  name: string;
  kind: GroupKind;
  jurisdictionCode: string;
  theme: string | null;
  description: string;
  members: DemoGroupMember[];
}

export interface DemoStation {
  code: string;
  publicCode: string;
  name: string;
  tier: StationTier;
  theme: StationTheme;
  jurisdictionCode: string;
  parentCode: string | null;
  address: string;
  /** User name of the liaison officer's account. */
  officerUsername: string;
  receptionRule: string;
  receptionStart: string;
  receptionEnd: string;
  openedOn: string;
  memberCodes: string[];
}

export interface DemoGrid {
  code: string;
  name: string;
  jurisdictionCode: string;
  stationCode: string;
  description: string;
  memberCodes: string[];
}

export interface DemoUnit {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  jurisdictionCode: string;
  /** The supervising unit, to which overdue items escalate. */
  parentCode: string | null;
  contactName: string;
  /** In clear; encrypted when inserted. */
  contactPhone: string;
  /** Level-1 category codes this unit handles in its own jurisdiction. */
  categories: string[];
}

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionCode: string;
  representativeCode: string | null;
  unitCode: string | null;
  /** Printed at start-up and in the README (one or two per role, not all 40 officers). */
  featured: boolean;
  /** What this log-in is for, in both languages. */
  note: { zh: string; en: string };
}

export interface DemoData {
  seed: string;
  /** The instant the data was generated for (ISO-8601): created_at of every row, and the anchor of relative dates. */
  now: string;
  jurisdictions: DemoJurisdiction[];
  congresses: DemoCongress[];
  representatives: DemoRepresentative[];
  seats: DemoSeat[];
  groups: DemoGroup[];
  stations: DemoStation[];
  grids: DemoGrid[];
  units: DemoUnit[];
  accounts: DemoAccount[];
  /** A year of opinions before `now`, each with its whole history (opinions.generate.ts). */
  opinions: DemoOpinion[];
  /** Σ countersOf over the opinions, per statistics key. */
  opinionStats: DemoOpinionStats[];
  /** A year of representatives' suggestions and motions before `now` (suggestions.generate.ts). */
  suggestions: DemoSuggestion[];
  /** The case-number counters: the last number given per congress, session and kind. */
  suggestionCounters: DemoCaseCounter[];
  /**
   * A year of representatives' activities before `now` and the coming weeks' (activities.generate.ts):
   * reception days from the stations' rules, research, inspections, group activities and the rest.
   */
  activities: DemoActivity[];
  /** Each local congress's scoring rules for this year and the last. */
  ruleSets: DemoRuleSet[];
  excellentSuggestions: DemoExcellentSuggestion[];
  /** The score entries `recompute` writes for every rule set (scores.generate.ts). */
  scoreEntries: DemoScoreEntry[];
  /** In-app notices for the demo accounts about the items waiting for them. */
  notifications: DemoNotification[];
  /**
   * What the staff did with the year's records — monthly 履职公示 and their corrections, last
   * year's 履职之星 — planned here, carried out at seeding through the real services.
   */
  performanceHistory: DemoPerformanceHistory;
}

/**
 * The facts an opinion row carries besides its business keys: exactly the columns the opinion
 * engine writes as an item moves (ack, assignment, deadlines, reply, rating …), in the column
 * names of the `opinion` table so that `countersOf` (opinions.kpi.ts) reads them as they are.
 */
export interface DemoOpinionFacts extends OpinionFacts {
  status: OpinionState;
  category_code: string | null;
  ack_due: string;
  ack_at: string | null;
  ack_on_time: number | null;
  ack_overdue: number;
  assigned_at: string | null;
  sign_due: string | null;
  signed_at: string | null;
  sign_overdue: number;
  reply_due: string | null;
  reply_due_provisional: number;
  reply_overdue: number;
  paused_from: OpinionState | null;
  first_reply_at: string | null;
  reply_on_time: number | null;
  last_result: ReplyResult | null;
  last_reply_at: string | null;
  feedback_due: string | null;
  last_rating: Rating | null;
  rated_at: string | null;
  rehandle_rounds: number;
  rejection_reason: RejectionReason | null;
  rejection_note: string | null;
  converted_ref: string | null;
  closed_at: string | null;
  published_at: string | null;
  published_content: string | null;
  published_reply: string | null;
}

/** One transition (or the submission itself: action 'submit', from null) of an opinion's history. */
export interface DemoOpinionEvent {
  at: string;
  action: OpinionAction | 'submit';
  from: OpinionState | null;
  to: OpinionState;
  actorKind: ActorKind;
  /** The demo account that acted, when the actor has one (resolved to actor_user_id). */
  actorUsername: string | null;
  actorName: string | null;
  unitCode: string | null;
  publicNote: string | null;
  internalNote: string | null;
  /** What the action carried (rating, result, working days …): the event's `detail` JSON. */
  detail: Record<string, string | number | boolean | null>;
}

export interface DemoOpinionReply {
  round: number;
  kind: 'unit' | 'on_spot';
  result: ReplyResult;
  content: string;
  unitCode: string | null;
  repliedByUsername: string | null;
  replierName: string | null;
  contactNote: string | null;
  at: string;
  onTime: boolean;
}

export interface DemoOpinionRating {
  round: number;
  rating: Rating;
  comment: string | null;
  byCitizen: boolean;
  recordedByUsername: string | null;
  at: string;
}

export interface DemoOpinionExtension {
  requestedAt: string;
  requestedByUsername: string | null;
  workingDays: number;
  reason: string;
  previousDue: string;
  decidedAt: string | null;
  decidedByUsername: string | null;
  approved: boolean | null;
  newDue: string | null;
  decisionNote: string | null;
}

export interface DemoOpinion {
  trackingCode: string;
  channel: Channel;
  submitterKind: SubmitterKind;
  jurisdictionCode: string;
  stationCode: string | null;
  representativeCode: string | null;
  gridCode: string | null;
  /** The unit that has the item now (null before assignment, after an approved return, on the spot). */
  unitCode: string | null;
  mergedIntoTrackingCode: string | null;
  content: string;
  address: string | null;
  /** In clear; encrypted when inserted. Null when anonymous or not given. */
  submitterName: string | null;
  submitterPhone: string | null;
  anonymous: boolean;
  consentPublish: boolean;
  /** The account that registered the item on the citizen's behalf (null: the citizen scanned a code). */
  registeredByUsername: string | null;
  submittedAt: string;
  /** Beijing month of submission, 'YYYY-MM'. */
  statsMonth: string;
  /** = events.length: one per transition, plus one for the submission. */
  version: number;
  updatedAt: string;
  facts: DemoOpinionFacts;
  events: DemoOpinionEvent[];
  replies: DemoOpinionReply[];
  ratings: DemoOpinionRating[];
  extensions: DemoOpinionExtension[];
}

/** A row of opinion_stats by business key (null station, unit, category: 0, 0, '' in the table). */
export interface DemoOpinionStats {
  month: string;
  jurisdictionCode: string;
  stationCode: string | null;
  unitCode: string | null;
  categoryCode: string | null;
  counters: Counters;
}

export interface DemoNotification {
  username: string;
  kind: string;
  title: string;
  body: string;
  linkTrackingCode: string | null;
  /** The suggestion the notice links to, by key (null: none, or an opinion). */
  linkSuggestionKey: string | null;
  /** The activity the notice links to, by key (absent or null: none). */
  linkActivityKey?: string | null;
  createdAt: string;
  readAt: string | null;
}
