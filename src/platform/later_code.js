// Code the first frame does not need arrives after it (docs/size.md, "Code loaded after the first
// frame"). tools/split-wasm.py cuts the linked wasm in two: digiready.wasm draws the home screen;
// digiready.deferred.wasm holds the rest (the survey, results, organiser, QR, scoring screens). This
// file is Emscripten's --pre-js: it runs inside the glue, so it sees Module, Browser and the
// placeholder machinery of -sSPLIT_MODULE.
//
// Once the first frame is on screen, platform_web.cpp pauses the main loop and calls
// loadLaterCode(): the deferred module is fetched and compiled off the main thread
// (WebAssembly.instantiate), it fills its functions into the shared table, then the loop resumes. A
// tap meanwhile waits in the page's input queue (page_input.hpp); no frame runs, so none can reach
// a function that is not there yet. The surveys are handed over only after Module['laterCode'] (platform_web.cpp), and the
// test hook's state answers {} until laterCodeIn().
var laterCode = { bytes: null, loaded: false, arrived: null };
Module['laterCode'] = new Promise(function(resolve) { laterCode.arrived = resolve; });

Module['laterCodeIn'] = function() { return laterCode.loaded; };

function laterCodeFile() {
  return 'digiready.deferred.wasm';
}

function laterCodeInstall(bytes, imports) {
  if (laterCode.loaded) return;
  new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  laterCode.loaded = true;
}

Module['loadLaterCode'] = function() {
  var resume = function() {
    laterCode.arrived();
    Browser.mainLoop.resume();
  };
  fetch(laterCodeFile())
    .then(function(res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.arrayBuffer();
    })
    .then(function(bytes) {
      laterCode.bytes = bytes;
      if (laterCode.loaded) return null;
      return WebAssembly.instantiate(bytes, { 'primary': Module['asm'] });
    })
    .then(function() {
      laterCode.loaded = true;
      resume();
    }, function(e) {
      // Offline before the service worker had it: home still works, and the first function of
      // the deferred part to be called loads it below (or the page says it failed: onAbort).
      console.warn('later code: ' + e);
      resume();
    });
};

// -sSPLIT_MODULE's placeholder calls this when a function of the deferred part runs before that part
// arrived. The async load above keeps frames from doing so; this is the safety net for a callback
// that does. That is a mistake in the split's rule (tools/split-wasm.py), so it is a console error,
// which fails the browser tests.
Module['loadSplitModule'] = function(file, imports, prop) {
  if (laterCode.loaded) return;
  console.error('later code: function ' + prop + ' ran before digiready.deferred.wasm arrived');
  var bytes = laterCode.bytes;
  if (!bytes) {
    // A synchronous request on the main thread: the only way to answer a synchronous call. Bytes
    // come through as text with each byte in the low 8 bits of a character (x-user-defined).
    var xhr = new XMLHttpRequest();
    xhr.open('GET', laterCodeFile(), false);
    xhr.overrideMimeType('text/plain; charset=x-user-defined');
    xhr.send(null);
    if (xhr.status !== 200) throw new Error('later code: HTTP ' + xhr.status);
    var text = xhr.responseText;
    bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  }
  laterCodeInstall(bytes, imports);
};
