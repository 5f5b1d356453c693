/**
 * The yearly handling report (代表建议办理情况报告) as text: the title, the opening summary with
 * the year's figures, the tables by lead unit and by reply class, the 重点督办 cases and the
 * commitments, in the plain formal Chinese of a congress office. Pure: the figures come in from
 * the statistics (stats.tally.ts) and report.docx.ts lays the result out as a document.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { DocBlock, OfficialDocument } from '../../lib/official-docx.ts';
import { percent, type StatsRow } from './stats.tally.ts';

export interface KeyCase {
  caseLabel: string;
  title: string;
  lead: string;
  leadUnit: string;
  status: string;
}

export interface ReportData {
  year: number;
  /** The congress asked for; otherwise the caller's jurisdiction. */
  subject: { kind: 'congress' | 'jurisdiction'; name: string } | null;
  asOf: Date;
  total: StatsRow;
  byUnit: readonly StatsRow[];
  /** Rows A, B, C and 未答复 (stats.tally.ts always gives the four). */
  byClass: readonly StatsRow[];
  keyCases: readonly KeyCase[];
}

export type ReportContent = OfficialDocument;

/** '2026-06-10' → '2026年6月10日'. */
export function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function reportTitle(year: number, subject: ReportData['subject']): string {
  return `关于${year}年${subject?.name ?? ''}代表建议办理情况的报告`;
}

const share = (n: number, of: number) => percent(of > 0 ? n / of : null);

/** The opening summary: every headline figure of the year, in sentences. */
export function summaryParagraphs(d: ReportData): string[] {
  const t = d.total.counts;
  const asOf = chineseDate(beijingDateOf(d.asOf));
  const who =
    d.subject?.kind === 'congress'
      ? `${d.subject.name}代表提出的建议经审查立案${t.registered}件`
      : `${d.subject?.name ?? ''}共立案代表建议${t.registered}件`;
  const first: string[] = [`${d.year}年，${who}。`];
  if (t.registered === 0) return [first[0]! + '本报告所列各项数字均为零。'];

  const waiting = t.registered - t.assigned;
  const assigned = waiting === 0 ? '已全部交办' : `已交办${t.assigned}件，尚有${waiting}件待交办`;
  const replied =
    t.replied === 0
      ? '尚无答复'
      : `已答复${t.replied}件，其中按时答复${t.repliedOnTime}件，按时答复率${percent(d.total.rates.onTime)}`;
  first.push(`截至${asOf}，${assigned}；${replied}。`);
  if (t.replied > 0) {
    first.push(
      `在已答复的建议中，A类（已解决或基本解决）${t.classA}件，占${share(t.classA, t.replied)}；` +
        `B类（正在解决或列入计划解决）${t.classB}件，占${share(t.classB, t.replied)}；` +
        `C类（因条件限制留作参考）${t.classC}件，占${share(t.classC, t.replied)}。`,
    );
  }

  const second: string[] = [];
  const late = t.unevaluated > 0 ? `；另有${t.unevaluated}件代表逾期未评价，未计入满意率` : '';
  second.push(
    t.evaluated === 0
      ? `目前尚无代表评价结果${late}。`
      : `代表对办理工作作出评价的${t.evaluated}件中，满意${t.satisfied}件、基本满意${t.basicallySatisfied}件、` +
          `不满意${t.unsatisfied}件，满意率${percent(d.total.rates.satisfaction)}${late}。`,
  );
  second.push(`因代表不满意进行二次办理（重新办理）的${t.rehandled}件；列为重点督办的${t.key}件。`);
  second.push(
    t.overdue === 0 ? '目前没有超过答复期限尚未答复的建议。' : `目前超过答复期限尚未答复的${t.overdue}件。`,
  );
  return [first.join(''), second.join('')];
}

const withTotal = (rows: readonly StatsRow[], total: StatsRow) => [...rows, total];

function unitTable(d: ReportData): DocBlock {
  return {
    kind: 'table',
    header: ['主办单位', '件数', '已答复', '按时答复率', 'A类', 'B类', 'C类', '满意率'],
    rows: withTotal(d.byUnit, d.total).map((r) => [
      r.label,
      String(r.counts.registered),
      String(r.counts.replied),
      percent(r.rates.onTime),
      String(r.counts.classA),
      String(r.counts.classB),
      String(r.counts.classC),
      percent(r.rates.satisfaction),
    ]),
    totalRow: true,
  };
}

