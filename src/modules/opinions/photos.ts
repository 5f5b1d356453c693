/**
 * Photos that come with an opinion: base64 from the browser, checked BY CONTENT (the file's own
 * signature, read by `file-type`), never by the name or the type the client claims. Only the
 * formats phones take pictures in are kept; everything is checked before anything is written.
 */
import { invalid, type FieldError } from '../../platform/http/errors.ts';
import { checkUpload, isFieldError, type CheckedFile, type Upload } from '../../lib/uploads.ts';

export const PHOTO_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;

export type PhotoUpload = Upload;
export type CheckedPhoto = CheckedFile;

const problem = (path: string, rule: string, zh: string, en: string): FieldError => ({
  path,
  rule,
  message: { zh, en },
});

const checkOne = (photo: PhotoUpload, path: string, maxBytes: number) =>
  checkUpload(photo, path, {
    maxBytes,
    mimes: PHOTO_MIME_TYPES,
    what: { zh: '照片', en: 'A photo' },
    formats: { zh: ' JPEG、PNG、WebP 或 HEIC 格式的图片', en: 'a JPEG, PNG, WebP or HEIC image' },
  });

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
  const problems = checked.filter(isFieldError);
  if (problems.length > 0) throw invalid(problems);
  return checked as CheckedPhoto[];
}
