// Spreadsheets from the organiser's tabs, in the browser at phone size: the writer module is not
// part of the first load (fetched on the first press of "Excel (.xlsx)", then cached for offline
// use); each tab's file, read by an independent reader (openpyxl, tests/e2e/read_xlsx.py), holds
// what the tab shows with Vietnamese text, numbers as numbers and local date-times, and equals what
// `digiready export` writes natively from the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, launch, open, state, widgets, tap, find, shot, waitFor } from './lib.mjs';
import { mixedBatch } from './batch.mjs';
import { serve } from '../../tools/serve.mjs';

const CLI = path.join(ROOT, 'build/native/src/cli/digiready');
const READ = path.join(ROOT, 'tests/e2e/read_xlsx.py');

// A server per test: each stops its own half-way, to show what happens offline.
async function ownServer() {
  const server = await serve(path.join(ROOT, 'dist'), 0);
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    stop() { if (server.listening) { server.close(); server.closeAllConnections(); } },
  };
}

// The line under the button saying how the export went, as the page's semantics tree and live
// region give it to a screen reader (web/semantics.js).
async function note(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.body.innerText), re.source, { timeout: 10000 });
}

const read = (file) => JSON.parse(execFileSync('/usr/bin/python3', [READ, file], { encoding: 'utf8' }));

// Presses the tab's export button and reads the file the page downloads.
async function exportTab(page, tmp) {
  await find(page, 'org.export.xlsx');
  await page.waitForTimeout(300);  // scrolled into view: let the page settle before the tap
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), tap(page, 'org.export.xlsx')]);
  const file = path.join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), book: read(file) };
}

// The same tab written by the CLI from the same files, in the same order, at the same UTC offset.
function native(files, tmp, tab, offset, extra = []) {
  const dir = fs.mkdtempSync(path.join(tmp, 'in-'));
  const paths = files.map((f, i) => {
    const p = path.join(dir, `${String(i).padStart(3, '0')}-${f.name}`);
    fs.writeFileSync(p, f.buffer);
    return p;
  });
  const out = path.join(tmp, `native-${tab}.xlsx`);
  try {
    execFileSync(CLI, ['export', ...paths, '--survey-dir', path.join(ROOT, 'assets/surveys'), '--tab', tab,
      '--xlsx', out, '--utc-offset', String(offset), ...extra], { stdio: ['ignore', 'ignore', 'ignore'] });
  } catch (e) {
    if (!fs.existsSync(out)) throw e;  // the batch has bad files on purpose: exit 1, file written
  }
  return read(out);
}

const offsetText = (m) => `${m < 0 ? '-' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}:${String(Math.abs(m) % 60).padStart(2, '0')}`;

