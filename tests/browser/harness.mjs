// What every browser test needs: the kindred binary run on a fresh SQLite database and a free
// port (optionally filled by `kindred demo` first), Debian's Chromium as a phone, and the
// guarantees that both are stopped whatever happens (an `after` hook, a watchdog for the whole
// run, and SIGINT/SIGTERM handlers).
//
//   KINDRED_BIN=/path/to/kindred    the server binary (default ../../target/debug/kindred)
//   CHROMIUM_PATH=/usr/bin/chromium the browser (default /usr/bin/chromium)

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const KINDRED_BIN = path.resolve(HERE, process.env.KINDRED_BIN || '../../target/debug/kindred');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SHOTS = path.join(HERE, 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const STEP_TIMEOUT = 120_000; // no single test may take longer

const WHOLE_RUN_TIMEOUT = 300_000; // a last-resort watchdog for the whole file
const START_TIMEOUT = 20_000;
const DEMO_TIMEOUT = 60_000;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// A random tag for text a test posts, of consonants only: a hex tag looked like a postcode or
/// an id to the PHI scanner in about 1 post in 40 ("c5d7fd" has a UK postcode's shape), and the
/// post was held instead of published. Six of these letters were held in none of 3,000 tries.
export const postTag = () => [...randomBytes(6)].map((b) => 'bcdfghjklmnpqrstvwxz'[b % 20]).join('');

export class Kindred {
  constructor(prefix) {
    if (!existsSync(KINDRED_BIN)) {
      throw new Error(`kindred binary not found at ${KINDRED_BIN} (build it, or set KINDRED_BIN)`);
    }
    this.dataDir = mkdtempSync(path.join(tmpdir(), prefix));
    this.server = null;
    this.serverLog = '';
    this.browser = null;
    this.baseUrl = null;
    const watchdog = setTimeout(async () => {
      console.error(`# the whole run took longer than ${WHOLE_RUN_TIMEOUT / 1000} s; stopping`);
      await this.stop();
      process.exit(1);
    }, WHOLE_RUN_TIMEOUT);
    watchdog.unref();
    process.on('exit', () => this.server?.kill('SIGKILL'));
    for (const sig of ['SIGINT', 'SIGTERM']) {
      process.on(sig, async () => {
        await this.stop();
        process.exit(130);
      });
    }
  }

  env() {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('KINDRED_')) delete env[k];
    Object.assign(env, {
      DATABASE_URL: `sqlite://${path.join(this.dataDir, 'kindred.db')}`,
      KINDRED_BIND: '127.0.0.1:0',
      KINDRED_LOG: 'warn',
    });
    return env;
  }

  /// `kindred demo` on the fresh database; resolves to the demo accounts' password (never printed).
  demo() {
    return new Promise((resolve, reject) => {
      const demo = spawn(KINDRED_BIN, ['demo'], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      demo.stdout.setEncoding('utf8');
      demo.stderr.setEncoding('utf8');
      demo.stdout.on('data', (d) => (out += d));
      demo.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
      const timer = setTimeout(() => {
        demo.kill('SIGKILL');
        reject(new Error(`kindred demo did not finish within ${DEMO_TIMEOUT} ms`));
      }, DEMO_TIMEOUT);
      demo.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      demo.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (code !== 0) return reject(new Error(`kindred demo failed (${code ?? signal}):\n${err.slice(-2000)}`));
        const m = out.match(/Every demo account signs in with the password: (\S+)/);
        // Not assert.match: a failure must not print the output, which holds the password.
        if (!m) return reject(new Error('kindred demo did not print the demo password line'));
        resolve(m[1]);
      });
    });
  }

  /// `kindred demo --scale N` on the fresh database (the benchmark data: a first group holding
  /// threads of 50 posts and one of 500); resolves to { password, group, thread500 }.
  demoScale(posts) {
    return new Promise((resolve, reject) => {
      const demo = spawn(KINDRED_BIN, ['demo', '--scale', String(posts)], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      demo.stdout.setEncoding('utf8');
      demo.stderr.setEncoding('utf8');
      demo.stdout.on('data', (d) => (out += d));
      demo.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
      const timer = setTimeout(() => {
        demo.kill('SIGKILL');
        reject(new Error(`kindred demo --scale did not finish within ${DEMO_TIMEOUT} ms`));
      }, DEMO_TIMEOUT);
      demo.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      demo.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (code !== 0) return reject(new Error(`kindred demo --scale failed (${code ?? signal}):\n${err.slice(-2000)}`));
        const pw = out.match(/signs in with the password: (\S+)/);
        const group = out.match(/benchmark group: (\S+)/);
        const thread = out.match(/thread of 500 posts: (\d+)/);
        // Not assert.match: a failure must not print the output, which holds the password.
        if (!pw || !group || !thread) return reject(new Error('kindred demo --scale did not print its password, group and 500-post thread'));
        resolve({ password: pw[1], group: group[1], thread500: thread[1] });
      });
    });
  }

  /// `kindred user create` on the fresh database (the password goes through stdin, never argv).
  createUser(username, role, password) {
    return new Promise((resolve, reject) => {
      const p = spawn(KINDRED_BIN, ['user', 'create', '--username', username, '--role', role, '--password-stdin'], {
        env: this.env(),
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let err = '';
      p.stderr.setEncoding('utf8');
      p.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
      p.once('error', reject);
      p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user create failed (${code}): ${err}`))));
      p.stdin.end(`${password}\n`);
    });
  }

  /// Starts the server; resolves to its base URL once it says it is listening.
  start() {
    const server = spawn(KINDRED_BIN, ['serve'], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.server = server;
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (d) => {
      this.serverLog = (this.serverLog + d).slice(-8000);
    });
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`kindred did not say it was listening within ${START_TIMEOUT} ms`)),
        START_TIMEOUT,
      );
      server.stdout.setEncoding('utf8');
      server.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/kindred listening on (http:\/\/[^\s]+)/);
        if (m && !this.baseUrl) {
          clearTimeout(timer);
          this.baseUrl = m[1];
          resolve(this.baseUrl);
        }
      });
      server.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      server.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!this.baseUrl) {
          reject(new Error(`kindred exited early (${code ?? signal}):\n${this.serverLog.slice(-2000)}`));
        }
      });
    });
  }

  /// Launches Chromium as a phone and resolves to a fresh page.
  async phonePage() {
    mkdirSync(SHOTS, { recursive: true });
    if (!existsSync(CHROMIUM)) {
      throw new Error(`no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    }
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: 30_000,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await this.browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // A debug build under CI load can take several seconds for a first post (the PHI scanner builds its
    // word tables on first use); a navigation still fails well inside the step timeout.
    page.setDefaultNavigationTimeout(60_000);
    return page;
  }

  /// Closes the browser, stops the server and removes the database; safe to call twice.
  async stop() {
    const b = this.browser;
    this.browser = null;
    if (b) await Promise.race([b.close().catch(() => {}), sleep(10_000)]);
    const s = this.server;
    this.server = null;
    if (s && s.exitCode === null && s.signalCode === null) {
      const gone = new Promise((r) => s.once('exit', r));
      s.kill('SIGTERM');
      const t = setTimeout(() => s.kill('SIGKILL'), 5000);
      await Promise.race([gone, sleep(8000)]);
      clearTimeout(t);
    }
    if (this.dataDir) {
      rmSync(this.dataDir, { recursive: true, force: true });
      this.dataDir = null;
    }
  }
}

/// A journey through the site, step after step: after a step the rest need (`critical`) fails,
/// the rest are skipped rather than piled on; a check on the side may fail alone. A `todo` step
/// checks a known problem: its failure is shown (# TODO) without failing the run. Every failure
/// leaves a screenshot; `shot` takes a named one and says if the page scrolls sideways.
export class Journey {
  constructor(test, shotPrefix = '') {
    this.test = test;
    this.prefix = shotPrefix;
    this.page = null;
    this.failed = false;
    this.failures = 0;
  }

  async shot(t, name) {
    const file = path.join(SHOTS, `${this.prefix}${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    // A phone page should never scroll sideways.
    const wide = await this.page.evaluate(() => {
      const el = document.scrollingElement;
      return el.scrollWidth > el.clientWidth ? `${el.scrollWidth}px > ${el.clientWidth}px` : null;
    });
    t.diagnostic(`screenshot ${path.basename(file)}${wide ? ` (scrolls sideways: ${wide})` : ''}`);
  }

  step(name, fn, { critical = true, todo = undefined } = {}) {
    if (todo) critical = false;
    this.test(name, { timeout: STEP_TIMEOUT, todo }, async (t) => {
      if (this.failed) return t.skip('an earlier step failed');
      try {
        await fn(t);
      } catch (e) {
        if (critical) this.failed = true;
        if (this.page) {
          const file = `${this.prefix}failure-${++this.failures}.png`;
          await this.page.screenshot({ path: path.join(SHOTS, file), fullPage: true }).catch(() => {});
          t.diagnostic(`at ${this.page.url()}; screenshot screenshots/${file}`);
        }
        throw e;
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// RFC 6238 TOTP (HMAC-SHA1, 30-second step, 6 digits), as an authenticator app computes it.

export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error('the key shown is not base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totpAt(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(bin).padStart(6, '0');
}

export const stepNow = () => Math.floor(Date.now() / 1000 / 30);

// The RFC 6238 appendix B vector (SHA-1, T = 59 s) checks the code above before it is trusted.
assert.equal(totpAt(Buffer.from('12345678901234567890'), 1).slice(-6), '287082');

