/**
 * The yearly report a representative reads to the voters (向选民报告履职), as text: in the first
 * person, in the plain formal Chinese of such reports, and only from the records of the archive
 * (archive.service.ts) — who I am, the activities I took part in by type with their dates, the
 * suggestions I led or co-signed with their numbers and replies, the opinions I received and
 * how they were resolved, my score and how it was computed, and the year's requirements. Pure:
 * archive.docx.ts lays the blocks out as a document. No citizen's words, name or tracking code
 * appears: an opinion is told by its date, category and outcome.
 */
import { beijingDateOf } from '../../lib/working-days.ts';
import type { DocBlock, OfficialDocument } from '../../lib/official-docx.ts';
import {
  RATING_LABELS,
  REPLY_RESULT_LABELS,
  type Rating,
  type ReplyResult,
} from '../opinions/opinions.vocab.ts';
import { EVALUATION_RATING_LABELS, type EvaluationRating } from '../suggestions/suggestions.vocab.ts';
import type { ArchiveView, TimelineEntry } from './archive.schema.ts';

export type ArchiveReport = Required<OfficialDocument>;

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const heading = (n: number, text: string): DocBlock => ({
  kind: 'heading',
  text: `${CN_DIGITS[n] ?? n}、${text}`,
});

/** '2026-03-03' → '3月3日'. */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** '2026-03-03T01:00:00Z' → '3月3日' (Beijing). */
export const dayOf = (iso: string) => monthDay(beijingDateOf(new Date(iso)));

