/**
 * The integration suites run once per database engine (as kysely's own tests do). Each suite gets
 * a fresh, migrated database: an in-memory SQLite file, or a PostgreSQL schema of its own that is
 * dropped afterwards, so suites can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createContext, type AppContext } from '../../src/platform/context.ts';
import { openDatabase, type DialectName } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { PG_TEST_URL, probePostgres } from './postgres-probe.ts';

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

const pgProbe = await probePostgres();
const REQUIRE_ALL = process.env.CI === 'true';

export function dialectAvailable(dialect: DialectName): boolean {
  if (dialect === 'sqlite') return true;
  if (!pgProbe.ok && REQUIRE_ALL) throw new Error(`PostgreSQL required in CI: ${pgProbe.reason}`);
  return pgProbe.ok;
}

/** Settings for tests: cheap password hashing, silent logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    ...overrides,
  });
}

export const TEST_START = new Date('2026-03-02T01:00:00.000Z');

export interface TestEnv {
  dialect: DialectName;
  ctx: AppContext;
  clock: FixedClock;
  cleanup(): Promise<void>;
}

/** A migrated, empty database on the given engine, wrapped in an application context. */
export async function createTestEnv(
  dialect: DialectName,
  overrides: Record<string, string> = {},
  sqliteFile = ':memory:',
): Promise<TestEnv> {
  const config = testConfig(overrides);
  const clock = new FixedClock(TEST_START);
  if (dialect === 'sqlite') {
    const database = openDatabase({ kind: 'sqlite', file: sqliteFile });
    await migrateToLatest(database);
    return {
      dialect,
      ctx: createContext({ ...config, database: { kind: 'sqlite', file: sqliteFile } }, database, clock),
      clock,
      cleanup: () => database.destroy(),
    };
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const dbConfig = { kind: 'postgres' as const, url: PG_TEST_URL, schema, poolSize: 4 };
  const database = openDatabase(dbConfig);
  await migrateToLatest(database);
  return {
    dialect,
    ctx: createContext({ ...config, database: dbConfig }, database, clock),
    clock,
    async cleanup() {
      await database.destroy();
      const client = new pg.Client({ connectionString: PG_TEST_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

/**
 * `describe` once per engine, named "<title> [<engine>]". An unreachable PostgreSQL skips its suite
 * with a printed reason, except in CI (CI=true), where it fails the run.
 */
export function describeDialects(title: string, body: (dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) {
    const available = dialectAvailable(dialect);
    if (!available) {
      console.log(
        `[liaison tests] skipping "${title} [${dialect}]": PostgreSQL unreachable (${pgProbe.ok ? '' : pgProbe.reason})`,
      );
    }
    describe.skipIf(!available)(`${title} [${dialect}]`, () => body(dialect));
  }
}

/**
 * `describe` once per available engine. The suite body receives a getter for its environment,
 * created before the suite's first test and destroyed after its last.
 */
export function describeEachDialect(
  title: string,
  body: (env: () => TestEnv, dialect: DialectName) => void,
  /** Settings for this suite (environment variables, as loadConfig reads them). */
  overrides: Record<string, string> = {},
): void {
  describeDialects(title, (dialect) => {
    let env: TestEnv | undefined;
    beforeAll(async () => {
      env = await createTestEnv(dialect, overrides);
    });
    afterAll(async () => {
      await env?.cleanup();
    });
    body(() => {
      if (!env) throw new Error('test environment not ready');
      return env;
    }, dialect);
  });
}
