/**
 * One error type for the whole application and its mapping to HTTP problem documents
 * (RFC 9457, application/problem+json) with messages in zh-CN and English.
 */

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'PASSWORD_EXPIRED'
  | 'PASSWORD_POLICY'
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IN_USE'
  | 'INVALID_TRANSITION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IMPORT_INVALID'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A field-level problem: where (a JSON pointer or column name), what rule, and a message in both languages. */
export interface FieldError {
  path: string;
  rule: string;
  message: Bilingual;
}

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  PASSWORD_POLICY: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_EXPIRED: 403,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IN_USE: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const TITLES: Record<ErrorCode, Bilingual> = {
  VALIDATION_FAILED: { zh: '提交的内容不符合要求', en: 'The request is not valid' },
  BAD_REQUEST: { zh: '请求有误', en: 'Bad request' },
  PASSWORD_POLICY: { zh: '密码不符合安全要求', en: 'The password does not meet the policy' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { zh: '登录已超时，请重新登录', en: 'Your session has expired; please sign in again' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: { zh: '账号已被临时锁定', en: 'The account is temporarily locked' },
  ACCOUNT_DISABLED: { zh: '账号已停用', en: 'The account is disabled' },
  PASSWORD_EXPIRED: { zh: '密码已过期，请先修改密码', en: 'Your password has expired; change it first' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF_INVALID: { zh: '页面已过期，请刷新后重试', en: 'The page is out of date; reload and try again' },
  NOT_FOUND: { zh: '未找到该记录', en: 'Not found' },
  CONFLICT: { zh: '与已有记录冲突', en: 'Conflicts with an existing record' },
  IN_USE: { zh: '该记录仍被引用，不能删除', en: 'The record is still in use and cannot be deleted' },
  INVALID_TRANSITION: { zh: '当前状态下不能执行此操作', en: 'Not allowed in the current state' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  IMPORT_INVALID: {
    zh: '导入文件有错误，未导入任何数据',
    en: 'The import file has errors; nothing was imported',
  },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { zh: '系统内部错误，请稍后再试', en: 'Internal error; please try again later' },
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** A specific explanation in both languages; the code's title is used when absent. */
    readonly detailText?: Bilingual,
    readonly errors: FieldError[] = [],
    /** Extra members for the problem document (e.g. lockedUntil). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detailText?.en ?? TITLES[code].en);
    this.status = STATUS[code];
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export type Lang = 'zh-CN' | 'en';

/** zh-CN unless the client clearly prefers English. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  messages: { 'zh-CN': string; en: string };
  errors?: { path: string; rule: string; message: string; messages: { 'zh-CN': string; en: string } }[];
  [extra: string]: unknown;
}

export function toProblem(err: AppError, lang: Lang, instance?: string): ProblemDocument {
  const title = TITLES[err.code];
  const detail = err.detailText ?? title;
  const pick = (b: Bilingual) => (lang === 'en' ? b.en : b.zh);
  return {
    type: `urn:liaison:problem:${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: pick(title),
    status: err.status,
    detail: pick(detail),
    code: err.code,
    ...(instance ? { instance } : {}),
    messages: { 'zh-CN': detail.zh, en: detail.en },
    ...(err.errors.length > 0
      ? {
          errors: err.errors.map((e) => ({
            path: e.path,
            rule: e.rule,
            message: pick(e.message),
            messages: { 'zh-CN': e.message.zh, en: e.message.en },
          })),
        }
      : {}),
    ...err.extra,
  };
}

/** Shorthands for the errors services raise most. */
export const notFound = (what?: Bilingual) => new AppError('NOT_FOUND', what);
export const forbidden = (why?: Bilingual) => new AppError('FORBIDDEN', why);
export const conflict = (why?: Bilingual) => new AppError('CONFLICT', why);
export const invalid = (errors: FieldError[]) => new AppError('VALIDATION_FAILED', undefined, errors);
