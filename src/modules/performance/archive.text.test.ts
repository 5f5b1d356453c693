import { describe, expect, it } from 'vitest';
import type { ArchiveView } from './archive.schema.ts';
import { archiveReport, dayOf, fullDateOf, percentText, pointsText } from './archive.text.ts';

/** An archive with nothing in it yet; each test adds what it needs. */
function emptyArchive(over: Partial<ArchiveView> = {}): ArchiveView {
  return {
    representative: {
      id: 7,
      name: '张代表',
      employer: '东湖街道社区卫生服务中心',
      post: '主任',
      constituency: '第三选区',
      delegation: null,
      stations: ['湖滨街道代表联络站'],
    },
    congress: { id: 1, name: '东湖区第十九届人民代表大会' },
    year: 2025,
    asOf: '2026-01-05T02:00:00.000Z',
    yearComplete: true,
    summary: {
      activities: {
        invited: 0,
        attended: 0,
        hosted: 0,
        leave: 0,
        absent: 0,
        upcoming: 0,
        cancelled: 0,
        byType: [],
      },
      suggestions: {
        led: 0,
        cosigned: 0,
        replied: 0,
        classA: 0,
        classB: 0,
        classC: 0,
        key: 0,
        excellent: 0,
        evaluated: 0,
        satisfied: 0,
        basicallySatisfied: 0,
        unsatisfied: 0,
      },
      opinions: {
        received: 0,
        carriedOver: 0,
        replied: 0,
        solved: 0,
        partiallySolved: 0,
        explained: 0,
        open: 0,
        rated: 0,
        satisfied: 0,
        basicallySatisfied: 0,
        unsatisfied: 0,
        satisfactionRate: null,
        byCategory: [],
      },
    },
    timeline: [],
    score: {
      representative: { id: 7, name: '张代表' },
      congress: { id: 1, name: '东湖区第十九届人民代表大会' },
      year: 2025,
      ruleSet: { id: null, version: 0 },
      total: 0,
      categories: [
        { category: 'participation', label: '参加活动', raw: 0, counted: 0, cap: 40 },
        { category: 'suggestions', label: '提出建议', raw: 0, counted: 0, cap: 30 },
        { category: 'solving', label: '解决问题', raw: 0, counted: 0, cap: 30 },
      ],
      lines: [],
      requirements: [],
    },
    method: ['履职评价满分100分。'],
    ...over,
  };
}

const textOf = (v: ArchiveView) =>
  archiveReport(v)
    .blocks.flatMap((b) =>
      b.kind === 'table' ? [...b.header, ...b.rows.flat()] : b.kind === 'signature' ? b.lines : [b.text],
    )
    .join('\n');

