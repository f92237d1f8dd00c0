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

// A precompressed copy counts only if it is at least as new as the file (a stale copy after a
// rebuild that skipped it would serve old bytes).
function readIfNewer(file, mtimeMs) {
  try {
    const st = fs.statSync(file);
    return st.mtimeMs >= mtimeMs ? fs.readFileSync(file) : null;
  } catch { return null; }
}

// Compresses like a production web server would, so sizes and load times are realistic: the
// precompressed FILE.br / FILE.gz that `make web` writes (tools/precompress.mjs), else gzip on the
// fly. Pass { gzip: false } for plain responses.
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
      const headers = { 'content-type': type, 'cache-control': 'no-cache' };
      const send = (body, encoding) => {
        if (encoding) Object.assign(headers, { 'content-encoding': encoding, vary: 'accept-encoding' });
        res.writeHead(200, { ...headers, 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const accepts = req.headers['accept-encoding'] || '';
      const compressible = gzip && COMPRESSIBLE.has(path.extname(file));
      // As a static host configured for it would (nginx brotli_static/gzip_static, Caddy precompressed):
      // the build's own .br / .gz copy when the browser accepts it, else gzip made here.
      for (const [ext, enc] of [['.br', 'br'], ['.gz', 'gzip']]) {
        if (!compressible || !new RegExp(`\\b${enc}\\b`).test(accepts)) continue;
        const pre = readIfNewer(file + ext, st.mtimeMs);
        if (pre) { send(pre, enc); return; }
      }
      if (!compressible || !/\bgzip\b/.test(accepts)) {
        res.writeHead(200, { ...headers, 'content-length': st.size });
        if (req.method === 'HEAD') { res.end(); return; }
        fs.createReadStream(file).pipe(res);
        return;
      }
      let hit = cache.get(file);
      if (!hit || hit.mtime !== st.mtimeMs) {
        hit = { mtime: st.mtimeMs, body: zlib.gzipSync(fs.readFileSync(file), { level: 9 }) };
        cache.set(file, hit);
      }
      send(hit.body, 'gzip');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  serve(dir, Number(port)).then((s) => console.log(`http://127.0.0.1:${s.address().port}/`));
}
