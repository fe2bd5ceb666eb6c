// partnerhub: site search with Pagefind's UI in a modal dialog.
//
// The index and the UI live in the site's own /pagefind/ folder (one index per language;
// pagefind.js picks the one of <html lang>). Nothing is loaded until the dialog is first
// opened; nothing comes from another host. The dialog is a native <dialog>: it keeps focus
// inside while open, closes with Escape, and gives focus back to the search button.
(function () {
  "use strict";

  var root = document.querySelector("[data-ph-search]");
  if (!root || typeof HTMLDialogElement === "undefined") return;
  var opener = root.querySelector("[data-ph-search-open]");
  var dialog = root.querySelector("dialog");
  var closer = root.querySelector("[data-ph-search-close]");
  var mount = root.querySelector("[data-ph-search-ui]");
  // The site's root, from this page (relative, so the site works under any base path).
  var siteRoot = new URL(root.getAttribute("data-ph-root") || "./", location.href);
  var bundle = new URL("pagefind/", siteRoot);
  var ui = null;
  var loading = null;
  var returnFocus = null;

  var modeBox = root.querySelector("[data-ph-search-mode]");
  var fullText = root.querySelector("[data-ph-search-full]");
  var lightBundle = null;

  function makeUI(bundleUrl, query) {
    if (ui) {
      ui.destroy();
      mount.textContent = "";
    }
    ui = new window.PagefindUI({
      element: mount,
      bundlePath: bundleUrl.pathname,
      baseUrl: siteRoot.pathname,
      showImages: false,
      showSubResults: true,
      excerptLength: 24,
      resetStyles: false,
      autofocus: true,
      processTerm: function (term) {
        return term.normalize("NFC");
      }
    });
    if (query) ui.triggerSearch(query);
    return ui;
  }

  function load() {
    if (loading) return loading;
    var assets = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("pagefind-ui.css", bundle).href;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = new URL("pagefind-ui.js", bundle).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    // partnerhub.json (written with the index) says whether a light index exists: a large
    // hub starts with it, and the full text is one checkbox away.
    var config = fetch(new URL("partnerhub.json", bundle).href).then(function (response) {
      return response.ok ? response.json() : {};
    }).catch(function () { return {}; });
    loading = Promise.all([assets, config]).then(function (results) {
      var settings = results[1] || {};
      if (settings.light && modeBox && fullText) {
        lightBundle = new URL(settings.light, bundle);
        modeBox.hidden = false;
        fullText.checked = false;
        fullText.addEventListener("change", function () {
          var input = mount.querySelector("input");
          makeUI(fullText.checked ? bundle : lightBundle, input ? input.value : "");
        });
      }
      return makeUI(lightBundle || bundle, "");
    });
    return loading;
  }

  function focusInput() {
    var input = mount.querySelector("input");
    if (input) {
      input.focus();
      input.select();
      return true;
    }
    return false;
  }

  function open() {
    var active = document.activeElement;
    returnFocus = active && active !== document.body && !dialog.contains(active) ? active : opener;
    if (!dialog.open) dialog.showModal();
    document.documentElement.classList.add("ph-search-open");
    load().then(function () {
      // the UI renders asynchronously: wait for its input
      var tries = 0;
      (function wait() {
        if (!focusInput() && tries++ < 50) setTimeout(wait, 20);
      })();
    }, function () {
      mount.textContent = mount.getAttribute("data-ph-error") || "Search is not available.";
    });
  }

  function close() {
    if (dialog.open) dialog.close();
  }

  dialog.addEventListener("close", function () {
    document.documentElement.classList.remove("ph-search-open");
    (returnFocus && document.contains(returnFocus) ? returnFocus : opener).focus();
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) close();
  });
  // Following a result closes the dialog, so that "back" shows the page, not the dialog.
  mount.addEventListener("click", function (event) {
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
})();
