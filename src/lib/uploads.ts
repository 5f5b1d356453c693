/**
 * Files that come inside a JSON body as base64 (a citizen's photos, a unit's reply document):
 * decoded and checked BY CONTENT (the file's own signature, read by `file-type`), never by the
 * name or the type the client claims; refused by size before anything is decoded.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Bilingual, FieldError } from '../platform/http/errors.ts';

export interface Upload {
  name?: string | undefined;
  dataBase64: string;
}

export interface CheckedFile {
  fileName: string | null;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
}

export interface UploadRule {
  maxBytes: number;
  /** The content types accepted, as `file-type` names them. */
  mimes: readonly string[];
  /** What the file is, for messages: { zh: '照片', en: 'A photo' }. */
  what: Bilingual;
  /** The formats accepted, for messages: { zh: 'JPEG、PNG', en: 'a JPEG or PNG image' }. */
  formats: Bilingual;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A data URL's head ("data:image/png;base64,"), which some browsers' readers add. */
const DATA_URL_HEAD = /^data:[\w.+-]+\/[\w.+-]+;base64,/;

const problem = (path: string, rule: string, zh: string, en: string): FieldError => ({
  path,
  rule,
  message: { zh, en },
});

/** The file decoded and checked, or the field error that says why it is refused. */
export async function checkUpload(
  upload: Upload,
  path: string,
  rule: UploadRule,
): Promise<CheckedFile | FieldError> {
  const text = upload.dataBase64.replace(DATA_URL_HEAD, '').replace(/\s+/g, '');
  const maxMiB = (rule.maxBytes / 1_048_576).toFixed(rule.maxBytes % 1_048_576 === 0 ? 0 : 1);
  if (
    Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0) >
    rule.maxBytes
  ) {
    return problem(
      path,
      'maxSize',
      `${rule.what.zh}不能超过 ${maxMiB} MB`,
      `${rule.what.en} may be at most ${maxMiB} MB`,
    );
  }
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    return problem(
      path,
      'base64',
      `${rule.what.zh}数据无法读取（不是有效的 base64）`,
      `${rule.what.en} is not valid base64`,
    );
  }
  const data = Buffer.from(text, 'base64');
  const type = await fileTypeFromBuffer(data);
  if (!type || !rule.mimes.includes(type.mime)) {
    return problem(
      path,
      'fileType',
      `${rule.what.zh}须为${rule.formats.zh}文件`,
      `${rule.what.en} must be ${rule.formats.en}`,
    );
  }
  return {
    fileName: upload.name?.trim() || null,
    mime: type.mime,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
  };
}

export const isFieldError = (x: CheckedFile | FieldError): x is FieldError => 'rule' in x;
