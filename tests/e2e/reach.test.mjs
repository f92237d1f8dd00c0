// Results leaving a phone without a cable (issue #12): "Send the result" hands the file to the
// phone's share sheet (or downloads it, and says so); "Show QR code" draws the compact text as one
// QR code that a real decoder (zbarimg) reads back to the same record; the organiser's camera scan
// imports each code exactly like its file, counted once; a refused camera is said in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launch, open, state, tap, shot, waitFor, ROOT, ARTIFACTS } from './lib.mjs';
import { household } from './batch.mjs';
import { writeY4m } from './y4m.mjs';

const CLI = path.join(ROOT, 'build/native/src/cli/digiready');
const SURVEY_DIR = path.join(ROOT, 'dist/surveys');

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dr-reach-'));

// The core's importer (through the CLI): the record a file or a scanned text stands for.
function importWithCli(file) {
  const out = path.join(path.dirname(file), 'out.ndjson');
  execFileSync(CLI, ['import', file, '--survey-dir', SURVEY_DIR, '--ndjson', out], { stdio: 'pipe' });
  const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 1, 'one record');
  return JSON.parse(lines[0]);
}

function sameScores(rec, shown) {
  assert.equal(rec.scores.overall, shown.overall);
  for (const [dim, pct] of Object.entries(shown.dimensions)) assert.equal(rec.scores.dimensions[dim] ?? null, pct, dim);
}

// A household's finished result kept on this phone, opened from home.
async function openKept(page, rec) {
  await open(page, srv.url);
  await page.evaluate((r) => localStorage.setItem('digiready.result.' + JSON.parse(r).id, r), rec);
  await page.reload();
  await open(page);
  await tap(page, 'home.result.' + JSON.parse(rec).id);
  return waitFor(page, (s) => s.screen === 'results' && s.result_id === JSON.parse(rec).id);
}

// Shows the result's QR code, photographs the screen and reads the code back with zbarimg.
async function qrText(page, name) {
  await tap(page, 'results.qr');
  await waitFor(page, (s) => s.screen === 'qr');
  await page.waitForTimeout(200);
  await shot(page, name);
  const out = execFileSync('zbarimg', ['--raw', '-q', path.join(ARTIFACTS, name + '.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim();
}

// A phone that can share files: what the share sheet gets is kept in window.shared.
async function shareSheet(page) {
  await page.evaluate(() => {
    window.shared = [];
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: (d) => !!(d && d.files && d.files.length) });
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (d) => {
      const f = d.files[0];
      window.shared.push({ name: f.name, type: f.type, bytes: Array.from(new Uint8Array(await f.arrayBuffer())) });
    } });
  });
}

test('"Send the result" gives the share sheet the result file; it verifies to the scores shown', async () => {
  const b = await launch();
  try {
    const { page } = b;
    const shown = await openKept(page, household('household-digital-skills', 1, 71));
    await shareSheet(page);
    await tap(page, 'results.share');
    await page.waitForFunction(() => window.shared.length === 1);
    const got = await page.evaluate(() => window.shared[0]);
    assert.match(got.name, /^household-digital-skills_HH-0071_\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(got.type, 'application/json');
    const file = path.join(tmp(), got.name);
    fs.writeFileSync(file, Buffer.from(got.bytes));
    const rec = importWithCli(file);
    assert.equal(rec.id, shown.result_id);
    sameScores(rec, shown);
    assert.equal((await state(page)).message, '', 'nothing to explain when the share sheet opened');

    // A browser that cannot share files: the file is downloaded, and the words say so.
    await page.evaluate(() => Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => false }));
    const [dl] = await Promise.all([page.waitForEvent('download'), tap(page, 'results.share')]);
    assert.equal(dl.suggestedFilename(), got.name);
    const s = await waitFor(page, (st) => st.message !== '');
    assert.match(s.message, /tải về/);
    await shot(page, 'reach-share-downloaded');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// Chrome on Android shares only files of the types on its list (blink's webshare FILE_TYPES.md:
// pdf, images, audio, video, .txt/.csv/.html...; no .json, no .ndjson), by extension and type.
async function androidShareSheet(page) {
  await page.evaluate(() => {
    window.shared = [];
    const listed = { txt: 'text/plain', csv: 'text/csv', pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg' };
    const ok = (f) => listed[f.name.split('.').pop().toLowerCase()] === f.type;
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: (d) => !!(d && d.files && d.files.length && d.files.every(ok)) });
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (d) => {
      if (!d.files.every(ok)) throw new DOMException('Permission denied', 'NotAllowedError');
      const f = d.files[0];
      window.shared.push({ name: f.name, type: f.type, bytes: Array.from(new Uint8Array(await f.arrayBuffer())) });
    } });
  });
}

