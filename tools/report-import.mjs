// `make report` part: 10,000 generated result files dropped on the organiser page in headless
// Chromium (desktop size, no throttling). Prints the import time (first file handed over -> last
// one verified), the longest gap between drawn frames while importing (the page stays responsive),
// and the wasm heap afterwards. Budgets: <= 2 s, <= 64 MB. A report, not a test: exits 0.
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { LAUNCH_ARGS, ROOT } from '../tests/e2e/lib.mjs';
import { bigBatch } from '../tests/e2e/batch.mjs';
import path from 'node:path';

const N = Number(process.env.IMPORT_FILES || 10000);
const files = bigBatch(N);
const server = await serve(process.env.REPORT_DIST || path.join(ROOT, 'dist'), 0);  // another build's dist/ to compare
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH_ARGS });
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.digiready && window.digiready.ready && window.digiready.state().surveys_loaded, null, { timeout: 60000 });
  // CPU seconds the browser's processes spend on the import: on a machine shared with other work
  // the wall-clock time stretches, this does not (much).
  const sys = await browser.newBrowserCDPSession();
  const cpuByType = async () => {
    const by = {};
    for (const p of (await sys.send('SystemInfo.getProcessInfo')).processInfo) by[p.type] = (by[p.type] || 0) + p.cpuTime;
    return by;
  };
  const cpu = async () => Object.values(await cpuByType()).reduce((a, b) => a + b, 0);
  const byType0 = await cpuByType();
  const cpu0 = await cpu();
  const result = await page.evaluate(async (list) => {
    const hook = window.digiready;
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    // Frame gaps seen from the page: a long one means the import blocked drawing.
    let last = performance.now(), worst = 0, running = true;
    const tick = () => { const t = performance.now(); worst = Math.max(worst, t - last); last = t; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((resolve) => {
      const poll = () => {
        const s = hook.state().organiser;
        if (s.files >= list.length && !s.busy) resolve(); else setTimeout(poll, 20);
      };
      poll();
    });
    running = false;
    // The poll above reads the test hook's whole state each time: it must stay small, or the
    // report measures the hook (it once wrote 3.2 MB, the training list, on every read).
    return { ms: performance.now() - t0, worstFrameMs: worst, state: hook.state().organiser, stateBytes: hook._read(0).length };
  }, files);
  const cpuSeconds = (await cpu()) - cpu0;
  const byType1 = await cpuByType();
  const split = Object.keys(byType1).map((k) => `${k} ${(byType1[k] - (byType0[k] || 0)).toFixed(2)} s`).join(', ');
  const s = result.state;
  const heapMb = (s.heap_bytes || 0) / (1 << 20);
  console.log('\n== Organiser import: ' + N + ' result files dropped on the page ==');
  console.log(`files ${s.files}, verified ${s.imported}, failed ${s.failed}, duplicates ${s.duplicates}, changed ${s.changed}`);
  console.log(`import time: ${(result.ms / 1000).toFixed(2)} s (app's own count ${(s.import_ms / 1000).toFixed(2)} s)   (budget 2.0 s: ${result.ms <= 2000 ? 'within' : 'OVER'})`);
  console.log(`CPU time of the browser's processes meanwhile: ${cpuSeconds.toFixed(2)} s (${split}; load average ${os.loadavg()[0].toFixed(1)}: wall time stretches on a busy machine)`);
  console.log(`longest gap between frames while importing: ${result.worstFrameMs.toFixed(0)} ms`);
  console.log(`test hook's state, read every 20 ms meanwhile: ${(result.stateBytes / 1024).toFixed(1)} KB`);
  console.log(`wasm heap after import: ${heapMb.toFixed(1)} MB   (budget 64 MB: ${heapMb <= 64 ? 'within' : 'OVER'})`);
  console.log(`(machine: ${os.cpus().length} cores, headless Chromium with SwiftShader)`);
} finally {
  await browser.close();
  server.close();
}
