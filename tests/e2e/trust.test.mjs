// Nothing saved is lost or hidden, and a person stays in charge of what is kept: deleting a draft or
// a result (with a second tap), storage full survived by deleting what is offered, persistent
// storage asked for, oversized import files refused before they are read in, and a second build
// whose survey changed version still listing and opening everything kept by the first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../tools/serve.mjs';
import { startServer, launch, open, state, tap, find, shot, waitFor, ROOT } from './lib.mjs';
import { household } from './batch.mjs';
import { answer, startSurvey, answerAll } from './taking.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

const keys = (page, prefix) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix);

// Results kept on this phone, as the app stores them.
async function keep(page, records) {
  await page.evaluate((rs) => { for (const r of rs) localStorage.setItem('digiready.result.' + JSON.parse(r).id, r); }, records);
  await page.reload();
  await open(page);
}

// Deletes with the two taps the button asks for; the first tap deletes nothing.
async function deleteTwice(page, id, storedKey) {
  await tap(page, id);
  assert.ok(await page.evaluate((k) => localStorage.getItem(k) !== null, storedKey), 'one tap deletes nothing');
  assert.match((await find(page, id)).label, /lần nữa/);
  await tap(page, id);
}

test('a person deletes a result: a second tap confirms; it is gone from the list and storage, after a reload too', async () => {
  const b = await launch();
  try {
    const { page } = b;
    // The browser declines persistent storage, as Chrome often does for a site used once.
    await page.addInitScript(() => {
      window.persistAsked = 0;
      Object.defineProperty(navigator.storage, 'persisted', { configurable: true, value: async () => false });
      Object.defineProperty(navigator.storage, 'persist', { configurable: true, value: async () => { window.persistAsked++; return false; } });
    });
    await open(page, srv.url);
    await startSurvey(page, 'online-payment');
    assert.equal((await answerAll(page)).screen, 'review');
    assert.equal(await page.evaluate(() => window.persistAsked), 0, 'not asked before a result is saved');
    await tap(page, 'review.submit');
    let s = await waitFor(page, (st) => st.screen === 'results');
    const id = s.result_id;
    await page.waitForFunction(() => window.persistAsked === 1);
    assert.equal(s.message, '', 'a refusal says nothing alarming');

    // From home's list.
    await tap(page, 'results.home');
    s = await waitFor(page, (st) => st.screen === 'home');
    assert.equal(s.results, 1);
    await shot(page, 'trust-delete-home');
    await deleteTwice(page, 'home.delete.' + id, 'digiready.result.' + id);
    await shot(page, 'trust-delete-confirm');
    s = await waitFor(page, (st) => st.results === 0);
    assert.match(s.message, /Đã xoá/);
    assert.deepEqual(await keys(page, 'digiready.result.'), []);
    await page.reload();
    await open(page);
    assert.equal((await state(page)).results, 0, 'still gone after a reload');

    // From the results screen.
    const rec = household('household-digital-skills', 1, 81);
    await keep(page, [rec]);
    const other = JSON.parse(rec).id;
    await tap(page, 'home.result.' + other);
    await waitFor(page, (st) => st.screen === 'results' && st.result_id === other);
    await deleteTwice(page, 'results.delete', 'digiready.result.' + other);
    s = await waitFor(page, (st) => st.screen === 'home');
    assert.equal(s.results, 0);
    await page.reload();
    await open(page);
    assert.equal((await state(page)).results, 0);
    assert.equal(await page.evaluate(() => window.persistAsked), 0, 'asked once per run, at the first result saved');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('storage full: the refused answer is saved once the person deletes a result offered (sent ones first)', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    const sent = household('online-payment', 1, 91), kept = household('online-payment', 0, 92);
    const sentId = JSON.parse(sent).id, keptId = JSON.parse(kept).id;
    await keep(page, [kept, sent]);
    // One result was downloaded: it has a copy elsewhere.
    await tap(page, 'home.result.' + sentId);
    await waitFor(page, (st) => st.screen === 'results');
    await Promise.all([page.waitForEvent('download'), tap(page, 'results.download')]);
    await tap(page, 'results.home');
    await waitFor(page, (st) => st.screen === 'home');

    let s = await startSurvey(page, 'household-digital-skills');
    await answer(page, s);
    await tap(page, 'survey.next');
    s = await waitFor(page, (st) => st.screen === 'question' && st.answered >= 1);
    // A quota like the browser's: a write that would pass the bytes left throws QuotaExceededError.
    await page.evaluate(() => {
      const real = Storage.prototype.setItem;
      const used = () => { let n = 0; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); n += k.length + localStorage.getItem(k).length; } return n; };
      window.quota = used() + 4;
      Storage.prototype.setItem = function (k, v) {
        const old = this.getItem(k);
        if (used() - (old === null ? 0 : k.length + old.length) + k.length + String(v).length > window.quota) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return real.call(this, k, v);
      };
    });
    const question = s.question;
    await answer(page, s);
    s = await waitFor(page, (st) => st.screen === 'space');
    assert.deepEqual(s.space.offer, ['digiready.result.' + sentId, 'digiready.result.' + keptId], 'the sent result first');
    await shot(page, 'trust-storage-full-offer');
    await deleteTwice(page, 'space.delete.' + sentId, 'digiready.result.' + sentId);
    s = await waitFor(page, (st) => st.screen === 'question');
    assert.equal(s.question, question, 'back where the person was');
    assert.match(s.message, /đã lưu/);
    assert.equal(s.space.waiting, false);
    const [draftKey] = await keys(page, 'digiready.draft.');
    const draft = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), draftKey);
    assert.ok(question in { ...draft.profile, ...draft.answers }, 'the refused answer is saved now');
    await page.reload();
    await open(page);
    s = await state(page);
    assert.equal(s.results, 1, 'only the result deleted is gone');
    assert.equal(s.drafts, 1);
    assert.deepEqual(await keys(page, 'digiready.sent.'), [], 'its sent marker went with it');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// A second build of the site whose online-payment survey changed version: the shipped file moves to
