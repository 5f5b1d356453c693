/**
 * `liaison create-jurisdiction`: the first node of a fresh installation's tree (nobody can sign in
 * before it exists), or further nodes from a script.
 */
import { loadConfigOrExit, type Config } from '../platform/config.ts';
import { jurisdictionByCode } from '../platform/db/lookup.ts';
import { openContext } from '../platform/server.ts';
import { SYSTEM_ACTOR } from '../modules/auth/auth.domain.ts';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../modules/org/org.domain.ts';
import { createJurisdiction, createRootJurisdiction } from '../modules/org/jurisdictions.service.ts';
import type { JurisdictionView } from '../modules/org/jurisdictions.schema.ts';
import { CliError, reportFailure } from './output.ts';

export interface CreateJurisdictionOptions {
  code: string;
  name: string;
  level: string;
  parent?: string;
}

export async function runCreateJurisdiction(
  config: Config,
  opts: CreateJurisdictionOptions,
): Promise<JurisdictionView> {
  const ctx = await openContext(config);
  try {
    if (!(JURISDICTION_LEVELS as readonly string[]).includes(opts.level)) {
      throw new CliError(`--level must be one of ${JURISDICTION_LEVELS.join(', ')}`);
    }
    const level = opts.level as JurisdictionLevel;
    if (!opts.parent) return await createRootJurisdiction(ctx, { code: opts.code, name: opts.name, level });
    const parent = await jurisdictionByCode(ctx.database.db, opts.parent);
    if (!parent) throw new CliError(`no jurisdiction with code ${opts.parent}`);
    return await createJurisdiction(ctx, SYSTEM_ACTOR, {
      code: opts.code,
      name: opts.name,
      level,
      parentId: parent.id,
    });
  } finally {
    await ctx.database.destroy();
  }
}

export async function createJurisdictionCommand(opts: CreateJurisdictionOptions): Promise<void> {
  try {
    const created = await runCreateJurisdiction(loadConfigOrExit(), opts);
    console.log(`created ${created.name} (${created.code}, ${created.level}, id ${created.id})`);
  } catch (err) {
    reportFailure(err);
  }
}
