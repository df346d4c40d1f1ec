// A real browser (Debian's Chromium via playwright-core, phone-sized) checks the clinician journey
// of issue 6: a member applies for the badge (a mistyped NPI is caught and named), a moderator with
// two-factor sign-in approves it from the review page with the registry link at hand, and the new
// clinician is told, turns on two-factor sign-in (required before posting) and answers a thread
// under "Verified clinician · Rheumatology". On the way, the moderator finds what `kindred demo`
// left in the queue: a reply held for PHI and a reported one. Screenshots: screenshots/clin-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Journey, Kindred, base32Decode, sleep, stepNow, totpAt } from './harness.mjs';

const kindred = new Kindred('kindred-browser-clin-');
const ANSWER = 'Fatigue often eases after the first months; tell your rheumatologist if it does not.';

/// Turns on two-factor sign-in from the account page, as a person with an authenticator app does.
async function turnOnTwoFactor(page, baseUrl) {
  await page.goto(`${baseUrl}/me`);
  await Promise.all([page.waitForURL(/\/me\/2fa$/), page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()]);
  const key = base32Decode((await page.locator('.secret code').innerText()).trim());
  if (Date.now() / 1000 % 30 > 27) await sleep(3500);
  await page.getByLabel('6-digit code', { exact: true }).fill(totpAt(key, stepNow()));
  await Promise.all([page.waitForURL(/\/me\/2fa\/confirm$/), page.getByRole('button', { name: 'Turn on', exact: true }).click()]);
  await page.getByRole('heading', { level: 1, name: 'Two-factor sign-in is on' }).waitFor();
  await Promise.all([page.waitForURL(/\/me$/), page.getByRole('link', { name: 'I have saved my codes' }).click()]);
}

