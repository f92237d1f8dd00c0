// Taking a survey by tapping, as a person would: shared by the browser tests that need a draft or a
// finished result made through the screens.
import assert from 'node:assert/strict';
import { state, widgets, tap, find, shot, waitFor } from './lib.mjs';

export const TEXT = {
  household_code: 'HD-0001',
  business_name: 'Cà phê Buôn Ma Thuột',
  commune: 'Đắk Lắk',
  village: 'Nguyễn Thị Hồng Nhung',
};

// Types into the field of the current question through the HTML overlay, as a phone keyboard would.
export async function typeInto(page, id, text) {
  await typeIntoWidget(page, 'field.' + id, text);
}

// Types into any text field (its widget id) through the overlay, replacing what it held.
export async function typeIntoWidget(page, wid, text) {
  const w = await find(page, wid);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + Math.min(w.h / 2, 24));
  await page.waitForFunction(() => !document.getElementById('text-overlay').hidden);
  await page.evaluate(() => { const o = document.getElementById('text-overlay'); o.value = ''; o.dispatchEvent(new Event('input')); });
  await page.keyboard.insertText(text);
  await page.waitForFunction(([wid, t]) => {
    const f = window.digiready.widgets().find((v) => v.id === wid);
    return f && f.value === t;
  }, [wid, text], { timeout: 5000 });
}

// Answers the question on screen with something valid; `pick` chooses among options.
export async function answer(page, s, pick = (opts) => opts[0]) {
  const ws = await widgets(page);
  const type = s.question_type;
  if (['single', 'yesno', 'rating', 'multiple'].includes(type)) {
    let opts = ws.filter((w) => w.id.startsWith(`opt.${s.question}.`));
    if (!opts.length) opts = [await find(page, (w) => w.id.startsWith(`opt.${s.question}.`))];
    const already = opts.some((o) => o.checked);
    if (!already) await tap(page, pick(opts).id);
  } else if (type === 'integer' || type === 'decimal') {
    await typeInto(page, s.question, '1');
  } else if (type === 'date') {
    await typeInto(page, s.question, '2026-11-23');
  } else if (type === 'text' || type === 'longtext') {
    await typeInto(page, s.question, TEXT[s.question] || 'Cà phê Buôn Ma Thuột');
  }
}

// Answers and goes on until `done(state)` holds (at most `max` questions); returns that state.
export async function answerUntil(page, s, done, max = 40) {
  for (let i = 0; i < max && !done(s); i++) {
    await answer(page, s);
    await tap(page, 'survey.next');
    s = await state(page);
  }
  return s;
}

export async function startSurvey(page, id) {
  await tap(page, 'home.survey.' + id);
  await waitFor(page, (s) => s.screen === 'intro');
  await tap(page, 'survey.start');
  return waitFor(page, (s) => s.screen === 'question');
}

// Answers every question until the review page.
export async function answerAll(page, { shots = '', pick } = {}) {
  const seen = new Set();
  for (let i = 0; i < 120; i++) {
    const s = await state(page);
    if (s.screen !== 'question') return s;
    if (shots && !seen.has(s.question_type)) {
      seen.add(s.question_type);
      await shot(page, `${shots}-${s.question_type}`);
    }
    await answer(page, s, pick);
    await tap(page, 'survey.next');
    const after = await state(page);
    if (after.question === s.question && after.screen === 'question') await shot(page, 'stuck-' + s.question);
    assert.ok(after.question !== s.question || after.screen !== 'question',
      `stuck on ${s.question}: ${after.validation}`);
  }
  throw new Error('survey did not end');
}
