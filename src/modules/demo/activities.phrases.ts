/**
 * What the demo's activities say: how each congress and its representatives are called, the
 * subjects of research and inspections per routing category, the laws checked, the lectures,
 * consultations, broadcasts and themed campaigns the seeds describe (营商环境“两员”活动, “双岗建功”,
 * 代表进直播间, 代表讲堂, 人大代表议事厅, 专题询问 on rural drinking water), the agendas and minutes
 * (纪要) written after, the reports that come out of them, and the reasons people give — for leave,
 * for a hand-recorded attendance, for a cancellation. All fictional; figures are drawn per activity.
 */
import type { DemoCongress, DemoJurisdiction } from './demo.types.ts';
import type { Geography } from './jurisdictions.ts';
import type { Scene } from './opinions.places.ts';
import type { CategoryCode } from './opinions.topics.ts';
import type { Random } from './random.ts';

/** How a congress, its office and its representatives are called. */
export interface Body {
  /** 清江市人大常委会, 东湖区人大常委会, 溪口镇人大主席团, 湖滨街道人大工委. */
  name: string;
  /** 市人大常委会, 区人大常委会, 镇人大主席团, 街道人大工委. */
  short: string;
  /** 市人大代表, 区人大代表, 镇人大代表, 街道议政代表. */
  reps: string;
  /** Where its meetings are held. */
  hall: string;
  /** 全市, 全区, 全县, 全镇, 全乡, 辖区. */
  whole: string;
  level: 'city' | 'county' | 'town';
  jurisdiction: DemoJurisdiction;
}

export function bodyOf(c: DemoCongress, geo: Geography): Body {
  const j = geo.get(c.jurisdictionCode!);
  if (j.level === 'city')
    return {
      name: `${j.name}人大常委会`,
      short: '市人大常委会',
      reps: '市人大代表',
      hall: '市人大常委会机关',
      whole: '全市',
      level: 'city',
      jurisdiction: j,
    };
  if (j.level === 'county') {
    const unit = j.name.endsWith('区') ? '区' : '县';
    return {
      name: `${j.name}人大常委会`,
      short: `${unit}人大常委会`,
      reps: `${unit}人大代表`,
      hall: `${j.name}人大常委会机关`,
      whole: `全${unit}`,
      level: 'county',
      jurisdiction: j,
    };
  }
  if (geo.isStreet(j.code))
    return {
      name: `${j.name}人大工委`,
      short: '街道人大工委',
      reps: '街道议政代表',
      hall: `${j.name}办事处`,
      whole: '辖区',
      level: 'town',
      jurisdiction: j,
    };
  const unit = j.name.endsWith('乡') ? '乡' : '镇';
  return {
    name: `${j.name}人大主席团`,
    short: `${unit}人大主席团`,
    reps: `${unit}人大代表`,
    hall: `${j.name}人民政府`,
    whole: `全${unit}`,
    level: 'town',
    jurisdiction: j,
  };
}

const ROOMS = ['一楼会议室', '三楼会议室', '五楼会议室', '常委会会议室', '代表活动室', '二楼报告厅'];

/** A meeting room of the body. */
export function roomOf(b: Body, r: Random): string {
  return `${b.hall}${r.pick(ROOMS)}`;
}

/** A subject of research, inspection and consultation in one routing category. */
export interface Subject {
  category: CategoryCode;
  /** 老旧小区改造和既有住宅加装电梯 — read as “…工作”. */
  name: string;
  /** A site visited, in a village or community's scene. */
  site: (s: Scene) => string;
  /** What representatives press for, as the minutes sum it up. */
  points: readonly string[];
}

