// A real browser (Debian's Chromium, driven by playwright-core) goes through what a new member
// does: join, turn on two-factor sign-in, sign out, and sign in again with a code from an
// authenticator app (computed here, RFC 6238). It starts the kindred binary itself on a fresh
// SQLite database and a free port, and takes phone-sized screenshots into ./screenshots/.
//
//   KINDRED_BIN=/path/to/kindred   the server binary (default ../../target/debug/kindred)
//   CHROMIUM_PATH=/usr/bin/chromium the browser (default /usr/bin/chromium)
//
// Nothing secret (password, 2FA key, codes) is printed. The screenshots of the set-up and
// recovery-code pages do show that throw-away account's key and codes; they are gitignored.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Journey, Kindred, PHONE, SHOTS, base32Decode, sleep, stepNow, totpAt } from './harness.mjs';

const kindred = new Kindred('kindred-browser-');
let baseUrl = null;

// ---------------------------------------------------------------------------------------------

describe('a new member joins, turns on two-factor sign-in and signs in again', () => {
  const username = `tester_${randomBytes(4).toString('hex')}`;
  const password = `calm ${randomBytes(6).toString('hex')} river ${randomBytes(6).toString('hex')}`;
  let page;
  let totpKey = null; // the decoded key; never printed
  let enrolledStep = null;

  const journey = new Journey(test, '');
  const shot = (t, name) => journey.shot(t, name);
  const step = (name, fn, opts) => journey.step(name, fn, opts);


  before(
    async () => {
      baseUrl = await kindred.start();
      page = await kindred.phonePage();
      journey.page = page;
    },
    { timeout: 60_000 },
  );

  after(
    async () => {
      await kindred.stop();
    },
    { timeout: 30_000 },
  );

  step('the front page opens, and Tab first reaches "Skip to main content"', async (t) => {
    const res = await page.goto(`${baseUrl}/`);
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Condition groups' }).waitFor();
    await shot(t, '01-home');

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    assert.deepEqual(focused, { text: 'Skip to main content', href: '#main' });
    const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0 && box.x < PHONE.width, 'the focused skip link is on screen');
    await shot(t, '01b-home-skip-link-focused');

    await page.keyboard.press('Enter');
    const mainFocused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(mainFocused, 'main', 'following the skip link moves focus to <main>');
  }, { critical: false });

  step('Join refuses a common password with a clear error', async (t) => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Join', exact: true }).click();
    await page.waitForURL(/\/register$/);
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill('password');
    await page.getByLabel('Password again', { exact: true }).fill('password');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/register') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Create my account' }).click(),
    ]);
    assert.ok(res.status() >= 400 && res.status() < 500, `status ${res.status()}`);
    await page.waitForLoadState('domcontentloaded');
    const summary = page.locator('.error-summary');
    await summary.getByText('There is a problem').waitFor();
    assert.match(await page.locator('#password-error').innerText(), /\S/, 'the password field says what is wrong');
    assert.equal(await page.getByLabel('Username', { exact: true }).inputValue(), username, 'the username is kept');
    assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), '', 'the password is not sent back');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary', 'focus moves to the summary');
    await shot(t, '02-register-error');
  }, { critical: false });

  step('Join with a good password lands on the account page', async (t) => {
    if (!(await page.getByLabel('Password again', { exact: true }).isVisible())) {
      t.diagnostic('the register form was not shown again; opening it afresh');
      await page.goto(`${baseUrl}/register`);
    }
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password again', { exact: true }).fill(password);
    await Promise.all([
      page.waitForURL(/\/me$/),
      page.getByRole('button', { name: 'Create my account' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    assert.match(await page.locator('.notice').innerText(), /Welcome to Kindred/);
    assert.match(await page.locator('.facts').innerText(), new RegExp(username));
    await shot(t, '03-me');
  });

  step('turning on two-factor sign-in shows a key, takes a code and shows 10 recovery codes', async (t) => {
    await Promise.all([
      page.waitForURL(/\/me\/2fa$/),
      page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Turn on two-factor sign-in' }).waitFor();
    assert.equal(await page.locator('svg.qr').count(), 1, 'a QR code is shown');
    const shown = (await page.locator('.secret code').innerText()).trim();
    // assert.ok, not assert.match: a failure must not print the key.
    assert.ok(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/.test(shown), 'the key is base32 in groups of four');
    totpKey = base32Decode(shown);
    assert.ok(totpKey.length >= 10, 'the key is at least 80 bits');
    await shot(t, '04-2fa-setup');

    // Not in the last seconds of a step, so the server sees the same step we computed.
    if (Date.now() / 1000 % 30 > 27) await sleep(3500);
    enrolledStep = stepNow();
    await page.getByLabel('6-digit code', { exact: true }).fill(totpAt(totpKey, enrolledStep));
    await Promise.all([
      page.waitForURL(/\/me\/2fa\/confirm$/),
      page.getByRole('button', { name: 'Turn on', exact: true }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Two-factor sign-in is on' }).waitFor();
    const codes = await page.locator('ol.codes li code').allInnerTexts();
    assert.equal(codes.length, 10, 'ten recovery codes are shown');
    assert.equal(new Set(codes).size, 10, 'the recovery codes are all different');
    assert.ok(codes.every((c) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(c)), 'each code looks like xxxxx-xxxxx');
    await shot(t, '05-recovery-codes');
  });

  step('the account page says two-factor sign-in is on; Sign out works', async (t) => {
    await Promise.all([page.waitForURL(/\/me$/), page.getByRole('link', { name: 'I have saved my codes' }).click()]);
    const twofa = page.locator('section[aria-labelledby="twofa-heading"]');
    assert.match(await twofa.innerText(), /On\.[\s\S]*10 unused recovery codes/);
    await shot(t, '06-me-2fa-on');

    await Promise.all([
      page.waitForURL(`${baseUrl}/`),
      page.locator('header').getByRole('button', { name: 'Sign out' }).click(),
    ]);
    assert.match(await page.locator('.notice').innerText(), /signed out/i);
    assert.equal(await page.locator('header').getByRole('button', { name: 'Sign out' }).count(), 0);
  });

  step('signing in with the password alone stops at the two-factor step', async (t) => {
    await Promise.all([
      page.waitForURL(/\/login/),
      page.locator('header').getByRole('link', { name: 'Sign in' }).click(),
    ]);
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await Promise.all([
      page.waitForURL(/\/login\/2fa(\?|$)/),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' }).waitFor();
    assert.equal(await page.locator('header').getByRole('button', { name: 'Sign out' }).count(), 0, 'not signed in yet');
    await shot(t, '07-2fa-step');
  });

  step('a wrong code is refused with "There is a problem" (401)', async (t) => {
    // A code that no step in the server's window (one step either side) would accept.
    const s = stepNow();
    const valid = new Set([-2, -1, 0, 1, 2].map((d) => totpAt(totpKey, s + d)));
    let wrong = totpAt(totpKey, s);
    while (valid.has(wrong)) wrong = String((Number(wrong) + 1) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Code', { exact: true }).fill(wrong);
    const [res] = await Promise.all([
      page.waitForResponse((r) => /\/login\/2fa(\?|$)/.test(r.url()) && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    assert.equal(res.status(), 401);
    await page.waitForLoadState('domcontentloaded');
    await page.locator('.error-summary').getByText('There is a problem').waitFor();
    assert.match(page.url(), /\/login\/2fa/);
    await shot(t, '08-2fa-wrong-code');
  }, { critical: false });

  step('a fresh code from the next time step signs in', async (t) => {
    // Each code works once: wait for a step newer than the one used to turn 2FA on.
    const waitMs = (enrolledStep + 1) * 30_000 - Date.now() + 500;
    if (waitMs > 0) {
      t.diagnostic(`waiting ${Math.ceil(waitMs / 1000)} s for the next 30-second time step`);
      await sleep(waitMs);
    }
    if (!(await page.getByLabel('Code', { exact: true }).isVisible())) {
      t.diagnostic('the two-factor form was not shown again; opening it afresh');
      await page.goto(`${baseUrl}/login/2fa?next=%2F`);
    }
    if (Date.now() / 1000 % 30 > 27) await sleep(3500);
    await page.getByLabel('Code', { exact: true }).fill(totpAt(totpKey, stepNow()));
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/login')),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    assert.match(await page.locator('.notice').innerText(), new RegExp(`Signed in as ${username}\\.`));
    await page.locator('header').getByRole('button', { name: 'Sign out' }).waitFor();
    await shot(t, '09-signed-in-again');

    await page.locator('header').getByRole('link', { name: username }).click();
    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    assert.match(await page.locator('.facts').innerText(), new RegExp(username));
    assert.match(await page.locator('section[aria-labelledby="twofa-heading"]').innerText(), /On\./);
    await shot(t, '10-me-signed-in-again');
  });
});
