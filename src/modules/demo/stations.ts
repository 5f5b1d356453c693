/**
 * Liaison stations (家站点) in four tiers: the city's 联络总站, a 中心站 per district or county, a 站
 * per township or street, and about two dozen 点 — mostly in villages and communities, plus the
 * themed ones the seeds describe: Macheng's 工业邻里中心代表服务站 in the development zone, Fuyang's
 * cross-region “同源共富” station, Xinchang's industry station for bearing makers, a tea-industry
 * station, an enterprise contact point and Tonglu's 营商环境监测点.
 *
 * Following Wuxi, every representative of every level is enrolled in the station where they live,
 * and most stations receive constituents on the third Tuesday of each month (代表联系服务群众日).
 */
import {
  PUBLIC_CODE_ALPHABET,
  PUBLIC_CODE_LENGTH,
  type StationTheme,
  type StationTier,
} from '../org/org.domain.ts';
import type { DemoGroup, DemoJurisdiction, DemoRepresentative, DemoStation } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { Random } from './random.ts';
import type { Roster } from './representatives.ts';

interface Schedule {
  rule: string;
  start: string;
  end: string;
}

const THIRD_TUESDAY: Schedule = { rule: 'FREQ=MONTHLY;BYDAY=+3TU', start: '09:00', end: '11:00' };
// prettier-ignore
const SCHEDULES: readonly (readonly [Schedule, number])[] = [
  [THIRD_TUESDAY, 70],
  [{ rule: 'FREQ=WEEKLY;BYDAY=MO', start: '09:00', end: '11:30' }, 15], // 每周一
  [{ rule: 'FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=15', start: '09:00', end: '11:00' }, 10], // 单月15日
  [{ rule: 'FREQ=MONTHLY;BYMONTHDAY=17', start: '14:30', end: '16:30' }, 5], // 建德大洋镇的“17选民固定接待日”
];

