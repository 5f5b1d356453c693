/**
 * Employers and posts (工作单位及职务) as congress rosters print them: 村党委书记, 社区居委会主任,
 * 企业董事长, 医院院长, 学校校长, 律师事务所主任, 农业合作社理事长 … chosen by sector (界别) and by
 * the rank that fits the representative's level (a national deputy is rarely a village doctor).
 * Posts only one person can hold (a county head, a village's party secretary) are handed out once.
 */
import type { Random } from './random.ts';

export type Rank = 'city' | 'county' | 'township';

/** Where a representative lives and works, by name. */
export interface PlaceNames {
  county: string;
  township: string;
  /** The village or community of residence. */
  village: string;
  isStreet: boolean;
  isRural: boolean;
  /** A 村 in the same township (for farmers who live in a community), or null when there is none. */
  nearbyVillage: string | null;
}

export interface Occupation {
  employer: string;
  post: string;
}

/** [employer, post, held by one person only]. */
type Option = readonly [string, string, boolean];

// Fictional firm names: two auspicious characters, as thousands of real small firms are named.
const BRANDS = [
  '华鑫',
  '恒达',
  '金泰',
  '永昌',
  '瑞丰',
  '宏远',
  '天成',
  '鼎盛',
  '新亚',
  '汇通',
  '博远',
  '康达',
  '兴隆',
  '盛源',
  '和顺',
  '嘉禾',
  '锦程',
  '明辉',
  '恒信',
  '绿源',
  '清源',
  '丰泽',
];
const INDUSTRIES = [
  '轴承',
  '机械制造',
  '纺织印染',
  '新材料',
  '电子科技',
  '汽车零部件',
  '食品',
  '建材',
  '物流',
  '生物医药',
  '竹木制品',
  '智能装备',
  '光伏科技',
];
const CROPS = ['茶叶', '蜜梨', '竹笋', '杨梅', '水稻', '食用菌', '高山蔬菜', '油茶', '中药材', '生猪'];

function firm(rng: Random, where: string): string {
  return `${where}${rng.pick(BRANDS)}${rng.pick(INDUSTRIES)}有限公司`;
}

function countyHead(county: string): string {
  return county.endsWith('区') ? '区长' : '县长';
}

function townshipGovernment(p: PlaceNames): string {
  return p.isStreet ? `${p.county}${p.township}办事处` : `${p.county}${p.township}人民政府`;
}

function officials(p: PlaceNames, rank: Rank): Option[] {
  if (rank === 'city') {
    return [
      ['中共清江市委员会', '副书记', true],
      ['清江市人民政府', '副市长', false],
      ['清江市人大常委会', '副主任', false],
      ['清江市发展和改革委员会', '主任', true],
      ['清江市财政局', '局长', true],
      ['清江市经济和信息化局', '局长', true],
      ['清江市自然资源和规划局', '局长', true],
      ['清江市科学技术局', '局长', true],
      ['清江市司法局', '局长', true],
      ['清江市总工会', '常务副主席', true],
      ['清江市妇女联合会', '主席', true],
      ['共青团清江市委员会', '书记', true],
      ['清江经济开发区管理委员会', '主任', true],
    ];
  }
  if (rank === 'county') {
    return [
      [`中共${p.county}委员会`, '书记', true],
      [`${p.county}人民政府`, countyHead(p.county), true],
      [`${p.county}人民政府`, `副${countyHead(p.county)}`, false],
      [`${p.county}人大常委会`, '主任', true],
      [`${p.county}人大常委会`, '副主任', false],
      [`${p.county}发展和改革局`, '局长', true],
      [`${p.county}财政局`, '局长', true],
      [`${p.county}教育局`, '局长', true],
      [`${p.county}市场监督管理局`, '局长', true],
      [`${p.county}总工会`, '主席', true],
    ];
  }
  const head = p.isStreet ? '主任' : p.township.endsWith('乡') ? '乡长' : '镇长';
  return [
    [
      p.isStreet ? `中共${p.county}${p.township}工作委员会` : `中共${p.county}${p.township}委员会`,
      '书记',
      true,
    ],
    [townshipGovernment(p), head, true],
    [townshipGovernment(p), `副${head}`, false],
    p.isStreet
      ? [`${p.county}人大常委会${p.township}工作委员会`, '主任', true]
      : [`${p.county}${p.township}人民代表大会`, '主席', true],
    [townshipGovernment(p), '党政办主任', true],
  ];
}