describe('clinicians: a member applies, a moderator approves, the badge shows on her answer', () => {
  let baseUrl;
  let member;
  let moderator;
  const modName = `mod_${randomBytes(3).toString('hex')}`;
  const modPassword = `steady ${randomBytes(6).toString('hex')} lantern`;
  const name = `dr_${randomBytes(3).toString('hex')}`;
  const journey = new Journey(test, 'clin-');
  const step = (n, fn, opts) => journey.step(n, fn, opts);
  const shot = (t, n) => journey.shot(t, n);
  const errors = [];

  before(
    async () => {
      await kindred.demo();
      await kindred.createUser(modName, 'moderator', modPassword);
      baseUrl = await kindred.start();
      member = await kindred.phonePage();
      moderator = await member.context().browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
        .then((c) => c.newPage());
      for (const p of [member, moderator]) {
        p.setDefaultTimeout(15_000);
        p.on('pageerror', (e) => errors.push(e.message));
        // The mistyped NPI is answered 422 on purpose; Chromium logs that as a console error.
        p.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && errors.push(m.text()));
      }
      journey.page = member;
    },
    { timeout: 90_000 },
  );
  after(async () => kindred.stop(), { timeout: 30_000 });

  step('a member finds the application from her account page and reads what is checked', async (t) => {
    const password = `quiet ${randomBytes(6).toString('hex')} harbour`;
    await member.goto(`${baseUrl}/register`);
    await member.getByLabel('Username', { exact: true }).fill(name);
    await member.getByLabel('Password', { exact: true }).fill(password);
    await member.getByLabel('Password again', { exact: true }).fill(password);
    await Promise.all([member.waitForURL(/\/me$/), member.getByRole('button', { name: 'Create my account' }).click()]);
    await Promise.all([
      member.waitForURL(/\/clinician\/apply$/),
      member.getByRole('link', { name: 'Apply for a verified clinician badge' }).click(),
    ]);
    await member.getByRole('heading', { name: 'What we check' }).waitFor();
    assert.match(await member.locator('main').innerText(), /shows your specialty, not your name/);
    await shot(t, '01-apply');
  });

  step('a mistyped NPI is named, nothing typed is lost, and the corrected application is sent', async (t) => {
    await member.getByLabel('NPI', { exact: true }).fill('1234567890');
    await member.getByLabel('State of your licence').selectOption('MA');
    await member.getByLabel('Licence number').fill('RN-204518');
    await member.getByLabel('Specialty').selectOption('Rheumatology');
    await member.getByLabel(/Note for the moderator/).fill('Listed under my maiden name.');
    await member.getByRole('button', { name: 'Send my application' }).click();
    await member.locator('.error-summary').waitFor();
    const npi = member.getByLabel('NPI', { exact: true });
    assert.equal(await npi.getAttribute('aria-invalid'), 'true');
    assert.match(await member.locator('.field-error').innerText(), /check digit is wrong/);
    assert.equal(await member.getByLabel('Licence number').inputValue(), 'RN-204518');
    assert.equal(await member.getByLabel('Specialty').inputValue(), 'Rheumatology');
    await shot(t, '02-wrong-npi');
    await npi.fill('1234567893');
    await Promise.all([
      member.waitForURL(/\/clinician\/apply$/),
      member.getByRole('button', { name: 'Send my application' }).click(),
    ]);
    assert.match(await member.locator('.notice').innerText(), /waiting for a moderator/);
    await shot(t, '03-sent');
  });

  step('the moderator turns on two-factor sign-in and opens the review page', async (t) => {
    journey.page = moderator;
    await moderator.goto(`${baseUrl}/login`);
    await moderator.getByLabel('Username', { exact: true }).fill(modName);
    await moderator.getByLabel('Password', { exact: true }).fill(modPassword);
    await Promise.all([moderator.waitForURL((u) => !u.pathname.startsWith('/login')), moderator.getByRole('button', { name: 'Sign in' }).click()]);
    await turnOnTwoFactor(moderator, baseUrl);
    await Promise.all([
      moderator.waitForURL(/\/moderation\/clinicians$/),
      moderator.locator('header').getByRole('link', { name: 'Clinicians' }).click(),
    ]);
    const item = moderator.locator('.queue-item', { hasText: name });
    assert.match(await item.innerText(), /RN-204518/);
    assert.match(await item.innerText(), /Listed under my maiden name/);
    assert.equal(
      await item.getByRole('link', { name: /NPPES registry/ }).getAttribute('href'),
      'https://npiregistry.cms.hhs.gov/provider-view/1234567893',
    );
    await shot(t, '04-review');
  });

  step('the moderator approves', async (t) => {
    await Promise.all([
      moderator.waitForURL(/\/moderation\/clinicians$/),
      moderator.getByRole('button', { name: `Approve ${name} as Rheumatology` }).click(),
    ]);
    assert.match(await moderator.locator('.notice').first().innerText(), /Verified clinician · Rheumatology/);
    assert.equal(await moderator.locator('.queue-item').count(), 0);
    assert.match(await moderator.locator(`#clinician-${name}`).innerText(), /Two-factor sign-in off/);
    await shot(t, '05-approved');
  });

  step("the demo's queue waits for the moderator: a reply held for PHI and a reported reply", async (t) => {
    await moderator.goto(`${baseUrl}/moderation`);
    await moderator.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor();
    const tagged = (text) => moderator.locator('.queue-item').filter({ has: moderator.locator('.tag', { hasText: text }) });
    const held = tagged('Held: may identify someone');
    assert.equal(await held.count(), 1, 'one reply held for PHI');
    assert.match(await held.innerText(), /Pump site on the arm/);
    // Masked until a moderator asks: the number's kind, never the number.
    assert.match(await held.locator('.held-source mark').innerText(), /\[PHONE\]/);
    assert.doesNotMatch(await held.innerText(), /555-0147/);
    const reported = tagged('Reported');
    assert.equal(await reported.count(), 1, 'one reported reply');
    const reports = await reported.locator('.flags li').allInnerTexts();
    assert.equal(reports.length, 2, reports.join(' | '));
    assert.match(reports[0], /misinformation/);
    assert.match(reports[0], /quiet-owl/);
    await held.scrollIntoViewIfNeeded();
    await shot(t, '05b-demo-queue');
  });

  step('she is told, turns on two-factor sign-in and answers a thread under her badge', async (t) => {
    journey.page = member;
    await member.goto(`${baseUrl}/notifications`);
    assert.match(await member.locator('.notifications').innerText(), /approved/);
    await member.goto(`${baseUrl}/me`);
    assert.match(await member.locator('.warning').innerText(), /cannot post until two-factor sign-in is on/);
    await turnOnTwoFactor(member, baseUrl);
    await member.goto(`${baseUrl}/groups/rheumatoid-arthritis`);
    await Promise.all([
      member.waitForResponse((r) => r.url().endsWith('/join') && r.request().method() === 'POST'),
      member.getByRole('button', { name: 'Join this group' }).click(),
    ]);
    await member.waitForLoadState('domcontentloaded');
    await Promise.all([member.waitForURL(/\/threads\/\d+$/), member.locator('.thread-list .thread-title').first().click()]);
    await member.locator('#reply').getByLabel('Your reply', { exact: true }).fill(ANSWER);
    await Promise.all([member.waitForURL(/#post-\d+$/), member.locator('#reply').getByRole('button', { name: 'Post reply' }).click()]);
    const id = member.url().match(/#post-(\d+)$/)[1];
    const post = member.locator(`#post-${id}`);
    assert.match(await post.innerText(), /Fatigue often eases/);
    assert.equal(await post.locator('.badge-clinician').innerText(), 'Verified clinician · Rheumatology');
    await post.scrollIntoViewIfNeeded();
    await shot(t, '06-answer-with-badge');
  });

  step('no script errors on any page', async () => {
    assert.deepEqual(errors, []);
  });
});
