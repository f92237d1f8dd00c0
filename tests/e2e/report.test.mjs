// The organiser's report (issue #16), in the browser at phone size: two batches imported one after
// the other give two batch summaries beside the right totals; a conflict (same result id, other
// answers) shows both versions and counts only as the organiser chooses; the village table's
// numbers equal those the native CLI computes from the same files; each tab at 412 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, startServer, launch, open, state, widgets, tap, find, shot, waitFor } from './lib.mjs';
import { household } from './batch.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

const json = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function importFiles(page, files, batches) {
  await page.setInputFiles('#file-import', files);
  return (await waitFor(page, (s) => !s.organiser.busy && s.organiser.batches.length === batches, 20000)).organiser;
}

async function openOrganiser(page) {
  await open(page, srv.url);
  await tap(page, 'home.organiser');
  await waitFor(page, (s) => s.screen === 'organiser');
}

const counts = (b) => [b.received, b.kept, b.failed, b.duplicates, b.conflicts];
// Every text on screen as the semantics tree has it (widgets() lists only what can be tapped).
const labels = (page) => page.$$eval('#semantics *', (els) => els.filter((e) => !e.children.length).map((e) => e.textContent.trim()));

// Scrolls down (as lib's find does) until a text is on screen.
async function findText(page, text) {
  for (let i = 0; i < 30; i++) {
    if ((await labels(page)).includes(text)) return;
    await page.mouse.move(206, 600);
    await page.mouse.down();
    await page.mouse.move(206, 420, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(120);
  }
  throw new Error('text not found: ' + text + '\n' + (await labels(page)).join(' | '));
}

test('two batches: each summarised on its own beside the totals; a conflict is decided by a person', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openOrganiser(page);
    // Batch 1: two households and a damaged file.
    let s = await importFiles(page, [
      json('hh-1.json', household('household-digital-skills', 2, 1, { village: 'Thôn Đông' })),
      json('hh-2.json', household('household-digital-skills', 0, 2, { village: 'Thôn Tây' })),
      json('broken.json', '{"format":"digiready-result", this is not JSON'),
    ], 1);
    assert.deepEqual(counts(s.batches[0]), [3, 2, 1, 0, 0]);
    // Batch 2: one new household, hh-1 again (renamed copy), hh-2 redone elsewhere (same id, other answers).
    s = await importFiles(page, [
      json('hh-3.json', household('household-digital-skills', 1, 3, { village: 'Thôn Đông' })),
      json('hh-1 (1).json', household('household-digital-skills', 2, 1, { village: 'Thôn Đông' })),
      json('hh-2-redone.json', household('household-digital-skills', 2, 2, { village: 'Thôn Bắc' })),
    ], 2);
    assert.deepEqual(counts(s.batches[0]), [3, 2, 1, 0, 0], 'the first batch stays as it was');
    assert.deepEqual(counts(s.batches[1]), [3, 1, 0, 1, 1], 'the latest batch on its own');
    assert.deepEqual(counts(s.totals), [6, 2, 1, 1, 1], 'running totals: HH-0002 waits for a choice');
    let ls = await labels(page);
    assert.ok(ls.some((l) => l.startsWith('Lần nhập 2 (mới nhất)')), ls.join(' | '));
    assert.ok(ls.includes('Nhận 3 tệp · tính 1 · không đọc được 0 · trùng 1 · khác nhau 1'), ls.join(' | '));
    assert.ok(ls.includes('Nhận 6 tệp · tính 2 · không đọc được 1 · trùng 1 · khác nhau 1'), 'totals line');
    await shot(page, 'report-import-batches');

    // The conflict: both files named, the household, the differing answers; nothing counted yet.
    assert.equal(s.conflict_list.length, 1);
    assert.deepEqual(s.conflict_list[0].files, ['hh-2.json', 'hh-2-redone.json']);
    assert.equal(s.conflict_list[0].chosen, -1);
    await findText(page, 'HH-0002 · Thôn Tây');  // the household, code and village
    await findText(page, 'Bản 1: Thôn Tây · Bản 2: Thôn Bắc');  // the village answered otherwise
    await find(page, 'org.conflict.0.1');
    ls = await labels(page);
    const copy1 = (await widgets(page)).find((w) => w.id === 'org.conflict.0.0');
    assert.match(copy1.label, /Tính bản 1 \(tệp hh-2\.json\)/);
    assert.ok(copy1.h >= 48, 'a thumb-sized choice');
    await findText(page, 'Chưa chọn: hộ này chưa được tính.');
    await shot(page, 'report-import-conflict');
    await tap(page, 'org.tab.1');
    s = (await waitFor(page, (st) => st.organiser.tab === 'list')).organiser;
    assert.equal(s.rows, 2, 'the undecided household counts nowhere (not the first file read)');

    // The organiser chooses the redone copy: it is what counts, in the list and the village table.
    await tap(page, 'org.tab.0');
    await findText(page, 'Chưa chọn: hộ này chưa được tính.');  // the line under the choices: both wholly in view
    await page.waitForTimeout(300);  // let the page settle before the tap (as a finger would)
    await tap(page, 'org.conflict.0.1');
    s = (await waitFor(page, (st) => st.organiser.conflict_list[0].chosen === 1)).organiser;
    await tap(page, 'org.tab.1');
    s = (await waitFor(page, (st) => st.organiser.tab === 'list' && st.organiser.rows === 3)).organiser;
    await tap(page, 'org.tab.5');
    s = (await waitFor(page, (st) => st.organiser.tab === 'villages' && st.organiser.village_rows.length > 0)).organiser;
    const villages = s.village_rows.map((r) => r[0]);
    assert.deepEqual(villages, ['Thôn Bắc', 'Thôn Đông'], 'HH-0002 counts in the village of the copy chosen');
    const results = s.village_columns.indexOf('results');
    assert.deepEqual(s.village_rows.map((r) => r[results].value), [1, 2]);

    // The choice is kept: after a reload the same copy counts, nobody is asked again.
    await page.reload();
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    s = (await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === 3 && st.organiser.conflict_list.length === 1)).organiser;
    assert.equal(s.conflict_list[0].chosen, 1);
    assert.deepEqual(s.batches, [], 'results read back from this device are no batch');
    assert.deepEqual(counts(s.totals).slice(0, 2), [4, 3], 'three kept results and the second copy');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a file not read: its technical detail only on request, in Vietnamese in Vietnamese mode', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openOrganiser(page);
    await importFiles(page, [json('broken.json', '{"format":"digiready-result", this is not JSON')], 1);
    let ls = await labels(page);
    assert.ok(!ls.some((l) => /Chi tiết kỹ thuật|Technical detail/.test(l)), 'no technical line by default');
    await find(page, (w) => w.id.startsWith('org.failed.detail.'));
    await page.waitForTimeout(300);
    await tap(page, (w) => w.id.startsWith('org.failed.detail.'));
    await page.waitForTimeout(300);
    await findText(page, 'Số chỗ sai tìm thấy: 1');
    ls = await labels(page);
    // The core's English message is not shown in Vietnamese mode.
    assert.ok(!ls.some((l) => /expected|invalid|JSON parse|not JSON/i.test(l)), ls.join(' | '));
    await shot(page, 'report-import-detail');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// ---------------------------------------------------------------- village table vs native
const CLI_DIR = path.join(ROOT, 'build/native/src/cli');
const CLI = path.join(CLI_DIR, 'digiready');
let tmp, files;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-villages-'));
  const dir = path.join(tmp, 'gen');
  execFileSync(path.join(CLI_DIR, 'digiready-gen'), ['90', '--seed', '16',
    ...['household-digital-skills', 'online-payment'].flatMap((s) => ['--survey', path.join(ROOT, 'assets/surveys', s + '.json')]), '--dir', dir]);
  files = fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter((f) => f.endsWith('.json')).sort();
  assert.equal(files.length, 90);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (args) => {
  try { return execFileSync(CLI, args, { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e) { return e.stdout; }
};

// Natively, per village: the household survey's mean per area (`digiready import --aggregates` on
// that village's files) and every indicator's n of N (`digiready indicators --by village`).
function nativeVillages() {
  const byVillage = {};
  for (const f of files) {
    const rec = JSON.parse(fs.readFileSync(f, 'utf8'));
    if (rec.survey.id !== 'household-digital-skills') continue;
    (byVillage[rec.profile.village.trim()] ??= []).push(f);
  }
  const areas = {};
  for (const [village, list] of Object.entries(byVillage)) {
    const out = path.join(tmp, 'agg.csv');
    run(['import', ...list, '--aggregates', out]);
    const rows = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    areas[village] = { count: Number(rows[1][1]), dims: rows.slice(2).map((r) => ({ n: Number(r[1]), mean: r[2] === '' ? null : Number(r[2]) })) };
  }
  const indicators = {};
  const text = run(['indicators', ...files, '--by', 'village']);
  for (const m of text.matchAll(/^(.+) · (\w+): ([\d.]+) of ([\d.]+)/gm)) (indicators[m[1]] ??= {})[m[2]] = { n: Number(m[3]), N: Number(m[4]) };
  return { areas, indicators };
}

test('village table: villages as rows, areas and indicators with n, equal to the native numbers; CSV', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openOrganiser(page);
    let s = await importFiles(page, files.map((f) => json(path.basename(f), fs.readFileSync(f, 'utf8'))), 1);
    assert.equal(s.imported, 90);
    assert.equal(s.failed, 0);
    await shot(page, 'report-tab-import');
    await tap(page, 'org.tab.5');
    s = (await waitFor(page, (st) => st.organiser.tab === 'villages' && st.organiser.village_rows.length > 0)).organiser;
    assert.equal(s.survey, 'household-digital-skills');
    const { areas, indicators } = nativeVillages();
    const cols = s.village_columns;
    const dimCols = cols.map((c, i) => i).filter((i) => i >= 2 && !cols[i].startsWith('ind.'));
    const indCols = cols.map((c, i) => i).filter((i) => cols[i].startsWith('ind.'));
    assert.ok(dimCols.length >= 5 && indCols.length >= 5, cols.join(','));
    assert.deepEqual(s.village_rows.map((r) => r[0]).sort(), Object.keys(indicators).sort(), 'the same villages');
    let compared = 0;
    for (const row of s.village_rows) {
      const v = row[0];
      const a = areas[v];
      if (a) {
        assert.equal(row[1].value, a.count, `${v}: results`);
        dimCols.forEach((c, k) => {
          assert.equal(row[c].n, a.dims[k].n, `${v} ${cols[c]} n`);
          if (a.dims[k].mean === null) assert.equal(row[c].value, null);
          else assert.ok(Math.abs(row[c].value - a.dims[k].mean) < 0.006, `${v} ${cols[c]}: ${row[c].value} vs CLI ${a.dims[k].mean}`);
          compared++;
        });
      }
      for (const c of indCols) {
        const e = indicators[v][cols[c].slice(4)];
        assert.ok(e, `${v} ${cols[c]} in the CLI's output`);
        assert.ok(Math.abs(row[c].num - e.n) < 0.01 && Math.abs(row[c].of - e.N) < 0.01, `${v} ${cols[c]}: ${row[c].num}/${row[c].of} vs CLI ${e.n}/${e.N}`);
        if (e.N > 0) assert.ok(Math.abs(row[c].value - (100 * e.n) / e.N) < 0.01);
        compared++;
      }
    }
    assert.ok(compared > 50, `${compared} cells compared`);
    await shot(page, 'report-tab-villages');

    // The bottom button exports this table: villages as rows, a percent then its n.
    await find(page, 'org.export.villages');
    const [dl] = await Promise.all([page.waitForEvent('download'), tap(page, 'org.export.villages')]);
    const file = path.join(tmp, dl.suggestedFilename());
    await dl.saveAs(file);
    assert.match(dl.suggestedFilename(), /^digiready-villages-household-digital-skills-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length, 1 + s.village_rows.length);
    assert.match(lines[0], /^Thôn \[village\],Số kết quả \[results\],/);

    // Each tab at phone size, and the tab strip readable: six targets of 48 px or more.
    const tabs = (await widgets(page)).filter((w) => /^org\.tab\.\d$/.test(w.id));
    assert.equal(tabs.length, 6);
    for (const t of tabs) assert.ok(t.h >= 48 && t.w >= 100, `${t.id} ${t.w}x${t.h}`);
    for (const [i, name] of [[1, 'list'], [2, 'summary'], [3, 'training'], [4, 'indicators']]) {
      await tap(page, `org.tab.${i}`);
      await waitFor(page, (st) => st.organiser.tab === name);
      await page.waitForTimeout(300);
      // The training wishes (want_learn) counted, above the lists of who needs training.
      if (name === 'training') await findText(page, 'Bà con muốn được hướng dẫn thêm');
      await shot(page, `report-tab-${name}`);
    }
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
