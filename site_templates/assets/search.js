/* Search in Material's header, over the Pagefind index that `survey build` writes into pagefind/.
 *
 * The markup and CSS are Material's own search (overrides/partials/search.html), so the box sits in
 * the header, opens as Material's panel (full screen on phones) and follows the light/dark palette.
 * Pagefind (pagefind/pagefind.js and its WebAssembly) loads on first use, not with every page.
 * Keyboard: "/" or "s" opens and focuses the box; arrows move through results; Enter opens one;
 * Esc closes. Every keystroke starts a new search and only the newest one is ever rendered, so a
 * hyphen, a slow chunk or a fast typist never leaves stale results on screen.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-survey-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;

  var input = root.querySelector(".md-search__input");
  var form = root.querySelector(".md-search__form");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var scroll = root.querySelector(".md-search__scrollwrap");

  // Names and titles are weighted inside each record (generator/search.py); Pagefind's extra boost
  // for metadata matches is off, because it counts every word that merely starts with the query.
  var RANKING = { metaWeights: { title: 0.0, names: 0.0, info: 0.0 } };
  var EXCERPT = 24; // words
  var PAGE = 10; // results rendered at once; more as the list scrolls (each costs one small fetch)

  var pagefind = null;
  var loading = null;
  var latest = 0; // number of the newest search; older ones are dropped when they finish
  var results = [];
  var shown = 0;
  var active = -1;
  var chain = Promise.resolve(); // batches render one after another, in rank order

  function text(key, n) {
    return (root.getAttribute("data-text-" + key) || "").replace("#", String(n));
  }

  function load() {
    if (!loading) {
      var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI).href;
      // A large survey's index comes in parts (parts.json names the folders after the first);
      // each is merged into the first, which brings the script and WebAssembly for all of them.
      var parts = fetch(bundle + "parts.json").then(function (response) {
        if (!response.ok) throw new Error("parts.json: HTTP " + response.status);
        return response.json();
      });
      loading = Promise.all([import(bundle + "pagefind.js"), parts]).then(function (loaded) {
        // No worker: one script less to download; searching this index takes milliseconds.
        var instance = loaded[0].createInstance({ noWorker: true, ranking: RANKING, excerptLength: EXCERPT });
        return Promise.all(loaded[1].parts.map(function (part) {
          return instance.mergeIndex(new URL(part, bundle).href, { ranking: RANKING, excerptLength: EXCERPT });
        })).then(function () {
          pagefind = instance;
          return pagefind;
        });
      });
      loading.catch(function (error) {
        meta.textContent = text("error");
        loading = null;
        console.warn("survey search:", error);
      });
    }
    return loading;
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    load();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function clear() {
    latest += 1;
    results = [];
    shown = 0;
    select(-1);
    list.textContent = "";
    root.removeAttribute("data-shown-query");
    meta.textContent = text("placeholder");
    input.setAttribute("aria-expanded", "false");
  }

  function search() {
    // NFKC folds what the index folds too: H₂O -> H2O, full-width letters, ligatures.
    var query = input.value.normalize("NFKC").trim();
    var mine = ++latest;
    if (!query) {
      clear();
      return;
    }
    load().then(function (pf) {
      return pf.search(query);
    }).then(function (found) {
      if (mine !== latest || !found) return; // a newer keystroke owns the list now
      results = found.results;
      shown = 0;
      chain = Promise.resolve();
      select(-1);
      list.textContent = "";
      meta.textContent = results.length === 0 ? text("none")
        : results.length === 1 ? text("one") : text("other", results.length);
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      return more(mine).then(function () {
        if (mine === latest) root.setAttribute("data-shown-query", query); // tests wait on this
      });
    }).catch(function (error) {
      if (mine === latest) meta.textContent = text("error");
      console.warn("survey search:", error);
    });
  }

  // Render the next page of results: their fragments load in parallel and are placed in rank order.
  function more(mine) {
    chain = chain.then(function () {
      if (mine !== latest || shown >= results.length) return;
      var batch = results.slice(shown, shown + PAGE);
      shown += batch.length;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
        if (mine !== latest) return;
        datas.forEach(function (data) { list.appendChild(item(data)); });
      });
    });
    return chain;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.setAttribute("role", "option");
    li.id = "survey-search-" + list.children.length;
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var title = document.createElement("h1");
    title.textContent = data.meta.title || data.url; // metadata is plain text: never parsed as HTML
    article.appendChild(icon);
    article.appendChild(title);
    if (data.meta.info) {
      var info = document.createElement("p");
      info.className = "survey-search-info";
      info.textContent = data.meta.info;
      article.appendChild(info);
    }
    var text = body(data);
    if (text) {
      var excerpt = document.createElement("p");
      // Built from escaped words and our own marks only.
      excerpt.innerHTML = text;
      article.appendChild(excerpt);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  // An excerpt from the text after the title and names (the abstract, the note): Pagefind's own
  // would mostly repeat the title, the record's most heavily weighted words.
  function body(data) {
    var words = data.content.split(/\s+/);
    var lead = count(data.meta.title) + count(data.meta.names);
    if (words.length <= lead) return ""; // nothing beyond the title (glossary entries)
    var hits = data.locations.filter(function (at) { return at >= lead; });
    var start = hits.length ? Math.max(lead, Math.min(hits[0] - 4, words.length - EXCERPT)) : lead;
    var marked = {};
    hits.forEach(function (at) { marked[at] = true; });
    var out = [];
    for (var i = start; i < Math.min(words.length, start + EXCERPT); i++) {
      out.push(marked[i] ? "<mark>" + escape(words[i]) + "</mark>" : escape(words[i]));
    }
    return (start > lead ? "… " : "") + out.join(" ") + (start + EXCERPT < words.length ? " …" : "");
  }

  // Pagefind hands content back as plain text (entities decoded): escape every word we show.
  function escape(word) {
    return word.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function count(text) {
    return text ? text.trim().split(/\s+/).length : 0;
  }

  function select(index) {
    var items = list.children;
    if (active >= 0 && items[active]) {
      items[active].removeAttribute("aria-selected");
      items[active].classList.remove("survey-search-active");
    }
    active = index;
    if (active >= 0 && items[active]) {
      items[active].setAttribute("aria-selected", "true");
      items[active].classList.add("survey-search-active");
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", function () {
    load();
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { clear(); input.focus(); }, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      // After Material's CSS has shown the box, unless it was closed meanwhile (a quick Escape):
      // focusing a closed box would open it again.
      setTimeout(function () { if (toggle.checked) input.focus(); }, 0);
    }
  });
  scroll.addEventListener("scroll", function () {
    if (shown < results.length && scroll.scrollTop + scroll.clientHeight >= scroll.scrollHeight - 48) {
      more(latest);
    }
  });

  input.addEventListener("keydown", function (event) {
    var count = list.children.length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      select(Math.min(active + 1, count - 1));
      if (active >= count - 2 && shown < results.length) more(latest);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      select(Math.max(active - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      var target = list.children[active >= 0 ? active : 0];
      if (target) window.location.href = target.querySelector("a").href;
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var el = document.activeElement;
    var typing = el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) {
      event.preventDefault();
      open();
    } else if (event.key === "Escape" && toggle.checked && el !== input) {
      close();
    }
  });
})();
