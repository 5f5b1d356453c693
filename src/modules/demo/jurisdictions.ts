/**
 * The fictional city of 清江市 (code 339900): two urban districts and a hill county, each with four
 * townships or streets, and about sixty villages and communities. Written out by hand rather than
 * drawn at random, so the place names read naturally (…街道 in the districts, …镇/…乡 in the county,
 * …社区 in town and …村 in the countryside) and stay put when the generator changes.
 *
 * Codes follow the national scheme: county 3399xx, township +3 digits (街道 0xx, 镇 1xx, 乡 2xx),
 * village +3 digits (社区 0xx, 村 2xx).
 */
import type { DemoJurisdiction } from './demo.types.ts';
import type { Random } from './random.ts';

interface TownshipSpec {
  name: string;
  slug: string;
  /** Road names for addresses in this township. */
  roads: string[];
  villages: string[];
}

interface CountySpec {
  code: string;
  name: string;
  slug: string;
  /** 区 (district) or 县 (county): streets versus towns. */
  kind: 'district' | 'county';
  townships: TownshipSpec[];
}

export const CITY_CODE = '339900';
export const CITY_NAME = '清江市';
/** The province lies above the deployment: it has no row, only a name for its congress. */
export const PROVINCE_NAME = '江东省';

const COUNTIES: CountySpec[] = [
  {
    code: '339902',
    name: '东湖区',
    slug: 'donghu',
    kind: 'district',
    townships: [
      {
        name: '湖滨街道',
        slug: 'hubin',
        roads: ['湖滨路', '柳岸路', '朝晖路'],
        villages: ['湖滨社区', '柳岸社区', '金沙社区', '朝晖社区', '望湖社区', '荷花社区'],
      },
      {
        name: '文昌街道',
        slug: 'wenchang',
        roads: ['文昌路', '学府路', '府前街'],
        villages: ['文昌社区', '书院社区', '学府社区', '桂花社区', '府前社区'],
      },
      {
        name: '新桥街道',
        slug: 'xinqiao',
        roads: ['新桥路', '通济街', '长乐路'],
        villages: ['新桥社区', '通济社区', '长乐社区', '东园社区', '塘湾村'],
      },
      {
        name: '临江街道',
        slug: 'linjiang',
        roads: ['滨江路', '工业大道', '凤凰路'],
        villages: ['临江社区', '江南社区', '工业园社区', '凤凰社区', '沙洲村'],
      },
    ],
  },
  {
    code: '339903',
    name: '西岭区',
    slug: 'xiling',
    kind: 'district',
    townships: [
      {
        name: '岭西街道',
        slug: 'lingxi',
        roads: ['岭西路', '枫林路', '青石街'],
        villages: ['岭西社区', '枫林社区', '翠屏社区', '青石社区', '西山村'],
      },
      {
        name: '凤鸣街道',
        slug: 'fengming',
        roads: ['凤鸣路', '紫荆路', '和平路'],
        villages: ['凤鸣社区', '紫荆社区', '丹桂社区', '和平社区', '鸣溪村', '双塘村'],
      },
      {
        name: '城西街道',
        slug: 'chengxi',
        roads: ['环城西路', '永安路', '锦绣路'],
        villages: ['城西社区', '西门社区', '永安社区', '锦绣社区'],
      },
      {
        name: '桃源街道',
        slug: 'taoyuan',
        roads: ['桃源路', '杏林路', '樟树街'],
        villages: ['桃源社区', '杏林社区', '樟树社区', '梅岭村', '茶园村'],
      },
    ],
  },
  {
    code: '339921',
    name: '南溪县',
    slug: 'nanxi',
    kind: 'county',
    townships: [
      {
        name: '南溪镇',
        slug: 'nanxizhen',
        roads: ['人民路', '溪南路', '解放街'],
        villages: ['城关社区', '溪南社区', '南门村', '大坪村', '上塘村', '枫树湾村'],
      },
      {
        name: '溪口镇',
        slug: 'xikou',
        roads: ['溪口大街', '振兴路'],
        villages: ['溪口社区', '下宅村', '竹坞村', '岩头村', '洋坑村'],
      },
      {
        name: '白沙镇',
        slug: 'baisha',
        roads: ['白沙路', '沙溪路'],
        villages: ['白沙社区', '沙溪村', '前山村', '后垟村', '黄泥岭村'],
      },
      {
        name: '石门乡',
        slug: 'shimen',
        roads: ['石门街'],
        villages: ['石门村', '龙潭村', '高山村', '东坑村'],
      },
    ],
  },
];

