/**
 * Reports laid out as DOCX (with `docx`) in the layout of official documents (GB/T 9704): A4,
 * margins 37/35/28/26 mm, the title in 小标宋 二号 (a subtitle under it in 楷体 三号), the body in
 * 仿宋 三号 on a fixed 28-point line with a two-character first-line indent (a salutation flush
 * left), headings in 黑体, tables in 小四 with a repeated header row, page numbers “— N —” at the
 * foot. The suggestions' yearly handling report and a representative's report to the voters both
 * use it; what they say is their own (report.text.ts, archive.text.ts).
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

export type DocBlock =
  | { kind: 'salutation'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'caption'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; totalRow: boolean }
  | { kind: 'signature'; lines: string[] };

export interface OfficialDocument {
  title: string;
  /** Who issues or reports it, under the title. */
  subtitle?: string;
  blocks: DocBlock[];
}

/** Millimetres to twips (twentieths of a point). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** The text width between the margins, in twips. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });
const BODY_FONT = font('仿宋_GB2312');
const HEADING_FONT = font('黑体');
const TITLE_FONT = font('方正小标宋简体');
const SUBTITLE_FONT = font('楷体_GB2312');

/** Half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, table: 24 };
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** Two characters of 三号. */
const INDENT = 640;

/** Twips a cell's text takes at 小四 (12 pt): a CJK character 240, a Latin one about half that. */
const textTwips = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 240 : 120), 0);
const CELL_PADDING = 240;
/** A column this narrow (about six characters) keeps its natural width; wider ones share the rest. */
const SHORT_COLUMN = 1700;

/**
 * Column widths in twips that fill the text width: short columns (counts, rates) as wide as their
 * widest cell, so headers like 按时答复率 do not break; long ones (names, titles) share what is
 * left in proportion to their longest text, wrapping when they must.
 */
export function columnWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const natural = header.map(
    (h, i) => Math.max(...[h, ...rows.map((r) => r[i] ?? '')].map(textTwips)) + CELL_PADDING,
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const short = natural.map((n) => n <= SHORT_COLUMN);
  const left = TEXT_WIDTH - sum(natural.filter((_, i) => short[i]));
  const longNatural = sum(natural.filter((_, i) => !short[i]));
  const fits = sum(natural) <= TEXT_WIDTH;
  // Everything fits, or the long columns would be squeezed under 1.5 cm: scale all alike.
  if (fits || longNatural === 0 || left < mm(15) * natural.filter((_, i) => !short[i]).length) {
    const scale = TEXT_WIDTH / sum(natural);
    return natural.map((n) => Math.floor(n * scale));
  }
  return natural.map((n, i) => (short[i] ? n : Math.floor((left * n) / longNatural)));
}

function tableOf(block: Extract<DocBlock, { kind: 'table' }>): Table {
  const widths = columnWidths(block.header, block.rows);
  // Long text (names, titles) reads left-aligned; short cells (counts, dates, points) centred.
  const wide = widths.map((w) => w > mm(30));
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: wide[i] ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text, bold, size: SIZE.table })],
        }),
      ],
    });
  const last = block.rows.length - 1;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((h, i) => cell(h, i, true)) }),
      ...block.rows.map(
        (r, n) => new TableRow({ children: r.map((text, i) => cell(text, i, block.totalRow && n === last)) }),
      ),
    ],
  });
}

function render(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'salutation':
      return [new Paragraph({ spacing: BODY_LINE, children: [new TextRun(block.text)] })];
    case 'heading':
      return [
        new Paragraph({
          indent: { firstLine: INDENT },
          spacing: BODY_LINE,
          keepNext: true,
          children: [new TextRun({ text: block.text, font: HEADING_FONT })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: INDENT },
          spacing: BODY_LINE,
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'caption':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...BODY_LINE, before: 120 },
          keepNext: true,
          children: [new TextRun({ text: block.text, font: HEADING_FONT, size: SIZE.table })],
        }),
      ];
    case 'table':
      return [tableOf(block)];
    case 'signature':
      return block.lines.map(
        (text, i) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: INDENT },
            spacing: { ...BODY_LINE, ...(i === 0 ? { before: 560 } : {}) },
            children: [new TextRun(text)],
          }),
      );
  }
}

/** The document as DOCX bytes. */
export async function officialDocx(d: OfficialDocument): Promise<Buffer> {
  const titleSpacing = { line: 700, lineRule: LineRuleType.EXACT };
  const doc = new Document({
    title: d.subtitle ? `${d.title}（${d.subtitle}）` : d.title,
    creator: 'Liaison',
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: { size: { width: A4.width, height: A4.height, orientation: 'portrait' }, margin: MARGIN },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: d.subtitle ? titleSpacing : { ...titleSpacing, after: 560 },
            children: [new TextRun({ text: d.title, font: TITLE_FONT, size: SIZE.title })],
          }),
          ...(d.subtitle
            ? [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  spacing: { ...BODY_LINE, after: 560 },
                  children: [new TextRun({ text: d.subtitle, font: SUBTITLE_FONT })],
                }),
              ]
            : []),
          ...d.blocks.flatMap(render),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
