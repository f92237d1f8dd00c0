// Byte budgets (tools/budgets.mjs) and the precompressed copies a host serves. Deterministic: sizes
// of this build's files, no timing.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { ROOT } from './lib.mjs';
import { BUDGETS, FIRST_FRAME, SCAN_READER, measure } from '../../tools/budgets.mjs';
import { serve } from '../../tools/serve.mjs';

const DIST = path.join(ROOT, 'dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test('byte budgets: first frame, whole site, surveys (brotli)', () => {
  const m = measure(DIST);
  for (const name of FIRST_FRAME) assert.ok(m.files.some((f) => f.name === name), `${name} is missing from dist/`);
  const over = Object.entries(BUDGETS).filter(([k, limit]) => m[k] > limit)
    .map(([k, limit]) => `${k}: ${kb(m[k])} over its budget of ${kb(limit)}`);
  const biggest = [...m.files].sort((a, b) => b.sent - a.sent).slice(0, 5)
    .map((f) => `${f.name} ${kb(f.sent)}`).join(', ');
  assert.deepEqual(over, [], `largest files: ${biggest}`);
});

test('the QR reader is built, and nothing the first frame loads names it', () => {
  for (const name of SCAN_READER) assert.ok(fs.existsSync(path.join(DIST, name)), `${name} is missing from dist/`);
  for (const name of FIRST_FRAME.filter((f) => !f.endsWith('.wasm') && f !== 'shell.js')) {
    assert.doesNotMatch(fs.readFileSync(path.join(DIST, name), 'utf8'), /zbar/, name);
  }
  // shell.js starts the worker only from the camera scan (tests/e2e/reach.test.mjs watches the requests).
  const shell = fs.readFileSync(path.join(DIST, 'shell.js'), 'utf8');
  assert.equal(shell.match(/new Worker\(["']zbar-worker\.js["']\)/g).length, 1, 'one place starts the reader');
});

test('every compressible file has .br and .gz copies that decode to the file', () => {
  for (const name of [...FIRST_FRAME, 'sw.js', 'surveys/index.json']) {
    const file = path.join(DIST, name);
    const data = fs.readFileSync(file);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(file + '.br')).equals(data), `${name}.br`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(file + '.gz')).equals(data), `${name}.gz`);
  }
  // The service worker caches what the page asks for; the encoded copies are the host's business.
  assert.doesNotMatch(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8'), /\.(br|gz)'/);
});

function get(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the dev server sends the brotli copy, else gzip, else the file', async () => {
  const server = await serve(DIST, 0);
  const url = `http://127.0.0.1:${server.address().port}/digiready.wasm`;
  try {
    const raw = fs.readFileSync(path.join(DIST, 'digiready.wasm'));
    const br = await get(url, 'gzip, deflate, br');
    assert.equal(br.encoding, 'br');
    assert.ok(zlib.brotliDecompressSync(br.body).equals(raw));
    const gz = await get(url, 'gzip');
    assert.equal(gz.encoding, 'gzip');
    assert.ok(zlib.gunzipSync(gz.body).equals(raw));
    const plain = await get(url, 'identity');
    assert.equal(plain.encoding, undefined);
    assert.ok(plain.body.equals(raw));
  } finally {
    server.close();
  }
});
