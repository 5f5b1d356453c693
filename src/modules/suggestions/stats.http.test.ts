/**
 * The statistics, the XLSX export and the yearly DOCX report over cases driven through HTTP to
 * known end states, checked against figures worked out by hand:
 *
 *   c1 unit U1, housing, 重点督办 — class A, 满意/满意, closed
 *   c2 unit U2, transport        — class A, 满意/满意, closed
 *   c3 unit U1 (+U2), housing    — class B with two commitments (one done), 满意/基本满意 → 基本满意
 *   c4 unit U1, education        — class C, 不满意 → re-handled, class C again, 基本满意/不满意 → escalated
 *   c5 unit U2, housing          — class A replied after its deadline, never evaluated → closed unevaluated
 *   c6 unit U1, housing, 重点督办 — signed, never replied: overdue
 *   c7 no unit, transport        — registered at 01:00 on 1 April, Beijing time (still 31 March in UTC)
 *   and, counted nowhere: a submission not yet screened, one refused, one merged into c1;
 *   in county B one case, assigned to B's unit.
 *
 * By hand (county A, 2026): registered 7, assigned 6, replied 5 (on time 4), A 3 / B 1 / C 1,
 * evaluated 4: 满意 2, 基本满意 1, 不满意 1; unevaluated 1, re-handled 1, key 2, overdue 1,
 * commitments open 1 / done 1. On-time 4/5 = 80%, satisfaction (2 + 0.9)/4 = 72.5%, solved 3/5.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import {
  assignAndSign,
  commitmentDone,
  contactAndReply,
  evaluateCase,
  registerCase,
  submittedCase,
} from '../../../test/support/suggestion-scenarios.ts';
import type { StatsView } from './stats.schema.ts';
import { emptyCounts, STATS_COUNTS, type StatsCounts } from './stats.tally.ts';
import { performAction, systemPerformer } from './steps.service.ts';

type Row = StatsView['rows'][number];

const counts = (c: Partial<StatsCounts>): StatsCounts => ({ ...emptyCounts(), ...c });

/** The sum of the rows' counts, count by count. */
function sumOf(rows: readonly Row[]): StatsCounts {
  const sum = emptyCounts();
  for (const r of rows) for (const k of STATS_COUNTS) sum[k] += r.counts[k];
  return sum;
}

