// `make report`: what a person on a cheap phone and a weak link gets.
//  - brotli size of every file in dist/, of what the first frame needs and of the whole site
//    (budgets in tools/budgets.mjs, enforced by make test);
//  - median time from navigation to the first drawn frame over 5 cold loads, in headless Chromium
//    with Lighthouse's mobile throttling (1.6 Mbps down, 750 Kbps up, 150 ms RTT, CPU x4,
//    412x915 at DPR 2) (budget 2.0 s);
//  - frames drawn during 5 idle seconds (budget 5).
// A report, not a test: it prints figures and exits 0.
import path from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { BUDGETS, FIRST_FRAME, measure } from './budgets.mjs';
import { LAUNCH_ARGS } from '../tests/e2e/lib.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIST = path.join(ROOT, 'dist');
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';

console.log('== Transfer size (brotli, as sent by a host serving the build\'s .br copies) ==');
const m = measure(DIST);
for (const f of m.files) console.log(`${f.name.padEnd(40)} ${kb(f.raw)} raw ${kb(f.sent)} sent`);
for (const [k, limit] of Object.entries(BUDGETS)) {
  console.log(`${k.padEnd(40)} ${kb(m[k])}   (budget ${kb(limit).trim()}: ${m[k] <= limit ? 'within' : 'OVER'})`);
}
console.log(`(first frame = ${FIRST_FRAME.join(', ')}; byte budgets fail make test, tests/e2e/budget.test.mjs)`);

const server = await serve(DIST, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH_ARGS });

async function coldLoad() {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => window.digiready && window.digiready.firstFrameMs, null, { timeout: 60000 });
  const t = await page.evaluate(() => [window.digiready.wasmMs, window.digiready.instantiatedMs, window.digiready.firstFrameMs]);
  return { ctx, page, ms: t[2], phases: t };
}

console.log('\n== First drawn frame, cold load, Lighthouse mobile throttling ==');
const times = [];
let last;
for (let i = 0; i < 5; i++) {
  const r = await coldLoad();
  times.push(r.ms);
  console.log(`  load ${i + 1}: wasm received ${r.phases[0].toFixed(0)} ms, compiled ${r.phases[1].toFixed(0)} ms, first frame ${r.phases[2].toFixed(0)} ms`);
  if (i < 4) await r.ctx.close(); else last = r;
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[2];
console.log(`loads (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
console.log(`median: ${(median / 1000).toFixed(2)} s   (budget 2.0 s: ${median <= 2000 ? 'within' : 'OVER'})`);

console.log('\n== Idle frames ==');
await last.page.waitForTimeout(1500);
const f0 = await last.page.evaluate(() => window.digiready.state().frames);
await last.page.waitForTimeout(5000);
const f1 = await last.page.evaluate(() => window.digiready.state().frames);
console.log(`frames drawn in 5 idle seconds: ${f1 - f0}   (budget 5: ${f1 - f0 <= 5 ? 'within' : 'OVER'})`);
await last.ctx.close();

// Warm start: a second visit, answered by the service worker (no network), CPU still slowed 4x.
console.log('\n== First drawn frame, warm start (service worker), CPU x4 ==');
{
  const ctx = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const warm = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await page.waitForFunction(() => window.digiready && window.digiready.firstFrameMs, null, { timeout: 60000 });
    warm.push(await page.evaluate(() => window.digiready.firstFrameMs));
  }
  const w = [...warm].sort((a, b) => a - b)[2];
  console.log(`loads (ms): ${warm.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`median: ${w.toFixed(0)} ms   (budget 400 ms: ${w <= 400 ? 'within' : 'OVER'})`);
  await ctx.close();
}
await browser.close();
server.close();
console.log(`\n(machine: ${os.cpus().length} cores; figures are from headless Chromium with SwiftShader)`);