// surveys/archive/ (it keeps shipping, as docs/survey-format.md asks) and a new version takes its place.
function secondBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiready-dist2-'));
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true, preserveTimestamps: true });
  const surveys = path.join(dir, 'surveys');
  for (const f of fs.readdirSync(surveys)) if (/\.(br|gz)$/.test(f)) fs.rmSync(path.join(surveys, f));
  const shipped = JSON.parse(fs.readFileSync(path.join(surveys, 'online-payment.json'), 'utf8'));
  fs.renameSync(path.join(surveys, 'online-payment.json'), path.join(surveys, 'archive', `online-payment-${shipped.version}.json`));
  const next = { ...shipped, version: '9.0.0' };
  next.title = { ...next.title, vi: next.title.vi + ' (mới)' };
  fs.writeFileSync(path.join(surveys, 'online-payment.json'), JSON.stringify(next, null, 2));
  const index = JSON.parse(fs.readFileSync(path.join(surveys, 'index.json'), 'utf8'));
  index.push(`archive/online-payment-${shipped.version}.json`);
  fs.writeFileSync(path.join(surveys, 'index.json'), JSON.stringify(index));
  return { dir, oldVersion: shipped.version };
}

test('a second build whose survey changed version keeps every draft and result listed and openable', async () => {
  const first = await serve(path.join(ROOT, 'dist'), 0);
  const port = first.address().port, url = `http://127.0.0.1:${port}/`;
  const { dir, oldVersion } = secondBuild();
  let second = null;
  const b = await launch();
  try {
    const { page } = b;
    await open(page, url);
    await startSurvey(page, 'online-payment');
    await answerAll(page);
    await tap(page, 'review.submit');
    const shown = await waitFor(page, (st) => st.screen === 'results');
    await tap(page, 'results.home');
    let s = await startSurvey(page, 'online-payment');
    await answer(page, s);
    await tap(page, 'survey.next');
    s = await waitFor(page, (st) => st.screen === 'question' && st.answered >= 1);
    const draft = { id: s.result_id, answered: s.answered };

    // The update: same address (same storage), the new files (no cached old build in the way).
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    first.closeAllConnections();
    await new Promise((r) => first.close(r));
    second = await serve(dir, port);
    await page.reload();
    await open(page);
    s = await state(page);
    assert.equal(s.unopened, 0, 'nothing kept is left unopened');
    assert.equal(s.set_aside, 0);
    assert.equal(s.drafts, 1);
    assert.equal(s.results, 1);
    const newTitle = await find(page, 'home.survey.online-payment');
    assert.match(newTitle.label, /\(mới\)/, 'the second build is the one running');
    await shot(page, 'trust-second-build-home');

    // The result opens with the scores it was saved with, and its file verifies against the
    // version it was taken with (which the second build still ships).
    await tap(page, 'home.result.' + shown.result_id);
    s = await waitFor(page, (st) => st.screen === 'results' && st.result_id === shown.result_id);
    assert.equal(s.overall, shown.overall);
    assert.equal(s.level, shown.level);
    const [dl] = await Promise.all([page.waitForEvent('download'), tap(page, 'results.download')]);
    const file = path.join(dir, dl.suggestedFilename());
    await dl.saveAs(file);
    const out = path.join(dir, 'out.ndjson');
    execFileSync(path.join(ROOT, 'build/native/src/cli/digiready'), ['import', file, '--survey-dir', path.join(dir, 'surveys'), '--ndjson', out], { stdio: 'pipe' });
    const rec = JSON.parse(fs.readFileSync(out, 'utf8').trim());
    assert.equal(rec.survey.version, oldVersion);
    assert.equal(rec.scores.overall, shown.overall);

    // The draft opens where it was, with its answers.
    await tap(page, 'results.home');
    await waitFor(page, (st) => st.screen === 'home');
    await tap(page, 'home.draft.' + draft.id);
    s = await waitFor(page, (st) => st.screen === 'question' && st.result_id === draft.id);
    assert.equal(s.answered, draft.answered);
    assert.deepEqual(b.problems, []);
  } finally {
    await b.close();
    if (second) second.close();
    else first.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an import file over its limit is refused by its size before it is read in; the others are read', async () => {
  const b = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiready-big-'));
  try {
    const { page } = b;
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy);
    const heapBefore = (await state(page)).organiser.heap_bytes;
    const good = path.join(dir, 'HH-0101.json');
    fs.writeFileSync(good, household('household-digital-skills', 1, 101));
    // One result padded past 256 KB, and a batch past 32 MB (its lines would be valid records).
    const padded = path.join(dir, 'padded.json');
    fs.writeFileSync(padded, household('household-digital-skills', 1, 102) + ' '.repeat(256 * 1024));
    const batch = path.join(dir, 'xa-tan-phu.ndjson');
    const line = household('household-digital-skills', 2, 103) + '\n';
    fs.writeFileSync(batch, line.repeat(Math.ceil((32 * 1024 * 1024 + 1) / line.length)));
    await page.setInputFiles('#file-import', [good, padded, batch]);
    const s = (await waitFor(page, (st) => !st.organiser.busy && st.organiser.files === 3, 30000)).organiser;
    assert.equal(s.imported, 1, 'the good file is read');
    assert.equal(s.failed, 2);
    assert.deepEqual(s.failed_files.map((f) => [f.file, f.problem]), [['padded.json', 'too_big'], ['xa-tan-phu.ndjson', 'too_big']]);
    assert.match(s.failed_files[1].error, /over the limit of 33554432 bytes/);
    assert.ok(s.heap_bytes - heapBefore < 16 << 20, `the 32 MB batch never came into the app's memory (grew ${s.heap_bytes - heapBefore})`);
    // The words the organiser reads (a status in the semantics tree, not a widget to tap).
    for (let i = 0; i < 6; i++) {
      await page.mouse.move(206, 300); await page.mouse.down(); await page.mouse.move(206, 800, { steps: 6 }); await page.mouse.up();
    }
    await page.waitForFunction(() => document.body.textContent.includes('Tệp quá lớn để đọc trên máy này'), null, { timeout: 5000 });
    await shot(page, 'trust-import-too-big');
    assert.deepEqual(b.problems, []);
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the organiser's kept imports are cleared from home (second tap) without being opened", async () => {
  const b = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiready-keep-'));
  try {
    const { page } = b;
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy);
    const files = [1, 2].map((n) => {
      const f = path.join(dir, `HH-02${n}.json`);
      fs.writeFileSync(f, household('household-digital-skills', n, 120 + n));
      return f;
    });
    await page.setInputFiles('#file-import', files);
    let s = await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === 2 && st.organiser.kept_bytes > 0, 20000);
    const kept = s.organiser.kept_bytes;
    // A new visit: home says how much is kept, read from its noted size, not from the keep itself.
    await page.reload();
    await open(page);
    const stored = () => page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('digiready', 1);
      req.onsuccess = () => {
        const c = req.result.transaction('chunks').objectStore('chunks').count();
        c.onsuccess = () => { req.result.close(); resolve(c.result); };
      };
    }));
    assert.ok(await stored() > 0);
    assert.equal((await state(page)).organiser.kept_bytes, kept);
    await find(page, 'home.kept_clear');
    await shot(page, 'trust-home-kept');
    await tap(page, 'home.kept_clear');
    assert.ok(await stored() > 0, 'one tap deletes nothing');
    await tap(page, 'home.kept_clear');
    s = await waitFor(page, (st) => st.organiser.kept_bytes === 0);
    assert.match(s.message, /Đã xoá/);
    // IndexedDB deletes in its own time: its count reaches 0.
    for (let i = 0; i < 50 && await stored() > 0; i++) await page.waitForTimeout(100);
    assert.equal(await stored(), 0);
    await page.reload();
    await open(page);
    await tap(page, 'home.organiser');
    s = await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy);
    assert.equal(s.organiser.imported, 0, 'nothing comes back');
    assert.deepEqual(b.problems, []);
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
