// Organiser review, in the browser at phone size: a mixed batch of result files imported through the
// file picker (valid, hand-edited scores, damaged, truncated, another version, duplicates); the counts,
// the reasons and flags; the table with sort, filter, search and a result opened; the aggregates and
// the national target; training needs by village; the CSV exports parsed back; NDJSON imported again
// (also by drag-and-drop); enumerator mode's batch; the before/after view of a business; the
// province indicators of all four surveys against the CLI; the import page staying put.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, startServer, launch, open, state, widgets, tap, find, shot, waitFor, toTop } from './lib.mjs';
import { mixedBatch, household, smeRecord, bigBatch } from './batch.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

const org = async (page) => (await state(page)).organiser;

async function importFiles(page, files) {
  await page.setInputFiles('#file-import', files);
  return waitFor(page, (s) => !s.organiser.busy && s.organiser.files > 0, 20000);
}

// Taps a widget and saves what it downloads; returns the file's bytes.
async function download(page, id) {
  await find(page, id);
  await page.waitForTimeout(300);  // scrolled into view: let the page settle before the tap
  const [dl] = await Promise.all([page.waitForEvent('download'), tap(page, id)]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dr-org-')), dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), data: fs.readFileSync(file) };
}

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function csvOf(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

// Opens a result kept on this device from home. One tap: if it opened another household's result,
// the list moved under the finger, and a person would have been shown the wrong household.
async function openResult(page, id) {
  await tap(page, 'home.result.' + id);
  const st = await waitFor(page, (x) => x.screen === 'results');
  assert.equal(st.result_id, id, 'the tapped result opens');
  return st;
}

// Drags the body down until its top is in view (lib's find() scrolls only the other way).
// Picks a choice in one of the filter lists by its label.
async function choose(page, filter, label) {
  await toTop(page);
  await tap(page, 'org.f.' + filter);
  await tap(page, (w) => w.id.startsWith(`org.pick.${filter}.`) && w.label === label);
  await page.waitForTimeout(200);  // the list closes and the page settles
}

test('a mixed batch: counts, reasons, changed scores, table, aggregates, training needs, CSV', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    await waitFor(page, (s) => s.screen === 'organiser');
    await shot(page, 'organiser-empty');
    const { files, expect } = mixedBatch();
    let s = (await importFiles(page, files)).organiser;
    for (const k of ['files', 'imported', 'failed', 'duplicates', 'conflicts', 'changed']) assert.equal(s[k], expect[k], k);
    // Each bad file with its reason, in words.
    const why = Object.fromEntries(s.failed_files.map((f) => [f.file, f.error]));
    assert.match(why['tampered.json'], /checksum: does not match/);
    assert.match(why['malformed.json'], /invalid JSON/);
    assert.match(why['truncated.json'], /invalid JSON/);
    assert.match(why['other-version.json'], /another survey version/);
    assert.match(why['format-v3.json'], /format_version: 3/);
    // ...and what to do about it, as a kind the screen says in the reader's language.
    const kind = Object.fromEntries(s.failed_files.map((f) => [f.file, f.problem]));
    assert.equal(kind['tampered.json'], 'changed');
    assert.equal(kind['malformed.json'], 'damaged');
    assert.equal(kind['truncated.json'], 'damaged');
    assert.equal(kind['other-version.json'], 'unknown_survey');
    assert.equal(kind['format-v3.json'], 'newer_app');
    assert.deepEqual(s.changed_files.map((f) => f.file).sort(), ['edited-13.json', 'edited-14.json']);
    assert.ok(s.changed_files[0].differences.some((d) => /overall: stored 95, recomputed 16.67/.test(d)));
    assert.equal(s.notice !== '', true, 'says whether the results were kept on this device');
    await shot(page, 'organiser-import-mixed');
    // hh-3 came twice with other answers: neither counts until the organiser chooses (report.test.mjs).
    await tap(page, 'org.conflict.0.0');  // the first file, hh-3.json, is the right one
    await waitFor(page, (st) => st.organiser.conflict_list[0].chosen === 0);
    await find(page, 'org.clear');  // the reasons are listed above: scrolled past them
    await shot(page, 'organiser-import-reasons');

    // The table: the survey with most results, 14 households; 48 px+ rows.
    await tap(page, 'org.tab.1');
    s = (await waitFor(page, (st) => st.organiser.tab === 'list')).organiser;
    assert.equal(s.survey, 'household-digital-skills');
    assert.equal(s.rows, expect.household);
    // Under the filters (and above two rows of tabs): scrolled to, as a thumb would.
    await find(page, (w) => w.kind === 'row' && w.label.startsWith('HH-0003') && w.h >= 60);
    const rows = (await widgets(page)).filter((w) => w.kind === 'row');
    assert.ok(rows.length >= 3, 'rows visible');
    // Rows cut by the edges of the scrolling part are shorter; every whole one is 48 px or more.
    for (const w of rows.slice(1, -1)) assert.ok(w.h >= 48, `${w.id} ${w.h}px`);
    assert.deepEqual(s.first_rows.slice(0, 3), ['HH-0001', 'HH-0002', 'HH-0003']);
    await shot(page, 'organiser-list');
    await toTop(page);  // the sort buttons are above the rows
    await tap(page, 'org.sort.3');  // by overall %, highest first
    s = (await waitFor(page, (st) => st.organiser.sort === 'overall')).organiser;
    assert.equal(s.ascending, false);
    assert.equal(s.first_rows[0], 'HH-0003');
    await tap(page, 'org.sort.3');
    assert.equal((await org(page)).ascending, true);
    // Any other column: one area's %, weakest first (who needs help with online public services).
    await tap(page, 'org.sort.more');
    await tap(page, (w) => w.id.startsWith('org.pick.sort.') && w.label === 'Dịch vụ công trực tuyến và VNeID');
    s = (await waitFor(page, (st) => st.organiser.sort === 'dimension')).organiser;
    assert.equal(s.sort_dimension, 'public_services');
    assert.equal(s.ascending, true);
    assert.deepEqual(s.first_rows, ['HH-0001', 'HH-0004', 'HH-0007', 'HH-0010', 'HH-0013'], 'the weakest (template 0) first');
    assert.match((await find(page, 'org.sort.more')).label, /Đang xếp theo: Dịch vụ công.*thấp đến cao/);
    await shot(page, 'organiser-list-by-area');
    await tap(page, 'org.sort.more');
    await tap(page, (w) => w.id.startsWith('org.pick.sort.') && w.label === 'Dịch vụ công trực tuyến và VNeID');
    s = (await waitFor(page, (st) => st.organiser.ascending === false)).organiser;
    assert.ok(['HH-0003', 'HH-0006', 'HH-0009', 'HH-0012'].includes(s.first_rows[0]), s.first_rows.join(','));
    await tap(page, 'org.sort.0');
    await waitFor(page, (st) => st.organiser.sort === 'code');

    // Filter by village (a name with a comma and quotes), then by level.
    await choose(page, 'village', 'Ấp "Mới", số 2');
    s = (await waitFor(page, (st) => st.organiser.filter.village !== '')).organiser;
    assert.equal(s.rows, 4);
    await shot(page, 'organiser-list-village');
    await choose(page, 'village', 'Tất cả');
    await choose(page, 'level', 'Chưa sẵn sàng');
    s = (await waitFor(page, (st) => st.organiser.filter.level === 'not_ready')).organiser;
    assert.equal(s.rows, 6, 'four not-ready households + the two edited ones (recomputed scores)');
    // Nobody matches both: said in words, and one tap clears every filter.
    await choose(page, 'village', 'Ấp "Mới", số 2');
    await waitFor(page, (st) => st.organiser.rows === 0);
    await find(page, 'org.clear_filters');
    await shot(page, 'organiser-list-no-match');
    await tap(page, 'org.clear_filters');
    s = (await waitFor(page, (st) => st.organiser.rows === expect.household)).organiser;
    assert.deepEqual([s.filter.village, s.filter.level], ['', '']);

    // Search through the text overlay, as a phone keyboard types.
    await toTop(page);
    const field = await find(page, 'org.search');
    await page.touchscreen.tap(field.x + field.w / 2, field.y + 20);
    await page.waitForFunction(() => !document.getElementById('text-overlay').hidden);
    await page.keyboard.insertText('hh-0005');
    s = (await waitFor(page, (st) => st.organiser.filter.search === 'hh-0005')).organiser;
    assert.equal(s.rows, 1);
    // Typed without tone marks, in any case, as people do on a phone: "MOI" finds Ấp "Mới".
    await page.evaluate(() => { const o = document.getElementById('text-overlay'); o.value = 'MOI'; o.dispatchEvent(new Event('input')); });
    s = (await waitFor(page, (st) => st.organiser.filter.search === 'MOI')).organiser;
    assert.equal(s.rows, 4);
    await page.evaluate(() => { const o = document.getElementById('text-overlay'); o.value = ''; o.dispatchEvent(new Event('input')); o.blur(); });
    await waitFor(page, (st) => st.organiser.rows === expect.household);

    // A row opens the whole result with its answers.
    await page.waitForTimeout(300);
    await tap(page, (w) => w.id.startsWith('org.row.'));
    s = (await waitFor(page, (st) => st.organiser.detail !== '')).organiser;
    await shot(page, 'organiser-detail');
    await tap(page, 'org.detail.back');
    await waitFor(page, (st) => st.organiser.detail === '');

    // Aggregates: the same figures as the CLI computes for these files.
    await tap(page, 'org.tab.2');
    s = (await waitFor(page, (st) => st.organiser.tab === 'summary')).organiser;
    assert.equal(s.aggregates.count, 14);
    assert.ok(Math.abs(s.aggregates.mean - 49.79) < 0.01, String(s.aggregates.mean));
    assert.deepEqual(s.aggregates.by_level, [6, 0, 4, 4]);
    const smart = s.targets.find((t) => t.id === 'household-digital-skills.phone');
    assert.deepEqual([smart.met, smart.answered, smart.target], [4, 14, 80]);
    await shot(page, 'organiser-summary');
    await choose(page, 'survey', 'Thanh toán qua điện thoại');
    s = (await waitFor(page, (st) => st.organiser.survey === 'online-payment')).organiser;
    assert.equal(s.aggregates.count, expect.payment);
    const pay = s.targets.find((t) => t.id === 'online-payment.pay_accounts');
    assert.deepEqual([pay.met, pay.answered], [3, 4], 'payment account: 75 % against the 80 % target');
    await shot(page, 'organiser-summary-payment');
    await find(page, 'org.export.aggregates');
    await shot(page, 'organiser-summary-payment-2');
    await choose(page, 'survey', 'Kỹ năng số của hộ gia đình');
    await waitFor(page, (st) => st.organiser.survey === 'household-digital-skills');

    // Training needs: below "basic", grouped by village.
    await tap(page, 'org.tab.3');
    s = (await waitFor(page, (st) => st.organiser.tab === 'training')).organiser;
    assert.equal(s.training.public_services, 10, '6 weakest + 4 middle households');
    await shot(page, 'organiser-training');
    const tcsv = csvOf((await download(page, 'org.export.training')).data);
    assert.deepEqual(tcsv[0], ['Lĩnh vực', 'Thôn/ấp', 'Mã hộ / tên', 'Điểm lĩnh vực %', 'Điểm theo khảo sát']);
    // One row per household, named by its code: a list the team can take door to door.
    const pub = tcsv.filter((r) => r[0] === 'Dịch vụ công trực tuyến và VNeID');
    assert.equal(pub.length, 10);
    assert.ok(pub.every((r) => /^HH-\d{4}$/.test(r[2])), pub.map((r) => r[2]).join(','));
    assert.ok(pub.some((r) => r[1] === 'Thôn Tây'), 'middle households need public services');

    // CSV of respondents (the list tab's own export): one row each, labels in Vietnamese, one column
    // per option of a multi-select.
    await tap(page, 'org.tab.1');
    await waitFor(page, (st) => st.organiser.tab === 'list');
    const { name, data } = await download(page, 'org.export.csv');
    assert.match(name, /^digiready-household-digital-skills-.*\.csv$/);
    const csv = csvOf(data);
    assert.equal(csv.length, 1 + 14);
    const head = csv[0];
    // Headers in words with the code in brackets: "Thôn, ấp [village]".
    const col = (code) => head.findIndex((h) => h.endsWith(`[${code}]`));
    assert.ok(col('village') >= 0 && col('phone') >= 0);
    assert.ok(!/^\[/.test(head[col('village')]), 'a header starts with words: ' + head[col('village')]);
    const qr = head.filter((h) => h.includes('[k_qr]: '));
    assert.ok(qr.length >= 4, 'one column per option: ' + qr.join('|'));
    const hh3 = csv.find((r) => r[col('household_code')] === 'HH-0003');
    assert.equal(hh3[col('village')], 'Ấp "Mới", số 2');
    assert.equal(hh3[col('province')], 'An Giang');
    assert.equal(hh3[col('commune')], 'Xã Tân Phú');
    assert.deepEqual(qr.map((h) => hh3[head.indexOf(h)]).slice(0, 2), ['1', '1']);
    assert.ok(head.includes('Tổng %') && head.includes('Mức'));
    assert.equal(hh3[head.indexOf('Mức')], 'Thành thạo');
    const edited = csv.find((r) => r[col('household_code')] === 'HH-0013');
    assert.equal(edited[head.indexOf('Tổng %')], '16.67', 'recomputed, not the edited 95');

    // Headless Chromium silently blocks a page's third download (a person gets "allow multiple
    // downloads?"): reload, which also shows the results were kept on this device.
    await page.reload();
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === expect.imported);
    await tap(page, 'org.tab.2');
    await page.waitForTimeout(300);  // the new tab settles at its top
    // One village's figures: the file name says which (no tone marks, so every system takes it).
    await choose(page, 'village', 'Thôn Đông');
    const agg = await download(page, 'org.export.aggregates');
    assert.match(agg.name, /^digiready-household-digital-skills-thon-dong-\d{4}-\d{2}-\d{2}-aggregates\.csv$/);
    const acsv = csvOf(agg.data);
    assert.deepEqual(acsv[1].slice(0, 3), ['Tổng', '6', '16.67']);  // HH-0001, 4, 7, 10, 13, 14: all template 0
    const nd = (await download(page, 'org.export.ndjson')).data.toString('utf8').trim().split('\n');
    assert.equal(nd.length, expect.imported);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the NDJSON export reads back by drag-and-drop; results are kept on this device', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    // This test's own export of the mixed batch (what was verified, one record a line).
    await tap(page, 'home.organiser');
    const { files, expect } = mixedBatch();
    await importFiles(page, files);
    await tap(page, 'org.conflict.0.0');  // a conflict not chosen would be exported in both copies
    await waitFor(page, (st) => st.organiser.conflict_list[0].chosen === 0);
    await tap(page, 'org.tab.2');
    await page.waitForTimeout(300);  // the new tab settles at its top
    const text = (await download(page, 'org.export.ndjson')).data.toString('utf8');
    assert.equal(text.trim().split('\n').length, expect.imported);
    await tap(page, 'org.tab.0');
    await find(page, 'org.clear');
    await tap(page, 'org.clear');
    await tap(page, 'org.clear');
    await waitFor(page, (st) => st.organiser.files === 0);
    await toTop(page);  // "home" is at the top; the clear button far below
    await tap(page, 'org.home');
    await waitFor(page, (st) => st.screen === 'home');
    // Dropped on the home page: the organiser opens on its import page.
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'digiready-results.ndjson', { type: 'application/x-ndjson' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    let s = (await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy && st.organiser.files > 0, 20000)).organiser;
    assert.deepEqual([s.files, s.imported, s.failed, s.changed], [18, 18, 0, 0]);
    // Kept: after a reload they are read (and verified) again.
    await page.reload();
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    s = (await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === 18)).organiser;
    assert.equal(s.failed, 0);
    await tap(page, 'org.clear');
    await tap(page, 'org.clear');
    await waitFor(page, (st) => st.organiser.files === 0);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('thousands of imported results are kept for the next visit; those an older version kept move over', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    // An earlier version kept its imports in localStorage.
    const older = [household('household-digital-skills', 0, 9001), household('household-digital-skills', 1, 9002)];
    await page.evaluate((t) => localStorage.setItem('digiready.organiser.kept', t), older.join('\n') + '\n');
    await page.reload();
    await open(page);
    await tap(page, 'home.organiser');
    let s = (await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === 2)).organiser;
    // 3,000 more, dropped on the page: far more than localStorage could keep (about 4.5 MB).
    const files = bigBatch(3000);
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    s = (await waitFor(page, (st) => !st.organiser.busy && st.organiser.files >= 3002, 30000)).organiser;
    assert.equal(s.imported, 3002);
    assert.equal(s.notice_error, false, s.notice);
    assert.match(s.notice, /Đã lưu/);
    assert.equal(await page.evaluate(() => localStorage.getItem('digiready.organiser.kept')), null, 'moved out of localStorage');
    // Next visit: all of them are back, read and verified again, none counted twice.
    await page.reload();
    await open(page);
    await tap(page, 'home.organiser');
    s = (await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === 3002, 30000)).organiser;
    assert.deepEqual([s.failed, s.duplicates, s.changed], [0, 0, 0]);
    // Cleared means cleared, also for the next visit.
    await find(page, 'org.clear');
    await tap(page, 'org.clear');
    await tap(page, 'org.clear');
    await waitFor(page, (st) => st.organiser.files === 0);
    await page.reload();
    await open(page);
    await tap(page, 'home.organiser');
    await page.waitForTimeout(500);
    s = (await waitFor(page, (st) => !st.organiser.busy)).organiser;
    assert.equal(s.imported, 0);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('enumerator mode: next household keeps the village with a fresh code; the batch imports', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    // Two households already finished on this phone (kept in its storage).
    const recs = [household('household-digital-skills', 1, 41, { village: 'Thôn Bắc' }), household('household-digital-skills', 2, 42, { village: 'Thôn Bắc' })];
    await page.evaluate((rs) => { for (const r of rs) localStorage.setItem('digiready.result.' + JSON.parse(r).id, r); }, recs);
    await page.reload();
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    await tap(page, 'enum.start.household-digital-skills');
    await waitFor(page, (st) => st.screen === 'intro' && st.organiser.enumerator);
    await tap(page, 'survey.back');
    await waitFor(page, (st) => st.screen === 'home');
    await openResult(page, JSON.parse(recs[0]).id);
    await tap(page, 'results.home');
    await waitFor(page, (st) => st.screen === 'home');
    await openResult(page, JSON.parse(recs[1]).id);
    let s = await waitFor(page, (st) => st.organiser.enumerator_batch === 2);
    await shot(page, 'enumerator-results');
    const batch = await download(page, 'enum.export');
    assert.match(batch.name, /^digiready-batch-.*-2\.ndjson$/);
    await tap(page, 'enum.next');
    s = await waitFor(page, (st) => st.screen === 'intro');
    const draft = await page.evaluate((id) => localStorage.getItem('digiready.draft.' + id), s.result_id);
    const profile = JSON.parse(draft).profile;
    assert.equal(profile.village, 'Thôn Bắc');
    assert.equal(profile.household_code, 'HH-0043');
    // The session's batch file reads back in the organiser.
    await tap(page, 'survey.back');
    await waitFor(page, (st) => st.screen === 'home');
    await tap(page, 'home.organiser');
    await waitFor(page, (st) => st.screen === 'organiser' && !st.organiser.busy);
    await tap(page, 'org.clear');
    await tap(page, 'org.clear');
    s = (await importFiles(page, [{ name: batch.name, mimeType: 'application/x-ndjson', buffer: batch.data }])).organiser;
    assert.deepEqual([s.files, s.imported, s.failed], [2, 2, 0]);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a business sees each pillar before and after, and its change of level', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    const recs = [smeRecord(0, '2025-11-20T08:00:00Z'), smeRecord(1, '2026-11-20T08:00:00Z')];
    await page.evaluate((rs) => { for (const r of rs) localStorage.setItem('digiready.result.' + JSON.parse(r).id, r); }, recs);
    await page.reload();
    await open(page, srv.url);
    await openResult(page, JSON.parse(recs[1]).id);
    await tap(page, 'progress.open');
    await tap(page, 'progress.pick.' + JSON.parse(recs[0]).id);
    const s = await waitFor(page, (st) => st.organiser.compare.earlier === JSON.parse(recs[0]).id);
    assert.equal(s.level, 'dbi5');
    await shot(page, 'progress-before-after');
    await find(page, 'progress.other');
    await shot(page, 'progress-pillars');
    // Also from a file: a result of another survey is refused in words.
    await tap(page, 'progress.other');
    const other = household('household-digital-skills', 0, 60);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'progress.file')]);
    await chooser.setFiles([{ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(other) }]);
    await waitFor(page, (st) => st.organiser.compare.error !== '');
    // The refusal is shown above the button (the page moves): tap once it is on screen, as a person would.
    await page.locator('#semantics [role=alert]').first().waitFor();
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'progress.file')]);
    await chooser2.setFiles([{ name: 'before.json', mimeType: 'application/json', buffer: Buffer.from(recs[0]) }]);
    await waitFor(page, (st) => st.organiser.compare.earlier !== '' && st.organiser.compare.error === '');
    await shot(page, 'progress-from-file');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// ---------------------------------------------------------------- province indicators
