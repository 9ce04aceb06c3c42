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

/* Review banner: a procedure whose last review is older than its period warns the reader, judged on the
   reader's own day, because a copied site may be read long after it was built. */
(function () {
  "use strict";
  function check() {
    var banners = document.querySelectorAll(".kb-stale[hidden]");
    for (var i = 0; i < banners.length; i++) {
      var reviewed = Date.parse(banners[i].getAttribute("data-reviewed") + "T00:00:00");
      var days = Number(banners[i].getAttribute("data-review-days"));
      if ((Date.now() - reviewed) / 86400000 > days) banners[i].removeAttribute("hidden");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();
