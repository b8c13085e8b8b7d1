// Make every content table sortable (Material's instant navigation re-renders pages, hence document$).
// A cell may carry its sort key on a child element: <span data-sort="2.49">2.49×</span>.
document$.subscribe(function () {
  document.querySelectorAll("article table:not([class])").forEach(function (table) {
    table.querySelectorAll("td").forEach(function (cell) {
      var keyed = cell.querySelector("[data-sort]");
      if (keyed && !cell.hasAttribute("data-sort")) cell.setAttribute("data-sort", keyed.getAttribute("data-sort"));
    });
    if (!table.dataset.sortable) { new Tablesort(table); table.dataset.sortable = "1"; }
  });
});
