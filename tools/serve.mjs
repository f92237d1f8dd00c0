// A small static file server for dist/, bound to 127.0.0.1 only. Usage: node tools/serve.mjs DIR PORT
// Also used by the browser tests and the report (import { serve } from './serve.mjs').
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ttf': 'font/ttf',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest']);

// Compresses like a production web server would (gzip), so sizes and load times are realistic.
// Pass { gzip: false } for plain responses.
export function serve(root, port = 0, { gzip = true } = {}) {
  const base = path.resolve(root);
  const cache = new Map(); // file -> { mtime, body }
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(base, rel);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      // Validators, as any static host has: a revalidation of an unchanged file is a 304.
      const lastModified = new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString();
      const since = req.headers['if-modified-since'];
      if (since && Date.parse(since) >= Date.parse(lastModified)) {
        res.writeHead(304, { 'last-modified': lastModified, 'cache-control': 'no-cache' }).end();
        return;
      }
      res.setHeader('last-modified', lastModified);
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      const wantsGzip = gzip && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      if (!wantsGzip) {
        res.writeHead(200, { 'content-type': type, 'content-length': st.size, 'cache-control': 'no-cache' });
        if (req.method === 'HEAD') { res.end(); return; }
        fs.createReadStream(file).pipe(res);
        return;
      }
      let hit = cache.get(file);
      if (!hit || hit.mtime !== st.mtimeMs) {
        hit = { mtime: st.mtimeMs, body: zlib.gzipSync(fs.readFileSync(file), { level: 9 }) };
        cache.set(file, hit);
      }
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': hit.body.length,
        'cache-control': 'no-cache', vary: 'accept-encoding' });
      res.end(req.method === 'HEAD' ? undefined : hit.body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  serve(dir, Number(port)).then((s) => console.log(`http://127.0.0.1:${s.address().port}/`));
}
