// DigiReady page shell: loading progress, failure messages, the wasm start, the test hook
// (window.digiready), and the browser-side halves of the platform seam (text overlay, live region,
// file import). The C++ side is src/platform/platform_web.cpp.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');
  const bar = $('loader-bar');
  const pct = $('loader-pct');

  function fail(vi, en) {
    $('loader-text').hidden = true;
    $('loader-error-text').textContent = vi + ' — ' + en;
    $('loader-error').hidden = false;
    document.body.classList.remove('loaded');
  }
  $('loader-retry').addEventListener('click', () => location.reload());

  // The browser may take the WebGL context away (GPU reset, memory pressure on a phone). The app
  // redraws by itself when it is restored; if that does not happen soon, say so and offer a reload
  // (drafts are saved with every answer, so nothing is lost).
  let glLostTimer = 0;
  canvas.addEventListener('webglcontextlost', () => {
    clearTimeout(glLostTimer);
    glLostTimer = setTimeout(() => { $('gl-lost').hidden = false; }, 3000);
  });
  canvas.addEventListener('webglcontextrestored', () => {
    clearTimeout(glLostTimer);
    $('gl-lost').hidden = true;
  });
  $('gl-lost-reload').addEventListener('click', () => location.reload());

  function progress(frac) {
    const p = Math.max(0, Math.min(99, Math.round(frac * 100)));
    bar.style.width = p + '%';
    pct.textContent = p + '%';
  }

  // The app's WebGL context, made here on the page's canvas while the wasm downloads (the app takes
  // it over: -sGL_PREINITIALIZED_CONTEXT, src/main.cpp): no alpha, a depth buffer, no stencil, no
  // antialiasing. Made by the app, it took 20-30 ms between the wasm's arrival and the first frame
  // (CPU x4); a throwaway check context cost as much on every start.
  function makeGL() {
    try {
      return canvas.getContext('webgl', { alpha: false, depth: true, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: false });
    } catch (e) { return null; }
  }

  // --- Test hook (kept in release builds; see docs/testing.md) ---
  let resolveReady;
  const hook = {
    ready: new Promise((r) => { resolveReady = r; }),
    // Worked out by the app when read (a test), never on frames nobody reads.
    state() { return hook._read ? JSON.parse(hook._read(0)) : {}; },
    widgets() { return hook._read ? JSON.parse(hook._read(1)) : []; },
  };
  window['digiready'] = hook;

  // Called by the app after each drawn frame: the text fields on screen (where the overlay goes) and
  // whether Back leaves the app now. The page's own code uses these, never the test hook.
  const overlay = $('text-overlay');
  let editing = null; // widget being edited through the overlay: {id, ...}
  let fieldsJson = '[]', backLeaves = false;
  const textFields = () => JSON.parse(fieldsJson);
  hook._frame = function (fields, leaves) {
    fieldsJson = fields;
    backLeaves = leaves;
    if (!document.body.classList.contains('loaded')) {
      hook.firstFrameMs = performance.now(); // read by `make report`
      document.body.classList.add('loaded');
      resolveReady(true);
    }
    if (editing) followOverlay();
  };

  // --- Text overlay: a real textarea over the field, so the phone keyboard and IME work ---
  function textWidgetAt(x, y) {
    for (const w of textFields()) {
      if (w.enabled &&
          x >= w.x && x < w.x + w.w && y >= w.y && y < w.y + w.h) return w;
    }
    return null;
  }
  function placeOverlay(w) {
    overlay.style.left = w.x + 'px';
    overlay.style.top = w.y + 'px';
    overlay.style.width = w.w + 'px';
    overlay.style.height = w.h + 'px';
  }
  function followOverlay() {
    const w = textFields().find((v) => v.id === editing.id);
    if (!w) { closeOverlay(false); return; } // the field left the screen: tell the app
    placeOverlay(w);
  }
  function openOverlay(w) {
    if (editing && editing.id === w.id) return; // already open: keep what is being typed
    editing = w;
    overlay.value = w.value || '';
    overlay.setAttribute('inputmode', w.inputmode || 'text');
    overlay.setAttribute('aria-label', w.label || '');
    overlay.rows = w.multiline ? 4 : 1;
    overlay.maxLength = w.multiline ? 2000 : 200;  // a name or a place, or a few paragraphs
    overlay.dataset.multiline = w.multiline ? '1' : '';
    placeOverlay(w);
    overlay.hidden = false;
    overlay.focus(); // inside the user's gesture, so the on-screen keyboard opens
    const end = overlay.value.length;
    try { overlay.setSelectionRange(end, end); } catch (e) { /* some inputmodes refuse */ }
    hook._call('text_begin', w.id);
  }
  function closeOverlay(fromApp, enter) {
    if (!editing) return;
    const id = editing.id;
    editing = null;
    // Hiding the focused field drops focus to <body>: give it back to the app (keyboard users).
    const hadFocus = document.activeElement === overlay;
    overlay.hidden = true;
    if (hadFocus) canvas.focus();
    if (!fromApp) hook._call2('text_end', id, enter ? 'enter' : '');
  }
  hook._openText = function (id) { // keyboard users: Enter on a focused field (no gesture needed)
    const w = textFields().find((v) => v.id === id);
    if (w) openOverlay(w);
  };
  hook._closeText = function () { closeOverlay(true); };
  // NFC: some keyboards send decomposed Vietnamese (base letter + combining marks); answers and
  // the font use the composed letters.
  const sendText = () => { if (editing) hook._call('text_input', overlay.value.normalize('NFC')); };
  overlay.addEventListener('input', sendText);
  overlay.addEventListener('compositionend', sendText);
  overlay.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' && !overlay.dataset.multiline) || e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      closeOverlay(false, e.key === 'Enter');
    }
  });
  overlay.addEventListener('blur', () => closeOverlay(false));
  // Decide in the gesture itself: pointerup on a text field focuses the overlay synchronously —
  // but not at the end of a drag (the app scrolled instead).
  let downAt = null;
  canvas.addEventListener('pointerdown', (e) => { downAt = [e.clientX, e.clientY]; }, true);
  canvas.addEventListener('pointerup', (e) => {
    const moved = downAt && Math.hypot(e.clientX - downAt[0], e.clientY - downAt[1]) > 10;
    downAt = null;
    const w = moved ? null : textWidgetAt(e.clientX, e.clientY);
    if (w) openOverlay(w);
    else if (editing) closeOverlay(false); // a tap elsewhere ends typing (the canvas prevents the tap's default, so the field keeps the focus)
  }, true);

  // Drafts are saved at every answer, so switching to the new build by reloading loses nothing.
  hook._applyUpdate = function () {
    const reg = hook._swRegistration;
    if (!reg || !reg.waiting) { location.reload(); return; }
    hook._applyingUpdate = true;
    reg.waiting.postMessage('skip-waiting');
  };

  // --- Live region for screen readers ---
  hook._announce = function (text) { $('live').textContent = text; };

  // --- The phone's Back button: history entries of this page stand guard, so Back moves back
  // inside the app (previous question, then the screen before) instead of leaving it. Where Back
  // goes is the app's decision (src/app/back_route.hpp); it says after each frame whether the next
  // Back leaves (on home, once it warned). Two entries stand guard, not one: Back pressed twice
  // quickly reaches the browser before the page has put a guard back after the first (a slow phone
  // takes longer than a quick double press), and must still land on this page. Each entry knows
  // its depth and the page load that made it, so a Back that skipped past a guard is still counted.
  // Chrome may skip, on its Back button, an entry added without a user gesture; so guards are also
  // put back on every tap or key. ---
  const GUARDS = 2;
  const loadId = performance.timeOrigin;
  const depth = () => {
    const st = history.state;
    return st && st.digiready === loadId ? st.depth : 0;
  };
  let at = depth();
  const guard = () => {
    for (let d = depth(); d < GUARDS; d = depth()) history.pushState({ digiready: loadId, depth: d + 1 }, '');
    at = depth();
  };
  window.addEventListener('pointerup', guard, true);
  window.addEventListener('keydown', guard, true);
  window.addEventListener('popstate', () => {
    const now = depth();
    const back = now < at;
    at = now;
    if (!back) return;  // Forward onto a guard: nothing for the app to do
    if (backLeaves) { history.go(-(now + 1)); return; }  // warned on home: this Back leaves
    hook._call('back', '');
    guard();
  });

  // --- Persistent storage (Storage API): asked for when the first result is saved. A refusal is
  // normal (Chrome decides by how the site is used) and changes nothing the person sees. ---
  hook._persist = function () {
    const st = navigator.storage;
    if (!st || !st.persist) return;
    const already = st.persisted ? st.persisted() : Promise.resolve(false);
    already.then((yes) => yes || st.persist()).then((yes) => {
      console.log('persistent storage ' + (yes ? 'granted' : 'not granted: the browser may clear it when the phone is short of space'));
    }, () => {});
  };

  // --- Bulk storage (IndexedDB) for the organiser's imported results: localStorage holds ~5 MB per
  // site, shared with households' drafts; thousands of results need more. Chunks of text in lists;
  // answers go back to the app with the request id (src/platform/platform_web.cpp). ---
  let bulkDb = null;
  function bulk(work, failed) {
    if (!bulkDb) {
      bulkDb = new Promise((resolve, reject) => {
        if (!window.indexedDB) { reject(new Error('no IndexedDB')); return; }
        const req = indexedDB.open('digiready', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('chunks', { autoIncrement: true }).createIndex('list', 'list');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    bulkDb.then(work).catch(failed);
  }
  hook._bulkAppend = (list, data, id) => bulk((db) => {
    const tx = db.transaction('chunks', 'readwrite');
    tx.objectStore('chunks').add({ list, data });
    tx.oncomplete = () => hook._call2('bulk_appended', String(id), '1');
    tx.onabort = () => hook._call2('bulk_appended', String(id), '0');  // quota, private mode
  }, () => hook._call2('bulk_appended', String(id), '0'));
  // One chunk, the index-th of its list: the app asks for the next once it has used this one, so a
  // big keep never sits in its memory whole.
  hook._bulkRead = (list, index, id) => bulk((db) => {
    const req = db.transaction('chunks').objectStore('chunks').index('list').openCursor(IDBKeyRange.only(list));
    let moved = false;
    req.onsuccess = () => {
      const c = req.result;
      if (c && index > 0 && !moved) { moved = true; c.advance(index); return; }
      if (c) hook._callBytes('bulk_chunk', String(id), new TextEncoder().encode(c.value.data));
      hook._call2('bulk_read', String(id), c ? '1' : '');
    };
    req.onerror = () => hook._call2('bulk_read', String(id), '');
  }, () => hook._call2('bulk_read', String(id), ''));
  hook._bulkClear = (list) => bulk((db) => {
    const tx = db.transaction('chunks', 'readwrite');
    const store = tx.objectStore('chunks');
    store.index('list').getAllKeys(list).onsuccess = (e) => { for (const k of e.target.result) store.delete(k); };
  }, () => {});

  // --- Files out: a download, or the phone's share sheet with the file (Web Share API level 2) ---
  hook._saveBlob = function (name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  };
  // --- Spreadsheets (.xlsx): the writer is a wasm module of its own (digiready-xlsx.js, built from
  // src/xlsx), fetched on the first export only so the first load stays small; the service worker
  // caches it with the rest, so it works offline. It gets the workbook as JSON, gives .xlsx bytes. ---
  const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  let xlsxWriter = null;
  function loadXlsxWriter() {
    if (!xlsxWriter) {
      xlsxWriter = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = 'digiready-xlsx.js';
        s.onload = () => window['DigireadyXlsx']().then(resolve, reject);
        s.onerror = () => { s.remove(); reject(new Error('load')); };
        document.head.appendChild(s);
      });
      xlsxWriter.catch(() => { xlsxWriter = null; });  // try again on the next press
    }
    return xlsxWriter;
  }
  function writeXlsx(m, json) {
    const n = m['lengthBytesUTF8'](json) + 1;
    const text = m['_malloc'](n);
    const sizeAt = m['_malloc'](4);
    m['stringToUTF8'](json, text, n);
    const out = m['_digiready_xlsx'](text, sizeAt);
    const size = m['getValue'](sizeAt, 'i32');
    m['_free'](text);
    m['_free'](sizeAt);
    if (!out) throw new Error('memory');
    try {
      if (size < 0) throw new Error(m['UTF8ToString'](out));
      return m['HEAPU8'].slice(out, out + size);
    } finally {
      m['_free'](out);
    }
  }
  hook._exportXlsx = function (name, json, done) {
    loadXlsxWriter()
      .then((m) => {
        hook._saveBlob(name, new Blob([writeXlsx(m, json)], { type: XLSX_TYPE }));
        hook._call2('xlsx_done', done, '');
      })
      .catch((e) => hook._call2('xlsx_done', done, (e && e.message) || 'error'));
  };
  // Called from the app's frame right after a tap: Chrome keeps a tap's "user activation" for a few
  // seconds (html.spec.whatwg.org "transient activation"), which navigator.share needs.
  // Chrome shares only files of listed types, and .json/.ndjson are not among them
  // (blink/renderer/modules/webshare/FILE_TYPES.md): there the same bytes go as .txt, text/plain,
  // which the organiser's import reads like the .json or .ndjson file (src/app/import_queue.cpp).
  hook._shareFile = function (name, type, bytes) {
    if (!navigator.share || !navigator.canShare) return false;
    const make = (n, t) => { try { return new File([bytes], n, { type: t }); } catch (e) { return null; } };
    let file = make(name, type);
    if (!file || !navigator.canShare({ files: [file] })) {
      file = /\.(json|ndjson)$/i.test(name) ? make(name.replace(/\.(json|ndjson)$/i, '.txt'), 'text/plain') : null;
      if (!file || !navigator.canShare({ files: [file] })) return false;
    }
    navigator.share({ files: [file], title: file.name }).catch((e) => {
      // Closed by the person: nothing to do. Refused for another reason: the file still goes out.
      if (!e || e.name !== 'AbortError') hook._saveBlob(name, file);
    });
    return true;
  };

  // --- Screen kept on while a QR code is shown (Screen Wake Lock). The browser drops the lock when
  // the page is hidden; it is asked for again when the page comes back while still wanted. ---
  let wakeWanted = false, wakeLock = null;
  function askWake() {
    if (!wakeWanted || wakeLock || !navigator.wakeLock || document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then((l) => {
      wakeLock = l;
      l.addEventListener('release', () => { if (wakeLock === l) wakeLock = null; });
      if (!wakeWanted) { wakeLock = null; l.release(); }
    }, () => { /* refused (battery saver): the code still shows */ });
  }
  hook._wakeLock = function (on) {
    wakeWanted = on;
    if (on) askWake();
    else if (wakeLock) { const l = wakeLock; wakeLock = null; l.release(); }
  };
  document.addEventListener('visibilitychange', askWake);
  hook.wakeLocked = () => !!wakeLock;  // read by the browser tests

  // --- Camera scan (organiser): rear camera in a video over the canvas; QR codes read by the
  // browser's BarcodeDetector where there is one, else by zbar in a worker (web/zbar-worker.js,
  // fetched only now). Each text read goes to the app, which counts each code once. ---
  let scan = null; // {box, video, stream, timer, last, reader}
  hook._scanStart = function () {
    if (scan) return;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { hook._call('scan_failed', 'no_camera'); return; }
    // The video in a box of its own that clips it: the box is what the app places.
    const box = document.createElement('div');
    box.className = 'scan-video';
    const video = document.createElement('video');
    video.setAttribute('playsinline', '');
    video.muted = true;
    box.appendChild(video);
    document.body.appendChild(box);
    const s = scan = { box, video, stream: null, timer: 0, last: '', reader: null };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then((stream) => {
      if (scan !== s) { stream.getTracks().forEach((t) => t.stop()); return; }
      s.stream = stream;
      video.srcObject = stream;
      return video.play().then(() => openReader(s)).then(() => readCodes(s));
    }).catch((e) => {
      if (scan !== s) return;
      hook._scanStop();
      const name = e && e.name;
      hook._call('scan_failed', name === 'NotAllowedError' || name === 'SecurityError' ? 'denied'
        : name === 'NoDetector' ? 'no_detector' : 'no_camera');
    });
  };
  // A reader: read(video) resolves to the texts of the codes in the current frame; every ms between
  // two reads (BarcodeDetector is fast; zbar decodes in wasm, a few frames a second is enough).
  function openReader(s) {
    // Some Android phones have a BarcodeDetector that reads nothing (no Play Services): it must say
    // it knows QR codes, else zbar reads them.
    const BD = window.BarcodeDetector;
    const formats = BD && BD.getSupportedFormats ? BD.getSupportedFormats().catch(() => []) : Promise.resolve([]);
    return formats.then((known) => {
      if (known.includes('qr_code')) {
        const detector = new BD({ formats: ['qr_code'] });
        s.reader = { every: 150, read: (v) => detector.detect(v).then((cs) => cs.map((c) => c.rawValue)), close() {} };
        return;
      }
      return zbarReader().then((r) => { if (scan === s) s.reader = r; else r.close(); });
    });
  }
  function zbarReader() {
    const worker = new Worker('zbar-worker.js');
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let answer = null;
    worker.onmessage = (e) => { if (answer) answer(e.data); };
    const next = () => new Promise((resolve) => { answer = resolve; });
    const unusable = () => Object.assign(new Error('QR reader did not load'), { name: 'NoDetector' });
    worker.onerror = () => { if (answer) answer({ failed: true }); };
    return next().then((m) => {
      if (!m.ready) { worker.terminate(); throw unusable(); }
      return {
        every: 250,
        read(v) {
          // At most 800 px on the long side: enough pixels per module for a code held near the
          // camera, and each frame decodes in tens of ms on a cheap phone.
          const k = Math.min(1, 800 / Math.max(v.videoWidth, v.videoHeight, 1));
          const w = Math.round(v.videoWidth * k), h = Math.round(v.videoHeight * k);
          if (!w || !h) return Promise.resolve([]);
          canvas.width = w; canvas.height = h;
          ctx.drawImage(v, 0, 0, w, h);
          const pixels = ctx.getImageData(0, 0, w, h).data.buffer;
          const reply = next();
          worker.postMessage({ width: w, height: h, pixels }, [pixels]);
          return reply.then((m) => m.texts || []);
        },
        close() { worker.terminate(); },
      };
    });
  }
  function readCodes(s) {
    const tick = () => {
      if (scan !== s) return;
      s.reader.read(s.video).then((texts) => {
        if (scan !== s) return;
        for (const t of texts) {
          // The same code stays in view for many frames: hand it over when it changes.
          if (t && t !== s.last) { s.last = t; hook._call('scan_code', t); }
        }
        s.timer = setTimeout(tick, s.reader.every);
      }, () => { if (scan === s) s.timer = setTimeout(tick, 300); });
    };
    tick();
  }
  hook._scanPlace = function (x, y, w, h) {
    if (!scan) return;
    const st = scan.box.style;
    st.left = x + 'px'; st.top = y + 'px'; st.width = w + 'px'; st.height = h + 'px';
  };
  hook._scanStop = function () {
    if (!scan) return;
    clearTimeout(scan.timer);
    if (scan.reader) scan.reader.close();
    if (scan.stream) scan.stream.getTracks().forEach((t) => t.stop());
    scan.box.remove();
    scan = null;
  };

  // --- File import (organiser): picker and drag-and-drop hand each file's text to the app ---
  const picker = $('file-import');
  // Files are read in a worker (web/import-worker.js) so that reading 10,000 of them does not wait
  // for the app's frames, nor the frames for the reading. Each file's bytes go to the app as they are.
  let importWorker = null;
  const importQueue = [];
  function importFiles(files) {
    const list = Array.from(files);
    if (!list.length) return;
    importQueue.push(list);
    if (importQueue.length === 1) importNext();
  }
  function importNext() {
    const list = importQueue[0];
    if (!list) return;
    hook._call('import_begin', String(list.length));
    if (!importWorker) importWorker = new Worker('import-worker.js');
    importWorker.onmessage = (e) => {
      const m = e.data;
      if (m.done) {
        hook._call('import_end', '');
        importQueue.shift();
        importNext();
        return;
      }
      if (m.tooBig !== undefined) { hook._call2('import_too_big', m.tooBig, String(m.size)); return; }
      let off = 0;
      m.names.forEach((name, k) => {
        hook._callBytes('import_file', name, m.buf.subarray(off, off + m.sizes[k]));
        off += m.sizes[k];
      });
    };
    // Sizes are checked against the app's limits before any byte is read (web/import-worker.js).
    importWorker.postMessage({ files: list, limits: list.map((f) => hook._importLimit(f.name)) });
  }
  hook._pickFiles = () => { picker.value = ''; picker.click(); };
  picker.addEventListener('change', () => importFiles(picker.files));
  window.addEventListener('dragover', (e) => { e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) importFiles(e.dataTransfer.files);
  });

  // --- Surveys are data files next to the app. They are fetched once the wasm has arrived, so they
  // do not compete with it for a weak link's bandwidth, and handed to the app once its first frame is
  // on screen, so reading them does not delay that frame. ---
  let wasmArrived;
  const afterWasm = new Promise((r) => { wasmArrived = r; });
  const fetched = afterWasm.then(() => fetch('surveys/index.json'))
    .then((r) => r.json())
    .then((names) => Promise.all(names.map((n) =>
      fetch('surveys/' + n).then((r) => r.text()).then((t) => [n, t], () => [n, '']))))
    .catch(() => []);
  hook._surveys = Promise.all([fetched, hook.ready]).then(([list]) => list);

  // --- Service worker: offline after one visit ---
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('sw.js').then((reg) => {
        hook._swRegistration = reg;
        // A new build finished installing while this one runs: offer it (home shows a button).
        // Old and new files never mix: this page keeps the old cache until it reloads.
        const watch = (w) => w && w.addEventListener('statechange', () => {
          if (w.state === 'installed' && navigator.serviceWorker.controller) hook._updateReady = true;
        });
        if (reg.waiting && navigator.serviceWorker.controller) hook._updateReady = true;
        watch(reg.installing);
        reg.addEventListener('updatefound', () => watch(reg.installing));
      }, () => { /* offline support is a bonus; the app runs without it */ });
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (hook._applyingUpdate && !reloading) { reloading = true; location.reload(); }
      });
    });
  }

  // --- Start the wasm, with a real progress bar (bytes of the wasm received) ---
  // Without WebGL there is nothing to draw on: say so in words instead of a blank page.
  const gl = makeGL();
  if (!gl) {
    fail('Trình duyệt này không hỗ trợ WebGL nên không vẽ được ứng dụng. Hãy cập nhật trình duyệt (Chrome) hoặc dùng máy khác.',
      'This browser has no WebGL, which DigiReady needs. Please update the browser (Chrome) or use another device.');
    return;
  }

  // The wasm's size, stamped in at build time (cmake/assemble-site.cmake): a compressed response's
  // content-length would not match the bytes the reader yields.
  const WASM_BYTES = Number('@WASM_BYTES@') || 0;
  // Counts the bytes as they arrive (the progress bar), and compiles them as they arrive too, so that
  // little is left to do once the last byte is in.
  async function loadWasm(imports) {
    const res = await fetch('digiready.wasm');
    if (!res.ok) throw new Error('HTTP ' + res.status);
    // Warm start: the service worker answers from its cache, so there is no download to show. The
    // response goes to the compiler as it is: a Response rebuilt around a counting stream has no
    // URL, and Chrome keys its cache of compiled wasm by URL (v8.dev/blog/wasm-code-caching), so
    // the rebuilt one would be compiled again on every start.
    const fromWorker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (fromWorker && WebAssembly.instantiateStreaming && /^application\/wasm/.test(res.headers.get('content-type') || '')) {
      hook.wasmMs = performance.now();
      wasmArrived();
      return WebAssembly.instantiateStreaming(res, imports);
    }
    const total = WASM_BYTES || (res.headers.get('content-encoding') ? 0 : Number(res.headers.get('content-length')) || 0);
    let got = 0;
    const count = (n) => { got += n; if (total) progress(got / total); };
    if (res.body && window.TransformStream && WebAssembly.instantiateStreaming) {
      const counted = res.body.pipeThrough(new TransformStream({
        transform(chunk, ctl) { count(chunk.length); ctl.enqueue(chunk); },
        flush() { hook.wasmMs = performance.now(); wasmArrived(); },
      }));
      return WebAssembly.instantiateStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }), imports);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    count(bytes.length);
    hook.wasmMs = performance.now();
    wasmArrived();
    return WebAssembly.instantiate(bytes, imports);
  }

  window['Module'] = {
    canvas: canvas,
    'preinitializedWebGLContext': gl,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    onAbort: () => fail('Ứng dụng gặp lỗi khi khởi động. Hãy tải lại trang.',
      'The app failed to start. Please reload the page.'),
    instantiateWasm(imports, done) {
      loadWasm(imports)
        .then((r) => { hook.instantiatedMs = performance.now(); progress(1); done(r.instance, r.module); })
        .catch(() => fail('Không tải được ứng dụng (mạng yếu hoặc bị ngắt). Kiểm tra mạng rồi bấm "Thử lại".',
          'Could not load the app (weak or no connection). Check the connection and press "Try again".'));
      return {};
    },
  };
  const s = document.createElement('script');
  s.src = 'digiready.js';
  s.onerror = () => fail('Không tải được ứng dụng (mạng yếu hoặc bị ngắt). Kiểm tra mạng rồi bấm "Thử lại".',
    'Could not load the app (weak or no connection). Check the connection and press "Try again".');
  document.body.appendChild(s);
})();
