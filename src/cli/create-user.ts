/** `liaison create-user`: bootstrap accounts (the first administrators) from the command line. */
import { createInterface } from 'node:readline/promises';
import { loadConfigOrExit, type Config } from '../platform/config.ts';
import { openContext } from '../platform/server.ts';
import { createAccount } from '../modules/auth/users.service.ts';
import type { UserView } from '../modules/auth/users.schema.ts';
import { reportFailure } from './output.ts';

/**
 * The password: from --password, else the first line of standard input (so scripts can pipe it
 * in without it showing in the process list), else asked for at the terminal.
 */
async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdin.isTTY ? process.stdout : undefined,
  });
  try {
    if (process.stdin.isTTY) return await rl.question('Password: ');
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}

export interface CreateUserOptions {
  username: string;
  role: string[];
  jurisdiction: string;
  displayName?: string;
  password?: string;
}

export async function runCreateUser(
  config: Config,
  opts: CreateUserOptions,
  password: string,
): Promise<UserView> {
  const ctx = await openContext(config);
  try {
    return await createAccount(ctx, {
      username: opts.username,
      displayName: opts.displayName ?? opts.username,
      password,
      roles: opts.role,
      jurisdictionCode: opts.jurisdiction,
    });
  } finally {
    await ctx.database.destroy();
  }
}

export async function createUserCommand(opts: CreateUserOptions): Promise<void> {
  try {
    const user = await runCreateUser(loadConfigOrExit(), opts, await readPassword(opts.password));
    console.log(
      `created user ${user.username} (id ${user.id}) with roles ${user.roles.join(', ')}; the password must be changed at first sign-in`,
    );
  } catch (err) {
    reportFailure(err);
  }
}
