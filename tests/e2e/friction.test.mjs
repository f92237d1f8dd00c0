// The friction a 60-year-old farmer, a blind user and a business owner met (issue #15, part 3), each
// walked through as they met it, on a 412×915 phone and on its side (915×412), normal and large
// text: answering alone without a household code; "Lưu và thoát" and the text size inside a
// survey; Back pressed twice in a row; a survey started again with its draft offered; one count of
// questions on every screen; the results' level with its scale, the next step and a confirmation
// where the person is looking; a before/after with another household's result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, open, state, widgets, tap, find, shot, waitFor, ROOT } from './lib.mjs';
import { answer, startSurvey } from './taking.mjs';
import { household } from './batch.mjs';

const VI = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/locales/vi.json'), 'utf8'));
const SURVEY = 'online-payment';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

// A status or alert of the semantics tree (text blocks are not in widgets()) with these words.
const said = (page, role, words) => page.locator(`#semantics [role=${role}]`).filter({ hasText: words });

// Where a confirmation is: on screen, in the lower half (by the buttons pressed), not off the top.
async function inLowerHalf(page, role, words) {
  const box = await said(page, role, words).boundingBox();
  assert.ok(box, `"${words}" is in the tree`);
  const { height } = page.viewportSize();
  assert.ok(box.y >= height / 2 && box.y + box.height <= height, `"${words}" at y ${box.y}..${box.y + box.height} of ${height}`);
}

// The question's title (a heading) and its first option are both inside the screen, above the bar.
async function questionAndFirstOptionInView(page, s) {
  const { height } = page.viewportSize();
  const ws = await widgets(page);
  const first = ws.find((w) => w.id.startsWith(`opt.${s.question}.`));
  assert.ok(first, `an option of ${s.question} is on screen`);
  const next = ws.find((w) => w.id === 'survey.next');
  assert.ok(first.y + Math.min(first.h, 48) <= next.y, `first option (y ${first.y}) above the bar (y ${next.y}) at height ${height}`);
  const heading = await page.locator('#semantics h2').first().boundingBox();
  assert.ok(heading && heading.y >= 0 && heading.y < first.y, 'the question title is above it, on screen');
}

// Turns the phone: a tap must wait for a frame drawn at the new size, or it lands where a button
// was before the turn (on the review page "Lưu và thoát" sits where the text-size button goes).
async function turn(page, width, height) {
  await page.setViewportSize({ width, height });
  const end = Date.now() + 10000;
  for (;;) {
    const ws = await widgets(page);
    const bottom = Math.max(0, ...ws.map((w) => w.y + w.h));
    if (bottom <= height + 1 && bottom >= height - 150) return;
    assert.ok(Date.now() < end, `no frame drawn at ${width}x${height} (lowest widget ends at ${bottom})`);
    await page.waitForTimeout(50);
  }
}

