/**
 * HTTP tests through app.inject(): a small client that keeps cookies and sends the CSRF token,
 * as the web app does.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/platform/http/app.ts';
import type { AppContext } from '../../src/platform/context.ts';

export async function buildTestApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = await buildApp(ctx);
  await app.ready();
  return app;
}

export class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = (opts.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...opts, method: method as InjectOptions['method'], headers });
    this.remember(res);
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, ...(headers ? { headers } : {}) });
  }
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({
      method: 'POST',
      url,
      ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
      ...(headers ? { headers } : {}),
    });
  }
  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  /** Fetch a CSRF token as the web app does before signing in. */
  async start(): Promise<this> {
    const res = await this.get('/api/v1/auth/me');
    this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    return this;
  }

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.start();
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.statusCode === 200) this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    return res;
  }
}

/** A client signed in as the given user; fails the test when sign-in does not succeed. */
export async function signIn(
  app: FastifyInstance,
  user: { username: string; password: string },
): Promise<Client> {
  const client = new Client(app);
  const res = await client.login(user.username, user.password);
  if (res.statusCode !== 200)
    throw new Error(`sign-in of ${user.username} failed: ${res.statusCode} ${res.body}`);
  return client;
}
