import { afterAll, expect, it } from 'vitest';
import { cliDatabase } from '../../test/support/cli-database.ts';
import { describeEachDialect } from '../../test/support/dialects.ts';
import { Client } from '../../test/support/http.ts';
import { buildApp } from '../platform/http/app.ts';
import { openContext } from '../platform/server.ts';
import { AppError } from '../platform/http/errors.ts';
import { runCreateJurisdiction } from './create-jurisdiction.ts';
import { runCreateUser } from './create-user.ts';

/** A fresh production installation: no demo data, so the first jurisdiction and administrators come from the CLI. */
describeEachDialect('bootstrapping an empty installation from the command line', (_env, dialect) => {
  const target = cliDatabase(dialect);
  afterAll(() => target.cleanup());

  it('creates the root, a child, and an administrator who must change the password at first sign-in', async () => {
    const root = await runCreateJurisdiction(target.config, {
      code: '330600',
      name: '绍兴市',
      level: 'city',
    });
    expect(root).toMatchObject({ name: '绍兴市', level: 'city', parentId: null, path: `/${root.id}/` });
    const child = await runCreateJurisdiction(target.config, {
      code: '330602',
      name: '越城区',
      level: 'county',
      parent: '330600',
    });
    expect(child.path).toBe(`/${root.id}/${child.id}/`);
    await expect(
      runCreateJurisdiction(target.config, {
        code: '330603',
        name: '错层',
        level: 'township',
        parent: '330600',
      }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      runCreateUser(
        target.config,
        { username: 'admin', role: ['sys_admin', 'congress_staff'], jurisdiction: '330600' },
        'Boot#2026abc',
      ),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      runCreateUser(
        target.config,
        { username: 'admin', role: ['sys_admin'], jurisdiction: '330600' },
        'weak',
      ),
    ).rejects.toBeInstanceOf(AppError);
    const admin = await runCreateUser(
      target.config,
      { username: 'admin', role: ['sys_admin'], jurisdiction: '330600', displayName: '系统管理员' },
      'Boot#2026abc',
    );
    expect(admin).toMatchObject({
      username: 'admin',
      roles: ['sys_admin'],
      jurisdiction: { name: '绍兴市' },
    });

    const ctx = await openContext(target.config);
    const app = await buildApp(ctx);
    try {
      const client = new Client(app);
      const login = await client.login('admin', 'Boot#2026abc');
      expect(login.statusCode).toBe(200);
      expect(login.json().user.passwordExpired).toBe(true);
      expect(
        (
          await client.post('/api/v1/auth/password', {
            currentPassword: 'Boot#2026abc',
            newPassword: 'Mine#2026xyz',
          })
        ).statusCode,
      ).toBe(200);
      const tree = await client.get('/api/v1/jurisdictions/tree');
      expect(tree.json().nodes.map((n: { name: string }) => n.name)).toEqual(['绍兴市', '越城区']);
    } finally {
      await app.close();
      await ctx.database.destroy();
    }
  });
});
