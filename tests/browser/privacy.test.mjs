// A real browser (Debian's Chromium via playwright-core, phone-sized) checks a member's privacy
// rights of issue 8: she downloads her data from her account page (a JSON file named after her),
// then deletes her account with her password, choosing to delete her posts, and can no longer
// sign in. Screenshots: screenshots/privacy-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Journey, Kindred } from './harness.mjs';

const kindred = new Kindred('kindred-browser-privacy-');

describe('privacy: a member downloads her data, then deletes her account', () => {
  let baseUrl;
  let page;
  const name = `rowan_${randomBytes(3).toString('hex')}`;
  const password = `gentle ${randomBytes(6).toString('hex')} meadow`;
  const journey = new Journey(test, 'privacy-');
  const step = (n, fn, opts) => journey.step(n, fn, opts);
  const shot = (t, n) => journey.shot(t, n);
  const errors = [];

  before(
    async () => {
      baseUrl = await kindred.start();
      page = await kindred.phonePage();
      page.on('pageerror', (e) => errors.push(e.message));
      // The wrong password is answered 422 on purpose; Chromium logs that as a console error.
      page.on('console', (m) => m.type() === 'error' && !/status of (401|422)/.test(m.text()) && errors.push(m.text()));
      journey.page = page;
    },
    { timeout: 90_000 },
  );
  after(async () => kindred.stop(), { timeout: 30_000 });

  step('a new member downloads her data from her account page', async (t) => {
    await page.goto(`${baseUrl}/register`);
    await page.getByLabel('Username', { exact: true }).fill(name);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password again', { exact: true }).fill(password);
    await Promise.all([page.waitForURL(/\/me$/), page.getByRole('button', { name: 'Create my account' }).click()]);
    await page.getByRole('heading', { name: 'Your data' }).scrollIntoViewIfNeeded();
    await shot(t, '01-account');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `kindred-export-${name}.json`);
    const data = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(data.profile.username, name);
    assert.ok(Array.isArray(data.posts) && Array.isArray(data.sign_in_history));
    assert.ok(data.sign_in_history.some((e) => e.event === 'account.registered'));
  });

  step('a wrong password deletes nothing and says so', async (t) => {
    await Promise.all([page.waitForURL(/\/me\/delete$/), page.getByRole('link', { name: 'Delete my account' }).click()]);
    assert.match(await page.locator('main').innerText(), /a former member/);
    await page.getByLabel('Delete them.').check();
    await page.getByLabel(/Your password/).fill('not my password at all');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('That is not your password, so nothing was deleted.').waitFor();
    assert.ok(await page.getByLabel('Delete them.').isChecked(), 'the choice is kept');
    await shot(t, '02-wrong-password');
  });

  step('with her password the account is deleted and she cannot sign in again', async (t) => {
    await page.getByLabel(/Your password/).fill(password);
    await Promise.all([page.waitForURL(`${baseUrl}/`), page.getByRole('button', { name: 'Delete my account' }).click()]);
    await page.getByText('Your account was deleted.').waitFor();
    await shot(t, '03-deleted');
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username', { exact: true }).fill(name);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That username and password do not match an account.').waitFor();
    await page.goto(`${baseUrl}/me`);
    assert.match(page.url(), /\/login/);
  });

  step('no script errors on the way', async () => {
    assert.deepEqual(errors, []);
  });
});
