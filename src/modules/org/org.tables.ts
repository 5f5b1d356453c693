/** Row types of the organisation tables (jurisdictions, congresses, representatives, groups, stations, grids, units). */
import type { Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC strings on both engines; dates are 'YYYY-MM-DD'; flags are 0/1. */
type Timestamp = string;

export interface JurisdictionTable {
  id: Generated<number>;
  /** 行政区划代码 */
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  parent_id: number | null;
  /** Materialised path of ids, e.g. '/1/4/17/': the subtree of j is every row whose path starts with j.path. */
  path: string;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CongressTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: 'national' | 'provincial' | 'city' | 'county' | 'township' | 'street';
  /** 届次 */
  term_number: number;
  /** Null for a congress above the deployment's tree (e.g. the National People's Congress). */
  jurisdiction_id: number | null;
  term_start: string | null;
  term_end: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CategoryTable {
  code: string;
  parent_code: string | null;
  level: number;
  name_zh: string;
  name_en: string;
  sort_order: number;
}

export interface RepresentativeTable {
  id: Generated<number>;
  /** 代表证号 or the office's own roster number; unique, the key used by imports. */
  code: string;
  name: string;
  gender: 'male' | 'female';
  ethnicity: string | null;
  /** The jurisdiction whose congress office manages this record. */
  jurisdiction_id: number;
  employer: string | null;
  post: string | null;
  /** 界别/行业 */
  sector: string | null;
  status: 'active' | 'suspended' | 'terminated';
  status_note: string | null;
  is_public: number;
  bio: string | null;
  /** AES-256-GCM ciphertext (base64) of the phone number; never stored in clear. */
  phone_enc: string | null;
  /** HMAC blind index of the normalised phone, for duplicate detection without decryption. */
  phone_hash: string | null;
  /** Random, stable code printed in the representative's QR code. */
  public_code: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RepresentativeSeatTable {
  id: Generated<number>;
  representative_id: number;
  congress_id: number;
  /** 代表团 */
  delegation: string | null;
  /** 选区 */
  constituency: string | null;
  elected_on: string | null;
  ended_on: string | null;
}

export interface RepGroupTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'regional' | 'professional';
  jurisdiction_id: number;
  theme: string | null;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupMemberTable {
  group_id: number;
  representative_id: number;
  role: 'leader' | 'deputy_leader' | 'member';
}

export interface StationTable {
  id: Generated<number>;
  code: string;
  /** Random, stable code printed in the station's QR code; survives renames. */
  public_code: string;
  name: string;
  /** 总站 / 中心站 / 站 / 点 */
  tier: 'general' | 'center' | 'station' | 'point';
  theme: 'community' | 'industry' | 'park' | 'cross_region' | 'enterprise' | 'other';
  jurisdiction_id: number;
  parent_id: number | null;
  address: string | null;
  liaison_officer_user_id: number | null;
  /** RFC 5545 recurrence rule of reception days, e.g. 'FREQ=MONTHLY;BYDAY=+3TU' (third Tuesday). */
  reception_rule: string | null;
  reception_start: string | null;
  reception_end: string | null;
  /** What a reception day on a holiday becomes: next_working_day | previous_working_day | skip. */
  reception_holiday: Generated<string>;
  /** Representatives on duty each reception day (taken from the roster in turn). */
  reception_on_duty: Generated<number>;
  /** How many days ahead reception days are published on the station's page. */
  reception_notice_days: Generated<number>;
  status: 'active' | 'retired';
  opened_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StationMemberTable {
  station_id: number;
  representative_id: number;
}

export interface GridTable {
  id: Generated<number>;
  code: string;
  name: string;
  jurisdiction_id: number;
  station_id: number | null;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GridMemberTable {
  grid_id: number;
  representative_id: number;
}

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: 'government' | 'court' | 'procuratorate' | 'township' | 'public_service' | 'other';
  jurisdiction_id: number;
  /** The supervising unit, to which overdue items escalate. */
  parent_id: number | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  status: 'active' | 'inactive';
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The routing table: unit U handles level-1 category C in jurisdiction J (DESIGN.md §3). */
export interface UnitCategoryTable {
  unit_id: number;
  category_code: string;
  jurisdiction_id: number;
}

export interface OrgTables {
  jurisdiction: JurisdictionTable;
  congress: CongressTable;
  category: CategoryTable;
  representative: RepresentativeTable;
  representative_seat: RepresentativeSeatTable;
  rep_group: RepGroupTable;
  group_member: GroupMemberTable;
  station: StationTable;
  station_member: StationMemberTable;
  grid: GridTable;
  grid_member: GridMemberTable;
  unit: UnitTable;
  unit_category: UnitCategoryTable;
}
