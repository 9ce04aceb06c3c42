/* Search on every change of the search box, however the text arrived.
 *
 * Material reads the box only on keyup and focus. Text pasted with the mouse, dictated, written with a
 * handwriting keyboard or committed by an input method fires `input` (or `compositionend`) and no key
 * release, and would leave the box at 「键入以开始搜索」. Each such change is passed on as a keyup. While an
 * input method is still composing, nothing is sent: the half-typed pinyin is not the query. */
(function () {
  "use strict";
  function relay(event) {
    if (event.isComposing) return;
    event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  function attach() {
    var box = document.querySelector("input.md-search__input");
    if (!box || box.dataset.kbRelay) return;
    box.dataset.kbRelay = "1";
    box.addEventListener("input", relay);
    box.addEventListener("compositionend", relay);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
  else attach();
})();