test('on Chrome for Android (no .json sharing) results and the batch go as .txt, and the organiser imports them', async () => {
  const b = await launch();
  let organiserPhone = null;
  try {
    const { page } = b;
    const recs = [household('household-digital-skills', 1, 91, { village: 'Thôn Tây' }),
                  household('household-digital-skills', 2, 92, { village: 'Thôn Tây' })];
    const shown = await openKept(page, recs[0]);
    await androidShareSheet(page);
    await tap(page, 'results.share');
    await page.waitForFunction(() => window.shared.length === 1);
    const got = await page.evaluate(() => window.shared[0]);
    assert.match(got.name, /^household-digital-skills_HH-0091_\d{4}-\d{2}-\d{2}\.txt$/);
    assert.equal(got.type, 'text/plain');
    assert.equal(Buffer.from(got.bytes).toString('utf8'), recs[0], 'the result file\'s very bytes');
    assert.equal((await state(page)).message, '', 'the share sheet opened: nothing to explain');
    await shot(page, 'reach-share-android');

    // The organiser's phone receives the .txt (Zalo, Bluetooth) and imports it with the file picker,
    // next to a batch a team member shared the same way (two households, one per line).
    const b2 = await launch();  // another phone: its own storage
    organiserPhone = b2;
    const org = b2.page;
    await open(org, srv.url);
    await tap(org, 'home.organiser');
    await waitFor(org, (st) => st.screen === 'organiser' && !st.organiser.busy);
    await org.setInputFiles('#file-import', [
      { name: got.name, mimeType: got.type, buffer: Buffer.from(got.bytes) },
      { name: 'digiready-batch-2026-11-29-2.txt', mimeType: 'text/plain', buffer: Buffer.from(recs.join('\n') + '\n') },
    ]);
    let s = (await waitFor(org, (st) => !st.organiser.busy && st.organiser.files === 3, 20000)).organiser;
    assert.equal(s.imported, 2, 'two households kept');
    assert.equal(s.failed, 0, 'nothing refused');
    assert.equal(s.duplicates, 1, 'HH-0091 came twice and counts once');
    await tap(org, 'org.tab.1');
    s = (await waitFor(org, (st) => st.organiser.tab === 'list' && st.organiser.rows === 2)).organiser;
    assert.deepEqual([...s.first_rows].sort(), ['HH-0091', 'HH-0092']);
    const mean = (shown.overall + JSON.parse(recs[1]).scores.overall) / 2;
    assert.ok(Math.abs(s.aggregates.mean - mean) < 0.01, `mean ${s.aggregates.mean} vs ${mean}`);
    await shot(org, 'reach-import-txt');
    assert.deepEqual(b.problems, []);
    assert.deepEqual(b2.problems, []);
  } finally { await b.close(); if (organiserPhone) await organiserPhone.close(); }
});