// prettier-ignore
export const SUBJECTS: readonly Subject[] = [
  { category: 'housing', name: '老旧小区改造和既有住宅加装电梯', site: (s) => `${s.estate}改造项目`,
    points: ['简化加装电梯审批流程', '加大财政补助力度', '落实管线迁改费用分担', '强化改造后的长效管理'] },
  { category: 'housing', name: '保障性租赁住房建设', site: (s) => `${s.townStem}保障性租赁住房项目`,
    points: ['盘活存量闲置房源', '优化申请审核流程', '完善配套设施', '加强租后管理'] },
  { category: 'housing', name: '住宅小区物业服务质量提升', site: (s) => `${s.estate}`,
    points: ['推进业委会规范化建设', '建立物业服务评价机制', '加强维修资金使用监管'] },
  { category: 'transport', name: '城乡公交一体化', site: (s) => `${s.stop}公交首末站`,
    points: ['优化山区村公交线路', '提高高峰时段发车频次', '推进公交站台提升改造', '加大财政补贴保障'] },
  { category: 'transport', name: '中心城区停车设施建设', site: (s) => `${s.road}公共停车场`,
    points: ['推进机关企事业单位停车位错时共享', '加快新建公共停车泊位', '规范占道停车收费管理'] },
  { category: 'transport', name: '农村公路管理养护', site: (s) => `${s.village}通村公路`,
    points: ['落实“路长制”管护责任', '加大危桥改造力度', '完善农村公路安全设施'] },
  { category: 'environment', name: '河湖长制落实和水环境治理', site: (s) => `${s.river}${s.townStem}段综合治理工程`,
    points: ['加强入河排污口排查整治', '推进截污纳管工程', '压实河长巡河责任', '建立生态补偿机制'] },
  { category: 'environment', name: '农村生活污水治理设施运维', site: (s) => `${s.village}污水处理终端`,
    points: ['落实运维资金保障', '引入专业化运维队伍', '加强出水水质监测'] },
  { category: 'environment', name: '大气污染防治', site: (s) => `${s.company}`,
    points: ['加强工地扬尘管控', '推进重点行业废气治理', '强化秸秆禁烧巡查'] },
  { category: 'education', name: '中小学课后服务', site: (s) => `${s.school}`,
    points: ['丰富课后服务内容', '减轻教师负担', '引入社会优质资源', '规范收费管理'] },
  { category: 'education', name: '学前教育普惠发展', site: (s) => `${s.kindergarten}`,
    points: ['扩大普惠性学位供给', '加强幼儿园师资队伍建设', '规范民办园收费'] },
  { category: 'education', name: '职业教育产教融合', site: () => '清江技师学院实训基地',
    points: ['深化校企合作订单培养', '建设共享型实训基地', '提高技能人才待遇'] },
  { category: 'health', name: '基层医疗卫生服务能力提升', site: (s) => `${s.clinic}`,
    points: ['加强全科医生队伍建设', '推动优质医疗资源下沉', '完善家庭医生签约服务'] },
  { category: 'health', name: '院前急救体系建设', site: () => '市急救中心调度大厅',
    points: ['优化急救站点布局', '缩短急救反应时间', '普及公众急救培训'] },
  { category: 'health', name: '医共体建设', site: (s) => `${s.hospital}`,
    points: ['推进医共体内检查结果互认', '完善双向转诊机制', '加强基层慢病管理'] },
  { category: 'social_security', name: '稳就业和根治欠薪', site: (s) => `${s.township}零工市场`,
    points: ['完善零工市场服务功能', '落实工资保证金制度', '加强劳动保障监察'] },
  { category: 'social_security', name: '新就业形态劳动者权益保障', site: (s) => `${s.township}“暖心驿站”`,
    points: ['扩大职业伤害保障覆盖面', '建设户外劳动者服务站点', '畅通维权渠道'] },
  { category: 'business', name: '优化营商环境和惠企政策落实', site: (s) => `${s.company}`,
    points: ['推动惠企政策直达快兑', '压缩涉企审批时限', '建立企业诉求闭环办理机制', '减少涉企检查频次'] },
  { category: 'business', name: '中小微企业融资服务', site: () => '市金融服务中心',
    points: ['扩大首贷户覆盖面', '发挥政府性融资担保作用', '降低综合融资成本'] },
  { category: 'business', name: '开发区产业平台建设', site: () => '清江经济开发区工业邻里中心',
    points: ['完善园区配套设施', '加快低效用地再开发', '做优企业服务专员制度'] },
  { category: 'agriculture', name: '高标准农田建设', site: (s) => `${s.village}高标准农田示范区`,
    points: ['严格工程质量监管', '落实建后管护责任', '防止耕地“非粮化”'] },
  { category: 'agriculture', name: '茶产业高质量发展', site: () => '南溪县茶叶交易市场',
    points: ['打响区域公用品牌', '推广机械化采摘', '拓展电商销售渠道'] },
  { category: 'agriculture', name: '村级集体经济发展', site: (s) => `${s.village}强村公司`,
    points: ['盘活闲置资产资源', '推进抱团发展项目', '规范集体资金管理'] },
  { category: 'city_management', name: '生活垃圾分类', site: (s) => `${s.estate}垃圾分类投放点`,
    points: ['完善分类投放设施', '健全收运处置体系', '发挥党员志愿者作用'] },
  { category: 'city_management', name: '背街小巷环境整治', site: (s) => `${s.road2}背街小巷`,
    points: ['统筹推进管线下地', '规范沿街店铺经营', '建立长效保洁机制'] },
  { category: 'city_management', name: '城市内涝防治', site: (s) => `${s.road}易涝点改造工程`,
    points: ['加快雨污分流改造', '完善易涝点监测预警', '加强汛期应急值守'] },
  { category: 'public_safety', name: '电动自行车安全管理', site: (s) => `${s.estate}电动自行车集中充电场所`,
    points: ['加快集中充电设施建设', '严查违规改装', '加强入户宣传'] },
  { category: 'public_safety', name: '燃气安全专项整治', site: (s) => `${s.market}`,
    points: ['推进老旧燃气管网更新', '规范瓶装燃气经营', '落实餐饮场所安全责任'] },
  { category: 'public_safety', name: '防范电信网络诈骗', site: (s) => `${s.township}反诈宣传阵地`,
    points: ['加强重点人群宣传', '完善预警劝阻机制', '压实行业监管责任'] },
  { category: 'civil_affairs', name: '居家和社区养老服务', site: (s) => `${s.village}居家养老服务照料中心`,
    points: ['提升照料中心运营水平', '扩大助餐服务覆盖', '加强养老护理员队伍建设'] },
  { category: 'civil_affairs', name: '老年助餐服务', site: (s) => `${s.village}老年食堂`,
    points: ['合理布局助餐点', '落实运营补贴', '保障食品安全'] },
  { category: 'civil_affairs', name: '困难群众救助帮扶', site: (s) => `${s.township}社会救助服务站`,
    points: ['主动发现困难群众', '提高救助精准度', '发展慈善帮扶'] },
  { category: 'utilities', name: '农村饮用水安全保障', site: (s) => `${s.townStem}水厂`,
    points: ['推进城乡供水一体化', '加强单村水站水质检测', '落实管网维护责任'] },
  { category: 'utilities', name: '城乡供水一体化', site: (s) => `${s.townStem}加压泵站`,
    points: ['加快管网延伸工程', '统一供水水价和服务标准', '提高供水应急保障能力'] },
  { category: 'utilities', name: '充电基础设施建设', site: (s) => `${s.road}公共充电站`,
    points: ['优化充电桩布局', '推进居民小区充电设施建设', '加强运营安全监管'] },
];

