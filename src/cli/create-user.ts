/** `liaison create-user`: bootstrap accounts (the first administrators) from the command line. */
import { createInterface } from 'node:readline/promises';
import { loadConfigOrExit } from '../platform/config.ts';
import { openContext } from '../platform/server.ts';
import { createAccount } from '../modules/auth/users.service.ts';
import { AppError } from '../platform/http/errors.ts';

async function promptPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password: ');
  } finally {
    rl.close();
  }
}

export async function createUserCommand(opts: {
  username: string;
  role: string[];
  jurisdiction: string;
  displayName?: string;
  password?: string;
}): Promise<void> {
  const config = loadConfigOrExit();
  const ctx = await openContext(config);
  try {
    const password = opts.password ?? process.env.LIAISON_PASSWORD ?? (await promptPassword());
    const user = await createAccount(ctx, {
      username: opts.username,
      displayName: opts.displayName ?? opts.username,
      password,
      roles: opts.role,
      jurisdictionCode: opts.jurisdiction,
    });
    console.log(`created user ${user.username} (id ${user.id}) with roles ${user.roles.join(', ')}`);
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.detailText?.zh ?? err.code}${err.errors.map((e) => `\n  ${e.path}: ${e.message.zh} / ${e.message.en}`).join('')}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  } finally {
    await ctx.database.destroy();
  }
}
