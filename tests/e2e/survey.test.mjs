// Taking a survey on a phone, end to end: every bundled survey completed by tapping, skip logic,
// required questions, reload and continue, language switch mid-survey, Vietnamese typed through the
// overlay, offline after one visit (from the cache by the worker's routes), storage trouble, and a
// downloaded result that verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { startServer, launch, open, state, widgets, tap, find, shot, waitFor, ROOT } from './lib.mjs';
import { TEXT, typeInto, answer, startSurvey, answerAll } from './taking.mjs';

const CLI = path.join(ROOT, 'build/native/src/cli/digiready');
const SURVEYS = ['household-digital-skills', 'ecommerce-readiness', 'online-payment', 'sme-dx-readiness'];

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

async function download(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), tap(page, 'results.download')]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dr-dl-')), dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

// The core's result reader (through the CLI) recomputes the scores from the answers.
function verify(file) {
  const out = path.join(path.dirname(file), 'out.ndjson');
  execFileSync(CLI, ['import', file, '--survey-dir', path.join(ROOT, 'dist/surveys'), '--ndjson', out], { stdio: 'pipe' });
  return JSON.parse(fs.readFileSync(out, 'utf8').trim().split('\n')[0]);
}

for (const id of SURVEYS) {
  test(`complete "${id}" by tapping; the downloaded file verifies to the scores shown`, async () => {
    const b = await launch();
    try {
      const { page } = b;
      await open(page, srv.url);
      await shot(page, `survey-${id}-0-home`);
      await tap(page, 'home.survey.' + id);
      await waitFor(page, (s) => s.screen === 'intro');
      await shot(page, `survey-${id}-1-intro`);
      await tap(page, 'survey.start');
      const s = await answerAll(page, { shots: `survey-${id}-2-q` });
      assert.equal(s.screen, 'review');
      await shot(page, `survey-${id}-3-review`);
      await tap(page, 'review.submit');
      const r = await waitFor(page, (st) => st.screen === 'results');
      assert.ok(typeof r.overall === 'number', 'an overall score is shown');
      assert.ok(r.level, 'a level is shown');
      await shot(page, `survey-${id}-4-results`);
      const file = await download(page);
      assert.match(path.basename(file), new RegExp(`^${id}_.*_\\d{4}-\\d{2}-\\d{2}\\.json$`));
      const rec = verify(file);
      assert.equal(rec.status, 'complete');
      assert.equal(rec.scores.overall, r.overall);
      for (const [dim, pct] of Object.entries(r.dimensions)) assert.equal(rec.scores.dimensions[dim] ?? null, pct, dim);
      // Kept on this device: home lists it.
      await tap(page, 'results.home');
      const h = await waitFor(page, (st) => st.screen === 'home');
      assert.equal(h.results, 1);
      assert.equal(h.drafts, 0);
      assert.deepEqual(b.problems, []);
    } finally { await b.close(); }
  });
}

