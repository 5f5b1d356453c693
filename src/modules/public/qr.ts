/**
 * The QR codes of 一码通 (seed 004: every 家站点 and every representative has a code people scan).
 * A code carries `${PUBLIC_BASE_URL}/s/<public code>` or `/r/<public code>`: the public code never
 * changes, so a printed poster survives renames, moves and even the station's retirement.
 */
import QRCode from 'qrcode';
import type { Config } from '../../platform/config.ts';

export type QrKind = 's' | 'r';

/** The page a station's ('s') or a representative's ('r') code opens. */
export function publicPageUrl(
  config: Pick<Config, 'publicBaseUrl'>,
  kind: QrKind,
  publicCode: string,
): string {
  return `${config.publicBaseUrl}/${kind}/${encodeURIComponent(publicCode)}`;
}

/**
 * Error correction M (15 %): survives a scuffed poster and keeps the modules large enough to scan
 * from an arm's length on a cheap phone. A quiet zone of 4 modules, as the standard asks.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The code as SVG: crisp at any print size, and small enough to inline in a poster. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg', color: { dark: '#000000', light: '#ffffff' } });
}

/** The code as a PNG of `width` pixels (for chat apps and office documents that take no SVG). */
export function qrPng(text: string, width = 640): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width });
}
