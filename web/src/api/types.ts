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
