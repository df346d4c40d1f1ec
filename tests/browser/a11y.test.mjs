// Accessibility (issue 7, part 5): axe-core (npm) checks the main pages in headless Chromium at a
// phone width (390×844) and a desktop width (1280×800): home, a group, a thread (with a reply and
// a post the PHI scanner held), compose (new thread), and the moderation queue as an admin with
// two-factor sign-in. No serious or critical violation is allowed; minor and moderate ones are
// listed as diagnostics. Screenshots: screenshots/a11y-<page>-<phone|desktop>.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Kindred, SHOTS, base32Decode, stepNow, totpAt } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'correct horse battery staple 7';
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

const kindred = new Kindred('kindred-browser-a11y-');

describe('the main pages have no serious or critical accessibility violations', () => {
  let baseUrl;
  let browser;
  let threadId;
  let reportPostId;
  let recovery = [];

  const api = async (method, p, body, token) => {
    const res = await fetch(`${baseUrl}/api/v1${p}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  before(
    async () => {
      await kindred.createUser('a11y_admin', 'admin', PASSWORD);
      baseUrl = await kindred.start();
      browser = (await kindred.phonePage()).context().browser();
      // A forum to look at, made through the API.
      const admin = (await api('POST', '/auth/login', { username: 'a11y_admin', password: PASSWORD })).body.access_token;
      const { body: enrol } = await api('POST', '/me/2fa', undefined, admin);
      const c = await api('POST', '/me/2fa/confirm', { totp: totpAt(base32Decode(enrol.secret), stepNow()) }, admin);
      assert.equal(c.status, 200, JSON.stringify(c.body));
      recovery = c.body.recovery_codes;
      const g = await api('POST', '/groups', { slug: 'lupus', name: 'Lupus', description: 'Living with systemic lupus erythematosus.', visibility: 'public' }, admin);
      assert.equal(g.status, 201, JSON.stringify(g.body));
      await api('POST', '/auth/register', { username: 'a11y_member', password: PASSWORD });
      const member = (await api('POST', '/auth/login', { username: 'a11y_member', password: PASSWORD })).body.access_token;
      await api('POST', '/groups/lupus/membership', undefined, member);
      const t = await api('POST', '/groups/lupus/threads', { title: 'Morning stiffness: what helps?', body: 'Mine lasts about an hour. **Warm showers** help; what works for you?\n\n- stretching\n- [an article](https://example.org/stiffness)' }, member);
      threadId = t.body.thread.id;
      await api('POST', '/groups/lupus/membership', undefined, admin);
      reportPostId = (await api('POST', `/threads/${threadId}/posts`, { body: 'Gentle yoga before breakfast, and a heat pad.' }, admin)).body.id;
      await api('POST', `/threads/${threadId}/posts`, { body: 'My daughter Emily Carter, DOB 4/12/2015, was seen at 14 Elm St about this.' }, member);
    },
    { timeout: 90_000 },
  );
  after(async () => kindred.stop(), { timeout: 30_000 });

  async function signedInPage(width, who) {
    const context = await browser.newContext({ viewport: WIDTHS[width], locale: 'en-GB', ...(width === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username', { exact: true }).fill(who);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (who === 'a11y_admin') {
      await page.waitForURL(/\/login\/2fa/);
      await page.getByLabel('Code', { exact: true }).fill(recovery.shift());
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return page;
  }

  async function audit(t, page, url, name, width) {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(AXE); // evaluated through the DevTools protocol: the page's CSP does not apply
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
    );
    await page.screenshot({ path: path.join(SHOTS, `a11y-${name}-${width}.png`), fullPage: true });
    const describe = (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`;
    for (const v of result.violations.filter((v) => !['serious', 'critical'].includes(v.impact))) {
      t.diagnostic(`${name} ${width}: ${describe(v)}`);
    }
    assert.ok(result.passes.length > 15, `axe ran on ${name} (${result.passes.length} rules passed)`);
    t.diagnostic(`${name} ${width}: ${result.passes.length} rules passed, ${result.violations.length} violated, ${result.incomplete.length} to review by hand`);
    const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious.map(describe), [], `${name} at ${width} width`);
    const wide = await page.evaluate(() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth);
    assert.equal(wide, false, `${name} at ${width} width scrolls sideways`);
  }

  for (const width of Object.keys(WIDTHS)) {
    test(`home, group, thread and compose as a member at ${width} width`, { timeout: 120_000 }, async (t) => {
      const page = await signedInPage(width, 'a11y_member');
      await audit(t, page, `${baseUrl}/`, 'home', width);
      await audit(t, page, `${baseUrl}/groups/lupus`, 'group', width);
      await audit(t, page, `${baseUrl}/threads/${threadId}`, 'thread', width);
      await audit(t, page, `${baseUrl}/groups/lupus/new`, 'compose', width);
      await audit(t, page, `${baseUrl}/posts/${reportPostId}/report`, 'report a post', width);
      await audit(t, page, `${baseUrl}/posts/${reportPostId}/quote`, 'quote a post', width);
      await audit(t, page, `${baseUrl}/appeals/new?post=${reportPostId}`, 'appeal form', width);
      await page.context().close();
    });

    test(`the moderation queue as an admin at ${width} width`, { timeout: 120_000 }, async (t) => {
      const page = await signedInPage(width, 'a11y_admin');
      await audit(t, page, `${baseUrl}/moderation`, 'moderation', width);
      await audit(t, page, `${baseUrl}/moderation/appeals`, 'appeals', width);
      await page.context().close();
    });
  }
});
