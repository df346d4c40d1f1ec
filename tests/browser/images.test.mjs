// A real browser (Debian's Chromium via playwright-core, phone-sized) shares a picture of a garden
// (issue 19): a member opens "Add an image" under the new-conversation form, uploads a PNG with
// its description, gets the line to paste (the upload opens in a new tab so the draft stays),
// posts it, and sees it with "waiting for review"; a reader who is not signed in sees only the
// words "image waiting for review". Screenshots: screenshots/images-*.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { Journey, Kindred } from './harness.mjs';

const kindred = new Kindred('kindred-browser-images-');

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/// A 320 × 200 "garden": green rows under a blue sky, with a tEXt chunk saying where it was taken.
function gardenPng() {
  const [w, h] = [320, 200];
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const sky = y < 70;
      const stripe = Math.floor(x / 20) % 2 === 0;
      const px = sky ? [120, 180, 235] : stripe ? [60, 140, 50] : [110, 80, 45];
      row.set(px, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Comment\0taken at 14 Elm St', 'latin1')),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('images: a member shares a picture of their garden, held until a moderator looks', () => {
  let baseUrl;
  let page;
  const name = `gardener_${randomBytes(3).toString('hex')}`;
  const password = `sunny ${randomBytes(6).toString('hex')} allotment`;
  const title = `My garden this spring ${randomBytes(2).toString('hex')}`;
  const journey = new Journey(test, 'images-');
  const step = (n, fn, opts) => journey.step(n, fn, opts);
  const shot = (t, n) => journey.shot(t, n);
  const errors = [];
  let markdown = null;
  let threadUrl = null;
  const file = path.join(kindred.dataDir, 'garden.png');

  before(
    async () => {
      await kindred.demo();
      baseUrl = await kindred.start();
      page = await kindred.phonePage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      journey.page = page;
      writeFileSync(file, gardenPng());
    },
    { timeout: 120_000 },
  );
  after(async () => kindred.stop(), { timeout: 30_000 });

  step('a new member registers and joins a group', async () => {
    await page.goto(`${baseUrl}/register`);
    await page.getByLabel('Username', { exact: true }).fill(name);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password again', { exact: true }).fill(password);
    await Promise.all([page.waitForURL(/\/me$/), page.getByRole('button', { name: 'Create my account' }).click()]);
    await page.goto(`${baseUrl}/groups/rheumatoid-arthritis`);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/join') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Join this group' }).click(),
    ]);
    await page.getByRole('link', { name: 'Start a conversation' }).waitFor();
  });

  step('"Add an image" uploads a picture with its description and gives the line to paste', async (t) => {
    await Promise.all([
      page.waitForURL(/\/new$/),
      page.getByRole('link', { name: 'Start a conversation' }).click(),
    ]);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.locator('details.image-upload summary').click();
    await page.getByLabel('Image', { exact: true }).setInputFiles(file);
    await page.getByLabel('Describe the image (alt text)').fill('Vegetable beds under a blue sky');
    await shot(t, '01-add-an-image');
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Upload image' }).click(),
    ]);
    await tab.waitForLoadState('load');
    await tab.getByRole('heading', { level: 1, name: 'Image uploaded' }).waitFor();
    assert.match(await tab.locator('.notice').first().innerText(), /waiting for review/);
    const preview = tab.locator('.image-preview img');
    await preview.waitFor();
    const size = await preview.evaluate(async (img) => {
      await img.decode().catch(() => {});
      return [img.naturalWidth, img.naturalHeight];
    });
    assert.deepEqual(size, [320, 200], 'the uploader sees her held image');
    markdown = await tab.getByLabel(/Copy this line/).inputValue();
    assert.match(markdown, /^!\[Vegetable beds under a blue sky\]\(\/images\/\d+\)$/);
    await tab.screenshot({ path: path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots', 'images-02-uploaded.png'), fullPage: true });
    t.diagnostic('screenshot images-02-uploaded.png');
    // What is served is our own re-encoding: an image, with nothing of the file's text chunk.
    const served = await tab.evaluate(async (src) => {
      const r = await fetch(src);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { type: r.headers.get('content-type'), nosniff: r.headers.get('x-content-type-options'), text: new TextDecoder('latin1').decode(bytes) };
    }, markdown.match(/\((\/images\/\d+)\)/)[1]);
    assert.equal(served.type, 'image/png');
    assert.equal(served.nosniff, 'nosniff');
    assert.ok(!served.text.includes('Elm St'), 'the text chunk is gone');
    await tab.close();
  });

  step('the member posts it and sees it, marked as waiting for review', async (t) => {
    await page.getByLabel('Your message', { exact: true }).fill(`The beds are coming along.\n\n${markdown}`);
    await Promise.all([page.waitForURL(/\/threads\/\d+$/), page.getByRole('button', { name: 'Post', exact: true }).click()]);
    threadUrl = page.url();
    const body = page.locator('li.post.post-opening .post-body');
    const img = body.locator('img');
    await img.waitFor();
    assert.equal(await img.getAttribute('alt'), 'Vegetable beds under a blue sky');
    assert.ok(await img.evaluate(async (el) => (await el.decode().catch(() => {}), el.naturalWidth > 0)), 'the thumbnail loads');
    assert.match(await body.innerText(), /waiting for review/);
    await shot(t, '03-posted');
  });

  step('a reader who is not signed in sees "image waiting for review" and no picture', async (t) => {
    const other = await page.context().browser().newContext({ viewport: { width: 390, height: 844 } });
    const p = await other.newPage();
    await p.goto(threadUrl);
    const body = p.locator('li.post.post-opening .post-body');
    await body.waitFor();
    assert.match(await body.innerText(), /image waiting for review/);
    assert.equal(await body.locator('img').count(), 0);
    const direct = await p.goto(`${baseUrl}${markdown.match(/\((\/images\/\d+)\)/)[1]}`);
    assert.equal(direct.status(), 404);
    await p.goBack();
    await p.screenshot({ path: path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots', 'images-04-reader.png'), fullPage: true });
    t.diagnostic('screenshot images-04-reader.png');
    await other.close();
  });

  step('no script errors on the way', async () => {
    assert.deepEqual(errors, []);
  });
});
