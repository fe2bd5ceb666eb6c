// partnerhub: site search in a modal dialog, on Pagefind's index with the hub's own interface.
//
// The index lives in the site's own /pagefind/ folder (one per language; pagefind.js picks
// the one of <html lang>). Nothing is loaded until the dialog is first opened (or the page's
// URL carries a query); nothing comes from another host. The dialog is a native <dialog>:
// it keeps focus inside while open, closes with Escape and gives focus back.
//
// - Results come first; the filters follow in a closed <details>, in one order for every
//   language (pagefind/partnerhub.json: filter_order), fetched when first opened.
// - The query and the filters are in the page's URL (?q=…&f=Name:Value), restored on load.
// - The number of results is announced by a live region (role="status").
// - Excerpts are built here from the page's indexed text, in the page's language, without
//   the hidden names and search keys (partnerhub/search/folded.py says how many words).
// - Greek typed in Latin letters or with a vowel slip: where the index has search keys
//   (partnerhub.json: folded), the query's key is searched too (in the light index alone,
//   when the query has no Latin letters or digits). The key is computed with the tables of partnerhub/text.py
//   (partnerhub.json: folding), in the same order.
// - Pagefind runs without its worker (noWorker): one copy of its script is downloaded.
(function () {
  "use strict";

  var root = document.querySelector("[data-ph-search]");
  if (!root || typeof HTMLDialogElement === "undefined") return;
  var opener = root.querySelector("[data-ph-search-open]");
  var dialog = root.querySelector("dialog");
  var closer = root.querySelector("[data-ph-search-close]");
  var input = root.querySelector("[data-ph-search-input]");
  var status = root.querySelector("[data-ph-search-status]");
  var list = root.querySelector("[data-ph-search-results]");
  var more = root.querySelector("[data-ph-search-more]");
  var filterBox = root.querySelector("[data-ph-search-filters]");
  var filterGroups = root.querySelector("[data-ph-search-filter-groups]");
  var filterCount = root.querySelector("[data-ph-search-filter-count]");
  var clearFilters = root.querySelector("[data-ph-search-clear]");
  var modeBox = root.querySelector("[data-ph-search-mode]");
  var fullText = root.querySelector("[data-ph-search-full]");
  var lang = document.documentElement.lang || "en";
  // The site's root, from this page (relative, so the site works under any base path).
  var siteRoot = new URL(root.getAttribute("data-ph-root") || "./", location.href);
  var bundle = new URL("pagefind/", siteRoot);
  var PAGE = 10;
  var EXCERPT_WORDS = 28;

  var settings = {};
  var engines = {};
  var loading = null;
  var returnFocus = null;
  var generation = 0;
  var timer = null;
  var shown = [];
  var shownCount = 0;
  var selected = {}; // filter name -> [values]
  var filtersBuilt = false;

  // --- folding (the tables of partnerhub/text.py) -----------------------------------------
  function translate(text, table) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      out += Object.prototype.hasOwnProperty.call(table, c) ? table[c] : c;
    }
    return out;
  }
  function fold(text) {
    var t = settings.folding;
    var decomposed = translate(text, t.special).normalize("NFKD").replace(/[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "");
    return translate(decomposed.toLowerCase(), t.special);
  }
  function toAscii(text) {
    var t = settings.folding;
    var folded = fold(text);
    t.greek_pairs.forEach(function (pair) { folded = folded.split(pair[0]).join(pair[1]); });
    folded = translate(translate(folded, t.greek), t.cyrillic);
    return folded.replace(/[^a-z0-9]+/g, " ").trim();
  }
  function keyOf(text) {
    return toAscii(text).split(" ").filter(Boolean).map(function (word) {
      settings.folding.key_steps.forEach(function (step) { word = word.split(step[0]).join(step[1]); });
      return word.replace(/([a-z])\1+/g, "$1");
    }).join(" ");
  }

  // The query's key, where this language's index has keys, without the final vowels of its
  // longer words (partnerhub.text.QUERY_ENDING); one-letter keys left out: a key of "jjjj"
  // is "j", and Pagefind would match every word starting with it.
  function queryKey(query) {
    if (!query || (settings.folded || []).indexOf(lang) < 0) return "";
    var ending = settings.folding.query_ending ? new RegExp(settings.folding.query_ending) : null;
    var shortest = settings.folding.query_ending_min_length || 6;
    return keyOf(query).split(" ").map(function (word) {
      // the final vowels (and an s or n after them) go: the key finds the inflections as a prefix
      return ending && word.length >= shortest ? word.replace(ending, "") : word;
    }).filter(function (word) { return word.length > 1; }).join(" ");
  }

  // --- loading -----------------------------------------------------------------------------
  function engine(url) {
    var key = url.href;
    if (!engines[key]) {
      engines[key] = import(new URL("pagefind.js", url).href).then(function (pagefind) {
        // noWorker: the search runs beside the page instead of in pagefind-worker.js, a second
        // copy of Pagefind's script (41 KB) that the first query would download too
        return pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: EXCERPT_WORDS, noWorker: true }).then(function () {
          return pagefind.init();
        }).then(function () { return pagefind; });
      });
    }
    return engines[key];
  }
  function isLight() {
    return Boolean(settings.light && fullText && !fullText.checked);
  }
  function currentBundle() {
    return isLight() ? new URL(settings.light, bundle) : bundle;
  }
  function load() {
    if (loading) return loading;
    loading = fetch(new URL("partnerhub.json", bundle).href).then(function (response) {
      return response.ok ? response.json() : {};
    }).catch(function () { return {}; }).then(function (config) {
      settings = config || {};
      if (!settings.folding) settings.folding = { special: {}, greek_pairs: [], greek: {}, cyrillic: {}, key_steps: [] };
      if (settings.light && modeBox && fullText) {
        modeBox.hidden = false;
        fullText.checked = false;
        fullText.addEventListener("change", function () {
          status.removeAttribute("data-query");
          (filtersBuilt ? buildFilters() : Promise.resolve()).then(search);
        });
      }
      // The filters' values are fetched when the filters are first opened (or the URL sets
      // one): a first query does not pay for them.
      filterBox.hidden = false;
      filterBox.addEventListener("toggle", function () {
        if (filterBox.open && !filtersBuilt) buildFilters();
      });
      return Object.keys(selected).length ? buildFilters() : null;
    });
    return loading;
  }

  // --- filters -----------------------------------------------------------------------------
  function order(names) {
    var wanted = (settings.filter_order || {})[lang] || [];
    return names.slice().sort(function (a, b) {
      var ia = wanted.indexOf(a), ib = wanted.indexOf(b);
      if (ia < 0) ia = wanted.length;
      if (ib < 0) ib = wanted.length;
      return ia - ib || a.localeCompare(b, lang);
    });
  }
  function buildFilters() {
    filtersBuilt = true;
    return engine(currentBundle()).then(function (pagefind) {
      return pagefind.filters();
    }).then(function (available) {
      filterGroups.textContent = "";
      var collator = new Intl.Collator(lang, { numeric: true });
      order(Object.keys(available || {})).forEach(function (name, index) {
        var values = Object.keys(available[name]);
        if (!values.length) return;
        values.sort(collator.compare);
        var group = document.createElement("details");
        group.className = "ph-search__filter";
        var summary = document.createElement("summary");
        summary.textContent = name;
        group.appendChild(summary);
        var fieldset = document.createElement("fieldset");
        var legend = document.createElement("legend");
        legend.className = "ph-visually-hidden";
        legend.textContent = name;
        fieldset.appendChild(legend);
        values.forEach(function (value, i) {
          var id = "ph-filter-" + index + "-" + i;
          var row = document.createElement("div");
          row.className = "ph-search__option";
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = id;
          box.value = value;
          box.setAttribute("data-filter", name);
          box.checked = (selected[name] || []).indexOf(value) >= 0;
          if (box.checked) group.open = true;
          box.addEventListener("change", onFilter);
          var label = document.createElement("label");
          label.htmlFor = id;
          label.textContent = value;
          row.appendChild(box);
          row.appendChild(label);
          fieldset.appendChild(row);
        });
        group.appendChild(fieldset);
        filterGroups.appendChild(group);
      });
      if (Object.keys(selected).length) filterBox.open = true;
      showFilterCount();
    });
  }
  function onFilter() {
    selected = {};
    filterGroups.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      (selected[name] = selected[name] || []).push(box.value);
    });
    showFilterCount();
    search();
  }
  function showFilterCount() {
    var n = 0;
    Object.keys(selected).forEach(function (name) { n += selected[name].length; });
    filterCount.textContent = n ? "(" + n + ")" : "";
  }

  // --- the URL -----------------------------------------------------------------------------
  function readUrl() {
    var params = new URLSearchParams(location.search);
    selected = {};
    params.getAll("f").forEach(function (pair) {
      var at = pair.indexOf(":");
      if (at <= 0) return;
      var name = pair.slice(0, at);
      (selected[name] = selected[name] || []).push(pair.slice(at + 1));
    });
    return params.get("q") || "";
  }
  function writeUrl(query) {
    var url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("f");
    if (query !== null) {
      if (query) url.searchParams.set("q", query);
      Object.keys(selected).forEach(function (name) {
        selected[name].forEach(function (value) { url.searchParams.append("f", name + ":" + value); });
      });
    }
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  // --- searching ---------------------------------------------------------------------------
  function say(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (_m, name) { return values[name]; });
  }
  function announce(count, query) {
    status.setAttribute("data-query", query);  // which query the count is for (tests wait on it)
    if (!count) {
      status.textContent = say(status.getAttribute("data-none"), { query: query });
      return;
    }
    var form = new Intl.PluralRules(lang).select(count) === "one" ? "data-one" : "data-other";
    status.textContent = say(status.getAttribute(form), { count: count.toLocaleString(lang) });
  }
  function search() {
    var query = input.value.trim();
    var mine = ++generation;
    status.removeAttribute("data-query");
    if (dialog.open) writeUrl(input.value);
    var hasFilters = Object.keys(selected).length > 0;
    if (!query && !hasFilters) {
      list.textContent = "";
      more.hidden = true;
      status.textContent = "";
      return Promise.resolve();
    }
    var options = hasFilters ? { filters: selected } : {};
    var key = queryKey(query);
    return engine(currentBundle()).then(function (pagefind) {
      // In the light index (the first query of a large hub), a query without Latin letters or
      // digits is searched as its key alone: its words are all in the keyed scripts (Greek,
      // Cyrillic), every such word of a page is in the page's key blocks, and the key's
      // prefixes find the inflections; half the index chunks to download. The full text
      // searches the query as typed too (Pagefind's stemming finds a few more pages).
      var keyOnly = key && !/[A-Za-z0-9]/.test(query) && isLight();
      var searches = keyOnly ? [] : [pagefind.search(query || null, options)];
      if (key && key !== query.toLowerCase()) searches.push(pagefind.search(key, options));
      return Promise.all(searches);
    }).then(function (found) {
      if (mine !== generation) return;
      var byId = {};
      found.forEach(function (result) {
        (result && result.results || []).forEach(function (hit) {
          if (!byId[hit.id] || byId[hit.id].score < hit.score) byId[hit.id] = hit;
        });
      });
      shown = Object.keys(byId).map(function (id) { return byId[id]; }).sort(function (a, b) { return b.score - a.score; });
      shownCount = 0;
      list.textContent = "";
      announce(shown.length, query);
      return showMore(query, key, mine);
    }).catch(function () {
      if (mine === generation) status.textContent = status.getAttribute("data-error");
    });
  }
  function showMore(query, key, mine) {
    var batch = shown.slice(shownCount, shownCount + PAGE);
    shownCount += batch.length;
    more.hidden = shownCount >= shown.length;
    return Promise.all(batch.map(function (hit) { return hit.data(); })).then(function (pages) {
      if (mine !== generation) return;
      pages.forEach(function (data) { list.appendChild(result(data, query, key)); });
    });
  }
  function terms(query, key) {
    var folded = fold(query).split(/\s+/).filter(Boolean);
    var keys = key ? key.split(" ") : [];
    return { folded: folded, keys: keys };
  }
  function matches(word, wanted) {
    var f = fold(word).replace(/[^\p{L}\p{N}]+/gu, "");
    if (!f) return false;
    if (wanted.folded.some(function (t) { return t && f.indexOf(t) === 0; })) return true;
    if (!wanted.keys.length) return false;
    var k = keyOf(word);
    return !!k && wanted.keys.some(function (t) { return t && k.indexOf(t) === 0; });
  }
  function excerpt(data, query, key) {
    var words = (data.content || "").split(/\s+/).filter(Boolean);
    var trim = ((data.meta || {}).ph_trim || "0,0").split(",");
    var head = parseInt(trim[0], 10) || 0;
    var tail = (parseInt(trim[1], 10) || 0) + (parseInt((data.meta || {}).ph_trim_text, 10) || 0);
    words = words.slice(head, words.length - tail > head ? words.length - tail : words.length);
    var wanted = terms(query, key);
    var first = -1;
    for (var i = 0; i < words.length && first < 0; i++) if (matches(words[i], wanted)) first = i;
    var start = first < 0 ? 0 : Math.max(0, first - Math.floor(EXCERPT_WORDS / 3));
    var part = words.slice(start, start + EXCERPT_WORDS);
    var p = document.createElement("p");
    p.className = "ph-search__excerpt";
    if (start > 0) p.appendChild(document.createTextNode("… "));
    part.forEach(function (word, index) {
      if (index) p.appendChild(document.createTextNode(" "));
      if (query && matches(word, wanted)) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(word));
      }
    });
    if (start + EXCERPT_WORDS < words.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }
  function result(data, query, key) {
    var item = document.createElement("li");
    item.className = "ph-search__result";
    var link = document.createElement("a");
    link.className = "ph-search__result-link";
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    item.appendChild(link);
    var typeName = ((settings.filter_order || {})[lang] || [])[0];
    var type = typeName && data.meta && data.meta[typeName];
    if (type) {
      var badge = document.createElement("span");
      badge.className = "ph-search__type";
      badge.textContent = type;
      item.appendChild(badge);
    }
    item.appendChild(excerpt(data, query, key));
    return item;
  }

  // --- the dialog --------------------------------------------------------------------------
  function open() {
    var active = document.activeElement;
    returnFocus = active && active !== document.body && !dialog.contains(active) ? active : opener;
    if (!dialog.open) dialog.showModal();
    document.documentElement.classList.add("ph-search-open");
    input.focus();
    input.select();
    return load().then(function () {
      if (input.value || Object.keys(selected).length) return search();
    }, function () {
      status.textContent = status.getAttribute("data-error");
    });
  }
  function close() {
    if (dialog.open) dialog.close();
  }

  input.addEventListener("input", function () {
    status.removeAttribute("data-query");  // the count shown is no longer for what is typed
    clearTimeout(timer);
    timer = setTimeout(function () { load().then(search); }, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      load().then(search);
    }
  });
  more.addEventListener("click", function () {
    var query = input.value.trim();
    var key = queryKey(query);
    var next = list.children.length;
    showMore(query, key, generation).then(function () {
      var link = list.children[next] && list.children[next].querySelector("a");
      if (link) link.focus();
    });
  });
  clearFilters.addEventListener("click", function () {
    filterGroups.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) { box.checked = false; });
    onFilter();
  });
  dialog.addEventListener("close", function () {
    clearTimeout(timer);
    document.documentElement.classList.remove("ph-search-open");
    writeUrl(null);
    (returnFocus && document.contains(returnFocus) ? returnFocus : opener).focus();
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) close();
  });
  // Following a result closes the dialog, so that "back" shows the page, not the dialog.
  list.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) close();
  });
  opener.addEventListener("click", open);
  closer.addEventListener("click", close);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    event.stopPropagation();
    open();
  }, true);
  opener.hidden = false;
  // A link to a search (?q=… or ?f=…) opens the dialog with it.
  var initial = readUrl();
  if (initial || Object.keys(selected).length) {
    input.value = initial;
    open();
  }
})();
