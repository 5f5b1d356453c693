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
program.name('liaison').description('Liaison (联络) — people\'s congress liaison platform').showHelpAfterError();

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

program
  .command('create-user')
  .description('create an account (e.g. the first administrators)')
  .requiredOption('--username <name>', 'user name')
  .requiredOption('--role <role...>', 'role(s): sys_admin security_admin audit_admin congress_staff …')
  .requiredOption('--jurisdiction <code>', 'jurisdiction code (行政区划代码)')
  .option('--display-name <name>', 'name shown in the app')
  .option('--password <password>', 'initial password (otherwise read from LIAISON_PASSWORD or prompted)')
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

await program.parseAsync(process.argv);
