/**
 * `liaison seed [--reset --yes] [--seed <text>]`: load the demo organisation of 清江市.
 * It never mixes demo rows into real ones: a database that already holds an organisation is
 * refused, unless `--reset --yes` erases it first (the SQLite file is deleted; on PostgreSQL the
 * schema's tables are dropped). Nothing is asked interactively, so it also runs in scripts.
 */
import type { Config } from '../platform/config.ts';
import { loadConfigOrExit } from '../platform/config.ts';
import { wipeDatabase } from '../platform/db/wipe.ts';
import { openContext } from '../platform/server.ts';
import {
  DEFAULT_DEMO_SEED,
  isOrganisationEmpty,
  seedDemoData,
  type SeedResult,
} from '../modules/demo/demo.service.ts';
import type { DemoCounts } from '../modules/demo/demo.generate.ts';
import { CliError, reportFailure } from './output.ts';

export interface SeedOptions {
  reset?: boolean;
  yes?: boolean;
  seed?: string;
}

/** Seed the configured database; returns what was loaded and how long it took. */
export async function runSeed(
  config: Config,
  opts: SeedOptions,
  log: (line: string) => void = () => undefined,
): Promise<SeedResult & { ms: number }> {
  if (opts.reset && !opts.yes) {
    throw new CliError(
      '--reset erases every record in the database. Add --yes to confirm (stop the server first).',
    );
  }
  if (opts.reset) {
    await wipeDatabase(config.database);
    log(
      config.database.kind === 'sqlite'
        ? `erased ${config.database.file}`
        : 'dropped every table of the schema',
    );
  }
  const ctx = await openContext(config);
  try {
    if (!(await isOrganisationEmpty(ctx))) {
      throw new CliError(
        'The database already holds an organisation. Use `liaison seed --reset --yes` to erase it and load the demo data.',
      );
    }
    const started = performance.now();
    const result = await seedDemoData(ctx, { seed: opts.seed ?? DEFAULT_DEMO_SEED });
    return { ...result, ms: Math.round(performance.now() - started) };
  } finally {
    await ctx.database.destroy();
  }
}

/** One line about what the demo holds. */
export function describeCounts(c: DemoCounts): string {
  const seats = Object.values(c.seatsByLevel).reduce((a, b) => a + b, 0);
  const stations = Object.values(c.stationsByTier).reduce((a, b) => a + b, 0);
  const accounts = Object.values(c.accountsByRole).reduce((a, b) => a + b, 0);
  return (
    `${c.representatives} representatives (${seats} seats), ${Object.values(c.jurisdictions).reduce((a, b) => a + b, 0)} jurisdictions, ` +
    `${c.congresses} congresses, ${(c.groups.professional ?? 0) + (c.groups.regional ?? 0)} groups, ${stations} stations, ` +
    `${c.grids} grids, ${c.units} handling units, ${accounts} accounts; ` +
    `${c.opinions.total} opinions, ${c.suggestions.total} suggestions and motions, ` +
    `${c.activities.total} activities (${c.activities.receptionDays} reception days, ` +
    `${c.activities.participations} invitations) and ${c.activities.scoreEntries} score entries over the past year; ` +
    `${c.activities.disclosures} monthly disclosures published (${c.activities.disclosuresByKind.station ?? 0} of stations, ` +
    `${c.activities.disclosuresByKind.representative ?? 0} of representatives, ${c.activities.corrections} corrections) ` +
    `and ${c.activities.honours} honours`
  );
}

export async function seedCommand(opts: SeedOptions): Promise<void> {
  try {
    const result = await runSeed(loadConfigOrExit(), opts, (line) => console.log(line));
    console.log(
      `Loaded the demo data of 清江市 (seed "${result.seed}") in ${(result.ms / 1000).toFixed(1)} s:`,
    );
    console.log(`  ${describeCounts(result.counts)}`);
  } catch (err) {
    reportFailure(err);
  }
}
