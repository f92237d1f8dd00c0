// The organiser's report (issue #16) at phone size: one training list per area joined across the
// surveys that score it (safety: household skills and online payment), each household once with
// where each score came from, and a tap opens its page with its other surveys; the dates filter
// and a round ("Đợt 1/2026") typed in, kept for the next visit, applying to every tab; the village
// table as an .xlsx sheet, read back by openpyxl and equal to `digiready export --tab villages`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, startServer, launch, open, state, widgets, tap, find, shot, waitFor, toTop } from './lib.mjs';
import { typeIntoWidget } from './taking.mjs';
import { household, stamp } from './batch.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(() => srv.server.close());

const CLI = path.join(ROOT, 'build/native/src/cli/digiready');
const READ = path.join(ROOT, 'tests/e2e/read_xlsx.py');
const read = (file) => JSON.parse(execFileSync('/usr/bin/python3', [READ, file], { encoding: 'utf8' }));

// A household's record completed at `when` (UTC, midday: the same day in any time zone).
function at(survey, t, n, village, when) {
  const rec = JSON.parse(household(survey, t, n, { village }));
  rec.started = rec.updated = rec.completed = when;
  return { name: `${survey}-${n}.json`, mimeType: 'application/json', buffer: Buffer.from(stamp(rec)), rec };
}

// HH-0001: weak in the skills survey, strong in payment; HH-0002 the other way round, its payment
// answered on 1 July; HH-0003: skills only, in August, in Thôn Tây.
const FILES = [
  at('household-digital-skills', 0, 1, 'Thôn Đông', '2026-02-10T05:00:00Z'),
  at('online-payment', 1, 1, 'Thôn Đông', '2026-02-12T05:00:00Z'),
  at('household-digital-skills', 2, 2, 'Thôn Đông', '2026-02-11T05:00:00Z'),
  at('online-payment', 0, 2, 'Thôn Đông', '2026-07-01T05:00:00Z'),
  at('household-digital-skills', 1, 3, 'Thôn Tây', '2026-08-05T05:00:00Z'),
];
const safetyOf = (f) => f.rec.scores.dimensions.safety;
const BELOW = 55;  // "Cơ bản", the level the training list starts from

// What the joined safety list must hold for `files`: each household once, its scores lowest first.
function expectedSafety(files) {
  const by = {};
  for (const f of files) (by[f.rec.profile.household_code] ??= []).push({ survey: f.rec.survey.id, percent: safetyOf(f) });
  return Object.entries(by)
    .map(([who, scores]) => ({ who, scores: scores.sort((a, b) => a.percent - b.percent) }))
    .filter((p) => p.scores[0].percent < BELOW);
}

const safety = (s) => s.organiser.joined_training.find((a) => a.area === 'safety');
const simple = (area) => area.people.map((p) => ({ who: p.who, scores: p.scores.map(({ survey, percent }) => ({ survey, percent })) }));

// The organiser's screen with FILES imported.
async function openWithFiles(page) {
  await open(page, srv.url);
  await tap(page, 'home.organiser');
  await waitFor(page, (s) => s.screen === 'organiser');
  await page.setInputFiles('#file-import', FILES);
  await waitFor(page, (s) => !s.organiser.busy && s.organiser.imported === FILES.length, 20000);
}