// The indicator tab ("Chỉ tiêu"): results of all four version-2 surveys generated natively
// (digiready-gen, fixed seed), imported together; the tab's n of N and % equal `digiready indicators`
// on the same files, for the whole province and for one village; the CSV it exports parses with its
// Vietnamese intact. Then: the import page does not move when kept results finish loading.
const CLI_DIR = path.join(ROOT, 'build/native/src/cli');
const SURVEYS = ['household-digital-skills', 'online-payment', 'ecommerce-readiness', 'sme-dx-readiness'];

let tmp, files;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-ind-'));
  // 120 result files, the four surveys in turn, the same bytes every run.
  const dir = path.join(tmp, 'gen');
  execFileSync(path.join(CLI_DIR, 'digiready-gen'),
    ['120', '--seed', '29', ...SURVEYS.flatMap((s) => ['--survey', path.join(ROOT, 'assets/surveys', s + '.json')]), '--dir', dir]);
  files = fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter((f) => f.endsWith('.json')).sort();
  assert.equal(files.length, 120);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// `digiready indicators` on the same file: { id: { n, N } } and the record count.
function native(args = []) {
  let out;
  try {
    out = execFileSync(path.join(CLI_DIR, 'digiready'), ['indicators', ...files, ...args], { encoding: 'utf8', cwd: ROOT });
  } catch (e) { out = e.stdout; }  // exit 1 when a file failed: the test below says so
  const rows = {};
  for (const m of out.matchAll(/^(\w+): ([\d.]+) of ([\d.]+)/gm)) rows[m[1]] = { n: Number(m[2]), N: Number(m[3]) };
  const kept = Number(/records: \d+ read, (\d+) kept, (\d+) failed/.exec(out)[1]);
  assert.equal(Number(/(\d+) failed/.exec(out)[1]), 0, out.slice(0, 400));
  return { rows, kept };
}

