import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../lib/phone.ts';
import { parseReceptionRule } from '../../lib/recurrence.ts';
import { Code } from '../../platform/http/schemas.ts';
import { checkPasswordPolicy, checkRoleSet, ROLES } from '../auth/auth.domain.ts';
import { Username } from '../auth/auth.schema.ts';
import { isValidChildLevel, isValidParentTier, SECTORS } from '../org/org.domain.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { countDemoData, generateDemoData } from './demo.generate.ts';
import { DEFAULT_SUGGESTION_LIMITS } from './suggestions.generate.ts';
import type { DemoData } from './demo.types.ts';
import { UNCOVERED_GRIDS } from './grids.ts';
import { isFamousName } from './names.ts';

const NOW = new Date('2026-11-22T02:00:00.000Z');
const data: DemoData = generateDemoData({ now: NOW });
const counts = countDemoData(data);

// The patterns the API validates with, so demo rows are rows the API would accept.
const codePattern = new RegExp((Code() as unknown as { pattern: string }).pattern);
const usernamePattern = new RegExp((Username as unknown as { pattern: string }).pattern);
const share = (n: number, of: number) => n / of;

describe('demo data generator', () => {
  it('produces exactly the same data for the same seed and date', () => {
    const again = generateDemoData({ now: NOW });
    expect(again).toEqual(data);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    // The year of suggestions too, case by case, with its numbers and notices.
    expect(again.suggestions.length).toBeGreaterThan(600);
    expect(again.suggestions).toEqual(data.suggestions);
    expect(again.suggestionCounters).toEqual(data.suggestionCounters);
  });

  it('draws the suggestions from a stream of their own: the organisation and opinions do not move', () => {
    const other = generateDemoData({
      now: NOW,
      suggestionLimits: { ...DEFAULT_SUGGESTION_LIMITS, evaluationWorkingDays: 10, replyMonths: 2 },
    });
    expect(other.suggestions).not.toEqual(data.suggestions);
    // The year of activities, scores and disclosures reads the suggestions: it moves with them.
    const built = (d: typeof data) => {
      const {
        suggestions: _s,
        suggestionCounters: _c,
        notifications: _n,
        activities: _a,
        ruleSets: _r,
        excellentSuggestions: _e,
        scoreEntries: _x,
        performanceHistory: _h,
        ...rest
      } = d;
      return rest;
    };
    expect(built(other)).toEqual(built(data));
    expect(other.opinions.length).toBeGreaterThan(0);
  });

  it('produces different people for a different seed, on the same tree', () => {
    const other = generateDemoData({ seed: 'another-city', now: NOW });
    expect(other.jurisdictions).toEqual(data.jurisdictions);
    expect(other.representatives.map((r) => r.name)).not.toEqual(data.representatives.map((r) => r.name));
  });

  it('builds the jurisdiction tree of 清江市', () => {
    expect(counts.jurisdictions).toMatchObject({ city: 1, county: 3, township: 12 });
    expect(counts.jurisdictions.village).toBeGreaterThanOrEqual(55);
    expect(counts.jurisdictions.village).toBeLessThanOrEqual(65);
    const byCode = new Map(data.jurisdictions.map((j) => [j.code, j]));
    const root = data.jurisdictions.filter((j) => j.parentCode === null);
    expect(root).toEqual([expect.objectContaining({ code: '339900', name: '清江市', level: 'city' })]);
    for (const j of data.jurisdictions) {
      expect(j.code).toMatch(codePattern);
      if (j.parentCode) expect(isValidChildLevel(byCode.get(j.parentCode)!.level, j.level)).toBe(true);
    }
    const townships = data.jurisdictions.filter((j) => j.level === 'township');
    for (const t of townships) {
      const county = byCode.get(t.parentCode!)!;
      expect(t.name).toMatch(county.name.endsWith('区') ? /街道$/ : /[镇乡]$/);
    }
    for (const v of data.jurisdictions.filter((j) => j.level === 'village'))
      expect(v.name).toMatch(/(社区|村)$/);
  });

  it('has the congresses of every level, the national and provincial ones above the tree', () => {
    const levels = countBy(data.congresses.map((c) => c.level));
    expect(levels).toEqual({ national: 1, provincial: 1, city: 1, county: 3, township: 4, street: 8 });
    for (const c of data.congresses) {
      expect(c.jurisdictionCode === null).toBe(c.level === 'national' || c.level === 'provincial');
      expect(c.termStart < c.termEnd).toBe(true);
    }
    expect(data.congresses.find((c) => c.level === 'city')?.name).toBe('清江市第十六届人民代表大会');
  });

  it('seats about 600 representatives across the five levels plus street deputies, some at two levels', () => {
    expect(counts.seatsByLevel).toEqual({
      national: 6,
      provincial: 25,
      city: 130,
      county: 260,
      township: 180,
      street: 96,
    });
    expect(counts.representatives).toBeGreaterThanOrEqual(560);
    expect(counts.representatives).toBeLessThanOrEqual(640);
    const seatsPer = countBy(data.seats.map((s) => s.representativeCode));
    expect(Object.values(seatsPer).filter((n) => n >= 2).length).toBeGreaterThanOrEqual(60);
    const pairs = data.seats.map((s) => `${s.representativeCode}|${s.congressCode}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(new Set(Object.keys(seatsPer))).toEqual(new Set(data.representatives.map((r) => r.code)));
  });

  it('gives representatives natural, unique names and a realistic mix', () => {
    const reps = data.representatives;
    expect(new Set(reps.map((r) => r.name)).size).toBe(reps.length);
    expect(new Set(reps.map((r) => r.code)).size).toBe(reps.length);
    for (const r of reps) {
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(isFamousName(r.name)).toBe(false);
      expect(r.code).toMatch(codePattern);
      expect(SECTORS).toContain(r.sector);
      expect(r.employer.length).toBeGreaterThan(1);
      expect(r.post.length).toBeGreaterThan(1);
      expect(r.bio).toMatch(/^\d{4}年\d{1,2}月生，/);
    }
    expect(share(reps.filter((r) => r.gender === 'female').length, reps.length)).toBeGreaterThan(0.22);
    expect(share(reps.filter((r) => r.gender === 'female').length, reps.length)).toBeLessThan(0.38);
    expect(share(reps.filter((r) => r.ethnicity === '汉族').length, reps.length)).toBeGreaterThan(0.85);
    expect(share(reps.filter((r) => r.isPublic).length, reps.length)).toBeGreaterThan(0.78);
    expect(share(reps.filter((r) => r.isPublic).length, reps.length)).toBeLessThan(0.92);
    expect(counts.representativesByStatus.suspended).toBeGreaterThan(0);
    expect(counts.representativesByStatus.terminated).toBeGreaterThan(0);
    for (const r of reps.filter((x) => x.status !== 'active')) expect(r.statusNote).toBeTruthy();
    const posts = new Set(reps.map((r) => r.post));
    for (const post of ['党委书记', '社区居委会主任', '董事长', '院长', '校长', '理事长']) {
      expect(
        [...posts].some((p) => p.includes(post)),
        post,
      ).toBe(true);
    }
  });

  it('gives every representative a distinct, valid mobile number', () => {
    const phones = data.representatives.map((r) => r.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of [...phones, ...data.units.map((u) => u.contactPhone)]) {
      expect(p).toMatch(/^1[3-9]\d{9}$/);
      expect(normalizePhone(p)).toBe(p);
    }
  });

  it('ends the seats of representatives whose office has ended, and only theirs', () => {
    const terminated = new Set(
      data.representatives.filter((r) => r.status === 'terminated').map((r) => r.code),
    );
    for (const s of data.seats) {
      expect(s.endedOn !== null).toBe(terminated.has(s.representativeCode));
      if (s.endedOn) expect(s.endedOn > s.electedOn).toBe(true);
    }
  });

  it('forms six professional groups of 15–30 and about twenty regional ones, each with one leader', () => {
    const professional = data.groups.filter((g) => g.kind === 'professional');
    expect(professional.map((g) => g.theme)).toEqual([
      '司法监察',
      '产业发展',
      '城建环保',
      '财政经济',
      '社会建设',
      '农业农村',
    ]);
    for (const g of professional) {
      expect(g.members.length).toBeGreaterThanOrEqual(15);
      expect(g.members.length).toBeLessThanOrEqual(30);
    }
    expect(counts.groups.regional).toBeGreaterThanOrEqual(18);
    expect(counts.groups.regional).toBeLessThanOrEqual(22);
    for (const g of data.groups) {
      expect(g.members.filter((m) => m.role === 'leader')).toHaveLength(1);
      expect(new Set(g.members.map((m) => m.representativeCode)).size).toBe(g.members.length);
    }
    // Cross-membership: many sit in a professional and a regional group at once.
    const inProfessional = new Set(professional.flatMap((g) => g.members.map((m) => m.representativeCode)));
    const inRegional = new Set(
      data.groups
        .filter((g) => g.kind === 'regional')
        .flatMap((g) => g.members.map((m) => m.representativeCode)),
    );
    expect([...inProfessional].filter((c) => inRegional.has(c)).length).toBeGreaterThan(50);
  });

  it('builds about forty stations of all tiers and themes, with parents of a higher tier', () => {
    expect(counts.stationsByTier).toMatchObject({ general: 1, center: 3, station: 12 });
    expect(counts.stationsByTier.point).toBeGreaterThanOrEqual(20);
    expect(counts.stationsByTier.point).toBeLessThanOrEqual(28);
    for (const theme of ['park', 'cross_region', 'industry', 'enterprise'])
      expect(counts.stationsByTheme[theme]).toBeGreaterThan(0);
    expect(
      data.stations.some((s) => s.name === '清江经济开发区工业邻里中心代表服务站' && s.theme === 'park'),
    ).toBe(true);
    const byCode = new Map(data.stations.map((s) => [s.code, s]));
    const publicCodes = new Set(data.stations.map((s) => s.publicCode));
    expect(publicCodes.size).toBe(data.stations.length);
    for (const s of data.stations) {
      expect(s.code).toMatch(codePattern);
      expect(s.publicCode).toMatch(codePattern);
      if (s.tier === 'general') expect(s.parentCode).toBeNull();
      else expect(isValidParentTier(byCode.get(s.parentCode!)!.tier, s.tier)).toBe(true);
      expect(parseReceptionRule(s.receptionRule).ok, s.receptionRule).toBe(true);
      expect(s.receptionStart).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(s.receptionStart < s.receptionEnd).toBe(true);
      expect(s.openedOn < NOW.toISOString().slice(0, 10)).toBe(true);
      expect(s.address).toMatch(/^清江市/);
      expect(s.memberCodes.length).toBeGreaterThan(0);
    }
    const thirdTuesday = data.stations.filter((s) => s.receptionRule === 'FREQ=MONTHLY;BYDAY=+3TU').length;
    expect(share(thirdTuesday, data.stations.length)).toBeGreaterThan(0.5);
    expect(data.stations.some((s) => s.receptionRule === 'FREQ=WEEKLY;BYDAY=MO')).toBe(true);
    expect(
      data.stations.some((s) => s.receptionRule === 'FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=15'),
    ).toBe(true);
  });

  it('enrols every serving representative in a station, and only serving ones on rosters', () => {
    const active = new Set(data.representatives.filter((r) => r.status === 'active').map((r) => r.code));
    const enrolled = new Set(data.stations.flatMap((s) => s.memberCodes));
    for (const code of active) expect(enrolled.has(code), code).toBe(true);
    const onRosters = [
      ...enrolled,
      ...data.grids.flatMap((g) => g.memberCodes),
      ...data.groups.flatMap((g) => g.members.map((m) => m.representativeCode)),
    ];
    for (const code of onRosters) expect(active.has(code), code).toBe(true);
  });

  it('has a grid per village with 1–3 representatives, and a few left uncovered', () => {
    const villages = data.jurisdictions.filter((j) => j.level === 'village').map((j) => j.code);
    expect(data.grids.map((g) => g.jurisdictionCode).sort()).toEqual(villages.sort());
    expect(counts.uncoveredGrids).toBe(UNCOVERED_GRIDS);
    const stations = new Set(data.stations.map((s) => s.code));
    for (const g of data.grids) {
      expect(g.memberCodes.length).toBeLessThanOrEqual(3);
      expect(stations.has(g.stationCode)).toBe(true);
    }
  });

  it('lists handling units with the categories they handle and escalation parents', () => {
    expect(counts.units).toBeGreaterThanOrEqual(28);
    expect(counts.units).toBeLessThanOrEqual(40);
    const codes = new Set(data.units.map((u) => u.code));
    const categories = new Set([
      'housing',
      'transport',
      'environment',
      'education',
      'health',
      'social_security',
      'business',
      'agriculture',
      'city_management',
      'public_safety',
      'civil_affairs',
      'utilities',
    ]);
    for (const u of data.units) {
      expect(u.code).toMatch(codePattern);
      if (u.parentCode) expect(codes.has(u.parentCode)).toBe(true);
      for (const c of u.categories) expect(categories.has(c)).toBe(true);
    }
    // Every category is handled somewhere at city level, so routing always has a candidate.
    const cityHandled = new Set(
      data.units.filter((u) => u.jurisdictionCode === '339900').flatMap((u) => u.categories),
    );
    expect(cityHandled).toEqual(categories);
    expect(data.units.filter((u) => u.kind === 'township')).toHaveLength(12);
    for (const name of [
      '清江市住房和城乡建设局',
      '清江水务集团有限公司',
      '国网清江供电公司',
      '清江市中级人民法院',
      '清江市人民检察院',
    ]) {
      expect(
        data.units.some((u) => u.name === name),
        name,
      ).toBe(true);
    }
  });

  it('has accounts for every role, valid under the password and role policies', () => {
    for (const role of ROLES) expect(counts.accountsByRole[role], role).toBeGreaterThan(0);
    const usernames = new Set(data.accounts.map((a) => a.username));
    expect(usernames.size).toBe(data.accounts.length);
    const reps = new Set(data.representatives.map((r) => r.code));
    const units = new Set(data.units.map((u) => u.code));
    const jurisdictions = new Set(data.jurisdictions.map((j) => j.code));
    for (const a of data.accounts) {
      expect(a.username).toMatch(usernamePattern);
      expect(checkPasswordPolicy(DEMO_PASSWORD, a.username)).toEqual([]);
      expect(checkRoleSet(a.roles)).toEqual([]);
      expect(jurisdictions.has(a.jurisdictionCode)).toBe(true);
      expect(a.roles.includes('representative')).toBe(
        a.representativeCode !== null && reps.has(a.representativeCode),
      );
      expect(a.roles.includes('unit_staff')).toBe(a.unitCode !== null && units.has(a.unitCode));
    }
    for (const s of data.stations) {
      expect(data.accounts.find((a) => a.username === s.officerUsername)?.roles).toEqual(['liaison_officer']);
    }
    for (const expected of [
      'staff',
      'staff.donghu',
      'staff.xiling',
      'staff.nanxi',
      'leader',
      'sysadmin',
      'secadmin',
      'auditadmin',
    ]) {
      expect(usernames.has(expected), expected).toBe(true);
    }
  });

  it('refers only to rows that exist', () => {
    const jurisdictions = new Set(data.jurisdictions.map((j) => j.code));
    const congresses = new Set(data.congresses.map((c) => c.code));
    const reps = new Set(data.representatives.map((r) => r.code));
    for (const r of data.representatives) {
      expect(jurisdictions.has(r.jurisdictionCode)).toBe(true);
      expect(jurisdictions.has(r.homeCode)).toBe(true);
    }
    for (const s of data.seats) {
      expect(congresses.has(s.congressCode)).toBe(true);
      expect(reps.has(s.representativeCode)).toBe(true);
    }
    for (const x of [...data.groups, ...data.stations, ...data.grids, ...data.units])
      expect(jurisdictions.has(x.jurisdictionCode)).toBe(true);
  });
});

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
