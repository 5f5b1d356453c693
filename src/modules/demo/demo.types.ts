/**
 * The demo data set as plain rows. Records refer to each other by their business keys (codes,
 * user names), never by database ids: the generator stays pure and repeatable, and the insert
 * (demo.repo.ts) resolves keys to ids as it goes. Phone numbers are in clear here; the seeding
 * service encrypts them on the way into the database.
 */
import type { Role } from '../auth/auth.domain.ts';
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
}
