/**
 * Steps in the admin console that browser journeys share, taken as a person takes them: sign in
 * with the form, open an item from the 待办 queue by its tracking code, and take an action through
 * its button and form.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * The accessible name of an antd button. antd puts a space between the two characters of a
 * two-character Chinese label ("受 理"), so match the characters with optional spaces between; a
 * button with an icon starts with the icon's name ("check 同意附议").
 */
export function buttonName(label: string): RegExp {
  return new RegExp(`^(?:[a-z-]+ )?${[...label].join('\\s*')}$`);
}

/** Sign in through the log-in form and wait for the home page, which greets the user by name. */
export async function signIn(page: Page, baseUrl: string, user: { username: string; password: string }) {
  await page.goto(baseUrl + '/');
  await page.getByPlaceholder('请输入用户名').fill(user.username);
  await page.getByPlaceholder('请输入密码').fill(user.password);
  await page.getByRole('button', { name: buttonName('登录') }).click();
  await page.getByRole('heading', { name: new RegExp(`，${user.username}$`) }).waitFor();
}

/** Open 待办, find the item by its tracking code and open it. */
export async function openFromQueue(page: Page, baseUrl: string, trackingCode: string): Promise<void> {
  await page.goto(baseUrl + '/opinions/todo');
  const row = page.getByRole('row', { name: new RegExp(trackingCode) });
  await row.waitFor();
  await row.getByRole('link', { name: trackingCode, exact: true }).click();
  await page.waitForURL(/\/opinions\/\d+$/);
  await page.getByText('办理操作', { exact: true }).waitFor();
}

/**
 * Press an action's button on the item page, fill its form, and confirm with the form's own button
 * (labelled like the action); returns once the form has closed, that is, once the server took it.
 */
export async function takeAction(page: Page, label: string, fill?: (form: Locator) => Promise<void>) {
  await page.getByRole('button', { name: buttonName(label) }).click();
  const form = page.getByRole('dialog', { name: new RegExp(`^${label} · `) });
  await form.waitFor();
  await fill?.(form);
  await form.getByRole('button', { name: buttonName(label) }).click();
  await form.waitFor({ state: 'hidden' });
}

/**
 * Choose an option of an antd radio-button group. Its input is drawn invisibly under the label, so
 * press the label as a person does, then check that the radio took it.
 */
export async function chooseRadio(scope: Locator, label: string) {
  await scope.getByText(label, { exact: true }).click();
  if (!(await scope.getByRole('radio', { name: label, exact: true }).isChecked()))
    throw new Error(`the radio "${label}" did not take the click`);
}
