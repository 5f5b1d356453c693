/**
 * The smaller texts around an opinion: how people open and close a message, the messages that
 * are not taken up (one set per rejection reason), the notes staff and units leave at each step,
 * the reasons for returns and extensions, what citizens write with a rating, the second round's
 * reply, and the redaction applied before publication.
 */
import type { Rating, RejectionReason } from '../opinions/opinions.vocab.ts';
import type { Scene } from './opinions.places.ts';
import { contactLine, since, type CategoryCode, type ReplyFacts } from './opinions.topics.ts';
import type { Random } from './random.ts';

/** A message as a person writes it: sometimes a greeting or who they are, sometimes a closing plea. */
export function dress(core: string, s: Scene, r: Random, enterprise: boolean): string {
  const opener = enterprise
    ? r.pick(['', '', '代表您好！', '您好，我们是园区企业，', '您好！'])
    : r.pick([
        '',
        '',
        '',
        '您好，',
        '代表您好！',
        `我是${s.village}的居民，`,
        s.rural ? `我是${s.village}村民，` : `我是${s.estate}的业主，`,
      ]);
  const closer = r.pick([
    '',
    '',
    '希望有关部门尽快处理。',
    '恳请相关部门重视。',
    '麻烦代表帮忙反映一下，谢谢！',
    '希望能给个答复。',
    '盼复。',
    '谢谢！',
  ]);
  return `${opener}${core}${closer}`;
}

/** Messages that are not taken up, with the note the citizen is given. */
export const REJECTED_TEXTS: Record<
  RejectionReason,
  { text: (s: Scene, r: Random) => string; note: (s: Scene) => string }[]
> = {
  litigation: [
    {
      text: () => '我和原来单位的劳动争议案件已经在区法院立案了，希望代表帮我跟法官打个招呼，尽快判下来。',
      note: (s) => `已电话告知反映人，案件审理情况可向${s.county}人民法院诉讼服务中心查询。`,
    },
    {
      text: () => '我对法院的一审判决不服，判得不公平，要求人大撤销这个判决。',
      note: () => '已告知反映人可在法定期限内提起上诉，或向人民法院申请再审。',
    },
    {
      text: (s) => `我在${s.road}买的商铺，开发商违约不交房，已经起诉了，请人大督促法院判开发商赔钱。`,
      note: () => '该事项已进入诉讼程序，人大不干预个案审判，已告知反映人依法维护权益。',
    },
  ],
  petition: [
    {
      text: () => '我家的宅基地纠纷已经反映了十多年，信访局的答复我不满意，要求人大重新处理。',
      note: (s) => `已告知反映人可依照《信访工作条例》向${s.county}信访局申请复查。`,
    },
    {
      text: () => '要求解决二十多年前企业改制时的身份置换补偿问题，我已经多次到市里上访了。',
      note: () => '该事项已按信访程序办理终结，已告知反映人相关政策依据。',
    },
  ],
  emergency: [
    {
      text: (s) => `${s.estate}${s.building}幢楼道里现在有很大的煤气味，怎么办？`,
      note: () =>
        '工作人员看到留言后已立即电话联系反映人并通知燃气公司抢修，紧急情况请直接拨打119或燃气抢修电话。',
    },
    {
      text: (s) => `${s.road}上有人打架，有人受伤流血了！`,
      note: () => '工作人员已提醒反映人立即拨打110、120。本渠道不受理紧急警情。',
    },
    {
      text: (s) => `${s.river}边有个小孩掉进水里了，快来人！`,
      note: () => '已第一时间电话联系反映人确认已报警，事后了解小孩已被救起。紧急情况请拨打110。',
    },
  ],
  personal: [
    {
      text: () => '邻居三年前借了我五万块钱，一直拖着不还，打电话也不接，请代表帮我要回来。',
      note: () => '已告知反映人可申请人民调解或向人民法院起诉。',
    },
    {
      text: () => '装修公司收了我两万元定金，施工做了一半就跑了，人也联系不上。',
      note: () => '已告知反映人可向市场监管部门投诉或报警处理。',
    },
    {
      text: (s) => `楼上${s.building}幢的邻居家漏水把我家天花板泡坏了，他们不肯赔，物业也不管。`,
      note: (s) => `已建议反映人向${s.village}人民调解委员会申请调解。`,
    },
  ],
  unclear: [
    { text: () => '你们到底管不管？', note: () => '留言未说明具体事项，已尝试回电未接通。' },
    { text: () => '问题一直没有解决，请回电。', note: () => '留言未留联系方式且内容不具体，无法办理。' },
    { text: (s) => `${s.road}的问题`, note: () => '内容不完整，欢迎补充具体情况后重新留言。' },
    { text: () => '有事反映。', note: () => '已回电，反映人表示暂无具体事项。' },
  ],
  out_of_scope: [
    {
      text: () => '建议国家提高个人所得税起征点，现在的标准太低了。',
      note: () => '该建议涉及国家立法事项，已告知反映人可通过全国人大常委会法工委网站征求意见渠道提出。',
    },
    {
      text: () => '邻省一个景区门票乱收费，我上个月去旅游被坑了，请你们处理。',
      note: () => '该事项发生地不在本市，已告知反映人向当地12345或文旅部门投诉。',
    },
  ],
  other: [
    {
      text: () => '本公司承接各类广告设计、印刷、喷绘，价格优惠，欢迎来电咨询。',
      note: () => '广告信息，不予受理。',
    },
    { text: () => '测试', note: () => '测试信息。' },
    {
      text: (s) => `${s.estate}的事我刚才已经提交过了，这条是重复的。`,
      note: () => '反映人说明为重复提交。',
    },
  ],
};

