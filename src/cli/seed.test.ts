import { afterAll, expect, it } from 'vitest';
import { cliDatabase } from '../../test/support/cli-database.ts';
import { describeEachDialect } from '../../test/support/dialects.ts';
import type { Config } from '../platform/config.ts';
import { createContext } from '../platform/context.ts';
import { openDatabase } from '../platform/db/database.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';
import { CliError } from './output.ts';
import { runSeed } from './seed.ts';

/** Open the configured database and read a few facts about it. */
async function inspect(config: Config) {
  const database = openDatabase(config.database);
  try {
    const db = database.db;
    const reps = await db.selectFrom('representative').select(['name']).orderBy('code').execute();
    const seeds = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'demo.seed')
      .execute();
    const chain = await verifyAuditChain(createContext(config, database));
    return { names: reps.map((r) => r.name), seeds: seeds.map((s) => s.entity_id), chainOk: chain.ok };
  } finally {
    await database.destroy();
  }
}

describeEachDialect('liaison seed', (_env, dialect) => {
  const target = cliDatabase(dialect);
  afterAll(() => target.cleanup());

  it('loads the demo into an empty database', async () => {
    const result = await runSeed(target.config, {});
    expect(result.counts.representatives).toBeGreaterThan(500);
    const facts = await inspect(target.config);
    expect(facts.names).toHaveLength(result.counts.representatives);
    expect(facts.seeds).toEqual(['qingjiang']);
    expect(facts.chainOk).toBe(true);
  });

  it('refuses a database that holds an organisation, and --reset without --yes', async () => {
    const before = await inspect(target.config);
    await expect(runSeed(target.config, {})).rejects.toBeInstanceOf(CliError);
    await expect(runSeed(target.config, { reset: true })).rejects.toThrow(/--yes/);
    expect(await inspect(target.config)).toEqual(before);
  });

  it('erases everything with --reset --yes and loads again', async () => {
    const before = await inspect(target.config);
    const lines: string[] = [];
    await runSeed(target.config, { reset: true, yes: true, seed: 'another-city' }, (l) => lines.push(l));
    const after = await inspect(target.config);
    expect(lines.join('\n')).toMatch(dialect === 'sqlite' ? /erased/ : /dropped/);
    // A fresh database: one seeding in its audit log, with other people in it.
    expect(after.seeds).toEqual(['another-city']);
    expect(after.chainOk).toBe(true);
    expect(after.names).not.toEqual(before.names);
  });
});