describe('archiveReport', () => {
  it('says plainly when a year has no records, in the first person', () => {
    const r = archiveReport(emptyArchive());
    expect(r.title).toBe('2025年度履职情况报告');
    expect(r.subtitle).toBe('东湖区第十九届人民代表大会代表 张代表');
    const text = textOf(emptyArchive());
    expect(text).toContain(
      '我是东湖区第十九届人民代表大会代表张代表，现任东湖街道社区卫生服务中心主任，由第三选区选出，在湖滨街道代表联络站联系群众。',
    );
    expect(text).toContain('现将我2025年度履行代表职责的情况报告如下');
    expect(text).toContain('本年度暂无我应邀参加履职活动的记录。');
    expect(text).toContain('本年度我没有领衔提出或附议经立案的建议。');
    expect(text).toContain('本年度暂无群众直接向我反映意见建议的记录。');
    expect(text).toContain('东湖区第十九届人民代表大会代表履职评价默认办法');
    expect(text).toContain('本年度未规定履职要求。');
    expect(text).toContain('2026年1月5日');
    // No tables without rows but the score table with its total.
    const tables = r.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
  });

  it('says "so far" before the year is over, and how capped and negative parts were counted', () => {
    const v = emptyArchive({ year: 2026, yearComplete: false, asOf: '2026-06-30T02:00:00.000Z' });
    v.score.ruleSet = { id: 3, version: 2 };
    v.score.categories = [
      { category: 'participation', label: '参加活动', raw: 46, counted: 40, cap: 40 },
      { category: 'suggestions', label: '提出建议', raw: -1, counted: 0, cap: 30 },
      { category: 'solving', label: '解决问题', raw: 27.27, counted: 27.27, cap: 30 },
    ];
    v.score.total = 67.27;
    const text = textOf(v);
    expect(text).toContain('现将我2026年以来（截至2026年6月30日）履行代表职责的情况报告如下');
    expect(text).toContain('2026年度代表履职评价办法（第2版）');
    expect(text).toContain('得分为67.27分（满分100分）');
    expect(text).toContain('参加活动各项合计46分，按上限计40分。');
    expect(text).toContain('提出建议各项合计-1分，按0分计。');
  });

  it('tells suggestions co-signed, opinions carried over and missing reception months', () => {
    const v = emptyArchive();
    v.summary.suggestions.cosigned = 1;
    v.summary.opinions = {
      ...v.summary.opinions,
      carriedOver: 1,
      rated: 1,
      basicallySatisfied: 1,
      satisfactionRate: 0.9,
    };
    v.timeline = [
      {
        type: 'opinion',
        id: 4,
        at: '2025-02-01T02:00:00.000Z',
        title: '群众意见（交通出行）',
        category: '交通出行',
        outcome: 'basically_satisfied',
        outcomeLabel: '部分解决，群众基本满意',
        detail: '已办结',
        points: 27,
        opinion: {
          categoryLabel: '交通出行',
          status: 'CLOSED',
          statusLabel: '已办结',
          submittedAt: '2024-12-20T02:00:00.000Z',
          result: 'partially_solved',
          rating: 'basically_satisfied',
          ratedAt: '2025-02-01T02:00:00.000Z',
          carriedOver: true,
        },
      },
      {
        type: 'suggestion',
        id: 9,
        at: '2025-01-15T02:00:00.000Z',
        title: '关于增设公交线路的建议',
        category: '附议建议',
        outcome: 'IN_PROGRESS',
        outcomeLabel: '办理中',
        detail: '第12号',
        points: 1,
        suggestion: {
          role: 'cosigner',
          kind: 'suggestion',
          caseLabel: '第12号',
          lead: '王代表',
          status: 'IN_PROGRESS',
          statusLabel: '办理中',
          registeredAt: '2025-01-15T02:00:00.000Z',
          replyClass: null,
          documentNumber: null,
          leadUnit: '东湖区交通运输局',
          keySupervision: false,
          excellent: false,
          evaluation: null,
        },
      },
    ];
    v.score.requirements = [
      {
        code: 'reception',
        label: '每月参加接待选民活动',
        status: 'not_yet',
        have: 10,
        need: 12,
        months: [
          ...Array.from({ length: 10 }, (_, i) => ({
            month: `2025-${String(i + 1).padStart(2, '0')}`,
            status: 'met' as const,
          })),
          { month: '2025-11', status: 'missing' },
          { month: '2025-12', status: 'missing' },
        ],
      },
    ];
    const text = textOf(v);
    expect(text).toContain('附议（领衔：王代表）');
    expect(text).toContain('目前尚未收到答复');
    expect(text).toContain('另有上年度收到、本年度由群众作出评价的1件。');
    expect(text).toContain('满意率90%');
    expect(text).toContain('2024年12月20日');
    expect(text).toContain(
      '每月参加接待选民活动：尚未完成（已参加接待的月份10个，应参加12个，11月、12月未参加）。',
    );
    expect(text).toContain('尚有1项未完成');
  });
});

describe('formatting', () => {
  it.each([
    [3, '3'],
    [2.5, '2.5'],
    [27.272727, '27.27'],
    [-1, '-1'],
  ])('points %s → %s', (p, s) => expect(pointsText(p)).toBe(s));

  it('writes dates in Beijing time and rates to a tenth of a percent', () => {
    expect(dayOf('2026-03-02T17:00:00.000Z')).toBe('3月3日');
    expect(fullDateOf('2025-12-31T16:00:00.000Z')).toBe('2026年1月1日');
    expect(percentText(0.9667)).toBe('96.7%');
    expect(percentText(null)).toBe('—');
  });
});
