// Everyone can answer (issue #15): a screen reader's view of the app. The household survey is
// answered and its result read through the accessibility tree alone — roles and names, never the
// canvas nor the test hook; axe-core finds no serious or critical problem on each screen; read
// aloud says the right words in the right language.
//
// A node is pressed with a click event on the node itself (`press`): what TalkBack's double tap and
// VoiceOver's activate do. A finger or mouse goes through the transparent tree to the canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launch, open, shot, ROOT } from './lib.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VI = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/locales/vi.json'), 'utf8'));
const EN = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/locales/en.json'), 'utf8'));
const HOUSEHOLD = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/surveys/household-digital-skills.json'), 'utf8'));
const QUESTIONS = [...HOUSEHOLD.profile, ...HOUSEHOLD.sections.flatMap((s) => s.questions)];
const TYPED = { household_code: 'HD-0001', commune: 'Đắk Lắk', village: 'Ấp 1', integer: '4', text: 'Cà phê' };

// speechSynthesis stubbed: records what would be spoken (window.__spoken), with a Vietnamese and an
// English voice installed (window.__voices).
function stubSpeech(page) {
  return page.addInitScript(() => {
    const spoken = (window.__spoken = []);
    const voices = (window.__voices = [{ lang: 'vi-VN', name: 'Tiếng Việt' }, { lang: 'en-US', name: 'English' }]);
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    Object.defineProperty(window, 'speechSynthesis', { value: {
      speaking: false, pending: false,
      getVoices: () => voices,
      speak(u) { spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); if (u.onstart) u.onstart(); },
      cancel() {}, addEventListener() {},
    } });
  });
}

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

const tree = (page) => page.locator('#semantics');
const press = (locator) => locator.dispatchEvent('click');
const exact = (name) => ({ name, exact: true });

// The question on screen, known by its heading (the title as drawn).
async function currentQuestion(page) {
  const titles = await tree(page).getByRole('heading').allTextContents();
  return QUESTIONS.find((q) => titles.includes(q.title.vi));
}

async function axeCheck(page, where) {
  // Evaluated rather than added as a <script>: the page's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`), [],
    `axe on ${where}`);
}

// Answers the question whose heading is on screen, through its radio group, check boxes or text box.
async function answer(page, q) {
  const t = tree(page);
  if (['single', 'yesno', 'rating'].includes(q.type)) {
    const group = t.getByRole('radiogroup', exact(q.title.vi));
    const first = group.getByRole('radio').first();
    if (await group.getByRole('radio', { checked: true }).count() === 0) {
      await press(first);
      await assert.doesNotReject(first.and(page.locator('[aria-checked=true]')).waitFor({ timeout: 5000 }));
    }
  } else if (q.type === 'multiple') {
    const box = t.getByRole('checkbox').first();
    if (await t.getByRole('checkbox', { checked: true }).count() === 0) {
      await press(box);
      await box.and(page.locator('[aria-checked=true]')).waitFor({ timeout: 5000 });
    }
  } else if (q.type !== 'info') {
    await press(t.getByRole('textbox', exact(q.title.vi)));
    // The app opens its real text field, named like the question, with the focus in it.
    const field = page.getByRole('textbox', exact(q.title.vi)).and(page.locator('#text-overlay'));
    await field.waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.insertText(TYPED[q.id] || TYPED[q.type]);
    await page.keyboard.press('Enter'); // the keyboard's "Go": closes the field and moves on
    await field.waitFor({ state: 'hidden', timeout: 5000 });
    return true;
  }
  return false;
}

