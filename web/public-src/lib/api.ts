/**
 * The public pages' one HTTP helper: JSON in and out, no cookies, problem documents (RFC 9457)
 * turned into `ApiError` with the Chinese message and the field errors, and network failures
 * (no signal, a timeout) told apart from answers so the page can offer "重试".
 */
import type { ProblemDocument } from '../../../src/platform/http/errors.ts';

export const API = '/api/v1/public';

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  /** 0 when the request never got an answer (no network, timed out). */
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
  get network(): boolean {
    return this.status === 0;
  }
}

const NETWORK_MESSAGE = '网络不畅，没有连上服务器。请检查网络后点“重试”。';

function fromProblem(status: number, body: unknown): ApiError {
  const p = body as Partial<ProblemDocument> | null;
  if (p && typeof p === 'object' && typeof p.code === 'string') {
    return new ApiError(
      status,
      p.code,
      p.messages?.['zh-CN'] ?? p.title ?? '请求未成功',
      (p.errors ?? []).map((e) => ({ path: e.path, message: e.messages['zh-CN'] })),
    );
  }
  if (status === 429) return new ApiError(status, 'RATE_LIMITED', '操作过于频繁，请稍等一分钟再试。');
  if (status >= 500) return new ApiError(status, 'INTERNAL', '服务器暂时出了问题，请稍后再试。');
  return new ApiError(status, 'BAD_REQUEST', '请求未成功，请稍后再试。');
}

async function request<T>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : null,
      credentials: 'omit',
      signal: controller.signal,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  } finally {
    clearTimeout(timer);
  }
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    if (res.ok) throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (!res.ok) throw fromProblem(res.status, parsed);
  return parsed as T;
}

export const getJson = <T>(url: string) => request<T>('GET', url);

/** A POST that may carry photos: a longer wait before it counts as a network failure. */
export const postJson = <T>(url: string, body: unknown, headers?: Record<string, string>) =>
  request<T>('POST', url, body, headers, 90_000);
