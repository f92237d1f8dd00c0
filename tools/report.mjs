// `make report`: what a person on a cheap phone and a weak link gets, judged against a yardstick.
//  - brotli size of every file in dist/, of what the first frame needs and of the whole site
//    (budgets in tools/budgets.mjs; exceeding one fails this report and make test);
//  - 5 cold loads each of DigiReady (first drawn frame) and of a pinned SurveyJS page with the same
//    household questions (first question on screen, tools/surveyjs-page.mjs), alternating, served by
//    one server in this run, in headless Chromium with Lighthouse's mobile throttling (1.6 Mbps
//    down, 750 Kbps up, 150 ms RTT, CPU x4, 412x915 at DPR 2): medians and their ratio;
//  - frames drawn during 5 idle seconds; warm start (service worker, CPU x4), median of 5.
// Times are reported against their targets (issue #14) but do not fail the report: they depend on
// the machine and its load. Exit status 1 only when a byte budget is exceeded.
// `node tools/report.mjs --warm`: the byte budgets and the warm start only (a quick check).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { BUDGETS, FIRST_FRAME, measure } from './budgets.mjs';
import { buildSurveyJsPage } from './surveyjs-page.mjs';
import { LAUNCH_ARGS } from '../tests/e2e/lib.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIST = process.env.REPORT_DIST || path.join(ROOT, 'dist');  // another build's dist/ to compare
const SITE = path.join(ROOT, 'build', 'report-site'); // app -> dist, surveyjs/ (one server, one origin)
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TARGET = { firstFrameMs: 2000, ratio: 0.62, warmMs: 400, idleFrames: 5 };
const verdict = (ok) => (ok ? 'within' : 'OVER');
const WARM_ONLY = process.argv.includes('--warm');

console.log('== Transfer size (brotli, as sent by a host serving the build\'s .br copies) ==');
const m = measure(DIST);
for (const f of m.files) console.log(`${f.name.padEnd(48)} ${kb(f.raw)} raw ${kb(f.sent)} sent`);
const over = [];
for (const [k, limit] of Object.entries(BUDGETS)) {
  if (m[k] > limit) over.push(k);
  console.log(`${k.padEnd(48)} ${kb(m[k])}   (budget ${kb(limit).trim()}: ${verdict(m[k] <= limit)})`);
}
console.log(`(first frame = ${FIRST_FRAME.join(', ')}; byte budgets fail make test, tests/e2e/budget.test.mjs)`);

fs.rmSync(SITE, { recursive: true, force: true });
fs.mkdirSync(SITE, { recursive: true });
fs.symlinkSync(DIST, path.join(SITE, 'app'));
buildSurveyJsPage(path.join(DIST, 'surveys', 'household-digital-skills.json'), path.join(SITE, 'surveyjs'));
const sj = measure(path.join(SITE, 'surveyjs'));
console.log(`SurveyJS page (${fs.readdirSync(path.join(SITE, 'surveyjs')).filter((f) => !/\.(br|gz)$/.test(f)).length} files, all before the first question) ${kb(sj.site)} sent;` +
  ` DigiReady first frame ${kb(m.firstFrame).trim()} (${(m.firstFrame / sj.site).toFixed(2)} of it)`);