/** The tree, with the look-ups the other generators need. */
export interface Geography {
  city: DemoJurisdiction;
  counties: DemoJurisdiction[];
  townships: DemoJurisdiction[];
  villages: DemoJurisdiction[];
  all: DemoJurisdiction[];
  get(code: string): DemoJurisdiction;
  /** The county (district) a township or village lies in. */
  countyOf(code: string): DemoJurisdiction;
  /** The township (street) a village lies in. */
  townshipOf(code: string): DemoJurisdiction;
  townshipsOf(countyCode: string): DemoJurisdiction[];
  villagesOf(townshipCode: string): DemoJurisdiction[];
  /** A 街道 (street) has no people's congress of its own: its residents elect street deputies (街道议政代表). */
  isStreet(townshipCode: string): boolean;
  isRuralVillage(villageCode: string): boolean;
  /** A postal address in the jurisdiction, e.g. 清江市东湖区湖滨街道柳岸路126号. */
  address(rng: Random, code: string): string;
}

/**
 * Whether the jurisdiction `code` lies within (or is) `ancestorCode`. Codes nest by prefix once the
 * zero padding of 6-digit codes is dropped: 339900 (city) → 3399, which 339902001 starts with.
 */
export function isWithin(code: string, ancestorCode: string): boolean {
  const prefix = ancestorCode.length === 6 ? ancestorCode.replace(/(00)+$/, '') : ancestorCode;
  return code.startsWith(prefix);
}

function suffixCode(base: string, n: number): string {
  return base + String(n).padStart(3, '0');
}

export function buildGeography(): Geography {
  const city: DemoJurisdiction = {
    code: CITY_CODE,
    name: CITY_NAME,
    level: 'city',
    parentCode: null,
    sortOrder: 1,
    slug: 'city',
  };
  const counties: DemoJurisdiction[] = [];
  const townships: DemoJurisdiction[] = [];
  const villages: DemoJurisdiction[] = [];
  const roads = new Map<string, string[]>();
  COUNTIES.forEach((c, ci) => {
    counties.push({
      code: c.code,
      name: c.name,
      level: 'county',
      parentCode: city.code,
      sortOrder: ci + 1,
      slug: c.slug,
    });
    let streets = 0;
    let towns = 0;
    let xiang = 0;
    c.townships.forEach((t, ti) => {
      const n = t.name.endsWith('街道') ? ++streets : t.name.endsWith('镇') ? 100 + towns++ : 200 + xiang++;
      const code = suffixCode(c.code, n);
      townships.push({
        code,
        name: t.name,
        level: 'township',
        parentCode: c.code,
        sortOrder: ti + 1,
        slug: t.slug,
      });
      roads.set(code, t.roads);
      let communities = 0;
      let rural = 0;
      t.villages.forEach((v, vi) => {
        const vn = v.endsWith('村') ? 201 + rural++ : 1 + communities++;
        villages.push({
          code: suffixCode(code, vn),
          name: v,
          level: 'village',
          parentCode: code,
          sortOrder: vi + 1,
          slug: `${t.slug}${vi + 1}`,
        });
      });
    });
  });
  const all = [city, ...counties, ...townships, ...villages];
  const byCode = new Map(all.map((j) => [j.code, j]));
  const get = (code: string): DemoJurisdiction => {
    const j = byCode.get(code);
    if (!j) throw new Error(`no demo jurisdiction ${code}`);
    return j;
  };
  const ancestorAt = (code: string, level: DemoJurisdiction['level']): DemoJurisdiction => {
    let j = get(code);
    while (j.level !== level) {
      if (!j.parentCode) throw new Error(`${code} has no ${level} above it`);
      j = get(j.parentCode);
    }
    return j;
  };
  const countyKind = new Map(COUNTIES.map((c) => [c.code, c.kind]));
  return {
    city,
    counties,
    townships,
    villages,
    all,
    get,
    countyOf: (code) => ancestorAt(code, 'county'),
    townshipOf: (code) => ancestorAt(code, 'township'),
    townshipsOf: (countyCode) => townships.filter((t) => t.parentCode === countyCode),
    villagesOf: (townshipCode) => villages.filter((v) => v.parentCode === townshipCode),
    isStreet: (townshipCode) => countyKind.get(get(townshipCode).parentCode ?? '') === 'district',
    isRuralVillage: (villageCode) => get(villageCode).name.endsWith('村'),
    address(rng, code) {
      const j = get(code);
      if (j.level === 'city' || j.level === 'county') {
        const county = j.level === 'county' ? j : counties[0]!;
        const t = townships.find((x) => x.parentCode === county.code)!;
        return `${CITY_NAME}${county.name}${rng.pick(roads.get(t.code)!)}${rng.int(1, 300)}号`;
      }
      const township = ancestorAt(code, 'township');
      const county = ancestorAt(code, 'county');
      const prefix = `${CITY_NAME}${county.name}${township.name}`;
      // A village is addressed by its own name (…溪口镇下宅村58号), a community by its street.
      if (j.level === 'village' && j.name.endsWith('村')) return `${prefix}${j.name}${rng.int(1, 200)}号`;
      return `${prefix}${rng.pick(roads.get(township.code)!)}${rng.int(1, 300)}号`;
    },
  };
}
