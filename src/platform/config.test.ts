import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to SQLite under the data directory and keeps a generated key there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'liaison-config-'));
    const a = loadConfig({ LIAISON_DATA_DIR: dir });
    expect(a.database).toEqual({ kind: 'sqlite', file: path.join(dir, 'liaison.db') });
    expect(a.port).toBe(3000);
    expect(a.secretSource).toBe('file');
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toBe(a.secretKey.toString('hex'));
    const b = loadConfig({ LIAISON_DATA_DIR: dir });
    expect(b.secretKey.equals(a.secretKey)).toBe(true);
  });

  it('reads PostgreSQL settings', () => {
    const c = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://u@h:5432/db',
      DATABASE_POOL_SIZE: '5',
      DATABASE_SCHEMA: 'liaison',
    });
    expect(c.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
      poolSize: 5,
      schema: 'liaison',
    });
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SESSION_IDLE_MINUTES: '0',
        COOKIE_SECURE: 'maybe',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/LIAISON_SECRET is required in production/);
    }
  });

  it('accepts a production configuration with a secret', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      LIAISON_SECRET: 'ab'.repeat(32),
      DATABASE_URL: 'postgresql://db/liaison',
    });
    expect(c.secretSource).toBe('env');
    expect(c.session.cookieSecure).toBe(true);
    expect(c.demoData).toBe(false);
  });

  it('documents every variable it reads in .env.example and the README, and accepts the example as written', () => {
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const read = new Set(
      [...source.matchAll(/env\.([A-Z][A-Z0-9_]+)|env, '([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] ?? m[2]),
    );
    expect(read.size).toBeGreaterThan(20);
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of read) {
      expect(example, `${name} in .env.example`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
      expect(readme, `${name} in README.md`).toContain(`\`${name}\``);
    }
    const set = Object.fromEntries(
      [...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    const dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-example-'));
    expect(() => loadConfig({ ...set, LIAISON_DATA_DIR: dataDir })).not.toThrow();
  });
});
