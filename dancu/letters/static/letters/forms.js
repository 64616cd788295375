// A refused htmx form comes back with status 400 and the form with its message: show it
// (htmx does not swap error responses by default). Only inside [data-swap-errors].
document.addEventListener("htmx:beforeSwap", function (event) {
  var detail = event.detail;
  if (detail.xhr.status === 400 && detail.target && detail.target.closest("[data-swap-errors]")) {
    detail.shouldSwap = true;
    detail.isError = false;
  }
});
