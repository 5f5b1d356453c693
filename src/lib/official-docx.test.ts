import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { columnWidths, officialDocx, TEXT_WIDTH } from './official-docx.ts';

describe('columnWidths', () => {
  it('fills the text width and keeps short columns as wide as their text', () => {
    const header = ['案号', '建议标题', '领衔代表', '主办单位', '办理状态'];
    const rows = [['第12号', '关于'.repeat(30), '李代表', '东湖区住房和城乡建设局', '办理中']];
    const w = columnWidths(header, rows);
    const total = w.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(total).toBeGreaterThan(TEXT_WIDTH - w.length);
    // 领衔代表 and 办理状态: four characters of 240 twips and the padding, unchanged.
    expect(w[2]).toBe(4 * 240 + 240);
    expect(w[4]).toBe(4 * 240 + 240);
    // The long title gets more than the unit name.
    expect(w[1]!).toBeGreaterThan(w[3]!);
  });

  it('scales every column alike when all of them fit', () => {
    const w = columnWidths(['类别', '件数'], [['A类', '3']]);
    expect(w[0]).toBe(w[1]);
    expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThan(TEXT_WIDTH - 2);
  });
});

describe('officialDocx', () => {
  it('writes the title, paragraphs and table cells a reader finds again', async () => {
    const buffer = await officialDocx({
      title: '关于2026年东湖区代表建议办理情况的报告',
      blocks: [
        { kind: 'heading', text: '一、基本情况' },
        { kind: 'paragraph', text: '2026年，东湖区共立案代表建议7件。' },
        {
          kind: 'table',
          header: ['主办单位', '件数'],
          rows: [
            ['住建局', '4'],
            ['合计', '4'],
          ],
          totalRow: true,
        },
        { kind: 'signature', lines: ['2026年7月15日'] },
      ],
    });
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toBe(
      [
        '关于2026年东湖区代表建议办理情况的报告',
        '一、基本情况',
        '2026年，东湖区共立案代表建议7件。',
        '主办单位',
        '件数',
        '住建局',
        '4',
        '合计',
        '4',
        '2026年7月15日',
      ]
        .map((p) => `${p}\n\n`)
        .join(''),
    );
  });
});
