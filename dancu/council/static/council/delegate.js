// The delegate's session app: the offline cache of the session's documents (a service
// worker) and ballots that survive a weak hall network (a retry carries the same
// idempotency key, so the server records one ballot). No inline script (CSP).
(function () {
  var root = document.querySelector(".dc-delegate");
  if (!root) { return; }
  var status = root.querySelector("[data-offline-status]");

  if ("serviceWorker" in navigator && root.dataset.serviceWorker) {
    navigator.serviceWorker.register(root.dataset.serviceWorker, { scope: root.dataset.scope }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = (root.dataset.offlineUrls || "").split(" ").filter(Boolean);
      urls.push(window.location.pathname);
      if (registration.active) {
        registration.active.postMessage({ type: "cache", urls: urls });
      }
    }).catch(function () { /* no offline copy: the pages still work online */ });
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "cached" && status) {
        status.textContent = root.dataset.offlineDone || ("✓ " + event.data.count);
        status.dataset.cached = String(event.data.count);
      }
    });
  }

  // A ballot sent with fetch, retried with the same key while the network is down.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-ballot-form]")) { return; }
    event.preventDefault();
    event.stopPropagation();
    var submitter = event.submitter;
    var body = new FormData(form);
    if (submitter && submitter.name) { body.set(submitter.name, submitter.value); }
    var tries = 0;
    function send() {
      tries += 1;
      fetch(form.action, { method: "POST", body: body, credentials: "same-origin", headers: { "HX-Request": "true" } })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var live = document.getElementById("delegate-live");
          if (live) {
            live.outerHTML = html;
            if (window.htmx) { window.htmx.process(document.getElementById("delegate-live")); }
          }
        })
        .catch(function () { if (tries < 20) { setTimeout(send, Math.min(500 * tries, 3000)); } });
    }
    send();
  }, true);
})();
