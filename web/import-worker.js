// Reads the files the organiser drops or picks, off the page's main thread (which stays free to
// verify results and draw), and hands them back in batches: one transferred buffer holding many
// files' bytes, cut at the sizes listed with it. See importFiles() in shell.js.
'use strict';
const BATCH_FILES = 500, BATCH_BYTES = 2 << 20;

// A file bigger than its limit (from the app: one result, or a batch file) is not read at all: its
// name and size go back instead, in its place in the order.
self.onmessage = (e) => {
  const { files, limits } = e.data;
  const reader = new FileReaderSync();
  const fits = (k) => files[k].size <= limits[k];
  for (let i = 0; i < files.length;) {
    if (!fits(i)) {
      self.postMessage({ tooBig: files[i].name, size: files[i].size });
      i++;
      continue;
    }
    let j = i, bytes = 0;
    while (j < files.length && fits(j) && j - i < BATCH_FILES && (j === i || bytes + files[j].size <= BATCH_BYTES)) bytes += files[j++].size;
    const batch = files.slice(i, j);
    i = j;
    let buf, sizes;
    try {
      // The files of a batch joined into one Blob are read in one go, not one trip per file.
      buf = reader.readAsArrayBuffer(new Blob(batch));
      sizes = batch.map((f) => f.size);
    } catch (err) {
      // One unreadable file (moved, no permission) fails the joined read: read them one by one;
      // an unreadable one arrives empty and is reported as a bad file.
      const parts = batch.map((f) => { try { return new Uint8Array(reader.readAsArrayBuffer(f)); } catch (e2) { return new Uint8Array(0); } });
      sizes = parts.map((p) => p.length);
      const all = new Uint8Array(sizes.reduce((a, b) => a + b, 0));
      let off = 0;
      for (const p of parts) { all.set(p, off); off += p.length; }
      buf = all.buffer;
    }
    self.postMessage({ names: batch.map((f) => f.name), sizes, buf: new Uint8Array(buf) }, [buf]);
  }
  self.postMessage({ done: true });
};