test('a screen reader alone answers the household survey and reads its result; axe finds no serious problem', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await stubSpeech(page);
    await open(page, srv.url);
    const t = tree(page);
    assert.equal(await page.getAttribute('#canvas', 'aria-hidden'), 'true');
    assert.equal(await page.getAttribute('#canvas', 'tabindex'), '-1', 'the canvas is out of the Tab order');
    await axeCheck(page, 'home');
    await shot(page, 'a11y-home');
    await press(t.getByRole('button', { name: HOUSEHOLD.title.vi }));
    await press(t.getByRole('button', exact(VI['survey.agree_start'])));
    const live = page.locator('#live');
    let seen = 0, asked = 0;
    for (; seen < 80; seen++) {
      if (await t.getByRole('button', exact(VI['review.submit'])).count()) break;
      const q = await page.waitForFunction(() => document.querySelector('#semantics h2'))
        .then(() => currentQuestion(page));
      assert.ok(q, 'a question heading is in the tree');
      if (seen === 0) {
        await axeCheck(page, 'a question');
        // A new question is announced short: its title, then n of N — not its options.
        await page.waitForFunction((title) => document.getElementById('live').textContent.startsWith(title), q.title.vi);
        const where = VI['survey.progress'].replace('{0}', '1').replace('{1}', '');
        assert.ok((await live.textContent()).startsWith(`${q.title.vi}. ${where}`), await live.textContent());
        // Next on the empty, required field: it turns invalid, described by the message, which is said.
        const box = t.getByRole('textbox', exact(q.title.vi));
        await press(t.getByRole('button', exact(VI['nav.next'])));
        await box.and(page.locator('[aria-invalid=true]')).waitFor({ timeout: 5000 });
        const message = t.locator('#' + await box.getAttribute('aria-describedby'));
        assert.equal(await message.getAttribute('role'), 'alert');
        assert.equal((await live.textContent()).trim(), (await message.textContent()).trim());
      }
      if (q.type === 'single' && !asked++) {
        await answer(page, q);
        assert.match(await live.textContent(), /^Đã chọn: [^,]+\s*$/, 'a changed selection says just that');
      }
      const moved = await answer(page, q);
      if (!moved) await press(t.getByRole('button', { name: new RegExp(`^(${VI['nav.next']}|${VI['survey.to_review']})$`) }));
      await page.waitForFunction((title) => ![...document.querySelectorAll('#semantics h2')].some((h) => h.textContent === title),
        q.title.vi, { timeout: 5000 });
    }
    assert.ok(seen >= 20, `${seen} questions answered`);
    await axeCheck(page, 'review');
    await shot(page, 'a11y-review');
    await press(t.getByRole('button', exact(VI['review.submit'])));
    await t.getByRole('heading', exact(VI['results.title'])).waitFor();
    // The result as a screen reader reads it: the level, each area with its score.
    const words = (await t.allInnerTexts()).join('\n') || (await t.textContent());
    assert.ok(words.includes(VI['results.level']), 'the level is in the tree');
    for (const d of HOUSEHOLD.dimensions) assert.ok(words.includes(d.title.vi), `area ${d.id} is in the tree`);
    // Announced once: the level, each area and the first advice.
    const said = await live.textContent();
    assert.ok(said.startsWith(VI['results.title']), said);
    for (const d of HOUSEHOLD.dimensions) assert.ok(said.includes(d.title.vi + ': '), `announced: ${d.id}`);
    await axeCheck(page, 'results');
    // "Nghe" on the results reads the same, in vi-VN.
    await press(t.getByRole('button', exact(VI['a11y.listen'])));
    await page.waitForFunction(() => window.__spoken.length > 0);
    const heard = await page.evaluate(() => window.__spoken);
    assert.equal(heard[0].text, `${VI['results.title']}. ${HOUSEHOLD.title.vi}`);
    assert.ok(heard[1].text.startsWith(VI['results.level'] + ': '), heard[1].text);
    assert.deepEqual(heard.slice(2, 2 + HOUSEHOLD.dimensions.length).map((h) => h.text.split(': ')[0]),
      HOUSEHOLD.dimensions.map((d) => d.title.vi));
    assert.ok(heard.every((h) => h.lang === 'vi-VN'));
    // Back home, the live region no longer holds the result.
    await press(t.getByRole('button', exact(VI['nav.home'])));
    await page.waitForFunction(() => document.getElementById('live').textContent.trim() === '');
    await shot(page, 'a11y-results');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the organiser view passes axe; <html lang> follows the language', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    const t = tree(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await press(t.getByRole('radio', exact('English')));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await press(t.getByRole('radio', exact('Tiếng Việt')));
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    await press(t.getByRole('button', { name: VI['home.organiser'] }));
    await t.getByRole('heading', exact(VI['organiser.title'])).waitFor();
    await axeCheck(page, 'organiser');
    await shot(page, 'a11y-organiser');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('"Nghe" reads the question (title, help, options) in vi-VN, in en-US in English; no voice is said in words', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await stubSpeech(page);
    await open(page, srv.url);
    const t = tree(page);
    await press(t.getByRole('button', { name: HOUSEHOLD.title.vi }));
    await press(t.getByRole('button', exact(VI['survey.agree_start'])));
    await page.waitForFunction(() => document.querySelector('#semantics h2'));
    // A choice question: skip the first ones by answering them.
    let q = await currentQuestion(page);
    for (let i = 0; i < 10 && !['single', 'yesno'].includes(q.type); i++) {
      if (!(await answer(page, q))) await press(t.getByRole('button', exact(VI['nav.next'])));
      await page.waitForFunction((title) => ![...document.querySelectorAll('#semantics h2')].some((h) => h.textContent === title), q.title.vi);
      q = await currentQuestion(page);
    }
    await press(t.getByRole('button', exact(VI['a11y.listen'])));
    await page.waitForFunction(() => window.__spoken.length > 0);
    const spoken = await page.evaluate(() => window.__spoken);
    const want = [q.title.vi, ...(q.help ? [q.help.vi] : []), ...(q.options || []).map((o) => o.label.vi)];
    assert.deepEqual(spoken.map((s) => s.text), want);
    assert.ok(spoken.every((s) => s.lang === 'vi-VN' && s.voice === 'Tiếng Việt'));
    // The option being read is marked (the last one, as the stub speaks at once).
    const last = q.options[q.options.length - 1];
    assert.equal(await page.getAttribute(`#semantics [data-id="opt.${q.id}.${last.value}"]`, 'class'), 'speaking');
    // In English: en-US.
    await page.evaluate(() => { window.__spoken.length = 0; });
    await press(t.getByRole('button', exact('English')));
    await t.getByRole('button', exact(EN['a11y.listen'])).waitFor();
    await press(t.getByRole('button', exact(EN['a11y.listen'])));
    await page.waitForFunction(() => window.__spoken.length > 0);
    const en = await page.evaluate(() => window.__spoken);
    assert.equal(en[0].text, q.title.en);
    assert.ok(en.every((s) => s.lang === 'en-US'));
    // No Vietnamese voice on the phone: the app says so, and how to add one.
    await press(t.getByRole('button', exact('Tiếng Việt')));
    await page.evaluate(() => { window.__voices.splice(0, 1); });
    await press(t.getByRole('button', exact(VI['a11y.listen'])));
    await t.getByRole('alert').filter({ hasText: VI['a11y.no_voice'] }).waitFor();
    await shot(page, 'a11y-no-voice');
    // Moving the reader onto an option scrolled out of view brings it onto the screen.
    const lastRadio = t.getByRole('radio').last();
    assert.equal(await lastRadio.getAttribute('data-shown'), '0', 'the last option starts below the fold');
    await lastRadio.focus();
    await page.waitForFunction(() => {
      const r = [...document.querySelectorAll('#semantics [role=radio]')].pop();
      return r.dataset.shown === '1' && r.getBoundingClientRect().bottom <= innerHeight;
    }, null, { timeout: 5000 });
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
