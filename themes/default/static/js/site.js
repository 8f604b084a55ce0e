/* huace default theme: progressive enhancement only; every page works without it. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  /* Scorecard filter: narrow the 十个一 table to one domain. */
  var table = document.querySelector("table.scorecard");
  var filter = document.getElementById("domain-filter");
  if (table && filter) {
    filter.addEventListener("change", function () {
      var v = filter.value;
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        tr.hidden = v !== "" && tr.getAttribute("data-domain") !== v;
      });
    });
  }
})();