/** How often each reason comes up among the rejected. */
export const REJECTION_WEIGHTS: readonly (readonly [RejectionReason, number])[] = [
  ['unclear', 25],
  ['personal', 20],
  ['litigation', 15],
  ['petition', 13],
  ['out_of_scope', 12],
  ['emergency', 8],
  ['other', 7],
];

export function acceptNote(r: Random): string {
  return r.pick(['已受理，正在分派办理。', '您反映的问题已受理。', '已受理，将尽快交有关单位办理。']);
}

export function triageNote(r: Random): string | null {
  return r.pick([
    null,
    null,
    '已电话核实，情况属实。',
    '已与反映人联系，了解具体位置。',
    '同类问题近期较多，请重点关注。',
  ]);
}

export function assignNote(r: Random, due: string): string {
  return r.pick([
    `请于${due}前办结并答复群众，办理中主动与群众沟通。`,
    `请核实后按期答复，办理结果同时抄报代表工委。`,
    `群众反映较集中，请重点关注，于${due}前答复。`,
    `请认真办理，答复前须与反映人联系沟通。`,
  ]);
}

/** Why a unit asks to hand an item back, naming who it thinks should have it. */
export function returnReason(r: Random, other: string): string {
  return r.pick([
    `该事项不属于本单位职责范围，建议改交${other}办理。`,
    `经核实，该问题属于${other}管理职责，申请退回重新交办。`,
    `该事项涉及${other}职能，请改交其办理，我单位配合。`,
  ]);
}

export function refuseReturnNote(r: Random): string {
  return r.pick([
    '经核实，该事项属于你单位职责范围，请按期办理。',
    '不同意退回：该类事项按职责分工由你单位牵头，请与相关单位协同办理。',
  ]);
}

const EXTENSION_REASONS: Record<CategoryCode | 'any', readonly string[]> = {
  housing: [
    '需召开业主大会表决维修资金使用方案，程序时间较长。',
    '涉及开发企业、物业、业委会多方协调，需延期办理。',
  ],
  transport: ['需完成交通流量评估和设计方案审查。', '涉及线路调整，需报市公交公司研究。'],
  environment: ['需委托第三方检测机构出具监测报告。', '涉及企业整改，需待整改完成后复测。'],
  education: ['涉及学位统筹，需待招生计划确定后答复。'],
  health: ['需协调医院调整排班和号源，需延期答复。'],
  social_security: ['需调取企业工资发放记录并约谈总包单位。'],
  business: ['涉及多部门并联审查，需延期办理。', '需报市政府专题会议研究。'],
  agriculture: ['需待雨季过后施工。', '涉及项目资金申报，需延期办理。'],
  city_management: ['需结合道路施工计划统筹实施。', '需协调供电、通信等管线单位迁改。'],
  public_safety: ['案件仍在侦办中，需延期答复。'],
  civil_affairs: ['需完成入户调查和公示程序。', '场地改造需办理消防审批。'],
  utilities: ['需停水（停电）施工，需提前公告并安排在用量低谷期。', '管网改造需办理道路开挖许可。'],
  any: ['现场施工周期较长，需延期办理。', '涉及资金审批，需报上级研究。'],
};

