// A real browser (Debian's Chromium via playwright-core, phone-sized) checks the PHI journey of
// issue 4: a member writes a reply that could identify a child; before it is sent the page warns
// what looks risky and why; posted anyway, it is held and shown to its author with the risky parts
// highlighted and numbered reasons; the author edits them out and the reply is published at once.
// Another member never sees the held reply. Screenshots: ./screenshots/phi-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Journey, Kindred } from './harness.mjs';

const kindred = new Kindred('kindred-browser-phi-');
const RISKY = 'My daughter Emily Carter, DOB 4/12/2015, was seen at 14 Elm St last week.';
const CLEAN = 'My daughter was seen at the clinic last week. The rash is settling.';

describe('PHI: warned before posting, held with reasons, published once edited', () => {
  let page;
  let baseUrl;
  let threadUrl;
  let heldId;
  const journey = new Journey(test, 'phi-');
  const step = (name, fn, opts) => journey.step(name, fn, opts);
  const shot = (t, name) => journey.shot(t, name);
  const errors = [];

  async function register(name) {
    const password = `quiet ${randomBytes(6).toString('hex')} harbour`;
    await page.goto(`${baseUrl}/register`);
    await page.getByLabel('Username', { exact: true }).fill(name);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password again', { exact: true }).fill(password);
    await Promise.all([page.waitForURL(/\/me$/), page.getByRole('button', { name: 'Create my account' }).click()]);
  }

  async function joinAndOpenThread() {
    await page.goto(`${baseUrl}/groups/rheumatoid-arthritis`);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/join') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Join this group' }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    await Promise.all([page.waitForURL(/\/threads\/\d+$/), page.locator('.thread-list .thread-title').first().click()]);
  }

  before(
    async () => {
      await kindred.demo();
      baseUrl = await kindred.start();
      page = await kindred.phonePage();
      journey.page = page;
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    },
    { timeout: 90_000 },
  );
  after(async () => kindred.stop(), { timeout: 30_000 });

  step('a member opens a conversation and writes a reply naming their daughter', async (t) => {
    await register(`parent_${randomBytes(3).toString('hex')}`);
    await joinAndOpenThread();
    threadUrl = page.url();
    await page.locator('#reply').getByLabel('Your reply', { exact: true }).fill(RISKY);
    await page.locator('#reply').getByRole('button', { name: 'Post reply' }).click();
    const warning = page.locator('#reply .phi-warning');
    await warning.waitFor();
    assert.equal(page.url(), threadUrl, 'nothing was sent yet');
    const marks = await warning.locator('mark').allInnerTexts();
    assert.deepEqual(marks, ['Emily Carter', '4/12/2015', '14 Elm St']);
    const reasons = await warning.locator('li').allInnerTexts();
    t.diagnostic(`warning reasons: ${reasons.join(' | ')}`);
    assert.ok(reasons.every((r) => / — looks like \w/.test(r)), 'each risky part says why');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'phi-warning', 'focus moves to the warning');
    await shot(t, '01-warning');
  });

  step('"Edit my post" closes the warning and returns to the text', async () => {
    await page.getByRole('button', { name: 'Edit my post' }).click();
    assert.equal(await page.locator('.phi-warning').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.name), 'body');
  });

  step('posted anyway, the reply is held and shown to its author with the reasons', async (t) => {
    await page.locator('#reply').getByRole('button', { name: 'Post reply' }).click();
    await Promise.all([
      page.waitForURL(/#post-\d+$/),
      page.getByRole('button', { name: 'Post anyway and wait for review' }).click(),
    ]);
    heldId = page.url().match(/#post-(\d+)$/)[1];
    assert.match(await page.locator('.notice').first().innerText(), /held for review/);
    const held = page.locator(`#post-${heldId} .held`);
    assert.deepEqual(await held.locator('mark').allInnerTexts(), ['Emily Carter1', '4/12/20152', '14 Elm St3']);
    assert.equal(await held.locator('.held-reasons li').count(), 3);
    await shot(t, '02-held');
  });

  step('another member cannot tell the held reply exists', async () => {
    const other = await page.context().browser().newContext();
    const p2 = await other.newPage();
    const res = await p2.goto(threadUrl);
    assert.equal(res.status(), 200);
    const text = await p2.locator('main').innerText();
    assert.ok(!text.includes('Emily') && !text.includes('Held for review'));
    assert.equal(await p2.locator(`#post-${heldId}`).count(), 0);
    await other.close();
  });

  step('the author edits the risky parts out and the reply is published at once', async (t) => {
    await Promise.all([
      page.waitForURL(/\/posts\/\d+\/edit$/),
      page.getByRole('link', { name: 'Edit to remove them' }).click(),
    ]);
    assert.equal(await page.locator('.held mark').count(), 3, 'the edit page shows what to take out');
    await shot(t, '03-edit');
    await page.getByLabel('Your message', { exact: true }).fill(CLEAN);
    await Promise.all([page.waitForURL(/#post-\d+$/), page.getByRole('button', { name: 'Save changes' }).click()]);
    assert.match(await page.locator('.notice').first().innerText(), /published/);
    assert.equal(await page.locator(`#post-${heldId} .held`).count(), 0);
    assert.match(await page.locator(`#post-${heldId} .post-body`).innerText(), /seen at the clinic/);
    await shot(t, '04-published');
  });

  step('no script errors on any page', async () => {
    assert.deepEqual(errors, []);
  });
});