test('each tab exports its .xlsx: read back by openpyxl, equal to the CLI, writer loaded only on demand', async () => {
  const srv = await ownServer();
  const b = await launch();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-xlsx-'));
  const fetched = [];
  b.context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  try {
    const { page } = b;
    await open(page, srv.url);
    const offset = await page.evaluate(() => -new Date().getTimezoneOffset());
    await tap(page, 'home.organiser');
    await waitFor(page, (s) => s.screen === 'organiser');
    const { files, expect } = mixedBatch();
    await page.setInputFiles('#file-import', files);
    await waitFor(page, (s) => !s.organiser.busy && s.organiser.imported === expect.imported, 20000);
    assert.ok(!fetched.some((p) => p.includes('digiready-xlsx')), 'the writer is not part of the first load');
    // hh-3 came twice with other answers: held out of every tab (and of the CLI's export) until the
    // organiser chooses a copy (report.test.mjs), so one household fewer is shown.
    const households = expect.household - 1;

    // The list: who, where, level and scores first; one row per household shown.
    await tap(page, 'org.tab.1');
    await waitFor(page, (st) => st.organiser.tab === 'list');
    await shot(page, 'xlsx-list-tab');
    const list = await exportTab(page, tmp);
    assert.ok(fetched.some((p) => p.endsWith('/digiready-xlsx.wasm')), 'the writer was fetched on the press');
    assert.match(list.name, /^digiready-list-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await note(page, /Đã tạo tệp Excel/);
    const [sheet] = list.book.sheets;
    assert.equal(sheet.title, 'Danh sách');
    assert.equal(sheet.freeze, 'B3');
    const [head, codes, ...rows] = sheet.rows;
    assert.deepEqual(codes.slice(0, 6), ['who', 'province', 'commune', 'village', 'level', 'overall']);
    assert.deepEqual(head.slice(0, 5), ['Mã hộ / tên', 'Tỉnh', 'Xã / phường', 'Thôn / ấp', 'Mức']);
    assert.ok(head.every((h) => h.length <= 40), 'short headers');
    assert.equal(rows.length, households);
    assert.deepEqual(rows.slice(0, 3).map((r) => r[0]), ['HH-0001', 'HH-0002', 'HH-0004']);
    const hh3 = rows.find((r) => r[0] === 'HH-0006');  // the same village and answers as the held HH-0003
    assert.equal(hh3[codes.indexOf('province')], 'An Giang');
    assert.equal(hh3[codes.indexOf('commune')], 'Xã Tân Phú');
    assert.equal(hh3[codes.indexOf('village')], 'Ấp "Mới", số 2');
    assert.equal(typeof hh3[codes.indexOf('overall')], 'number');
    assert.equal(typeof hh3[codes.indexOf('household_size')], 'number');
    const edited = rows.find((r) => r[0] === 'HH-0013');
    assert.equal(edited[codes.indexOf('overall')], 16.67, 'recomputed, not the edited 95');
    // A local date-time cell, shown day first.
    const completed = hh3[codes.indexOf('completed')];
    assert.ok(completed && completed.datetime, JSON.stringify(completed));
    assert.equal(sheet.number_formats[codes.indexOf('completed')], 'dd/mm/yyyy hh:mm');
    const nativeList = native(files, tmp, 'list', offsetText(offset));
    assert.deepEqual(list.book, nativeList, 'the page writes what the CLI writes');
    const utc = JSON.parse(files.find((f) => f.name === 'hh-3.json').buffer.toString()).completed;
    const local = new Date(Date.parse(utc) + offset * 60000).toISOString().slice(0, 19);
    assert.equal(completed.datetime, local, `${utc} at ${offset} min from UTC`);

    // The indicators tab: n of N and targets as numbers, titles in Vietnamese.
    await tap(page, 'org.tab.4');
    await waitFor(page, (st) => st.organiser.tab === 'indicators' && st.organiser.indicator_records > 0);
    const ind = await exportTab(page, tmp);
    assert.match(ind.name, /^digiready-indicators-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const shown = (await state(page)).organiser.indicators;
    const [isheet] = ind.book.sheets;
    assert.equal(isheet.title, 'Chỉ tiêu');
    const icodes = isheet.rows[1];
    assert.equal(isheet.rows.length - 2, shown.length, 'one row per indicator shown');
    for (const line of isheet.rows.slice(2)) {
      const r = shown.find((x) => x.id === line[icodes.indexOf('id')]);
      assert.ok(r, line.join(' | '));
      assert.equal(line[icodes.indexOf('n')], r.n);
      assert.equal(line[icodes.indexOf('N')], r.N);
    }
    assert.deepEqual(ind.book, native(files, tmp, 'indicators', offsetText(offset)));

    // Offline now (the server stopped): the page, the kept results and the writer all come from
    // this device. (Reloading also lets headless Chromium download again: it blocks a page's third
    // download, where a person would be asked.)
    srv.stop();
    await page.reload();
    await open(page);
    await tap(page, 'home.organiser');
    await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === expect.imported, 20000);
    await tap(page, 'org.tab.2');
    await page.waitForTimeout(300);
    const sum = await exportTab(page, tmp);
    assert.match(sum.name, /^digiready-summary-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [ssheet] = sum.book.sheets;
    assert.equal(ssheet.title, 'Tổng hợp');
    assert.deepEqual(ssheet.rows[2].slice(0, 2), ['Tổng', households]);
    assert.deepEqual(sum.book, native(files, tmp, 'summary', offsetText(offset)));
    await tap(page, 'org.tab.3');
    await page.waitForTimeout(300);
    const training = await exportTab(page, tmp);
    assert.match(training.name, /^digiready-training-\d{4}-\d{2}-\d{2}\.xlsx$/);
    assert.equal(training.book.sheets[0].title, 'Cần học');
    assert.ok(training.book.sheets[0].rows.slice(2).some((r) => r[1] === 'Thôn Đông' && typeof r[3] === 'number'));
    assert.deepEqual(training.book, native(files, tmp, 'training', offsetText(offset)));
    await shot(page, 'xlsx-training-tab');
    assert.deepEqual(b.problems, []);
  } finally {
    await b.close();
    srv.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('offline before the writer was ever fetched: the organiser is told why, and nothing breaks', async () => {
  const srv = await ownServer();
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    await waitFor(page, (s) => s.screen === 'organiser');
    const { files, expect } = mixedBatch();
    await page.setInputFiles('#file-import', files);
    await waitFor(page, (s) => !s.organiser.busy && s.organiser.imported === expect.imported, 20000);
    await tap(page, 'org.tab.2');
    srv.stop();
    await tap(page, 'org.export.xlsx');
    await note(page, /Chưa tải được phần tạo tệp Excel/);
    // The note is announced (live region) as the module fails; the button's label changes in the frame
    // drawn after that, which on a loaded machine may not be drawn yet.
    const f0 = await page.evaluate(() => window.digiready.state().frames);
    await waitFor(page, (s) => s.frames >= f0 + 2);
    const button = await find(page, 'org.export.xlsx');  // the note may have scrolled it out of view
    assert.ok(button && !/Đang tạo/.test(button.label), 'the button can be pressed again');
    await shot(page, 'xlsx-offline-first-time');
    // The failed script load is the browser's own console error; nothing else went wrong.
    assert.deepEqual(b.problems.filter((p) => !/digiready-xlsx|Failed to load resource|ERR_/.test(p)), []);
  } finally {
    await b.close();
    srv.stop();
  }
});

test('the service worker keeps the writer once fetched, and a first visit does not fetch it', () => {
  const sw = fs.readFileSync(path.join(ROOT, 'dist/sw.js'), 'utf8');
  const files = sw.slice(sw.indexOf('const FILES'), sw.indexOf('const ON_DEMAND'));
  const onDemand = sw.slice(sw.indexOf('const ON_DEMAND'), sw.indexOf('.map(', sw.indexOf('const ON_DEMAND')));
  assert.doesNotMatch(files, /digiready-xlsx/);
  assert.match(onDemand, /'\.\/digiready-xlsx\.js'/);
  assert.match(onDemand, /'\.\/digiready-xlsx\.wasm'/);
});
