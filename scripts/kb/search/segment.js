/* Chinese query segmentation for Material's search worker (replaces its `segment(query, index)`).
 *
 * Material's own version never tries the last character of a query (三会一课 becomes 三会*), matches words
 * only as prefixes of indexed words (活动室 misses 党员活动室), and gives up on typed questions.
 * This one covers the query with the longest pieces that occur anywhere in an indexed word, drops filler
 * words and stray single characters, and returns the pieces as infix terms ("*甲 *乙"), which the worker
 * completes to "*甲* *乙*": Chinese readers expect substring search. One string in the set, because the
 * worker joins set members with "* " and would double the wildcards. */
function kbSegment(query, index) {
  var FILLER = ["多久", "怎么", "怎样", "如何", "什么", "哪些", "哪个", "是否", "需要", "应该", "应当", "多少",
    "几次", "一次", "为什么", "有没有", "可以", "要求", "规定", "关于", "进行", "一下", "请问"];
  var cache = kbSegment.cache || (kbSegment.cache = { index: null, words: "" });
  if (cache.index !== index) {
    cache.index = index;
    cache.words = "\n" + Object.keys(index).join("\n") + "\n";
  }
  var known = function (piece) { return cache.words.indexOf(piece) >= 0; };
  var n = query.length, score = [0], back = [-1], i, j;
  for (i = 1; i <= n; i++) { score[i] = -1; back[i] = i - 1; }
  /* Best cover: each known piece of length L scores L*L, so one long word beats two short ones;
     a character no piece covers is skipped at no gain. */
  for (i = 0; i < n; i++) {
    if (score[i] > score[i + 1]) { score[i + 1] = score[i]; back[i + 1] = i; }
    for (j = i + 1; j <= n && j - i <= 12; j++) {
      var piece = query.slice(i, j);
      if ((piece.length > 1 || n === 1) && known(piece) && score[i] + piece.length * piece.length > score[j]) {
        score[j] = score[i] + piece.length * piece.length;
        back[j] = i;
      }
    }
  }
  var pieces = [];
  for (j = n; j > 0; j = back[j]) {
    var word = query.slice(back[j], j);
    if ((word.length > 1 || n === 1) && FILLER.indexOf(word) < 0 && known(word)) pieces.unshift("*" + word);
  }
  return new Set([pieces.length ? pieces.join(" ") : "*" + query]);
}

/* Stable IDs (HJ-03, WT-02.2, GC-HJ) are indexed as one tag word written with U+2010 instead of "-",
 * because "-" splits words and 02* would also match 02.4. A typed ID becomes a required exact term.
 * KB_ID_SOURCE, the shape of an ID, is written in front of this file at build time from the one table of
 * ID kinds (scripts/kb/idkinds.py); other hyphenated words such as UTF-8 stay ordinary words. */
function kbIds(query) {
  var ids = new RegExp("(^|\\s)(" + KB_ID_SOURCE + ")(?=\\s|$)", "g");
  return query.replace(ids, function (match, space, id) { return space + "+" + id.replace(/-/g, "\u2010"); });
}
