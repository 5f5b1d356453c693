/**
 * A configuration of the kind the CLI reads (DATABASE_URL, LIAISON_SECRET), on a SQLite file or a
 * PostgreSQL schema of its own, for tests of commands that open the database themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/platform/config.ts';
import type { DialectName } from '../../src/platform/db/database.ts';
import { testConfig } from './dialects.ts';
import { PG_TEST_URL } from './postgres-probe.ts';

export function cliDatabase(
  dialect: DialectName,
  secret = randomBytes(32).toString('hex'),
): { config: Config; cleanup(): Promise<void> } {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'liaison-cli-'));
    return {
      config: testConfig({ LIAISON_SECRET: secret, DATABASE_URL: `sqlite:${path.join(dir, 'liaison.db')}` }),
      cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = `cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    config: testConfig({ LIAISON_SECRET: secret, DATABASE_URL: PG_TEST_URL, DATABASE_SCHEMA: schema }),
    async cleanup() {
      const client = new pg.Client({ connectionString: PG_TEST_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}
