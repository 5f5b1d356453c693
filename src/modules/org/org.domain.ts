/**
 * The organisation's vocabulary (DESIGN.md §1 capability 1): the values each field may take, with
 * the Chinese labels users know them by, and the pure rules between them. The API, the import
 * files, the demo data and the web app all take their lists from here.
 */
import type { Bilingual } from '../../platform/http/errors.ts';

export const JURISDICTION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];
export const JURISDICTION_LEVEL_LABELS: Record<JurisdictionLevel, Bilingual> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  county: { zh: '县（市、区）', en: 'County / district' },
  township: { zh: '乡镇（街道）', en: 'Township / street' },
  village: { zh: '村（社区）', en: 'Village / community' },
};

/** A child sits exactly one level below its parent (a city's children are counties, and so on). */
export function isValidChildLevel(parent: JurisdictionLevel, child: JurisdictionLevel): boolean {
  return JURISDICTION_LEVELS.indexOf(child) === JURISDICTION_LEVELS.indexOf(parent) + 1;
}

export const CONGRESS_LEVELS = ['national', 'provincial', 'city', 'county', 'township', 'street'] as const;
export type CongressLevel = (typeof CONGRESS_LEVELS)[number];
export const CONGRESS_LEVEL_LABELS: Record<CongressLevel, Bilingual> = {
  national: { zh: '全国人大代表', en: 'National' },
  provincial: { zh: '省人大代表', en: 'Provincial' },
  city: { zh: '市人大代表', en: 'City' },
  county: { zh: '县（区）人大代表', en: 'County' },
  township: { zh: '乡镇人大代表', en: 'Township' },
  street: { zh: '街道议政代表', en: 'Street deputy' },
};

/** The jurisdiction level a congress of each level belongs to (national and provincial lie above a city deployment). */
export const CONGRESS_JURISDICTION_LEVEL: Record<CongressLevel, JurisdictionLevel | null> = {
  national: null,
  provincial: 'province',
  city: 'city',
  county: 'county',
  township: 'township',
  street: 'township',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, Bilingual> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

export const REPRESENTATIVE_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type RepresentativeStatus = (typeof REPRESENTATIVE_STATUSES)[number];
export const REPRESENTATIVE_STATUS_LABELS: Record<RepresentativeStatus, Bilingual> = {
  active: { zh: '在任', en: 'Serving' },
  suspended: { zh: '暂停执行代表职务', en: 'Suspended' },
  terminated: { zh: '代表资格终止', en: 'Terminated' },
};

/** 界别/行业 as congress rosters usually record them. */
export const SECTORS = [
  '工人',
  '农民',
  '专业技术人员',
  '企业负责人',
  '党政干部',
  '教育',
  '医疗卫生',
  '科技',
  '文化',
  '法律',
  '社会组织',
  '解放军',
  '其他',
] as const;

export const GROUP_KINDS = ['regional', 'professional'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Record<GroupKind, Bilingual> = {
  regional: { zh: '地域代表小组', en: 'Regional group' },
  professional: { zh: '专业代表小组', en: 'Professional group' },
};

export const GROUP_ROLES = ['leader', 'deputy_leader', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_ROLE_LABELS: Record<GroupRole, Bilingual> = {
  leader: { zh: '组长', en: 'Leader' },
  deputy_leader: { zh: '副组长', en: 'Deputy leader' },
  member: { zh: '组员', en: 'Member' },
};

/** The four tiers of 家站点: 总站 / 中心站 / 站 / 点. */
export const STATION_TIERS = ['general', 'center', 'station', 'point'] as const;
export type StationTier = (typeof STATION_TIERS)[number];
export const STATION_TIER_LABELS: Record<StationTier, Bilingual> = {
  general: { zh: '联络总站', en: 'General station' },
  center: { zh: '联络中心站', en: 'Centre station' },
  station: { zh: '联络站', en: 'Station' },
  point: { zh: '联系点', en: 'Contact point' },
};

/** A station's parent is of a higher tier (a 点 hangs under a 站, a 站 under a 中心站 …). */
export function isValidParentTier(parent: StationTier, child: StationTier): boolean {
  return STATION_TIERS.indexOf(parent) < STATION_TIERS.indexOf(child);
}

export const STATION_THEMES = ['community', 'industry', 'park', 'cross_region', 'enterprise', 'other'] as const;
export type StationTheme = (typeof STATION_THEMES)[number];
export const STATION_THEME_LABELS: Record<StationTheme, Bilingual> = {
  community: { zh: '综合（社区）', en: 'Community' },
  industry: { zh: '行业', en: 'Industry' },
  park: { zh: '园区', en: 'Industrial park' },
  cross_region: { zh: '跨区域', en: 'Cross-region' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  other: { zh: '其他', en: 'Other' },
};

export const STATION_STATUSES = ['active', 'retired'] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];
export const STATION_STATUS_LABELS: Record<StationStatus, Bilingual> = {
  active: { zh: '运行中', en: 'Active' },
  retired: { zh: '已撤销', en: 'Retired' },
};

export const UNIT_KINDS = ['government', 'court', 'procuratorate', 'township', 'public_service', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, Bilingual> = {
  government: { zh: '政府部门', en: 'Government department' },
  court: { zh: '法院', en: 'Court' },
  procuratorate: { zh: '检察院', en: 'Procuratorate' },
  township: { zh: '乡镇（街道）', en: 'Township / street' },
  public_service: { zh: '公用事业单位', en: 'Public-service enterprise' },
  other: { zh: '其他', en: 'Other' },
};

export const UNIT_STATUSES = ['active', 'inactive'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Look a value up by its Chinese or English label, or by the value itself (for import files typed by people). */
export function valueFromLabel<T extends string>(labels: Record<T, Bilingual>, input: string): T | undefined {
  const needle = input.trim();
  for (const [value, label] of Object.entries(labels) as [T, Bilingual][]) {
    if (needle === value || needle === label.zh || needle.toLowerCase() === label.en.toLowerCase()) return value;
  }
  return undefined;
}
