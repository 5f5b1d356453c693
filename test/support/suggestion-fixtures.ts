/**
 * The suggestions' test world, built beneath the services on top of the opinion loop's world
 * (buildLoopWorld): a county-level congress for county A with serving representatives (a lead,
 * twelve others, one whose seat has ended, one suspended), units in county A (lead, co-unit) with
 * their staff, a leader, and county B's congress, representative and unit for the access tests.
 */
import type { AppContext } from '../../src/platform/context.ts';
import { NEW_REPRESENTATIVE_DEFAULTS } from '../../src/modules/org/representatives.repo.ts';
import { buildUser } from './fixtures.ts';
import { buildLoopWorld, type LoopWorld } from './opinion-fixtures.ts';
import { uniqueCode } from './org-fixtures.ts';

type User = { id: number; username: string; password: string };

export interface SuggestionWorld extends LoopWorld {
  congressA: { id: number };
  congressB: { id: number };
  /** Serving on congress A: the lead (world.rep, who has an account) and twelve more. */
  members: { id: number }[];
  ended: { id: number };
  suspended: { id: number };
  repB: { id: number };
  coUnit: { id: number; name: string };
  s: {
    lead: User;
    cosigner: User;
    coUnitStaff: User;
    leaderA: User;
    repBUser: User;
  };
}

async function congress(ctx: AppContext, jurisdictionId: number, name: string) {
  const now = ctx.clock.now().toISOString();
  const row = await ctx.database.db
    .insertInto('congress')
    .values({
      code: uniqueCode('C'),
      name,
      level: 'county',
      term_number: 19,
      jurisdiction_id: jurisdictionId,
      term_start: '2021-12-01',
      term_end: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

async function seated(
  ctx: AppContext,
  congressId: number,
  jurisdictionId: number,
  name: string,
  extra: { ended?: boolean; status?: 'active' | 'suspended'; id?: number } = {},
) {
  const now = ctx.clock.now().toISOString();
  const id =
    extra.id ??
    (
      await ctx.database.db
        .insertInto('representative')
        .values({
          ...NEW_REPRESENTATIVE_DEFAULTS,
          status: extra.status ?? 'active',
          code: uniqueCode('R'),
          name,
          gender: 'male',
          jurisdiction_id: jurisdictionId,
          public_code: uniqueCode('P'),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await ctx.database.db
    .insertInto('representative_seat')
    .values({
      representative_id: id,
      congress_id: congressId,
      delegation: null,
      constituency: null,
      elected_on: '2021-11-20',
      ended_on: extra.ended ? '2025-06-30' : null,
    })
    .execute();
  return { id };
}

export async function buildSuggestionWorld(ctx: AppContext): Promise<SuggestionWorld> {
  const w = await buildLoopWorld(ctx);
  const congressA = await congress(ctx, w.countyA.id, '东湖区第十九届人民代表大会');
  const congressB = await congress(ctx, w.countyB.id, '南溪县第十九届人民代表大会');
  await seated(ctx, congressA.id, w.countyA.id, '李代表', { id: w.rep.id });
  await seated(ctx, congressA.id, w.countyA.id, '王代表', { id: w.otherRep.id });
  const members = [{ id: w.otherRep.id }];
  for (let i = 0; i < 11; i++) members.push(await seated(ctx, congressA.id, w.countyA.id, `代表${i + 1}`));
  const ended = await seated(ctx, congressA.id, w.countyA.id, '赵离任', { ended: true });
  const suspended = await seated(ctx, congressA.id, w.countyA.id, '钱暂停', { status: 'suspended' });
  const repB = await seated(ctx, congressB.id, w.countyB.id, '孙南溪');
  const now = ctx.clock.now().toISOString();
  const coUnitRow = await ctx.database.db
    .insertInto('unit')
    .values({
      code: uniqueCode('UN'),
      name: '东湖区财政局',
      short_name: null,
      kind: 'government',
      jurisdiction_id: w.countyA.id,
      parent_id: null,
      contact_name: null,
      contact_phone_enc: null,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    ...w,
    congressA,
    congressB,
    members,
    ended,
    suspended,
    repB,
    coUnit: { id: coUnitRow.id, name: '东湖区财政局' },
    s: {
      lead: w.people.repUser,
      cosigner: w.people.otherRepUser,
      coUnitStaff: await buildUser(ctx, {
        roles: ['unit_staff'],
        jurisdictionId: w.countyA.id,
        unitId: coUnitRow.id,
      }),
      leaderA: await buildUser(ctx, { roles: ['leader'], jurisdictionId: w.countyA.id }),
      repBUser: await buildUser(ctx, {
        roles: ['representative'],
        jurisdictionId: w.countyB.id,
        representativeId: repB.id,
      }),
    },
  };
}
