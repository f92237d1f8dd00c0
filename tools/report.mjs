// `make report`: what a person on a cheap phone and a weak link gets.
//  - gzip size of every file in dist/ and the total (budget 300 KB);
//  - median time from navigation to the first drawn frame over 5 cold loads, in headless Chromium
//    with Lighthouse's mobile throttling (1.6 Mbps down, 750 Kbps up, 150 ms RTT, CPU x4,
//    412x915 at DPR 2) (budget 2.0 s);
//  - frames drawn during 5 idle seconds (budget 5).
// A report, not a test: it prints figures and exits 0.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { LAUNCH_ARGS } from '../tests/e2e/lib.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIST = path.join(ROOT, 'dist');
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

console.log('== Transfer size (gzip -9) ==');
let total = 0, raw = 0;
const rows = walk(DIST).sort().map((f) => {
  const data = fs.readFileSync(f);
  const gz = zlib.gzipSync(data, { level: 9 }).length;
  total += gz; raw += data.length;
  return [path.relative(DIST, f), data.length, gz];
});
for (const [name, r, gz] of rows) console.log(`${name.padEnd(40)} ${kb(r)} raw ${kb(gz)} gz`);
console.log(`${'TOTAL'.padEnd(40)} ${kb(raw)} raw ${kb(total)} gz   (budget 300 KB: ${total <= 300 * 1024 ? 'within' : 'OVER'})`);

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
await browser.close();
server.close();
console.log(`\n(machine: ${os.cpus().length} cores; figures are from headless Chromium with SwiftShader)`);
