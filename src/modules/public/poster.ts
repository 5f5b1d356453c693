/**
 * The A4 poster hung at a station (一码通): the station's name large, when representatives receive
 * people, who they are, and the QR code with its address printed under it. One self-contained HTML
 * page (inline CSS and SVG, no fonts or scripts to fetch) that a liaison officer opens and prints.
 */
import type { Bilingual } from '../../platform/http/errors.ts';
import {
  CONGRESS_LEVEL_LABELS,
  STATION_TIER_LABELS,
  type CongressLevel,
  type StationTier,
} from '../org/org.domain.ts';

export interface PosterInput {
  name: string;
  tier: StationTier;
  jurisdictionName: string;
  address: string | null;
  receptionText: Bilingual | null;
  /** 'YYYY-MM-DD', soonest first. */
  nextReceptions: string[];
  representatives: { name: string; levels: CongressLevel[] }[];
  /** The QR code as an SVG document (qr.ts). */
  qrSvg: string;
  url: string;
  /** Whether the station is retired (the poster then says so instead of inviting people in). */
  retired: boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '2026-03-17' → '3月17日（星期二）'. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${m}月${d}日（星期${WEEKDAYS[weekday]}）`;
}

/** A roster longer than this is printed in smaller type, in three columns. */
const LONG_ROSTER = 12;
/** More than this and the poster lists the first ones and says how many more (A4 has one page). */
const MAX_ON_POSTER = 30;

function levelsText(levels: readonly CongressLevel[]): string {
  return levels.map((l) => CONGRESS_LEVEL_LABELS[l].zh).join('、');
}

function rosterHtml(reps: PosterInput['representatives']): string {
  if (reps.length === 0) return '';
  const shown = reps.slice(0, MAX_ON_POSTER);
  const more = reps.length - shown.length;
  const cls = reps.length > LONG_ROSTER ? 'roster long' : 'roster';
  const items = shown
    .map(
      (r) =>
        `<li><span class="rep-name">${escapeHtml(r.name)}</span>${
          r.levels.length ? `<span class="rep-level">${escapeHtml(levelsText(r.levels))}</span>` : ''
        }</li>`,
    )
    .join('');
  return `<section class="block">
    <h2>进站人大代表</h2>
    <ul class="${cls}">${items}</ul>
    ${more > 0 ? `<p class="more">另有 ${more} 名代表，扫码查看全部</p>` : ''}
  </section>`;
}

/** '每月第三个星期二 9:00–11:00' with the hours kept on one line. */
function ruleHtml(text: string): string {
  const m = /^(.*\S)\s+(\d{1,2}:\d{2}–\d{1,2}:\d{2})$/.exec(text);
  return m ? `${escapeHtml(m[1]!)} <span class="nowrap">${escapeHtml(m[2]!)}</span>` : escapeHtml(text);
}

function scheduleHtml(p: PosterInput): string {
  if (p.retired) {
    return `<section class="block notice"><h2>本站点已撤销</h2><p>请扫码查看接替本站点的代表联络站。</p></section>`;
  }
  const rule = p.receptionText
    ? `<p class="rule">${ruleHtml(p.receptionText.zh)}</p>`
    : `<p class="rule">接待时间另行通知</p>`;
  const dates = p.nextReceptions.length
    ? `<p class="dates">近期接待日：${p.nextReceptions
        .map((d) => `<span class="nowrap">${escapeHtml(chineseDate(d))}</span>`)
        .join('、')}</p>`
    : '';
  return `<section class="block"><h2>代表接待时间</h2>${rule}${dates}</section>`;
}

const STEPS = `<section class="block">
        <h2>怎样反映意见</h2>
        <ol class="steps">
          <li>用手机微信或相机扫左侧二维码</li>
          <li>写下您的意见建议，可拍照，可不留姓名</li>
          <li>记下查询码，随时查看办理进度</li>
        </ol>
      </section>`;

export function renderPoster(p: PosterInput): string {
  const tier = STATION_TIER_LABELS[p.tier].zh;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.name)} · 二维码海报</title>
<style>
  @page { size: A4; margin: 0; }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; background: #e8e8e8; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1a1a1a; }
  .sheet { width: 210mm; height: 297mm; margin: 8mm auto; background: #fff; padding: 14mm 16mm 12mm; display: flex; flex-direction: column; overflow: hidden; position: relative; }
  .band { background: #a8071a; color: #fff; margin: -14mm -16mm 8mm; padding: 7mm 16mm 6mm; }
  .band .kicker { font-size: 15pt; letter-spacing: 0.3em; opacity: 0.92; }
  .band h1 { margin: 2mm 0 0; font-size: ${p.name.length > 14 ? 30 : 38}pt; line-height: 1.2; font-weight: 800; letter-spacing: 0.04em; }
  .meta { font-size: 14pt; color: #333; margin: 0 0 5mm; line-height: 1.6; }
  .meta b { color: #a8071a; font-weight: 700; }
  .main { display: flex; gap: 10mm; align-items: flex-start; }
  .qr { flex: 0 0 82mm; text-align: center; border: 1.2mm solid #a8071a; border-radius: 4mm; padding: 4mm 3mm 3mm; }
  .qr svg { width: 74mm; height: 74mm; display: block; margin: 0 auto; }
  .qr .cta { font-size: 15pt; font-weight: 800; color: #a8071a; margin-top: 2mm; white-space: nowrap; }
  .qr .url { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 9pt; color: #333; overflow-wrap: anywhere; margin-top: 1.5mm; }
  .nowrap { white-space: nowrap; }
  .side { flex: 1; min-width: 0; }
  .block { margin-bottom: 6mm; }
  .main + .block { margin-top: 7mm; }
  .block h2 { font-size: 15pt; margin: 0 0 2mm; padding-left: 3mm; border-left: 2mm solid #a8071a; line-height: 1.2; }
  .rule { font-size: 20pt; font-weight: 700; margin: 0 0 2mm; line-height: 1.35; }
  .dates { font-size: 13pt; margin: 0; line-height: 1.6; color: #333; }
  .steps { font-size: 13pt; line-height: 1.7; margin: 0; padding-left: 6mm; }
  .notice { background: #fff1f0; border: 0.6mm solid #a8071a; padding: 3mm 4mm; border-radius: 2mm; }
  .notice h2 { border: 0; padding: 0; color: #a8071a; }
  .roster { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm 4mm; }
  .roster li { border-bottom: 0.3mm solid #ddd; padding-bottom: 1.5mm; }
  .rep-name { display: block; font-size: 17pt; font-weight: 700; letter-spacing: 0.08em; }
  .rep-level { display: block; font-size: 9.5pt; color: #555; line-height: 1.3; }
  .roster.long { grid-template-columns: repeat(6, 1fr); gap: 1.5mm 3mm; }
  .roster.long .rep-name { font-size: 13pt; }
  .roster.long .rep-level { font-size: 8pt; }
  .more { font-size: 11pt; color: #555; margin: 2mm 0 0; }
  .privacy { margin-top: auto; font-size: 11pt; color: #444; line-height: 1.6; border-top: 0.4mm solid #ccc; padding-top: 3mm; }
  .privacy b { color: #1a1a1a; }
  .toolbar { text-align: center; margin: 6mm 0 0; }
  .toolbar button { font-size: 16px; padding: 10px 28px; background: #a8071a; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
  @media print {
    html, body { background: #fff; }
    .sheet { margin: 0; box-shadow: none; }
    .toolbar { display: none; }
  }
</style>
</head>
<body>
<div class="toolbar"><button type="button" onclick="window.print()">打印海报（A4）</button></div>
<article class="sheet">
  <header class="band">
    <div class="kicker">人大代表${escapeHtml(tier)} · 一码通</div>
    <h1>${escapeHtml(p.name)}</h1>
  </header>
  <p class="meta"><b>${escapeHtml(p.jurisdictionName)}</b>${
    p.address ? `\u3000地址：${escapeHtml(p.address)}` : ''
  }</p>
  <div class="main">
    <div class="qr">
      ${p.qrSvg}
      <div class="cta">扫码联系人大代表 · 一码通</div>
      <div class="url">${escapeHtml(p.url)}</div>
    </div>
    <div class="side">
      ${scheduleHtml(p)}
      ${p.retired ? '' : STEPS}
    </div>
  </div>
  ${rosterHtml(p.representatives)}
  <footer class="privacy">
    <b>个人信息保护：</b>您的手机号将加密保存，仅用于告知办理情况；工作人员只能看到隐藏中间四位的号码。是否公开您的意见和答复由您决定，公开时会去掉姓名、电话、地址等个人信息。
  </footer>
</article>
</body>
</html>
`;
}
