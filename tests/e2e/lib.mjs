// Shared helpers for the browser tests: serve dist/ on 127.0.0.1, launch Debian's Chromium through
// playwright-core at a phone size, fail on console errors and on any request leaving 127.0.0.1,
// and find widgets to tap through window.digiready.widgets().
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../tools/serve.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // WebGL without a GPU: SwiftShader (shared/toolchain.md).
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function startServer() {
  const server = await serve(path.join(ROOT, 'dist'), 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// `args`: more Chromium switches for this browser (e.g. a fake camera fed from a file).
export async function launch({ args = [] } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiready-chromium-'));
  // A persistent context gives each run a fresh --user-data-dir of its own.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...LAUNCH_ARGS, ...args],
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    acceptDownloads: true,
  });
  const problems = [];
  const watch = (page) => {
    pageProblems.set(page, problems);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push('console error: ' + m.text());
      if (process.env.E2E_CONSOLE) console.log(`[console.${m.type()}] ${m.text().slice(0, 300)}`);
    });
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  };
  context.on('page', watch);
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) {
      problems.push('request left 127.0.0.1: ' + r.url());
    }
  });
  const page = context.pages()[0] || await context.newPage();
  watch(page);
  return {
    context, page, problems,
    async close() { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

// Runs `fn` once more if it fails the first time, printing the first failure. Only for tests of
// what the browser's GPU process does on its own time (WebGL context loss and restore in SwiftShader
// under load); a real regression fails both runs.
export async function twice(name, fn) {
  try {
    return await fn();
  } catch (e) {
    console.log(`# ${name}: first run failed, running again: ${String(e && e.message).slice(0, 2000)}`);
    return await fn();
  }
}

// Opens the app (or, without a url, waits for the page that is loading, e.g. after reload()).
export async function open(page, url) {
  if (url) await page.goto(url);
  await page.waitForFunction(() => window.digiready && window.digiready.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.digiready.ready);
  await waitFor(page, (s) => s.surveys_loaded);
}

export const state = (page) => page.evaluate(() => window.digiready.state());
export const widgets = (page) => page.evaluate(() => window.digiready.widgets());

// Console errors, page errors and stray requests per page, so a timeout can say what went wrong.
const pageProblems = new WeakMap();

// Waits until state() satisfies `pred` (a function of the state), returns that state.
export async function waitFor(page, pred, timeout = 10000) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) {
    s = await state(page);
    if (pred(s)) return s;
    await page.waitForTimeout(50);
  }
  const page_side = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    const gl = c && (c.getContext('webgl2') || c.getContext('webgl'));
    return { visibility: document.visibilityState, gl_lost: gl ? gl.isContextLost() : null };
  }).catch((e) => ({ evaluate_failed: e.message }));
  throw new Error('timed out waiting; page: ' + JSON.stringify(page_side) + '; problems: ' +
    JSON.stringify(pageProblems.get(page) || []) + '; last state: ' + JSON.stringify(s).slice(0, 600));
}

// Finds a widget by id (exact) or by a predicate; scrolls the body (by dragging) until it is visible.
export async function find(page, match, { scroll = true } = {}) {
  const test = typeof match === 'function' ? match : (w) => w.id === match;
  for (let i = 0; i < 40; i++) {
    const ws = await widgets(page);
    const w = ws.find(test);
    if (w && w.h >= 24) return w;
    if (!scroll) break;
    // Drag up with the finger (the app's drag-to-scroll) to bring more content in view.
    await page.mouse.move(206, 600);
    await page.mouse.down();
    await page.mouse.move(206, 420, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(120);
    if (i === 39) break;
  }
  throw new Error('widget not found: ' + match + '\n' + JSON.stringify(await widgets(page)).slice(0, 2000));
}

// Drags the page down to its top, as a thumb does.
export async function toTop(page) {
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(206, 200);
    await page.mouse.down();
    await page.mouse.move(206, 700, { steps: 6 });
    await page.mouse.up();
  }
  await page.waitForTimeout(200);
}

export async function tap(page, match) {
  const w = await find(page, match);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + Math.min(w.h / 2, 24));
  // The page has the tap's events once the call returns: the press goes to the next frame, the
  // release (where ImGui acts) to the one after, its effect is drawn by the third. Counted from
  // before the tap, frames still settling from the last input could stand in for them.
  const frames = (await state(page)).frames;
  await waitFor(page, (s) => s.frames > frames + 2);
  return w;
}

export async function shot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name + '.png') });
}
