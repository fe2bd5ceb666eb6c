// partnerhub: catalogue filters (lists stay complete without JavaScript) and e-mail links
// assembled at run time so that addresses are not plain text in the HTML.
(function () {
  "use strict";

  function setupFilters(form) {
    var list = document.querySelector("[data-ph-list]");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-ph-list] > li, [data-ph-list] tbody > tr"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-ph-filter]"));
    var count = form.querySelector("[data-ph-count]");

    function attr(name) { return "data-" + name; }

    function apply(updateUrl) {
      var shown = 0;
      items.forEach(function (item) {
        var ok = selects.every(function (select) {
          if (!select.value) return true;
          var values = (item.getAttribute(attr(select.name)) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) {
        var template = shown === 1 ? count.dataset.templateOne : count.dataset.templateOther;
        count.textContent = template.replace("{count}", shown.toLocaleString(document.documentElement.lang));
      }
      if (updateUrl) {
        var params = new URLSearchParams();
        selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
      select.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
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
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