test('skip logic shows and hides; a required question blocks Next with its message', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    let s = await startSurvey(page, 'household-digital-skills');
    assert.equal(s.question, 'household_code');
    await tap(page, 'survey.next');
    s = await state(page);
    assert.equal(s.question, 'household_code', 'Next is refused');
    assert.match(s.validation, /Vui lòng trả lời/);
    await shot(page, 'skip-required-message');
    // Only spaces is no answer either.
    await typeInto(page, 'household_code', '   ');
    await tap(page, 'survey.next');
    s = await state(page);
    assert.equal(s.question, 'household_code', 'spaces alone are refused');
    assert.match(s.validation, /Vui lòng trả lời/);
    // Walk to the phone question, say "no smartphone": the smartphone-only questions disappear.
    while ((s = await state(page)).question !== 'phone') {
      await answer(page, s);
      await tap(page, 'survey.next');
    }
    await tap(page, 'opt.phone.smart_own');
    const withPhone = (await state(page)).total;
    const noPhone = (await widgets(page)).find((w) => w.id.startsWith('opt.phone.') && !/smart/.test(w.id));
    await tap(page, noPhone.id);
    const without = (await state(page)).total;
    assert.ok(without < withPhone, `hidden questions leave the count: ${withPhone} -> ${without}`);
    await tap(page, 'survey.next');
    s = await state(page);
    assert.equal(s.question, 'info_search', 'dev_* are skipped without a smartphone');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test("the phone's Back button goes to the previous question, then out of the survey, not out of the app", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    let s = await startSurvey(page, 'online-payment');
    const seen = [];
    for (let i = 0; i < 3; i++) {
      seen.push(s.question);
      await answer(page, s);
      await tap(page, 'survey.next');
      s = await state(page);
    }
    // Back, as the phone's button does it; the person looks and taps between presses.
    const back = async () => {
      await page.goBack();
      await page.waitForTimeout(200);
      await page.touchscreen.tap(206, 5);  // the screen's top edge: nothing there to press
    };
    await back();
    s = await waitFor(page, (st) => st.question === seen[2]);
    await back();
    s = await waitFor(page, (st) => st.question === seen[1]);
    assert.ok(s.answered >= 2, 'answers kept');
    await back();
    await back();
    await back();  // first question -> intro -> home
    s = await waitFor(page, (st) => st.screen === 'home');
    assert.equal(s.drafts, 1, 'the draft is kept');
    assert.equal(await page.evaluate(() => !!window.digiready), true, 'still in the app');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test("Enter goes on from a one-line field; a refused answer's message is brought into view; the review page keeps its place and has Back", async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    let s = await startSurvey(page, 'household-digital-skills');
    assert.equal(s.question, 'household_code');
    await typeInto(page, 'household_code', 'HD-0042');
    await page.keyboard.press('Enter');  // the keyboard's "Go"
    s = await waitFor(page, (st) => st.question !== 'household_code');
    assert.equal(s.question, 'province');
    assert.equal(await page.evaluate(() => document.getElementById('text-overlay').hidden), true);
    assert.equal(s.answered, 1, 'the typed code was kept');
    while ((s = await state(page)).question !== 'age_group') {
      await answer(page, s);
      await tap(page, 'survey.next');
    }
    // The phone turned sideways: six options fill the short screen, so the message falls below them.
    await page.setViewportSize({ width: 915, height: 412 });
    await page.waitForTimeout(300);
    await tap(page, 'survey.next');
    s = await waitFor(page, (st) => st.validation !== '' && st.validation_in_view === true);
    assert.equal(s.question, 'age_group');
    await shot(page, 'landscape-required-in-view');
    await page.setViewportSize({ width: 412, height: 915 });
    await page.waitForTimeout(300);
    s = await answerAll(page);
    assert.equal(s.screen, 'review');
    // Edit an answer far down the page: Next comes back to the same place, not the top.
    await tap(page, 'review.edit.k_otp');
    await waitFor(page, (st) => st.question === 'k_otp');
    await tap(page, 'survey.next');
    await waitFor(page, (st) => st.screen === 'review');
    await page.waitForTimeout(200);
    const edit = (await widgets(page)).find((w) => w.id === 'review.edit.k_otp');
    assert.ok(edit && edit.h >= 24, 'the edited answer is still on screen');
    await shot(page, 'review-after-edit');
    // Back on the review page goes to the last question.
    await tap(page, 'review.back');
    s = await waitFor(page, (st) => st.screen === 'question');
    const survey = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/surveys/household-digital-skills.json'), 'utf8'));
    assert.equal(s.question, survey.sections.at(-1).questions.at(-1).id);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('reload mid-survey and continue with every answer intact; language switch keeps answers', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    let s = await startSurvey(page, 'online-payment');
    for (let i = 0; i < 6; i++) {
      await answer(page, await state(page));
      await tap(page, 'survey.next');
    }
    const before = await state(page);
    await page.reload();
    await open(page);
    s = await state(page);
    assert.equal(s.drafts, 1);
    await shot(page, 'reload-home-with-draft');
    await tap(page, (w) => w.id.startsWith('home.draft.'));
    s = await waitFor(page, (st) => st.screen === 'question');
    assert.equal(s.result_id, before.result_id);
    assert.equal(s.answered, before.answered);
    assert.equal(s.question, before.question, 'continues at the first unanswered question');

    // Switch language mid-survey: labels change, answers stay.
    await tap(page, 'survey.lang');
    s = await waitFor(page, (st) => st.lang === 'en');
    assert.equal(s.answered, before.answered);
    assert.equal((await find(page, 'survey.next')).label, 'Next');
    await shot(page, 'midsurvey-english');
    await tap(page, 'survey.back');
    const prev = await state(page);
    const chosen = (await widgets(page)).filter((w) => w.id.startsWith(`opt.${prev.question}.`) && w.checked);
    assert.equal(chosen.length, 1, 'the earlier answer is still selected');
    await tap(page, 'survey.lang');
    await waitFor(page, (st) => st.lang === 'vi');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('Vietnamese typed through the overlay lands exactly in the answer and the result file', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await startSurvey(page, 'sme-dx-readiness');
    await typeInto(page, 'business_name', 'Cà phê Buôn Ma Thuột');
    const input = await page.$('#text-overlay');
    assert.equal(await input.getAttribute('inputmode'), 'text');
    await shot(page, 'typing-vietnamese');
    await tap(page, 'survey.next');
    let s = await state(page);
    await answer(page, s);
    await tap(page, 'survey.next');
    s = await state(page);
    if (s.question.startsWith('old_province_')) {  // a merged province: which one before 1/7/2025
      await answer(page, s);
      await tap(page, 'survey.next');
      s = await state(page);
    }
    assert.equal(s.question, 'commune');
    await typeInto(page, 'commune', 'Đắk Lắk');
    // Numbers open the numeric keyboard.
    while ((s = await state(page)).question !== 'years_operating') {
      await answer(page, s);
      await tap(page, 'survey.next');
    }
    const f = await find(page, 'field.years_operating');
    assert.equal(f.inputmode, 'numeric');
    await page.touchscreen.tap(f.x + 20, f.y + 20);
    await page.waitForFunction(() => !document.getElementById('text-overlay').hidden);
    assert.equal(await input.getAttribute('inputmode'), 'numeric');
    await page.keyboard.insertText('abc');
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await tap(page, 'survey.next');
    s = await state(page);
    assert.equal(s.question, 'years_operating', 'letters in a number are refused');
    assert.match(s.validation, /số/);
    await typeInto(page, 'years_operating', '12');
    await tap(page, 'survey.next');
    const rest = await answerAll(page);
    assert.equal(rest.screen, 'review');
    await tap(page, 'review.submit');
    await waitFor(page, (st) => st.screen === 'results');
    const rec = verify(await download(page));
    assert.equal(rec.profile.business_name, 'Cà phê Buôn Ma Thuột');
    assert.equal(rec.profile.commune, 'Đắk Lắk');
    assert.equal(rec.profile.years_operating ?? rec.answers.years_operating, 12);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('after one visit the app opens and a survey can be taken offline', async () => {
  const b = await launch();
  try {
    const { page, context } = b;
    await open(page, srv.url);
    // The worker has cached the whole build and, once active, claims this page: then cut the network.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    await context.setOffline(true);
    await page.reload();
    await open(page);
    const s = await state(page);
    assert.equal(s.surveys.length, 4, 'every bundled survey is there offline');
    // Warm start (#14): what the first frame needs comes from the cache by the worker's static
    // routes, not through its script; a request they do not name (a query) goes to its fetch handler.
    const source = await page.evaluate(() => Object.fromEntries(performance.getEntries()
      .filter((e) => e.entryType === 'navigation' || e.entryType === 'resource')
      .map((e) => [e.entryType === 'navigation' ? 'page' : e.name.split('/').pop(), e.workerMatchedSourceType])));
    for (const f of ['page', 'style.css', 'shell.js', 'semantics.js', 'digiready.js', 'digiready.wasm'])
      assert.equal(source[f], 'cache', `${f} from the cache by the route`);
    assert.ok(await page.evaluate(() => fetch('surveys/index.json?again=1').then((r) => r.json()).then((l) => l.length > 0)));
    await startSurvey(page, 'ecommerce-readiness');
    const end = await answerAll(page);
    assert.equal(end.screen, 'review');
    await tap(page, 'review.submit');
    await waitFor(page, (st) => st.screen === 'results');
    await shot(page, 'offline-results');
    await context.setOffline(false);
    assert.deepEqual(b.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  } finally { await b.close(); }
});

test('storage full: a clear message, nothing lost; a corrupt stored entry is set aside', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    // A damaged draft next to a good one.
    await startSurvey(page, 'online-payment');
    await answer(page, await state(page));
    await tap(page, 'survey.next');
    await page.evaluate(() => localStorage.setItem('digiready.draft.0123456789abcdef0123456789abcdef', '{"format":"digiready-result","format_version":2,"trunc'));
    await page.reload();
    await open(page);
    let s = await state(page);
    assert.equal(s.set_aside, 1);
    assert.equal(s.drafts, 1, 'the good draft is intact');
    assert.match(s.message, /để riêng/);
    await shot(page, 'storage-set-aside');
    assert.ok(await find(page, (w) => w.id.startsWith('home.aside.')));

    // Storage refuses: the answer stays on screen, the message says what to do.
    await tap(page, (w) => w.id.startsWith('home.draft.'));
    await waitFor(page, (st) => st.screen === 'question');
    await page.evaluate(() => {
      window.realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    s = await state(page);
    const question = s.question;
    await answer(page, s, (o) => o[o.length - 1]);
    // The storage-full screen offers what may be deleted: nothing here (the only other record is
    // damaged, kept aside; the draft being saved is never offered). The person goes back.
    s = await waitFor(page, (st) => st.screen === 'space');
    assert.equal(s.space.waiting, true);
    assert.deepEqual(s.space.offer, []);
    await shot(page, 'storage-full');
    await tap(page, 'space.leave');
    s = await waitFor(page, (st) => st.screen === 'question');
    assert.equal(s.question, question, 'back on the question answered');
    assert.match(s.message, /đầy/);
    // Space comes back (the person deleted something): the next change is saved, and after a reload
    // the draft holds every answer, the one given while storage was full included.
    await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
    const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('digiready.draft.')));
    // Another option, tapped whether or not the chosen one is in view (the answer changes).
    await tap(page, (w) => w.id.startsWith(`opt.${question}.`) && !w.checked);
    s = await state(page);
    assert.doesNotMatch(s.message || '', /đầy/, 'the notice goes once saving works again');
    const wanted = s.answered;
    await page.reload();
    await open(page);
    s = await state(page);
    assert.equal(s.drafts, 1, 'still one draft');
    assert.equal(s.set_aside, 1, 'the damaged entry is still kept aside, not deleted');
    const draft = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), before[0]);
    const saved = { ...draft.profile, ...draft.answers };
    assert.ok(question in saved, `the answer to ${question} was saved once storage worked again`);
    await tap(page, (w) => w.id.startsWith('home.draft.'));
    s = await waitFor(page, (st) => st.screen === 'question');
    assert.equal(s.answered, wanted, 'nothing answered before is missing');
    // "set aside" logs a line (console warning, not an error).
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a result saved by an older app version (format 1) still opens', async () => {
  const b = await launch();
  try {
    const { page } = b;
    // Written by app 0.0.9 for online-payment 1.0.0, without a checksum (format 1 had none then).
    const v1 = fs.readFileSync(path.join(ROOT, 'tests/e2e/data/result-format1-online-payment.json'), 'utf8');
    const id = JSON.parse(v1).id;
    await open(page, srv.url);
    await page.evaluate(([k, t]) => localStorage.setItem('digiready.result.' + k, t), [id, v1]);
    await page.reload();
    await open(page);
    let s = await state(page);
    assert.equal(s.results, 1, s.message);
    await tap(page, 'home.result.' + id);
    s = await waitFor(page, (st) => st.screen === 'results');
    assert.equal(s.result_id, id);
    assert.equal(s.level, 'basic');
    assert.equal(Math.round(s.overall * 100) / 100, 76.67);
    assert.equal(s.dimensions.receive, null, 'a person who does not sell has no score for receiving money');
    await shot(page, 'result-format1');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the live region mirrors the question for screen readers; keyboard alone works', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await page.focus('#canvas');
    // Tab until the wanted widget has the focus, then Enter.
    const press = async (id) => {
      for (let i = 0; i < 30; i++) {
        const f = (await widgets(page)).find((w) => w.focused);
        if (f && (typeof id === 'function' ? id(f) : f.id === id)) {
          const frames = (await state(page)).frames;
          await page.keyboard.press('Enter');
          await waitFor(page, (s) => s.frames > frames + 2);
          return;
        }
        await page.keyboard.press('Tab');
        await page.waitForTimeout(60);
      }
      throw new Error('keyboard focus never reached ' + id);
    };
    await press('home.survey.online-payment');
    await waitFor(page, (s) => s.screen === 'intro');
    await press('survey.start');
    let s = await waitFor(page, (st) => st.screen === 'question');
    assert.match(await page.textContent('#live'), /Mã hộ/);
    // A text field by keyboard: Enter opens the overlay, typing fills it, Enter closes it and goes on.
    await press('field.household_code');
    await page.waitForFunction(() => !document.getElementById('text-overlay').hidden);
    await page.keyboard.insertText('HD-77');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('text-overlay').hidden);
    s = await waitFor(page, (st) => st.question === 'province');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'the keyboard is back in the app');
    assert.match(await page.textContent('#live'), /^Tỉnh, thành phố\. Câu 2\/\d+/, 'a new question: title, then n of N');
    await press((w) => w.id.startsWith('opt.province.'));
    s = await state(page);
    assert.equal(s.answered, 2);
    assert.match(await page.textContent('#live'), /Đã chọn: (?!chưa)/);
    await shot(page, 'keyboard-focus');
    // Escape goes back.
    await page.keyboard.press('Escape');
    await waitFor(page, (st) => st.question === 'household_code');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('an app update takes over cleanly when accepted; drafts survive it', async () => {
  // A private copy of the site, so this test can publish a "new build" without touching dist/.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-site-'));
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  const { serve } = await import('../../tools/serve.mjs');
  const server = await serve(dir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const b = await launch();
  try {
    const { page } = b;
    await open(page, url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await open(page);
    await startSurvey(page, 'online-payment');
    await answer(page, await state(page));
    await tap(page, 'survey.next');
    await tap(page, 'survey.back');
    await tap(page, 'survey.back');
    await tap(page, 'survey.back');
    // Publish a new build: a different service worker (new build id) and a changed file.
    const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').replace(/const BUILD = '([^']+)'/, "const BUILD = '$1-next'");
    fs.writeFileSync(path.join(dir, 'sw.js'), sw);
    fs.writeFileSync(path.join(dir, 'version.json'), '{"version":"next"}\n');
    await page.evaluate(() => window.digiready._swRegistration.update());
    await page.waitForFunction(() => window.digiready._updateReady === true, null, { timeout: 15000 });
    await page.touchscreen.tap(200, 40); // any input redraws; home shows the offer
    const offer = await find(page, 'home.update');
    assert.match(offer.label, /phiên bản mới/);
    await shot(page, 'update-offered');
    await Promise.all([page.waitForNavigation(), tap(page, 'home.update').catch(() => {})]);
    await open(page);
    const s = await state(page);
    assert.equal(s.drafts, 1, 'the draft survived the update');
    const build = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('digiready-')));
    assert.equal(build.length, 1, 'only the new build is cached: ' + build);
    assert.match(build[0], /-next$/);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); server.close(); fs.rmSync(dir, { recursive: true, force: true }); }
});