export function extensionReason(r: Random, category: CategoryCode): string {
  return r.pick([...EXTENSION_REASONS[category], ...EXTENSION_REASONS.any]);
}

export function approveExtensionNote(r: Random, days: number): string {
  return r.pick([
    `同意延期${days}个工作日，请在新期限内办结并及时与群众沟通。`,
    `同意延期，请将办理进展告知反映人。`,
  ]);
}

export function refuseExtensionNote(r: Random): string {
  return r.pick(['该事项不复杂，不同意延期，请按原期限办结。', '理由不充分，不同意延期，请加快办理。']);
}

/** How the unit got in touch with the citizen before replying (沟通联系). */
export function contactNote(r: Random, day: string, anonymous: boolean): string {
  if (anonymous)
    return r.pick([`${day}在社区公告栏公示办理情况。`, `反映人匿名，${day}通过网格员在小区内告知办理情况。`]);
  return r.pick([
    `${day}电话联系反映人，说明办理情况，反映人表示知悉。`,
    `${day}上门走访反映人，当面沟通办理方案。`,
    `${day}电话沟通，并邀请反映人到现场查看整改情况。`,
    `${day}通过短信告知办理进展，并电话回访。`,
  ]);
}

/** The short public note of a reply on the timeline. */
export function replySummary(r: Random, unit: string): string {
  return r.pick([
    `${unit}已答复，请查看办理结果并评价。`,
    `${unit}已办理完毕并答复。`,
    '承办单位已答复，请您评价。',
  ]);
}

const COMMENTS: Record<Rating, readonly (string | null)[]> = {
  satisfied: [
    null,
    null,
    null,
    '处理很及时，谢谢！',
    '问题解决了，为你们点赞。',
    '工作人员态度很好，还专门打电话回访，感谢！',
    '没想到这么快就办好了，谢谢代表。',
    '满意，希望继续保持。',
  ],
  basically_satisfied: [
    null,
    null,
    '基本解决了，希望以后多巡查。',
    '答复还算清楚，但进度有点慢。',
    '有改善，但还没有完全解决。',
    '态度不错，问题解决一半。',
  ],
  unsatisfied: [
    '只是答复了，问题没有实际解决。',
    '和反映的情况不符，现场根本没人来看过。',
    '拖了这么久还是老样子。',
    '答复都是套话，没有具体措施。',
    '说是列入计划，什么时候能办好也没说。',
    null,
  ],
};

export function ratingComment(r: Random, rating: Rating): string | null {
  return r.pick(COMMENTS[rating]);
}

/** The second round's reply, when a topic has no reply of its own for it. */
export function rehandleReply(s: Scene, f: ReplyFacts, r: Random, solved: boolean): string {
  const head = r.pick([
    `针对您对首次答复的不满意意见，${f.we}高度重视，于${f.d1}再次安排专人到${s.village}现场核实，并与您当面沟通。`,
    `收到二次办理通知后，${f.we}主要负责人带队于${f.d1}回访了您反映的问题。`,
  ]);
  const body = solved
    ? r.pick([
        `经再次督促整改，相关问题已于${f.d2}处理到位，我们将持续跟踪，防止反弹。`,
        `针对首次办理不彻底的地方，已追加措施并于${f.d2}整改完毕。`,
      ])
    : r.pick([
        `目前已落实部分措施，剩余问题因${since(r)}施工条件受限，计划${f.plan}前完成，届时再向您反馈。`,
        `该问题涉及多个部门，已提请区政府协调，在${f.plan}前给出明确方案。`,
      ]);
  return `${head}${body}${contactLine(f, r)}`;
}

/**
 * The text as published (PIPL: publication only anonymised): no house or building numbers, no
 * firm's name, no person's name (a person named is replaced by 工作人员, a firm by 某企业).
 */
export function redact(text: string, people: readonly string[], firms: readonly string[]): string {
  let out = text;
  for (const firm of firms) out = out.split(firm).join('某企业');
  for (const person of people) out = out.split(person).join('工作人员');
  return out
    .replace(/\d+幢/g, '*幢')
    .replace(/\d+号(?!线)/g, '*号')
    .replace(/1[3-9]\d{9}/g, '***********');
}
