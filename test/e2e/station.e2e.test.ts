import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgFixture, type OrgFixture } from '../support/fixtures.ts';
import { browserAvailable, launchBrowser, startLiveServer, type LiveServer } from './browser.ts';

const available = browserAvailable();

describe.skipIf(!available)('browser: congress staff create a station and find it in the list', () => {
  let server: LiveServer;
  let browser: Browser;
  let org: OrgFixture;

  beforeAll(async () => {
    server = await startLiveServer();
    org = await buildOrgFixture(server.env.ctx);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, user: { username: string; password: string }) {
    await page.goto(server.url + '/');
    await page.getByPlaceholder('请输入用户名').fill(user.username);
    await page.getByPlaceholder('请输入密码').fill(user.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // The home page greets the user with their role and jurisdiction (the menu is a drawer on phones).
    await page
      .getByText(/代表工委 · /)
      .first()
      .waitFor();
  }

  it('signs in, adds a station in the form, and sees it listed; the other county does not', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, org.users.staffA);

    await page.goto(server.url + '/org/stations');
    await page.getByRole('button', { name: /新增站点/ }).click();
    await page.getByLabel('站点名称').fill('湖滨街道代表联络站');
    await page.getByLabel('编码').fill('E2E-HB');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/org\/stations\/\d+$/);
    await expect.poll(() => page.getByText('湖滨街道代表联络站').first().isVisible()).toBe(true);

    await page.goto(server.url + '/org/stations');
    const row = page.getByRole('row', { name: /湖滨街道代表联络站/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('东湖区');
    await context.close();

    const stored = await server.env.ctx.database.db
      .selectFrom('station')
      .select(['name', 'jurisdiction_id'])
      .where('code', '=', 'E2E-HB')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: '湖滨街道代表联络站', jurisdiction_id: org.countyA.id });

    const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const phone = await other.newPage();
    await signIn(phone, org.users.staffB);
    await phone.goto(server.url + '/org/stations');
    await phone.waitForLoadState('networkidle');
    await phone.getByText('暂无数据', { exact: true }).filter({ visible: true }).first().waitFor();
    expect(await phone.getByText('湖滨街道代表联络站').count()).toBe(0);
    await other.close();
  }, 120_000);
});
