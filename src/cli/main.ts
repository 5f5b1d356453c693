/**
 * The `liaison` command line: `npx liaison <command>` or `npm run cli -- <command>`.
 * Each command opens the configured database (migrating it first) and closes it when done.
 */
import { Command } from 'commander';
import { loadConfigOrExit } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateDown, migrateToLatest } from '../platform/db/migrator.ts';
import { openContext, startServer } from '../platform/server.ts';
import { createUserCommand } from './create-user.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';

const program = new Command();
program
  .name('liaison')
  .description("Liaison (联络) — people's congress liaison platform")
  .showHelpAfterError();

program
  .command('migrate')
  .description('bring the database schema up to date (or undo the newest migration with --down)')
  .option('--down', 'undo the newest migration')
  .action(async (opts: { down?: boolean }) => {
    const config = loadConfigOrExit();
    const database = openDatabase(config.database);
    try {
      const applied = opts.down ? await migrateDown(database) : await migrateToLatest(database);
      console.log(applied.length ? applied.join('\n') : 'schema is up to date');
    } finally {
      await database.destroy();
    }
  });

program
  .command('serve')
  .description('serve the web app and API (migrates first)')
  .action(async () => {
    const ctx = await openContext(loadConfigOrExit());
    const server = await startServer(ctx);
    console.log(`Liaison is running at ${server.url}`);
  });

// ── start, seed, backup, restore (demo data and operations) ──────────────────
program
  .command('start')
  .description(
    'what `npm start` runs: build the web app if needed, migrate, load the demo data into an empty database, serve',
  )
  .action(async () => {
    const { startCommand } = await import('./start.ts');
    await startCommand();
  });

program
  .command('seed')
  .description('load the demo organisation of 清江市 into an empty database')
  .option(
    '--reset',
    'erase the database first (SQLite: delete the file; PostgreSQL: drop the tables); needs --yes',
  )
  .option('--yes', 'confirm --reset (nothing is asked interactively)')
  .option('--seed <text>', 'seed of the generator (default qingjiang): the same seed gives the same data')
  .action(async (opts: { reset?: boolean; yes?: boolean; seed?: string }) => {
    const { seedCommand } = await import('./seed.ts');
    await seedCommand(opts);
  });

program
  .command('backup')
  .description('back up the database while the server runs (SQLite: file copy; PostgreSQL: logical dump)')
  .argument('<file>', 'where to write the backup')
  .option(
    '--format <format>',
    'sqlite (SQLite only) or logical (gzipped JSON lines, restorable into either engine)',
  )
  .action(async (file: string, opts: { format?: string }) => {
    const { backupCommand } = await import('./backup.ts');
    await backupCommand(file, opts);
  });

program
  .command('restore')
  .description('restore a backup into an empty database (stop the server first)')
  .argument('<file>', 'a backup written by `liaison backup`')
  .option('--yes', 'replace the data the target already holds')
  .action(async (file: string, opts: { yes?: boolean }) => {
    const { restoreCommand } = await import('./restore.ts');
    await restoreCommand(file, opts);
  });
// ── end of start, seed, backup, restore ──────────────────────────────────────

program
  .command('jobs')
  .description('run every scheduled job once (deadlines, outbox, session purge) and print what each did')
  .option('--once', 'run each job once and exit (for cron; the server runs them itself when SCHEDULER=true)')
  .action(async (opts: { once?: boolean }) => {
    const { jobsCommand } = await import('./jobs.ts');
    await jobsCommand(opts);
  });

program
  .command('create-jurisdiction')
  .description(
    'add a jurisdiction: without --parent, a root of the tree (the first step of a fresh installation)',
  )
  .requiredOption('--code <code>', 'administrative division code (行政区划代码)')
  .requiredOption('--name <name>', 'name, e.g. 绍兴市')
  .requiredOption('--level <level>', 'province | city | county | township | village')
  .option('--parent <code>', 'code of the parent jurisdiction')
  .action(async (opts: { code: string; name: string; level: string; parent?: string }) => {
    const { createJurisdictionCommand } = await import('./create-jurisdiction.ts');
    await createJurisdictionCommand(opts);
  });

program
  .command('create-user')
  .description('create an account (e.g. the first administrators)')
  .requiredOption('--username <name>', 'user name')
  .requiredOption('--role <role...>', 'role(s): sys_admin security_admin audit_admin congress_staff …')
  .requiredOption('--jurisdiction <code>', 'jurisdiction code (行政区划代码)')
  .option('--display-name <name>', 'name shown in the app')
  .option(
    '--password <password>',
    'initial password (otherwise the first line of standard input, or asked for)',
  )
  .action(createUserCommand);

program
  .command('audit-verify')
  .description('verify the hash chain of the audit log')
  .action(async () => {
    const ctx = await openContext(loadConfigOrExit());
    try {
      const report = await verifyAuditChain(ctx);
      console.log(JSON.stringify(report));
      if (!report.ok) process.exitCode = 1;
    } finally {
      await ctx.database.destroy();
    }
  });

program
  .command('import')
  .description(
    'bulk import representatives, stations, units or grids from an .xlsx or .csv file (all rows or none)',
  )
  .argument('<kind>', 'representatives | stations | units | grids')
  .argument('<file>', 'the .xlsx or .csv file (columns as in the template)')
  .option('--dry-run', 'check the file and list every problem without importing')
  .option('--jurisdiction <code>', 'import as the office of this jurisdiction: references must lie within it')
  .action(async (kind: string, file: string, opts: { dryRun?: boolean; jurisdiction?: string }) => {
    const { importCommand } = await import('./import.ts');
    await importCommand(kind, file, opts);
  });

await program.parseAsync(process.argv);