describeEachDialect(
  'suggestion statistics, export and report',
  (env) => {
    let app: FastifyInstance;
    let w: SuggestionWorld;
    let staff: Caller;
    let unitBName = '';
    const ids: Record<string, number> = {};

    const today = () => new Date(env().clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const stats = (c: Caller, query = '') =>
      expectStatus<StatsView>(c.get(`/api/v1/suggestions/stats${query}`), 200);
    const rowsByKey = (v: StatsView) => Object.fromEntries(v.rows.map((r) => [r.key, r]));

    const TOTAL = counts({
      registered: 7,
      assigned: 6,
      replied: 5,
      repliedOnTime: 4,
      classA: 3,
      classB: 1,
      classC: 1,
      evaluated: 4,
      satisfied: 2,
      basicallySatisfied: 1,
      unsatisfied: 1,
      unevaluated: 1,
      rehandled: 1,
      key: 2,
      overdue: 1,
      commitmentsOpen: 1,
      commitmentsDone: 1,
    });
    const U1 = counts({
      registered: 4,
      assigned: 4,
      replied: 3,
      repliedOnTime: 3,
      classA: 1,
      classB: 1,
      classC: 1,
      evaluated: 3,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 1,
      rehandled: 1,
      key: 2,
      overdue: 1,
      commitmentsOpen: 1,
      commitmentsDone: 1,
    });
    const U2 = counts({
      registered: 2,
      assigned: 2,
      replied: 2,
      repliedOnTime: 1,
      classA: 2,
      evaluated: 1,
      satisfied: 1,
      unevaluated: 1,
    });

    beforeAll(async () => {
      w = await buildSuggestionWorld(env().ctx);
      app = await buildTestApp(env().ctx);
      const lead = as(app, w.s.lead);
      staff = as(app, w.users.staffA);
      const u1 = as(app, w.people.unitStaff);
      const u2 = as(app, w.s.coUnitStaff);
      const A = w.congressA.id;

      // Monday 2026-03-02: everything is submitted; c1–c6 registered, assigned and signed.
      ids.c1 = await submittedCase(lead, { congressId: A, title: '关于加快老旧小区加装电梯的建议' });
      ids.c2 = await submittedCase(lead, {
        congressId: A,
        title: '关于优化公交线路的建议',
        categoryCode: 'transport',
      });
      ids.c3 = await submittedCase(lead, { congressId: A, title: '关于改造背街小巷的建议' });
      ids.c4 = await submittedCase(lead, {
        congressId: A,
        title: '关于增加学位供给的建议',
        categoryCode: 'education',
      });
      ids.c5 = await submittedCase(lead, { congressId: A, title: '关于整治小区停车难的建议' });
      ids.c6 = await submittedCase(lead, { congressId: A, title: '关于增设社区养老服务站点的建议' });
      ids.c7 = await submittedCase(lead, {
        congressId: A,
        title: '关于增开夜间公交的建议',
        categoryCode: 'transport',
      });
      ids.pending = await submittedCase(lead, { congressId: A, title: '尚未审查的建议' });
      ids.refused = await submittedCase(lead, { congressId: A, title: '不予立案的建议' });
      ids.merged = await submittedCase(lead, { congressId: A, title: '并案的建议' });
      for (const c of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'merged']) await registerCase(staff, ids[c]!);
      await expectStatus(staff.post(`/api/v1/suggestions/${ids.merged}/merge`, { targetId: ids.c1 }), 200);
      await expectStatus(
        staff.post(`/api/v1/suggestions/${ids.refused}/refuse`, { reason: 'duplicate', note: '与第1号相同' }),
        200,
      );
      await assignAndSign(staff, u1, ids.c1!, { leadUnitId: w.unit.id, keySupervision: true });
      await assignAndSign(staff, u2, ids.c2!, { leadUnitId: w.coUnit.id });
      await assignAndSign(staff, u1, ids.c3!, { leadUnitId: w.unit.id, coUnitIds: [w.coUnit.id] });
      await assignAndSign(staff, u1, ids.c4!, { leadUnitId: w.unit.id });
      await assignAndSign(staff, u2, ids.c5!, { leadUnitId: w.coUnit.id });
      await assignAndSign(staff, u1, ids.c6!, { leadUnitId: w.unit.id, keySupervision: true });

      // Replies on time and evaluations.
      await contactAndReply(u1, ids.c1!, today(), { replyClass: 'A' });
      await evaluateCase(lead, ids.c1!, 'satisfied', 'satisfied');
      await contactAndReply(u2, ids.c2!, today(), { replyClass: 'A' });
      await evaluateCase(lead, ids.c2!, 'satisfied', 'satisfied');
      const c3 = await contactAndReply(u1, ids.c3!, today(), {
        replyClass: 'B',
        commitments: [
          { content: '年内完成主干道改造', dueDate: '2026-12-31' },
          { content: '明年完成支巷改造' },
        ],
      });
      expect((await evaluateCase(lead, ids.c3!, 'satisfied', 'basically_satisfied')).status).toBe('CLOSED');
      await commitmentDone(u1, c3.commitments[0]!.id);
      await contactAndReply(u1, ids.c4!, today(), { replyClass: 'C' });
      expect((await evaluateCase(lead, ids.c4!, 'unsatisfied', 'unsatisfied')).status).toBe('REHANDLING');
      await contactAndReply(u1, ids.c4!, today(), { replyClass: 'C' });
      expect((await evaluateCase(lead, ids.c4!, 'basically_satisfied', 'unsatisfied')).status).toBe(
        'ESCALATED',
      );

      // County B: one case of its own.
      const repB = as(app, w.s.repBUser);
      const staffB = as(app, w.users.staffB);
      ids.b = await submittedCase(repB, { congressId: w.congressB.id, title: '南溪县的建议' });
      await registerCase(staffB, ids.b);
      await expectStatus(staffB.post(`/api/v1/suggestions/${ids.b}/assign`, { leadUnitId: w.unitB.id }), 200);
      unitBName = (
        await env()
          .ctx.database.db.selectFrom('unit')
          .select('name')
          .where('id', '=', w.unitB.id)
          .executeTakeFirstOrThrow()
      ).name;

      // 01:00 on 1 April in Beijing, 17:00 on 31 March in UTC: c7 is registered in April.
      env().clock.set(new Date('2026-03-31T17:00:00.000Z'));
      await registerCase(staff, ids.c7!);

      // 10 June: past the reply deadline (2 June) of c5 and c6; c5 is replied late.
      env().clock.set(new Date('2026-06-10T02:00:00.000Z'));
      await contactAndReply(u2, ids.c5!, today(), { replyClass: 'A' });

      // 15 July: c5's evaluation window has run out; the scheduler closes it unevaluated.
      env().clock.set(new Date('2026-07-15T02:00:00.000Z'));
      await performAction(env().ctx, systemPerformer, ids.c5!, { action: 'expire_evaluation', body: {} });
    }, 120_000);
    afterAll(async () => {
      await app.close();
    });

    describe('GET /suggestions/stats', () => {
      it('counts the year by lead unit (the default), the rows adding up to the total', async () => {
        const v = await stats(staff);
        expect(v.year).toBe(2026);
        expect(v.groupBy).toBe('unit');
        expect(v.total).toEqual({
          key: 'total',
          label: '合计',
          counts: TOTAL,
          rates: { onTime: 0.8, satisfaction: expect.closeTo(0.725, 10), solved: 0.6 },
        });
        expect(v.rows.map((r) => [r.key, r.label])).toEqual([
          [String(w.unit.id), w.unit.name],
          [String(w.coUnit.id), w.coUnit.name],
          ['none', '未交办'],
        ]);
        const rows = rowsByKey(v);
        expect(rows[String(w.unit.id)]!.counts).toEqual(U1);
        expect(rows[String(w.unit.id)]!.rates).toEqual({
          onTime: 1,
          satisfaction: expect.closeTo(1.9 / 3, 10),
          solved: expect.closeTo(1 / 3, 10),
        });
        expect(rows[String(w.coUnit.id)]!.counts).toEqual(U2);
        expect(rows[String(w.coUnit.id)]!.rates).toEqual({ onTime: 0.5, satisfaction: 1, solved: 1 });
        expect(rows.none!.counts).toEqual(counts({ registered: 1 }));
        expect(rows.none!.rates).toEqual({ onTime: null, satisfaction: null, solved: null });
        expect(sumOf(v.rows)).toEqual(v.total.counts);
        // The year asked for explicitly is the default one.
        expect(await stats(staff, '?year=2026&groupBy=unit')).toEqual(v);
      });

      it('groups by category, reply class, congress and Beijing month of registration', async () => {
        const byCategory = await stats(staff, '?groupBy=category');
        expect(byCategory.rows.map((r) => [r.key, r.label, r.counts.registered])).toEqual([
          ['housing', '城乡建设与住房', 4],
          ['transport', '交通出行', 2],
          ['education', '教育', 1],
        ]);
        expect(rowsByKey(byCategory).education!.counts).toEqual(
          counts({
            registered: 1,
            assigned: 1,
            replied: 1,
            repliedOnTime: 1,
            classC: 1,
            evaluated: 1,
            unsatisfied: 1,
            rehandled: 1,
          }),
        );

        const byClass = await stats(staff, '?groupBy=class');
        expect(byClass.rows.map((r) => [r.key, r.counts.registered, r.counts.evaluated])).toEqual([
          ['A', 3, 2],
          ['B', 1, 1],
          ['C', 1, 1],
          ['none', 2, 0],
        ]);
        expect(byClass.rows[3]!.label).toBe('未答复');
        expect(rowsByKey(byClass).A!.counts).toMatchObject({
          satisfied: 2,
          unevaluated: 1,
          repliedOnTime: 2,
        });

        const byCongress = await stats(staff, '?groupBy=congress');
        expect(byCongress.rows.map((r) => [r.key, r.label, r.counts.registered])).toEqual([
          [String(w.congressA.id), '东湖区第十九届人民代表大会', 7],
        ]);

        const byMonth = await stats(staff, '?groupBy=month');
        expect(byMonth.rows.map((r) => [r.key, r.label, r.counts.registered])).toEqual([
          ['2026-03', '2026年3月', 6],
          ['2026-04', '2026年4月', 1],
        ]);

        for (const v of [byCategory, byClass, byCongress, byMonth]) {
          expect(v.total.counts, v.groupBy).toEqual(TOTAL);
          expect(sumOf(v.rows), v.groupBy).toEqual(v.total.counts);
        }
      });

      it('filters by year and congress; a congress outside the jurisdiction is not found', async () => {
        const other = await stats(staff, '?year=2025');
        expect(other.total.counts).toEqual(emptyCounts());
        expect(other.rows).toEqual([]);
        expect((await stats(staff, `?congressId=${w.congressA.id}`)).total.counts).toEqual(TOTAL);
        const b = await staff.get(`/api/v1/suggestions/stats?congressId=${w.congressB.id}`);
        expect(b.statusCode).toBe(404);
        expect(b.json().code).toBe('NOT_FOUND');
        expect((await staff.get('/api/v1/suggestions/stats?groupBy=station')).statusCode).toBe(400);
        expect((await staff.get('/api/v1/suggestions/stats?year=1999')).statusCode).toBe(400);
      });

      it('shows each caller only what they see: county B nothing of A, the city both', async () => {
        const staffB = as(app, w.users.staffB);
        const b = await stats(staffB);
        // Assigned on 2 March and never signed: overdue since 2 June.
        expect(b.total.counts).toEqual(counts({ registered: 1, assigned: 1, overdue: 1 }));
        expect(b.rows.map((r) => r.key)).toEqual([String(w.unitB.id)]);
        for (const groupBy of ['unit', 'category', 'class', 'congress', 'month']) {
          const text = JSON.stringify(await stats(staffB, `?groupBy=${groupBy}`));
          for (const name of [w.unit.name, w.coUnit.name, '东湖区', '教育'])
            expect(text, groupBy).not.toContain(name);
        }
        expect((await staffB.get(`/api/v1/suggestions/stats?congressId=${w.congressA.id}`)).statusCode).toBe(
          404,
        );

        // A county-A leader sees what county A's staff see; the city's staff see both counties.
        expect((await stats(as(app, w.s.leaderA))).total.counts).toEqual(TOTAL);
        const city = await stats(as(app, w.users.cityStaff), '?groupBy=congress');
        expect(city.rows.map((r) => [r.label, r.counts.registered])).toEqual([
          ['东湖区第十九届人民代表大会', 7],
          ['南溪县第十九届人民代表大会', 1],
        ]);
        expect(city.total.counts.registered).toBe(8);
      });

      it('refuses anonymous callers (401) and callers without suggestions.report (403)', async () => {
        for (const url of [
          '/api/v1/suggestions/stats',
          '/api/v1/suggestions/stats/export',
          '/api/v1/suggestions/report.docx',
        ]) {
          const anonymous = await app.inject({ method: 'GET', url });
          expect(anonymous.statusCode, url).toBe(401);
          for (const user of [w.s.lead, w.people.unitStaff]) {
            const res = await as(app, user).get(url);
            expect(res.statusCode, `${url} ${user.username}`).toBe(403);
            expect(res.json().code).toBe('FORBIDDEN');
          }
        }
      });
    });

    describe('GET /suggestions/stats/export', () => {
      async function sheetOf(res: LightMyRequestResponse) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0]!;
        const rows: unknown[][] = [];
        sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        return { sheet, rows };
      }

      it('gives the same rows as the JSON, with a 合计 row and rates as percentages', async () => {
        const res = await staff.get('/api/v1/suggestions/stats/export?year=2026');
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        expect(res.headers['content-disposition']).toContain(
          `filename*=UTF-8''${encodeURIComponent('代表建议办理统计-2026.xlsx')}`,
        );
        const { sheet, rows } = await sheetOf(res);
        expect(rows[0]).toEqual([
          '主办单位',
          '立案件数',
          '已交办',
          '已答复',
          '按时答复',
          'A类',
          'B类',
          'C类',
          '已评价',
          '满意',
          '基本满意',
          '不满意',
          '逾期未评价',
          '重新办理',
          '重点督办',
          '超期未答复',
          '承诺事项落实中',
          '承诺事项已兑现',
          '按时答复率',
          '满意率',
          '解决率',
        ]);
        expect(rows).toHaveLength(5);
        const line = (label: string, c: StatsCounts, rates: (number | undefined)[]) => [
          label,
          ...STATS_COUNTS.map((k) => c[k]),
          ...rates,
        ];
        expect(rows[1]).toEqual(line(w.unit.name, U1, [1, 0.633, 0.333]));
        expect(rows[2]).toEqual(line(w.coUnit.name, U2, [0.5, 1, 1]));
        // Empty cells at the end of a row are not stored.
        expect(rows[3]).toEqual(line('未交办', counts({ registered: 1 }), []));
        expect(rows[4]).toEqual(line('合计', TOTAL, [0.8, 0.725, 0.6]));
        for (const col of [19, 20, 21]) expect(sheet.getRow(5).getCell(col).numFmt).toBe('0.0%');
        expect(sheet.getRow(5).font?.bold).toBe(true);
      });

      it('follows the grouping, and shows county B only its own case', async () => {
        const { rows } = await sheetOf(await staff.get('/api/v1/suggestions/stats/export?groupBy=month'));
        expect(rows.map((r) => [r[0], r[1]])).toEqual([
          ['立案月份', '立案件数'],
          ['2026年3月', 6],
          ['2026年4月', 1],
          ['合计', 7],
        ]);
        const b = await sheetOf(await as(app, w.users.staffB).get('/api/v1/suggestions/stats/export'));
        expect(b.rows.map((r) => [r[0], r[1]])).toEqual([
          ['主办单位', '立案件数'],
          [unitBName, 1],
          ['合计', 1],
        ]);
      });
    });

    describe('GET /suggestions/report.docx', () => {
      async function textOf(res: LightMyRequestResponse): Promise<string> {
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
      }
      /** A table row as mammoth reads it: one paragraph per cell. */
      const tableRow = (cells: (string | number)[]) => cells.map((c) => `${c}\n\n`).join('');

      it('states the year’s figures, tables by unit and class, the key cases and the commitments', async () => {
        const res = await staff.get('/api/v1/suggestions/report.docx?year=2026');
        expect(res.headers['content-type']).toBe(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        );
        expect(res.headers['content-disposition']).toContain(
          `filename*=UTF-8''${encodeURIComponent('2026年代表建议办理情况报告.docx')}`,
        );
        const text = await textOf(res);
        expect(text.startsWith('关于2026年东湖区代表建议办理情况的报告')).toBe(true);
        for (const phrase of [
          '2026年，东湖区共立案代表建议7件。',
          '截至2026年7月15日，已交办6件，尚有1件待交办；',
          '已答复5件，其中按时答复4件，按时答复率80.0%。',
          'A类（已解决或基本解决）3件，占60.0%；',
          'B类（正在解决或列入计划解决）1件，占20.0%；',
          'C类（因条件限制留作参考）1件，占20.0%。',
          '代表对办理工作作出评价的4件中，满意2件、基本满意1件、不满意1件，满意率72.5%；',
          '另有1件代表逾期未评价，未计入满意率。',
          '因代表不满意进行二次办理（重新办理）的1件；列为重点督办的2件。',
          '目前超过答复期限尚未答复的1件。',
          '承办单位共作出承诺事项2项，已兑现1项，正在落实1项。',
          `尚在落实的承诺事项分布为：${w.unit.name}1项`,
          '本年度确定重点督办建议2件',
        ]) {
          expect(text).toContain(phrase);
        }
        // By lead unit: the same figures as the JSON's rows.
        expect(text).toContain(tableRow([w.unit.name, 4, 3, '100.0%', 1, 1, 1, '63.3%']));
        expect(text).toContain(tableRow([w.coUnit.name, 2, 2, '50.0%', 2, 0, 0, '100.0%']));
        expect(text).toContain(tableRow(['未交办', 1, 0, '—', 0, 0, 0, '—']));
        expect(text).toContain(tableRow(['合计', 7, 5, '80.0%', 3, 1, 1, '72.5%']));
        // By class.
        expect(text).toContain(tableRow(['A类（已解决或基本解决）', 3, '60.0%', 2, 2, 0, 0, '100.0%']));
        expect(text).toContain(tableRow(['C类（因条件限制留作参考）', 1, '20.0%', 1, 0, 0, 1, '0.0%']));
        expect(text).toContain(tableRow(['未答复', 2, '—', 0, 0, 0, 0, '—']));
        // The key cases, by case number: c1 (第1号) closed, c6 (第6号) in progress.
        expect(text).toContain(
          tableRow(['第1号', '关于加快老旧小区加装电梯的建议', '李代表', w.unit.name, '已办结']),
        );
        expect(text).toContain(
          tableRow(['第6号', '关于增设社区养老服务站点的建议', '李代表', w.unit.name, '办理中']),
        );
        expect(text.indexOf('第1号')).toBeLessThan(text.indexOf('第6号'));
        expect(text).not.toContain('南溪县');
      });

      it('agrees with the JSON figures row by row', async () => {
        const [v, text] = await Promise.all([
          stats(staff),
          staff.get('/api/v1/suggestions/report.docx').then(textOf),
        ]);
        const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
        for (const r of [...v.rows, v.total]) {
          const c = r.counts;
          expect(text).toContain(
            tableRow([
              r.label,
              c.registered,
              c.replied,
              pct(r.rates.onTime),
              c.classA,
              c.classB,
              c.classC,
              pct(r.rates.satisfaction),
            ]),
          );
        }
      });

      it('names the congress asked for; county B reports on its own case only', async () => {
        const congress = await textOf(
          await staff.get(`/api/v1/suggestions/report.docx?congressId=${w.congressA.id}`),
        );
        expect(congress.startsWith('关于2026年东湖区第十九届人民代表大会代表建议办理情况的报告')).toBe(true);
        expect(congress).toContain('2026年，东湖区第十九届人民代表大会代表提出的建议经审查立案7件。');

        const b = as(app, w.users.staffB);
        const text = await textOf(await b.get('/api/v1/suggestions/report.docx'));
        expect(text.startsWith('关于2026年南溪县代表建议办理情况的报告')).toBe(true);
        expect(text).toContain('2026年，南溪县共立案代表建议1件。');
        expect(text).toContain('已全部交办；尚无答复。');
        expect(text).toContain('本年度未确定重点督办建议。');
        for (const name of [w.unit.name, w.coUnit.name, '东湖区', '李代表']) expect(text).not.toContain(name);
        expect((await b.get(`/api/v1/suggestions/report.docx?congressId=${w.congressA.id}`)).statusCode).toBe(
          404,
        );
      });

      it('audits every export and every report, with what was asked', async () => {
        const audited = (action: string) =>
          env()
            .ctx.database.db.selectFrom('audit_log')
            .select(['actor_user_id', 'detail'])
            .where('action', '=', action)
            .orderBy('seq')
            .execute();
        const exportsBefore = (await audited('suggestion.stats_export')).length;
        const reportsBefore = (await audited('suggestion.report')).length;
        await staff.get('/api/v1/suggestions/stats/export?groupBy=class');
        await staff.get(`/api/v1/suggestions/report.docx?congressId=${w.congressA.id}`);
        // Reading the statistics is not an export.
        await stats(staff);
        const exports = await audited('suggestion.stats_export');
        const reports = await audited('suggestion.report');
        expect(exports).toHaveLength(exportsBefore + 1);
        expect(reports).toHaveLength(reportsBefore + 1);
        expect(exports.at(-1)!.actor_user_id).toBe(w.users.staffA.id);
        expect(JSON.parse(exports.at(-1)!.detail)).toMatchObject({ year: 2026, groupBy: 'class' });
        expect(JSON.parse(reports.at(-1)!.detail)).toMatchObject({
          year: 2026,
          congressId: w.congressA.id,
          registered: 7,
        });
      });
    });
  },
  { PASSWORD_MAX_AGE_DAYS: '0' },
);
