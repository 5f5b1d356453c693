import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import { runSuggestionDeadlines } from '../suggestions/suggestions.jobs.ts';
import { DEMO_PASSWORD, seedDemoData, type SeedResult } from './demo.service.ts';

type Table =
  | 'suggestion'
  | 'suggestion_signer'
  | 'suggestion_unit'
  | 'suggestion_event'
  | 'suggestion_contact'
  | 'suggestion_reply'
  | 'suggestion_evaluation'
  | 'suggestion_extension'
  | 'suggestion_commitment'
  | 'commitment_progress'
  | 'suggestion_case_counter'
  | 'suggestion_opinion'
  | 'suggestion_alert';

interface Page {
  items: { id: number; status: string; version: number; caseNumber: number | null }[];
  total: number;
}

describeEachDialect('the demo’s suggestions, seeded', (env) => {
  let seeded: SeedResult;
  let app: FastifyInstance;
  const clients = new Map<string, Client>();
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
  const as = async (username: string) => {
    let c = clients.get(username);
    if (!c) clients.set(username, (c = await signIn(app, { username, password: DEMO_PASSWORD })));
    return c;
  };
  const list = async (username: string, query: string) => {
    const res = await (await as(username)).get(`/api/v1/suggestions?${query}&pageSize=100`);
    expect(res.statusCode, `${username} ${query}`).toBe(200);
    return res.json() as Page;
  };

  beforeAll(async () => {
    seeded = await seedDemoData(env().ctx);
    app = await buildTestApp(env().ctx);
  });
  afterAll(async () => {
    await app.close();
  });

  it('inserts every case and every record around it', async () => {
    const s = seeded.data.suggestions;
    const sum = (f: (x: (typeof s)[number]) => number) => s.reduce((n, x) => n + f(x), 0);
    expect(await count('suggestion')).toBe(s.length);
    expect(await count('suggestion_signer')).toBe(sum((x) => x.signers.length));
    expect(await count('suggestion_unit')).toBe(sum((x) => x.units.length));
    expect(await count('suggestion_event')).toBe(sum((x) => x.events.length));
    expect(await count('suggestion_contact')).toBe(sum((x) => x.contacts.length));
    expect(await count('suggestion_reply')).toBe(sum((x) => x.replies.length));
    expect(await count('suggestion_evaluation')).toBe(sum((x) => x.evaluations.length));
    expect(await count('suggestion_extension')).toBe(sum((x) => x.extensions.length));
    expect(await count('suggestion_commitment')).toBe(sum((x) => x.commitments.length));
    expect(await count('commitment_progress')).toBe(
      sum((x) => x.commitments.reduce((n, c) => n + c.progress.length, 0)),
    );
    expect(await count('suggestion_alert')).toBe(sum((x) => x.alerts.length));
    expect(await count('suggestion_opinion')).toBe(sum((x) => x.opinionTrackingCodes.length));
    expect(await count('suggestion_case_counter')).toBe(seeded.data.suggestionCounters.length);
    expect(seeded.counts.suggestions.total).toBe(s.length);
  });

  it('keeps each counter at the last case number given', async () => {
    const rows = await db()
      .selectFrom('suggestion')
      .select(['congress_id', 'session_key', 'kind'])
      .select((eb) => [eb.fn.max('case_number').as('last'), eb.fn.countAll<number>().as('n')])
      .where('case_number', 'is not', null)
      .groupBy(['congress_id', 'session_key', 'kind'])
      .execute();
    const counters = await db().selectFrom('suggestion_case_counter').selectAll().execute();
    expect(rows).toHaveLength(counters.length);
    for (const r of rows) {
      const c = counters.find(
        (x) => x.congress_id === r.congress_id && x.session_key === r.session_key && x.kind === r.kind,
      )!;
      expect(Number(r.last)).toBe(c.last_number);
      expect(Number(r.n)).toBe(c.last_number);
    }
  });

  it('points every converted opinion at its suggestion, and the citizen sees it', async () => {
    const converted = await db()
      .selectFrom('opinion')
      .select(['id', 'tracking_code', 'converted_ref'])
      .where('status', '=', 'CONVERTED')
      .execute();
    expect(converted.length).toBeGreaterThan(10);
    for (const o of converted) {
      const id = Number(/^suggestion:(\d+)$/.exec(o.converted_ref!)![1]);
      const link = await db()
        .selectFrom('suggestion_opinion')
        .selectAll()
        .where('suggestion_id', '=', id)
        .where('opinion_id', '=', o.id)
        .executeTakeFirst();
      expect(link, o.tracking_code).toBeDefined();
    }
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/public/opinions/${converted[0]!.tracking_code}`,
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { suggestion: { title: string } | null }).suggestion).not.toBeNull();
  });

  it('gives each demo account its waiting work through the API', async () => {
    for (const rep of ['rep.city', 'rep.donghu', 'rep.xikou', 'rep.hubin']) {
      expect((await list(rep, 'view=to_evaluate')).total, rep).toBeGreaterThan(0);
      expect((await list(rep, 'view=to_cosign')).total, rep).toBeGreaterThan(0);
      expect((await list(rep, 'view=mine&status=DRAFT')).total, rep).toBeGreaterThanOrEqual(2);
    }
    for (const unit of ['unit.zjj', 'unit.water', 'unit.donghu.zjj']) {
      expect((await list(unit, 'view=unit_inbox')).total, unit).toBeGreaterThanOrEqual(2);
      expect((await list(unit, 'view=unit_handling')).total, unit).toBeGreaterThan(2);
      const res = await (await as(unit)).get('/api/v1/suggestions/commitments?status=open');
      expect(res.statusCode).toBe(200);
      expect((res.json() as { total: number }).total, unit).toBeGreaterThan(0);
    }
    for (const staff of ['staff', 'staff.donghu']) {
      expect((await list(staff, 'view=screening')).total, staff).toBeGreaterThan(0);
      expect((await list(staff, 'view=to_assign')).total, staff).toBeGreaterThan(0);
      const requests = (await list(staff, 'view=requests')).items.map((i) => i.status);
      expect(requests, staff).toContain('RETURN_REQUESTED');
      expect(requests, staff).toContain('EXTENSION_REQUESTED');
    }
    expect((await list('leader', 'view=key')).total).toBeGreaterThan(3);
    // 东湖区's staff see 东湖区's cases (its congress and its streets' assemblies), drafts excepted, and no others.
    const donghu = seeded.data.suggestions.filter(
      (s) => s.jurisdictionCode.startsWith('339902') && s.facts.status !== 'DRAFT',
    );
    expect((await list('staff.donghu', 'view=all')).total).toBe(donghu.length);
  });

  it('leaves the scheduler nothing to do: every alert due was raised, every lapsed evaluation closed', async () => {
    const done = await runSuggestionDeadlines(env().ctx);
    expect(done).toEqual({
      suggestion_reply_due_soon: 0,
      suggestion_reply_overdue: 0,
      suggestion_co_opinion_overdue: 0,
      suggestion_evaluation_due_soon: 0,
      suggestion_evaluation_expired: 0,
    });
  });

  it('lets the engine carry on from the demo’s rows: evaluate, sign, reply, decide, register', async () => {
    const rep = await as('rep.donghu');
    const replied = (await list('rep.donghu', 'view=to_evaluate')).items[0]!;
    const evaluated = await rep.post(`/api/v1/suggestions/${replied.id}/evaluate`, {
      version: replied.version,
      attitude: 'satisfied',
      result: 'satisfied',
    });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    expect((evaluated.json() as { status: string }).status).toBe('CLOSED');

    const unit = await as('unit.donghu.zjj');
    const inbox = (await list('unit.donghu.zjj', 'view=unit_inbox')).items[0]!;
    const signed = await unit.post(`/api/v1/suggestions/${inbox.id}/sign`, { version: inbox.version });
    expect(signed.statusCode, signed.body).toBe(200);

    // A case in progress with a contact already logged can be answered at once.
    const contacted = seeded.data.suggestions.find((s) => s.key === 'show/unit.zjj/contacted')!;
    const id = Number(
      (
        await db()
          .selectFrom('suggestion')
          .select('id')
          .where('created_at', '=', contacted.createdAt)
          .executeTakeFirstOrThrow()
      ).id,
    );
    const answered = await (
      await as('unit.zjj')
    ).post(`/api/v1/suggestions/${id}/reply`, {
      replyClass: 'A',
      documentNumber: '清建函〔2026〕99号',
      signer: '局长',
      body: '经研究，已按建议完成整改。',
    });
    expect(answered.statusCode, answered.body).toBe(200);

    const staff = await as('staff');
    const requests = (await list('staff', 'view=requests')).items;
    const extension = requests.find((i) => i.status === 'EXTENSION_REQUESTED')!;
    const approved = await staff.post(`/api/v1/suggestions/${extension.id}/approve-extension`, {
      version: extension.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as { status: string }).status).toBe('IN_PROGRESS');

    // The next registration takes the number after the counter's last.
    const waiting = (await list('staff', 'view=screening')).items[0]!;
    const registered = await staff.post(`/api/v1/suggestions/${waiting.id}/register`, {
      version: waiting.version,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const row = await db()
      .selectFrom('suggestion')
      .select(['congress_id', 'session_key', 'kind', 'case_number'])
      .where('id', '=', waiting.id)
      .executeTakeFirstOrThrow();
    const numbers = await db()
      .selectFrom('suggestion')
      .select('case_number')
      .where('congress_id', '=', row.congress_id)
      .where('session_key', '=', row.session_key)
      .where('kind', '=', row.kind)
      .where('case_number', 'is not', null)
      .execute();
    expect(row.case_number).toBe(numbers.length);
  });
});
