// The petitions dashboard's charts (Chart.js, vendored). The figures come from the page
// (json_script), counted as the list filters count; each bar opens the filtered list.
(function () {
  "use strict";
  var node = document.getElementById("petitions-chart-data");
  if (!node || typeof Chart === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  var box = document.getElementById("petitions-charts");
  var list = (box && box.dataset.list) || "";
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var series = data[canvas.dataset.chart];
    if (!series) { return; }
    var type = canvas.dataset.type || "bar";
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: type === "doughnut" } },
      onClick: function (_event, elements) {
        if (!elements.length || !series.filters) { return; }
        window.location.href = list + "?" + series.filters[elements[0].index];
      }
    };
    if (type !== "doughnut") {
      options.scales = { y: { beginAtZero: true, ticks: { precision: 0 } } };
      if (canvas.dataset.horizontal) { options.indexAxis = "y"; options.scales = { x: { beginAtZero: true, ticks: { precision: 0 } } }; }
    }
    new Chart(canvas, {
      type: type,
      data: { labels: series.labels, datasets: [{ label: canvas.getAttribute("aria-label"), data: series.data }] },
      options: options
    });
  });
})();
