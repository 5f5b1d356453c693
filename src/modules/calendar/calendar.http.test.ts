import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, Client, signIn } from '../../../test/support/http.ts';
import { auditRows, countRows, expectStatus } from '../../../test/support/org-fixtures.ts';
import type { AppContext } from '../../platform/context.ts';

interface Year {
  year: number;
  source: 'official' | 'admin' | 'none';
  holidays: string[];
  workdays: string[];
  note: string | null;
  updatedAt: string | null;
}

interface Deadline {
  from: string;
  workingDays: number;
  due: string;
  dueDate: string;
  provisional: boolean;
  unknownYears: number[];
  notice: { zh: string; en: string } | null;
}

async function calendarRows(ctx: AppContext): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('calendar_year')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDialect('working-day calendar API', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let admin: Client;
  let staff: Client;
  let leader: Client;

  const years = async (client: Client) =>
    (await expectStatus<{ items: Year[] }>(client.get('/api/v1/calendar/years'), 200)).items;
  const deadline = (client: Client, query: string) =>
    expectStatus<Deadline>(client.get(`/api/v1/calendar/deadline?${query}`), 200);

  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    admin = await signIn(app, org.users.sysAdmin);
    staff = await signIn(app, org.users.staffA);
    leader = await signIn(app, org.users.leader);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists last year to two years ahead: the published years official, the others not known', async () => {
    const list = await years(staff);
    expect(list.map((y) => [y.year, y.source])).toEqual([
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'none'],
      [2028, 'none'],
    ]);
    const y2026 = list[1]!;
    expect(y2026.holidays).toContain('2026-10-01');
    expect(y2026.holidays).toContain('2026-02-17');
    expect(y2026.workdays).toContain('2026-10-10');
    expect(list[2]).toEqual({
      year: 2027,
      source: 'none',
      holidays: [],
      workdays: [],
      note: null,
      updatedAt: null,
    });
  });

  it('counts deadlines on the official calendar: the National Day week is skipped, its make-up Saturday counted', async () => {
    const d = await deadline(leader, 'from=2026-09-30T02:00:00Z&workingDays=3');
    expect(d).toMatchObject({
      from: '2026-09-30T02:00:00.000Z',
      workingDays: 3,
      dueDate: '2026-10-10',
      due: '2026-10-10T15:59:59.999Z',
      provisional: false,
      unknownYears: [],
      notice: null,
    });
    // A date alone counts from that day in Beijing.
    expect((await deadline(leader, 'from=2026-09-30&workingDays=1')).dueDate).toBe('2026-10-08');
    // Without `from`, from now (2026-03-02, a Monday).
    expect((await deadline(leader, 'workingDays=2')).dueDate).toBe('2026-03-04');
  });

  it('says a deadline in a year with no known calendar is provisional, counted Monday to Friday', async () => {
    const d = await deadline(staff, 'from=2026-12-31T02:00:00Z&workingDays=1');
    expect(d).toMatchObject({ dueDate: '2027-01-01', provisional: true, unknownYears: [2027] });
    expect(d.notice?.zh).toBe('2027年节假日安排尚未发布，按周一至周五推算');
    expect(d.notice?.en).toContain('2027');
  });

  it('lets the system administrator load 2027: its New Year holiday moves the deadline, which is no longer provisional', async () => {
    const { ctx } = env();
    const saved = await expectStatus<Year>(
      admin.put('/api/v1/calendar/years/2027', {
        holidays: ['2027-01-01', '2027-02-06', '2027-02-05'],
        workdays: ['2027-02-07'],
        note: '国务院办公厅通知（2026年11月）',
      }),
      200,
    );
    expect(saved).toMatchObject({
      year: 2027,
      source: 'admin',
      holidays: ['2027-01-01', '2027-02-05', '2027-02-06'],
      workdays: ['2027-02-07'],
      note: '国务院办公厅通知（2026年11月）',
      updatedAt: ctx.clock.now().toISOString(),
    });
    const d = await deadline(staff, 'from=2026-12-31T02:00:00Z&workingDays=1');
    expect(d).toMatchObject({ dueDate: '2027-01-04', provisional: false, unknownYears: [], notice: null });
    // Thursday 2027-02-04 + 2 working days: Friday 5th is a holiday, Sunday 7th is worked, then Monday.
    expect((await deadline(staff, 'from=2027-02-04&workingDays=2')).dueDate).toBe('2027-02-08');
    expect((await years(staff)).find((y) => y.year === 2027)?.source).toBe('admin');

    const [audit] = await auditRows(ctx, 'calendar.save');
    expect(audit).toMatchObject({
      actor_user_id: org.users.sysAdmin.id,
      entity_type: 'calendar_year',
      entity_id: '2027',
      success: 1,
      detail: { holidays: 3, workdays: 1 },
    });
  });

  it('overrides an official year and resets it to the official arrangement', async () => {
    const { ctx } = env();
    // A local extra holiday on Thursday 2026-10-08.
    const official = (await years(staff)).find((y) => y.year === 2026)!;
    await expectStatus(
      admin.put('/api/v1/calendar/years/2026', {
        holidays: [...official.holidays, '2026-10-08'],
        workdays: official.workdays,
      }),
      200,
    );
    expect((await deadline(staff, 'from=2026-09-30&workingDays=1')).dueDate).toBe('2026-10-09');
    expect((await years(staff)).find((y) => y.year === 2026)?.source).toBe('admin');

    expect(await expectStatus(admin.delete('/api/v1/calendar/years/2026'), 200)).toEqual({ ok: true });
    expect((await deadline(staff, 'from=2026-09-30&workingDays=1')).dueDate).toBe('2026-10-08');
    expect((await years(staff)).find((y) => y.year === 2026)?.source).toBe('official');
    const [audit] = await auditRows(ctx, 'calendar.reset');
    expect(audit).toMatchObject({ actor_user_id: org.users.sysAdmin.id, entity_id: '2026' });

    // Nothing left to reset: not found, and no audit row for it.
    const before = await countRows(ctx, 'audit_log');
    const again = await admin.delete('/api/v1/calendar/years/2026');
    expect(again.statusCode).toBe(404);
    expect(await countRows(ctx, 'audit_log')).toBe(before);
  });

  it.each([
    ['a date outside the year', { holidays: ['2026-12-31'], workdays: [] }, '/holidays/0', 'year'],
    [
      'a day both holiday and working day',
      { holidays: ['2028-01-03'], workdays: ['2028-01-03'] },
      '/workdays',
      'overlap',
    ],
    ['an impossible date', { holidays: ['2028-02-30'], workdays: [] }, '/holidays/0', null],
    ['a month that does not exist', { holidays: [], workdays: ['2028-13-01'] }, '/workdays/0', null],
    ['not a date at all', { holidays: ['元旦'], workdays: [] }, '/holidays/0', null],
    ['an unknown field', { holidays: [], workdays: [], extra: 1 }, null, null],
    ['a missing list', { holidays: [] }, null, null],
  ] as const)('refuses %s and writes nothing', async (_what, body, path, rule) => {
    const { ctx } = env();
    const [rows, audits] = [await calendarRows(ctx), await countRows(ctx, 'audit_log')];
    const res = await admin.put('/api/v1/calendar/years/2028', body);
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json() as { code: string; errors: { path: string; rule: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    if (path) expect(problem.errors.map((e) => e.path)).toContain(path);
    if (rule) expect(problem.errors.map((e) => e.rule)).toContain(rule);
    expect(await calendarRows(ctx)).toBe(rows);
    expect(await countRows(ctx, 'audit_log')).toBe(audits);
    expect((await years(staff)).find((y) => y.year === 2028)?.source).toBe('none');
  });

  it('refuses a year out of range and bad deadline questions', async () => {
    expect((await admin.put('/api/v1/calendar/years/1999', { holidays: [], workdays: [] })).statusCode).toBe(
      400,
    );
    for (const query of [
      'workingDays=-1',
      'workingDays=251',
      'from=2026-09-30',
      'from=yesterday&workingDays=1',
      'from=2027-02-30&workingDays=1',
      'from=2026-09-30T25:00:00Z&workingDays=1',
    ]) {
      const res = await staff.get(`/api/v1/calendar/deadline?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code, query).toBe('VALIDATION_FAILED');
    }
  });

  it('lets only the calendar’s administrator change it; everyone signed in may read it', async () => {
    const { ctx } = env();
    const rows = await calendarRows(ctx);
    for (const client of [staff, leader]) {
      expect(
        (await client.put('/api/v1/calendar/years/2028', { holidays: [], workdays: [] })).statusCode,
      ).toBe(403);
      expect((await client.delete('/api/v1/calendar/years/2027')).statusCode).toBe(403);
    }
    expect(await calendarRows(ctx)).toBe(rows);
    const auditor = await signIn(app, org.users.auditAdmin);
    expect((await years(auditor)).length).toBeGreaterThan(0);
    const anonymous = await new Client(app).start();
    expect((await anonymous.get('/api/v1/calendar/years')).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/calendar/deadline?workingDays=1')).statusCode).toBe(401);
  });
});
