import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, describeEachDialect, type TestEnv } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { receptionDays } from '../../lib/recurrence.ts';
import { isWorkingDay } from '../../lib/working-days.ts';
import { ACTIVITY_STATUSES, PARTICIPANT_STATUSES } from '../activities/activities.domain.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { monthWindow, type DisclosureContent } from '../performance/disclosure.domain.ts';
import type { ScoreRules } from '../performance/performance.domain.ts';
import { seedDemoData, type SeedResult } from './demo.service.ts';
import { addDays, officialCalendar } from './opinions.time.ts';

const HOUR = 3_600_000;
const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);
const beijingTime = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(11, 16);

/** The whole months before `now`'s month since a year before it, computed here on their own. */
function expectedMonths(now: Date): string[] {
  const today = beijingDate(now.toISOString());
  const from = addDays(today, -365);
  const out: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  if (!from.endsWith('-01')) d.setUTCMonth(d.getUTCMonth() + 1);
  for (; d.toISOString().slice(0, 7) < today.slice(0, 7); d.setUTCMonth(d.getUTCMonth() + 1))
    out.push(d.toISOString().slice(0, 7));
  return out;
}

describeEachDialect('the demo’s activities, scores, disclosures and honours, seeded', (env, dialect) => {
  let seeded: SeedResult;
  let app: FastifyInstance;
  const db = () => env().ctx.database.db;

  beforeAll(async () => {
    seeded = await seedDemoData(env().ctx);
    app = await buildTestApp(env().ctx);
  });
  afterAll(async () => {
    await app.close();
  });

  /** The rows a run leaves, in id order — except the check-in codes, random by design. */
  const snapshot = async (e: TestEnv) => {
    const d = e.ctx.database.db;
    return {
      activities: (await d.selectFrom('activity').selectAll().orderBy('id').execute()).map(
        ({ checkin_code: _, ...rest }) => rest,
      ),
      participants: await d
        .selectFrom('activity_participant')
        .selectAll()
        .orderBy('activity_id')
        .orderBy('representative_id')
        .execute(),
      scores: await d.selectFrom('score_entry').selectAll().orderBy('id').execute(),
      disclosures: await d.selectFrom('disclosure').selectAll().orderBy('id').execute(),
      honours: await d.selectFrom('honour').selectAll().orderBy('id').execute(),
      codes: await d.selectFrom('representative').select(['id', 'public_code']).orderBy('id').execute(),
    };
  };

  it('gives the same rows for the same seed and date', async () => {
    const other = await createTestEnv(dialect);
    try {
      const again = await seedDemoData(other.ctx);
      expect(again.counts).toEqual(seeded.counts);
      const [a, b] = [await snapshot(env()), await snapshot(other)];
      expect(a.disclosures.length).toBeGreaterThan(0);
      expect(a.honours.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    } finally {
      await other.cleanup();
    }
  }, 240_000);

  it('holds every activity type, activity status and participant state', async () => {
    const types = await db().selectFrom('activity_type').select('code').execute();
    const used = new Set(
      (await db().selectFrom('activity').select('type_code').distinct().execute()).map((r) => r.type_code),
    );
    expect(types.length).toBeGreaterThan(10);
    for (const t of types) expect(used, t.code).toContain(t.code);
    const statuses = new Set(
      (await db().selectFrom('activity').select('status').distinct().execute()).map((r) => r.status),
    );
    expect([...statuses].sort()).toEqual([...ACTIVITY_STATUSES].sort());
    const p = await db()
      .selectFrom('activity_participant')
      .select(['status', 'attendance', 'checkin_method', 'role'])
      .distinct()
      .execute();
    expect(new Set(p.map((x) => x.status))).toEqual(new Set(PARTICIPANT_STATUSES));
    expect(new Set(p.map((x) => x.attendance))).toEqual(new Set(['present', 'absent', null]));
    expect(new Set(p.map((x) => x.checkin_method))).toEqual(new Set(['qr', 'manual', null]));
    expect(new Set(p.map((x) => x.role))).toEqual(new Set(['host', 'participant']));
  });

  it('holds every station’s reception days where its rule puts them, and only those', async () => {
    const cal = officialCalendar();
    const stations = await db()
      .selectFrom('station')
      .select(['id', 'code', 'reception_rule', 'reception_start', 'reception_end'])
      .execute();
    const days = await db()
      .selectFrom('activity')
      .select(['station_id', 'type_code', 'rule_date', 'starts_at', 'ends_at'])
      .where('rule_date', 'is not', null)
      .execute();
    expect(days.length).toBe(seeded.counts.activities.receptionDays);
    let checked = 0;
    for (const s of stations) {
      const mine = days
        .filter((d) => d.station_id === s.id)
        .sort((a, b) => a.rule_date!.localeCompare(b.rule_date!));
      if (mine.length === 0) continue;
      expect(s.reception_rule, s.code).not.toBeNull();
      const expected = receptionDays(
        s.reception_rule!,
        mine[0]!.rule_date!,
        mine.at(-1)!.rule_date!,
        (d) => isWorkingDay(cal, d),
        'next_working_day',
      );
      expect(
        mine.map((d) => d.rule_date),
        s.code,
      ).toEqual(expected.map((e) => e.ruleDate));
      mine.forEach((d, i) => {
        expect(d.type_code).toBe('reception');
        expect(beijingDate(d.starts_at), `${s.code} ${d.rule_date}`).toBe(expected[i]!.date);
        expect(beijingTime(d.starts_at)).toBe(s.reception_start);
        expect(beijingTime(d.ends_at)).toBe(s.reception_end);
      });
      checked += 1;
    }
    expect(checked).toBe(stations.length);
    expect(days.every((d) => d.station_id !== null)).toBe(true);
  });

  it('traces every score entry to a record of the representative it scores', async () => {
    expect(
      Number(
        (
          await db()
            .selectFrom('score_entry')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(seeded.data.scoreEntries.length);
    const orphans = (type: string) =>
      db()
        .selectFrom('score_entry as e')
        .select((e) => e.fn.countAll().as('n'))
        .where('e.source_type', '=', type);
    const activity = await orphans('activity')
      .leftJoin('activity_participant as p', (j) =>
        j.onRef('p.activity_id', '=', 'e.source_id').onRef('p.representative_id', '=', 'e.representative_id'),
      )
      .where('p.activity_id', 'is', null)
      .executeTakeFirstOrThrow();
    const suggestion = await orphans('suggestion')
      .leftJoin('suggestion_signer as g', (j) =>
        j
          .onRef('g.suggestion_id', '=', 'e.source_id')
          .onRef('g.representative_id', '=', 'e.representative_id'),
      )
      .where('g.suggestion_id', 'is', null)
      .executeTakeFirstOrThrow();
    const opinion = await orphans('opinion')
      .leftJoin('opinion as o', (j) =>
        j.onRef('o.id', '=', 'e.source_id').onRef('o.representative_id', '=', 'e.representative_id'),
      )
      .where('o.id', 'is', null)
      .executeTakeFirstOrThrow();
    expect([Number(activity.n), Number(suggestion.n), Number(opinion.n)]).toEqual([0, 0, 0]);
    const other = await db().selectFrom('score_entry').select('source_type').distinct().execute();
    expect(new Set(other.map((r) => r.source_type))).toEqual(new Set(['activity', 'suggestion', 'opinion']));
  });

  it('publishes every station’s every past month since it opened, and leaves the month under way', async () => {
    const now = env().ctx.clock.now();
    const months = expectedMonths(now);
    expect(months.length).toBe(11);
    const stations = await db().selectFrom('station').select(['id', 'code', 'opened_on']).execute();
    const published = await db()
      .selectFrom('disclosure')
      .select(['kind', 'subject_id', 'month', 'version', 'published_at', 'content'])
      .execute();
    const v1 = new Set(
      published
        .filter((p) => p.kind === 'station' && p.version === 1)
        .map((p) => `${p.subject_id}/${p.month}`),
    );
    let expected = 0;
    for (const s of stations)
      for (const m of months) {
        if (s.opened_on !== null && s.opened_on > monthWindow(m).toIso.slice(0, 10)) continue;
        expected += 1;
        expect(v1.has(`${s.id}/${m}`), `${s.code} ${m}`).toBe(true);
      }
    expect(published.filter((p) => p.kind === 'station' && p.version === 1).length).toBe(expected);
    for (const p of published) {
      expect(months).toContain(p.month);
      // Published after the month, before now; the snapshot says so.
      expect(p.published_at >= monthWindow(p.month).toIso).toBe(true);
      expect(p.published_at < now.toISOString()).toBe(true);
      expect((JSON.parse(p.content) as DisclosureContent).asOf).toBe(p.published_at);
    }
    expect(published.length).toBe(seeded.counts.activities.disclosures);
  });

  it('publishes representatives’ months only for public representatives, found by their code', async () => {
    const reps = await db()
      .selectFrom('disclosure as d')
      .innerJoin('representative as r', 'r.id', 'd.subject_id')
      .select(['r.id', 'r.is_public', 'r.public_code', 'd.month'])
      .where('d.kind', '=', 'representative')
      .execute();
    expect(reps.length).toBeGreaterThanOrEqual(12 * 11);
    expect(reps.every((r) => r.is_public === 1 && r.public_code !== null)).toBe(true);
    const one = reps[0]!;
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/public/disclosures/representatives/${one.public_code}`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ months: string[]; disclosure: { content: DisclosureContent } }>();
    expect(body.months).toEqual(expectedMonths(env().ctx.clock.now()).reverse());
    expect(body.disclosure.content.attendance).toBeDefined();
  });

  it('discloses what the records say (recomputed here from the rows)', async () => {
    // The busiest station-month that was never corrected.
    const rows = await db()
      .selectFrom('disclosure')
      .select(['subject_id', 'month', 'version', 'content'])
      .where('kind', '=', 'station')
      .execute();
    const corrected = new Set(rows.filter((r) => r.version > 1).map((r) => `${r.subject_id}/${r.month}`));
    const pick = rows
      .filter((r) => !corrected.has(`${r.subject_id}/${r.month}`))
      .map((r) => ({ ...r, c: JSON.parse(r.content) as DisclosureContent }))
      .sort((a, b) => b.c.activities.length - a.c.activities.length || a.month.localeCompare(b.month))[0]!;
    const w = monthWindow(pick.month);
    const acts = await db()
      .selectFrom('activity')
      .select(['id', 'title', 'starts_at'])
      .where('station_id', '=', pick.subject_id)
      .where('status', '=', 'planned')
      .where('starts_at', '>=', w.fromIso)
      .where('starts_at', '<', w.toIso)
      .where('ends_at', '<=', w.toIso)
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    expect(acts.length).toBeGreaterThan(0);
    expect(pick.c.activities.map((a) => a.title)).toEqual(acts.map((a) => a.title));
    for (const [i, a] of acts.entries()) {
      const present = await db()
        .selectFrom('activity_participant')
        .select((e) => e.fn.countAll().as('n'))
        .where('activity_id', '=', a.id)
        .where('attendance', '=', 'present')
        .executeTakeFirstOrThrow();
      expect(pick.c.activities[i]!.present, a.title).toBe(Number(present.n));
    }
    const opinions = await db()
      .selectFrom('opinion')
      .select(['submitted_at', 'rated_at', 'last_rating'])
      .where('station_id', '=', pick.subject_id)
      .execute();
    const inMonth = (iso: string | null) => iso !== null && iso >= w.fromIso && iso < w.toIso;
    expect(pick.c.opinions.received).toBe(opinions.filter((o) => inMonth(o.submitted_at)).length);
    const rated = opinions.filter((o) => o.last_rating !== null && inMonth(o.rated_at));
    expect(pick.c.opinions.rated).toBe(rated.length);
    expect(pick.c.opinions.satisfied).toBe(rated.filter((o) => o.last_rating === 'satisfied').length);
  });

  it('corrects a month where an attendance was typed in after it was published', async () => {
    const correction = await db()
      .selectFrom('disclosure')
      .select(['subject_id', 'month'])
      .where('kind', '=', 'station')
      .where('version', '>', 1)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const versions = await db()
      .selectFrom('disclosure')
      .selectAll()
      .where('kind', '=', 'station')
      .where('subject_id', '=', correction.subject_id)
      .where('month', '=', correction.month)
      .orderBy('version')
      .execute();
    expect(versions).toHaveLength(2);
    const [first, second] = [versions[0]!, versions[1]!];
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.correction_note).toBeNull();
    expect(second.correction_note).toMatch(/补登/);
    expect(second.published_at > first.published_at).toBe(true);
    const [a, b] = [
      JSON.parse(first.content) as DisclosureContent,
      JSON.parse(second.content) as DisclosureContent,
    ];
    const present = (c: DisclosureContent) => c.activities.reduce((n, x) => n + x.present, 0);
    expect(present(b)).toBeGreaterThan(present(a));
    expect(b.activities.map((x) => x.title)).toEqual(a.activities.map((x) => x.title));
    // The public page shows the correction by default, the first version on request.
    const code = (
      await db()
        .selectFrom('station')
        .select('public_code')
        .where('id', '=', first.subject_id)
        .executeTakeFirstOrThrow()
    ).public_code;
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/public/disclosures/stations/${code}?month=${first.month}`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ disclosure: { version: number; correctionNote: string; versions: unknown[] } }>();
    expect(body.disclosure.version).toBe(2);
    expect(body.disclosure.correctionNote).toBe(second.correction_note);
    expect(body.disclosure.versions).toHaveLength(2);
    expect((await verifyAuditChain(env().ctx)).ok).toBe(true);
  });

  it('gives last year’s 履职之星 to the top of each ranking, with the score and a citation', async () => {
    const honours = await db()
      .selectFrom('honour as h')
      .innerJoin('app_user as u', 'u.id', 'h.awarded_by_user_id')
      .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
      .select([
        'h.congress_id',
        'h.year',
        'h.title',
        'h.representative_id',
        'h.rule_set_id',
        'h.score_centi',
        'h.citation',
        'ur.role',
      ])
      .execute();
    const year = Number(beijingDate(env().ctx.clock.now().toISOString()).slice(0, 4)) - 1;
    expect(honours.length).toBe(seeded.counts.activities.honours);
    expect(new Set(honours.map((h) => h.congress_id)).size).toBe(4);
    for (const h of honours) {
      expect(h.year).toBe(year);
      expect(h.title).toBe('履职之星');
      expect(h.role).toBe('congress_staff');
      expect(h.citation).toMatch(/排名第\d+/);
    }
    for (const congressId of new Set(honours.map((h) => h.congress_id))) {
      const mine = honours.filter((h) => h.congress_id === congressId);
      const set = await db()
        .selectFrom('performance_rule_set')
        .select(['id', 'rules'])
        .where('id', '=', mine[0]!.rule_set_id)
        .executeTakeFirstOrThrow();
      const caps = (JSON.parse(set.rules) as ScoreRules).caps;
      const entries = await db()
        .selectFrom('score_entry')
        .select(['representative_id', 'category', 'points_centi'])
        .where('rule_set_id', '=', set.id)
        .execute();
      const parts = new Map<number, Record<string, number>>();
      for (const e of entries) {
        const p = parts.get(e.representative_id) ?? {};
        p[e.category] = (p[e.category] ?? 0) + e.points_centi;
        parts.set(e.representative_id, p);
      }
      const totals = [...parts].map(([id, p]) => ({
        id,
        total: Object.entries(p).reduce(
          (n, [k, v]) => n + Math.max(0, Math.min(v, Math.round(caps[k as keyof typeof caps] * 100))),
          0,
        ),
      }));
      totals.sort((a, b) => b.total - a.total || a.id - b.id);
      const top = totals.slice(0, mine.length);
      expect(new Set(mine.map((h) => h.representative_id))).toEqual(new Set(top.map((t) => t.id)));
      for (const h of mine)
        expect(h.score_centi).toBe(totals.find((t) => t.id === h.representative_id)!.total);
    }
    const res = await app.inject({ method: 'GET', url: `/api/v1/public/honours?year=${year}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ groups: { awards: unknown[]; method: string[] }[] }>();
    expect(body.groups.reduce((n, g) => n + g.awards.length, 0)).toBe(honours.length);
    expect(body.groups.every((g) => g.method.length > 0)).toBe(true);
  });
});