/** National laws a local standing committee checks the enforcement of (执法检查). */
// prettier-ignore
export const LAWS: readonly { law: string; category: CategoryCode }[] = [
  { law: '《中华人民共和国食品安全法》', category: 'health' },
  { law: '《中华人民共和国安全生产法》', category: 'public_safety' },
  { law: '《中华人民共和国水污染防治法》', category: 'environment' },
  { law: '《中华人民共和国未成年人保护法》', category: 'education' },
  { law: '《中华人民共和国消防法》', category: 'public_safety' },
  { law: '《中华人民共和国农产品质量安全法》', category: 'agriculture' },
  { law: '《中华人民共和国老年人权益保障法》', category: 'civil_affairs' },
  { law: '《中华人民共和国就业促进法》', category: 'social_security' },
  { law: '《中华人民共和国大气污染防治法》', category: 'environment' },
  { law: '《中华人民共和国中小企业促进法》', category: 'business' },
  { law: '《优化营商环境条例》', category: 'business' },
  { law: '《中华人民共和国道路交通安全法》', category: 'transport' },
];

/** 专题询问: the subjects, as the seeds' 农村饮用水安全保障 inquiry. */
// prettier-ignore
export const INQUIRIES: readonly { subject: string; category: CategoryCode }[] = [
  { subject: '农村饮用水安全保障工作', category: 'utilities' },
  { subject: '城市停车难问题治理工作', category: 'transport' },
  { subject: '中小学校园安全工作', category: 'education' },
  { subject: '养老服务体系建设工作', category: 'civil_affairs' },
  { subject: '生态环境保护督察反馈问题整改工作', category: 'environment' },
  { subject: '惠企政策落实工作', category: 'business' },
];

