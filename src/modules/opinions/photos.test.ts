import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { JPEG_TINY, PNG_1x1 } from '../../../test/support/opinion-fixtures.ts';
import { checkPhotos } from './photos.ts';

const limits = { maxPhotos: 3, maxPhotoBytes: 1024 };
const b64 = (b: Buffer) => b.toString('base64');

async function problems(photos: { name?: string; dataBase64: string }[], l = limits) {
  try {
    await checkPhotos(photos, l);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).errors.map((e) => `${e.path} ${e.rule}`);
  }
}

describe('photos are checked by content', () => {
  it('keeps PNG and JPEG (also as data URLs), typed by their signature', async () => {
    const checked = await checkPhotos(
      [
        { name: ' a.png ', dataBase64: b64(PNG_1x1) },
        { dataBase64: `data:image/png;base64,${b64(JPEG_TINY)}` },
      ],
      limits,
    );
    expect(checked.map((p) => [p.fileName, p.mime, p.size])).toEqual([
      ['a.png', 'image/png', PNG_1x1.length],
      [null, 'image/jpeg', JPEG_TINY.length],
    ]);
    expect(checked[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses what is not an image whatever its name, and what is not base64', async () => {
    expect(await problems([{ name: 'x.jpg', dataBase64: b64(Buffer.from('GIF89a? no, text')) }])).toEqual([
      '/photos/0/dataBase64 fileType',
    ]);
    expect(await problems([{ dataBase64: b64(Buffer.from('%PDF-1.4 fake')) }])).toEqual([
      '/photos/0/dataBase64 fileType',
    ]);
    expect(await problems([{ dataBase64: 'not base64!' }])).toEqual(['/photos/0/dataBase64 base64']);
  });

  it('refuses a photo over the size limit without decoding it, and too many photos', async () => {
    const big = Buffer.concat([PNG_1x1, Buffer.alloc(2000)]);
    expect(await problems([{ dataBase64: b64(PNG_1x1) }, { dataBase64: b64(big) }])).toEqual([
      '/photos/1/dataBase64 maxSize',
    ]);
    const png = { dataBase64: b64(PNG_1x1) };
    expect(await problems([png, png], { ...limits, maxPhotos: 1 })).toEqual(['/photos maxItems']);
  });

  it('accepts no photos', async () => {
    expect(await checkPhotos(undefined, limits)).toEqual([]);
  });
});
