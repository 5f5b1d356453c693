/**
 * The smaller texts around a suggestion: the staff's notes when they assign and decide requests,
 * a unit's contact log with the representative (沟通联系), a co-unit's opinion, the reply letter
 * (答复函) in its usual frame, what representatives write with an evaluation, the reasons units
 * give for a return or an extension, the yearly progress of a commitment, and the redaction of a
 * case before it is published (no names, no phone numbers).
 */
import type { ContactMeans, EvaluationRating, ReplyClass } from '../suggestions/suggestions.vocab.ts';
import { numbered } from './suggestions.topics.ts';
import type { Random } from './random.ts';

export function assignNote(r: Random, key: boolean): string | null {
  if (key)
    return r.pick([
      '列为重点督办建议，请主要负责同志亲自研究，制定办理方案，按期答复。',
      '本件为重点督办建议，由领导领衔督办，请每月报送办理进展。',
    ]);
  return r.pick([
    null,
    null,
    '请按规定与代表沟通联系，在三个月内书面答复。',
    '请认真研究办理，注重实效，按期答复代表。',
    '请主办单位牵头，会同协办单位共同办理。',
  ]);
}

/** A unit's record of how it met the representative, and what was said. */
export function contactSummary(r: Random, means: ContactMeans, field: string, rehandle: boolean): string {
  const again = rehandle ? '针对代表提出的不满意意见，' : '';
  switch (means) {
    case 'visit':
      return `${again}分管负责同志带队登门走访领衔代表，介绍${field}工作情况和建议办理思路，听取代表意见。${r.pick(['代表对办理方案表示认可，希望加快推进。', '代表提出应明确时间节点，我们已吸收到办理方案中。', '双方就重点难点问题交换了意见。'])}`;
    case 'meeting':
      return `${again}召开建议办理座谈会，邀请领衔代表和附议代表参加，通报办理方案，逐条听取意见。${r.pick(['代表建议进一步细化措施。', '会上对资金安排和实施步骤达成共识。'])}`;
    case 'phone':
      return `${again}电话联系领衔代表，了解建议的背景和具体诉求，${r.pick(['约定实地察看时间。', '介绍了初步办理意见，代表表示理解。', '代表补充提供了相关情况。'])}`;
    case 'letter':
      return `${again}书面函告领衔代表办理进展和初步意见，征求代表意见。`;
    case 'online':
      return `${again}通过视频会议与代表沟通${field}工作情况，听取意见建议。`;
    case 'inspection':
      return `${again}邀请代表实地察看现场，共同研究解决措施，${r.pick(['现场明确了整改清单。', '代表对现场推进情况表示认可。'])}`;
  }
}

export function contactMeans(r: Random): ContactMeans {
  return r.weighted<ContactMeans>([
    ['visit', 35],
    ['meeting', 20],
    ['phone', 25],
    ['inspection', 12],
    ['letter', 4],
    ['online', 4],
  ]);
}

/** A co-unit's opinion to the lead unit (协办意见). */
export function coOpinion(r: Random, unitShort: string, field: string): string {
  return r.pick([
    `${unitShort}协办意见：我单位同意主办单位的办理思路，将在职责范围内配合做好${field}相关工作，并提供相关数据和政策支持。`,
    `${unitShort}已对建议进行研究，涉及我单位的部分将纳入年度工作计划，具体措施已书面函告主办单位。`,
    `${unitShort}协办意见：建议主办单位统筹考虑资金和实施步骤，我单位将在项目审批和现场管理方面予以配合。`,
  ]);
}

export interface ReplyParts {
  leadName: string;
  title: string;
  /** 市十六届人大五次会议 …, or null between sessions. */
  session: string | null;
  field: string;
  replyClass: ReplyClass;
  /** The class's own text: what was done (A), what is under way (B), why not now (C). */
  text: string;
  /** Class B: the commitments with their dates. */
  commitments: readonly { content: string; dueDate: string }[];
  coUnits: readonly string[];
  unitName: string;
  date: string;
  contactName: string;
  tel: string;
  rehandle: boolean;
}

