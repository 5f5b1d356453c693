/**
 * A first guess at an opinion's level-1 category (DESIGN.md §3) from the words it uses, for the
 * triage page's "suggest a unit". A keyword table per category, nothing learnt: a classifier
 * trained on the deployment's own triage decisions comes in a later issue and replaces this.
 *
 * Confidence: the share of the matched keywords that point to the best category, times how sure
 * that many hits make us (1 hit ½, 2 hits ¾, 3 hits ⅞ …). One clear word gives 0.5; words of two
 * categories in equal number give at most 0.5 × that.
 */
export const CATEGORY_KEYWORDS: Record<string, readonly string[]> = {
  housing: [
    '住房',
    '房屋',
    '物业',
    '小区',
    '拆迁',
    '征收',
    '违建',
    '违章建筑',
    '加装电梯',
    '电梯',
    '老旧小区',
    '公租房',
    '廉租房',
    '房产证',
    '不动产',
    '漏水',
    '楼道',
    '业委会',
  ],
  transport: [
    '公交',
    '红绿灯',
    '信号灯',
    '停车',
    '拥堵',
    '堵车',
    '地铁',
    '斑马线',
    '人行道',
    '公路',
    '出租车',
    '网约车',
    '车位',
    '限速',
    '路口',
    '站台',
    '交通',
  ],
  environment: [
    '噪音',
    '噪声',
    '污水',
    '垃圾焚烧',
    '废气',
    '污染',
    '异味',
    '臭味',
    '排污',
    '扬尘',
    '油烟',
    '黑臭',
    '水质',
    '空气质量',
    '偷排',
    '环保',
  ],
  education: [
    '学校',
    '入学',
    '学位',
    '幼儿园',
    '教师',
    '老师',
    '学生',
    '课后',
    '校车',
    '招生',
    '学区',
    '托育',
    '教育',
  ],
  health: ['医院', '看病', '挂号', '医生', '卫生院', '诊所', '药店', '疫苗', '体检', '急诊', '就医', '医疗'],
  social_security: [
    '医保',
    '社保',
    '就业',
    '养老金',
    '失业',
    '欠薪',
    '拖欠工资',
    '工资',
    '低保',
    '劳动合同',
    '招聘',
    '退休',
    '公积金',
  ],
  business: [
    '企业',
    '营商',
    '审批',
    '营业执照',
    '贷款',
    '融资',
    '税收',
    '减税',
    '惠企',
    '招商',
    '个体户',
    '中小企业',
    '政策兑现',
  ],
  agriculture: [
    '农田',
    '种植',
    '农业',
    '农民',
    '村民',
    '灌溉',
    '养殖',
    '农产品',
    '土地流转',
    '宅基地',
    '农村',
    '化肥',
    '合作社',
    '村道',
  ],
  city_management: [
    '路灯',
    '井盖',
    '占道',
    '摊贩',
    '流动摊',
    '垃圾清运',
    '垃圾桶',
    '绿化',
    '违停',
    '广告牌',
    '城管',
    '环卫',
    '公厕',
    '市容',
    '树枝',
    '垃圾',
  ],
  public_safety: [
    '治安',
    '盗窃',
    '诈骗',
    '消防',
    '安全隐患',
    '监控',
    '打架',
    '飞线充电',
    '电动车充电',
    '食品安全',
    '燃气泄漏',
    '隐患',
    '小偷',
  ],
  civil_affairs: [
    '养老院',
    '敬老院',
    '老年人',
    '老人',
    '残疾',
    '助餐',
    '老年食堂',
    '居家养老',
    '殡葬',
    '婚姻登记',
    '救助',
    '孤寡',
    '独居',
    '日间照料',
  ],
  utilities: [
    '停水',
    '停电',
    '水压',
    '燃气',
    '天然气',
    '自来水',
    '供暖',
    '暖气',
    '电费',
    '水费',
    '宽带',
    '信号',
    '电表',
    '水管',
    '供水',
    '供电',
  ],
};

export interface CategoryGuess {
  code: string;
  confidence: number;
  /** The keywords found in the text, as listed for the category. */
  words: string[];
}

/** Every keyword with its category, longest first (so 垃圾焚烧 is read before 垃圾). */
const BY_LENGTH = Object.entries(CATEGORY_KEYWORDS)
  .flatMap(([code, words]) => words.map((word) => ({ code, word })))
  .sort((a, b) => b.word.length - a.word.length);

/** The best category for the text, or null when no keyword of any category occurs in it. */
export function guessCategory(text: string): CategoryGuess | null {
  let rest = text;
  const found = new Map<string, string[]>();
  for (const { code, word } of BY_LENGTH) {
    if (!rest.includes(word)) continue;
    found.set(code, [...(found.get(code) ?? []), word]);
    // A matched keyword is used up, so the shorter keywords inside it do not count again.
    rest = rest.split(word).join('\u0000');
  }
  if (found.size === 0) return null;
  const total = [...found.values()].reduce((n, words) => n + words.length, 0);
  // The most hits wins; a tie goes to the category listed first.
  const [code, words] = Object.keys(CATEGORY_KEYWORDS)
    .filter((c) => found.has(c))
    .map((c) => [c, found.get(c)!] as const)
    .reduce((a, b) => (b[1].length > a[1].length ? b : a));
  const share = words.length / total;
  const certainty = 1 - 0.5 ** words.length;
  return { code, confidence: Math.round(share * certainty * 100) / 100, words };
}
