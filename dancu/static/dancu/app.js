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

// Dates always read and typed as dd/mm/yyyy, whatever the browser's language: a native date
// input shows mm/dd/yyyy in an English browser. Every <input type="date"> becomes a text
// input with the Vietnamese format (the server accepts dd/mm/yyyy, see core/formats) and a
// small calendar button. Without JavaScript the native input still works.
(function () {
  var MONTHS = ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"];
  var DAYS = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fromIso(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : text || "";
  }
  function parse(text) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((text || "").trim());
    if (!m) { return null; }
    var d = new Date(+m[3], +m[2] - 1, +m[1]);
    return d.getDate() === +m[1] && d.getMonth() === +m[2] - 1 ? d : null;
  }
  function format(d) { return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear(); }

  function calendar(input, button) {
    var shown = parse(input.value) || new Date();
    var box = document.createElement("div");
    box.className = "dc-calendar card shadow-sm p-2";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Chọn ngày");
    function draw() {
      var year = shown.getFullYear(), month = shown.getMonth();
      var first = (new Date(year, month, 1).getDay() + 6) % 7;
      var days = new Date(year, month + 1, 0).getDate();
      var html = '<div class="d-flex justify-content-between align-items-center mb-1">' +
        '<button type="button" class="btn btn-sm btn-light" data-step="-1" aria-label="Tháng trước">‹</button>' +
        '<strong>' + MONTHS[month] + " " + year + '</strong>' +
        '<button type="button" class="btn btn-sm btn-light" data-step="1" aria-label="Tháng sau">›</button></div>' +
        '<table class="table table-sm mb-0 text-center"><thead><tr>' +
        DAYS.map(function (d) { return "<th scope=\"col\">" + d + "</th>"; }).join("") + "</tr></thead><tbody><tr>";
      for (var i = 0; i < first; i++) { html += "<td></td>"; }
      for (var day = 1; day <= days; day++) {
        if ((first + day - 1) % 7 === 0 && day > 1) { html += "</tr><tr>"; }
        html += '<td><button type="button" class="btn btn-sm btn-link p-0" data-day="' + day + '" aria-label="' +
          pad(day) + "/" + pad(month + 1) + "/" + year + '">' + day + "</button></td>";
      }
      box.innerHTML = html + "</tr></tbody></table>";
    }
    box.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (!target) { return; }
      if (target.dataset.step) {
        shown = new Date(shown.getFullYear(), shown.getMonth() + +target.dataset.step, 1);
        draw();
      } else if (target.dataset.day) {
        input.value = format(new Date(shown.getFullYear(), shown.getMonth(), +target.dataset.day));
        input.dispatchEvent(new Event("change", { bubbles: true }));
        box.remove();
        input.focus();
      }
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { box.remove(); button.focus(); }
    });
    draw();
    button.after(box);
    var focusable = box.querySelector("[data-day]");
    if (focusable) { focusable.focus(); }
  }

  function enhance(root) {
    root.querySelectorAll('input[type="date"]').forEach(function (input) {
      input.type = "text";
      input.value = fromIso(input.value);
      input.placeholder = "dd/mm/yyyy";
      input.inputMode = "numeric";
      input.autocomplete = "off";
      input.setAttribute("pattern", "\\d{1,2}/\\d{1,2}/\\d{4}");
      input.dataset.date = "vi";
      input.removeAttribute("min");
      input.removeAttribute("max");
      input.addEventListener("input", function (event) {
        // 05012026 -> 05/01/2026 as the digits are typed (not while deleting)
        if (!/^insert/.test(event.inputType || "") || !/^[\d\/]*$/.test(input.value)) { return; }
        if (input.selectionStart !== input.value.length) { return; }
        var digits = input.value.replace(/\//g, "").slice(0, 8);
        var parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean);
        input.value = parts.join("/") + ((digits.length === 2 || digits.length === 4) ? "/" : "");
      });
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-outline-secondary btn-sm dc-calendar-button";
      button.setAttribute("aria-label", "Mở lịch chọn ngày");
      button.innerHTML = '<i class="bi bi-calendar3" aria-hidden="true"></i>';
      button.addEventListener("click", function () {
        var open = button.parentNode.querySelector(".dc-calendar");
        if (open) { open.remove(); } else { calendar(input, button); }
      });
      input.after(button);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.detail.elt); });
})();