// The tab's rows equal the CLI's, indicator for indicator.
function sameAsNative(org, expected) {
  assert.equal(org.indicator_records, expected.kept, 'records counted');
  assert.deepEqual(org.indicators.map((r) => r.id).sort(), Object.keys(expected.rows).sort());
  for (const r of org.indicators) {
    const e = expected.rows[r.id];
    assert.ok(Math.abs(r.n - e.n) < 0.01 && Math.abs(r.N - e.N) < 0.01, `${r.id}: ${r.n}/${r.N}, CLI ${e.n}/${e.N}`);
    if (e.N > 0) assert.ok(Math.abs(r.percent - (100 * e.n) / e.N) < 0.01, `${r.id} %`);
    else assert.equal(r.percent, null);
    if (r.target !== null && r.percent !== null) assert.equal(r.met, r.percent >= r.target, `${r.id} met`);
  }
}

test('indicator tab: four surveys together, same n of N as the CLI, by village; CSV with Vietnamese', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    await waitFor(page, (s) => s.screen === 'organiser');
    let s = (await importFiles(page, files.map((f) => ({ name: path.basename(f), mimeType: 'application/json', buffer: fs.readFileSync(f) })))).organiser;
    assert.equal(s.imported, 120);
    assert.equal(s.failed, 0);

    await tap(page, 'org.tab.4');
    s = (await waitFor(page, (st) => st.organiser.tab === 'indicators' && st.organiser.indicator_records > 0)).organiser;
    const all = native();
    sameAsNative(s, all);
    // Every survey gave some: an indicator only the business survey asks is counted too.
    assert.ok(s.indicators.length >= 20, `${s.indicators.length} indicators`);
    // Rows a thumb can hit: each indicator's title is a tap target of 48 px or more (under the
    // filters and the dates: a drag brings them into view).
    await find(page, (w) => w.id.startsWith('org.ind.'));
    await page.mouse.move(206, 600);
    await page.mouse.down();
    await page.mouse.move(206, 420, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    const cards = (await widgets(page)).filter((w) => w.id.startsWith('org.ind.'));
    assert.ok(cards.length >= 2, 'indicator rows in view');
    for (const w of cards.slice(0, -1)) assert.ok(w.h >= 48, `${w.id} ${w.h}px`);
    // "n / N unit · %" as the organiser reads it, in Vietnamese.
    const first = s.indicators.find((r) => r.N > 0);
    const firstCard = cards.find((w) => w.id === 'org.ind.' + s.indicators[0].id);
    assert.ok(firstCard && /[ ]/.test(firstCard.label) && !firstCard.label.includes('_'), 'titles in words, not codes: ' + (firstCard && firstCard.label));
    await shot(page, 'indicators-province');

    // A tap on an indicator shows how it is counted; again hides it.
    await tap(page, 'org.ind.' + first.id);
    s = (await waitFor(page, (st) => st.organiser.indicator_open >= 0)).organiser;
    assert.equal(s.indicators[s.indicator_open].id, first.id);
    await shot(page, 'indicators-definition');
    await tap(page, 'org.ind.' + first.id);
    await waitFor(page, (st) => st.organiser.indicator_open === -1);

    // One village: the same as the CLI with --village.
    await toTop(page);
    await tap(page, 'org.f.village');
    const pick = await find(page, (w) => w.id.startsWith('org.pick.village.') && w.label === 'Thôn 3');
    await tap(page, pick.id);
    s = (await waitFor(page, (st) => st.organiser.filter.village === 'Thôn 3' && st.organiser.indicator_records < 120)).organiser;
    const village = native(['--village', 'Thôn 3']);
    assert.ok(village.kept > 0 && village.kept < all.kept);
    sameAsNative(s, village);
    await toTop(page);
    await shot(page, 'indicators-village');

    // The tab's button exports exactly these rows.
    const { name, data: bytes } = await download(page, 'org.export.indicators');
    assert.match(name, /^digiready-indicators-thon-3-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csvOf(bytes);
    const head = rows[0];
    assert.ok(head.some((h) => /Chỉ tiêu/.test(h)), head.join(' | '));
    assert.equal(rows.length - 1, s.indicators.length, 'one line per row shown');
    const idCol = head.findIndex((h) => /\(id\)/.test(h));
    const nCol = head.findIndex((h) => /\(n\)/.test(h));
    const NCol = head.findIndex((h) => /\(N\)/.test(h));
    assert.ok(idCol >= 0 && nCol >= 0 && NCol >= 0, head.join(' | '));
    for (const line of rows.slice(1)) {
      const r = s.indicators.find((x) => x.id === line[idCol]);
      assert.ok(r, line[idCol]);
      assert.ok(Math.abs(Number(line[nCol]) - r.n) < 0.01 && Math.abs(Number(line[NCol]) - r.N) < 0.01, line.join(','));
    }
    assert.match(bytes.toString('utf8'), /Người từ 15 tuổi|điện thoại thông minh/, 'Vietnamese titles intact');
    // The same file opened by a real spreadsheet (headless LibreOffice, UTF-8 and comma chosen as in its
    // import dialog, docs/export.md): one column per field, titles in Vietnamese, n and N as numbers.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dr-csv-')), name);
    fs.writeFileSync(file, bytes);
    const sheet = JSON.parse(execFileSync('/usr/bin/python3', [path.join(ROOT, 'tests/e2e/read_xlsx.py'), file],
                                          { encoding: 'utf8' })).sheets[0].rows;
    assert.deepEqual(sheet[0], head, 'header cells as written');
    const titleCol = head.findIndex((h) => /\(title\)/.test(h));
    for (const [i, line] of rows.slice(1).entries()) {
      const cells = sheet[i + 1];
      assert.equal(cells[titleCol], line[titleCol], 'Vietnamese title intact in the spreadsheet');
      assert.equal(typeof cells[nCol], 'number', `n of ${line[idCol]} is a number`);
      assert.equal(cells[nCol], Number(line[nCol]));
      assert.equal(cells[NCol], Number(line[NCol]));
    }
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the import page does not move when kept results finish loading', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    const files = bigBatch(1500);
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === 1500, 30000);
    // Next visit: the screen opens while what was kept is read again.
    await page.reload();
    await open(page);
    await tap(page, 'home.organiser');
    const card = 'enum.start.household-digital-skills';
    const seen = [];
    for (let i = 0; i < 400; i++) {
      const [st, ws] = await page.evaluate(() => [window.digiready.state(), window.digiready.widgets()]);
      const w = ws.find((x) => x.id === card);
      if (w && st.organiser.files > 0) seen.push({ busy: st.organiser.busy, y: w.y });
      if (!st.organiser.busy && st.organiser.imported === 1500) break;
      await page.waitForTimeout(25);
    }
    await page.waitForTimeout(300);  // a notice said after loading must not push it either
    const end = (await widgets(page)).find((x) => x.id === card);
    assert.ok(seen.some((x) => x.busy), 'seen while loading: ' + JSON.stringify(seen.slice(0, 3)));
    const ys = new Set([...seen.map((x) => x.y), end.y]);
    assert.equal(ys.size, 1, 'the button stayed put: ' + [...ys].join(', '));
    await shot(page, 'organiser-import-loaded');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
