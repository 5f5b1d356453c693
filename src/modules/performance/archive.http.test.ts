/**
 * A representative's archive through HTTP, on a small world driven as people drive it: staff hold
 * four activities with the representative (one attended, one hosted at the station, one on
 * approved leave, one missed) and plan a fifth; the representative leads a suggestion that is
 * registered, answered (class A) and rated; a citizen's opinion to them is solved and rated 满意.
 * The archive's figures, its timeline and score card agree with those records; the DOCX report
 * (read back with mammoth) and the XLSX (read back with exceljs) carry the same figures and every
 * score line with its record; nobody outside the access rule reads any of it.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, opinionIdOf, publicCall, submit, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import {
  assignAndSign,
  contactAndReply,
  evaluateCase,
  registerCase,
  submittedCase,
} from '../../../test/support/suggestion-scenarios.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import type { ActivityDetail } from '../activities/activities.schema.ts';
import type { ArchiveView } from './archive.schema.ts';
import { DEFAULT_RULES, describeRules } from './performance.domain.ts';

describeEachDialect(
  'the archive (履职档案)',
  (env) => {
    let app: FastifyInstance;
    let w: SuggestionWorld;
    let staff: Caller;
    let lead: Caller;
    let unit: Caller;
    const acts: Record<'research' | 'reception' | 'leave' | 'missed' | 'planned', number> = {
      research: 0,
      reception: 0,
      leave: 0,
      missed: 0,
      planned: 0,
    };
    let suggestionId = 0;
    let opinionId = 0;
    let trackingCode = '';

    const at = (iso: string) => env().clock.set(new Date(iso));
    const url = (suffix = '') =>
      `/api/v1/performance/representatives/${w.rep.id}/archive${suffix}?congressId=${w.congressA.id}&year=2026`;
    const activity = async (body: Record<string, unknown>) =>
      (await expectStatus<ActivityDetail>(staff.post('/api/v1/activities', body), 201)).id;
    const congressActivity = (typeCode: string, title: string, day: string, hours = 2) =>
      activity({
        typeCode,
        title,
        organiser: 'congress',
        organiserId: w.congressA.id,
        startsAt: `${day}T01:00:00.000Z`,
        endsAt: `${day}T${String(1 + hours).padStart(2, '0')}:00:00.000Z`,
        place: '区人大常委会',
        representativeIds: [w.rep.id],
      });

    beforeAll(async () => {
      w = await buildSuggestionWorld(env().ctx);
      app = await buildTestApp(env().ctx);
      staff = as(app, w.users.staffA);
      lead = as(app, w.s.lead);
      unit = as(app, w.people.unitStaff);
      await expectStatus(
        staff.put('/api/v1/performance/rules', {
          congressId: w.congressA.id,
          year: 2026,
          rules: DEFAULT_RULES,
        }),
        200,
      );

      // Monday 2 March 2026, 09:00 in Beijing: the activities are planned.
      acts.research = await congressActivity('research', '老旧小区加装电梯专题调研', '2026-03-03');
      acts.missed = await congressActivity('law_check', '食品安全法执法检查', '2026-03-05', 4);
      acts.leave = await congressActivity('inspection', '河道整治视察', '2026-03-12');
      acts.planned = await congressActivity('training', '代表履职培训', '2026-12-01');
      acts.reception = await activity({
        typeCode: 'reception',
        title: '三月份代表接待日',
        organiser: 'station',
        organiserId: w.station.id,
        startsAt: '2026-03-10T01:00:00.000Z',
        endsAt: '2026-03-10T03:00:00.000Z',
        representativeIds: [w.otherRep.id],
        hostIds: [w.rep.id],
      });
      await expectStatus(
        lead.post(`/api/v1/activities/${acts.leave}/leave`, { reason: '外出参加培训' }),
        200,
      );
      await expectStatus(
        staff.post(`/api/v1/activities/${acts.leave}/participants/${w.rep.id}/leave`, { approve: true }),
        200,
      );

      // A citizen's opinion to the representative, through the station's QR code.
      const receipt = await submit(app, w.station.publicCode, {
        representativeCode: w.rep.publicCode,
        content: '小区门口的路灯坏了一个多月，晚上很黑，希望尽快修好。',
        phone: '13912345678',
      });
      trackingCode = receipt.trackingCode;
      opinionId = await opinionIdOf(env().ctx, trackingCode);
      await expectStatus(
        staff.post(`/api/v1/opinions/${opinionId}/accept`, { categoryCode: 'city_management' }),
        200,
      );
      await expectStatus(staff.post(`/api/v1/opinions/${opinionId}/assign`, { unitId: w.unit.id }), 200);
      await expectStatus(unit.post(`/api/v1/opinions/${opinionId}/sign`, {}), 200);

      // The suggestion, led by the representative.
      suggestionId = await submittedCase(lead, { congressId: w.congressA.id });
      await registerCase(staff, suggestionId);
      await assignAndSign(staff, unit, suggestionId, { leadUnitId: w.unit.id });

      // A fortnight later: attendance is recorded, the unit replies to both, they are rated.
      at('2026-03-13T02:00:00.000Z');
      for (const id of [acts.research, acts.reception])
        await expectStatus(
          staff.post(`/api/v1/activities/${id}/attendance`, {
            representativeId: w.rep.id,
            attendance: 'present',
            reason: '纸质签到补录',
          }),
          200,
        );
      await expectStatus(
        unit.post(`/api/v1/opinions/${opinionId}/reply`, {
          result: 'solved',
          content: '经核查，路灯线路老化，已更换，现已恢复照明。',
        }),
        200,
      );
      const rated = await publicCall(app, {
        url: `/api/v1/public/opinions/${trackingCode}/rating`,
        body: { rating: 'satisfied' },
      });
      expect(rated.statusCode, rated.body).toBe(200);
      await contactAndReply(unit, suggestionId, '2026-03-13', { replyClass: 'A' });
      await evaluateCase(lead, suggestionId, 'satisfied', 'satisfied');
      at('2026-03-20T02:00:00.000Z');
    });
    afterAll(async () => {
      await app.close();
    });

    it('puts every record of the year on the timeline with its outcome and points', async () => {
      const v = await expectStatus<ArchiveView>(lead.get(url()), 200);
      expect(v.representative).toMatchObject({ id: w.rep.id, name: '李代表' });
      expect(v.representative.stations).toEqual([w.station.name]);
      expect(v.congress.id).toBe(w.congressA.id);
      expect(v.yearComplete).toBe(false);

      const activity = (id: number) => v.timeline.find((t) => t.type === 'activity' && t.id === id);
      expect(activity(acts.research)).toMatchObject({ outcome: 'attended', points: 3, category: '调研' });
      // Reception 2 + hosting 1.
      expect(activity(acts.reception)).toMatchObject({
        outcome: 'attended',
        outcomeLabel: '出席（主持）',
        points: 3,
      });
      expect(activity(acts.leave)).toMatchObject({ outcome: 'leave', points: 0 });
      // Four hours unexcused: one half day, one point off.
      expect(activity(acts.missed)).toMatchObject({ outcome: 'absent', points: -1 });
      expect(activity(acts.planned)).toMatchObject({ outcome: 'upcoming', points: 0 });

      const suggestion = v.timeline.find((t) => t.type === 'suggestion')!;
      expect(suggestion).toMatchObject({ id: suggestionId, category: '领衔建议', points: 3 });
      expect(suggestion.suggestion).toMatchObject({
        role: 'lead',
        caseLabel: '第1号',
        replyClass: 'A',
        documentNumber: `东政函〔2026〕${suggestionId}号`,
        leadUnit: w.unit.name,
        evaluation: 'satisfied',
      });
      const opinion = v.timeline.find((t) => t.type === 'opinion')!;
      expect(opinion).toMatchObject({
        id: opinionId,
        title: '群众意见（城市管理）',
        outcomeLabel: '已解决，群众满意',
        points: 30,
      });
      // The timeline runs in time order.
      expect(v.timeline.map((t) => t.at)).toEqual([...v.timeline.map((t) => t.at)].sort());

      expect(v.summary.activities).toMatchObject({
        invited: 5,
        attended: 2,
        hosted: 1,
        leave: 1,
        absent: 1,
        upcoming: 1,
        cancelled: 0,
      });
      expect(v.summary.activities.byType).toEqual([
        { typeCode: 'reception', label: '接待选民', attended: 1, dates: ['2026-03-10'] },
        { typeCode: 'research', label: '调研', attended: 1, dates: ['2026-03-03'] },
      ]);
      expect(v.summary.suggestions).toMatchObject({
        led: 1,
        cosigned: 0,
        replied: 1,
        classA: 1,
        satisfied: 1,
      });
      expect(v.summary.opinions).toMatchObject({
        received: 1,
        replied: 1,
        solved: 1,
        rated: 1,
        satisfied: 1,
        satisfactionRate: 1,
        byCategory: [{ label: '城市管理', count: 1 }],
      });

      // The score: 3 + 3 − 1 = 5 for participation, 3 for the suggestion, 30 for the opinion.
      expect(v.score.total).toBe(38);
      expect(v.score.categories.map((c) => [c.category, c.counted])).toEqual([
        ['participation', 5],
        ['suggestions', 3],
        ['solving', 30],
      ]);
      // Every score line's record is on the timeline; the points per record add up.
      const keys = new Set(v.timeline.map((t) => `${t.type}/${t.id}`));
      for (const l of v.score.lines) expect(keys).toContain(`${l.source.type}/${l.source.id}`);
      expect(v.timeline.reduce((a, t) => a + t.points, 0)).toBe(38);
      // Opinions are named by category: the citizen's words and tracking code stay out.
      expect(JSON.stringify(v)).not.toContain('路灯');
      expect(JSON.stringify(v)).not.toContain(trackingCode);
      expect(v.score.requirements.map((q) => [q.code, q.status])).toEqual([
        ['suggestion', 'met'],
        ['research', 'exempt'],
        ['reception', 'not_yet'],
      ]);
      expect(v.method).toEqual(describeRules(DEFAULT_RULES, expect.any(Object) as Record<string, string>));
      expect(v.method[0]).toContain('履职评价满分100分');

      // Staff of the jurisdiction read the same archive.
      const byStaff = await expectStatus<ArchiveView>(staff.get(url()), 200);
      expect(byStaff.timeline).toEqual(v.timeline);
    });

    it('refuses everyone outside the access rule', async () => {
      for (const who of [w.s.cosigner, w.users.staffB, w.people.unitStaff, w.s.repBUser]) {
        for (const suffix of ['', '.docx', '.xlsx']) {
          const res = await as(app, who).get(url(suffix));
          expect([403, 404], `${who.username} ${suffix}`).toContain(res.statusCode);
        }
      }
      // Bad input names the field.
      const res = await lead.get(`/api/v1/performance/representatives/${w.rep.id}/archive?congressId=x`);
      expect(res.statusCode).toBe(400);
      const extra = await lead.get(`${url()}&evil=1`);
      expect(extra.statusCode).toBe(400);
    });

    it('writes the report to the voters as DOCX, in the first person, from the records', async () => {
      const res: LightMyRequestResponse = await lead.get(url('.docx'));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(String(res.headers['content-disposition'])).toContain(
        encodeURIComponent('李代表-2026年度履职情况报告.docx'),
      );
      const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
      const v = await expectStatus<ArchiveView>(lead.get(url()), 200);
      expect(text).toContain('2026年度履职情况报告');
      expect(text).toContain(`${v.congress.name}代表 李代表`);
      expect(text).toContain('各位选民：');
      expect(text).toContain(`我是${v.congress.name}代表李代表`);
      expect(text).toContain(
        '本年度，我应邀参加各类履职活动5次，实际参加2次，经批准请假1次，缺席1次，尚未举行1次。',
      );
      expect(text).toContain('参加接待选民1次（3月10日）；参加调研1次（3月3日）');
      expect(text).toContain('由我主持的1次');
      expect(text).toContain('我领衔提出建议1件、附议建议0件');
      expect(text).toContain('A类（已解决或基本解决）1件');
      expect(text).toContain(`东政函〔2026〕${suggestionId}号`);
      expect(text).toContain('第1号');
      expect(text).toContain('反映意见建议1件，涉及城市管理1件');
      expect(text).toContain('已解决1件');
      expect(text).toContain('满意率100%');
      expect(text).toContain(
        '我本年度的履职评价得分为38分（满分100分），其中参加活动5分（满分40分）、提出建议3分（满分30分）、解决问题30分（满分30分）',
      );
      for (const m of v.method) expect(text).toContain(m);
      // Every score line is in the table with its record and points.
      const paragraphs = text.split('\n').map((p) => p.trim());
      for (const l of v.score.lines) {
        expect(paragraphs).toContain(l.label);
        expect(paragraphs).toContain(String(l.points));
      }
      for (const title of [
        '3月3日 老旧小区加装电梯专题调研',
        '3月10日 三月份代表接待日',
        '3月5日 食品安全法执法检查',
      ])
        expect(paragraphs).toContain(title);
      expect(paragraphs).toContain('第1号 关于加快老旧小区加装电梯的建议');
      expect(paragraphs.some((p) => p.endsWith('收到的群众意见（城市管理）'))).toBe(true);
      expect(text).toContain('提出专业性建议不少于1件：已完成（已完成1，要求不少于1）');
      expect(text).toContain('报告人：李代表');
      // No citizen's words, tracking code or phone number.
      for (const secret of ['路灯', trackingCode, '13912345678']) expect(text).not.toContain(secret);
      const audit = await env()
        .ctx.database.db.selectFrom('audit_log')
        .select(['entity_id'])
        .where('action', '=', 'performance.archive_report')
        .execute();
      expect(audit.map((a) => a.entity_id)).toContain(String(w.rep.id));
    });

    it('exports the timeline and every score line with its record as XLSX', async () => {
      const res = await staff.get(url('.xlsx'));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rowsOf = (name: string) => {
        const rows: unknown[][] = [];
        workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        return rows;
      };
      const v = await expectStatus<ArchiveView>(staff.get(url()), 200);
      const TYPE = { activity: '活动', suggestion: '建议', opinion: '群众意见' } as const;

      const timeline = rowsOf('履职记录');
      expect(timeline[0]).toEqual(['日期', '记录类型', '记录ID', '事项', '类别', '情况', '说明', '得分']);
      expect(timeline.length).toBe(v.timeline.length + 1);
      for (const t of v.timeline)
        expect(timeline).toContainEqual(expect.arrayContaining([TYPE[t.type], t.id, t.title, t.points]));

      const lines = rowsOf('得分明细');
      expect(lines[0]).toEqual([
        '评价项目',
        '计分依据',
        '记录类型',
        '记录ID',
        '对应记录',
        '记录日期',
        '分值',
      ]);
      const body = lines.slice(1, 1 + v.score.lines.length);
      expect(body.map((r) => [r[2], r[3], r[6]])).toEqual(
        v.score.lines.map((l) => [TYPE[l.source.type], l.source.id, l.points]),
      );
      // Every line names a record that is on the timeline sheet.
      for (const r of body)
        expect(
          timeline.some((t) => t[1] === r[2] && t[2] === r[3]),
          JSON.stringify(r),
        ).toBe(true);
      expect(lines.find((r) => r[0] === '参加活动小计')?.[6]).toBe(5);
      expect(lines.find((r) => r[0] === '解决问题小计')?.[6]).toBe(30);
      expect(lines.at(-1)).toEqual(['合计', '规则第1版', undefined, undefined, undefined, undefined, 38]);

      const reqs = rowsOf('年度要求');
      expect(reqs.slice(1).map((r) => [r[0], r[1]])).toEqual([
        ['提出专业性建议不少于1件', '已完成'],
        ['参加调研、视察活动不少于2次', '请假免除'],
        ['每月参加接待选民活动', '尚未完成'],
      ]);
      const text = JSON.stringify([timeline, lines, reqs]);
      for (const secret of ['路灯', trackingCode, '13912345678']) expect(text).not.toContain(secret);
    });
  },
  { PASSWORD_MAX_AGE_DAYS: '0' },
);
