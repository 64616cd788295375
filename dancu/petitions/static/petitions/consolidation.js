// The consolidation screen's keyboard (no inline scripts: CSP). j/k move between the cards,
// x ticks the current card, m merges the ticked petitions into the current card (unless
// another card is chosen as the target), s splits off the ticked opinions, e edits the current
// card's wording, ? shows the keys. Keys are ignored while typing in a field.
(function () {
  "use strict";
  var current = null; // the id of the current card, kept across htmx swaps

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("[data-card]")); }
  function card() { return current ? document.getElementById("card-" + current) : null; }

  function choose(next, focus) {
    cards().forEach(function (c) { c.classList.remove("is-current"); c.removeAttribute("aria-current"); });
    if (!next) { current = null; return; }
    current = next.dataset.card;
    next.classList.add("is-current");
    next.setAttribute("aria-current", "true");
    if (focus) {
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: "nearest" });
    }
  }

  function typing(el) {
    if (!el || el.isContentEditable) { return false; }
    if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") { return true; }
    return el.tagName === "INPUT" && el.type !== "checkbox" && el.type !== "radio";
  }

  function click(id) {
    var button = document.getElementById(id);
    if (button) { button.click(); }
  }

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("[data-consolidation]")) { return; }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape") {
      var open = document.querySelector("details.edit-wording[open]");
      if (open) { open.open = false; var c = open.closest("[data-card]"); if (c) { choose(c, true); } }
      return;
    }
    if (typing(event.target)) { return; }
    var list = cards();
    var at = list.indexOf(card());
    var here = card();
    switch (event.key) {
      case "j":
        choose(list[Math.min(at + 1, list.length - 1)] || list[0], true);
        break;
      case "k":
        choose(list[Math.max(at - 1, 0)] || list[0], true);
        break;
      case "x":
        if (!here) { choose(list[0], true); here = card(); }
        if (here) {
          var box = here.querySelector("input[name=petition]");
          box.checked = !box.checked;
          box.dispatchEvent(new Event("change", { bubbles: true }));
        }
        break;
      case "m":
        if (here && !document.querySelector("input[name=target]:checked")) {
          here.querySelector("input[name=target]").checked = true;
        }
        click("merge-button");
        break;
      case "s":
        click("split-button");
        break;
      case "e":
        if (!here) { choose(list[0], true); here = card(); }
        if (here) {
          var details = here.querySelector("details.edit-wording");
          details.open = true;
          var area = details.querySelector("textarea");
          area.focus();
          area.setSelectionRange(area.value.length, area.value.length);
        }
        break;
      case "?":
        var help = document.getElementById("consolidation-keys");
        if (help) { help.hidden = !help.hidden; }
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // Clicking or tabbing into a card makes it the current one.
  document.addEventListener("focusin", function (event) {
    var c = event.target.closest && event.target.closest("[data-card]");
    if (c && c.dataset.card !== current) { choose(c, false); }
  });

  // After an action the body is swapped: the same card stays current (or the first one).
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.target || !event.target.matches || !event.target.matches("[data-consolidation]")) { return; }
    var invalid = event.target.querySelector("details.edit-wording[open] textarea.is-invalid");
    if (invalid) { invalid.focus(); return; }
    var again = card() || cards()[0];
    if (again) { choose(again, true); }
  });
})();
