// Service worker: the whole app (one build) is cached on first visit so it opens and runs offline.
// Each build has its own cache, filled completely before it takes over, and every response comes
// from the one active build's cache: old and new files never mix. Drafts and results live in
// localStorage, which an update does not touch.
'use strict';
const BUILD = '@BUILD_ID@';
const CACHE = 'digiready-' + BUILD;
const FILES = [
  './',
  '@PRECACHE@',
];
// Fetched only when someone needs them (the spreadsheet writer, docs/export.md), so a first visit
// does not download them: kept in this build's cache the first time the page asks, offline after.
const ON_DEMAND = [
  '@ON_DEMAND@',
].map((f) => new URL(f, self.location).pathname);

// Every precached file, as a request for it without a query would name it.
const ROUTES = FILES.map((f) => ({ urlPattern: { pathname: new URL(f, self.location).pathname, search: '' } }));

self.addEventListener('install', (event) => {
  // 'no-cache': revalidate with the server (a 304 when the browser already has the file from this
  // visit), so a new build never picks up a stale copy, and a first visit is not downloaded twice.
  const fill = caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' }))));
  // Warm start: the browser answers the precached files from this build's cache itself, without
  // starting this script or waiting on it for each file (static routing, Chrome 123+). Through the
  // fetch handler the page, its scripts and the wasm arrived 170-340 ms after navigation on a
  // busy phone-like CPU (docs/size.md). The cache is complete before this worker controls a page,
  // so a routed file is always there; a request with a query, or a browser without routes, comes
  // to the fetch handler below, which answers the same.
  const route = event.addRoutes
    ? event.addRoutes({ condition: { or: ROUTES }, source: { cacheName: CACHE } }).catch(() => {})
    : Promise.resolve();
  event.waitUntil(Promise.all([fill, route]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('digiready-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks a waiting worker to take over when the person accepts the update (then reloads).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

let opened = null;  // this build's cache, opened once per start of the worker
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await (opened = opened || caches.open(CACHE));
    // The exact URL first: ignoreSearch makes the cache read every entry it holds.
    const hit = await cache.match(req) || await cache.match(req, { ignoreSearch: true }) ||
      (req.mode === 'navigate' ? await cache.match('./') : undefined);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok && ON_DEMAND.includes(new URL(req.url).pathname)) await cache.put(req, res.clone());
    return res;
  })());
});
