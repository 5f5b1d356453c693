/**
 * One representative's suggestion end to end, in the browser, once per database engine: the lead
 * drafts it (autosaved) and invites a colleague, who co-signs; the lead submits; congress staff
 * register it (第1号) and assign it to a lead unit and a co-unit; the lead unit signs, logs its
 * contact with the representative and replies class B with a commitment; the lead, on a phone,
 * rates the result 不满意; the unit contacts the representative again and replies again; the lead
 * rates 满意; staff publish it; the public page shows it. Every step goes through the real pages.
 * Screenshots of the key steps land in /tmp/e2e-shots/suggestion-<engine>-NN-<step>.png.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../src/platform/db/database.ts';
import { describeDialects } from '../support/dialects.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../support/suggestion-fixtures.ts';
import { browserAvailable, launchBrowser, shoot, startLiveServer, type LiveServer } from './browser.ts';
import { buttonName, chooseRadio, signIn, takeAction } from './console-steps.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESK = { viewport: { width: 1440, height: 900 } };

const TITLE = '关于加快老旧小区加装电梯的建议';
const BACKGROUND = '辖区内2000年以前建成的老旧小区多为六层无电梯住宅，老年住户上下楼十分困难。';
const PROPOSALS = '一、简化加装电梯审批流程；二、提高财政补贴标准；三、建立长效维护机制。';
const FIRST_REPLY = '我局已将老旧小区加装电梯列入2026年民生实事项目，计划年内完成20台。';
const SECOND_REPLY = '经与代表座谈，我局将年内加装数量增加到40台，并简化审批为一窗受理。';
const PUBLISHED_REPLY = '已列入民生实事，年内完成40台加装，审批实行一窗受理。';

/** Choose an option of an antd select: open it, type to search when asked, click the option. */
async function choose(page: Page, field: Locator, option: string, search?: string): Promise<void> {
  await field.click();
  if (search) await page.keyboard.type(search);
  // The option shown now (a closed dropdown keeps its options in the page, hidden).
  const item = page.locator('.ant-select-item-option', { hasText: option }).locator('visible=true').first();
  if (search) {
    // Let the search settle (the list is replaced as results come in).
    await page.waitForTimeout(1000);
    // A searched list re-renders as results arrive: take the highlighted first match by keyboard.
    await item.waitFor();
    await page.keyboard.press('Enter');
  } else await item.click();
  await page.keyboard.press('Escape');
}

/** Open a record's form by its button, fill it, and save it; returns once the form has closed. */
async function addRecord(page: Page, label: string, fill: (form: Locator) => Promise<void>): Promise<void> {
  // The button may appear twice (the actions card and the section it records into).
  await page
    .getByRole('button', { name: buttonName(label) })
    .first()
    .click();
  const form = page.getByRole('dialog', { name: label });
  await form.waitFor();
  await fill(form);
  await form.getByRole('button', { name: buttonName('保存') }).click();
  await form.waitFor({ state: 'hidden' });
}

/** Rate both sides of an evaluation in the form. */
async function rate(form: Locator, attitude: string, result: string): Promise<void> {
  await chooseRadio(form.locator('.ant-form-item', { hasText: '对办理态度的评价' }), attitude);
  await chooseRadio(form.locator('.ant-form-item', { hasText: '对办理结果的评价' }), result);
}

const available = browserAvailable();

