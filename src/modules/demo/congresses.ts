/**
 * The congresses a 清江 representative can sit in: the National People's Congress and the
 * province's (both above the deployment, so without a jurisdiction), the city's 16th, each
 * district's and the county's, each town's, and each street's assembly of street deputies
 * (街道议政代表会议, as in Wuxi: streets have no people's congress of their own).
 *
 * Terms are the real national calendar: NPC and provincial congresses elected early 2023, city 2022,
 * counties and towns at the end of 2021, five years each.
 */
import { PROVINCE_NAME, type Geography } from './jurisdictions.ts';
import type { DemoCongress } from './demo.types.ts';

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 16 → 十六, 21 → 二十一 (届次 up to 99). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n]!;
  if (n < 20) return `十${CHINESE_NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${CHINESE_NUMERALS[tens]}十${CHINESE_NUMERALS[n % 10]}`;
}

export const NPC_CODE = 'npc-14';
export const PROVINCIAL_CODE = 'prov-14';

/** The congress of a township (镇/乡) or the street-deputy assembly of a street, by jurisdiction code. */
export function localCongressCode(jurisdictionCode: string): string {
  return `${jurisdictionCode}-c`;
}

export function buildCongresses(geo: Geography): DemoCongress[] {
  const out: DemoCongress[] = [
    {
      code: NPC_CODE,
      name: '第十四届全国人民代表大会',
      level: 'national',
      termNumber: 14,
      jurisdictionCode: null,
      termStart: '2023-03-05',
      termEnd: '2028-03-04',
    },
    {
      code: PROVINCIAL_CODE,
      name: `${PROVINCE_NAME}第十四届人民代表大会`,
      level: 'provincial',
      termNumber: 14,
      jurisdictionCode: null,
      termStart: '2023-01-12',
      termEnd: '2028-01-11',
    },
    {
      code: localCongressCode(geo.city.code),
      name: `${geo.city.name}第十六届人民代表大会`,
      level: 'city',
      termNumber: 16,
      jurisdictionCode: geo.city.code,
      termStart: '2022-01-10',
      termEnd: '2027-01-09',
    },
  ];
  // The districts were formed from the old county town in the 1990s; the county's congress is older.
  const countyTerms: Record<string, number> = { donghu: 8, xiling: 8, nanxi: 18 };
  for (const county of geo.counties) {
    const term = countyTerms[county.slug] ?? 10;
    out.push({
      code: localCongressCode(county.code),
      name: `${county.name}第${chineseNumber(term)}届人民代表大会`,
      level: 'county',
      termNumber: term,
      jurisdictionCode: county.code,
      termStart: '2021-12-20',
      termEnd: '2026-12-19',
    });
  }
  for (const t of geo.townships) {
    const street = geo.isStreet(t.code);
    out.push({
      code: localCongressCode(t.code),
      name: street ? `${t.name}第三届议政代表会议` : `${t.name}第十八届人民代表大会`,
      level: street ? 'street' : 'township',
      termNumber: street ? 3 : 18,
      jurisdictionCode: t.code,
      termStart: street ? '2022-03-18' : '2021-11-26',
      termEnd: street ? '2027-03-17' : '2026-11-25',
    });
  }
  return out;
}
