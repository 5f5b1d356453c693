/**
 * The API's types, taken from the server's TypeBox schemas (types only: nothing of the server is
 * bundled). When a schema changes, the console stops compiling where it no longer fits.
 */
import type { Static } from 'typebox';
import type { PageOf } from '../../../src/platform/http/schemas.ts';
import type {
  SessionResponse as SessionResponseSchema,
  SessionUser,
} from '../../../src/modules/auth/auth.schema.ts';
import type {
  CreateUserBody,
  Directory as DirectorySchema,
  DirectoryQuery,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from '../../../src/modules/auth/users.schema.ts';
import type {
  AuditEntryView as AuditEntrySchema,
  AuditQuery,
  ChainReportView as ChainReportSchema,
} from '../../../src/modules/audit/audit.schema.ts';
import type {
  CreateJurisdictionBody,
  JurisdictionListQuery,
  JurisdictionTree,
  JurisdictionView,
  UpdateJurisdictionBody,
} from '../../../src/modules/org/jurisdictions.schema.ts';
import type {
  CategoryView,
  CongressListQuery as CongressListQuerySchema,
  CongressView,
  CreateCongressBody,
  UpdateCongressBody,
} from '../../../src/modules/org/congresses.schema.ts';
import type {
  CreateRepresentativeBody,
  RepresentativeExportQuery,
  RepresentativeListItem,
  RepresentativeListQuery,
  RepresentativeView,
  SeatInput as SeatInputSchema,
  UpdateRepresentativeBody,
} from '../../../src/modules/org/representatives.schema.ts';
import type {
  CreateGroupBody,
  GroupListItem,
  GroupListQuery,
  GroupMemberInput,
  GroupView,
  MemberView as MemberViewSchema,
  UpdateGroupBody,
} from '../../../src/modules/org/groups.schema.ts';
import type {
  CreateStationBody,
  StationListItem,
  StationListQuery,
  StationView,
  UpdateStationBody,
} from '../../../src/modules/org/stations.schema.ts';
import type { ImportReport as ImportReportSchema } from '../../../src/modules/org/import.schema.ts';
import type {
  CreateGridBody,
  GridListItem,
  GridListQuery,
  GridView,
  UpdateGridBody,
} from '../../../src/modules/org/grids.schema.ts';
import type {
  CreateUnitBody,
  RoutingResult as RoutingResultSchema,
  UnitListItem,
  UnitListQuery,
  UnitView,
  UpdateUnitBody,
} from '../../../src/modules/org/units.schema.ts';

import type {
  ActionBody as ActionBodyOf,
  BulkAssignBody,
  BulkAssignResult as BulkAssignResultSchema,
  IntakeBody,
  OpinionExportQuery,
  OpinionListItem,
  OpinionListQuery,
  OpinionView,
  PhotoInput as PhotoInputSchema,
  RevealedContact as RevealedContactSchema,
  RoutingSuggestion as RoutingSuggestionSchema,
  UserAction,
} from '../../../src/modules/opinions/opinions.schema.ts';
import type {
  Dashboard,
  DashboardQuery,
  KpiView,
  LedgerSummary as LedgerSummarySchema,
  LedgerSummaryQuery,
} from '../../../src/modules/opinions/dashboard.schema.ts';
import type {
  NotificationPage as NotificationPageSchema,
  NotificationQuery,
  NotificationsRead as NotificationsReadSchema,
  NotificationView,
} from '../../../src/modules/notifications/notifications.schema.ts';
import type {
  CalendarYearList as CalendarYearListSchema,
  CalendarYearView as CalendarYearSchema,
  DeadlineView as DeadlineViewSchema,
  SaveCalendarYearBody,
} from '../../../src/modules/calendar/calendar.schema.ts';

import type {
  ActionBody as SuggestionActionBodyOf,
  BulkBody as SuggestionBulkBodySchema,
  BulkResult as SuggestionBulkResultSchema,
  CommitmentLedgerItem as CommitmentLedgerItemSchema,
  CommitmentQuery,
  ContactBody,
  CorrectionBody,
  CreateDraftBody,
  FromOpinionBody,
  ListQuery as SuggestionListQuery,
  MyCongress as MyCongressSchema,
  ProgressBody,
  RefusalReason as RefusalReasonSchema,
  RefusalReasonBody,
  SuggestionDetail,
  SuggestionListItem,
  UpdateDraftBody,
  UserAction as SuggestionUserAction,
} from '../../../src/modules/suggestions/suggestions.schema.ts';
import type {
  ActivityDetail,
  ActivityListItem,
  ActivityListQuery,
  ActivityTypeBody,
  ActivityTypeView as ActivityTypeViewSchema,
  CheckinView as CheckinViewSchema,
  CreateActivityBody,
  ParticipantView as ParticipantViewSchema,
  UpdateActivityBody,
} from '../../../src/modules/activities/activities.schema.ts';
import type {
  CongressYearQuery,
  RankingItem as RankingItemSchema,
  RankingPage as RankingPageSchema,
  RankingQuery,
  RequirementView as RequirementViewSchema,
  RuleSetView as RuleSetViewSchema,
  SaveRulesBody,
  ScoreCardView,
  ScoreRulesSchema,
} from '../../../src/modules/performance/performance.schema.ts';
import type { ArchiveView, TimelineEntry } from '../../../src/modules/performance/archive.schema.ts';
import type {
  DisclosureContent as DisclosureContentSchema,
  DisclosureListItem as DisclosureListItemSchema,
  DisclosureListQuery,
  DisclosureView,
  PreviewView as PreviewViewSchema,
  PublishBody,
} from '../../../src/modules/performance/disclosure.schema.ts';
import type { AwardBody, HonourView } from '../../../src/modules/performance/honours.schema.ts';
import type {
  PerformanceDashboard,
  PerformanceDashboardQuery,
} from '../../../src/modules/performance/dashboard.schema.ts';
import type { GridCoverage, GroupPerformance } from '../../../src/modules/performance/groups-grids.schema.ts';

export type Page<T> = PageOf<T>;

export type { SessionUser };
export type SessionResponse = Static<typeof SessionResponseSchema>;

export type { CreateUserBody, DirectoryQuery, UpdateUserBody, UserListQuery, UserView };
export type DirectoryEntry = Static<typeof DirectorySchema>['items'][number];

export type AuditEntry = Static<typeof AuditEntrySchema>;
export type ChainReport = Static<typeof ChainReportSchema>;
export type { AuditQuery };

export type {
  CreateJurisdictionBody,
  JurisdictionListQuery,
  JurisdictionTree,
  JurisdictionView,
  UpdateJurisdictionBody,
};
export type JurisdictionNode = JurisdictionTree['nodes'][number];

export type { CategoryView, CongressView, CreateCongressBody, UpdateCongressBody };
export type CongressListQuery = Static<typeof CongressListQuerySchema>;

export type {
  CreateRepresentativeBody,
  RepresentativeExportQuery,
  RepresentativeListItem,
  RepresentativeListQuery,
  RepresentativeView,
  UpdateRepresentativeBody,
};
export type SeatInput = Static<typeof SeatInputSchema>;
export type SeatView = RepresentativeView['seats'][number];

export type { CreateGroupBody, GroupListItem, GroupListQuery, GroupMemberInput, GroupView, UpdateGroupBody };
export type MemberView = Static<typeof MemberViewSchema>;

export type { CreateStationBody, StationListItem, StationListQuery, StationView, UpdateStationBody };
export type { CreateGridBody, GridListItem, GridListQuery, GridView, UpdateGridBody };
export type { CreateUnitBody, UnitListItem, UnitListQuery, UnitView, UpdateUnitBody };
export type RoutingResult = Static<typeof RoutingResultSchema>;

export type { ImportKind } from '../../../src/modules/org/import.domain.ts';
export type ImportReport = Static<typeof ImportReportSchema>;

export interface Ok {
  ok: true;
}

// ── The opinion loop, the dashboard, notifications, the working-day calendar ──
export type { BulkAssignBody, IntakeBody, OpinionExportQuery, OpinionListItem, OpinionListQuery };
export type { OpinionView, UserAction };
export type ActionBody<A extends UserAction> = ActionBodyOf<A>;
export type OpinionEvent = OpinionView['events'][number];
export type OpinionReply = OpinionView['replies'][number];
export type OpinionRating = OpinionView['ratings'][number];
export type OpinionExtension = OpinionView['extensions'][number];
export type Deadlines = OpinionListItem['deadlines'];
export type PhotoInput = Static<typeof PhotoInputSchema>;
export type BulkAssignResult = Static<typeof BulkAssignResultSchema>;
export type RevealedContact = Static<typeof RevealedContactSchema>;
export type RoutingSuggestion = Static<typeof RoutingSuggestionSchema>;

export type { Dashboard, DashboardQuery, KpiView, LedgerSummaryQuery };
export type LedgerSummary = Static<typeof LedgerSummarySchema>;

export type { NotificationQuery, NotificationView };
export type NotificationPage = Static<typeof NotificationPageSchema>;
export type NotificationsRead = Static<typeof NotificationsReadSchema>;

export type CalendarYear = Static<typeof CalendarYearSchema>;
export type { SaveCalendarYearBody };
export type CalendarYearList = Static<typeof CalendarYearListSchema>;
/** GET /calendar/deadline: `workingDays` working days after `from`. */
export type DeadlineView = Static<typeof DeadlineViewSchema>;

// ── Representatives' suggestions and motions (代表建议、议案) ──

export type { CommitmentQuery, ContactBody, CorrectionBody, CreateDraftBody, FromOpinionBody };
export type { ProgressBody, RefusalReasonBody, SuggestionDetail, SuggestionListItem, SuggestionListQuery };
export type { SuggestionUserAction, UpdateDraftBody };
export type SuggestionActionBody<A extends SuggestionUserAction> = SuggestionActionBodyOf<A>;
export type SuggestionView = NonNullable<SuggestionListQuery['view']>;
export type SuggestionDeadlines = SuggestionListItem['deadlines'];
export type SuggestionSigner = SuggestionDetail['signers'][number];
export type SuggestionUnit = SuggestionDetail['units'][number];
export type SuggestionEvent = SuggestionDetail['history'][number];
export type SuggestionContact = SuggestionDetail['contacts'][number];
export type SuggestionReply = SuggestionDetail['replies'][number];
export type SuggestionEvaluation = SuggestionDetail['evaluations'][number];
export type SuggestionExtension = SuggestionDetail['extensions'][number];
export type SuggestionCommitment = SuggestionDetail['commitments'][number];
export type SuggestionBulkBody = Static<typeof SuggestionBulkBodySchema>;
export type SuggestionBulkResult = Static<typeof SuggestionBulkResultSchema>;
export type CommitmentLedgerItem = Static<typeof CommitmentLedgerItemSchema>;
export type MyCongress = Static<typeof MyCongressSchema>;
export type RefusalReason = Static<typeof RefusalReasonSchema>;

// ── Activities (履职活动) and duty-performance scoring (履职评价) ──
export type { ActivityDetail, ActivityListItem, ActivityListQuery, ActivityTypeBody };
export type { CreateActivityBody, UpdateActivityBody };
export type ActivityType = Static<typeof ActivityTypeViewSchema>;
export type ActivityParticipant = Static<typeof ParticipantViewSchema>;
export type ActivityOutput = ActivityDetail['outputs'][number];
export type ActivityPhoto = ActivityDetail['photos'][number];
export type ActivityView = NonNullable<ActivityListQuery['view']>;
export type CheckinResult = Static<typeof CheckinViewSchema>;
/** GET /activities/checkin/:code: what the code is for, before checking in. */
export interface CheckinTarget {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
}

export type { CongressYearQuery, RankingQuery, SaveRulesBody, ScoreCardView };
export type ScoreRules = Static<typeof ScoreRulesSchema>;
export type ScoreRequirement = ScoreRules['requirements'][number];
export type RuleSetView = Static<typeof RuleSetViewSchema>;
export type RankingItem = Static<typeof RankingItemSchema>;
export type RankingPage = Static<typeof RankingPageSchema>;
export type RequirementView = Static<typeof RequirementViewSchema>;
export type ScoreLine = ScoreCardView['lines'][number];

// ── The archive (履职档案), disclosures (履职公示), honours, the dashboard, groups and grids ──
export type { ArchiveView, TimelineEntry };
export type { DisclosureListQuery, DisclosureView, PublishBody };
export type DisclosureContent = Static<typeof DisclosureContentSchema>;
export type DisclosureListItem = Static<typeof DisclosureListItemSchema>;
export type DisclosurePreview = Static<typeof PreviewViewSchema>;
export type DisclosureKind = DisclosureView['kind'];
export type { AwardBody, HonourView };
export type { PerformanceDashboard, PerformanceDashboardQuery };
export type Attendance = PerformanceDashboard['totals']['attendance'];
export type { GridCoverage, GroupPerformance };
