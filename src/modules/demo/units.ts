/**
 * Handling units (承办单位) and the routing table of what each handles (DESIGN.md §3): the city's
 * departments, courts and utilities; district counterparts that escalate to the city department of
 * the same line; the district governments' offices, to which streets and towns escalate; and every
 * street and town itself (kind 'township'), which handles the neighbourhood matters in its area.
 */
import type { UnitKind } from '../org/org.domain.ts';
import type { DemoUnit } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import { drawMobile, type NameBook } from './names.ts';
import type { Random } from './random.ts';

interface UnitSpec {
  key: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  categories: string[];
}

const CITY_UNITS: UnitSpec[] = [
  {
    key: 'zjj',
    name: '住房和城乡建设局',
    shortName: '市住建局',
    kind: 'government',
    categories: ['housing'],
  },
  {
    key: 'jtj',
    name: '交通运输局',
    shortName: '市交通运输局',
    kind: 'government',
    categories: ['transport'],
  },
  {
    key: 'sthjj',
    name: '生态环境局',
    shortName: '市生态环境局',
    kind: 'government',
    categories: ['environment'],
  },
  { key: 'jyj', name: '教育局', shortName: '市教育局', kind: 'government', categories: ['education'] },
  {
    key: 'wjw',
    name: '卫生健康委员会',
    shortName: '市卫生健康委',
    kind: 'government',
    categories: ['health'],
  },
  {
    key: 'rsj',
    name: '人力资源和社会保障局',
    shortName: '市人力社保局',
    kind: 'government',
    categories: ['social_security'],
  },
  { key: 'swj', name: '商务局', shortName: '市商务局', kind: 'government', categories: ['business'] },
  {
    key: 'nyj',
    name: '农业农村局',
    shortName: '市农业农村局',
    kind: 'government',
    categories: ['agriculture'],
  },
  {
    key: 'zfj',
    name: '综合行政执法局',
    shortName: '市综合行政执法局',
    kind: 'government',
    categories: ['city_management'],
  },
  { key: 'gaj', name: '公安局', shortName: '市公安局', kind: 'government', categories: ['public_safety'] },
  { key: 'mzj', name: '民政局', shortName: '市民政局', kind: 'government', categories: ['civil_affairs'] },
  // Courts and procuratorates receive what concerns them (涉企案件, 公益诉讼) rather than every complaint.
  { key: 'fy', name: '中级人民法院', shortName: '市中级人民法院', kind: 'court', categories: ['business'] },
  {
    key: 'jcy',
    name: '人民检察院',
    shortName: '市人民检察院',
    kind: 'procuratorate',
    categories: ['public_safety', 'environment'],
  },
];

/** District counterparts, under the city department of the same line. */
const COUNTY_UNITS: Record<string, string[]> = { district: ['zjj', 'zfj'], county: ['zjj', 'nyj'] };

export function buildUnits(rng: Random, geo: Geography, names: NameBook): DemoUnit[] {
  const units: DemoUnit[] = [];
  const contact = () => ({
    contactName: names.next(rng.chance(0.45) ? 'female' : 'male'),
    contactPhone: drawMobile(rng),
  });
  const city = geo.city;
  for (const u of CITY_UNITS) {
    units.push({
      code: `U-${city.code}-${u.key}`,
      name: `${city.name}${u.name}`,
      shortName: u.shortName,
      kind: u.kind,
      jurisdictionCode: city.code,
      parentCode: null,
      ...contact(),
      categories: u.categories,
    });
  }
  units.push(
    {
      code: `U-${city.code}-water`,
      name: '清江水务集团有限公司',
      shortName: '清江水务集团',
      kind: 'public_service',
      jurisdictionCode: city.code,
      parentCode: null,
      ...contact(),
      categories: ['utilities'],
    },
    {
      code: `U-${city.code}-power`,
      name: '国网清江供电公司',
      shortName: '国网清江供电公司',
      kind: 'public_service',
      jurisdictionCode: city.code,
      parentCode: null,
      ...contact(),
      categories: ['utilities'],
    },
  );

  for (const county of geo.counties) {
    const isDistrict = county.name.endsWith('区');
    const office = `U-${county.code}-gov`;
    // The government office (政府办/督查室) routes nothing itself: it is where its towns' overdue items go.
    units.push({
      code: office,
      name: `${county.name}人民政府办公室`,
      shortName: `${county.name}政府办`,
      kind: 'government',
      jurisdictionCode: county.code,
      parentCode: null,
      ...contact(),
      categories: [],
    });
    for (const key of COUNTY_UNITS[isDistrict ? 'district' : 'county']!) {
      const spec = CITY_UNITS.find((u) => u.key === key)!;
      units.push({
        code: `U-${county.code}-${key}`,
        name: `${county.name}${spec.name}`,
        shortName: `${county.name.slice(0, 2)}${spec.shortName.replace(/^市/, isDistrict ? '区' : '县')}`,
        kind: 'government',
        jurisdictionCode: county.code,
        parentCode: `U-${city.code}-${key}`,
        ...contact(),
        categories: spec.categories,
      });
    }
    for (const t of geo.townshipsOf(county.code)) {
      const street = geo.isStreet(t.code);
      units.push({
        code: `U-${t.code}`,
        name: street ? `${county.name}${t.name}办事处` : `${county.name}${t.name}人民政府`,
        shortName: t.name,
        kind: 'township',
        jurisdictionCode: t.code,
        parentCode: office,
        ...contact(),
        categories: street
          ? ['housing', 'city_management', 'civil_affairs']
          : ['housing', 'agriculture', 'environment', 'civil_affairs'],
      });
    }
  }
  return units;
}
