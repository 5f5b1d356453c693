/**
 * Photos that come with an opinion: base64 from the browser, checked BY CONTENT (the file's own
 * signature, read by `file-type`), never by the name or the type the client claims. Only the
 * formats phones take pictures in are kept; everything is checked before anything is written.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { invalid, type FieldError } from '../../platform/http/errors.ts';

export const PHOTO_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;

export interface PhotoUpload {
  name?: string | undefined;
  dataBase64: string;
}

export interface CheckedPhoto {
  fileName: string | null;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A data URL's head ("data:image/png;base64,"), which some browsers' readers add. */
const DATA_URL_HEAD = /^data:[\w.+-]+\/[\w.+-]+;base64,/;

const problem = (path: string, rule: string, zh: string, en: string): FieldError => ({
  path,
  rule,
  message: { zh, en },
});

async function checkOne(
  photo: PhotoUpload,
  path: string,
  maxBytes: number,
): Promise<CheckedPhoto | FieldError> {
  const text = photo.dataBase64.replace(DATA_URL_HEAD, '');
  const maxMiB = (maxBytes / 1_048_576).toFixed(maxBytes % 1_048_576 === 0 ? 0 : 1);
  // Refuse by the encoded length first, so an oversized upload is never decoded.
  if (Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0) > maxBytes) {
    return problem(path, 'maxSize', `照片不能超过 ${maxMiB} MB`, `A photo may be at most ${maxMiB} MB`);
  }
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    return problem(path, 'base64', '照片数据无法读取（不是有效的 base64）', 'The photo is not valid base64');
  }
  const data = Buffer.from(text, 'base64');
  const type = await fileTypeFromBuffer(data);
  if (!type || !(PHOTO_MIME_TYPES as readonly string[]).includes(type.mime)) {
    return problem(
      path,
      'fileType',
      '照片须为 JPEG、PNG、WebP 或 HEIC 格式的图片文件',
      'A photo must be a JPEG, PNG, WebP or HEIC image',
    );
  }
  return {
    fileName: photo.name?.trim() || null,
    mime: type.mime,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
  };
}

/** The photos, decoded and checked; VALIDATION_FAILED naming every photo that is refused. */
export async function checkPhotos(
  photos: readonly PhotoUpload[] | undefined,
  limits: { maxPhotos: number; maxPhotoBytes: number },
): Promise<CheckedPhoto[]> {
  if (!photos || photos.length === 0) return [];
  if (photos.length > limits.maxPhotos) {
    throw invalid([
      problem(
        '/photos',
        'maxItems',
        `最多上传 ${limits.maxPhotos} 张照片`,
        `At most ${limits.maxPhotos} photos may be sent`,
      ),
    ]);
  }
  const checked = await Promise.all(
    photos.map((p, i) => checkOne(p, `/photos/${i}/dataBase64`, limits.maxPhotoBytes)),
  );
  const problems = checked.filter((c): c is FieldError => 'rule' in c);
  if (problems.length > 0) throw invalid(problems);
  return checked as CheckedPhoto[];
}