test('the QR code on screen decodes (zbarimg) to the compact text of the same record and scores', async () => {
  const b = await launch();
  try {
    const { page } = b;
    const shown = await openKept(page, household('household-digital-skills', 2, 72));
    const text = await qrText(page, 'reach-qr');
    assert.match(text, /^DR1:[0-9A-Z $%*+\-./:]+$/);
    const file = path.join(tmp(), 'scanned.txt');
    fs.writeFileSync(file, text + '\n');
    const rec = importWithCli(file);
    assert.equal(rec.id, shown.result_id);
    sameScores(rec, shown);
    // The screen stays on while the code shows (where the browser has a wake lock), not after.
    const hasWakeLock = await page.evaluate(() => 'wakeLock' in navigator);
    if (hasWakeLock) await page.waitForFunction(() => window.digiready.wakeLocked(), null, { timeout: 3000 });
    await tap(page, 'qr.back');
    await waitFor(page, (s) => s.screen === 'results');
    assert.equal(await page.evaluate(() => window.digiready.wakeLocked()), false);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// The organiser's phone: a camera whose picture is a QR code the detector reads as `window.codes`.
async function fakeCamera(page) {
  await page.evaluate(() => {
    window.codes = [];
    window.BarcodeDetector = class {
      static async getSupportedFormats() { return ['qr_code']; }
      async detect() { return window.codes.map((rawValue) => ({ rawValue, format: 'qr_code' })); }
    };
    navigator.mediaDevices.getUserMedia = async () => {
      const c = document.createElement('canvas');
      c.width = c.height = 64;
      c.getContext('2d').fillRect(0, 0, 64, 64);
      return c.captureStream(5);
    };
  });
}

test('scanning phones one after another imports each code like its file, once, with a running count', async () => {
  // Two households show their codes (decoded from the screen, as a camera would see them).
  const codes = [], shown = [];
  for (const [t, n] of [[0, 81], [2, 82]]) {
    const b = await launch();
    try {
      shown.push(await openKept(b.page, household('household-digital-skills', t, n)));
      codes.push(await qrText(b.page, 'reach-qr-' + n));
      assert.deepEqual(b.problems, []);
    } finally { await b.close(); }
  }
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await fakeCamera(page);
    await tap(page, 'home.organiser');
    await waitFor(page, (s) => s.screen === 'organiser');
    await tap(page, 'org.scan');
    await waitFor(page, (s) => s.screen === 'scan');
    await page.waitForFunction(() => document.querySelector('.scan-video video'));
    await page.evaluate((c) => { window.codes = [c]; }, codes[0]);
    await waitFor(page, (s) => s.scan.count === 1);
    await page.waitForTimeout(500);  // the same code stays in view: still one
    await page.evaluate((c) => { window.codes = [c]; }, codes[1]);
    let s = await waitFor(page, (st) => st.scan.count === 2);
    await page.evaluate((c) => { window.codes = [c]; }, codes[0]);  // the first phone again
    await page.waitForTimeout(500);
    assert.equal((await state(page)).scan.count, 2);
    await shot(page, 'reach-scan');
    await tap(page, 'scan.close');
    s = (await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy && st.organiser.imported === 2)).organiser;
    assert.equal(await page.evaluate(() => !!document.querySelector('.scan-video video')), false, 'camera closed');
    assert.equal(s.failed, 0);
    await shot(page, 'reach-scan-imported');
    // The list holds both households, with the scores their phones showed.
    await tap(page, 'org.tab.1');
    s = (await waitFor(page, (st) => st.organiser.tab === 'list' && st.organiser.rows === 2)).organiser;
    assert.deepEqual([...s.first_rows].sort(), ['HH-0081', 'HH-0082']);
    const mean = (shown[0].overall + shown[1].overall) / 2;
    assert.ok(Math.abs(s.aggregates.mean - mean) < 0.01, `mean ${s.aggregates.mean} vs ${mean}`);

    // A second round: the first phone again is counted in this round, but kept once.
    await tap(page, 'org.tab.0');
    await tap(page, 'org.scan');
    await page.evaluate((c) => { window.codes = [c]; }, codes[0]);
    await waitFor(page, (st) => st.scan.count === 1);
    await tap(page, 'scan.close');
    s = (await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy && st.organiser.duplicates === 1)).organiser;
    assert.equal(s.imported, 2);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a refused camera, or a browser that cannot read QR codes, is said in words with the file import as the way out', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await fakeCamera(page);
    await page.evaluate(() => {
      navigator.mediaDevices.getUserMedia = async () => { throw new DOMException('Permission denied', 'NotAllowedError'); };
    });
    await tap(page, 'home.organiser');
    await tap(page, 'org.scan');
    await waitFor(page, (s) => s.screen === 'scan' && s.scan.problem === 'denied');
    await page.waitForFunction(() => /Camera chưa được cho phép.*Chọn tệp kết quả/.test(document.getElementById('live').textContent));
    await shot(page, 'reach-scan-denied');
    await tap(page, 'scan.close');
    await waitFor(page, (s) => s.screen === 'organiser');

    // No BarcodeDetector, and zbar's reader does not load (a worker that fails, as a lost file would).
    await page.evaluate(() => {
      delete window.BarcodeDetector;
      navigator.mediaDevices.getUserMedia = async () => {
        const c = document.createElement('canvas');
        c.getContext('2d').fillRect(0, 0, c.width, c.height);
        return c.captureStream(5);
      };
      window.Worker = class {
        constructor() { setTimeout(() => this.onerror && this.onerror(new Event('error')), 0); }
        postMessage() {}
        terminate() {}
      };
    });
    await tap(page, 'org.scan');
    await waitFor(page, (s) => s.screen === 'scan' && s.scan.problem === 'no_detector');
    await page.waitForFunction(() => /không đọc được mã QR/.test(document.getElementById('live').textContent));
    await shot(page, 'reach-scan-no-detector');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('"Gửi kết quả" beside a kept result on home, and the enumerator\'s batch, go to the share sheet as files', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    const recs = [household('household-digital-skills', 1, 61, { village: 'Thôn Đông' }), household('household-digital-skills', 2, 62, { village: 'Thôn Đông' })];
    await page.evaluate((rs) => { for (const r of rs) localStorage.setItem('digiready.result.' + JSON.parse(r).id, r); }, recs);
    await page.reload();
    await open(page);
    await shareSheet(page);
    const second = JSON.parse(recs[1]);
    await tap(page, 'home.share.' + second.id);
    await page.waitForFunction(() => window.shared.length === 1);
    let got = await page.evaluate(() => window.shared[0]);
    assert.match(got.name, /^household-digital-skills_HH-0062_\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(got.type, 'application/json');
    const dir = tmp();
    fs.writeFileSync(path.join(dir, got.name), Buffer.from(got.bytes));
    const rec = importWithCli(path.join(dir, got.name));
    assert.equal(rec.id, second.id);
    assert.equal(rec.checksum, second.checksum, 'the very record kept on the phone');
    assert.deepEqual(rec.scores, second.scores);
    assert.equal((await state(page)).screen, 'home', 'sent from home, without opening the result');
    await shot(page, 'reach-home-share');

    // Enumerator mode: both households join the batch; "export" shares the batch file. (The
    // organiser first reads what it kept; the page settles when that is done.)
    await tap(page, 'home.organiser');
    await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy);
    await tap(page, 'enum.start.household-digital-skills');
    await waitFor(page, (st) => st.screen === 'intro' && st.organiser.enumerator);
    await tap(page, 'survey.back');
    for (const r of recs) {
      await waitFor(page, (st) => st.screen === 'home');
      await tap(page, 'home.result.' + JSON.parse(r).id);
      await waitFor(page, (st) => st.screen === 'results');
      await tap(page, 'results.home');
    }
    await tap(page, 'home.result.' + second.id);
    await waitFor(page, (st) => st.screen === 'results' && st.organiser.enumerator_batch === 2);
    await tap(page, 'enum.export');
    await page.waitForFunction(() => window.shared.length === 2);
    got = await page.evaluate(() => window.shared[1]);
    assert.match(got.name, /^digiready-batch-\d{4}-\d{2}-\d{2}-2\.ndjson$/);
    assert.equal(got.type, 'application/x-ndjson');
    const lines = Buffer.from(got.bytes).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.id, l.checksum]), recs.map((r) => [JSON.parse(r).id, JSON.parse(r).checksum]));
    assert.equal((await state(page)).message, '', 'nothing to explain when the share sheet opened');

    // Where files cannot be shared: downloaded, and said.
    await page.evaluate(() => Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => false }));
    const [dl] = await Promise.all([page.waitForEvent('download'), tap(page, 'enum.export')]);
    assert.equal(dl.suggestedFilename(), got.name);
    assert.match((await waitFor(page, (st) => st.message !== '')).message, /tải về/);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// The picture a camera held in front of this phone would see: its screen, at CSS pixels. The PNG is
