(function () {
  "use strict";
  var node = document.getElementById("petitions-chart-data");
  if (!node || typeof Chart === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var series = data[canvas.dataset.chart];
    if (!series) { return; }
    new Chart(canvas, {
      type: canvas.dataset.type || "bar",
      data: { labels: series.labels, datasets: [{ label: canvas.getAttribute("aria-label"), data: series.data }] },
      options: { responsive: true, plugins: { legend: { display: canvas.dataset.type === "doughnut" } } }
    });
  });
})();
