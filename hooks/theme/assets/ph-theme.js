// partnerhub: the theme's behaviour on top of Material's script (hooks/theme/partials/).
//
// - The menu button opens Material's navigation drawer (its state stays in Material's
//   hidden checkbox #__drawer): aria-expanded follows it, focus moves into the open drawer,
//   Escape or a focus outside closes it and gives focus back. While closed, the drawer is
//   hidden with CSS (visibility), so its links are no Tab stops off screen.
// - The language switcher is a disclosure: a button shows and hides the list.
// - Sections of the navigation (a label that opens a nested list) are buttons for assistive
//   technology, and open with Enter or Space.
// - The in-page table of contents (partials/content.html) moves after the page's title.
// - Tables get each cell's column name (data-label), shown beside the value when a small
//   screen stacks the rows (assets/partnerhub.css), and explicit table roles, which a
//   stacked table would otherwise lose in some browsers.
(function () {
  "use strict";

  function setupMenu() {
    var drawer = document.querySelector("[data-md-toggle=drawer]");
    var button = document.querySelector("[data-ph-menu]");
    var panel = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!drawer || !button || !panel) return;
    var fallback = document.querySelector(".ph-header__menu--nojs");
    var closer = panel.querySelector("[data-ph-menu-close]");
    if (fallback) fallback.hidden = true;
    button.hidden = false;
    if (closer) closer.hidden = false;

    function isOpen() { return drawer.checked; }
    function set(open) { if (drawer.checked !== open) drawer.click(); }
    function sync() { button.setAttribute("aria-expanded", isOpen() ? "true" : "false"); }

    drawer.addEventListener("change", function () {
      sync();
      if (isOpen()) {
        var first = panel.querySelector(".md-nav__list a[href], .md-nav__list [tabindex='0']");
        // after the slide-in, when the drawer is visible and can take focus
        setTimeout(function () { if (isOpen() && first) first.focus(); }, 50);
      }
    });
    button.addEventListener("click", function () { set(!isOpen()); });
    if (closer) closer.addEventListener("click", function () { set(false); button.focus(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen() && button.offsetParent !== null) {
        set(false);
        button.focus();
      }
    });
    document.addEventListener("focusin", function (event) {
      if (isOpen() && !panel.contains(event.target) && event.target !== button) set(false);
    });
    // no autocomplete="off" on the checkbox (invalid HTML): a page restored from the
    // history starts with the drawer closed
    window.addEventListener("pageshow", function () {
      if (isOpen()) { drawer.checked = false; drawer.dispatchEvent(new Event("change")); }
      sync();
    });
    sync();
  }

  function setupLanguages() {
    document.querySelectorAll("[data-ph-lang]").forEach(function (box) {
      var button = box.querySelector("button[aria-controls]");
      var list = document.getElementById(button.getAttribute("aria-controls"));
      if (!list) return;
      box.classList.add("ph-lang--js");
      function set(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        list.hidden = !open;
      }
      set(false);
      button.addEventListener("click", function () { set(list.hidden); });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !list.hidden) { set(false); button.focus(); }
      });
      document.addEventListener("click", function (event) { if (!box.contains(event.target)) set(false); });
      box.addEventListener("focusout", function (event) {
        if (event.relatedTarget && !box.contains(event.relatedTarget)) set(false);
      });
    });
  }

  function setupNavSections() {
    document.querySelectorAll("input.md-nav__toggle[id]").forEach(function (toggle) {
      var labels = document.querySelectorAll("label[for='" + toggle.id + "']");
      Array.prototype.forEach.call(labels, function (label) {
        if (!label.classList.contains("md-nav__link")) return;
        label.setAttribute("role", "button");
        var nested = label.parentElement && label.parentElement.querySelector("nav[aria-expanded]");
        if (nested) nested.removeAttribute("aria-expanded");
        function sync() { label.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
        toggle.addEventListener("change", sync);
        sync();
        operable(label, function () { toggle.click(); });
      });
      // On small screens an open section covers the drawer; its title leads back.
      var nested = document.querySelector("nav[aria-labelledby='" + toggle.id + "_label']");
      var back = nested && nested.querySelector(":scope > label.md-nav__title[for='" + toggle.id + "']");
      var opener = document.getElementById(toggle.id + "_label");
      if (back) {
        back.setAttribute("tabindex", "0");
        back.setAttribute("role", "button");
        var word = document.querySelector("[data-ph-back]");
        if (word) back.setAttribute("aria-label", word.getAttribute("data-ph-back") + ": " + back.textContent.trim());
        operable(back, function () {
          toggle.click();
          if (opener) opener.focus();
        });
      }
    });
  }

  // Enter and Space work a label that stands for a button (Material's script would also
  // click it on Enter: the event stops here).
  function operable(label, action) {
    label.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        event.stopPropagation();
        action();
      }
    });
  }

  function setupTables() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.setAttribute("role", "table");
      table.querySelectorAll("thead, tbody").forEach(function (g) { g.setAttribute("role", "rowgroup"); });
      table.querySelectorAll("tr").forEach(function (tr) {
        tr.setAttribute("role", "row");
        Array.prototype.forEach.call(tr.children, function (cell, i) {
          if (cell.tagName === "TH") {
            cell.setAttribute("role", cell.getAttribute("scope") === "row" ? "rowheader" : "columnheader");
          } else {
            cell.setAttribute("role", "cell");
            if (!cell.hasAttribute("data-label") && heads[i]) cell.setAttribute("data-label", heads[i]);
          }
        });
      });
      table.classList.add("ph-table--labelled");
    });
  }

  // The in-page table of contents (small screens) belongs after the page's title.
  function placeInlineToc() {
    var box = document.querySelector(".ph-toc-inline");
    var main = box && box.closest("main");
    var title = main && main.querySelector("h1");
    if (title && title.parentNode && !(box.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_PRECEDING)) {
      title.parentNode.insertBefore(box, title.nextSibling);
    }
  }

  function init() {
    placeInlineToc();
    setupMenu();
    setupLanguages();
    setupNavSections();
    setupTables();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
