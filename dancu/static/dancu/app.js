// No inline scripts (CSP). Small progressive enhancements only.
document.addEventListener("DOMContentLoaded", function () {
  // Submitting a filter form by changing a select, for keyboard and mouse alike.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.requestSubmit(); });
  });
});

// A refused form comes back with status 400 (or 422) and the same form carrying its messages
// next to the fields (core.forms.submit): show it in place, as htmx does not swap error
// responses by default. Other errors (403, 404, 500) keep htmx's default.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status === 400 || status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
