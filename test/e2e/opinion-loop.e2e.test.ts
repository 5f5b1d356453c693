/**
 * The opinion loop end to end, in the browser, once per database engine: a citizen scans a
 * station's QR code on a phone and leaves a message; congress staff accept it from the triage queue
 * and assign it to a unit; the unit's clerk signs and replies; the citizen reads the reply with the
 * tracking code and rates it 不满意; the unit handles it again; the citizen rates it 满意; and the
 * dashboard counts it as the KPI definitions say. Every step goes through the real pages.
 * Screenshots of the key steps land in /tmp/e2e-shots/<engine>-NN-<step>.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../src/platform/db/database.ts';
import { countersOf, kpisOf, type Kpis, type OpinionFacts } from '../../src/modules/opinions/opinions.kpi.ts';
import type { Dashboard } from '../../src/modules/opinions/dashboard.schema.ts';
import { describeDialects } from '../support/dialects.ts';
import { buildLoopWorld, type LoopWorld } from '../support/opinion-fixtures.ts';
import { browserAvailable, launchBrowser, shoot, startLiveServer, type LiveServer } from './browser.ts';
import { chooseRadio, openFromQueue, signIn, takeAction } from './console-steps.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESK = { viewport: { width: 1440, height: 900 } };

const MESSAGE = '湖滨路12号小区门口的路灯坏了一个多月，晚上很黑，老人出门不方便，希望尽快修好。';
const FIRST_REPLY = '经现场核查，路灯线路老化，已于今日更换灯头，现已恢复照明。';
const COMPLAINT = '灯还是经常不亮，一到下雨就灭';
const SECOND_REPLY = '已更换整条供电线路并加装防水接头；另一盏灯的灯杆需订货，下月更换。';

/** What the finished journey leaves on the item: the facts the KPI counters read. */
const FINAL_FACTS: OpinionFacts = {
  status: 'CLOSED',
  ack_at: 'set',
  ack_on_time: 1,
  ack_overdue: 0,
  first_reply_at: 'set',
  reply_on_time: 1,
  last_result: 'partially_solved',
  last_rating: 'satisfied',
  rehandle_rounds: 1,
  reply_overdue: 0,
};

/** A rate as a person reads it: one decimal and a percent sign, or a dash when nothing was counted. */
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The dashboard's headline cards for these KPIs: [title, value, line under the value]. */
function expectedCards(k: Kpis): [string, string, string?][] {
  const c = k.counts;
  return [
    ['收集', String(c.collected)],
    ['已处理', String(c.handled), `在办超期 ${c.overdue_open} 件`],
    ['响应率', percent(k.responseRate), `未到期未受理 ${k.responsePending} 件`],
    ['按时办结率', percent(k.onTimeRate), `已答复 ${c.replied} 件`],
    ['解决率', percent(k.resolutionRate), `已解决 ${c.solved} 件`],
    ['满意率', percent(k.satisfactionRate), `已评价 ${c.rated} 件`],
    ['未评价', `${c.awaiting_feedback + c.closed_unrated} 件`],
    ['二次办理', String(c.rehandled)],
  ];
}

const available = browserAvailable();