/** 民生实事项目 whose progress representatives supervise (督查项目). */
// prettier-ignore
export const PROJECTS: readonly { project: string; category: CategoryCode }[] = [
  { project: '城乡供水一体化提升', category: 'utilities' },
  { project: '老旧小区综合改造', category: 'housing' },
  { project: '新增公共停车泊位', category: 'transport' },
  { project: '社区老年食堂建设', category: 'civil_affairs' },
  { project: '中小学食堂“阳光厨房”改造', category: 'education' },
  { project: '农村公路提档升级', category: 'transport' },
  { project: '新增普惠托育机构', category: 'education' },
  { project: '背街小巷改造提升', category: 'city_management' },
  { project: '电动自行车集中充电设施建设', category: 'public_safety' },
];

/** 代表讲堂: a representative explains something people ask about, with the sector best placed to. */
// prettier-ignore
export const LECTURES: readonly { topic: string; sectors: readonly string[] }[] = [
  { topic: '防范电信网络诈骗，守好群众“钱袋子”', sectors: ['法律', '党政干部'] },
  { topic: '新修改的《代表法》解读', sectors: ['法律', '党政干部'] },
  { topic: '民法典与百姓生活', sectors: ['法律'] },
  { topic: '家庭教育促进法进社区', sectors: ['教育', '法律'] },
  { topic: '老年人防跌倒与慢病管理', sectors: ['医疗卫生'] },
  { topic: '燃气使用安全常识', sectors: ['专业技术人员', '工人'] },
  { topic: '垃圾分类从我做起', sectors: ['社会组织', '其他'] },
  { topic: '惠企政策一本通：税收优惠、金融支持、要素保障', sectors: ['企业负责人', '党政干部'] },
  { topic: '食品安全与健康饮食', sectors: ['医疗卫生'] },
  { topic: '劳动合同与工资支付那些事', sectors: ['法律', '工人'] },
  { topic: '医保政策与异地就医备案', sectors: ['医疗卫生', '党政干部'] },
  { topic: '农村宅基地和建房政策问答', sectors: ['农民', '党政干部'] },
  { topic: '消防安全“四个能力”建设', sectors: ['专业技术人员'] },
  { topic: '科学种茶与茶园绿色防控', sectors: ['农民', '科技'] },
];

/** 人大代表议事厅 (围坐议事): the neighbourhood questions a station's representatives talk through. */
// prettier-ignore
export const TALKS: readonly string[] = [
  '小区电动自行车充电难', '老旧小区停车位划线', '农贸市场周边交通秩序', '背街小巷改造方案',
  '村级公益事业项目选定', '社区老年助餐点选址', '学校周边上下学接送秩序', '小区物业服务费调整',
  '河道保洁长效管理', '村道路灯安装和维护', '沿街店铺油烟扰民', '社区“一老一小”服务场地',
];

/** 进直播间: what representatives talk about on air (the seeds' “政企同心·共话营商”). */
// prettier-ignore
export const BROADCASTS: readonly string[] = [
  '政企同心·共话营商', '为家乡好物代言', '说说身边的民生实事', '惠企政策面对面',
  '乡村振兴“代表说”', '防诈反诈直播课', '代表带你看民生实事项目',
];

/** 主题活动: the campaigns of the year. */
// prettier-ignore
export const CAMPAIGNS: readonly { title: string; body: string }[] = [
  { title: '“双岗建功”代表主题活动', body: '亮身份、亮承诺，代表联系村（社区）、联系选民' },
  { title: '营商环境“两员”活动集中走访', body: '代表担任营商环境监督员、服务员，走访企业、收集诉求' },
  { title: '“千名代表进千企”主题活动', body: '代表结对联系企业，宣传惠企政策，帮助解决发展难题' },
  { title: '“代表在身边·履职为人民”主题活动', body: '代表进网格、进小区，面对面听取群众意见' },
  { title: '“人大代表助力乡村振兴”主题活动', body: '代表走进田间地头，助力农业增效、农民增收' },
  { title: '“民生实事我来督”代表主题活动', body: '代表全程跟踪民生实事项目，推动项目落地见效' },
];

/** What a group does at its meetings (代表小组活动), besides research and visits. */
// prettier-ignore
export const GROUP_TOPICS: readonly { title: string; agenda: readonly string[] }[] = [
  { title: '集中学习新修改的代表法', agenda: ['集中学习新修改的《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》', '交流学习体会', '研究小组下阶段活动安排'] },
  { title: '走访联系选民', agenda: ['分组走访联系的村（社区）和选民', '收集群众意见建议', '梳理形成问题清单'] },
  { title: '“双联”活动', agenda: ['代表联系村（社区）、联系选民', '现场答复群众咨询', '汇总意见建议交有关部门办理'] },
  { title: '听取政府部门工作情况通报', agenda: ['听取有关部门工作情况通报', '代表提问交流', '提出意见建议'] },
  { title: '年中履职交流会', agenda: ['代表交流上半年履职情况', '通报代表建议办理进展', '研究下半年活动计划'] },
  { title: '代表建议办理“回头看”', agenda: ['实地察看建议办理落实情况', '听取承办单位办理情况汇报', '代表评议'] },
  { title: '走访企业听取发展诉求', agenda: ['走访辖区企业', '宣传惠企政策', '收集企业诉求'] },
  { title: '年度履职总结会', agenda: ['代表交流年度履职情况', '评议小组工作', '谋划明年活动'] },
];

