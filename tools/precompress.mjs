// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside every compressible file of the
// site, so a static host sends the smallest encoding the phone accepts without compressing on each
// request. Run after the site is assembled (the service worker's file list is already written and
// does not name these copies: a browser asks for FILE and receives it encoded).
// Usage: node tools/precompress.mjs DIST
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest']);

export function brotli(data) {
  return zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export function gzip(data) {
  return zlib.gzipSync(data, { level: 9 });
}

export function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

export function precompress(dist) {
  let n = 0;
  for (const f of walk(dist)) {
    if (!COMPRESSIBLE.has(path.extname(f))) continue;
    const data = fs.readFileSync(f);
    // A copy that is not smaller is not worth a request's negotiation: the host sends the file.
    for (const [ext, pack] of [['.br', brotli], ['.gz', gzip]]) {
      const out = pack(data);
      if (out.length < data.length) { fs.writeFileSync(f + ext, out); n++; }
      else fs.rmSync(f + ext, { force: true });
    }
  }
  return n;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const dist = process.argv[2];
  if (!dist || !fs.existsSync(dist)) { console.error('usage: node tools/precompress.mjs DIST'); process.exit(2); }
  console.log(`precompress: ${precompress(dist)} .br/.gz files written in ${dist}`);
}
