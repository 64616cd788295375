// No inline scripts (CSP). Small progressive enhancements only.
document.addEventListener("DOMContentLoaded", function () {
  // Submitting a filter form by changing a select, for keyboard and mouse alike.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.requestSubmit(); });
  });
});
