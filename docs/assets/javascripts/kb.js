/* Search results: Material joins Chinese words with zero-width spaces (U+200B) so that its index can split
   them. Left in the results list they end up in every title a reader copies, so they are removed from what
   the list shows (the index keeps them). */
(function () {
  "use strict";
  function clean(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode())
      if (node.nodeValue.indexOf("\u200b") >= 0) node.nodeValue = node.nodeValue.replace(/\u200b/g, "");
  }
  function watch() {
    var list = document.querySelector(".md-search-result__list");
    if (list) new MutationObserver(function () { clean(list); }).observe(list, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();

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

/* The open search panel is a dialog: Tab and Shift+Tab move between the search box and the visible results
   and stay inside it, instead of closing the panel and leaving focus somewhere in the sidebar behind it.
   Escape still closes it (Material). Runs in the capture phase, before Material's own key handler. */
(function () {
  "use strict";
  window.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("__search");
    var dialog = document.querySelector(".md-search");
    if (!toggle || !toggle.checked || !dialog || !dialog.contains(document.activeElement)) return;
    // Material sends every other key to the search box; a lone Shift (of Shift+Tab) must not move focus there.
    if (/^(Shift|Control|Alt|Meta)$/.test(event.key)) { event.stopImmediatePropagation(); return; }
    if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
    var stops = [dialog.querySelector(".md-search__input")].concat(Array.prototype.slice.call(
      dialog.querySelectorAll(".md-search-result :not(details) > a[href], .md-search-result summary, " +
                              ".md-search-result details[open] a[href]")))
      .filter(function (el) { return el && el.getClientRects().length; });
    if (!stops.length) return;
    var at = stops.indexOf(document.activeElement);
    var next = stops[(at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length];
    event.preventDefault();
    event.stopImmediatePropagation();
    next.focus();
  }, true);
})();