describe.skipIf(!available)('browser: a suggestion from draft to publication', () => {
  describeDialects('suggestion journey', (dialect: DialectName) => {
    let server: LiveServer;
    let browser: Browser;
    let w: SuggestionWorld;
    const contexts: BrowserContext[] = [];
    let shots = 0;
    const snap = (page: Page, step: string) =>
      shoot(page, `suggestion-${dialect}-${String(++shots).padStart(2, '0')}-${step}`);
    const open = async (options: typeof PHONE | typeof DESK) => {
      const context = await browser.newContext({ ...options, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      return context.newPage();
    };

    beforeAll(async () => {
      server = await startLiveServer(dialect);
      w = await buildSuggestionWorld(server.env.ctx);
      // Two representatives the pickers tell apart.
      await server.env.ctx.database.db
        .updateTable('representative')
        .set({ name: '王建国' })
        .where('id', '=', w.otherRep.id)
        .execute();
      browser = await launchBrowser();
    }, 300_000);

    afterAll(async () => {
      // What each person's page showed last (the failing step's page among them).
      for (const [i, c] of contexts.entries())
        for (const p of c.pages()) await shoot(p, `suggestion-${dialect}-last-${i}`).catch(() => {});
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.stop();
    });

    it('runs draft → co-sign → register → assign → contact → B reply → 不满意 → re-handle → 满意 → publish', async () => {
      const base = server.url;
      const db = server.env.ctx.database.db;

      // ── The lead drafts it; the editor saves as they type. ──
      const lead = await open(DESK);
      await signIn(lead, base, w.s.lead);
      await lead.goto(`${base}/suggestions/new`);
      await lead.getByRole('heading', { name: '提出建议' }).waitFor();
      await lead.getByText('闭会期间', { exact: true }).click();
      await lead.getByLabel('标题').fill(TITLE);
      await choose(lead, lead.getByLabel('类别'), '城乡建设与住房');
      await lead.getByLabel('事由').fill(BACKGROUND);
      await lead.getByLabel('具体建议').fill(PROPOSALS);
      await lead.waitForURL(/\/suggestions\/\d+\/edit$/);
      await lead.getByText(/已自动保存/).waitFor();
      const id = Number(/\/suggestions\/(\d+)\/edit$/.exec(lead.url())![1]);
      const saved = await db
        .selectFrom('suggestion')
        .select(['status', 'title', 'proposals'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(saved).toEqual({ status: 'DRAFT', title: TITLE, proposals: PROPOSALS });

      // …and invites a colleague of the same congress to co-sign.
      await choose(lead, lead.locator('.ant-select', { hasText: '搜索同一人大的代表' }), '王建国', '王建国');
      await lead.getByRole('button', { name: buttonName('邀请') }).click();
      await lead.getByText('待确认', { exact: true }).waitFor();
      await snap(lead, 'draft-invited');

      // ── The colleague opens the invitation and co-signs. ──
      const colleague = await open(PHONE);
      await signIn(colleague, base, w.s.cosigner);
      await colleague.goto(`${base}/suggestions/${id}`);
      await colleague.getByRole('button', { name: buttonName('同意附议') }).tap();
      await colleague.getByText('已同意附议').first().waitFor();
      await snap(colleague, 'cosigned');

      // ── The lead submits. ──
      await lead.reload();
      await lead.getByText('已附议', { exact: true }).waitFor();
      await lead.getByRole('button', { name: buttonName('提交') }).click();
      await lead
        .getByRole('dialog')
        .getByRole('button', { name: buttonName('提交') })
        .click();
      await lead.waitForURL(new RegExp(`/suggestions/${id}$`));
      await lead.getByText('待审查').first().waitFor();

      // ── Congress staff register it and assign it to a lead unit and a co-unit. ──
      const staff = await open(DESK);
      await signIn(staff, base, w.users.staffA);
      await staff.goto(`${base}/suggestions/${id}`);
      await staff.getByText(TITLE).first().waitFor();
      await takeAction(staff, '立案');
      await staff.getByText('第1号').first().waitFor();
      await takeAction(staff, '交办', async (form) => {
        await choose(staff, form.getByLabel('主办单位'), w.unit.name, w.unit.name);
        await choose(staff, form.getByLabel('协办单位'), w.coUnit.name, '财政');
        await form.getByLabel('交办意见').fill('请认真研究办理，加强与代表沟通。');
        await snap(staff, 'assign-form');
      });
      await staff.getByText('已交办').first().waitFor();

      // ── The lead unit signs, logs its contact, and replies class B with a commitment. ──
      const unit = await open(DESK);
      await signIn(unit, base, w.people.unitStaff);
      await unit.goto(`${base}/suggestions/${id}`);
      await takeAction(unit, '签收');
      await unit.getByText('办理中').first().waitFor();
      await addRecord(unit, '登记沟通联系', async (form) => {
        await choose(unit, form.getByLabel('沟通方式'), '登门走访');
        await form.getByLabel('沟通情况').fill('登门听取代表意见，介绍加装电梯工作计划。');
      });
      await takeAction(unit, '正式答复', async (form) => {
        await form.getByText('B类（正在解决或列入计划解决）').click();
        await form.getByLabel('文号').fill('东建函〔2026〕12号');
        await form.getByLabel('签发人').fill('张局长');
        await form.getByLabel('答复正文').fill(FIRST_REPLY);
        await form.getByRole('button', { name: /添加承诺事项/ }).click();
        await form.getByPlaceholder('承诺办理的事项').fill('年内完成20台电梯加装');
        await snap(unit, 'reply-form');
      });
      await unit.getByText(FIRST_REPLY).first().waitFor();

      // ── The lead reads the reply on a phone and rates the result 不满意. ──
      const phone = await open(PHONE);
      await signIn(phone, base, w.s.lead);
      await phone.goto(`${base}/suggestions/${id}`);
      await phone.getByText(FIRST_REPLY).first().waitFor();
      await takeAction(phone, '评价', async (form) => {
        await rate(form, '满意', '不满意');
        await form.getByLabel('评价意见').fill('加装数量偏少，希望扩大覆盖面。');
        await snap(phone, 'evaluate-unsatisfied');
      });
      await phone.getByText('重新办理').first().waitFor();

      // ── The unit handles it again: a new contact, a new reply. ──
      await unit.reload();
      await unit.getByText('重新办理').first().waitFor();
      await addRecord(unit, '登记沟通联系', async (form) => {
        await choose(unit, form.getByLabel('沟通方式'), '座谈会');
        await form.getByLabel('沟通情况').fill('召开座谈会，与代表共同研究扩大加装范围。');
      });
      await takeAction(unit, '正式答复', async (form) => {
        await form.getByText('B类（正在解决或列入计划解决）').click();
        await form.getByLabel('文号').fill('东建函〔2026〕15号');
        await form.getByLabel('签发人').fill('张局长');
        await form.getByLabel('答复正文').fill(SECOND_REPLY);
        await form.getByRole('button', { name: /添加承诺事项/ }).click();
        await form.getByPlaceholder('承诺办理的事项').fill('年内加装电梯增至40台');
      });
      await unit.getByText(SECOND_REPLY).first().waitFor();

      // ── The lead rates 满意: the case closes. ──
      await phone.reload();
      await phone.getByText(SECOND_REPLY).first().waitFor();
      await takeAction(phone, '评价', async (form) => rate(form, '满意', '满意'));
      await phone.getByText('已办结').first().waitFor();
      await snap(phone, 'closed');

      // ── Staff publish it, redacted; the public page shows it. ──
      await staff.reload();
      await takeAction(staff, '公开', async (form) => {
        const reply = form.getByLabel('公开的答复内容');
        await reply.fill(PUBLISHED_REPLY);
        await snap(staff, 'publish-form');
      });
      await staff.getByText('已公开').first().waitFor();

      const row = await db
        .selectFrom('suggestion')
        .select(['status', 'case_number', 'reply_class', 'result_rating', 'rehandle_rounds', 'close_reason'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        status: 'PUBLISHED',
        case_number: 1,
        reply_class: 'B',
        result_rating: 'satisfied',
        rehandle_rounds: 1,
        close_reason: 'evaluated',
      });
      const units = await db
        .selectFrom('suggestion_unit')
        .select(['unit_id', 'role'])
        .where('suggestion_id', '=', id)
        .orderBy('role', 'desc')
        .execute();
      expect(units).toEqual([
        { unit_id: w.unit.id, role: 'lead' },
        { unit_id: w.coUnit.id, role: 'co' },
      ]);
      const commitments = await db
        .selectFrom('suggestion_commitment')
        .select('content')
        .where('suggestion_id', '=', id)
        .orderBy('id')
        .execute();
      expect(commitments.map((c) => c.content)).toEqual(['年内完成20台电梯加装', '年内加装电梯增至40台']);

      const citizen = await open(PHONE);
      await citizen.goto(`${base}/p/suggestions/${id}`);
      await citizen.getByText(PUBLISHED_REPLY).waitFor();
      await citizen.getByText('第1号').first().waitFor();
      await snap(citizen, 'public');
    }, 240_000);
  });
});
