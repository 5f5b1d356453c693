/**
 * The records an import inserts: a draft whose fields and references are all right, with codes
 * replaced by ids (import.resolve.ts builds them; import.service.ts inserts them).
 */
import type {
  Gender,
  RepresentativeStatus,
  StationStatus,
  StationTheme,
  StationTier,
  UnitKind,
  UnitStatus,
} from './org.domain.ts';

export interface RepresentativeRecord {
  row: number;
  code: string;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  jurisdictionId: number;
  employer: string | null;
  post: string | null;
  sector: string | null;
  status: RepresentativeStatus;
  isPublic: boolean;
  phone: string | null;
  seats: { congressId: number; delegation: string | null; constituency: string | null }[];
  stationIds: number[];
  groupIds: number[];
  gridIds: number[];
  bio: string | null;
}

/** A parent that already exists (its id) or one created by an earlier row of the same file (its code). */
export type ParentRef = { id: number } | { code: string } | null;

/** What stations and units share: they hang in a tree, and are inserted parents first. */
export interface TreeRecord {
  code: string;
  parent: ParentRef;
  /** 0 for rows whose parent is not in the file; else one more than the parent row's depth. */
  depth: number;
}

export interface StationRecord extends TreeRecord {
  row: number;
  name: string;
  tier: StationTier;
  theme: StationTheme;
  jurisdictionId: number;
  address: string | null;
  receptionRule: string | null;
  receptionStart: string | null;
  receptionEnd: string | null;
  openedOn: string | null;
  status: StationStatus;
}

export interface UnitRecord extends TreeRecord {
  row: number;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  jurisdictionId: number;
  contactName: string | null;
  contactPhone: string | null;
  categoryCodes: string[];
  status: UnitStatus;
}

export interface GridRecord {
  row: number;
  code: string;
  name: string;
  jurisdictionId: number;
  stationId: number | null;
  description: string | null;
  representativeIds: number[];
}

export type ImportBatch =
  | { kind: 'representatives'; records: RepresentativeRecord[] }
  | { kind: 'stations'; records: StationRecord[] }
  | { kind: 'units'; records: UnitRecord[] }
  | { kind: 'grids'; records: GridRecord[] };
