// Filters for paper tables (<div class="survey-table">): a text box, "has code" and a year menu.
// Built here, so a page read without scripts shows the plain table and no dead controls. Each row's
// first cell holds <span class="survey-row" data-year="2024" data-code="1">, written by the generator.
// Sorting stays with tablesort (tablesort-init.js); hidden rows keep their place when a column sorts.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text;
    return node;
  }

  function setup(box, index) {
    var table = box.querySelector("table");
    if (!table || !table.tBodies.length || box.hasAttribute("data-filter-ready")) return;
    box.setAttribute("data-filter-ready", "");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).map(function (row) {
      var marker = row.querySelector(".survey-row");
      return {
        row: row,
        year: marker ? marker.getAttribute("data-year") : "",
        code: marker ? marker.getAttribute("data-code") === "1" : false,
        text: fold(row.textContent)
      };
    });
    var years = {};
    rows.forEach(function (r) { years[r.year] = true; });

    var id = "survey-filter-" + index;
    var form = element("form", { "class": "survey-filter", role: "search", "aria-label": "Filter the table" });
    var input = element("input", { type: "search", id: id + "-text", placeholder: "Filter by title, venue, topic…",
                                    "aria-label": "Filter rows by text", autocomplete: "off" });
    var code = element("input", { type: "checkbox", id: id + "-code" });
    var codeLabel = element("label", { "for": id + "-code" });
    codeLabel.appendChild(code);
    codeLabel.appendChild(document.createTextNode(" has code"));
    var year = element("select", { id: id + "-year", "aria-label": "Year" });
    year.appendChild(element("option", { value: "*" }, "All years"));
    Object.keys(years).filter(function (y) { return y; }).sort().reverse().forEach(function (y) {
      year.appendChild(element("option", { value: y }, y));
    });
    if (years[""]) year.appendChild(element("option", { value: "" }, "Undated"));
    var count = element("output", { "for": id + "-text", "aria-live": "polite" });
    [input, codeLabel, year, count].forEach(function (node) { form.appendChild(node); });

    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (r) {
        var keep = (!code.checked || r.code) && (year.value === "*" || r.year === year.value) &&
          words.every(function (w) { return r.text.indexOf(w) !== -1; });
        r.row.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = shown === rows.length ? rows.length + " papers" : shown + " of " + rows.length + " papers";
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", apply);
    code.addEventListener("change", apply);
    year.addEventListener("change", apply);
    box.insertBefore(form, box.firstChild);
    apply();
  }

  document$.subscribe(function () {
    document.querySelectorAll(".survey-table").forEach(setup);
  });
})();