function classTable(d: ReportData): DocBlock {
  const replied = d.total.counts.replied;
  return {
    kind: 'table',
    header: ['答复类别', '件数', '占已答复', '已评价', '满意', '基本满意', '不满意', '满意率'],
    rows: withTotal(d.byClass, d.total).map((r) => [
      r.label,
      String(r.counts.registered),
      // A share of the replied cases: not meaningful for the unreplied row or the total.
      r.key === 'none' || r.key === 'total' ? '—' : share(r.counts.registered, replied),
      String(r.counts.evaluated),
      String(r.counts.satisfied),
      String(r.counts.basicallySatisfied),
      String(r.counts.unsatisfied),
      percent(r.rates.satisfaction),
    ]),
    totalRow: true,
  };
}

function keyCaseBlocks(d: ReportData): DocBlock[] {
  if (d.keyCases.length === 0) return [{ kind: 'paragraph', text: '本年度未确定重点督办建议。' }];
  return [
    {
      kind: 'paragraph',
      text: `本年度确定重点督办建议${d.keyCases.length}件，具体办理情况如下。`,
    },
    { kind: 'caption', text: '表3 重点督办建议办理情况' },
    {
      kind: 'table',
      header: ['案号', '建议标题', '领衔代表', '主办单位', '办理状态'],
      rows: d.keyCases.map((k) => [k.caseLabel, k.title, k.lead, k.leadUnit, k.status]),
      totalRow: false,
    },
  ];
}

function commitmentParagraph(d: ReportData): string {
  const t = d.total.counts;
  const all = t.commitmentsOpen + t.commitmentsDone;
  if (all === 0) return '本年度答复为B类的建议中，尚无需要跟踪落实的承诺事项。';
  const open = d.byUnit
    .filter((r) => r.counts.commitmentsOpen > 0)
    .map((r) => `${r.label}${r.counts.commitmentsOpen}项`)
    .join('、');
  return (
    `对答复为B类（正在解决或列入计划解决）的建议，承办单位共作出承诺事项${all}项，` +
    `已兑现${t.commitmentsDone}项，正在落实${t.commitmentsOpen}项。` +
    (open === ''
      ? '承诺事项已全部兑现。'
      : `尚在落实的承诺事项分布为：${open}，将纳入承诺事项台账持续跟踪，直至兑现。`)
  );
}

/** The whole report, block by block. */
export function reportContent(d: ReportData): ReportContent {
  return {
    title: reportTitle(d.year, d.subject),
    blocks: [
      { kind: 'heading', text: '一、基本情况' },
      ...summaryParagraphs(d).map((text): DocBlock => ({ kind: 'paragraph', text })),
      { kind: 'heading', text: '二、各主办单位办理情况' },
      {
        kind: 'paragraph',
        text: '各主办单位办理代表建议的件数、答复和代表评价情况见表1（按主办单位统计，协办件不重复计算）。',
      },
      { kind: 'caption', text: '表1 各主办单位办理情况' },
      unitTable(d),
      { kind: 'heading', text: '三、答复类别情况' },
      { kind: 'paragraph', text: '按最近一次答复的类别统计，各类建议的件数及代表评价情况见表2。' },
      { kind: 'caption', text: '表2 答复类别情况' },
      classTable(d),
      { kind: 'heading', text: '四、重点督办建议办理情况' },
      ...keyCaseBlocks(d),
      { kind: 'heading', text: '五、承诺事项落实情况' },
      { kind: 'paragraph', text: commitmentParagraph(d) },
      { kind: 'heading', text: '六、下一步工作' },
      {
        kind: 'paragraph',
        text:
          '下一步，将进一步加强对代表建议办理工作的跟踪督办，督促承办单位加强与代表的沟通联系，' +
          '加快办理进度，切实兑现承诺事项；对代表不满意的建议督促认真重新办理，对超期未答复的建议逐件跟踪催办，' +
          '推动代表建议办理由“答复型”向“落实型”转变，不断提高代表建议办理质量。',
      },
      { kind: 'signature', lines: [chineseDate(beijingDateOf(d.asOf))] },
    ],
  };
}
