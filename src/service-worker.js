// The service worker: after the first visit the app opens with no network. On install it caches the page,
// every file the page names (styles, scripts, the wasm, ECharts, the icon) and the modules the other pages
// are drawn from, fetched on demand (listed here by .ci/split-wasm.mjs at build time); it answers the app's
// requests from that cache, and any navigation inside the app with the cached page. A new release has a new
// build stamp, so the browser sees a new worker; it waits until the page asks it to take over ("update
// available" → Reload), so a release never swaps files under a running app.
const BUILD = '__BUILD_STAMP__';
const CACHE = `pmf-${BUILD}`;
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL('index.html', SCOPE).href;
/** The modules fetched on demand, by name relative to the scope. */
const ON_DEMAND_FILES = [/* __ON_DEMAND_FILES__ */];

/** Every same-origin file index.html names in a src or href attribute. */
function assetsOf(html) {
  const urls = new Set();
  for (const match of html.matchAll(/\b(?:src|href)="([^"#]+)"/g)) {
    const url = new URL(match[1], SCOPE);
    if (url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname)) {
      urls.add(url.href);
    }
  }
  return [...urls];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(PAGE, { cache: 'no-store' });
      const html = await response.clone().text();
      await cache.put(PAGE, response);
      const named = assetsOf(html).filter((url) => url !== PAGE && url !== SCOPE.href);
      // Once each: index.html preloads some of the on-demand files, and addAll refuses a list that repeats one.
      const onDemand = ON_DEMAND_FILES.map((file) => new URL(file, SCOPE).href);
      await cache.addAll([...new Set([...named, ...onDemand])]);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('pmf-') && name !== CACHE) {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) {
    return;
  }
  if (request.mode === 'navigate') {
    // Any address inside the app is the app's page (the router shows the right view): the cached one, so the
    // release that is running stays whole until the person chooses to update; the network only before then.
    event.respondWith((async () => (await caches.match(PAGE)) ?? fetch(request))());
    return;
  }
  event.respondWith(
    (async () => (await caches.match(request, { ignoreSearch: true })) ?? fetch(request))(),
  );
});
