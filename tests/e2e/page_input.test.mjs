// The page's own input (src/platform/page_input.hpp, in place of SDL2): real touch sequences as a
// phone sends them (a finger dragging the screen, a second finger that must not steal a tap), the
// mouse wheel, keys that must stay in the app, and a drawing buffer at device pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, open, state, widgets, shot, waitFor } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

// Touch events as Chromium gets them from a touchscreen (CDP), one finger list per event.
async function touch(cdp, type, points) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y, id]) => ({ x, y, id })) });
}

const card = async (page) => (await widgets(page)).find((w) => w.id.startsWith('home.survey.'));

test('a finger drag scrolls without tapping; a second finger does not steal the first one\'s tap', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    const cdp = await page.context().newCDPSession(page);
    // Landscape: home is taller than the screen, so it scrolls.
    await page.setViewportSize({ width: 915, height: 412 });
    await page.waitForFunction(() => document.getElementById('canvas').height === 412 * 2);
    const top = await card(page);
    // Drag up from the middle of the list: the list moves with the finger, and what was under the
    // finger at the start is not opened.
    const x = 458, y0 = 260, y1 = 60;  // in the body, above the bottom bar
    await touch(cdp, 'touchStart', [[x, y0, 1]]);
    for (let i = 1; i <= 8; i++) {
      await touch(cdp, 'touchMove', [[x, y0 + ((y1 - y0) * i) / 8, 1]]);
      await page.waitForTimeout(30);
    }
    await touch(cdp, 'touchEnd', []);
    await page.waitForFunction((y) => {
      const w = window.digiready.widgets().find((v) => v.id.startsWith('home.survey.'));
      return !w || w.y < y - 50;
    }, top.y, { timeout: 5000 });
    await page.waitForTimeout(300);
    assert.equal((await state(page)).screen, 'home', 'a drag is not a tap');
    await shot(page, 'page-input-dragged');

    // Back to portrait; finger 1 presses a survey card, finger 2 lands on the organiser button and
    // lifts, then finger 1 lifts: the card's tap is the one that counts.
    await page.setViewportSize({ width: 412, height: 915 });
    await page.waitForFunction(() => document.getElementById('canvas').height === 915 * 2);
    await waitFor(page, () => true);
    const ws = await widgets(page);
    const survey = ws.find((w) => w.id.startsWith('home.survey.'));
    const organiser = ws.find((w) => w.id === 'home.organiser');
    assert.ok(survey && organiser, 'home shows a survey card and the organiser button');
    const at = (w, id) => [w.x + w.w / 2, w.y + Math.min(w.h / 2, 24), id];
    await touch(cdp, 'touchStart', [at(survey, 1)]);
    await page.waitForTimeout(100);
    await touch(cdp, 'touchStart', [at(survey, 1), at(organiser, 2)]);
    await page.waitForTimeout(100);
    await touch(cdp, 'touchEnd', [at(survey, 1)]);
    await page.waitForTimeout(100);
    await touch(cdp, 'touchEnd', []);
    const s = await waitFor(page, (st) => st.screen !== 'home');
    assert.equal(s.screen, 'intro', 'the first finger\'s card opened, not the organiser');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the mouse wheel scrolls; Tab moves the focus and stays in the app; the buffer is at device pixels', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    // 412 x 915 CSS pixels at DPR 2.
    assert.deepEqual(await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]),
      [824, 1830]);
    await page.setViewportSize({ width: 915, height: 412 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 915 * 2);
    await waitFor(page, () => true);
    const top = await card(page);
    await page.mouse.move(458, 250);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => {
      const w = window.digiready.widgets().find((v) => v.id.startsWith('home.survey.'));
      return !w || w.y < y;
    }, top.y, { timeout: 5000 });
    await page.mouse.wheel(0, -3000);
    await page.waitForFunction((y) => {
      const w = window.digiready.widgets().find((v) => v.id.startsWith('home.survey.'));
      return w && w.y === y;
    }, top.y, { timeout: 5000 });

    // Tab is the app's (the browser's focus stays on the canvas), and Shift+Tab goes back.
    await page.focus('#canvas');
    const focused = async () => ((await widgets(page)).find((w) => w.focused) || {}).id;
    await page.keyboard.press('Tab');
    await page.waitForTimeout(150);
    const first = await focused();
    assert.ok(first, 'Tab gave a widget the focus');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(150);
    const second = await focused();
    assert.notEqual(second, first);
    await page.keyboard.press('Shift+Tab');
    await page.waitForTimeout(150);
    assert.equal(await focused(), first, 'Shift+Tab went back');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
