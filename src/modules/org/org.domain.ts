/**
 * The organisation's vocabulary (DESIGN.md §1 capability 1): the values each field may take, with
 * the Chinese labels users know them by, and the pure rules between them. The API, the import
 * files, the demo data and the web app all take their lists from here.
 */
import type { Bilingual, FieldError } from '../../platform/http/errors.ts';

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

/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i): easy to read off a poster. */
export const PUBLIC_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const PUBLIC_CODE_LENGTH = 10;
/** Random bytes from here up would favour the first letters (256 is not a multiple of 31): they are drawn again. */
const UNBIASED_BYTE_LIMIT = 256 - (256 % PUBLIC_CODE_ALPHABET.length);

/**
 * The code printed in a station's QR code, which never changes: random (31^10 ≈ 8·10^14
 * possibilities, so it cannot be guessed from a neighbour's) and URL-safe. Stations created one by
 * one and by bulk import get the same form. It uses the Web Crypto API, not node:crypto, because
 * the web app imports this file for its vocabularies.
 */
export function newPublicCode(): string {
  let code = '';
  while (code.length < PUBLIC_CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(2 * PUBLIC_CODE_LENGTH))) {
      if (byte < UNBIASED_BYTE_LIMIT && code.length < PUBLIC_CODE_LENGTH)
        code += PUBLIC_CODE_ALPHABET[byte % PUBLIC_CODE_ALPHABET.length];
    }
  }
  return code;
}

export const STATION_THEMES = [
  'community',
  'industry',
  'park',
  'cross_region',
  'enterprise',
  'other',
] as const;
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

export const UNIT_KINDS = [
  'government',
  'court',
  'procuratorate',
  'township',
  'public_service',
  'other',
] as const;
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
    if (needle === value || needle === label.zh || needle.toLowerCase() === label.en.toLowerCase())
      return value;
  }
  return undefined;
}

/** Levels sorted highest first (全国 before 省 …), without repeats: how a representative's seats are shown. */
export function sortLevels(levels: Iterable<CongressLevel>): CongressLevel[] {
  return [...new Set(levels)].sort((a, b) => CONGRESS_LEVELS.indexOf(a) - CONGRESS_LEVELS.indexOf(b));
}

/** A seat counts as current until the day it ends: no end date, or an end date after today. */
export function isCurrentSeat(endedOn: string | null, today: string): boolean {
  return endedOn === null || endedOn > today;
}

/** Today's calendar date in Beijing (UTC+8, no daylight saving), as 'YYYY-MM-DD'. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The ids of a materialised path, root first: '/1/4/17/' → [1, 4, 17]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The path of a new child: the parent's path followed by the child's id. */
export function childPath(parentPath: string, id: number): string {
  return `${parentPath}${id}/`;
}

/** A root jurisdiction has no parent: its path holds one id ('/' is the system's whole database). */
export function isRootPath(path: string): boolean {
  return pathIds(path).length <= 1;
}

/**
 * How many steps up the tree `ancestorId` lies from the jurisdiction at `path` (0 = itself), or
 * undefined when it is not an ancestor. Used to rank handling units by nearness.
 */
export function ancestorDistance(path: string, ancestorId: number): number | undefined {
  const ids = pathIds(path);
  const at = ids.lastIndexOf(ancestorId);
  return at < 0 ? undefined : ids.length - 1 - at;
}

/**
 * A group roster: each representative once, and at most one leader (组长); deputies (副组长) may be
 * several. Errors point at the offending entry of `members`.
 */
export function checkGroupRoster(
  members: readonly { representativeId: number; role?: GroupRole | undefined }[],
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<number>();
  let leaders = 0;
  members.forEach((m, i) => {
    if (seen.has(m.representativeId)) {
      problems.push({
        path: `/members/${i}/representativeId`,
        rule: 'unique',
        message: { zh: '同一代表只能出现一次', en: 'A representative may appear only once' },
      });
    }
    seen.add(m.representativeId);
    if (m.role === 'leader' && ++leaders > 1) {
      problems.push({
        path: `/members/${i}/role`,
        rule: 'oneLeader',
        message: { zh: '代表小组只能有一名组长', en: 'A group has at most one leader' },
      });
    }
  });
  return problems;
}

/** Reception times: both or neither, and the start before the end ('HH:MM' strings compare as times). */
export function checkReceptionTimes(start: string | null, end: string | null): FieldError[] {
  if ((start === null) !== (end === null)) {
    const path = start === null ? '/receptionStart' : '/receptionEnd';
    return [
      {
        path,
        rule: 'pair',
        message: {
          zh: '接待开始时间和结束时间须同时填写',
          en: 'Give both the start and the end time, or neither',
        },
      },
    ];
  }
  if (start !== null && end !== null && start >= end) {
    return [
      {
        path: '/receptionEnd',
        rule: 'order',
        message: { zh: '接待结束时间须晚于开始时间', en: 'The end time must be after the start time' },
      },
    ];
  }
  return [];
}

/** A date range where both ends are optional: the start may not come after the end. */
export function checkDateOrder(
  start: string | null | undefined,
  end: string | null | undefined,
  path: string,
  label: Bilingual,
): FieldError[] {
  if (start && end && start > end) {
    return [
      {
        path,
        rule: 'order',
        message: { zh: `${label.zh}不能早于开始日期`, en: `${label.en} must not be before the start date` },
      },
    ];
  }
  return [];
}

/**
 * Arrange nodes in tree order (each parent before its children, depth first), keeping the given
 * order among siblings. Nodes whose parent is not in the list are roots.
 */
export function orderAsTree<T extends { id: number; parentId: number | null }>(nodes: readonly T[]): T[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<number | null, T[]>();
  for (const n of nodes) {
    const key = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const out: T[] = [];
  const visit = (parent: number | null) => {
    for (const n of children.get(parent) ?? []) {
      out.push(n);
      visit(n.id);
    }
  };
  visit(null);
  return out;
}
