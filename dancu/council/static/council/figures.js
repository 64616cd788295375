// Sessions by kind on the council figures page (data from json_script; CSP forbids inline code).
(function () {
  "use strict";
  var source = document.getElementById("council-chart-data");
  var canvas = document.getElementById("council-chart");
  if (!source || !canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: { labels: data.labels, datasets: [{ label: data.title, data: data.values, backgroundColor: "#0d6efd" }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
})();
