/* Review warning: a procedure whose last review is older than its period warns the reader, judged on
   the reader's own day, because a copied site may be read long after it was built. The build already
   adds the warning when the page was stale on the build day; the text matches stale_warning(). */
(function () {
  "use strict";
  function check() {
    var block = document.querySelector(".kb-lifecycle[data-reviewed]");
    if (!block || document.querySelector(".kb-stale")) return;
    var reviewed = block.getAttribute("data-reviewed");
    var days = Number(block.getAttribute("data-review-days"));
    if ((Date.now() - Date.parse(reviewed + "T00:00:00")) / 86400000 <= days) return;
    var parts = reviewed.split("-").map(Number);
    var warning = document.createElement("div");
    warning.className = "admonition warning kb-stale";
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "超过审核周期";
    var text = document.createElement("p");
    text.textContent = "本页最近审核于" + parts[0] + "年" + parts[1] + "月" + parts[2] + "日，已超过 " + days +
      " 天的审核周期，内容可能已不适用，请负责部门复核。";
    warning.appendChild(title);
    warning.appendChild(text);
    block.parentNode.insertBefore(warning, block);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();

/* The open search panel is a dialog: while it shows results, Tab and Shift+Tab move between the search box
   and the visible results and stay inside it, instead of closing the panel and leaving focus somewhere in
   the sidebar behind it. Escape still closes it (Material). Runs in the capture phase, before Material's own
   key handler. */
(function () {
  "use strict";
  window.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("__search");
    var dialog = document.querySelector(".md-search");
    // Focus in the box counts as open: Material opens the panel a moment after the box gets focus.
    if (!toggle || !dialog || !dialog.contains(document.activeElement)) return;
    if (!toggle.checked && !document.activeElement.matches(".md-search__input")) return;
    // Material sends every other key to the search box; a lone Shift (of Shift+Tab) must not move focus there.
    if (/^(Shift|Control|Alt|Meta)$/.test(event.key)) { event.stopImmediatePropagation(); return; }
    if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
    var stops = [dialog.querySelector(".md-search__input")].concat(Array.prototype.slice.call(
      dialog.querySelectorAll(".md-search-result :not(details) > a[href], .md-search-result summary, " +
                              ".md-search-result details[open] a[href]")))
      .filter(function (el) { return el && el.getClientRects().length; });
    event.preventDefault();
    event.stopImmediatePropagation();
    // With no results there is nothing to move between: close the panel and go on to what comes before or
    // after the search box on the page (not into the hidden result list, where the browser would go next).
    if (stops.length < 2) { leave(dialog, toggle, event.shiftKey); return; }
    var at = stops.indexOf(document.activeElement);
    stops[(at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length].focus();
  }, true);

  function leave(dialog, toggle, backwards) {
    var all = Array.prototype.slice.call(document.querySelectorAll(
      "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"))
      .filter(function (el) { return !el.disabled && el.tabIndex >= 0 && el.getClientRects().length; });
    var before = all.filter(function (el) {
      return !dialog.contains(el) && (dialog.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    });
    var after = all.filter(function (el) {
      return !dialog.contains(el) && (dialog.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    var target = backwards ? before[before.length - 1] : after[0];
    if (target) target.focus();
    else document.activeElement.blur();
  }
})();

/* The correction reference at the foot of a page names the entry the reader is looking at: the ID in the
   address (#HJ-03), set when a link or a heading's ¶ leads there. */
(function () {
  "use strict";
  var ID = /^[A-Z]{2,6}(?:-[A-Z0-9]+)*(?:\.[0-9]+)?$/;
  function fill() {
    var ref = document.querySelector(".kb-feedback-ref");
    if (!ref) return;
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      id = "";  // a malformed address (%E4%B8) names no entry
    }
    if (!ID.test(id) || !document.getElementById(id)) id = "";
    ref.textContent = ref.textContent.replace(/编号：[^；]*；/, "编号：" + id + "；");
  }
  window.addEventListener("hashchange", fill);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();

/* The home page's 检索 button is a link to the search tips (it works without JavaScript); with it, the button
   opens the search box itself. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-kb-open-search]");
    var toggle = document.getElementById("__search");
    var input = document.querySelector(".md-search__input");
    if (!link || !toggle || !input || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    input.focus();
  });
})();

/* A query the site does not cover gets one result from the search worker, the notice 本站未收录「……」; the
   line above it would read 找到 1 个符合条件的结果 and contradict it. Material writes that line with the list,
   so it is corrected after each new list. */
(function () {
  "use strict";
  var NOTICE = "本站未收录";
  var NONE = "本站没有与这个查询直接相关的内容";
  function relabel() {
    var meta = document.querySelector(".md-search-result__meta");
    var first = document.querySelector(".md-search-result__list .md-search-result__article h1, " +
                                        ".md-search-result__list .md-search-result__article h2");
    if (meta && first && first.textContent.indexOf(NOTICE) === 0 && meta.textContent !== NONE) meta.textContent = NONE;
  }
  function start() {
    var list = document.querySelector(".md-search-result__list");
    if (list && window.MutationObserver) new MutationObserver(relabel).observe(list, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
