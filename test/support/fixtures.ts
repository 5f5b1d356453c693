/**
 * Builders for test rows, inserted directly (tests may reach under the services to set a scene).
 * `buildOrgFixture` makes the small world most access tests need: a city with two counties.
 */
import type { AppContext } from '../../src/platform/context.ts';
import { hashPassword } from '../../src/modules/auth/auth.service.ts';
import type { Role } from '../../src/modules/auth/auth.domain.ts';

export const TEST_PASSWORD = 'Test@Pass2026';

let counter = 0;
export function uniq(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid}${counter}`;
}

export async function buildJurisdiction(
  ctx: AppContext,
  j: {
    name: string;
    level: 'province' | 'city' | 'county' | 'township' | 'village';
    parentId?: number | null;
    code?: string;
  },
): Promise<{ id: number; path: string; name: string }> {
  const db = ctx.database.db;
  const now = ctx.clock.now().toISOString();
  const parent = j.parentId
    ? await db
        .selectFrom('jurisdiction')
        .select('path')
        .where('id', '=', j.parentId)
        .executeTakeFirstOrThrow()
    : null;
  const row = await db
    .insertInto('jurisdiction')
    .values({
      code: j.code ?? uniq('J'),
      name: j.name,
      level: j.level,
      parent_id: j.parentId ?? null,
      path: 'pending',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${row.id}/`;
  await db.updateTable('jurisdiction').set({ path }).where('id', '=', row.id).execute();
  return { id: row.id, path, name: j.name };
}

let cachedHash: Promise<string> | undefined;

export async function buildUser(
  ctx: AppContext,
  u: {
    username?: string;
    roles: Role[];
    jurisdictionId: number;
    representativeId?: number | null;
    unitId?: number | null;
    password?: string;
    displayName?: string;
  },
): Promise<{ id: number; username: string; password: string }> {
  const db = ctx.database.db;
  const now = ctx.clock.now().toISOString();
  const password = u.password ?? TEST_PASSWORD;
  const passwordHash = u.password
    ? await hashPassword(ctx, u.password)
    : await (cachedHash ??= hashPassword(ctx, TEST_PASSWORD));
  const username = u.username ?? uniq('user');
  const row = await db
    .insertInto('app_user')
    .values({
      username,
      display_name: u.displayName ?? username,
      password_hash: passwordHash,
      jurisdiction_id: u.jurisdictionId,
      representative_id: u.representativeId ?? null,
      unit_id: u.unitId ?? null,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      password_changed_at: now,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_role')
    .values(u.roles.map((role) => ({ user_id: row.id, role })))
    .execute();
  return { id: row.id, username, password };
}

export interface OrgFixture {
  city: { id: number; path: string; name: string };
  countyA: { id: number; path: string; name: string };
  countyB: { id: number; path: string; name: string };
  townA1: { id: number; path: string; name: string };
  townB1: { id: number; path: string; name: string };
  users: {
    cityStaff: { id: number; username: string; password: string };
    staffA: { id: number; username: string; password: string };
    staffB: { id: number; username: string; password: string };
    sysAdmin: { id: number; username: string; password: string };
    securityAdmin: { id: number; username: string; password: string };
    auditAdmin: { id: number; username: string; password: string };
    leader: { id: number; username: string; password: string };
  };
}

/** A city with county A (one township) and county B (one township), and one account per role that tests use. */
export async function buildOrgFixture(ctx: AppContext): Promise<OrgFixture> {
  const city = await buildJurisdiction(ctx, { name: '清江市', level: 'city' });
  const countyA = await buildJurisdiction(ctx, { name: '东湖区', level: 'county', parentId: city.id });
  const countyB = await buildJurisdiction(ctx, { name: '南溪县', level: 'county', parentId: city.id });
  const townA1 = await buildJurisdiction(ctx, { name: '湖滨街道', level: 'township', parentId: countyA.id });
  const townB1 = await buildJurisdiction(ctx, { name: '溪口镇', level: 'township', parentId: countyB.id });
  const users = {
    cityStaff: await buildUser(ctx, { roles: ['congress_staff'], jurisdictionId: city.id }),
    staffA: await buildUser(ctx, { roles: ['congress_staff'], jurisdictionId: countyA.id }),
    staffB: await buildUser(ctx, { roles: ['congress_staff'], jurisdictionId: countyB.id }),
    sysAdmin: await buildUser(ctx, { roles: ['sys_admin'], jurisdictionId: city.id }),
    securityAdmin: await buildUser(ctx, { roles: ['security_admin'], jurisdictionId: city.id }),
    auditAdmin: await buildUser(ctx, { roles: ['audit_admin'], jurisdictionId: city.id }),
    leader: await buildUser(ctx, { roles: ['leader'], jurisdictionId: city.id }),
  };
  return { city, countyA, countyB, townA1, townB1, users };
}
