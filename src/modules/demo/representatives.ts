/**
 * About 600 representatives across the five levels plus street deputies, with their seats.
 *
 * Seats: 6 national, 25 provincial, 130 city, 260 county (district), 180 township, 96 street
 * deputies. As in life, many people sit at two levels — a city deputy is often also a district
 * deputy where they live, a county deputy also a deputy of their town — so there are fewer people
 * than seats. Each person lives in a village or community (their "home"), which later decides
 * their stations, groups and grids.
 */
import type { CongressLevel } from '../org/org.domain.ts';
import { localCongressCode, NPC_CODE, PROVINCIAL_CODE } from './congresses.ts';
import { isWithin, PROVINCE_NAME, type Geography } from './jurisdictions.ts';
import type { DemoCongress, DemoRepresentative, DemoSeat } from './demo.types.ts';
import { drawEthnicity, drawMobile, NameBook } from './names.ts';
import { drawOccupation, type PlaceNames, type Rank } from './occupations.ts';
import type { Random } from './random.ts';

/** How many seats each county's people hold in the city congress (130 with the PLA delegation's 3). */
const CITY_SEATS: Record<string, number> = { donghu: 46, xiling: 44, nanxi: 37 };
const PLA_CITY_SEATS = 3;
const COUNTY_SEATS: Record<string, number> = { donghu: 90, xiling: 90, nanxi: 80 };
const TOWNSHIP_SEATS = 45;
const STREET_SEATS = 12;
const PROVINCIAL_SEATS = 25;
const NATIONAL_SEATS = 6;
/** Of the seats above, how many go to people already seated one level up (or down). */
const PROVINCIAL_ALSO_CITY = 10;
const NATIONAL_ALSO_PROVINCIAL = 2;
const COUNTY_ALSO_CITY: Record<string, number> = { donghu: 13, xiling: 13, nanxi: 14 };
const TOWNSHIP_ALSO_COUNTY = 8;
const STREET_ALSO_COUNTY = 2;

// prettier-ignore
const SECTOR_WEIGHTS: Record<CongressLevel, readonly (readonly [string, number])[]> = {
  national: [['企业负责人', 2], ['党政干部', 1], ['农民', 1], ['工人', 1], ['医疗卫生', 1]],
  provincial: [['企业负责人', 6], ['党政干部', 6], ['专业技术人员', 3], ['工人', 2], ['农民', 3], ['教育', 2], ['医疗卫生', 2], ['科技', 1]],
  city: [['企业负责人', 30], ['党政干部', 30], ['专业技术人员', 12], ['工人', 10], ['农民', 15], ['教育', 8], ['医疗卫生', 8], ['科技', 5], ['文化', 3], ['法律', 5], ['社会组织', 5]],
  county: [['党政干部', 20], ['企业负责人', 20], ['农民', 25], ['工人', 10], ['专业技术人员', 8], ['教育', 7], ['医疗卫生', 6], ['社会组织', 8], ['法律', 3], ['科技', 3], ['文化', 2], ['其他', 2]],
  township: [['农民', 45], ['党政干部', 15], ['企业负责人', 15], ['工人', 8], ['教育', 5], ['医疗卫生', 5], ['社会组织', 5], ['其他', 2]],
  street: [['社会组织', 30], ['企业负责人', 20], ['党政干部', 10], ['专业技术人员', 10], ['教育', 8], ['医疗卫生', 8], ['工人', 8], ['法律', 4], ['其他', 2]],
};

/** Women are more often deputies for schools, hospitals and communities than for the army. */
const FEMALE_SHARE: Record<string, number> = {
  教育: 0.5,
  医疗卫生: 0.5,
  社会组织: 0.55,
  文化: 0.45,
  解放军: 0.05,
  党政干部: 0.22,
  企业负责人: 0.2,
  农民: 0.22,
};

// prettier-ignore
const EDUCATION: Record<Rank, readonly (readonly [string, number])[]> = {
  city: [['研究生学历', 4], ['大学学历', 5], ['大专学历', 1]],
  county: [['研究生学历', 2], ['大学学历', 5], ['大专学历', 3], ['高中学历', 1]],
  township: [['大学学历', 3], ['大专学历', 4], ['高中学历', 3], ['初中学历', 1]],
};