const server = await serve(SITE, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH_ARGS });
const phone = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// One cold load (no HTTP cache, no service worker) of URL, until `drawn` (a window property holding
// performance.now() at the first useful frame) is set. Returns the context for more work.
async function coldLoad(url, drawn) {
  const ctx = await browser.newContext({ ...phone, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction((p) => window[p] || (window.digiready && window.digiready[p]), drawn, { timeout: 90000 });
  const ms = await page.evaluate((p) => window[p] || window.digiready[p], drawn);
  return { ctx, page, ms };
}

if (!WARM_ONLY) await coldLoads();
async function coldLoads() {
console.log('\n== Cold load, Lighthouse mobile throttling: DigiReady first frame vs SurveyJS first question ==');
const ours = [], theirs = [];
let last;
for (let i = 0; i < 5; i++) {
  const a = await coldLoad(`${origin}/app/`, 'firstFrameMs');
  const b = await coldLoad(`${origin}/surveyjs/`, 'firstQuestionMs');
  ours.push(a.ms); theirs.push(b.ms);
  console.log(`  load ${i + 1}: DigiReady ${a.ms.toFixed(0)} ms, SurveyJS ${b.ms.toFixed(0)} ms`);
  await b.ctx.close();
  if (i < 4) await a.ctx.close(); else last = a;
}
const mo = median(ours), mt = median(theirs), ratio = mo / mt;
console.log(`median: DigiReady ${mo.toFixed(0)} ms (target ${TARGET.firstFrameMs}: ${verdict(mo <= TARGET.firstFrameMs)}), ` +
  `SurveyJS ${mt.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (target <= ${TARGET.ratio}: ${verdict(ratio <= TARGET.ratio)})`);

console.log('\n== Idle frames ==');
await last.page.waitForTimeout(1500);
const f0 = await last.page.evaluate(() => window.digiready.state().frames);
await last.page.waitForTimeout(5000);
const f1 = await last.page.evaluate(() => window.digiready.state().frames);
console.log(`frames drawn in 5 idle seconds: ${f1 - f0}   (target ${TARGET.idleFrames}: ${verdict(f1 - f0 <= TARGET.idleFrames)})`);
await last.ctx.close();
}

// Warm start: later visits, answered by the service worker's cache, CPU still slowed 4x and the
// network cut, so anything the first frame waited on from the network would show as a failure.
// Two kinds: the page reloaded while the worker still runs (as the issue first measured), and the
// app opened again later (a new page, the worker stopped meanwhile as the browser stops an idle one).
console.log('\n== First drawn frame, warm start (service worker, offline), CPU x4 ==');
{
  const ctx = await browser.newContext(phone);
  let page = await ctx.newPage();
  await page.goto(`${origin}/app/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await page.waitForFunction(() => window.digiready && window.digiready.firstFrameMs, null, { timeout: 60000 });
  await ctx.setOffline(true);
  const throttle = async (p) => {
    const cdp = await ctx.newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    return cdp;
  };
  let cdp = await throttle(page);
  for (const kind of ['reload', 'reopen']) {
    const warm = [];
    for (let i = 0; i < 5; i++) {
      if (kind === 'reload') await page.reload();
      else {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        const next = await ctx.newPage();
        await page.close();
        page = next;
        cdp = await throttle(page);
        await page.goto(`${origin}/app/`);
      }
      await page.waitForFunction(() => window.digiready && window.digiready.firstFrameMs, null, { timeout: 60000 });
      const t = await page.evaluate(() => [window.digiready.wasmMs, window.digiready.instantiatedMs, window.digiready.firstFrameMs]);
      warm.push(t[2]);
      // When each file the first frame needs was in the page's hands (ms after navigation).
      const got = await page.evaluate(() => performance.getEntries()
        .filter((e) => e.entryType === 'navigation' || e.entryType === 'resource').slice(0, 6)
        .map((e) => `${e.entryType === 'navigation' ? 'page' : e.name.split('/').pop()} ${e.responseEnd.toFixed(0)}`).join(', '));
      console.log(`  ${kind} ${i + 1}: wasm response ${t[0].toFixed(0)} ms, instantiated ${t[1].toFixed(0)} ms, first frame ${t[2].toFixed(0)} ms`);
      console.log(`    files in hand: ${got}`);
    }
    const w = median(warm);
    console.log(`${kind === 'reload' ? 'reloaded, worker running' : 'opened again, worker stopped'}: ${warm.map((t) => t.toFixed(0)).join(', ')} ms`);
    console.log(`median: ${w.toFixed(0)} ms   (target ${TARGET.warmMs} ms: ${verdict(w <= TARGET.warmMs)})`);
  }
  await ctx.close();
}
await browser.close();
server.close();
console.log(`\n(machine: ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; headless Chromium with SwiftShader)`);
if (over.length) {
  console.log(`byte budget exceeded: ${over.join(', ')} (tools/budgets.mjs)`);
  process.exitCode = 1;
}
