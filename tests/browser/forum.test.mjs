// A real browser (Debian's Chromium, driven by playwright-core) uses the forum on a phone-sized
// screen. Before the browser starts, `kindred demo` fills a fresh SQLite database with groups and
// conversations; then the server is started on that database and a free port. The journey:
//   - an anonymous visitor reads the group list, a public group and a thread with nested replies;
//   - a new member joins, joins a group, starts a conversation, replies and replies to the reply,
//     edits a reply and deletes a post that has an answer;
//   - a post full of script is shown inert (no script runs, no CSP errors from our own pages);
//   - the skip link is the first Tab stop on a thread page and moves focus to <main>;
//   - a private group shows "Ask to join" and none of its conversations.
// Phone-sized screenshots go into ./screenshots/ (gitignored), named forum-*.png.
//
//   KINDRED_BIN=/path/to/kindred   the server binary (default ../../target/debug/kindred)
//   CHROMIUM_PATH=/usr/bin/chromium the browser (default /usr/bin/chromium)
//
// Nothing secret (the demo password, the new member's password) is printed.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Journey, Kindred, PHONE, SHOTS, postTag, sleep } from './harness.mjs';

const kindred = new Kindred('kindred-browser-forum-');
let baseUrl = null;

// ---------------------------------------------------------------------------------------------