/** Why a representative asks for leave (请假). */
// prettier-ignore
export const LEAVE_REASONS: readonly string[] = [
  '因公出差在外，无法按时参加', '单位当天有重要接待任务', '身体不适，正在住院治疗', '参加上级人大组织的集中培训',
  '家中老人生病住院需陪护', '企业有紧急生产订单需现场协调', '在外地参加行业展会', '参加省人大组织的视察活动',
  '村里有防汛值守任务', '当天有门诊排班，无法调换', '学校期末考试监考', '参加单位年度审计工作',
];

/** What the staff write when they approve (准假) or refuse (不准假). */
export const APPROVAL_NOTES: readonly string[] = [
  '同意，请会后阅看活动纪要',
  '同意',
  '同意，请做好工作交接',
  '同意，请书面提交意见建议',
];
export const REFUSAL_NOTES: readonly string[] = [
  '本次活动为年度重点工作，请尽量调整时间参加',
  '请假理由不充分，请按时参加',
  '接待日值班已排定，请与其他代表协商调班后再请假',
];

/** Why attendance was recorded by hand (补登). */
export const MANUAL_PRESENT: readonly string[] = [
  '手机未带，按现场纸质签到表补登',
  '签到二维码未能打开，按签到表补登',
  '迟到未能扫码，经现场核实补登',
  '手机没电，按现场签到记录补登',
];
export const MANUAL_ABSENT: readonly string[] = [
  '未请假未到会',
  '未到岗值班，联系未果',
  '活动当天未到，事后未补办请假',
];

/** The phones representatives check in with: the WeChat browser on Android and iPhone. */
const ANDROID = [
  'V2227A',
  'PJE110',
  'ALN-AL00',
  '23078RKD5C',
  'SM-S9180',
  'PHU110',
  'LGE-AN00',
  'M2012K11AC',
];
const ANDROID_VERSIONS = ['11', '12', '13', '14'];
const IOS_VERSIONS = ['16_6', '17_2', '17_5', '18_1'];
const WECHAT = ['8.0.47', '8.0.49', '8.0.50', '8.0.53'];

/** One representative's phone as its browser introduces itself (the same phone all year). */
export function deviceLine(r: Random): string {
  const wechat = r.pick(WECHAT);
  const net = r.pick(['WIFI', '4G', '5G', 'WIFI']);
  if (r.chance(0.35)) {
    return `Mozilla/5.0 (iPhone; CPU iPhone OS ${r.pick(IOS_VERSIONS)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/${wechat}(0x1800${r.chars('0123456789abcdef', 4)}) NetType/${net} Language/zh_CN`;
  }
  return `Mozilla/5.0 (Linux; Android ${r.pick(ANDROID_VERSIONS)}; ${r.pick(ANDROID)} Build/TP1A.${r.int(220000, 240000)}.${r.chars('0123456789', 3)}; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/${r.int(110, 126)}.0.0.0 Mobile Safari/537.36 XWEB/${r.int(1100000, 1300000)} MMWEBSDK/20240404 MicroMessenger/${wechat}.2600(0x2800${r.chars('0123456789abcdef', 4)}) WeChat/arm64 Weixin NetType/${net} Language/zh_CN ABI/arm64`;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** 1. …；2. … — an agenda, one item a line. */
export function agendaOf(items: readonly string[]): string {
  return items.map((t, i) => `${i + 1}. ${t}`).join('\n');
}

/** 一是…；二是…；三是… — the points of the minutes. */
export function pointsOf(points: readonly string[]): string {
  return points.map((p, i) => `${NUMERALS[i] ?? String(i + 1)}是${p}`).join('；');
}

/** How many came: 应到12人，实到10人，请假2人. */
export function turnout(invited: number, present: number, onLeave: number): string {
  return `应到${invited}人，实到${present}人${onLeave > 0 ? `，请假${onLeave}人` : ''}`;
}
