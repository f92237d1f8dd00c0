// The code after home (the survey, results, organiser, QR screens) is a second wasm,
// digiready.deferred.wasm (tools/split-wasm.py), fetched once the first frame is on screen. Until it
// is in, the app draws nothing more and a tap waits; then the tap is acted on. A function of that
// part called before it arrived would be a console error (src/platform/later_code.js), which every
// browser test counts as a failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, open, state, find, waitFor } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

test('the deferred code is asked for after the first frame; a tap before it arrives waits, then works', async () => {
  const b = await launch();
  try {
    const { page } = b;
    let release;
    const held = new Promise((r) => { release = r; });
    let asked = false;
    await page.route('**/digiready.deferred.wasm', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(srv.url);
    await page.waitForFunction(() => window.digiready && window.digiready.ready, null, { timeout: 30000 });
    await page.evaluate(() => window.digiready.ready);
    for (let i = 0; i < 100 && !asked; i++) await page.waitForTimeout(100);
    assert.ok(asked, 'digiready.deferred.wasm was requested');
    // The test hook's state is worked out by the deferred part: nothing to say until it is in.
    assert.deepEqual(await state(page), {});

    // The organiser's screen is in the deferred part: tap its button while that part is held back.
    const organiser = await find(page, 'home.organiser', { scroll: false });
    const before = await page.screenshot();
    await page.touchscreen.tap(organiser.x + organiser.w / 2, organiser.y + Math.min(organiser.h / 2, 24));
    await page.waitForTimeout(800);
    assert.ok(before.equals(await page.screenshot()), 'no frame is drawn before the code is in');
    assert.deepEqual(await state(page), {});

    release();
    const s = await waitFor(page, (st) => st.screen === 'organiser', 15000);
    assert.equal(s.screen, 'organiser');
    await waitFor(page, (st) => st.surveys_loaded);
    // It was asked for only once the first frame had been drawn (the shell's timestamp of it).
    const [startedMs, firstFrameMs] = await page.evaluate(() => {
      const e = performance.getEntriesByName(new URL('digiready.deferred.wasm', location.href).href)[0];
      return [e.startTime, window.digiready.firstFrameMs];
    });
    assert.ok(startedMs >= firstFrameMs, `asked at ${startedMs} ms, first frame at ${firstFrameMs} ms`);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a normal start: surveys load and a survey opens, with no function called before its code arrived', async () => {
  const b = await launch();
  try {
    await open(b.page, srv.url);
    const first = await find(b.page, (w) => /^home\.survey\./.test(w.id));
    await b.page.touchscreen.tap(first.x + first.w / 2, first.y + Math.min(first.h / 2, 24));
    await waitFor(b.page, (s) => s.screen !== 'home');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
