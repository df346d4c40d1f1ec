// Long threads on a phone (issue 17): a 500-post thread (from `kindred demo --scale`) opens with at
// most 100 posts and "More replies"; the next page says it continues the conversation. The same
// with JavaScript off, where "Reply" under a post on a later page opens the reply page and the new
// reply is shown on the page that holds it. axe checks a continued page. Screenshots:
// screenshots/long-thread-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Kindred, PHONE, SHOTS, postTag } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const kindred = new Kindred('kindred-browser-long-');
let baseUrl = null;
let demo = null; // { password (never printed), group, thread500 }

const posts = (page) => page.locator('ol.posts > li.post');

describe('a long thread on a phone, with and without JavaScript', () => {
  before(async () => {
    demo = await kindred.demoScale(3000);
    baseUrl = await kindred.start();
  });
  after(async () => {
    await kindred.stop();
  });

  test('an anonymous reader pages through with JavaScript on', { timeout: 120_000 }, async () => {
    const page = await kindred.phonePage();
    const res = await page.goto(`${baseUrl}/threads/${demo.thread500}`);
    assert.equal(res.status(), 200);
    assert.equal(await posts(page).count(), 100, 'a page holds at most 100 posts');
    assert.equal(await page.locator('.thread-continued').count(), 0);
    await page.screenshot({ path: path.join(SHOTS, 'long-thread-first.png') });
    const html = await page.content();
    assert.ok(html.length < 400_000, `the first page of a 500-post thread is ${html.length} bytes`);
    await Promise.all([page.waitForURL(/\?cursor=[0-9.]+$/), page.getByRole('link', { name: 'More replies' }).click()]);
    await assert.doesNotReject(page.locator('.thread-continued').waitFor());
    const n = await posts(page).count();
    assert.ok(n > 0 && n <= 100, `${n} posts on the second page`);
    await page.screenshot({ path: path.join(SHOTS, 'long-thread-continued.png') });
    await Promise.all([
      page.waitForURL(new RegExp(`/threads/${demo.thread500}$`)),
      page.getByRole('link', { name: 'Back to its beginning' }).click(),
    ]);
    assert.equal(await posts(page).count(), 100);
    await page.context().close();
  });

  test('a member without JavaScript replies on a later page and lands on their reply', { timeout: 120_000 }, async (t) => {
    const context = await kindred.browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(60_000);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username', { exact: true }).fill('member00001');
    await page.getByLabel('Password', { exact: true }).fill(demo.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);

    await page.goto(`${baseUrl}/threads/${demo.thread500}`);
    assert.equal(await posts(page).count(), 100);
    assert.equal(await page.locator('textarea').count(), 1, 'one composer a page');
    await Promise.all([page.waitForURL(/\?cursor=/), page.getByRole('link', { name: 'More replies' }).click()]);
    await page.locator('.thread-continued').waitFor();
    const target = posts(page).nth(3);
    const targetId = (await target.getAttribute('id')).replace('post-', '');
    await Promise.all([
      page.waitForURL(new RegExp(`/posts/${targetId}/reply$`)),
      target.locator('a.reply-link').click(),
    ]);
    const words = `Thank you, that helps ${postTag()}`;
    await page.getByLabel('Your reply').fill(words);
    await Promise.all([
      page.waitForURL(/\/threads\/\d+\?post=\d+#post-\d+$/),
      page.getByRole('button', { name: /Post reply/ }).click(),
    ]);
    const newId = page.url().match(/#post-(\d+)$/)[1];
    const mine = page.locator(`li.post#post-${newId}`);
    await mine.waitFor();
    assert.match(await mine.innerText(), new RegExp(words));
    assert.ok(await page.locator(`li.post#post-${targetId}`).count(), 'the post replied to is on the same page');
    await page.screenshot({ path: path.join(SHOTS, 'long-thread-reply-no-js.png') });

    // axe on the continued page (JavaScript is only needed to run axe itself).
    const axePage = await kindred.browser.newPage({ viewport: PHONE });
    await axePage.goto(page.url().replace(/#.*$/, ''));
    await axePage.evaluate(AXE);
    const result = await axePage.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
    );
    const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    t.diagnostic(`continued page: ${result.passes.length} rules passed, ${result.violations.length} violated`);
    assert.deepEqual(serious.map((v) => `${v.impact} ${v.id}: ${v.help}`), []);
    await axePage.close();
    await context.close();
  });
});
