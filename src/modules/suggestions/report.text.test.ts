import { describe, expect, it } from 'vitest';
import { reportContent, reportTitle, summaryParagraphs, type ReportData } from './report.text.ts';
import { emptyCounts, ratesOf, type StatsCounts, type StatsRow } from './stats.tally.ts';

const row = (key: string, label: string, c: Partial<StatsCounts>): StatsRow => {
  const counts = { ...emptyCounts(), ...c };
  return { key, label, counts, rates: ratesOf(counts) };
};

function data(total: Partial<StatsCounts>, extra: Partial<ReportData> = {}): ReportData {
  return {
    year: 2026,
    subject: { kind: 'jurisdiction', name: '东湖区' },
    // 20:00 UTC on 30 June is 1 July in Beijing.
    asOf: new Date('2026-06-30T20:00:00.000Z'),
    total: row('total', '合计', total),
    byUnit: [],
    byClass: [],
    keyCases: [],
    ...extra,
  };
}

describe('reportTitle', () => {
  it('names the congress or the jurisdiction', () => {
    expect(reportTitle(2026, { kind: 'congress', name: '东湖区第十九届人民代表大会' })).toBe(
      '关于2026年东湖区第十九届人民代表大会代表建议办理情况的报告',
    );
    expect(reportTitle(2025, { kind: 'jurisdiction', name: '南溪县' })).toBe(
      '关于2025年南溪县代表建议办理情况的报告',
    );
    expect(reportTitle(2026, null)).toBe('关于2026年代表建议办理情况的报告');
  });
});

describe('summaryParagraphs', () => {
  it('says 已全部交办 when every case is assigned, and the date in Beijing time', () => {
    const [first] = summaryParagraphs(data({ registered: 3, assigned: 3 }));
    expect(first).toBe('2026年，东湖区共立案代表建议3件。截至2026年7月1日，已全部交办；尚无答复。');
  });

  it('counts what is still to be assigned, the classes as shares of the replies', () => {
    const [first, second] = summaryParagraphs(
      data({
        registered: 10,
        assigned: 8,
        replied: 4,
        repliedOnTime: 3,
        classA: 1,
        classB: 2,
        classC: 1,
        evaluated: 3,
        satisfied: 1,
        basicallySatisfied: 2,
        rehandled: 2,
        key: 1,
      }),
    );
    expect(first).toContain('已交办8件，尚有2件待交办；已答复4件，其中按时答复3件，按时答复率75.0%。');
    expect(first).toContain(
      'A类（已解决或基本解决）1件，占25.0%；B类（正在解决或列入计划解决）2件，占50.0%；',
    );
    expect(second).toContain('满意1件、基本满意2件、不满意0件，满意率93.3%。');
    expect(second).not.toContain('逾期未评价');
    expect(second).toContain('二次办理（重新办理）的2件；列为重点督办的1件。');
    expect(second).toContain('目前没有超过答复期限尚未答复的建议。');
  });

  it('keeps cases never evaluated out of the satisfaction rate and says so', () => {
    const [, second] = summaryParagraphs(
      data({ registered: 2, assigned: 2, replied: 2, unevaluated: 2, overdue: 0 }),
    );
    expect(second).toContain('目前尚无代表评价结果；另有2件代表逾期未评价，未计入满意率。');
  });

  it('writes one sentence for a year without cases', () => {
    expect(summaryParagraphs(data({}))).toEqual([
      '2026年，东湖区共立案代表建议0件。本报告所列各项数字均为零。',
    ]);
  });
});

describe('reportContent', () => {
  it('lists the key cases in a table, or says there are none', () => {
    const keyCase = {
      caseLabel: '第3号',
      title: '关于A的建议',
      lead: '李代表',
      leadUnit: '住建局',
      status: '办理中',
    };
    const withKey = reportContent(data({ registered: 1, key: 1 }, { keyCases: [keyCase] }));
    const table = withKey.blocks.find((b) => b.kind === 'table' && b.header[0] === '案号');
    expect(table).toMatchObject({ rows: [['第3号', '关于A的建议', '李代表', '住建局', '办理中']] });
    const without = reportContent(data({ registered: 1 }));
    expect(without.blocks).toContainEqual({ kind: 'paragraph', text: '本年度未确定重点督办建议。' });
    expect(without.blocks.some((b) => b.kind === 'table' && b.header[0] === '案号')).toBe(false);
  });

  it('says where open commitments lie, or that all were kept', () => {
    const units = [
      row('3', '住建局', { registered: 2, commitmentsOpen: 2, commitmentsDone: 1 }),
      row('4', '交通局', { registered: 1, commitmentsDone: 1 }),
    ];
    const open = reportContent(
      data({ registered: 3, commitmentsOpen: 2, commitmentsDone: 2 }, { byUnit: units }),
    );
    const text = (c: typeof open) => c.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text(open)).toContain(
      '共作出承诺事项4项，已兑现2项，正在落实2项。尚在落实的承诺事项分布为：住建局2项，',
    );
    const done = reportContent(data({ registered: 1, commitmentsDone: 1 }));
    expect(text(done)).toContain('已兑现1项，正在落实0项。承诺事项已全部兑现。');
    expect(text(reportContent(data({ registered: 1 })))).toContain('尚无需要跟踪落实的承诺事项');
  });

  it('adds a 合计 row to the tables by unit and by class', () => {
    const c = reportContent(
      data(
        { registered: 2, replied: 2, repliedOnTime: 1, classA: 2 },
        {
          byUnit: [row('3', '住建局', { registered: 2, replied: 2, repliedOnTime: 1, classA: 2 })],
          byClass: [row('A', 'A类（已解决或基本解决）', { registered: 2, replied: 2, classA: 2 })],
        },
      ),
    );
    const tables = c.blocks.filter((b) => b.kind === 'table');
    expect(tables[0]).toMatchObject({
      rows: [
        ['住建局', '2', '2', '50.0%', '2', '0', '0', '—'],
        ['合计', '2', '2', '50.0%', '2', '0', '0', '—'],
      ],
      totalRow: true,
    });
    expect(tables[1]).toMatchObject({
      rows: [
        ['A类（已解决或基本解决）', '2', '100.0%', '0', '0', '0', '0', '—'],
        ['合计', '2', '—', '0', '0', '0', '0', '—'],
      ],
    });
  });
});
