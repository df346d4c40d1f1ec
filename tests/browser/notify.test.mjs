// A real browser checks the admins' forum health page and watching (issue 8, parts 6 and 7): an
// admin made with `kindred user create` turns on two-factor sign-in, signs in with a code, follows
// "Health" in the header and sees the figures, two inline SVG bar charts and their tables with no
// CSP violation; then watches a demo thread and stops watching it. Screenshots: screenshots/notify-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Journey, Kindred, base32Decode, sleep, stepNow, totpAt } from './harness.mjs';

const kindred = new Kindred('kindred-browser-notify-');

describe('forum health and watching', () => {
  let baseUrl;
  let page;
  let key;
  let enrolledStep;
  const adminName = `admin_${randomBytes(3).toString('hex')}`;
  const adminPassword = `steady ${randomBytes(6).toString('hex')} lantern`;
  const journey = new Journey(test, 'notify-');
  const step = (name, fn, opts) => journey.step(name, fn, opts);
  const shot = (t, name) => journey.shot(t, name);
  const errors = [];

  before(
    async () => {
      await kindred.demo();
      await kindred.createUser(adminName, 'admin', adminPassword);
      baseUrl = await kindred.start();
      page = await kindred.phonePage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      journey.page = page;
    },
    { timeout: 90_000 },
  );
  after(async () => kindred.stop(), { timeout: 30_000 });

  step('the admin turns on two-factor sign-in and signs in again with a code', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username', { exact: true }).fill(adminName);
    await page.getByLabel('Password', { exact: true }).fill(adminPassword);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.goto(`${baseUrl}/me`);
    await Promise.all([page.waitForURL(/\/me\/2fa$/), page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()]);
    key = base32Decode((await page.locator('.secret code').innerText()).trim());
    if (Date.now() / 1000 % 30 > 27) await sleep(3500);
    enrolledStep = stepNow();
    await page.getByLabel('6-digit code', { exact: true }).fill(totpAt(key, enrolledStep));
    await Promise.all([page.waitForURL(/\/me\/2fa\/confirm$/), page.getByRole('button', { name: 'Turn on', exact: true }).click()]);
    await Promise.all([page.waitForURL(`${baseUrl}/`), page.locator('header').getByRole('button', { name: 'Sign out' }).click()]);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username', { exact: true }).fill(adminName);
    await page.getByLabel('Password', { exact: true }).fill(adminPassword);
    await Promise.all([page.waitForURL(/\/login\/2fa/), page.getByRole('button', { name: 'Sign in' }).click()]);
    const waitMs = (enrolledStep + 1) * 30_000 - Date.now() + 500;
    if (waitMs > 0) await sleep(waitMs);
    if (Date.now() / 1000 % 30 > 27) await sleep(3500);
    await page.getByLabel('Code', { exact: true }).fill(totpAt(key, stepNow()));
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Continue' }).click()]);
  });

  step('"Health" in the header opens the figures, charts and tables', async (t) => {
    await page.goto(`${baseUrl}/`);
    await Promise.all([page.waitForURL(/\/admin\/health$/), page.locator('header').getByRole('link', { name: 'Health' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Forum health' }).waitFor();
    assert.equal(await page.locator('svg.bar-chart').count(), 2);
    assert.equal(await page.locator('svg.bar-chart rect').count(), 16);
    assert.equal(await page.locator('table.health-table tbody tr').count(), 16);
    const members = await page.locator('#members-heading + svg + table tbody tr:last-child td').allInnerTexts();
    assert.ok(Number(members[1]) > 0, `the demo's members joined this week: ${members}`);
    await shot(t, '01-health');
    assert.deepEqual(errors, [], 'no CSP violation or script error');
  });

  step('the admin watches a thread and stops watching it', async (t) => {
    await page.goto(`${baseUrl}/groups/rheumatoid-arthritis`);
    await Promise.all([page.waitForURL(/\/threads\/\d+$/), page.locator('.thread-list .thread-title').first().click()]);
    await Promise.all([page.waitForURL(/\/threads\/\d+$/), page.getByRole('button', { name: 'Watch this thread' }).click()]);
    assert.match(await page.locator('.notice').first().innerText(), /You are watching this thread/);
    await shot(t, '02-watching');
    await Promise.all([page.waitForURL(/\/threads\/\d+$/), page.getByRole('button', { name: 'Stop watching' }).click()]);
    await page.getByRole('button', { name: 'Watch this thread' }).waitFor();
    assert.deepEqual(errors, []);
  });
});