// decoded by the browser itself (no image library in the tests).
async function cameraPicture(page) {
  const png = (await page.screenshot()).toString('base64');
  const p = await page.evaluate(async (b64) => {
    const img = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const width = (img.width / devicePixelRatio) & ~1, height = (img.height / devicePixelRatio) & ~1;
    const ctx = new OffscreenCanvas(width, height).getContext('2d');
    ctx.drawImage(img, 0, 0, width, height);
    const data = ctx.getImageData(0, 0, width, height).data;
    let bin = '';
    for (let i = 0; i < data.length; i += 0x8000) bin += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
    return { width, height, rgba: btoa(bin) };
  }, png);
  return { ...p, rgba: Buffer.from(p.rgba, 'base64') };
}

test('a QR code on one phone is read by another phone\'s camera (zbar in wasm, offline) and imported with the same scores', async () => {
  // Two households show their codes; each screen is photographed.
  const shown = [], pictures = [];
  const a = await launch();
  try {
    for (const [t, n] of [[1, 91], [2, 92]]) {
      shown.push(await openKept(a.page, household('household-digital-skills', t, n)));
      await tap(a.page, 'results.qr');
      await waitFor(a.page, (s) => s.screen === 'qr');
      await a.page.waitForTimeout(200);
      await shot(a.page, 'reach-camera-shows-' + n);
      pictures.push(await cameraPicture(a.page));
    }
    assert.deepEqual(a.problems, []);
  } finally { await a.close(); }

  // The organiser's camera films the first phone for 2 s, then the second (and again, in a loop).
  const video = path.join(tmp(), 'camera.y4m');
  writeY4m(video, { width: pictures[0].width, height: pictures[0].height, fps: 5, frames: 10, pictures });
  const b = await launch({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    '--use-file-for-fake-video-capture=' + video] });
  try {
    const { page, context } = b;
    const loads = [];  // the QR reader's files, as the page or its worker asks for them
    context.on('request', (r) => { if (/zbar-/.test(r.url()) && !r.serviceWorker()) loads.push(path.basename(new URL(r.url()).pathname)); });
    await page.addInitScript(() => {
      delete window.BarcodeDetector;  // as in Chromium on desktop Linux: zbar reads the codes
      window.buzzes = [];
      Object.defineProperty(navigator, 'vibrate', { configurable: true, value: (ms) => { window.buzzes.push(ms); return true; } });
    });
    await open(page, srv.url);
    // Two phones side by side with no data plan: the service worker (which cached the whole build,
    // the reader too) serves everything once the network is gone.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    await context.setOffline(true);
    await tap(page, 'home.organiser');
    await waitFor(page, (s) => s.screen === 'organiser');
    assert.deepEqual(loads, [], 'the QR reader is not part of the first load');
    await tap(page, 'org.scan');
    await waitFor(page, (s) => s.screen === 'scan' && s.scan.count >= 1, 20000);
    await shot(page, 'reach-camera-scan');
    let s = await waitFor(page, (st) => st.scan.count === 2, 20000);
    assert.equal(s.scan.problem, '');
    assert.deepEqual([...new Set(loads)].sort(), ['zbar-qr.js', 'zbar-qr.wasm', 'zbar-worker.js']);
    assert.deepEqual(await page.evaluate(() => window.buzzes), [80, 80], 'one buzz per phone');
    await page.waitForFunction(() => /Đã quét 2/.test(document.getElementById('live').textContent));
    await page.waitForTimeout(2500);  // the first phone comes round again: still two
    assert.equal((await state(page)).scan.count, 2);
    await tap(page, 'scan.close');
    s = (await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy && st.organiser.imported === 2)).organiser;
    assert.deepEqual([s.failed, s.changed, s.duplicates], [0, 0, 0]);
    assert.equal(await page.evaluate(() => !!document.querySelector('.scan-video')), false, 'camera closed');
    await tap(page, 'org.tab.1');
    s = (await waitFor(page, (st) => st.organiser.tab === 'list' && st.organiser.rows === 2)).organiser;
    assert.deepEqual([...s.first_rows].sort(), ['HH-0091', 'HH-0092']);
    // The same scores the phones showed (to the 2 decimals the test hook gives): the overall mean
    // and each area's mean over the two.
    const mean = (f) => (f(shown[0]) + f(shown[1])) / 2;
    assert.ok(Math.abs(s.aggregates.mean - mean((x) => x.overall)) < 0.01, `mean ${s.aggregates.mean}`);
    for (const dim of Object.keys(shown[0].dimensions)) {
      if (shown[0].dimensions[dim] === null || shown[1].dimensions[dim] === null) continue;
      assert.ok(Math.abs(s.aggregates.dimensions[dim] - mean((x) => x.dimensions[dim])) < 0.01, dim);
    }
    await shot(page, 'reach-camera-imported');
    await context.setOffline(false);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