test('one training list per area across surveys; a household opens; a round filters every tab and is kept', async () => {
  const b = await launch();
  try {
    const { page } = b;
    await openWithFiles(page);
    await tap(page, 'org.tab.3');
    let s = await waitFor(page, (st) => st.organiser.tab === 'training' && st.organiser.joined_training.length > 0);
    assert.equal(s.organiser.survey, 'household-digital-skills');

    // Safety is scored by both surveys: one list, each household once, with each score's survey.
    const all = safety(s);
    assert.deepEqual(all.surveys, ['household-digital-skills', 'online-payment']);
    assert.equal(all.scored, 3);
    const want = expectedSafety(FILES);
    assert.ok(want.length >= 2 && want.some((p) => p.scores.length === 2), JSON.stringify(want));
    assert.deepEqual(simple(all), want);
    const hh1 = all.people.find((p) => p.who === 'HH-0001');
    assert.deepEqual(hh1.scores.map((x) => x.date), ['2026-02-10', '2026-02-12']);
    await find(page, 'org.need.safety.HH-0001');
    await shot(page, 'report-training-joined');

    // A tap opens the household: its weakest result, and its other survey one tap away.
    await page.waitForTimeout(300);
    await tap(page, 'org.need.safety.HH-0001');
    s = await waitFor(page, (st) => st.organiser.detail !== '');
    assert.equal(s.organiser.detail, FILES[0].rec.id, 'the skills result, where safety is lowest');
    const other = (await widgets(page)).find((w) => w.id === `org.detail.other.${FILES[1].rec.id}`);
    assert.ok(other && other.h >= 48, 'the payment survey of the same household, tappable');
    await shot(page, 'report-training-household');
    await tap(page, 'org.detail.back');
    s = await waitFor(page, (st) => st.organiser.detail === '' && st.organiser.tab === 'training');

    // A round typed in: Đợt 1/2026 = 01/01/2026 to 30/06/2026 (HH-0002's payment of 1 July and
    // HH-0003's August survey fall outside).
    await tap(page, 'org.f.dates');
    await tap(page, 'org.round.new');
    const name = (await widgets(page)).find((w) => w.id === 'org.round.name');
    assert.equal(name.value, 'Đợt 1/2026', 'a name to start from');
    await typeIntoWidget(page, 'org.round.from', '01/01/2026');
    await typeIntoWidget(page, 'org.round.to', '31/06/2026');  // no such day: said in words, nothing saved
    await tap(page, 'org.round.save');
    await page.waitForTimeout(300);
    s = await state(page);
    assert.deepEqual(s.organiser.rounds, []);
    assert.equal(s.organiser.filter.date_from, '');
    await shot(page, 'report-dates-round-form');
    await typeIntoWidget(page, 'org.round.to', '30/06/2026');
    await tap(page, 'org.round.save');
    s = await waitFor(page, (st) => st.organiser.filter.date_to === '2026-06-30');
    assert.equal(s.organiser.filter.date_from, '2026-01-01');
    assert.deepEqual(s.organiser.rounds, [{ name: 'Đợt 1/2026', from: '2026-01-01', to: '2026-06-30' }]);
    const inRound = FILES.filter((f) => f.rec.completed < '2026-07');
    assert.deepEqual(simple(safety(s)), expectedSafety(inRound));
    assert.equal(safety(s).scored, 2);
    await toTop(page);
    const dates = await find(page, 'org.f.dates');
    assert.equal(dates.label, 'Thời gian: Đợt 1/2026 (01/01/2026 – 30/06/2026)');
    await shot(page, 'report-dates-round');

    // Every tab counts n of N under the round.
    await tap(page, 'org.tab.1');
    s = await waitFor(page, (st) => st.organiser.tab === 'list');
    assert.deepEqual([s.organiser.rows, s.organiser.of_survey], [2, 3]);
    await tap(page, 'org.tab.2');
    s = await waitFor(page, (st) => st.organiser.tab === 'summary');
    assert.equal(s.organiser.aggregates.count, 2);
    await shot(page, 'report-dates-summary');
    // Its export says the round it counts (two rounds exported the same day get two names).
    const [agg] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), tap(page, 'org.export.aggregates')]);
    assert.match(agg.suggestedFilename(), /^digiready-household-digital-skills-dot-1-2026-\d{4}-\d{2}-\d{2}-aggregates\.csv$/);

    // The next visit: the round is offered again and chosen with one tap.
    await page.reload();
    await open(page, srv.url);
    await tap(page, 'home.organiser');
    s = await waitFor(page, (st) => !st.organiser.busy && st.organiser.imported === FILES.length);
    assert.equal(s.organiser.filter.date_from, '', 'a new visit starts with every date');
    assert.equal(s.organiser.rounds.length, 1);
    await tap(page, 'org.tab.5');
    await waitFor(page, (st) => st.organiser.tab === 'villages');
    await tap(page, 'org.f.dates');
    await tap(page, 'org.dates.round.0');
    s = await waitFor(page, (st) => st.organiser.filter.date_to === '2026-06-30' && st.organiser.village_rows.length > 0);
    const results = s.organiser.village_columns.indexOf('results');
    assert.deepEqual(s.organiser.village_rows.map((r) => [r[0], r[results].value]), [['Thôn Đông', 2]],
      'Thôn Tây answered in August: outside the round');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the village table as an .xlsx sheet: openpyxl reads what the tab shows, equal to the CLI', async () => {
  const b = await launch();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-vsheet-'));
  try {
    const { page } = b;
    await openWithFiles(page);
    const offset = await page.evaluate(() => -new Date().getTimezoneOffset());
    await tap(page, 'org.tab.5');
    const s = await waitFor(page, (st) => st.organiser.tab === 'villages' && st.organiser.village_rows.length > 0);
    await find(page, 'org.export.xlsx');
    await page.waitForTimeout(300);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), tap(page, 'org.export.xlsx')]);
    const file = path.join(tmp, dl.suggestedFilename());
    await dl.saveAs(file);
    assert.match(dl.suggestedFilename(), /^digiready-villages-household-digital-skills-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = read(file);
    const sheet = book.sheets[0];
    assert.equal(sheet.title, 'Theo thôn');
    const [head, codes, ...rows] = sheet.rows;
    assert.deepEqual(codes.slice(0, 4), ['village', 'results', 'devices', 'devices.n']);
    assert.equal(head[0], 'Thôn');
    // The rows the tab shows: its villages, its counts, each area's % rounded as on screen.
    assert.deepEqual(rows.map((r) => r[0]), s.organiser.village_rows.map((r) => r[0]));
    const cols = s.organiser.village_columns;
    rows.forEach((r, i) => {
      const shown = s.organiser.village_rows[i];
      assert.equal(r[1], shown[1].value);
      const safe = cols.indexOf('safety');
      const at = codes.indexOf('safety');
      assert.equal(r[at], shown[safe].value === null ? null : Math.round(shown[safe].value * 100) / 100);
      assert.equal(r[at + 1], shown[safe].n);
    });
    await find(page, 'org.export.xlsx');
    await shot(page, 'report-villages-sheet');

    // The CLI writes the same workbook from the same files.
    const dir = fs.mkdtempSync(path.join(tmp, 'in-'));
    const paths = FILES.map((f, i) => { const p = path.join(dir, `${i}-${f.name}`); fs.writeFileSync(p, f.buffer); return p; });
    const out = path.join(tmp, 'native.xlsx');
    const sign = offset < 0 ? '-' : '+';
    execFileSync(CLI, ['export', ...paths, '--survey-dir', path.join(ROOT, 'assets/surveys'), '--tab', 'villages',
      '--xlsx', out, '--utc-offset', `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`]);
    assert.deepEqual(book, read(out));
    assert.deepEqual(b.problems, []);
  } finally {
    await b.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