const zhDateOf = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The reply letter (答复函) in its usual frame. */
export function replyLetter(p: ReplyParts, r: Random): string {
  const opening = p.rehandle
    ? `根据您对我单位前次答复的意见，我们重新进行了研究办理，并与您进行了沟通，现补充答复如下：`
    : `您${p.session ? `在${p.session}期间` : ''}提出的《${p.title}》收悉。${r.pick(['', '您的建议针对性强，对改进工作很有帮助。', '该建议反映了群众的迫切需求。'])}经认真研究${p.coUnits.length > 0 ? `，并会同${p.coUnits.join('、')}办理` : ''}，现答复如下：`;
  const body =
    p.replyClass === 'B'
      ? `${p.text}\n下一步，我们将重点做好以下工作：\n${numbered(p.commitments.map((c) => `${c.content}（计划于${zhDateOf(c.dueDate)}前完成）。`))}`
      : p.replyClass === 'C'
        ? `${p.text}您的建议我们将认真研究，留作今后工作参考。`
        : p.text;
  const closing = r.pick([
    `感谢您对${p.field}工作的关心和支持，欢迎继续提出宝贵意见。`,
    `再次感谢您对我们工作的关心和支持。`,
    `感谢您对${p.field}工作的关注，希望继续给予监督指导。`,
  ]);
  return `${p.leadName}代表：\n${opening}\n${body}\n${closing}\n\n${p.unitName}\n${zhDateOf(p.date)}\n（联系人：${p.contactName}，联系电话：${p.tel}）`;
}

const COMMENTS: Record<EvaluationRating, readonly (string | null)[]> = {
  satisfied: [
    null,
    null,
    '办理态度认真，多次沟通，问题已基本解决。',
    '承办单位高度重视，措施具体，效果明显。',
    '答复及时，解决了群众反映的实际问题。',
  ],
  basically_satisfied: [
    null,
    '办理态度较好，但部分问题尚需持续推进。',
    '答复内容具体，希望加快落实进度。',
    '沟通比较充分，落实时间偏长。',
  ],
  unsatisfied: [
    '答复较为原则，未提出具体解决措施和时间表。',
    '办理前未与代表充分沟通，群众反映的问题仍未解决。',
    '答复内容与建议要求不符，请重新办理。',
  ],
};

export function evaluationComment(r: Random, worse: EvaluationRating): string | null {
  return r.pick(COMMENTS[worse]);
}

export function returnReason(r: Random, field: string, other: string): string {
  return r.pick([
    `该建议反映的${field}事项主要属于${other}职责，我单位仅承担配合工作，建议改由${other}主办。`,
    `经研究，建议所涉事项不在我单位职责范围内，建议交由${other}办理。`,
  ]);
}

export function approveReturnNote(other: string): string {
  return `同意退回，改交${other}主办。`;
}

export function refuseReturnNote(r: Random): string {
  return r.pick([
    '该建议内容与你单位职责密切相关，请继续主办，有关单位配合。',
    '经研究，不同意退回，请按交办要求认真办理。',
  ]);
}

export function extensionReason(r: Random, field: string): string {
  return r.pick([
    `该建议涉及${field}项目的方案编制和资金安排，需报政府研究审定，难以在规定期限内答复。`,
    `该建议涉及多个部门，需进一步会商协调，申请延期答复。`,
    `该建议涉及的工程正在实施，为给代表一个完整的答复，申请延期。`,
  ]);
}

export function approveExtensionNote(r: Random): string | null {
  return r.pick([null, '同意延期，请抓紧办理，按期答复代表。', '同意。请在延期内与代表保持沟通。']);
}

export function refuseExtensionNote(r: Random): string {
  return r.pick([
    '该建议办理难度不大，请按原期限答复。',
    '不同意延期，请先就已明确的事项答复代表，后续进展另行报告。',
  ]);
}

export function resolveEscalationNote(r: Random): string {
  return r.pick([
    '代表工委约谈承办单位并组织实地督办，承办单位已制定整改方案，与代表当面沟通，代表表示理解，督办办结。',
    '经主任会议专题督办，承办单位调整了办理措施并落实资金，代表认可后续安排，督办办结。',
  ]);
}

/** The yearly progress of a commitment: planned, started, under way, done. */
export function progressNote(r: Random, stage: number, done: boolean): string {
  if (done)
    return r.pick([
      '已全部完成，经验收合格并投入使用。',
      '承诺事项已兑现，相关情况已向代表通报。',
      '已按计划完成，代表现场察看后表示满意。',
    ]);
  const notes = [
    ['已完成前期调研和方案设计。', '已制定实施方案，正在履行审批程序。'],
    ['项目已开工建设。', '已落实资金，正在组织实施。'],
    [`已完成计划工作量的${r.int(50, 80)}%。`, '主体工作已完成，正在扫尾。'],
  ];
  return r.pick(notes[Math.min(stage, notes.length - 1)]!);
}

/**
 * What may be published of a text: no personal names, no mobile or landline numbers. The
 * reply's contact line (who to call) is dropped altogether.
 */
export function redactForPublication(text: string, people: readonly string[]): string {
  let out = text.replace(/\n?（联系人：[^）]*）/g, '');
  for (const person of [...people].sort((a, b) => b.length - a.length)) out = out.split(person).join('');
  return out
    .replace(/^代表：/, '尊敬的代表：')
    .replace(/1[3-9]\d{9}/g, '***********')
    .replace(/\d{7,8}(?!\d)/g, '********');
}
