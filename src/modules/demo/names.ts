/**
 * Chinese personal names that read like a real roster: surnames weighted by how common they are
 * (roughly the national shares, with a few Zhejiang names such as 楼 and 应), given names of one
 * or two characters chosen by gender, and a list of famous people the generator must not name.
 */
import type { Gender } from '../org/org.domain.ts';
import type { Random } from './random.ts';

/** [surname, relative weight ≈ ‰ of the population]. */
// prettier-ignore
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 14], ['马', 13], ['朱', 12], ['胡', 11], ['郭', 11], ['何', 10], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 2], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['方', 2], ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['史', 2], ['陶', 2], ['黎', 2],
  ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2], ['钱', 2], ['严', 2], ['戴', 2],
  ['孔', 1], ['俞', 1], ['应', 1], ['楼', 1], ['童', 1], ['章', 1], ['葛', 1], ['鲍', 1], ['傅', 1], ['施', 1],
];

const MALE_CHARS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林建国峰亮成志新海东兵文晓永春光德荣胜祥庆卫毅锋鸣彬骏昊晨泽瑞嘉振兴立义忠良根福宏坤岩松',
];
const FEMALE_CHARS = [
  ...'芳娜敏静丽艳娟霞燕玲婷红梅琳雪慧洁颖倩萍莉丹佳琴云璐薇晶露蓉琼瑶欣悦怡秀英华兰凤月春晓宁雯岚菲媛嘉蕾珍素',
];
/** Characters that are natural doubled in a woman's name (婷婷, 丽丽). */
const FEMALE_DOUBLES = [...'婷丽娜静燕琳晶莉萍欣悦'];

/**
 * Famous people (state leaders, national celebrities, historical figures): a demo roster naming one
 * of them would read as a claim about a real person.
 */
// prettier-ignore
const FAMOUS = new Set([
  '习近平', '李强', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希', '李克强', '汪洋', '韩正', '栗战书', '王岐山',
  '胡锦涛', '温家宝', '江泽民', '朱镕基', '李鹏', '毛泽东', '周恩来', '邓小平', '刘少奇', '朱德', '彭丽媛',
  '王毅', '马云', '马化腾', '李彦宏', '雷军', '任正非', '董明珠', '王健林', '刘强东', '丁磊', '张一鸣', '宗庆后',
  '李书福', '鲁冠球', '袁隆平', '钱学森', '屠呦呦', '钟南山', '杨利伟', '王亚平', '刘洋', '李娜', '王菲', '刘翔',
  '姚明', '郎朗', '莫言', '鲁迅', '余华', '金庸', '李白', '杜甫', '成龙', '刘德华', '张学友', '黎明', '周迅',
  '巩俐', '章子怡', '赵薇', '孙俪', '杨幂', '黄渤', '徐峥', '沈腾', '贾玲', '王宝强', '刘欢', '那英', '韩红',
  '白岩松', '董卿', '撒贝宁', '郭晶晶', '邓亚萍', '孙杨', '林丹', '马龙', '张怡宁', '王楠', '李宁', '易建联',
  '韩寒', '郭敬明', '张艺谋', '陈凯歌', '冯小刚', '周杰', '王刚', '李明', '孙楠', '杨洋', '刘涛',
]);

export function isFamousName(name: string): boolean {
  return FAMOUS.has(name);
}

function givenName(rng: Random, gender: Gender): string {
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  if (gender === 'female' && rng.chance(0.06)) {
    const c = rng.pick(FEMALE_DOUBLES);
    return c + c;
  }
  if (rng.chance(0.3)) return rng.pick(chars);
  const first = rng.pick(chars);
  let second = rng.pick(chars);
  while (second === first) second = rng.pick(chars);
  return first + second;
}

/**
 * Hands out names that are unique within one data set (a demo roster where two people share a
 * name would only confuse searches) and never a famous person's.
 */
export class NameBook {
  /**
   * @param used names already handed out; share one set between the generators so a unit's contact
   *   never has a representative's name, while each generator keeps its own random stream.
   */
  constructor(
    private readonly rng: Random,
    private readonly used: Set<string> = new Set(),
  ) {}

  next(gender: Gender): string {
    for (;;) {
      const name = this.rng.weighted(SURNAMES) + givenName(this.rng, gender);
      if (!this.used.has(name) && !isFamousName(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  /** A surname alone, e.g. for a law firm named after its founder. */
  surname(): string {
    return this.rng.weighted(SURNAMES);
  }
}

/** Mostly 汉族, with the minorities a southern province has (畲族 in Zhejiang's hills). */
export function drawEthnicity(rng: Random): string {
  return rng.weighted([
    ['汉族', 940],
    ['畲族', 25],
    ['回族', 10],
    ['土家族', 8],
    ['苗族', 7],
    ['满族', 5],
    ['壮族', 5],
  ]);
}

/** A mainland mobile number, 1[3-9]x xxxx xxxx, with the prefixes carriers actually issue weighted up. */
export function drawMobile(rng: Random): string {
  const prefix = rng.weighted<string>([
    ['13', 30],
    ['15', 22],
    ['18', 25],
    ['17', 8],
    ['19', 8],
    ['16', 2],
    ['14', 5],
  ]);
  return prefix + rng.chars('0123456789', 9);
}