describe('the forum on a phone: reading, posting, nesting, editing, deleting, safety', () => {
  const username = `member_${randomBytes(4).toString('hex')}`;
  const password = `quiet ${randomBytes(6).toString('hex')} harbour ${randomBytes(6).toString('hex')}`;
  const runTag = postTag();
  let page;
  let demoPassword = null; // never printed
  const consoleErrors = []; // { url, text } for every console error and uncaught page error

  // What the journey makes, for the steps after.
  let threadUrl = null; // the new member's conversation
  let replyId = null; // the reply to the opening post
  let nestedId = null; // the reply to that reply

  const journey = new Journey(test, 'forum-');
  const shot = (t, name) => journey.shot(t, name);
  const step = (name, fn, opts) => journey.step(name, fn, opts);

  // Reported, not failed: interactive things smaller than a comfortable 44×44 px tap target
  // (WCAG 2.5.5), and those under the 24×24 px minimum (WCAG 2.2, 2.5.8).
  async function reportSmallTargets(t, where) {
    const small = await page.evaluate(() => {
      const out = [];
      const seen = new Set();
      for (const el of document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), textarea, select')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (el.closest('.skip-link') || el.classList.contains('skip-link')) continue;
        if (r.width >= 44 && r.height >= 44) continue;
        const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.tagName)
          .trim()
          .replace(/\s+/g, ' ')
          .slice(0, 40);
        const inProse = !!el.closest('.post-body, p.lead, .site-footer');
        const key = `${el.tagName}|${label}|${Math.round(r.width)}x${Math.round(r.height)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ tag: el.tagName.toLowerCase(), label, w: Math.round(r.width), h: Math.round(r.height), inProse });
      }
      return out;
    });
    for (const s of small) {
      const tier = s.w < 24 || s.h < 24 ? 'under 24px' : 'under 44px';
      t.diagnostic(`${where}: small tap target (${tier}) <${s.tag}> "${s.label}" ${s.w}x${s.h}${s.inProse ? ' (inline in text)' : ''}`);
    }
  }

  const postItem = (id) => page.locator(`li.post#post-${id}`);
  const nestOf = async (locator) => {
    const cls = await locator.getAttribute('class');
    const m = cls && cls.match(/\bnest-(\d+)\b/);
    return m ? Number(m[1]) : null;
  };
  const marginLeft = (locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).marginLeft));
  const postIdFromUrl = () => {
    const m = page.url().match(/#post-(\d+)$/);
    assert.ok(m, `the page went to a post (${page.url()})`);
    return m[1];
  };


  before(
    async () => {
      demoPassword = await kindred.demo();
      assert.ok(/^\S{8,}$/.test(demoPassword), 'the demo password looks like one');
      baseUrl = await kindred.start();
      page = await kindred.phonePage();
      journey.page = page;
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const from = msg.location()?.url;
        consoleErrors.push({ url: page.url(), text: msg.text() + (from && from !== page.url() ? ` [${from}]` : '') });
      });
      page.on('pageerror', (err) => consoleErrors.push({ url: page.url(), text: `uncaught: ${err.message}` }));
    },
    { timeout: 90_000 },
  );

  after(
    async () => {
      await kindred.stop();
    },
    { timeout: 30_000 },
  );

  // ---- An anonymous visitor reads ----------------------------------------------------------

  step('anonymous: the front page lists the demo groups', async (t) => {
    const res = await page.goto(`${baseUrl}/`);
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Condition groups' }).waitFor();
    const names = await page.locator('.card-list .card-title a').allInnerTexts();
    for (const g of ['Type 1 diabetes', 'Rheumatoid arthritis', 'Long COVID', 'Caregivers']) {
      assert.ok(names.includes(g), `the group list has "${g}" (it has: ${names.join(', ')})`);
    }
    assert.equal(await page.locator('header').getByRole('link', { name: 'Sign in' }).count(), 1, 'not signed in');
    await shot(t, '01-home');
    await reportSmallTargets(t, 'home (anonymous)');
  });

  step('anonymous: a public group lists its conversations', async (t) => {
    await Promise.all([
      page.waitForURL(/\/groups\/type-1-diabetes$/),
      page.getByRole('link', { name: 'Type 1 diabetes', exact: true }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Type 1 diabetes' }).waitFor();
    const titles = await page.locator('.thread-list .thread-title').allInnerTexts();
    assert.ok(titles.includes('Night-time lows after exercise: what helps you?'), `titles: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Pump site on the arm: worth trying?'), `titles: ${titles.join(' | ')}`);
    await page.locator('.actions').getByRole('link', { name: 'Sign in' }).waitFor();
    await shot(t, '02-group');
    await reportSmallTargets(t, 'group (anonymous)');
  });

  step('anonymous: a members-only group page fits the phone without scrolling sideways', async (t) => {
    await page.goto(`${baseUrl}/groups/long-covid`);
    await page.getByRole('heading', { level: 1, name: 'Long COVID' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Sign in to read this group's conversations/);
    assert.equal(await page.locator('.thread-list').count(), 0, 'no conversations for anonymous readers');
    await shot(t, '02b-group-members-only');
    const { sw, cw } = await page.evaluate(() => ({
      sw: document.scrollingElement.scrollWidth,
      cw: document.scrollingElement.clientWidth,
    }));
    assert.ok(sw <= cw, `the page is ${sw}px wide in a ${cw}px viewport (a tag or a line that does not wrap)`);
  });

  step('anonymous: a thread shows its replies nested', async (t) => {
    await page.goto(`${baseUrl}/groups/type-1-diabetes`);
    await Promise.all([
      page.waitForURL(/\/threads\/\d+$/),
      page.getByRole('link', { name: 'Night-time lows after exercise: what helps you?' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Night-time lows after exercise: what helps you?' }).waitFor();
    const posts = page.locator('ol.posts > li.post');
    assert.equal(await posts.count(), 5, 'the opening post and four replies');
    const classes = await posts.evaluateAll((els) => els.map((e) => e.className));
    t.diagnostic(`post classes: ${classes.join(' / ')}`);
    assert.match(classes[0], /\bnest-0\b/);
    assert.match(classes[0], /\bpost-opening\b/);
    for (const n of [1, 2, 3]) {
      assert.ok(classes.some((c) => new RegExp(`\\bnest-${n}\\b`).test(c)), `a reply at nest-${n}`);
    }
    // Deeper replies really sit further right.
    const margins = await posts.evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).marginLeft)));
    const byNest = {};
    classes.forEach((c, i) => (byNest[Number(c.match(/nest-(\d+)/)[1])] = margins[i]));
    assert.ok(byNest[0] < byNest[1] && byNest[1] < byNest[2] && byNest[2] < byNest[3], `margins by nest: ${JSON.stringify(byNest)}`);
    // The bold in the opening post is rendered.
    assert.equal(await posts.first().locator('.post-body strong').innerText(), '3am');
    // Anonymous readers get no reply forms, only a way to sign in.
    assert.equal(await page.locator('a.reply-link').count(), 0);
    await page.getByRole('link', { name: 'Sign in' }).last().waitFor();
    await shot(t, '03-thread');
    await reportSmallTargets(t, 'thread (anonymous)');
  });

  // ---- A new member posts ---------------------------------------------------------------------

  step('a new member registers', async (t) => {
    await page.goto(`${baseUrl}/`);
    await Promise.all([
      page.waitForURL(/\/register$/),
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Join', exact: true }).click(),
    ]);
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password again', { exact: true }).fill(password);
    await Promise.all([
      page.waitForURL(/\/me$/),
      page.getByRole('button', { name: 'Create my account' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.locator('header').getByRole('link', { name: username }).waitFor();
  });

  step('the member joins "Rheumatoid arthritis"', async (t) => {
    await page.locator('header').getByRole('link', { name: 'Groups' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await Promise.all([
      page.waitForURL(/\/groups\/rheumatoid-arthritis$/),
      page.getByRole('link', { name: 'Rheumatoid arthritis', exact: true }).click(),
    ]);
    assert.equal(await page.getByRole('link', { name: 'Start a conversation' }).count(), 0, 'not a member yet');
    await Promise.all([
      page.waitForURL(/\/groups\/rheumatoid-arthritis$/),
      page.waitForResponse((r) => r.url().endsWith('/join') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Join this group' }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    assert.match(await page.locator('.notice').first().innerText(), /You joined this group/);
    await page.getByRole('button', { name: 'Leave group' }).waitFor();
    await shot(t, '04-group-joined');
  });

  step('"Leave group" looks like a secondary button, not like "Start a conversation"', async (t) => {
    const look = (name) =>
      page.getByRole(name === 'Leave group' ? 'button' : 'link', { name }).evaluate((el) => getComputedStyle(el).backgroundColor);
    const [start, leave] = [await look('Start a conversation'), await look('Leave group')];
    t.diagnostic(`background: "Start a conversation" ${start}, "Leave group" ${leave}`);
    assert.notEqual(leave, start, '"Leave group" has the same filled look as the main action');
  });

  step('the member starts a conversation in Markdown', async (t) => {
    await Promise.all([
      page.waitForURL(/\/groups\/rheumatoid-arthritis\/new$/),
      page.getByRole('link', { name: 'Start a conversation' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Start a conversation' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(`Morning stiffness tips ${runTag}`);
    await page
      .getByLabel('Your message', { exact: true })
      .fill('My hands are stiff for an hour every morning.\n\nA **warm shower first thing** helps a little. What works for you?');
    await shot(t, '05-new-thread-form');
    await reportSmallTargets(t, 'new thread form');
    await Promise.all([page.waitForURL(/\/threads\/\d+$/), page.getByRole('button', { name: 'Post', exact: true }).click()]);
    threadUrl = page.url();
    await page.getByRole('heading', { level: 1, name: `Morning stiffness tips ${runTag}` }).waitFor();
    assert.match(await page.locator('.notice').first().innerText(), /Your conversation has started/);
    const opening = page.locator('li.post.post-opening');
    assert.equal(await opening.locator('.post-body strong').innerText(), 'warm shower first thing');
    assert.equal(await opening.locator('.post-author').innerText(), username);
  });

  step('the member replies to the opening post, then to that reply; the second nests deeper', async (t) => {
    // One composer a page: "Reply" under the opening post makes it the composer's parent.
    const opening = page.locator('li.post.post-opening');
    const openingId = (await opening.getAttribute('id')).replace('post-', '');
    assert.equal(await page.locator('form textarea[name=body]').count(), 1, 'one composer, not a form under every post');
    const composer = page.locator('form.composer');
    await opening.locator('a.reply-link').click();
    assert.equal(await composer.locator('input[name=parent_id]').inputValue(), openingId);
    assert.match(await composer.locator('.replying-to-text').innerText(), /^Replying to your own post/);
    assert.equal(await page.evaluate(() => document.activeElement.name), 'body', 'the composer has the focus');
    await composer.getByLabel('Your reply', { exact: true }).fill('Thank you for sharing. A *paraffin wax* bath helped me.');
    await Promise.all([
      page.waitForURL(/\/threads\/\d+\?post=\d+#post-\d+$/),
      composer.getByRole('button', { name: 'Post reply' }).click(),
    ]);
    replyId = postIdFromUrl();
    assert.notEqual(replyId, openingId);
    assert.match(await page.locator('.notice').first().innerText(), /Your reply is posted/);
    assert.match(await postItem(replyId).locator('.post-body').innerText(), /paraffin wax/);

    // Reply to that reply.
    await postItem(replyId).locator('a.reply-link').click();
    assert.equal(await composer.locator('input[name=parent_id]').inputValue(), replyId);
    await composer.getByLabel('Your reply', { exact: true }).fill('Where do you get the wax from?');
    await Promise.all([
      page.waitForURL((u) => u.hash && u.hash !== `#post-${replyId}`),
      composer.getByRole('button', { name: 'Post reply' }).click(),
    ]);
    nestedId = postIdFromUrl();
    assert.notEqual(nestedId, replyId);

    const [n1, n2] = [await nestOf(postItem(replyId)), await nestOf(postItem(nestedId))];
    assert.equal(n1, 1, 'the reply to the opening post is at nest-1');
    assert.equal(n2, 2, 'the reply to the reply is at nest-2');
    const [m0, m1, m2] = [await marginLeft(opening), await marginLeft(postItem(replyId)), await marginLeft(postItem(nestedId))];
    t.diagnostic(`margin-left: opening ${m0}px, reply ${m1}px, reply to reply ${m2}px`);
    assert.ok(m2 > m1 && m1 > m0, 'each level sits further right');
    // The reply to the reply comes after its parent in the page.
    const order = await page.locator('ol.posts > li.post').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(order, [`post-${openingId}`, `post-${replyId}`, `post-${nestedId}`]);
    assert.match(await page.locator('h1 + p.meta').innerText(), /2 replies/);
    await shot(t, '06-thread-nested-replies');
    // The composer replying to a post, as a member sees it while writing; then back to the thread.
    await postItem(nestedId).locator('a.reply-link').click();
    await shot(t, '06b-thread-composer-replying');
    await reportSmallTargets(t, 'thread (member)');
    await composer.getByRole('button', { name: 'Reply to the conversation instead' }).click();
    assert.equal(await composer.locator('input[name=parent_id]').inputValue(), '');
    assert.equal(await composer.locator('.replying-to-note').isVisible(), false);
  });

  step('the member edits their reply; the post says "edited"', async (t) => {
    const item = postItem(replyId);
    assert.doesNotMatch(await item.locator('.post-head').innerText(), /edited/);
    await Promise.all([
      page.waitForURL(new RegExp(`/posts/${replyId}/edit$`)),
      item.getByRole('link', { name: 'Edit', exact: true }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Edit your post' }).waitFor();
    const field = page.getByLabel('Your message', { exact: true });
    assert.equal(await field.inputValue(), 'Thank you for sharing. A *paraffin wax* bath helped me.', 'the Markdown is there to edit');
    await field.fill('Thank you for sharing. A *paraffin wax* bath helped me, and **gentle stretches**.');
    await shot(t, '07-edit-post');
    await Promise.all([
      page.waitForURL(new RegExp(`/threads/\\d+\\?post=${replyId}#post-${replyId}$`)),
      page.getByRole('button', { name: 'Save changes' }).click(),
    ]);
    assert.match(await page.locator('.notice').first().innerText(), /Your post was updated/);
    assert.match(await item.locator('.post-head').innerText(), /edited/);
    assert.equal(await item.locator('.post-body strong').innerText(), 'gentle stretches');
  });

  step('the member deletes the reply that has an answer: "[deleted]" shows, the answer stays', async (t) => {
    const item = postItem(replyId);
    await Promise.all([
      page.waitForURL(new RegExp(`/threads/\\d+\\?post=${replyId}#post-${replyId}$`)),
      page.waitForResponse((r) => r.url().endsWith(`/posts/${replyId}/delete`) && r.request().method() === 'POST'),
      (async () => {
        // Deleting asks first: the words cannot be brought back.
        await item.locator('details.delete-box > summary').click();
        await item.getByRole('button', { name: 'Yes, delete this post' }).click();
      })(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    assert.match(await page.locator('.notice').first().innerText(), /The post was deleted/);
    assert.equal(await item.count(), 1, 'the deleted post keeps its place');
    assert.equal(await item.locator('.deleted').innerText(), 'This post was deleted.');
    assert.equal(await item.locator('.post-body').count(), 0, 'its text is gone');
    assert.doesNotMatch(await item.innerText(), /paraffin|stretches/);
    assert.equal(await item.locator('a.reply-link').count(), 0, 'no replying to a deleted post');
    const child = postItem(nestedId);
    assert.equal(await child.count(), 1, 'the answer to it stays');
    assert.match(await child.locator('.post-body').innerText(), /Where do you get the wax from\?/);
    assert.equal(await nestOf(child), 2, 'and keeps its place in the tree');
    await shot(t, '08-thread-after-delete');
  });

  // ---- Safety ---------------------------------------------------------------------------------

  step('a post full of script is shown inert, after a reload too', async (t) => {
    const evil =
      'Testing <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">[x](javascript:window.__pwned=3) done';
    await page.goto(threadUrl);
    const form = page.locator('#reply form');
    await form.getByLabel('Your reply', { exact: true }).fill(evil);
    await Promise.all([page.waitForURL(/#post-\d+$/), form.getByRole('button', { name: 'Post reply' }).click()]);
    const evilId = postIdFromUrl();
    await page.reload();
    await page.waitForLoadState('load');
    const body = postItem(evilId).locator('.post-body');
    const html = await body.innerHTML();
    t.diagnostic(`rendered as: ${html.trim()}`);
    assert.doesNotMatch(html, /<script|<img|onerror|javascript:/i, 'nothing executable is left');
    assert.match(await body.innerText(), /Testing/);
    // Click what is left of the link, in case anything of it survived.
    const link = body.getByText('x', { exact: true });
    if (await link.count()) await link.first().click({ timeout: 3000 }).catch(() => {});
    await sleep(300);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'no script in the post ran');
    assert.equal(await page.evaluate(() => document.querySelectorAll('main script').length), 0);
    await shot(t, '09-thread-script-post');
  });

  step('console errors: none from CSP violations on our pages', async (t) => {
    for (const e of consoleErrors) t.diagnostic(`console error at ${e.url}: ${e.text.slice(0, 300)}`);
    if (!consoleErrors.length) t.diagnostic('no console errors on any page');
    const csp = consoleErrors.filter((e) => /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(e.text));
    assert.deepEqual(csp, [], 'no Content-Security-Policy violations');
    const uncaught = consoleErrors.filter((e) => e.text.startsWith('uncaught:'));
    assert.deepEqual(uncaught, [], 'no uncaught script errors');
  }, { critical: false });

  // ---- Keyboard -------------------------------------------------------------------------------

  step('keyboard: on a thread, Tab first reaches the skip link, and Enter moves focus to main', async (t) => {
    await page.goto(threadUrl);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    assert.deepEqual(focused, { text: 'Skip to main content', href: '#main' });
    const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= PHONE.width, 'the focused skip link is on screen');
    await page.screenshot({ path: path.join(SHOTS, 'forum-10-thread-skip-link.png') });
    t.diagnostic('screenshot screenshots/forum-10-thread-skip-link.png (viewport only)');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'focus is on <main>');
    // The next Tab goes on from inside main, not back to the header.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({
      inMain: !!document.activeElement?.closest('main'),
      text: document.activeElement?.textContent?.trim().slice(0, 40),
    }));
    assert.ok(next.inMain, `the Tab after the skip link stays in main (went to "${next.text}")`);
    t.diagnostic(`the next Tab stop: "${next.text}"`);
  }, { critical: false });

  // ---- A private group ------------------------------------------------------------------------

  step('a private group shows "Ask to join" and none of its conversations', async (t) => {
    await page.goto(`${baseUrl}/`);
    const card = page.locator('.card').filter({ has: page.getByRole('link', { name: 'Caregivers', exact: true }) });
    assert.match(await card.innerText(), /Private/);
    await Promise.all([
      page.waitForURL(/\/groups\/caregivers$/),
      card.getByRole('link', { name: 'Caregivers', exact: true }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Caregivers' }).waitFor();
    await page.getByRole('button', { name: 'Ask to join' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Start a conversation' }).count(), 0);
    assert.equal(await page.locator('.thread-list, .thread-title').count(), 0, 'no conversation list');
    assert.doesNotMatch(await page.locator('main').innerText(), /Making time for yourself/, 'no thread titles');
    assert.match(await page.locator('main').innerText(), /visible to its members only/);
    await shot(t, '11-private-group');
    await reportSmallTargets(t, 'private group');
    // Nor can its conversation be opened by guessing its address (the demo makes threads 1 to 5).
    for (let id = 1; id <= 5; id++) {
      const res = await page.request.get(`${baseUrl}/threads/${id}`);
      assert.doesNotMatch(await res.text(), /Making time for yourself/, `/threads/${id} (status ${res.status()})`);
    }
  });
});
