// A slow phone (issue #11, part 6): the page's main thread slowed six times (Chrome's CPU throttle),
// so that a tap, a flick or two Backs arrive between two frames, as on a cheap phone under load.
// Each first tap must do what it says — right after typing a number, right after "Lưu và thoát";
// a flick must scroll, never tap what is under the finger at its end; Back pressed twice quickly
// must never leave the app. Nothing here waits for a frame before it acts: a person does not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, open, state, widgets, tap, find, waitFor } from './lib.mjs';
import { answer, answerUntil, startSurvey, typeInto } from './taking.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

const SLOWER = 6;

// The app loaded at full speed, then everything the page does runs SLOWER times slower.
async function slowPhone() {
  const b = await launch();
  await open(b.page, srv.url);
  const cdp = await b.page.context().newCDPSession(b.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWER });
  return b;
}

// A tap at the middle of a widget as last drawn, without waiting for any frame.
async function tapNow(page, w) {
  await page.touchscreen.tap(w.x + w.w / 2, w.y + Math.min(w.h / 2, 24));
}

// A finger's events all within one task of the page, so that they surely arrive between two frames
// (as on a phone whose frame takes longer than the gesture): pointer events for the page's own
// listeners, touch events for the app's (page_input.hpp). `path`: where the finger goes, down at the first point, up at
// the last.
function gestureBetweenFrames(page, path) {
  return page.evaluate((pts) => {
    const c = document.getElementById('canvas');
    const touch = ([x, y]) => new Touch({ identifier: 7, target: c, clientX: x, clientY: y });
    const pointer = (type, [x, y]) => c.dispatchEvent(new PointerEvent(type, {
      pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true }));
    const send = (type, pt, down) => c.dispatchEvent(new TouchEvent(type, {
      touches: down ? [touch(pt)] : [], targetTouches: down ? [touch(pt)] : [], changedTouches: [touch(pt)],
      bubbles: true, cancelable: true, composed: true }));
    pointer('pointerdown', pts[0]);
    send('touchstart', pts[0], true);
    for (const pt of pts.slice(1)) { pointer('pointermove', pt); send('touchmove', pt, true); }
    const last = pts[pts.length - 1];
    pointer('pointerup', last);
    send('touchend', last, false);
  }, path);
}
const middle = (w) => [w.x + w.w / 2, w.y + Math.min(w.h / 2, 24)];

test('under load: Next right after typing a number moves on at the first tap', async () => {
  const b = await slowPhone();
  try {
    const { page } = b;
    let s = await startSurvey(page, 'household-digital-skills');
    let typed = 0;
    for (; typed < 3; typed++) {
      s = await answerUntil(page, s, (st) => st.question_type === 'integer');
      await typeInto(page, s.question, '1');  // valid for every count asked
      const next = await find(page, 'survey.next', { scroll: false });
      if (typed === 0) await tapNow(page, next);
      else await gestureBetweenFrames(page, [middle(next)]);
      const at = s.question;
      s = await waitFor(page, (st) => st.question !== at, 15000);
    }
    assert.equal(typed, 3, 'three numbers typed, each followed by one tap on Next');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('under load: a survey card right after "Lưu và thoát" opens at the first tap', async () => {
  const b = await slowPhone();
  try {
    const { page } = b;
    for (let round = 0; round < 3; round++) {
      let s = round === 0 ? await startSurvey(page, 'online-payment') : await state(page);
      await answer(page, s);
      await tapNow(page, await find(page, 'survey.save_exit', { scroll: false }));
      await waitFor(page, (st) => st.screen === 'home', 15000);
      // The card as the person sees it with "saved" shown below; tapped at once.
      const card = await find(page, 'home.survey.online-payment', { scroll: false });
      if (round === 0) await tapNow(page, card);
      else await gestureBetweenFrames(page, [middle(card)]);
      await waitFor(page, (st) => st.screen === 'intro', 15000);
      await tap(page, 'survey.continue_draft');
      await waitFor(page, (st) => st.screen === 'question', 15000);
    }
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('under load: a quick flick over the options scrolls and chooses nothing', async () => {
  const b = await slowPhone();
  try {
    const { page } = b;
    let s = await answerUntil(page, await startSurvey(page, 'online-payment'), (st) => st.question === 'pay_accounts');
    assert.equal(s.question, 'pay_accounts', 'a question with many options');
    const options = (await widgets(page)).filter((w) => w.id.startsWith('opt.pay_accounts.'));
    const low = options[options.length - 1], high = options[0];
    // Down on the last option, up on the first: ImGui 1.86 alone saw a tap on the first.
    await gestureBetweenFrames(page, [[206, low.y + low.h / 2], [206, (low.y + high.y) / 2], [206, high.y + high.h / 2]]);
    await page.waitForTimeout(2000);
    s = await state(page);
    const checked = (await widgets(page)).filter((w) => w.id.startsWith('opt.pay_accounts.') && w.checked);
    assert.deepEqual(checked.map((w) => w.id), [], 'a flick is not a tap');
    assert.equal(s.question, 'pay_accounts');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('under load: Back pressed twice quickly, again and again, stays in the app', async () => {
  const b = await slowPhone();
  try {
    const { page } = b;
    let s = await startSurvey(page, 'online-payment');
    const seen = [s.question];
    for (let i = 0; i < 8; i++) {
      await answer(page, s);
      await tap(page, 'survey.next');
      s = await state(page);
      seen.push(s.question);
    }
    const cdp = await page.context().newCDPSession(page);
    for (let round = 0; round < 3; round++) {
      // Two presses of the phone's Back, the second before the page could answer the first: the
      // browser goes one entry back, then one more from there.
      const h = await cdp.send('Page.getNavigationHistory');
      await cdp.send('Page.navigateToHistoryEntry', { entryId: h.entries[h.currentIndex - 1].id });
      await cdp.send('Page.navigateToHistoryEntry', { entryId: h.entries[h.currentIndex - 2].id });
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => !!window.digiready), true, `round ${round}: still in the app`);
      const now = (await state(page)).question;
      const back = seen.length - 1 - seen.lastIndexOf(now);
      assert.ok(back >= 1 && back <= 2, `round ${round}: one or two questions back (${now}, ${back})`);
      seen.length -= back;
    }
    assert.equal(await page.evaluate(() => !!window.digiready), true, 'still in the app');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