function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function buildStations(
  rng: Random,
  geo: Geography,
  roster: Roster,
  groups: readonly DemoGroup[],
  today: string,
): DemoStation[] {
  const stations: DemoStation[] = [];
  const publicCodes = new Set<string>();
  const publicCode = (): string => {
    // The same form as newPublicCode() gives real stations, drawn from the seeded generator.
    let code = rng.chars(PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH);
    while (publicCodes.has(code)) code = rng.chars(PUBLIC_CODE_ALPHABET, PUBLIC_CODE_LENGTH);
    publicCodes.add(code);
    return code;
  };
  const codes = (reps: readonly DemoRepresentative[]) => [...new Set(reps.map((r) => r.code))].sort();

  const add = (s: {
    code: string;
    name: string;
    tier: StationTier;
    theme?: StationTheme;
    where: DemoJurisdiction;
    parentCode: string | null;
    building: string;
    officer: string;
    schedule?: Schedule;
    openedDaysAgo: [number, number];
    members: readonly DemoRepresentative[];
  }): DemoStation => {
    const schedule = s.schedule ?? rng.weighted(SCHEDULES);
    const station: DemoStation = {
      code: s.code,
      publicCode: publicCode(),
      name: s.name,
      tier: s.tier,
      theme: s.theme ?? 'community',
      jurisdictionCode: s.where.code,
      parentCode: s.parentCode,
      address: `${geo.address(rng, s.where.code)}（${s.building}）`,
      officerUsername: s.officer,
      receptionRule: schedule.rule,
      receptionStart: schedule.start,
      receptionEnd: schedule.end,
      openedOn: daysBefore(today, rng.int(...s.openedDaysAgo)),
      memberCodes: codes(s.members),
    };
    stations.push(station);
    return station;
  };

  const seniors = roster.active.filter(
    (r) => roster.has(r.code, 'national') || roster.has(r.code, 'provincial'),
  );
  const general = add({
    code: `ST-${geo.city.code}`,
    name: `${geo.city.name}人大代表联络总站`,
    tier: 'general',
    where: geo.city,
    parentCode: null,
    building: '市全过程人民民主实践中心',
    officer: 'officer.city',
    schedule: THIRD_TUESDAY,
    openedDaysAgo: [600, 900],
    members: seniors,
  });

  const stationOf = new Map<string, DemoStation>();
  for (const county of geo.counties) {
    const center = add({
      code: `ST-${county.code}`,
      name: `${county.name}人大代表联络中心站`,
      tier: 'center',
      where: county,
      parentCode: general.code,
      building: `${county.name}人大常委会机关一楼`,
      officer: `officer.${county.slug}`,
      schedule: THIRD_TUESDAY,
      openedDaysAgo: [900, 1400],
      members: roster
        .livingIn(county.code)
        .filter((r) => roster.has(r.code, 'city') || roster.has(r.code, 'provincial')),
    });
    stationOf.set(county.code, center);
    for (const t of geo.townshipsOf(county.code)) {
      stationOf.set(
        t.code,
        add({
          code: `ST-${t.code}`,
          name: `${t.name}人大代表联络站`,
          tier: 'station',
          where: t,
          parentCode: center.code,
          building: `${t.name}党群服务中心`,
          officer: `officer.${t.slug}`,
          openedDaysAgo: [1400, 2500],
          members: roster.livingIn(t.code),
        }),
      );
    }
  }

  // Contact points in the township's first village or community (its seat), and in a second one for half of them.
  const villagePoints = geo.townships.flatMap((t, i) => {
    const villages = geo.villagesOf(t.code);
    return i % 2 === 0 ? [villages[0]!, rng.pick(villages.slice(1))] : [villages[0]!];
  });
  for (const v of villagePoints) {
    const township = geo.townshipOf(v.code);
    const living = roster.livingIn(v.code);
    add({
      code: `ST-${v.code}`,
      name: `${v.name}人大代表联系点`,
      tier: 'point',
      where: v,
      parentCode: stationOf.get(township.code)!.code,
      building: geo.isRuralVillage(v.code) ? `${v.name}文化礼堂` : `${v.name}党群服务中心`,
      officer: `officer.${township.slug}`,
      openedDaysAgo: [200, 2000],
      // A point needs a couple of representatives even where few live.
      members: living.length >= 2 ? living : [...living, ...rng.sample(roster.livingIn(township.code), 3)],
    });
  }

  const [donghu, xiling, nanxi] = geo.counties as [DemoJurisdiction, DemoJurisdiction, DemoJurisdiction];
  const professional = (theme: string) =>
    groups
      .find((g) => g.kind === 'professional' && g.theme === theme)
      ?.members.map((m) => m.representativeCode) ?? [];
  const byCode = new Map(roster.active.map((r) => [r.code, r]));
  const enterprising = (r: DemoRepresentative) =>
    ['企业负责人', '科技', '工人', '法律', '党政干部'].includes(r.sector);

  // Macheng's 工业邻里中心代表服务站: deputies of the professional groups with business-facing posts.
  const zoneTownship = geo.townshipsOf(donghu.code).at(-1)!;
  const zoneMembers = [...professional('产业发展'), ...professional('财政经济'), ...professional('司法监察')]
    .map((c) => byCode.get(c))
    .filter((r): r is DemoRepresentative => r !== undefined && enterprising(r));
  add({
    code: 'ST-ZONE',
    name: '清江经济开发区工业邻里中心代表服务站',
    tier: 'point',
    theme: 'park',
    where: zoneTownship,
    parentCode: stationOf.get(donghu.code)!.code,
    building: '工业邻里中心一楼大厅',
    officer: 'officer.zone',
    schedule: { rule: 'FREQ=WEEKLY;BYDAY=TH', start: '14:00', end: '16:30' },
    openedDaysAgo: [150, 300],
    members: rng.sample(zoneMembers, 16),
  });

  // Fuyang's cross-region station, for people of a hill township living in the county town.
  const [seat, , , hill] = geo.townshipsOf(nanxi.code) as DemoJurisdiction[];
  const crossMembers = [
    ...rng.sample(roster.livingIn(seat!.code), 10),
    ...rng.sample(roster.livingIn(hill!.code), 10),
  ];
  add({
    code: 'ST-CROSS',
    name: `${seat!.name.replace(/镇$/, '')}—${hill!.name.replace(/乡$/, '')}“同源共富”代表联络站`,
    tier: 'point',
    theme: 'cross_region',
    where: nanxi,
    parentCode: stationOf.get(nanxi.code)!.code,
    building: `${hill!.name}驻${seat!.name}服务中心`,
    officer: 'officer.cross',
    openedDaysAgo: [400, 700],
    members: crossMembers,
  });

  // Industry stations: Xinchang's bearing makers at city level, and the county's tea growers.
  const industrial = roster.active.filter(
    (r) =>
      ['企业负责人', '工人', '科技'].includes(r.sector) &&
      (roster.has(r.code, 'city') || roster.has(r.code, 'county')),
  );
  add({
    code: 'ST-BEARING',
    name: `${geo.city.name}轴承产业人大代表联络站`,
    tier: 'point',
    theme: 'industry',
    where: geo.city,
    parentCode: general.code,
    building: '轴承产业创新服务综合体',
    officer: 'officer.bearing',
    openedDaysAgo: [200, 600],
    members: rng.sample(
      industrial
        .filter((r) => r.employer.includes('轴承') || r.employer.includes('机械'))
        .concat(rng.sample(industrial, 6)),
      12,
    ),
  });
  const tea = roster.livingIn(nanxi.code).filter((r) => r.sector === '农民' || r.sector === '企业负责人');
  add({
    code: 'ST-TEA',
    name: `${nanxi.name}茶产业人大代表联络站`,
    tier: 'point',
    theme: 'industry',
    where: nanxi,
    parentCode: stationOf.get(nanxi.code)!.code,
    building: '茶叶交易市场综合楼',
    officer: 'officer.tea',
    openedDaysAgo: [300, 800],
    members: rng.sample(tea.filter((r) => r.employer.includes('茶')).concat(rng.sample(tea, 8)), 10),
  });

  // An enterprise contact point, and Tonglu's 营商环境监测点 in a firm in a town.
  const fengming = geo.townshipsOf(xiling.code)[1]!;
  add({
    code: 'ST-HUAXIN',
    name: '华鑫集团企业人大代表联系点',
    tier: 'point',
    theme: 'enterprise',
    where: fengming,
    parentCode: stationOf.get(fengming.code)!.code,
    building: '华鑫集团行政楼二楼',
    officer: 'officer.huaxin',
    openedDaysAgo: [100, 400],
    members: rng.sample(roster.livingIn(xiling.code).filter(enterprising), 5),
  });
  const baisha = geo.townshipsOf(nanxi.code)[2]!;
  add({
    code: 'ST-MONITOR',
    name: `${baisha.name}营商环境监测点`,
    tier: 'point',
    theme: 'enterprise',
    where: baisha,
    parentCode: stationOf.get(baisha.code)!.code,
    building: '恒达新材料有限公司',
    officer: 'officer.monitor',
    schedule: { rule: 'FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=10', start: '09:00', end: '11:00' },
    openedDaysAgo: [100, 500],
    members: rng.sample(roster.livingIn(baisha.code).filter(enterprising), 4),
  });
  return stations;
}
