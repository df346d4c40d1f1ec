// A visitor on a phone searches from the header box: `kindred demo` fills a fresh SQLite
// database, the server starts on it, and an anonymous visitor types a word into the search box in
// the header, sees highlighted results (only from groups anyone may read), and opens one, landing
// on the post. Screenshots go into ./screenshots/ as search-*.png.
//
//   KINDRED_BIN=/path/to/kindred   the server binary (default ../../target/debug/kindred)
//   CHROMIUM_PATH=/usr/bin/chromium the browser (default /usr/bin/chromium)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Journey, Kindred } from './harness.mjs';

const kindred = new Kindred('kindred-browser-search-');

describe('searching from the header on a phone', () => {
  let page;
  const consoleErrors = [];
  const journey = new Journey(test, 'search-');
  const step = (name, fn, opts) => journey.step(name, fn, opts);

  before(
    async () => {
      await kindred.demo();
      const baseUrl = await kindred.start();
      page = await kindred.phonePage();
      journey.page = page;
      page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
      page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
      await page.goto(`${baseUrl}/`);
    },
    { timeout: 90_000 },
  );

  after(async () => kindred.stop(), { timeout: 30_000 });

  step('the header has a labelled search box that fits the phone', async (t) => {
    const box = page.getByRole('search', { name: 'Search the forum' }).getByRole('searchbox');
    await box.waitFor();
    const r = await box.boundingBox();
    assert.ok(r && r.height >= 44 && r.x >= 0 && r.x + r.width <= 390, `box at ${JSON.stringify(r)}`);
    await journey.shot(t, 'home');
  });

  step('typing a word and pressing Enter shows highlighted results', async (t) => {
    await page.getByRole('searchbox', { name: 'Search the forum' }).fill('evening');
    await Promise.all([page.waitForURL(/\/search\?q=evening/), page.keyboard.press('Enter')]);
    const results = page.locator('.search-result');
    assert.ok((await results.count()) >= 1, 'at least one result');
    const marked = await page.locator('.search-result mark').allTextContents();
    assert.ok(marked.some((m) => m.toLowerCase().startsWith('evening')), `marked: ${marked}`);
    // The results page keeps what was asked in its own form.
    assert.equal(await page.locator('#search-q').inputValue(), 'evening');
    await journey.shot(t, 'results');
  });

  step('a result opens its conversation at the post', async (t) => {
    const link = page.locator('.search-result a').first();
    const href = await link.getAttribute('href');
    assert.match(href, /^\/threads\/\d+\?post=\d+#post-\d+$/);
    await Promise.all([page.waitForURL(/\/threads\/\d+/), link.click()]);
    const id = href.split('#')[1];
    await page.locator(`#${id}`).waitFor();
    await journey.shot(t, 'post');
  });

  step('no console errors (CSP included)', async () => {
    assert.deepEqual(consoleErrors, []);
  });
});
