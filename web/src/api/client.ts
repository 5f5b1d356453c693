/**
 * The one HTTP client of the console: JSON in and out, the session cookie, the CSRF header on
 * every state-changing call, problem documents (RFC 9457) turned into `ApiError`, and the two
 * redirects the whole app shares (401 → log-in page, 403 PASSWORD_EXPIRED → change password).
 */
import type { ErrorCode, ProblemDocument } from '../../../src/platform/http/errors.ts';

export const API_BASE = '/api/v1';

export type Problem = ProblemDocument;
export type ProblemFieldError = NonNullable<ProblemDocument['errors']>[number];

/** A failed call: the HTTP status and the server's problem document (or one made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.messages?.en ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
  }
  get fieldErrors(): ProblemFieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

type Lang = 'zh-CN' | 'en';

interface ClientState {
  csrfToken: string | null;
  lang: Lang;
  onUnauthenticated: (code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED') => void;
  onPasswordExpired: () => void;
  /** Fetch a fresh CSRF token (GET /auth/me) after the server refused ours. */
  refreshCsrf: (() => Promise<string | null>) | null;
}

const state: ClientState = {
  csrfToken: null,
  lang: 'zh-CN',
  onUnauthenticated: () => undefined,
  onPasswordExpired: () => undefined,
  refreshCsrf: null,
};

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setClientLang(lang: Lang): void {
  state.lang = lang;
}

export function configureClient(
  handlers: Partial<Pick<ClientState, 'onUnauthenticated' | 'onPasswordExpired' | 'refreshCsrf'>>,
): void {
  Object.assign(state, handlers);
}

export type QueryScalar = string | number | boolean | null | undefined;
/** A list is sent as the key repeated (`status=A&status=B`), which the server reads as an array. */
export type QueryValue = QueryScalar | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x&s=1&s=2`, leaving out empty values and empty lists. */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      for (const v of value as readonly (string | number)[]) search.append(key, String(v));
      continue;
    }
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function syntheticProblem(
  status: number,
  zh: string,
  en: string,
  code: ErrorCode | 'NETWORK' = 'INTERNAL',
): Problem {
  return {
    type: 'about:blank',
    title: state.lang === 'en' ? en : zh,
    status,
    detail: state.lang === 'en' ? en : zh,
    code: code as ErrorCode,
    messages: { 'zh-CN': zh, en },
  };
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (body && typeof body === 'object' && typeof body.code === 'string') return body as Problem;
    } catch {
      // fall through to a generic problem
    }
  }
  if (response.status === 404)
    return syntheticProblem(404, '接口不存在或记录未找到', 'Not found', 'NOT_FOUND');
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return syntheticProblem(
      response.status,
      '服务暂时不可用，请稍后再试',
      'The service is unavailable; try again later',
    );
  }
  return syntheticProblem(
    response.status,
    `请求失败（${response.status}）`,
    `Request failed (${response.status})`,
  );
}

interface SendOptions {
  query?: QueryParams;
  body?: unknown;
  /** A multipart body; sent as is (the browser sets the boundary). */
  form?: FormData;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

async function send(method: string, path: string, options: SendOptions, retried = false): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': state.lang,
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method) && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      syntheticProblem(
        0,
        '无法连接服务器，请检查网络',
        'Cannot reach the server; check the network',
        'NETWORK',
      ),
    );
  }
  if (response.ok) return response;
  const problem = await readProblem(response);
  if (problem.code === 'CSRF_INVALID' && !retried && state.refreshCsrf) {
    // The token went stale (e.g. a new session in another tab): fetch a fresh one and try once more.
    const token = await state.refreshCsrf();
    if (token) {
      state.csrfToken = token;
      return send(method, path, options, true);
    }
  }
  // A refused log-in, password change or log-out is answered where it was asked, not by a redirect.
  const isAuthCall =
    path.startsWith('/auth/login') || path.startsWith('/auth/password') || path.startsWith('/auth/logout');
  if ((problem.code === 'UNAUTHENTICATED' || problem.code === 'SESSION_EXPIRED') && !isAuthCall) {
    state.onUnauthenticated(problem.code);
  } else if (problem.code === 'PASSWORD_EXPIRED') {
    state.onPasswordExpired();
  }
  throw new ApiError(response.status, problem);
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: async <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    json<T>(await send('GET', path, { query, signal })),
  post: async <T>(path: string, body?: unknown, query?: QueryParams, headers?: Record<string, string>) =>
    json<T>(await send('POST', path, { body, query, headers })),
  put: async <T>(path: string, body?: unknown) => json<T>(await send('PUT', path, { body })),
  patch: async <T>(path: string, body?: unknown) => json<T>(await send('PATCH', path, { body })),
  delete: async <T>(path: string) => json<T>(await send('DELETE', path, {})),
  /** POST a file as multipart field `file`. */
  upload: async <T>(path: string, file: File, query?: QueryParams) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return json<T>(await send('POST', path, { form, query }));
  },
};

/** The file name from a Content-Disposition header (RFC 6266, with the UTF-8 filename* form first). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** GET a file (export, template) with the session and save it under the server's name. */
export async function download(
  path: string,
  query: QueryParams | undefined,
  fallbackName: string,
): Promise<string> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const name = fileNameOf(response, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