test('answering alone, save and exit, text size, the draft offered again, one count, Back twice, results', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    // The home card's number of questions is the total a new survey shows on its first question.
    const card = await find(page, 'home.survey.' + SURVEY);
    const cardCount = Number(card.label.match(/(\d+) câu hỏi/)[1]);
    let s = await startSurvey(page, SURVEY);
    assert.equal(s.question, 'household_code');
    assert.equal(s.total, cardCount, 'card and question count the same questions');
    await page.waitForFunction((t) => document.getElementById('live').textContent.includes(t),
      VI['survey.progress'].replace('{0}', '1').replace('{1}', String(cardCount)));

    // 1. Alone, without a code: a temporary code that says so, and Next goes on.
    await tap(page, 'survey.alone');
    s = await waitFor(page, (st) => st.answered === 1);
    const field = (await widgets(page)).find((w) => w.id === 'field.household_code');
    assert.match(field.value, /^CHUA-MA-[0-9A-F]{6}$/);
    assert.equal(await said(page, 'status', VI['survey.alone_done']).count(), 1);
    await shot(page, 'friction-alone-portrait');
    await tap(page, 'survey.next');
    s = await waitFor(page, (st) => st.question !== 'household_code');
    for (let i = 0; i < 3; i++) {
      await answer(page, s);
      await tap(page, 'survey.next');
      s = await state(page);
    }
    // "Câu n/N" says the same N as the hook's count.
    const position = await page.locator('#live').textContent();
    assert.ok(position.includes(`/${s.total}`), `${position} counts ${s.total}`);

    // 3. Back twice in a row, no tap between: two questions back, still in the app.
    const at = s.question;
    await page.goBack();
    await page.goBack();
    s = await waitFor(page, (st) => st.screen === 'question' && st.question !== at);
    await page.waitForTimeout(300);
    s = await state(page);
    assert.equal(s.screen, 'question', 'still in the survey');
    assert.equal(await page.evaluate(() => !!window.digiready), true, 'still in the app');

    // 2. The text size inside the survey, then "Lưu và thoát" from this question.
    await tap(page, 'survey.textsize');
    s = await waitFor(page, (st) => st.text_size === 'large');
    await shot(page, 'friction-question-large-portrait');
    await tap(page, 'survey.textsize');
    await waitFor(page, (st) => st.text_size === 'normal');
    const answered = s.answered, resultId = s.result_id;
    await tap(page, 'survey.save_exit');
    s = await waitFor(page, (st) => st.screen === 'home');
    assert.equal(s.drafts, 1);
    await inLowerHalf(page, 'status', VI['survey.saved_exit_done']);
    await shot(page, 'friction-saved-exit');
    // Home says the draft with the same count: answered/total.
    const draftCard = await find(page, 'home.draft.' + resultId);
    assert.ok(draftCard.label.includes(`${answered}/`), draftCard.label);

    // 4. Starting the survey again offers the draft instead of a second one.
    await tap(page, 'home.survey.' + SURVEY);
    await waitFor(page, (st) => st.screen === 'intro');
    await find(page, 'survey.continue_draft');
    await shot(page, 'friction-draft-offered');
    await tap(page, 'survey.continue_draft');
    s = await waitFor(page, (st) => st.screen === 'question');
    assert.equal(s.result_id, resultId, 'the same draft');
    assert.equal(s.answered, answered);
    assert.equal(s.drafts, 1, 'no second draft');

    // 7. On its side (915×412), normal and large text: the question and its first option in view.
    while (!['single', 'yesno', 'multiple', 'rating'].includes(s.question_type)) {
      await answer(page, s);
      await tap(page, 'survey.next');
      s = await state(page);
    }
    await turn(page, 915, 412);
    await page.waitForTimeout(300);
    await questionAndFirstOptionInView(page, s);
    await shot(page, 'friction-question-landscape');
    await tap(page, 'survey.textsize');
    await waitFor(page, (st) => st.text_size === 'large');
    await page.waitForTimeout(300);
    await questionAndFirstOptionInView(page, s);
    await shot(page, 'friction-question-large-landscape');
    await turn(page, 412, 915);
    await page.waitForTimeout(300);
    await questionAndFirstOptionInView(page, s);
    await tap(page, 'survey.textsize');
    await waitFor(page, (st) => st.text_size === 'normal');

    // To the end: the review page counts as the others do.
    for (let i = 0; i < 120 && s.screen === 'question'; i++) {
      await answer(page, s);
      await tap(page, 'survey.next');
      s = await state(page);
    }
    assert.equal(s.screen, 'review');
    assert.equal(s.answered, s.total, 'every counted question answered');
    await shot(page, 'friction-review');
    await turn(page, 915, 412);
    await tap(page, 'survey.textsize');
    await waitFor(page, (st) => st.text_size === 'large');
    await page.waitForTimeout(300);
    await shot(page, 'friction-review-large-landscape');
    await tap(page, 'survey.textsize');
    await waitFor(page, (st) => st.text_size === 'normal');
    await turn(page, 412, 915);
    await page.waitForTimeout(300);
    await tap(page, 'review.submit');
    s = await waitFor(page, (st) => st.screen === 'results');

    // 5. The level with its scale, the next step, the copy confirmation in view.
    const levels = JSON.parse(fs.readFileSync(path.join(ROOT, `assets/surveys/${SURVEY}.json`), 'utf8')).levels;
    const n = levels.findIndex((l) => l.id === s.level) + 1;
    const scale = VI['results.level_scale'].replace('{0}', levels[n - 1].label.vi).replace('{1}', n).replace('{2}', levels.length);
    assert.equal(await page.locator('#semantics h2').filter({ hasText: scale }).count(), 1, scale);
    assert.ok((await page.locator('#semantics').textContent()).includes(VI['results.next_step_alone']), 'the team writes the code');
    await shot(page, 'friction-results-top');
    await turn(page, 915, 412);
    await page.waitForTimeout(300);
    await shot(page, 'friction-results-landscape');
    await turn(page, 412, 915);
    await page.waitForTimeout(300);
    await tap(page, 'results.copy');
    await inLowerHalf(page, 'status', VI['results.copied']);
    await shot(page, 'friction-results-copied');

    // 3. Home: the first Back warns where the person looks, the second leaves.
    await tap(page, 'results.home');
    await waitFor(page, (st) => st.screen === 'home');
    await page.touchscreen.tap(206, 5);  // a tap arms the page's guard, as a person's first touch does
    await page.goBack();
    await page.waitForFunction((t) => document.getElementById('live').textContent === t, VI['nav.back_again_to_leave']);
    await inLowerHalf(page, 'status', VI['nav.back_again_to_leave']);
    assert.equal((await state(page)).screen, 'home', 'the first Back on home stays');
    await shot(page, 'friction-back-warns');
    await page.goBack();
    await page.waitForFunction(() => !window.digiready, null, { timeout: 10000 });
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test("a before/after with another household's result warns; bars share one scale", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    const recs = [household('household-digital-skills', 0, 41), household('household-digital-skills', 2, 42)];
    await page.evaluate((rs) => { for (const r of rs) localStorage.setItem('digiready.result.' + JSON.parse(r).id, r); }, recs);
    await page.reload();
    await open(page);
    await tap(page, 'home.result.' + JSON.parse(recs[1]).id);
    await waitFor(page, (st) => st.screen === 'results');
    await tap(page, 'progress.open');
    await tap(page, 'progress.pick.' + JSON.parse(recs[0]).id);
    const warning = VI['progress.other_household'].replace('{0}', 'HH-0041').replace('{1}', 'HH-0042');
    await said(page, 'alert', warning).waitFor({ timeout: 5000 });
    await shot(page, 'friction-compare-other-household-warning');
    await find(page, 'progress.other');
    await shot(page, 'friction-compare-other-household');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
