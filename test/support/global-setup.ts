/**
 * Runs once before the suites: says which database engines the integration tests will use. In CI
 * (CI=true) PostgreSQL is required, so a missing server fails the run instead of skipping.
 */
import { probePostgres, PG_TEST_URL } from './postgres-probe.ts';

export default async function setup(): Promise<void> {
  const pg = await probePostgres();
  if (pg.ok) {
    console.log(`[liaison tests] engines: sqlite, postgres (${PG_TEST_URL})`);
  } else if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required in CI but unreachable at ${PG_TEST_URL}: ${pg.reason}`);
  } else {
    console.log(
      `[liaison tests] PostgreSQL suites SKIPPED: ${PG_TEST_URL} unreachable (${pg.reason}). Set PG_TEST_URL or start PostgreSQL.`,
    );
  }
}