function optionsFor(rng: Random, sector: string, p: PlaceNames, rank: Rank): Option[] {
  const village = `${p.county}${p.township}${p.village}`;
  switch (sector) {
    case '农民': {
      const farm = p.isRural
        ? village
        : p.nearbyVillage
          ? `${p.county}${p.township}${p.nearbyVillage}`
          : village;
      const rural: Option[] = [
        [`${farm}`, '党委书记', true],
        [`${farm}`, '党总支书记、村民委员会主任', true],
        [`${farm}`, '村民委员会主任', true],
        [`${p.county}${p.township}${rng.pick(BRANDS)}${rng.pick(CROPS)}专业合作社`, '理事长', false],
        [`${p.county}${p.township}${rng.pick(BRANDS)}家庭农场`, '农场主', false],
        [`${farm}`, '种粮大户', false],
        [`${farm}`, '村民', false],
      ];
      return p.isRural || p.nearbyVillage ? rural : rural.slice(3);
    }
    case '工人':
      return [
        [firm(rng, '清江'), '车间主任', false],
        [firm(rng, '清江'), '一线工人', false],
        [firm(rng, p.county), '班组长', false],
        [firm(rng, p.county), '高级技师', false],
        ['国网清江供电公司', '运维班班长', false],
        ['清江水务集团有限公司', '管网维修工', false],
        ['清江公交集团有限公司', '驾驶员', false],
        [`${p.county}环境卫生管理处`, '环卫工人', false],
      ];
    case '企业负责人':
      return [
        [firm(rng, rank === 'township' ? p.county : '清江'), '董事长', false],
        [firm(rng, '清江'), '董事长、总经理', false],
        [`清江${rng.pick(BRANDS)}集团有限公司`, '党委书记、董事长', false],
        [firm(rng, p.county), '总经理', false],
        [`${p.county}${rng.pick(BRANDS)}建设工程有限公司`, '总经理', false],
        [`清江${rng.pick(BRANDS)}${rng.pick(INDUSTRIES)}股份有限公司`, '董事长', false],
        ...(rank === 'township'
          ? ([[`${p.township}${rng.pick(BRANDS)}超市`, '负责人', false]] as Option[])
          : []),
        ...(rank === 'city' ? ([['清江农村商业银行股份有限公司', '董事长', true]] as Option[]) : []),
      ];
    case '党政干部':
      return officials(p, rank);
    case '教育':
      return rank === 'township'
        ? [
            [`${p.county}${p.township}中心小学`, '校长', true],
            [`${p.county}${p.township}中心小学`, '教师', false],
            [`${p.county}${p.township}中心幼儿园`, '园长', true],
            [`${p.county}${p.township}初级中学`, '教师', false],
          ]
        : [
            [`清江市第${rng.pick(['一', '二', '三', '四'])}中学`, '校长', true],
            [`清江市第${rng.pick(['一', '二', '三', '四'])}中学`, '教师', false],
            [`${p.county}实验小学`, '校长', true],
            [`${p.county}实验小学`, '教师', false],
            ['清江职业技术学院', '教授', false],
            ['清江学院', '副院长', false],
          ];
    case '医疗卫生':
      return rank === 'township'
        ? [
            [`${p.county}${p.township}卫生院`, '院长', true],
            [`${p.county}${p.township}卫生院`, '全科医生', false],
            ...(p.isRural ? ([[`${village}卫生室`, '乡村医生', true]] as Option[]) : []),
            [`${p.county}${p.township}社区卫生服务中心`, '主任', true],
          ]
        : [
            ['清江市第一人民医院', '院长', true],
            ['清江市第一人民医院', '主任医师', false],
            ['清江市中医院', '副院长', false],
            ['清江市妇幼保健院', '护士长', false],
            [`${p.county}人民医院`, '院长', true],
            [`${p.county}人民医院`, '主治医师', false],
            ['清江市疾病预防控制中心', '主任', true],
          ];
    case '专业技术人员':
      return [
        ['清江市规划设计研究院', '高级工程师', false],
        ['清江市建筑设计院有限公司', '总建筑师', true],
        [`清江${rng.pick(BRANDS)}会计师事务所`, '主任会计师', false],
        ['清江市农业科学研究院', '研究员', false],
        [`${p.county}农业技术推广中心`, '高级农艺师', false],
        [`${p.county}水利水电勘测设计所`, '工程师', false],
      ];
    case '科技':
      return [
        [`清江${rng.pick(BRANDS)}科技股份有限公司`, '董事长', false],
        [`清江${rng.pick(BRANDS)}科技股份有限公司`, '研发中心主任', false],
        [`${p.county}${rng.pick(BRANDS)}智能科技有限公司`, '首席技术官', false],
        ['清江高新技术产业园区管理委员会', '副主任', false],
      ];
    case '文化':
      return [
        ['清江日报社', '首席记者', false],
        ['清江市文化馆', '馆长', true],
        ['清江市图书馆', '馆长', true],
        [`${p.county}越剧团`, '团长', true],
        [village, '非遗传承人', false],
        ['清江广播电视台', '主持人', false],
      ];
    case '法律':
      return [
        [`江东${rng.pick(BRANDS)}律师事务所`, '主任', false],
        [`江东${rng.pick(BRANDS)}律师事务所`, '合伙人律师', false],
        [`${p.county}公证处`, '主任', true],
        ['清江市法律援助中心', '律师', false],
      ];
    case '社会组织':
      return p.isRural
        ? [
            [`${p.county}${p.township}社会工作站`, '站长', true],
            [`${p.county}志愿者协会`, '会长', true],
            [`${village}老年协会`, '会长', true],
          ]
        : [
            [`${village}居民委员会`, '党委书记、居委会主任', true],
            [`${village}居民委员会`, '社区居委会主任', true],
            [`${village}居民委员会`, '社区网格员', false],
            ['清江市慈善总会', '副秘书长', false],
            [`${p.county}社会工作服务中心`, '主任', true],
            ['清江市个体劳动者协会', '副会长', false],
          ];
    case '解放军':
      return [
        ['清江军分区', '政治委员', true],
        ['清江军分区', '司令员', true],
        ['武警清江支队', '支队长', true],
        [`${p.county}人民武装部`, '部长', true],
      ];
    default:
      return [
        ['个体工商户', '经营者', false],
        [village, '退休教师', false],
        ['清江市残疾人联合会', '副理事长', false],
        ['清江市归国华侨联合会', '副主席', false],
      ];
  }
}

/** An employer and post for a representative of `sector` at `rank`, never handing out a one-holder post twice. */
export function drawOccupation(
  rng: Random,
  sector: string,
  p: PlaceNames,
  rank: Rank,
  taken: Set<string>,
): Occupation {
  const options = optionsFor(rng, sector, p, rank);
  for (const [employer, post, unique] of rng.shuffle(options)) {
    const key = `${employer}|${post}`;
    if (unique && taken.has(key)) continue;
    if (unique) taken.add(key);
    return { employer, post };
  }
  // Every one-holder post is taken: a plain member of staff.
  return { employer: options[0]?.[0] ?? '个体工商户', post: '职工' };
}
