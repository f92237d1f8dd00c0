// Where the organiser import's time goes: Chrome's sampling profiler over a drop of N generated
// result files (IMPORT_FILES, default 10,000), then self and inclusive time per function. Give it a
// copy of dist/ whose digiready.js/.wasm were linked with names (docs/size.md, "Measuring"), else
// the wasm functions show as numbers. Usage: node tools/profile-import.mjs DIR
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { LAUNCH_ARGS } from '../tests/e2e/lib.mjs';
import { bigBatch } from '../tests/e2e/batch.mjs';

const N = Number(process.env.IMPORT_FILES || 10000);
const server = await serve(process.argv[2], 0, { gzip: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH_ARGS });
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.digiready && window.digiready.ready && window.digiready.state().surveys_loaded, null, { timeout: 120000 });
  await page.evaluate((list) => {
    window.__files = new DataTransfer();
    for (const f of list) window.__files.items.add(new File([f.text], f.name, { type: 'application/json' }));
  }, bigBatch(N));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.evaluate(async (n) => {
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: window.__files, bubbles: true, cancelable: true }));
    await new Promise((resolve) => {
      const poll = () => { const s = window.digiready.state().organiser; if (s.files >= n && !s.busy) resolve(); else setTimeout(poll, 20); };
      poll();
    });
  }, N);
  const { profile } = await cdp.send('Profiler.stop');
  const node = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map(), incl = new Map();
  const add = (m, k, d) => m.set(k, (m.get(k) || 0) + d);
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i] || 0;
    add(self, node.get(id).callFrame.functionName || '(program)', d);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const k = node.get(x).callFrame.functionName;
      if (k && !seen.has(k)) { seen.add(k); add(incl, k, d); }
    }
  });
  for (const [title, m] of [['self', self], ['inclusive', incl]]) {
    console.log(`== ${title} time (ms), top 30 ==`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / 1000).toFixed(0).padStart(7)}  ${k.slice(0, 150)}`);
  }
} finally {
  await browser.close();
  server.close();
}
