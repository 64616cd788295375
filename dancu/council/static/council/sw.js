// The offline cache of a delegate's session: the pages and PDFs of its documents, kept on the
// device so a weak hall network does not stop reading. Network first; the cache when offline.
var CACHE = "dancu-council-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  if (!event.data || event.data.type !== "cache") { return; }
  var urls = event.data.urls || [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (response.ok && response.status === 200) { return cache.put(url, response); }
      }).catch(function () {});
    }));
  }).then(function () {
    if (event.source) { event.source.postMessage({ type: "cached", count: urls.length }); }
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  // Live parts (tally, queue) are never served from the cache.
  if (url.pathname.indexOf("/truc-tiep/") !== -1) { return; }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.status === 200 && (url.pathname.indexOf("/tai-lieu/") !== -1 || url.pathname.indexOf("/static/") !== -1)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (hit) { return hit || Response.error(); });
  }));
});
