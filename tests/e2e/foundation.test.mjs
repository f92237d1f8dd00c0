// Foundation: the page loads to a crisp Vietnamese home screen at phone size, the language switch
// works by tapping, idle pages do not redraw, and the page survives resize, DPR changes, WebGL
// context loss, a failed wasm download and a browser without WebGL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer, launch, open, state, widgets, tap, shot, waitFor, LAUNCH_ARGS, twice } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

test('home screen in Vietnamese; the language switch changes state and labels', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    let s = await state(page);
    assert.equal(s.screen, 'home');
    assert.equal(s.lang, 'vi');
    assert.ok(s.frames >= 1);
    let ws = await widgets(page);
    const organiserVi = ws.find((w) => w.id === 'home.organiser');
    assert.match(organiserVi.label, /Tổng hợp kết quả/);
    // Every tappable thing is at least 48 CSS px high.
    for (const w of ws) assert.ok(w.h >= 48 || w.kind === 'text', `${w.id} is ${w.h}px high`);
    assert.equal(await page.title(), 'Sẵn sàng số · DigiReady');
    await shot(page, 'foundation-home-vi');

    await tap(page, 'home.lang.1');
    s = await waitFor(page, (st) => st.lang === 'en');
    ws = await widgets(page);
    assert.match(ws.find((w) => w.id === 'home.organiser').label, /Review results/);
    assert.equal(ws.find((w) => w.id === 'home.lang.1').checked, true);
    await shot(page, 'foundation-home-en');

    // The choice is kept across a reload.
    await page.reload();
    await open(page);
    assert.equal((await state(page)).lang, 'en');
    await tap(page, 'home.lang.0');
    await waitFor(page, (st) => st.lang === 'vi');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('an idle page draws at most one frame a second', async () => {
  const b = await launch();
  try {
    await open(b.page, srv.url);
    await b.page.waitForTimeout(1000);
    const f0 = (await state(b.page)).frames;
    await b.page.waitForTimeout(5000);
    const f1 = (await state(b.page)).frames;
    assert.ok(f1 - f0 <= 5, `drew ${f1 - f0} frames in 5 idle seconds`);
    // Input wakes it at once.
    await b.page.touchscreen.tap(200, 60);
    await waitFor(b.page, (s) => s.frames > f1);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('follows resize/orientation and the text size switch', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    const before = (await widgets(page)).find((w) => w.id === 'home.organiser');
    await page.setViewportSize({ width: 915, height: 412 });
    await page.waitForFunction((y) => {
      const w = window.digiready.widgets().find((v) => v.id === 'home.organiser');
      return w && w.y !== y;
    }, before.y, { timeout: 5000 });
    await shot(page, 'foundation-landscape');
    await page.setViewportSize({ width: 412, height: 915 });
    await page.waitForFunction((y) => {
      const w = window.digiready.widgets().find((v) => v.id === 'home.organiser');
      return w && w.y === y;
    }, before.y, { timeout: 5000 });

    await tap(page, 'home.textsize.1');
    await waitFor(page, (s) => s.text_size === 'large');
    await shot(page, 'foundation-large-text');
    await tap(page, 'home.textsize.0');
    await waitFor(page, (s) => s.text_size === 'normal');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('survives WebGL context loss; says so in words if the context stays away', async () => {
  await twice('context loss', async () => {
    const b = await launch();
    try {
      const { page } = b;
      await open(page, srv.url);
      await tap(page, 'home.textsize.1');
      await waitFor(page, (s) => s.text_size === 'large');
      const frames = (await state(page)).frames;
      await page.evaluate(() => {
        const c = document.getElementById('canvas');
        const gl = c.getContext('webgl2') || c.getContext('webgl');
        window.__loseExt = gl.getExtension('WEBGL_lose_context');
        window.__restored = new Promise((r) => c.addEventListener('webglcontextrestored', () => r(true), { once: true }));
        window.__loseExt.loseContext();
      });
      // Lost for longer than a moment: the page says what to do, in words.
      await page.waitForSelector('#gl-lost:not([hidden])', { timeout: 6000 });
      await shot(page, 'foundation-context-lost');
      const restored = await page.evaluate(async () => {
        window.__loseExt.restoreContext();
        return Promise.race([window.__restored, new Promise((r) => setTimeout(() => r(false), 5000))]);
      });
      assert.ok(restored, 'the context was restored');
      await page.waitForSelector('#gl-lost', { state: 'hidden', timeout: 2000 });
      // The app draws again by itself, with its fonts and state intact, and taps work.
      await waitFor(page, (s) => s.frames > frames + 1);
      await tap(page, 'home.lang.1');
      await waitFor(page, (s) => s.lang === 'en' && s.text_size === 'large');
      await shot(page, 'foundation-after-context-restore');
      assert.deepEqual(b.problems, []);
    } finally { await b.close(); }
  });
});

test('crisp at devicePixelRatio 1, 2.625 and 3', async () => {
  for (const dpr of [1, 2.625, 3]) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
    try {
      const ctx = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: dpr, hasTouch: true, isMobile: true });
      const page = await ctx.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await open(page, srv.url);
      const w = (await widgets(page)).find((v) => v.id === 'home.lang.0');
      // Rects are in CSS pixels whatever the DPR.
      assert.ok(w.x > 0 && w.x < 412 && w.w < 412, JSON.stringify(w));
      const size = await page.evaluate(() => [document.getElementById('canvas').width, window.innerWidth]);
      assert.ok(Math.abs(size[0] - size[1] * dpr) <= 1, 'canvas is at device pixels: ' + size);
      await shot(page, `foundation-dpr-${dpr}`);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  }
});

test('a failed wasm download shows a message with a retry, never a blank page', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await page.route('**/digiready.wasm', (r) => r.fulfill({ status: 503, body: 'down' }));
    await page.goto(srv.url);
    await page.waitForSelector('#loader-error:not([hidden])', { timeout: 15000 });
    assert.match(await page.textContent('#loader-error-text'), /Thử lại|Try again/);
    assert.ok(await page.isVisible('#loader-retry'));
    await shot(page, 'foundation-wasm-failed');
    await page.unroute('**/digiready.wasm');
    await page.click('#loader-retry');
    await page.waitForFunction(() => window.digiready && window.digiready.state().screen === 'home', null, { timeout: 30000 });
  } finally { await b.close(); }
});

test('without WebGL the page says so in words', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...LAUNCH_ARGS, '--disable-3d-apis', '--disable-webgl'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 412, height: 915 } })).newPage();
    await page.goto(srv.url);
    await page.waitForSelector('#loader-error:not([hidden])', { timeout: 15000 });
    assert.match(await page.textContent('#loader-error-text'), /WebGL/);
    await shot(page, 'foundation-no-webgl');
  } finally { await browser.close(); }
});
