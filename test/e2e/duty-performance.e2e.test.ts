/**
 * Duty performance in the browser, once per database engine: congress staff create a research
 * activity at a station and invite the station's representatives; staff publish the station's
 * 履职公示 for the month (nobody has attended yet); the representative opens the activity's
 * check-in URL (what its QR code holds) on a phone and checks in — scanning again counts once;
 * their score card shows the activity's points, linked to it; staff see the month's figures change
 * and, since a published disclosure is never edited, publish a correction; the station's public
 * disclosure page shows the corrected attendance and why it changed. Screenshots of the key steps
 * land in /tmp/e2e-shots/duty-<engine>-NN-<step>.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDateOf } from '../../src/lib/working-days.ts';
import type { DisclosureContent } from '../../src/modules/performance/disclosure.domain.ts';
import { DEFAULT_RULES } from '../../src/modules/performance/performance.domain.ts';
import type { DialectName } from '../../src/platform/db/database.ts';
import { describeDialects } from '../support/dialects.ts';
import { signIn as apiSignIn } from '../support/http.ts';
import { expectStatus } from '../support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../support/suggestion-fixtures.ts';
import { browserAvailable, launchBrowser, shoot, startLiveServer, type LiveServer } from './browser.ts';
import { buttonName, signIn } from './console-steps.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESK = { viewport: { width: 1440, height: 900 } };

const TITLE = '老旧小区加装电梯专题调研';
const CORRECTION = '专题调研的签到在首次公示后完成，更正出席人数。';

/** Beijing wall-clock time "YYYY-MM-DD HH:mm", as the console's pickers read and write it. */
function beijingText(at: Date): string {
  const b = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${b.slice(0, 10)} ${b.slice(11, 16)}`;
}

const available = browserAvailable();

describe.skipIf(!available)('browser: an activity, a check-in by QR, the points and the disclosure', () => {
  describeDialects('duty journey', (dialect: DialectName) => {
    let server: LiveServer;
    let browser: Browser;
    let w: SuggestionWorld;
    let repName: string;
    const contexts: BrowserContext[] = [];
    let shots = 0;
    const snap = (page: Page, step: string) =>
      shoot(page, `duty-${dialect}-${String(++shots).padStart(2, '0')}-${step}`);
    const open = async (options: typeof PHONE | typeof DESK) => {
      const context = await browser.newContext({ ...options, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      return context.newPage();
    };

    beforeAll(async () => {
      server = await startLiveServer(dialect);
      w = await buildSuggestionWorld(server.env.ctx);
      const db = server.env.ctx.database.db;
      repName = (
        await db
          .selectFrom('representative')
          .select('name')
          .where('id', '=', w.rep.id)
          .executeTakeFirstOrThrow()
      ).name;
      // The congress's rules for this year, saved by its staff (version 1): research earns 3 points.
      const staffApi = await apiSignIn(server.app, w.users.staffA);
      await expectStatus(
        staffApi.put('/api/v1/performance/rules', {
          congressId: w.congressA.id,
          year: Number(beijingDateOf(new Date()).slice(0, 4)),
          rules: DEFAULT_RULES,
          note: '年度履职积分办法',
        }),
        200,
      );
      browser = await launchBrowser();
    }, 300_000);

    afterAll(async () => {
      for (const [i, c] of contexts.entries())
        for (const p of c.pages()) await shoot(p, `duty-${dialect}-last-${i}`).catch(() => {});
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.stop();
    });

    it('creates an activity, checks a representative in by its QR URL, scores it and corrects the disclosure', async () => {
      const base = server.url;
      const db = server.env.ctx.database.db;
      // Just over: a disclosure lists the activities held, and check-in stays open for half an hour
      // after the end, for those who forgot.
      const endsAt = new Date(Math.floor(Date.now() / 300_000) * 300_000 - 300_000);
      const startsAt = new Date(endsAt.getTime() - 2 * 3_600_000);
      const month = beijingDateOf(startsAt).slice(0, 7);

      // ── Staff create the activity at the station and invite its representatives. ──
      const staff = await open(DESK);
      await signIn(staff, base, w.users.staffA);
      await staff.goto(`${base}/activities/new`);
      await staff.getByRole('heading', { name: '新建活动' }).waitFor();
      await staff.getByLabel('活动类型').click();
      await staff
        .locator('.ant-select-item-option', { hasText: /^调研$/ })
        .locator('visible=true')
        .first()
        .click();
      await staff.getByRole('combobox', { name: /联络站/ }).click();
      await staff.keyboard.type(w.station.name);
      await staff
        .locator('.ant-select-item-option', { hasText: w.station.name })
        .locator('visible=true')
        .first()
        .click();
      await staff.getByLabel('活动名称').fill(TITLE);
      const [from, to] = [
        staff.locator('.ant-picker-range input').nth(0),
        staff.locator('.ant-picker-range input').nth(1),
      ];
      await from.click();
      await from.fill(beijingText(startsAt));
      await to.click();
      await to.fill(beijingText(endsAt));
      // Leave the picker as a person does (Enter would submit the form).
      await staff.getByLabel('地点').click();
      await staff.getByLabel('地点').fill('联络站二楼会议室');
      await staff.getByRole('button', { name: buttonName('添加本站全部代表') }).click();
      await staff.getByText(repName).first().waitFor();
      await snap(staff, 'create-form');
      await staff.getByRole('button', { name: buttonName('创建并邀请') }).click();
      await staff.waitForURL(/\/activities\/\d+$/);
      const activityId = Number(/\/activities\/(\d+)$/.exec(staff.url())![1]);
      const created = await db
        .selectFrom('activity')
        .select(['title', 'type_code', 'station_id', 'starts_at', 'ends_at'])
        .where('id', '=', activityId)
        .executeTakeFirstOrThrow();
      expect(created).toEqual({
        title: TITLE,
        type_code: 'research',
        station_id: w.station.id,
        starts_at: startsAt.toISOString(),
        ends_at: endsAt.toISOString(),
      });

      // The page shows the check-in code and the address it holds.
      await staff.getByText('签到进行中').waitFor();
      const shown = await staff
        .getByText(/\/c\/[0-9a-z]+$/)
        .first()
        .textContent();
      const checkinPath = /\/c\/[0-9a-z]+$/.exec(shown ?? '')![0];
      await snap(staff, 'activity-qr');

      // ── Staff publish the month's disclosure of the station: nobody has checked in yet. ──
      const publish = `${base}/performance/disclosures?tab=publish&subject=${w.station.id}&pmonth=${month}`;
      await staff.goto(publish);
      const preview = staff.locator('.ant-card', { hasText: '公示预览' });
      await preview.getByText(TITLE).first().waitFor();
      await staff.getByRole('button', { name: buttonName('发布公示') }).click();
      await staff
        .locator('.ant-popconfirm')
        .getByRole('button', { name: buttonName('发布公示') })
        .click();
      await staff.getByText('已发布公示').first().waitFor();
      const first = await db
        .selectFrom('disclosure')
        .select(['id', 'version', 'content'])
        .where('kind', '=', 'station')
        .where('subject_id', '=', w.station.id)
        .where('month', '=', month)
        .executeTakeFirstOrThrow();
      expect(first.version).toBe(1);
      const presentIn = (content: string) =>
        (JSON.parse(content) as DisclosureContent).activities.map((a) => [a.title, a.present]);
      expect(presentIn(first.content)).toEqual([[TITLE, 0]]);

      // ── The representative opens the QR code's address on a phone and checks in. ──
      const rep = await open(PHONE);
      await signIn(rep, base, w.s.lead);
      await rep.goto(base + checkinPath);
      await rep.getByText(TITLE).waitFor();
      await rep.getByRole('button', { name: buttonName('签到') }).tap();
      await rep.getByText('签到成功').waitFor();
      await snap(rep, 'checked-in');
      // Scanning the same code again counts once.
      await rep.goto(base + checkinPath);
      await rep.getByRole('button', { name: buttonName('签到') }).tap();
      await rep.getByText('已签到', { exact: true }).waitFor();
      const attendance = await db
        .selectFrom('activity_participant')
        .select(['attendance', 'checkin_method'])
        .where('activity_id', '=', activityId)
        .where('representative_id', '=', w.rep.id)
        .execute();
      expect(attendance).toEqual([{ attendance: 'present', checkin_method: 'qr' }]);

      // ── Their score card shows the points, linked to the activity that earned them. ──
      await rep.goto(`${base}/performance/me`);
      // A table row on a desk, a list item on a phone.
      const line = rep.locator(':is(tr, .ant-list-item)', { hasText: TITLE });
      await line.waitFor();
      await expect.poll(() => line.textContent()).toContain('+3');
      expect(await line.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(
        `/activities/${activityId}`,
      );
      const entries = await db
        .selectFrom('score_entry')
        .select(['points_centi', 'source_type'])
        .where('representative_id', '=', w.rep.id)
        .where('source_id', '=', activityId)
        .execute();
      expect(entries).toEqual([{ points_centi: 300, source_type: 'activity' }]);
      await snap(rep, 'score-card');

      // ── Staff see the month has changed; the published version stays, a correction is published. ──
      await staff.goto(publish);
      await staff.getByText(/该月已于.*公示（第 1 版）/).waitFor();
      await staff
        .getByRole('button', { name: buttonName('发布更正') })
        .first()
        .click();
      const dialog = staff.getByRole('dialog').filter({ hasText: '更正说明' });
      await dialog.getByRole('textbox').fill(CORRECTION);
      await snap(staff, 'correction');
      await dialog.getByRole('button', { name: buttonName('发布更正') }).click();
      await dialog.waitFor({ state: 'hidden' });
      const versions = await db
        .selectFrom('disclosure')
        .select(['version', 'correction_note'])
        .where('kind', '=', 'station')
        .where('subject_id', '=', w.station.id)
        .where('month', '=', month)
        .orderBy('version')
        .execute();
      expect(versions).toEqual([
        { version: 1, correction_note: null },
        { version: 2, correction_note: CORRECTION },
      ]);
      // Version 1 is as it was published.
      const v1 = await db
        .selectFrom('disclosure')
        .select('content')
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow();
      expect(v1.content).toBe(first.content);
      const v2 = await db
        .selectFrom('disclosure')
        .select('content')
        .where('kind', '=', 'station')
        .where('subject_id', '=', w.station.id)
        .where('month', '=', month)
        .where('version', '=', 2)
        .executeTakeFirstOrThrow();
      expect(presentIn(v2.content)).toEqual([[TITLE, 1]]);

      // ── The public page, on a phone, shows the corrected month and why. ──
      const citizen = await open(PHONE);
      await citizen.goto(`${base}/p/disclosure/s/${w.station.publicCode}?month=${month}`);
      await citizen.getByText('本公示已更正').waitFor();
      await citizen.getByText(CORRECTION).waitFor();
      const activity = citizen.locator('article, li, .card', { hasText: TITLE }).first();
      await expect.poll(() => activity.textContent()).toContain(repName);
      await snap(citizen, 'public-disclosure');
    }, 300_000);
  });
});
