// A real browser (Debian's Chromium via playwright-core, phone-sized) checks the moderation
// journey of issue 5: a member's reply that could identify her son is held; a moderator (made with
// `kindred user create`) turns on two-factor sign-in, signs in with a code, opens the queue, sees
// the risky parts highlighted and rejects the post with a reason; the member sees the unread count
// in the header and reads the reason on her notifications page. She appeals in words; a second
// moderator (the one who decided may not) upholds the decision, and she is told.
// Screenshots: screenshots/mod-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Journey, Kindred, base32Decode, sleep, stepNow, totpAt } from './harness.mjs';

const kindred = new Kindred('kindred-browser-mod-');
const RISKY = 'My son Tomasz Nowak (DOB 03/14/2012) was seen at 22 Birch Lane.';
const REASON = 'It names your son and gives his birthday; please post again without them.';

describe('moderation: a held post is rejected with a reason and its author is told', () => {
  let baseUrl;
  let member; // the member's page
  let moderator; // the moderator's page (another browser context)
  let heldId;
  let key;
  let enrolledStep;
  const modName = `mod_${randomBytes(3).toString('hex')}`;
  const modPassword = `steady ${randomBytes(6).toString('hex')} lantern`;
  const secondName = `mod2_${randomBytes(3).toString('hex')}`;
  const APPEAL = 'I took the details out of my head too late; I will post it again without them.';
  const ANSWER = 'The post named your son and his birthday; please post again without them.';
  const journey = new Journey(test, 'mod-');
  const step = (name, fn, opts) => journey.step(name, fn, opts);
  const shot = (t, name) => journey.shot(t, name);
  const errors = [];

  before(
    async () => {
      await kindred.demo();
      await kindred.createUser(modName, 'moderator', modPassword);
      await kindred.createUser(secondName, 'moderator', modPassword);
      baseUrl = await kindred.start();
      member = await kindred.phonePage();
      moderator = await member.context().browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
        .then((c) => c.newPage());
      for (const p of [member, moderator]) {
        p.setDefaultTimeout(15_000);
        p.on('pageerror', (e) => errors.push(e.message));
        p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      }
      journey.page = member;
    },
    { timeout: 90_000 },
  );
  after(async () => kindred.stop(), { timeout: 30_000 });

  step('a member posts a reply naming her son; it is held', async (t) => {
    const name = `mum_${randomBytes(3).toString('hex')}`;
    const password = `quiet ${randomBytes(6).toString('hex')} harbour`;
    await member.goto(`${baseUrl}/register`);
    await member.getByLabel('Username', { exact: true }).fill(name);
    await member.getByLabel('Password', { exact: true }).fill(password);
    await member.getByLabel('Password again', { exact: true }).fill(password);
    await Promise.all([member.waitForURL(/\/me$/), member.getByRole('button', { name: 'Create my account' }).click()]);
    await member.goto(`${baseUrl}/groups/rheumatoid-arthritis`);
    await Promise.all([
      member.waitForResponse((r) => r.url().endsWith('/join') && r.request().method() === 'POST'),
      member.getByRole('button', { name: 'Join this group' }).click(),
    ]);
    await member.waitForLoadState('domcontentloaded');
    await Promise.all([member.waitForURL(/\/threads\/\d+$/), member.locator('.thread-list .thread-title').first().click()]);
    await member.locator('#reply').getByLabel('Your reply', { exact: true }).fill(RISKY);
    await member.locator('#reply').getByRole('button', { name: 'Post reply' }).click();
    await Promise.all([
      member.waitForURL(/#post-\d+$/),
      member.getByRole('button', { name: 'Post anyway and wait for review' }).click(),
    ]);
    heldId = member.url().match(/#post-(\d+)$/)[1];
    assert.equal(await member.locator(`#post-${heldId} .held mark`).count(), 3);
    await shot(t, '01-held');
  });

  step('the moderator turns on two-factor sign-in', async (t) => {
    journey.page = moderator;
    await moderator.goto(`${baseUrl}/login`);
    await moderator.getByLabel('Username', { exact: true }).fill(modName);
    await moderator.getByLabel('Password', { exact: true }).fill(modPassword);
    await Promise.all([moderator.waitForURL((u) => !u.pathname.startsWith('/login')), moderator.getByRole('button', { name: 'Sign in' }).click()]);
    await moderator.goto(`${baseUrl}/me`);
    await Promise.all([
      moderator.waitForURL(/\/me\/2fa$/),
      moderator.getByRole('button', { name: 'Turn on two-factor sign-in' }).click(),
    ]);
    key = base32Decode((await moderator.locator('.secret code').innerText()).trim());
    if (Date.now() / 1000 % 30 > 27) await sleep(3500);
    enrolledStep = stepNow();
    await moderator.getByLabel('6-digit code', { exact: true }).fill(totpAt(key, enrolledStep));
    await Promise.all([
      moderator.waitForURL(/\/me\/2fa\/confirm$/),
      moderator.getByRole('button', { name: 'Turn on', exact: true }).click(),
    ]);
    await moderator.getByRole('heading', { level: 1, name: 'Two-factor sign-in is on' }).waitFor();
    await shot(t, '02-moderator-2fa-on');
  });

  step('the moderator signs in again with a code', async (t) => {
    await Promise.all([moderator.waitForURL(`${baseUrl}/`), moderator.locator('header').getByRole('button', { name: 'Sign out' }).click()]);
    await moderator.goto(`${baseUrl}/login?next=%2Fmoderation`);
    await moderator.getByLabel('Username', { exact: true }).fill(modName);
    await moderator.getByLabel('Password', { exact: true }).fill(modPassword);
    await Promise.all([moderator.waitForURL(/\/login\/2fa/), moderator.getByRole('button', { name: 'Sign in' }).click()]);
    const waitMs = (enrolledStep + 1) * 30_000 - Date.now() + 500;
    if (waitMs > 0) {
      t.diagnostic(`waiting ${Math.ceil(waitMs / 1000)} s for the next 30-second time step`);
      await sleep(waitMs);
    }
    if (Date.now() / 1000 % 30 > 27) await sleep(3500);
    await moderator.getByLabel('Code', { exact: true }).fill(totpAt(key, stepNow()));
    await Promise.all([
      moderator.waitForURL(/\/moderation$/),
      moderator.getByRole('button', { name: 'Continue' }).click(),
    ]);
  });

  step('the queue shows the held post masked; the moderator reveals it with a reason', async (t) => {
    await moderator.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor();
    const item = moderator.locator(`#item-${heldId}`);
    assert.deepEqual(await item.locator('mark').allInnerTexts(), ['[NAME]1', '[DATE]2', '[ADDRESS]3']);
    assert.doesNotMatch(await item.innerText(), /Tomasz|Birch/);
    await shot(t, '03-queue-masked');
    await item.locator('summary', { hasText: 'Show the hidden details' }).click();
    await item.getByLabel('Why do you need to see them?').selectOption({ label: 'To decide whether they identify someone' });
    await shot(t, '03b-reveal-form');
    await Promise.all([
      moderator.waitForURL(new RegExp(`/moderation/posts/${heldId}/reveal$`)),
      item.getByRole('button', { name: 'Show the hidden details' }).click(),
    ]);
    await moderator.getByRole('heading', { level: 1, name: 'Held post, revealed' }).waitFor();
    assert.deepEqual(await moderator.locator('.revealed mark').allInnerTexts(), ['Tomasz Nowak1', '03/14/20122', '22 Birch Lane3']);
    assert.match(await moderator.locator('.notice').first().innerText(), /recorded in the audit log/);
    await shot(t, '03c-revealed');
    await Promise.all([
      moderator.waitForURL(/\/moderation(#.*)?$/),
      moderator.getByRole('link', { name: 'Back to the queue' }).click(),
    ]);
    assert.doesNotMatch(await moderator.locator(`#item-${heldId}`).innerText(), /Tomasz/, 'masked again');
  });

  step('the moderator rejects it with a reason', async (t) => {
    const item = moderator.locator(`#item-${heldId}`);
    await item.locator('summary', { hasText: 'Reject' }).click();
    await item.getByLabel('Reason (the author reads it)').fill(REASON);
    await Promise.all([
      moderator.waitForURL(/\/moderation$/),
      item.getByRole('button', { name: 'Reject the post' }).click(),
    ]);
    assert.match(await moderator.locator('.notice').first().innerText(), /Rejected: the author has been told why/);
    assert.equal(await moderator.locator(`#item-${heldId}`).count(), 0, 'the item left the queue');
    await shot(t, '04-queue-after');
  });

  step('the member sees an unread notification and reads why', async (t) => {
    journey.page = member;
    await member.goto(`${baseUrl}/`);
    const link = member.locator('header').getByRole('link', { name: /Notifications/ });
    assert.match(await link.innerText(), /1/);
    await Promise.all([member.waitForURL(/\/notifications$/), link.click()]);
    const text = await member.locator('.notifications').innerText();
    assert.ok(text.includes(REASON), 'the reason is shown');
    assert.ok(!text.includes('Nowak'), 'no PHI in the notification');
    await shot(t, '05-notifications');
    await Promise.all([member.waitForURL(/\/threads\/\d+\?post=\d+#post-\d+$/), member.locator('.notifications a').first().click()]);
    assert.match(await member.locator(`#post-${heldId}`).innerText(), /Not published by a moderator/);
  });

  step('the member appeals the decision in words', async (t) => {
    const post = member.locator(`#post-${heldId}`);
    await Promise.all([
      member.waitForURL(/\/appeals\/new\?post=\d+$/),
      post.getByRole('link', { name: 'Appeal this decision' }).click(),
    ]);
    await member.getByRole('heading', { level: 1, name: 'Appeal a decision' }).waitFor();
    await member.getByLabel('Why should the decision change?').fill(APPEAL);
    await shot(t, '06-appeal-form');
    await Promise.all([member.waitForURL(/\/notifications$/), member.getByRole('button', { name: 'Send my appeal' }).click()]);
    assert.match(await member.locator('.notice').first().innerText(), /Your appeal is sent/);
  });

  step('a second moderator upholds it with a reason; the member is told', async (t) => {
    const second = await moderator.context().browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
      .then((c) => c.newPage());
    second.setDefaultTimeout(15_000);
    second.on('pageerror', (e) => errors.push(e.message));
    journey.page = second;
    await second.goto(`${baseUrl}/login`);
    await second.getByLabel('Username', { exact: true }).fill(secondName);
    await second.getByLabel('Password', { exact: true }).fill(modPassword);
    await Promise.all([second.waitForURL((u) => !u.pathname.startsWith('/login')), second.getByRole('button', { name: 'Sign in' }).click()]);
    await second.goto(`${baseUrl}/me`);
    await Promise.all([second.waitForURL(/\/me\/2fa$/), second.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()]);
    const secondKey = base32Decode((await second.locator('.secret code').innerText()).trim());
    if (Date.now() / 1000 % 30 > 27) await sleep(3500);
    await second.getByLabel('6-digit code', { exact: true }).fill(totpAt(secondKey, stepNow()));
    await Promise.all([second.waitForURL(/\/me\/2fa\/confirm$/), second.getByRole('button', { name: 'Turn on', exact: true }).click()]);
    await second.goto(`${baseUrl}/moderation/appeals`);
    await second.getByRole('heading', { level: 1, name: 'Appeals' }).waitFor();
    const item = second.locator('.queue-item').first();
    assert.match(await item.innerText(), new RegExp(APPEAL.slice(0, 30)));
    assert.match(await item.innerText(), new RegExp(`Decided by ${modName}`));
    await item.getByLabel(/Your reason/).fill(ANSWER);
    await shot(t, '07-appeal-answer');
    await Promise.all([
      second.waitForURL(/\/moderation\/appeals(#.*)?$/),
      item.getByRole('button', { name: 'Uphold: the decision stands' }).click(),
    ]);
    assert.match(await second.locator('.notice').first().innerText(), /Appeal upheld/);
    await second.getByText('No open appeals.').waitFor();
    await shot(t, '08-appeals-empty');
    journey.page = member;
    await member.goto(`${baseUrl}/notifications`);
    const text = await member.locator('.notifications').innerText();
    assert.match(text, /answered your appeal: upheld/);
    assert.ok(text.includes(ANSWER), 'the answer is shown');
    await shot(t, '09-appeal-outcome');
  });

  step('no script errors on any page', async () => {
    assert.deepEqual(errors, []);
  });
});
