/**
 * 交办 suggestions (GET /opinions/:id/routing): the category guessed from the text, and the units
 * that handle the item's category where it is — the category a person chose when there is one (the
 * citizen on the form, or staff on accepting), the guess only for an item without one. The assign
 * form shows the item's category, so units of another category would contradict it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import {
  as,
  buildLoopWorld,
  opinionIdOf,
  submit,
  type Caller,
  type LoopWorld,
} from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import type { RoutingSuggestion } from './opinions.schema.ts';
import type { Static } from 'typebox';

// The words say housing (小区); in county A only world.unit is registered, for city management and transport.
const CONTENT = '小区门口的路灯坏了一个多月，晚上很黑。';

describeEachDialect('交办 suggestions', (env) => {
  let app: FastifyInstance;
  let world: LoopWorld;
  let staff: Caller;

  const routingOf = async (categoryCode: string | null) => {
    const { trackingCode } = await submit(app, world.station.publicCode, { content: CONTENT, categoryCode });
    const id = await opinionIdOf(env().ctx, trackingCode);
    return expectStatus<Static<typeof RoutingSuggestion>>(staff.get(`/api/v1/opinions/${id}/routing`), 200);
  };

  beforeAll(async () => {
    world = await buildLoopWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    staff = as(app, world.users.staffA);
  });
  afterAll(async () => {
    await app.close();
  });

  it('offers the units of the category the citizen chose, still showing the guess', async () => {
    const s = await routingOf('city_management');
    expect(s.category).toMatchObject({ code: 'housing', words: ['小区'] });
    expect(s.units.map((u) => u.id)).toEqual([world.unit.id]);
  });

  it('offers the units of the guessed category for an item without one', async () => {
    const s = await routingOf(null);
    expect(s.category).toMatchObject({ code: 'housing' });
    expect(s.units).toEqual([]);
  });
});