// prettier-ignore
const AFFILIATION: readonly (readonly [string, number])[] = [
  ['中共党员', 70], ['群众', 18], ['民盟盟员', 2], ['民建会员', 2], ['民进会员', 2], ['农工党党员', 1], ['致公党党员', 1], ['九三学社社员', 2], ['无党派人士', 2],
];
/** Officials: party members, with the few non-party office holders the united front sets aside posts for. */
// prettier-ignore
const OFFICIAL_AFFILIATION: readonly (readonly [string, number])[] = [
  ['中共党员', 92], ['民盟盟员', 2], ['民建会员', 2], ['九三学社社员', 2], ['无党派人士', 2],
];

const TERMINATION_NOTES = [
  '因工作调动离开本行政区域，代表资格终止',
  '本人辞去代表职务，代表资格终止',
  '因病去世，代表资格终止',
];
const SUSPENSION_NOTE = '依法暂停执行代表职务';

interface Draft {
  rep: Omit<DemoRepresentative, 'jurisdictionCode'>;
  seats: (DemoSeat & { level: CongressLevel; jurisdictionCode: string })[];
}

export interface RepresentativesResult {
  representatives: DemoRepresentative[];
  seats: DemoSeat[];
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Cycles through a list in a shuffled order, so every village gets its share of residents. */
function roundRobin<T>(rng: Random, items: readonly T[]): () => T {
  let order: T[] = [];
  return () => {
    if (order.length === 0) order = rng.shuffle(items);
    return order.pop() as T;
  };
}

const LEVEL_RANK: Record<CongressLevel, number> = {
  national: 0,
  provincial: 1,
  city: 2,
  county: 3,
  township: 4,
  street: 4,
};

export function buildRepresentatives(
  rng: Random,
  geo: Geography,
  today: string,
  usedNames: Set<string>,
): RepresentativesResult {
  const names = new NameBook(rng.fork('names'), usedNames);
  const phones = new Set<string>();
  const taken = new Set<string>();
  const drafts: Draft[] = [];

  const placeOf = (homeCode: string): PlaceNames => {
    const home = geo.get(homeCode);
    const township = geo.townshipOf(homeCode);
    const rural = geo.villagesOf(township.code).find((v) => geo.isRuralVillage(v.code));
    return {
      county: geo.countyOf(homeCode).name,
      township: township.name,
      village: home.name,
      isStreet: geo.isStreet(township.code),
      isRural: geo.isRuralVillage(homeCode),
      nearbyVillage: rural?.name ?? null,
    };
  };

  const rankFor = (level: CongressLevel): Rank => {
    if (level === 'national' || level === 'provincial') return 'city';
    if (level === 'city') return rng.chance(0.5) ? 'city' : 'county';
    if (level === 'county') return rng.chance(0.4) ? 'county' : 'township';
    return 'township';
  };

  const newPerson = (level: CongressLevel, homeCode: string, sector?: string): Draft => {
    const chosenSector = sector ?? rng.weighted(SECTOR_WEIGHTS[level]);
    const gender = rng.chance(FEMALE_SHARE[chosenSector] ?? 0.3) ? 'female' : 'male';
    const rank = rankFor(level);
    const { employer, post } = drawOccupation(rng, chosenSector, placeOf(homeCode), rank, taken);
    let phone = drawMobile(rng);
    while (phones.has(phone)) phone = drawMobile(rng);
    phones.add(phone);
    const born = rank === 'township' ? rng.int(1965, 1995) : rng.int(1962, 1986);
    const affiliation =
      chosenSector === '解放军'
        ? '中共党员'
        : rng.weighted(chosenSector === '党政干部' ? OFFICIAL_AFFILIATION : AFFILIATION);
    // Farmers and workers on a city roster are still farmers and workers: their schooling follows the trade.
    const schooling = chosenSector === '农民' || chosenSector === '工人' ? 'township' : rank;
    const draft: Draft = {
      rep: {
        code: `QJ${String(drafts.length + 1).padStart(4, '0')}`,
        name: names.next(gender),
        gender,
        ethnicity: drawEthnicity(rng),
        homeCode,
        employer,
        post,
        sector: chosenSector,
        status: 'active',
        statusNote: null,
        isPublic: rng.chance(0.85),
        bio: `${born}年${rng.int(1, 12)}月生，${rng.weighted(EDUCATION[schooling])}，${affiliation}。`,
        phone,
      },
      seats: [],
    };
    drafts.push(draft);
    return draft;
  };

  const seat = (
    d: Draft,
    level: CongressLevel,
    congressCode: string,
    jurisdictionCode: string,
    delegation: string | null,
    constituency: string | null,
    electedOn: string,
  ): void => {
    // About one seat in thirty was filled at a by-election (补选) later in the term.
    const byElection = rng.chance(0.03) && daysBetween(electedOn, today) > 400;
    const on = byElection ? addDays(electedOn, rng.int(200, daysBetween(electedOn, today) - 60)) : electedOn;
    d.seats.push({
      representativeCode: d.rep.code,
      congressCode,
      delegation,
      constituency,
      electedOn: on,
      endedOn: null,
      level,
      jurisdictionCode,
    });
  };

  const hasLevel = (d: Draft, level: CongressLevel) => d.seats.some((s) => s.level === level);
  const homesIn = (d: Draft, code: string) => isWithin(d.rep.homeCode, code);

  // City congress: each county's delegation (代表团), plus the PLA's.
  const cityCode = geo.city.code;
  const cityCongress = localCongressCode(cityCode);
  for (const county of geo.counties) {
    const nextHome = roundRobin(
      rng,
      geo.villages.filter((v) => isWithin(v.code, county.code)),
    );
    for (let i = 0; i < (CITY_SEATS[county.slug] ?? 0); i++) {
      seat(
        newPerson('city', nextHome().code),
        'city',
        cityCongress,
        cityCode,
        `${county.name}代表团`,
        null,
        '2021-12-22',
      );
    }
  }
  const downtown = geo.villagesOf(geo.townships[0]!.code);
  for (let i = 0; i < PLA_CITY_SEATS; i++) {
    seat(
      newPerson('city', rng.pick(downtown).code, '解放军'),
      'city',
      cityCongress,
      cityCode,
      '解放军代表团',
      null,
      '2021-12-22',
    );
  }

  // Provincial deputies elected by the city congress; some of them city deputies too.
  const civilians = drafts.filter((d) => d.rep.sector !== '解放军');
  const seniorFirst = rng
    .shuffle(civilians)
    .sort(
      (a, b) =>
        Number(b.rep.sector === '企业负责人' || b.rep.sector === '党政干部') -
        Number(a.rep.sector === '企业负责人' || a.rep.sector === '党政干部'),
    );
  const anyHome = roundRobin(rng, geo.villages);
  const provincial: Draft[] = seniorFirst.slice(0, PROVINCIAL_ALSO_CITY);
  while (provincial.length < PROVINCIAL_SEATS) provincial.push(newPerson('provincial', anyHome().code));
  for (const d of provincial)
    seat(d, 'provincial', PROVINCIAL_CODE, cityCode, `${geo.city.name}代表团`, null, '2022-01-13');

  // National deputies elected by the provincial congress, in the province's delegation.
  const national: Draft[] = rng.sample(provincial.slice(PROVINCIAL_ALSO_CITY), NATIONAL_ALSO_PROVINCIAL);
  while (national.length < NATIONAL_SEATS) national.push(newPerson('national', anyHome().code));
  for (const d of national)
    seat(d, 'national', NPC_CODE, cityCode, `${PROVINCE_NAME}代表团`, null, '2023-01-16');

  // County (district) congresses, directly elected by constituency (选区).
  for (const county of geo.counties) {
    const congress = localCongressCode(county.code);
    const constituency = (d: Draft) => `${geo.townshipOf(d.rep.homeCode).name}第${rng.int(1, 9)}选区`;
    const alsoCity = rng.sample(
      drafts.filter((d) => hasLevel(d, 'city') && d.rep.sector !== '解放军' && homesIn(d, county.code)),
      COUNTY_ALSO_CITY[county.slug] ?? 0,
    );
    for (const d of alsoCity) seat(d, 'county', congress, county.code, null, constituency(d), '2021-11-15');
    const nextHome = roundRobin(
      rng,
      geo.villages.filter((v) => isWithin(v.code, county.code)),
    );
    for (let i = alsoCity.length; i < (COUNTY_SEATS[county.slug] ?? 0); i++) {
      const d = newPerson('county', nextHome().code);
      seat(d, 'county', congress, county.code, null, constituency(d), '2021-11-15');
    }
  }

  // Town congresses (镇/乡) and street-deputy assemblies (街道).
  for (const t of geo.townships) {
    const street = geo.isStreet(t.code);
    const level: CongressLevel = street ? 'street' : 'township';
    const congress = localCongressCode(t.code);
    const electedOn = street ? '2022-03-10' : '2021-11-15';
    const also = rng.sample(
      drafts.filter((d) => hasLevel(d, 'county') && !hasLevel(d, 'city') && homesIn(d, t.code)),
      street ? STREET_ALSO_COUNTY : TOWNSHIP_ALSO_COUNTY,
    );
    for (const d of also)
      seat(d, level, congress, t.code, null, `${geo.get(d.rep.homeCode).name}选区`, electedOn);
    const nextHome = roundRobin(rng, geo.villagesOf(t.code));
    for (let i = also.length; i < (street ? STREET_SEATS : TOWNSHIP_SEATS); i++) {
      const d = newPerson(level, nextHome().code);
      seat(d, level, congress, t.code, null, `${geo.get(d.rep.homeCode).name}选区`, electedOn);
    }
  }

  // A few leave office during the term, and a couple are suspended (代表法 Art. 47–49).
  const candidates = rng.shuffle(drafts.filter((d) => !hasLevel(d, 'national')));
  for (const d of candidates.slice(0, 4)) {
    const endedOn = addDays(today, -rng.int(30, 500));
    d.rep.status = 'terminated';
    d.rep.statusNote = rng.pick(TERMINATION_NOTES);
    for (const s of d.seats) {
      s.endedOn =
        endedOn > s.electedOn
          ? endedOn
          : addDays(s.electedOn, Math.max(1, Math.floor(daysBetween(s.electedOn, today) / 2)));
    }
  }
  for (const d of candidates.slice(4, 6)) {
    d.rep.status = 'suspended';
    d.rep.statusNote = SUSPENSION_NOTE;
  }

  const representatives: DemoRepresentative[] = drafts.map((d) => {
    // Managed by the office of the lowest congress the person sits in (in the city for NPC and provincial deputies).
    const lowest = [...d.seats].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])[0]!;
    return { ...d.rep, jurisdictionCode: lowest.jurisdictionCode };
  });
  const seats: DemoSeat[] = drafts.flatMap((d) =>
    d.seats.map(({ representativeCode, congressCode, delegation, constituency, electedOn, endedOn }) => ({
      representativeCode,
      congressCode,
      delegation,
      constituency,
      electedOn,
      endedOn,
    })),
  );
  return { representatives, seats };
}

/** The representatives as the later generators see them: who is serving, and at which levels. */
export interface Roster {
  all: DemoRepresentative[];
  /** Serving representatives (neither suspended nor terminated): the ones put on rosters. */
  active: DemoRepresentative[];
  has(code: string, level: CongressLevel): boolean;
  /** The active representatives living in a jurisdiction (a county, township or village code). */
  livingIn(jurisdictionCode: string): DemoRepresentative[];
}

export function buildRoster(result: RepresentativesResult, congresses: readonly DemoCongress[]): Roster {
  const levelOf = new Map(congresses.map((c) => [c.code, c.level]));
  const levels = new Map<string, Set<CongressLevel>>();
  for (const s of result.seats) {
    const set = levels.get(s.representativeCode) ?? new Set<CongressLevel>();
    const level = levelOf.get(s.congressCode);
    if (level) set.add(level);
    levels.set(s.representativeCode, set);
  }
  const active = result.representatives.filter((r) => r.status === 'active');
  return {
    all: result.representatives,
    active,
    has: (code, level) => levels.get(code)?.has(level) ?? false,
    livingIn: (jurisdictionCode) => active.filter((r) => isWithin(r.homeCode, jurisdictionCode)),
  };
}
