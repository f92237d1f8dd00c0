// The yardstick `make report` measures DigiReady against: a SurveyJS page (survey-core +
// survey-js-ui, pinned in tools/surveyjs/package.json, installed there by `npm ci`) showing the same
// household questions in Vietnamese, one section per page, as a static host serves it (brotli
// copies beside each file, like dist/). Times differ from machine to machine; their ratio in one
// run does not, so the report judges ratios (docs/size.md).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { precompress } from './precompress.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const PKG = path.join(HERE, 'surveyjs');
const MODULES = path.join(PKG, 'node_modules');

// Our condition `selected(${q}, 'v')` is SurveyJS's `{q} contains 'v'` (works for one or many
// answers); a condition on a computed value has no SurveyJS twin here, so that question is always
// shown (only the first page is timed).
function condition(expr) {
  if (/\$\{[a-z_]+\}(?!,)/.test(expr.replace(/selected\(\$\{[a-z_]+\}/g, ''))) return undefined;
  return expr.replace(/selected\(\$\{([a-z_]+)\},\s*'([^']*)'\)/g, "{$1} contains '$2'");
}

function question(q, lang) {
  const out = { name: q.id, title: q.title[lang], isRequired: !!q.required };
  if (q.help) out.description = q.help[lang];
  const when = q.visible_if && condition(q.visible_if);
  if (when) out.visibleIf = when;
  const choices = (q.options || []).map((o) => ({ value: o.value, text: o.label[lang] }));
  if (q.type === 'integer') Object.assign(out, { type: 'text', inputType: 'number', min: q.min, max: q.max });
  else if (q.type === 'multiple') Object.assign(out, { type: 'checkbox', choices });
  else if (q.type === 'rating') Object.assign(out, { type: 'rating', rateValues: choices, displayMode: 'buttons' });
  else Object.assign(out, { type: 'radiogroup', choices });
  return out;
}

// SurveyJS's JSON for one of our surveys (docs/survey-format.md), in one language.
export function toSurveyJs(survey, lang = 'vi') {
  return {
    title: survey.title[lang],
    description: survey.intro ? survey.intro[lang] : undefined,
    locale: lang,
    showQuestionNumbers: 'off',
    pages: survey.sections.map((s) => ({ name: s.id, title: s.title[lang], elements: s.questions.map((q) => question(q, lang)) })),
  };
}

function install() {
  if (fs.existsSync(path.join(MODULES, 'survey-js-ui', 'survey-js-ui.min.js'))) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--legacy-peer-deps'], { cwd: PKG, stdio: 'inherit' });
}

// Writes the page into OUT (index.html, the two libraries, their stylesheet, the survey) with
// .br/.gz copies. The page records window.firstQuestionMs once the first question is on screen.
export function buildSurveyJsPage(surveyFile, out) {
  install();
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const copy = (from, to) => fs.copyFileSync(path.join(MODULES, from), path.join(out, to));
  copy('survey-core/survey.core.min.js', 'survey.core.min.js');
  copy('survey-core/i18n/vietnamese.min.js', 'vietnamese.js');
  copy('survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js');
  copy('survey-core/survey-core.min.css', 'survey-core.min.css');
  const json = toSurveyJs(JSON.parse(fs.readFileSync(surveyFile, 'utf8')));
  fs.writeFileSync(path.join(out, 'survey.js'), `window.SURVEY_JSON = ${JSON.stringify(json)};\n`);
  fs.writeFileSync(path.join(out, 'start.js'), `
const survey = new Survey.Model(window.SURVEY_JSON);
survey.render(document.getElementById('survey'));
// Drawn = the first question's title is in the page and a frame has been painted since.
(function wait() {
  if (document.querySelector('.sd-question__title')) {
    requestAnimationFrame(() => setTimeout(() => { window.firstQuestionMs = performance.now(); }, 0));
  } else requestAnimationFrame(wait);
})();
`);
  fs.writeFileSync(path.join(out, 'index.html'), `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SurveyJS baseline</title><link rel="stylesheet" href="survey-core.min.css"></head>
<body><div id="survey"></div>
<script src="survey.core.min.js"></script><script src="vietnamese.js"></script><script src="survey-js-ui.min.js"></script>
<script src="survey.js"></script><script src="start.js"></script></body></html>
`);
  precompress(out);
  return out;
}
