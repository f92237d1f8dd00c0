// QR reader for browsers without BarcodeDetector (Chromium on desktop Linux, Firefox, older
// Android WebViews): zbar's QR decoder (dist/zbar-qr.js + .wasm, built from Debian's zbar source by
// tools/zbar.sh). Started by shell.js only once the camera is open, so neither file is part of the
// first load. The page sends one RGBA camera frame at a time; the answer lists the texts read.
'use strict';
importScripts('zbar-qr.js');
/* global ZbarQr */
const ready = ZbarQr().then((m) => ({ m, reader: m._qr_reader_create() }));
ready.then(() => self.postMessage({ ready: true }), (e) => self.postMessage({ failed: String(e) }));

self.onmessage = (e) => {
  const { width, height, pixels } = e.data;
  ready.then(({ m, reader }) => {
    const at = m._qr_reader_frame(reader, width, height);
    if (!at) { self.postMessage({ texts: [] }); return; }
    m.HEAPU8.set(new Uint8Array(pixels), at);
    const texts = m.UTF8ToString(m._qr_reader_scan(reader)).split('\n').filter((t) => t);
    self.postMessage({ texts });
  });
};
