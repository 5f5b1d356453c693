import { expect, it } from 'vitest';
import { createTestEnv, describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, buildUser } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn } from '../../../test/support/http.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  DEMO_PASSWORD,
  isOrganisationEmpty,
  presentDemoLogins,
  seedDemoData,
  type SeedResult,
} from './demo.service.ts';

type Table =
  | 'jurisdiction'
  | 'congress'
  | 'representative'
  | 'representative_seat'
  | 'rep_group'
  | 'group_member'
  | 'station'
  | 'station_member'
  | 'grid'
  | 'grid_member'
  | 'unit'
  | 'unit_category'
  | 'app_user'
  | 'user_role';

describeEachDialect('demo seeding', (env) => {
  let seeded: SeedResult;
  const db = () => env().ctx.database.db;
  const count = async (table: Table) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('loads the whole demo into an empty database', async () => {
    expect(await isOrganisationEmpty(env().ctx)).toBe(true);
    seeded = await seedDemoData(env().ctx);
    const d = seeded.data;
    expect(await isOrganisationEmpty(env().ctx)).toBe(false);
    expect(await count('jurisdiction')).toBe(d.jurisdictions.length);
    expect(await count('congress')).toBe(d.congresses.length);
    expect(await count('representative')).toBe(d.representatives.length);
    expect(await count('representative_seat')).toBe(d.seats.length);
    expect(await count('rep_group')).toBe(d.groups.length);
    expect(await count('group_member')).toBe(d.groups.reduce((n, g) => n + g.members.length, 0));
    expect(await count('station')).toBe(d.stations.length);
    expect(await count('station_member')).toBe(d.stations.reduce((n, s) => n + s.memberCodes.length, 0));
    expect(await count('grid')).toBe(d.grids.length);
    expect(await count('grid_member')).toBe(d.grids.reduce((n, g) => n + g.memberCodes.length, 0));
    expect(await count('unit')).toBe(d.units.length);
    expect(await count('unit_category')).toBe(d.units.reduce((n, u) => n + u.categories.length, 0));
    expect(await count('app_user')).toBe(d.accounts.length);
    expect(await count('user_role')).toBe(d.accounts.reduce((n, a) => n + a.roles.length, 0));
  });

  it('stores materialised paths that follow the parent links', async () => {
    const rows = await db().selectFrom('jurisdiction').select(['id', 'parent_id', 'path']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      const parentPath = r.parent_id === null ? '/' : byId.get(r.parent_id)!.path;
      expect(r.path).toBe(`${parentPath}${r.id}/`);
    }
  });

  it('links records to the right parents', async () => {
    const station = await db()
      .selectFrom('station as s')
      .innerJoin('station as p', 'p.id', 's.parent_id')
      .innerJoin('app_user as u', 'u.id', 's.liaison_officer_user_id')
      .select(['p.code as parent', 'u.username as officer'])
      .where('s.code', '=', 'ST-ZONE')
      .executeTakeFirstOrThrow();
    expect(station).toEqual({ parent: 'ST-339902', officer: 'officer.zone' });
    const rep = await db()
      .selectFrom('app_user as u')
      .innerJoin('representative as r', 'r.id', 'u.representative_id')
      .select(['r.code'])
      .where('u.username', '=', 'rep.city')
      .executeTakeFirstOrThrow();
    expect(rep.code).toBe(seeded.data.accounts.find((a) => a.username === 'rep.city')!.representativeCode);
  });

  it('encrypts phones as the real code paths do: decryptable, with a matching blind index', async () => {
    const { cipher } = env().ctx;
    const rows = await db()
      .selectFrom('representative')
      .select(['code', 'phone_enc', 'phone_hash'])
      .execute();
    const phones = new Map(seeded.data.representatives.map((r) => [r.code, r.phone]));
    for (const r of rows) {
      expect(r.phone_enc).not.toContain(phones.get(r.code)!);
      expect(cipher.decrypt(r.phone_enc!)).toBe(phones.get(r.code));
      expect(r.phone_hash).toBe(cipher.blindIndex(phones.get(r.code)!));
    }
    const unit = await db()
      .selectFrom('unit')
      .select(['code', 'contact_phone_enc'])
      .where('code', '=', 'U-339900-zjj')
      .executeTakeFirstOrThrow();
    expect(cipher.decrypt(unit.contact_phone_enc!)).toBe(
      seeded.data.units.find((u) => u.code === 'U-339900-zjj')!.contactPhone,
    );
  });

  it('records one demo.seed audit row and keeps the chain intact', async () => {
    const rows = await db().selectFrom('audit_log').selectAll().where('action', '=', 'demo.seed').execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({
      seed: 'qingjiang',
      counts: { representatives: seeded.data.representatives.length },
    });
    expect(rows[0]!.detail).not.toMatch(/1[3-9]\d{9}/);
    expect((await verifyAuditChain(env().ctx)).ok).toBe(true);
  });

  it('lets the demo accounts sign in with the documented password, not expired', async () => {
    const app = await buildTestApp(env().ctx);
    try {
      for (const username of [
        'staff',
        'staff.donghu',
        'officer.hubin',
        'rep.city',
        'unit.zjj',
        'leader',
        'auditadmin',
      ]) {
        const client = await signIn(app, { username, password: DEMO_PASSWORD });
        const me = (await client.get('/api/v1/auth/me')).json() as {
          user: { username: string; passwordExpired: boolean };
        };
        expect(me.user).toMatchObject({ username, passwordExpired: false });
      }
    } finally {
      await app.close();
    }
  });

  it('lets a citizen follow a demo opinion by its tracking code, as printed or as typed', async () => {
    const app = await buildTestApp(env().ctx);
    try {
      const o = seeded.data.opinions.find((x) => x.facts.status === 'AWAITING_FEEDBACK')!;
      const grouped = o.trackingCode.toUpperCase().replace(/^(.{4})(.{4})/, '$1-$2-');
      for (const typed of [o.trackingCode, grouped]) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/public/opinions/${typed}` });
        expect(res.statusCode, typed).toBe(200);
        expect(res.json()).toMatchObject({ trackingCode: o.trackingCode, status: 'AWAITING_FEEDBACK' });
      }
    } finally {
      await app.close();
    }
  });

  it('lists no demo log-ins where the demo was never loaded', async () => {
    const other = await createTestEnv(env().dialect);
    try {
      await buildUser(other.ctx, {
        username: 'leader',
        roles: ['leader'],
        jurisdictionId: (await buildOrgFixture(other.ctx)).city.id,
      });
      expect(await presentDemoLogins(other.ctx)).toEqual([]);
    } finally {
      await other.cleanup();
    }
  });

  it('lists the featured log-ins that exist', async () => {
    const logins = await presentDemoLogins(env().ctx);
    expect(logins.map((l) => l.username)).toEqual(seeded.logins.map((l) => l.username));
    expect(logins.map((l) => l.username)).toContain('staff');
  });

  it('refuses to load the demo a second time, changing nothing', async () => {
    const before = await count('representative');
    await expect(seedDemoData(env().ctx)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'CONFLICT',
    );
    expect(await count('representative')).toBe(before);
    expect((await verifyAuditChain(env().ctx)).ok).toBe(true);
  });
});
