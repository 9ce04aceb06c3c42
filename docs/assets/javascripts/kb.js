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
