import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { publicPageUrl, qrPng, qrSvg } from './qr.ts';

/**
 * Read the dark modules back out of the SVG that `qrcode` draws (one horizontal stroke per run of
 * dark modules, half a module below the top of its row), so a test can compare them with the
 * symbol of the expected text: the same matrix is the same content.
 */
function modulesOfSvg(svg: string): { size: number; dark: Set<string> } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const stroke = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg);
  if (!viewBox || !stroke) throw new Error('not a qrcode SVG');
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, args] of stroke[1]!.matchAll(/([MmHhVv])([^MmHhVv]*)/g)) {
    const n = args!.trim().split(/[ ,]+/).map(Number);
    if (op === 'M') [x, y] = [n[0]!, n[1]!];
    else if (op === 'm') [x, y] = [x + n[0]!, y + n[1]!];
    else if (op === 'h' || op === 'H') {
      const end = op === 'h' ? x + n[0]! : n[0]!;
      for (let c = x; c < end; c++) dark.add(`${Math.floor(y)},${c}`);
      x = end;
    } else throw new Error(`unexpected path operator ${op}`);
  }
  return { size: Number(viewBox[1]), dark };
}

function modulesOf(text: string, margin: number): Set<string> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark = new Set<string>();
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) dark.add(`${r + margin},${c + margin}`);
  return dark;
}

describe('QR codes', () => {
  const url = publicPageUrl({ publicBaseUrl: 'https://rd.example.gov.cn' }, 's', 'ab3k7mq2xp');

  it('point at the public page of the code', () => {
    expect(url).toBe('https://rd.example.gov.cn/s/ab3k7mq2xp');
    expect(publicPageUrl({ publicBaseUrl: 'http://localhost:3000' }, 'r', 'zz9')).toBe(
      'http://localhost:3000/r/zz9',
    );
  });

  it('draw as SVG exactly the symbol of the URL, with a quiet zone of four modules', async () => {
    const svg = await qrSvg(url);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const drawn = modulesOfSvg(svg);
    expect(drawn.size).toBe(QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size + 8);
    expect(drawn.dark).toEqual(modulesOf(url, 4));
    // A different address is a different symbol: the comparison can fail.
    expect(drawn.dark).not.toEqual(modulesOf(url.replace('ab3k', 'ab3m'), 4));
  });

  it('draw as PNG of the requested width', async () => {
    const png = await qrPng(url, 500);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(500);
    expect(png.readUInt32BE(20)).toBe(500);
    expect(png.equals(await qrPng(url, 500))).toBe(true);
  });
});
