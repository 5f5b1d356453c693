/**
 * The places an opinion talks about, drawn from the demo geography so that a complaint from
 * 柳岸社区 names 柳岸路, a housing estate that sounds like it belongs there, the street's primary
 * school, its health centre and its market. Road names come from the geography's own addresses;
 * everything else is composed from the village, township and county names. All fictional.
 */
import type { DemoJurisdiction } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { Random } from './random.ts';

/** The slots a text template fills. */
export interface Scene {
  county: string;
  township: string;
  /** 湖滨 for 湖滨街道, 溪口 for 溪口镇. */
  townStem: string;
  village: string;
  /** 柳岸 for 柳岸社区, 下宅 for 下宅村. */
  stem: string;
  rural: boolean;
  /** The township is a 街道 of a district (urban), not a town of the county. */
  street: boolean;
  road: string;
  road2: string;
  /** A housing estate (小区), or a village group (村民小组) in the countryside. */
  estate: string;
  building: number;
  school: string;
  middleSchool: string;
  kindergarten: string;
  /** The community health centre (社区卫生服务中心) or the town's health centre (卫生院). */
  clinic: string;
  hospital: string;
  market: string;
  park: string;
  bus: string;
  stop: string;
  river: string;
  company: string;
}

const ESTATE_SUFFIXES = ['花园', '家园', '小区', '新村', '苑', '华庭', '名苑', '公寓', '雅苑', '嘉园'];
const GROUPS = ['一', '二', '三', '四', '五', '六', '七', '八'];
const RIVERS: Record<string, string[]> = {
  东湖区: ['清江', '东湖港', '金沙河'],
  西岭区: ['枫溪', '西山河', '凤鸣溪'],
  南溪县: ['南溪', '沙溪', '龙潭溪'],
};
const FIRM_HEADS = ['恒', '鑫', '瑞', '泰', '宏', '永', '联', '德', '嘉', '盛', '华', '利'];
const FIRM_TAILS = ['达', '源', '丰', '通', '昌', '祥', '茂', '兴', '诚', '升'];
const FIRM_TRADES = [
  '精密机械',
  '纺织印染',
  '电子科技',
  '新材料',
  '食品',
  '包装制品',
  '汽车零部件',
  '轴承',
  '塑业',
  '五金制品',
  '家具',
  '环保科技',
];

function stemOf(name: string): string {
  return name.replace(/(社区|村|街道|镇|乡|大道|大街|路|街)$/, '');
}

export class SceneBook {
  private readonly roads = new Map<string, string[]>();

  constructor(private readonly geo: Geography) {}

  /** The township's road names, read off the geography's own addresses. */
  roadsOf(township: DemoJurisdiction, rng: Random): string[] {
    const cached = this.roads.get(township.code);
    if (cached) return cached;
    const county = this.geo.countyOf(township.code);
    const prefix = `清江市${county.name}${township.name}`;
    const found = new Set<string>();
    const probe = rng.fork(`roads/${township.code}`);
    for (let i = 0; i < 40; i++) {
      const address = this.geo.address(probe, township.code);
      if (address.startsWith(prefix)) found.add(address.slice(prefix.length).replace(/\d+号$/, ''));
    }
    const roads = [...found].sort();
    this.roads.set(township.code, roads);
    return roads;
  }

  /** A scene in a village or community (the place the text is about). */
  scene(rng: Random, villageCode: string): Scene {
    const village = this.geo.get(villageCode);
    const township = this.geo.townshipOf(villageCode);
    const county = this.geo.countyOf(villageCode);
    const rural = this.geo.isRuralVillage(villageCode);
    const street = this.geo.isStreet(township.code);
    const roads = this.roadsOf(township, rng);
    const road = rng.pick(roads);
    const road2 = roads.length > 1 ? rng.pick(roads.filter((r) => r !== road)) : `${stemOf(village.name)}路`;
    const stem = stemOf(village.name);
    const townStem = stemOf(township.name);
    const estate = rural
      ? `${village.name}${rng.pick(GROUPS)}组`
      : rng.chance(0.5)
        ? `${stem}${rng.pick(ESTATE_SUFFIXES)}`
        : `${stemOf(road)}${rng.pick(ESTATE_SUFFIXES)}`;
    const schoolStem = rng.chance(0.6) ? townStem : stem;
    return {
      county: county.name,
      township: township.name,
      townStem,
      village: village.name,
      stem,
      rural,
      street,
      road,
      road2,
      estate,
      building: rng.int(1, rural ? 12 : 28),
      school: rural
        ? `${townStem}${rng.pick(['中心小学', '镇小'])}`
        : `${schoolStem}${rng.pick(['小学', '实验小学', '第一小学', '第二小学'])}`,
      middleSchool: `${townStem}${rng.pick(['初级中学', '中学', '实验中学'])}`,
      kindergarten: `${rng.chance(0.5) ? stem : townStem}${rng.pick(['幼儿园', '中心幼儿园', '第二幼儿园'])}`,
      clinic: street ? `${township.name}社区卫生服务中心` : `${township.name}卫生院`,
      hospital: rng.pick([`${county.name}人民医院`, `${county.name}中医院`, '清江市第二人民医院']),
      market: `${rng.chance(0.5) ? townStem : stemOf(road)}农贸市场`,
      park: rural ? `${village.name}文化广场` : `${rng.chance(0.5) ? stem : townStem}公园`,
      bus: `${rng.pick(['', 'K', '', ''])}${rng.int(1, 68)}路`,
      stop: rural
        ? `${stem}${rng.pick(['村口站', '站'])}`
        : `${rng.chance(0.5) ? stem : stemOf(road)}${rng.pick(['站', '路口站', '小区站'])}`,
      river: rng.pick(RIVERS[county.name] ?? ['清江']),
      company: `清江${rng.pick(FIRM_HEADS)}${rng.pick(FIRM_TAILS)}${rng.pick(FIRM_TRADES)}有限公司`,
    };
  }
}