describe.skipIf(!available)('browser: the opinion loop from a QR code to the dashboard', () => {
  describeDialects('opinion loop journey', (dialect: DialectName) => {
    let server: LiveServer;
    let browser: Browser;
    let world: LoopWorld;
    const contexts: BrowserContext[] = [];
    let shots = 0;
    const snap = (page: Page, step: string) =>
      shoot(page, `${dialect}-${String(++shots).padStart(2, '0')}-${step}`);
    const open = async (options: typeof PHONE | typeof DESK) => {
      const context = await browser.newContext({ ...options, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      return context.newPage();
    };

    beforeAll(async () => {
      const started = performance.now();
      server = await startLiveServer(dialect);
      world = await buildLoopWorld(server.env.ctx);
      browser = await launchBrowser();
      console.log(
        `[liaison tests] ${dialect}: server and world ready in ${Math.round(performance.now() - started)} ms`,
      );
    }, 300_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.stop();
    });

    it('runs submit → assign → sign → reply → 不满意 → reply again → 满意, and the dashboard counts it', async () => {
      const base = server.url;
      const unitName = world.unit.name;

      // ── The citizen scans the station's QR code on a phone and leaves a message. ──
      const phone = await open(PHONE);
      const qr = await fetch(`${base}/qr/s/${world.station.publicCode}.svg`);
      expect(qr.status).toBe(200);
      expect(qr.headers.get('content-type')).toMatch(/svg/);
      await phone.goto(`${base}/s/${world.station.publicCode}`);
      await phone.getByRole('heading', { name: world.station.name }).waitFor();
      await snap(phone, 'station-page');
      await phone.getByRole('button', { name: '我要留言' }).tap();
      await phone.getByLabel(/您的意见建议/).fill(MESSAGE);
      await phone.getByRole('radio', { name: '城市管理' }).tap();
      await phone.getByLabel(/地点/).fill('湖滨路12号');
      await phone.getByLabel(/姓名/).fill('王小明');
      await phone.getByLabel(/手机号/).fill('13812341234');
      await phone.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
      await phone.getByRole('checkbox', { name: /同意办结后公开/ }).check();
      await snap(phone, 'form-filled');
      await phone.getByRole('button', { name: '提交留言' }).tap();
      const receipt = phone.getByRole('heading', { name: '留言已提交' });
      const refusal = phone.getByRole('alert');
      await receipt.or(refusal).first().waitFor();
      if (await refusal.count()) throw new Error(`submission refused: ${await refusal.first().innerText()}`);
      const shown = (await phone.getByLabel(/^查询码 /).textContent()) ?? '';
      expect(shown).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/);
      const code = shown.replaceAll('-', '');
      await snap(phone, 'receipt');

      // ── Congress staff find it in the triage queue, accept it and assign it to the unit. ──
      const staff = await open(DESK);
      await signIn(staff, base, world.users.staffA);
      await openFromQueue(staff, base, code);
      await staff.getByText(MESSAGE).first().waitFor();
      await snap(staff, 'staff-item');
      await takeAction(staff, '受理');
      await takeAction(staff, '交办', async (form) => {
        // The form offers the unit registered for 城市管理 (the citizen's choice) here, already chosen.
        await form.getByText('推荐的承办单位').waitFor();
        await form.getByTitle(unitName, { exact: true }).waitFor();
        await form.getByLabel('交办意见').fill('请尽快核实修复，并电话联系群众。');
        await snap(staff, 'staff-assign-form');
      });
      await staff.getByText('已交办').first().waitFor();
      expect(await staff.getByText(unitName).count()).toBeGreaterThan(0);

      // ── The unit's clerk signs it and replies. ──
      const clerk = await open(DESK);
      await signIn(clerk, base, world.people.unitStaff);
      await openFromQueue(clerk, base, code);
      await takeAction(clerk, '签收');
      await takeAction(clerk, '答复', async (form) => {
        await chooseRadio(form, '已解决');
        await form.getByLabel('答复内容').fill(FIRST_REPLY);
        await snap(clerk, 'unit-reply-form');
      });
      await clerk.getByText('待评价').first().waitFor();

      // ── The citizen opens the tracking page, reads the reply and rates it 不满意. ──
      await phone.goto(`${base}/t/${code}`);
      await phone.getByText(FIRST_REPLY).waitFor();
      await phone.getByRole('radio', { name: '不满意' }).tap();
      await phone.getByLabel(/评价意见/).fill(COMPLAINT);
      await snap(phone, 'rate-unsatisfied');
      await phone.getByRole('button', { name: '提交评价' }).tap();
      await phone.getByText(/您的评价.*不满意/).waitFor();
      expect(await phone.getByRole('button', { name: '提交评价' }).count()).toBe(0);
      await snap(phone, 'after-unsatisfied');

      // ── The unit sees it come back (二次办理) with the citizen's words, and replies again. ──
      await openFromQueue(clerk, base, code);
      await clerk.getByText('已二次办理 1 次').waitFor();
      await clerk.getByText(COMPLAINT).waitFor();
      await snap(clerk, 'unit-rehandling');
      await takeAction(clerk, '答复', async (form) => {
        await chooseRadio(form, '部分解决');
        await form.getByLabel('答复内容').fill(SECOND_REPLY);
      });
      await clerk.getByText('待评价').first().waitFor();

      // ── The citizen reads the second reply and rates it 满意. ──
      await phone.goto(`${base}/t/${code}`);
      await phone.getByText(SECOND_REPLY).waitFor();
      await phone.getByText('第 2 次办理').waitFor();
      await phone.getByRole('radio', { name: '满意', exact: true }).tap();
      await phone.getByRole('button', { name: '提交评价' }).tap();
      await phone.getByText(/您的评价（第 2 次）：满意/).waitFor();
      await phone.getByText('已办结', { exact: true }).first().waitFor();
      await snap(phone, 'closed');

      // ── The item now holds the facts the counters read, on this engine too. ──
      const row = await server.env.ctx.database.db
        .selectFrom('opinion')
        .select([
          'status',
          'ack_at',
          'ack_on_time',
          'ack_overdue',
          'first_reply_at',
          'reply_on_time',
          'last_result',
          'last_rating',
          'rehandle_rounds',
          'reply_overdue',
          'unit_id',
        ])
        .where('tracking_code', '=', code)
        .executeTakeFirstOrThrow();
      expect({
        ...row,
        ack_on_time: Number(row.ack_on_time),
        reply_on_time: Number(row.reply_on_time),
      }).toEqual({
        ...FINAL_FACTS,
        ack_at: expect.anything(),
        first_reply_at: expect.anything(),
        unit_id: world.unit.id,
      });

      // ── Staff open the dashboard: it counts the item as the definitions say. ──
      const kpis = kpisOf(countersOf(FINAL_FACTS));
      await staff.goto(`${base}/dashboard`);
      const cards = expectedCards(kpis);
      for (const [title, value, sub] of cards) {
        const card = staff.getByRole('link', { name: new RegExp(`^${title}`) });
        await expect
          .poll(async () =>
            (await card.innerText())
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          )
          .toEqual(sub ? [title, value, sub] : [title, value]);
      }
      await snap(staff, 'dashboard');
      const api = await staff.request.get(`${base}/api/v1/dashboard/opinions`);
      expect(api.status()).toBe(200);
      const dashboard = (await api.json()) as Dashboard;
      expect(dashboard.total).toEqual(kpis);
      expect(dashboard.byUnit.map((u) => [u.unit.id, u.kpis])).toEqual([[world.unit.id, kpis]]);
    }, 180_000);
  });
});
