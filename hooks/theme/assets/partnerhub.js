// partnerhub: catalogue filters (lists stay complete without JavaScript) and e-mail links
// assembled at run time so that addresses are not plain text in the HTML.
(function () {
  "use strict";

  // A catalogue's filters: each <select data-ph-filter="NAME"> keeps the list items whose
  // data-NAME attribute (space-separated values) holds the chosen value. Every option shows
  // how many items it would leave given the other choices (options that would leave none are
  // disabled); the choices live in the URL (?country=GR&network=…), so a filtered list can
  // be reloaded, bookmarked and shared. Map points and map list entries ([data-ph-map-item])
  // follow the same filters.
  function setupFilters(form) {
    var list = document.querySelector("[data-ph-list]");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll(":scope > li, :scope > tbody > tr"));
    var mapItems = Array.prototype.slice.call(document.querySelectorAll("[data-ph-map-item]"));
    var mapGroups = Array.prototype.slice.call(document.querySelectorAll("[data-ph-map-group]"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-ph-filter]"));
    var box = form.closest("[data-ph-filters-box]");
    var count = (box || form).parentNode.querySelector("[data-ph-count]");
    var lang = document.documentElement.lang || undefined;

    selects.forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        option.setAttribute("data-label", option.textContent);
      });
    });

    function values(item, name) {
      return (item.getAttribute("data-" + name) || "").split(" ");
    }

    function matches(item, except) {
      return selects.every(function (select) {
        return select === except || !select.value || values(item, select.name).indexOf(select.value) !== -1;
      });
    }

    function updateOptions() {
      selects.forEach(function (select) {
        var counts = {};
        items.forEach(function (item) {
          if (!matches(item, select)) return;
          values(item, select.name).forEach(function (v) { if (v) counts[v] = (counts[v] || 0) + 1; });
        });
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var n = counts[option.value] || 0;
          option.textContent = option.getAttribute("data-label") + " (" + n.toLocaleString(lang) + ")";
          option.disabled = n === 0 && option.value !== select.value;
        });
      });
    }

    function apply(updateUrl) {
      var shown = 0;
      items.forEach(function (item) {
        var ok = matches(item, null);
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      mapItems.forEach(function (item) {
        var ok = matches(item, null);
        if (item instanceof SVGElement) {
          if (ok) item.removeAttribute("visibility"); else item.setAttribute("visibility", "hidden");
          if (ok) item.removeAttribute("tabindex"); else item.setAttribute("tabindex", "-1");
          item.setAttribute("aria-hidden", ok ? "false" : "true");
        } else {
          item.hidden = !ok;
        }
      });
      mapGroups.forEach(function (group) {
        var visible = group.querySelectorAll("[data-ph-map-item]:not([hidden])").length;
        var counter = group.querySelector("[data-ph-map-count]");
        if (counter) counter.textContent = visible.toLocaleString(lang);
        group.hidden = visible === 0;
      });
      updateOptions();
      if (count) {
        var template = shown === 1 ? count.dataset.templateOne : count.dataset.templateOther;
        count.textContent = template.replace("{count}", shown.toLocaleString(lang));
      }
      if (updateUrl) {
        var params = new URLSearchParams(location.search);
        selects.forEach(function (select) {
          if (select.value) params.set(select.name, select.value); else params.delete(select.name);
        });
        var query = params.toString();
        history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    function fromUrl() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var known = wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
        select.value = known ? wanted : "";
      });
    }

    selects.forEach(function (select) {
      select.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        selects.forEach(function (select) { select.value = ""; });
        apply(true);
      }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // the URL decides, not the values a browser restores into the form on reload
    window.addEventListener("pageshow", function () { fromUrl(); apply(false); });
    window.addEventListener("popstate", function () { fromUrl(); apply(false); });
    fromUrl();
    form.hidden = false;
    if (box) {
      // open on a wide screen, or when the URL sets a filter; closed on a phone (the list first)
      box.hidden = false;
      box.open = window.matchMedia("(min-width: 45em)").matches || selects.some(function (s) { return !!s.value; });
    }
    apply(false);
  }

  // Map: hovering or focusing a link in the map's list lights up its point; the link that
  // skips to the list (a closed <details>) opens it.
  function setupMaps() {
    document.querySelectorAll("[data-ph-map]").forEach(function (map) {
      var skip = map.querySelector(".ph-map__skip");
      var list = map.querySelector("details.ph-map__list");
      if (skip && list) skip.addEventListener("click", function () { list.open = true; });
      function light(event, on) {
        var link = event.target.closest && event.target.closest(".ph-map__list a[href]");
        if (!link) return;
        var href = link.getAttribute("href");
        map.querySelectorAll(".ph-map__point").forEach(function (point) {
          if (point.getAttribute("href") === href) point.classList.toggle("ph-map__point--lit", on);
        });
      }
      map.addEventListener("mouseover", function (e) { light(e, true); });
      map.addEventListener("mouseout", function (e) { light(e, false); });
      map.addEventListener("focusin", function (e) { light(e, true); });
      map.addEventListener("focusout", function (e) { light(e, false); });
    });
  }

  function setupEmails() {
    document.querySelectorAll(".ph-email[data-user][data-domain]").forEach(function (el) {
      var address = el.dataset.user + "@" + el.dataset.domain;
      var link = document.createElement("a");
      link.href = "mailto:" + address;
      link.textContent = address;
      el.textContent = "";
      el.appendChild(link);
    });
  }

  function init() {
    document.querySelectorAll("[data-ph-filters]").forEach(setupFilters);
    setupEmails();
    setupMaps();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
