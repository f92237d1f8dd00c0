// The national path (docs/scale.md): DuckDB, given the CLI's NDJSON export and the survey files,
// computes the same figures as the CLI's own summary (--aggregates) and training (--training)
// files. The SQL is taken from docs/scale.md, so the documented queries are the tested ones.
// Records: digiready-gen with a fixed seed, two surveys. SCALE_RECORDS (default 20,000) sets how
// many; DIGIREADY_BUILD the native build directory (default build/native).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD = path.resolve(process.env.DIGIREADY_BUILD || path.join(ROOT, 'build/native'));
const N = Number(process.env.SCALE_RECORDS || 20000);
const SURVEYS = ['household-digital-skills', 'online-payment'];
const BELOW = 50;

// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks); the BOM dropped.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// The ```sql blocks of docs/scale.md: { setup: [sql...], figures: { name: sql } }.
function documentedSql() {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/scale.md'), 'utf8');
  const out = { setup: [], figures: {} };
  for (const [, sql] of doc.matchAll(/```sql\n([\s\S]*?)```/g)) {
    const name = /^-- figure: (\w+)/.exec(sql);
    if (name) out.figures[name[1]] = sql; else out.setup.push(sql);
  }
  return out;
}

// What the CLI wrote for one survey, keyed by ids (the CSVs speak in English labels).
function cliFigures(dir, survey, several) {
  const s = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/surveys', survey + '.json'), 'utf8'));
  const file = (base) => path.join(dir, several ? `${base}-${survey}.csv` : `${base}.csv`);
  const dimByTitle = new Map(s.dimensions.map((d) => [d.title.en, d.id]));
  const [header, overall, ...dims] = parseCsv(fs.readFileSync(file('summary'), 'utf8'));
  const levelIds = s.levels.map((l) => l.id);
  assert.deepEqual(header.slice(3), s.levels.map((l) => l.label.en));
  const levels = (row) => Object.fromEntries(levelIds.map((id, i) => [id, Number(row[3 + i])]).filter(([, n]) => n > 0));
  const fig = {
    respondents: Number(overall[1]), mean: Number(overall[2]), levels: levels(overall), dimensions: {}, training: {},
  };
  for (const row of dims) fig.dimensions[dimByTitle.get(row[0])] = { scored: Number(row[1]), mean: Number(row[2]), levels: levels(row) };
  for (const [title, village] of parseCsv(fs.readFileSync(file('training'), 'utf8')).slice(1)) {
    const key = `${dimByTitle.get(title)}|${village}`;
    fig.training[key] = (fig.training[key] || 0) + 1;
  }
  return fig;
}

// The same shape from DuckDB's answers to the documented figure queries.
async function duckFigures(conn, sql, survey) {
  const rows = async (name) => (await (await conn.runAndReadAll(sql.figures[name])).getRowObjectsJS())
    .filter((r) => r.survey_id === survey);
  const [overall] = await rows('overall');
  const fig = { respondents: Number(overall.respondents), mean: overall.mean_percent, levels: {}, dimensions: {}, training: {} };
  for (const r of await rows('levels')) fig.levels[r.level_id] = Number(r.respondents);
  for (const r of await rows('dimensions')) fig.dimensions[r.dimension] = { scored: Number(r.scored), mean: r.mean_percent, levels: {} };
  for (const r of await rows('dimension_levels')) fig.dimensions[r.dimension].levels[r.level_id] = Number(r.respondents);
  for (const r of await rows('training')) fig.training[`${r.dimension}|${r.village}`] = Number(r.respondents);
  return fig;
}

test(`DuckDB over the CLI's NDJSON export gives the CLI's figures (${N} results)`, async () => {
  const cli = path.join(BUILD, 'src/cli/digiready');
  const gen = path.join(BUILD, 'src/cli/digiready-gen');
  assert.ok(fs.existsSync(cli) && fs.existsSync(gen), `build the CLI first (make native): ${cli}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiready-scale-'));
  try {
    const surveyArgs = SURVEYS.flatMap((id) => ['--survey', path.join(ROOT, 'assets/surveys', id + '.json')]);
    execFileSync(gen, [String(N), '--seed', '11', ...surveyArgs, '--ndjson', path.join(dir, 'generated.ndjson')]);
    let t0 = performance.now();
    const summary = execFileSync(cli, ['import', path.join(dir, 'generated.ndjson'), '--survey-dir', path.join(ROOT, 'assets/surveys'),
      '--lang', 'en', '--below', String(BELOW), '--ndjson', path.join(dir, 'results.ndjson'),
      '--aggregates', path.join(dir, 'summary.csv'), '--training', path.join(dir, 'training.csv')], { encoding: 'utf8' });
    const cliMs = performance.now() - t0;
    assert.match(summary, new RegExp(`^files: ${N}, verified: ${N}, failed: 0, duplicates: 0, changed: 0$`, 'm'));

    fs.symlinkSync(path.join(ROOT, 'assets/surveys'), path.join(dir, 'surveys'));
    const sql = documentedSql();
    assert.deepEqual(Object.keys(sql.figures).sort(), ['dimension_levels', 'dimensions', 'levels', 'overall', 'training']);
    const here = process.cwd();
    process.chdir(dir);  // the documented SQL names its files relative to the working folder
    t0 = performance.now();
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      for (const setup of sql.setup) await conn.run(setup);
      for (const survey of SURVEYS) {
        const want = cliFigures(dir, survey, true);
        const got = await duckFigures(conn, sql, survey);
        assert.ok(want.respondents > 0 && Object.keys(want.training).length > 0, `${survey}: the CLI counted nothing`);
        assert.deepEqual(got, want, survey);
      }
    } finally {
      conn.closeSync();
      process.chdir(here);
    }
    console.log(`${N} results: CLI import ${(cliMs / 1000).toFixed(2)} s, DuckDB figures ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