/** '2026-07-15T…' → '2026年7月15日' (Beijing). */
export function fullDateOf(iso: string): string {
  const d = beijingDateOf(new Date(iso));
  return `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** Points as people write them: 3, 2.5, 27.27. */
export function pointsText(p: number): string {
  return String(Math.round(p * 100) / 100);
}

export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

const joinList = (xs: readonly string[]) => xs.join('、');

function intro(v: ArchiveView): string {
  const r = v.representative;
  const work = [r.employer, r.post].filter(Boolean).join('');
  const parts = [`我是${v.congress.name}代表${r.name}`];
  if (work) parts.push(`现任${work}`);
  if (r.constituency) parts.push(`由${r.constituency}选出`);
  if (r.stations.length > 0) parts.push(`在${joinList(r.stations)}联系群众`);
  const period = v.yearComplete ? `${v.year}年度` : `${v.year}年以来（截至${fullDateOf(v.asOf)}）`;
  return (
    `${parts.join('，')}。按照代表法关于代表应当与原选区选民或者原选举单位和人民群众保持密切联系的规定，` +
    `现将我${period}履行代表职责的情况报告如下，请予评议。以下情况和数字均来自代表履职档案的记录。`
  );
}

function activityBlocks(v: ArchiveView, n: number): DocBlock[] {
  const a = v.summary.activities;
  const acts = v.timeline.filter((t) => t.type === 'activity');
  const blocks: DocBlock[] = [heading(n, '参加履职活动情况')];
  if (acts.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本年度暂无我应邀参加履职活动的记录。' });
    return blocks;
  }
  const others = [
    a.leave > 0 ? `经批准请假${a.leave}次` : null,
    a.absent > 0 ? `缺席${a.absent}次` : null,
    a.cancelled > 0 ? `因活动取消未举行${a.cancelled}次` : null,
    a.upcoming > 0 ? `尚未举行${a.upcoming}次` : null,
  ].filter(Boolean);
  let text = `本年度，我应邀参加各类履职活动${a.invited}次，实际参加${a.attended}次${others.length ? `，${others.join('，')}` : ''}。`;
  if (a.byType.length > 0)
    text += `其中，${a.byType
      .map((t) => `参加${t.label}${t.attended}次（${joinList(t.dates.map(monthDay))}）`)
      .join('；')}。`;
  if (a.hosted > 0) text += `参加的活动中，由我主持的${a.hosted}次。`;
  blocks.push({ kind: 'paragraph', text });
  blocks.push({ kind: 'caption', text: '表1 参加履职活动情况' });
  blocks.push({
    kind: 'table',
    header: ['日期', '活动类型', '活动名称', '参加情况'],
    rows: acts.map((t) => [dayOf(t.at), t.category, t.title, t.outcomeLabel]),
    totalRow: false,
  });
  return blocks;
}

function suggestionBlocks(v: ArchiveView, n: number): DocBlock[] {
  const s = v.summary.suggestions;
  const sugs = v.timeline.filter((t) => t.type === 'suggestion');
  const blocks: DocBlock[] = [heading(n, '提出建议情况')];
  if (sugs.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本年度我没有领衔提出或附议经立案的建议。' });
    return blocks;
  }
  const parts = [`本年度，我领衔提出建议${s.led}件、附议建议${s.cosigned}件，均经审查立案`];
  if (s.replied > 0)
    parts.push(
      `已收到答复${s.replied}件，其中A类（已解决或基本解决）${s.classA}件、B类（正在解决或列入计划解决）${s.classB}件、C类（因条件限制留作参考）${s.classC}件`,
    );
  else parts.push('目前尚未收到答复');
  let text = `${parts.join('；')}。`;
  if (s.evaluated > 0)
    text += `对领衔建议的答复，我作出评价${s.evaluated}件，其中满意${s.satisfied}件、基本满意${s.basicallySatisfied}件、不满意${s.unsatisfied}件。`;
  if (s.key > 0) text += `列为重点督办的${s.key}件。`;
  if (s.excellent > 0) text += `被评为优秀建议的${s.excellent}件。`;
  blocks.push({ kind: 'paragraph', text });
  blocks.push({ kind: 'caption', text: '表2 领衔和附议的建议' });
  blocks.push({
    kind: 'table',
    header: ['案号', '建议标题', '方式', '主办单位', '答复', '办理情况'],
    rows: sugs.map((t) => {
      const x = t.suggestion!;
      const reply = x.replyClass
        ? [`${x.replyClass}类`, x.documentNumber].filter(Boolean).join(' ')
        : '未答复';
      const rating = x.evaluation ? EVALUATION_RATING_LABELS[x.evaluation as EvaluationRating].zh : null;
      const evaluation = rating ? `，${x.role === 'lead' ? '我' : '领衔代表'}评价${rating}` : '';
      return [
        x.caseLabel ?? '',
        t.title,
        x.role === 'lead' ? '领衔' : `附议（领衔：${x.lead}）`,
        x.leadUnit ?? '未交办',
        reply,
        `${x.statusLabel}${evaluation}`,
      ];
    }),
    totalRow: false,
  });
  return blocks;
}

function opinionBlocks(v: ArchiveView, n: number): DocBlock[] {
  const o = v.summary.opinions;
  const ops = v.timeline.filter((t) => t.type === 'opinion');
  const blocks: DocBlock[] = [heading(n, '接收群众意见及办理情况')];
  if (ops.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本年度暂无群众直接向我反映意见建议的记录。' });
    return blocks;
  }
  const sentences: string[] = [];
  if (o.received > 0) {
    const cats = o.byCategory.map((c) => `${c.label}${c.count}件`);
    sentences.push(
      `本年度，群众通过扫码留言、接待日等渠道向我反映意见建议${o.received}件${cats.length ? `，涉及${joinList(cats)}` : ''}。`,
    );
    sentences.push(
      o.replied > 0
        ? `经交办有关单位办理或由我当场答复，已答复${o.replied}件，其中已解决${o.solved}件、部分解决${o.partiallySolved}件、解释说明${o.explained}件${o.open > 0 ? `；尚在办理中的${o.open}件，我将继续跟踪督促` : ''}。`
        : `目前均在办理中，我将继续跟踪督促。`,
    );
  }
  if (o.carriedOver > 0) sentences.push(`另有上年度收到、本年度由群众作出评价的${o.carriedOver}件。`);
  sentences.push(
    o.rated > 0
      ? `群众对办理结果作出评价${o.rated}件，其中满意${o.satisfied}件、基本满意${o.basicallySatisfied}件、不满意${o.unsatisfied}件，满意率${percentText(o.satisfactionRate)}（满意率=（满意+0.9×基本满意）÷评价件数）。`
      : '目前尚无群众作出评价。',
  );
  blocks.push({ kind: 'paragraph', text: sentences.join('') });
  blocks.push({ kind: 'caption', text: '表3 收到的群众意见及办理情况' });
  blocks.push({
    kind: 'table',
    header: ['收到日期', '类别', '办理状态', '办理结果', '群众评价'],
    rows: ops.map((t) => {
      const x = t.opinion!;
      return [
        fullDateOf(x.submittedAt),
        x.categoryLabel ?? '未分类',
        x.statusLabel,
        x.result ? (REPLY_RESULT_LABELS[x.result as ReplyResult]?.zh ?? x.result) : '—',
        x.rating ? (RATING_LABELS[x.rating as Rating]?.zh ?? x.rating) : '未评价',
      ];
    }),
    totalRow: false,
  });
  return blocks;
}

/** The record a score line refers to, as the report names it. */
function recordName(entry: TimelineEntry | undefined, fallback: string): string {
  if (!entry) return fallback;
  switch (entry.type) {
    case 'activity':
      return `${dayOf(entry.at)} ${entry.title}`;
    case 'suggestion':
      return `${entry.suggestion!.caseLabel ?? ''} ${entry.title}`.trim();
    case 'opinion':
      return `${fullDateOf(entry.opinion!.submittedAt)}收到的${entry.title}`;
  }
}

function scoreBlocks(v: ArchiveView, n: number): DocBlock[] {
  const c = v.score;
  const cap = c.categories.reduce((a, x) => a + x.cap, 0);
  const rulesName =
    c.ruleSet.version > 0
      ? `${v.congress.name}${v.year}年度代表履职评价办法（第${c.ruleSet.version}版）`
      : `${v.congress.name}代表履职评价默认办法`;
  const parts = c.categories.map((x) => `${x.label}${pointsText(x.counted)}分（满分${pointsText(x.cap)}分）`);
  let text = `按照${rulesName}，我本年度的履职评价得分为${pointsText(c.total)}分（满分${pointsText(cap)}分），其中${parts.join('、')}。`;
  const over = c.categories.filter((x) => x.raw > x.cap);
  if (over.length > 0)
    text +=
      over.map((x) => `${x.label}各项合计${pointsText(x.raw)}分，按上限计${pointsText(x.cap)}分`).join('；') +
      '。';
  const under = c.categories.filter((x) => x.raw < 0);
  if (under.length > 0)
    text += under.map((x) => `${x.label}各项合计${pointsText(x.raw)}分，按0分计`).join('；') + '。';
  text += '每一分都对应一条履职记录，明细见表4。评价办法如下：';
  const byKey = new Map(v.timeline.map((t) => [`${t.type}/${t.id}`, t]));
  return [
    heading(n, '履职评价得分情况'),
    { kind: 'paragraph', text },
    ...v.method.map((m): DocBlock => ({ kind: 'paragraph', text: m })),
    { kind: 'caption', text: '表4 履职评价得分明细' },
    {
      kind: 'table',
      header: ['评价项目', '计分依据', '对应记录', '分值'],
      rows: [
        ...c.lines.map((l) => [
          c.categories.find((x) => x.category === l.category)?.label ?? l.category,
          l.label,
          recordName(byKey.get(`${l.source.type}/${l.source.id}`), l.source.title),
          pointsText(l.points),
        ]),
        ['合计', '', '', pointsText(c.total)],
      ],
      totalRow: true,
    },
  ];
}

const REQUIREMENT_STATUS: Record<string, string> = {
  met: '已完成',
  not_yet: '尚未完成',
  exempt: '经批准请假，视为已履行',
};

function requirementBlocks(v: ArchiveView, n: number): DocBlock[] {
  const reqs = v.score.requirements;
  if (reqs.length === 0)
    return [heading(n, '年度履职要求完成情况'), { kind: 'paragraph', text: '本年度未规定履职要求。' }];
  const lines = reqs.map((q, i) => {
    const missing = (q.months ?? [])
      .filter((m) => m.status === 'missing')
      .map((m) => `${Number(m.month.slice(5, 7))}月`);
    const detail = q.months
      ? `已参加接待的月份${q.have}个，应参加${q.need}个${missing.length ? `，${joinList(missing)}未参加` : ''}`
      : `已完成${q.have}，要求不少于${q.need}`;
    return `${i + 1}. ${q.label}：${REQUIREMENT_STATUS[q.status] ?? q.status}（${detail}）。`;
  });
  const unmet = reqs.filter((q) => q.status === 'not_yet').length;
  return [
    heading(n, '年度履职要求完成情况'),
    {
      kind: 'paragraph',
      text: `本年度履职要求共${reqs.length}项，${unmet === 0 ? '均已完成或经批准请假视为履行' : `尚有${unmet}项未完成`}：`,
    },
    ...lines.map((text): DocBlock => ({ kind: 'paragraph', text })),
  ];
}

/** The whole report, block by block. */
export function archiveReport(v: ArchiveView): ArchiveReport {
  return {
    title: `${v.year}年度履职情况报告`,
    subtitle: `${v.congress.name}代表 ${v.representative.name}`,
    blocks: [
      { kind: 'salutation', text: '各位选民：' },
      { kind: 'paragraph', text: intro(v) },
      ...activityBlocks(v, 1),
      ...suggestionBlocks(v, 2),
      ...opinionBlocks(v, 3),
      ...scoreBlocks(v, 4),
      ...requirementBlocks(v, 5),
      {
        kind: 'paragraph',
        text: '以上是我的履职情况报告。对报告中的情况，欢迎各位选民通过联络站或扫码留言提出意见和建议，我将认真听取，改进工作。',
      },
      { kind: 'signature', lines: [`报告人：${v.representative.name}`, fullDateOf(v.asOf)] },
    ],
  };
}
