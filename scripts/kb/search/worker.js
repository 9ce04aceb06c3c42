/* Search worker for Material's search UI (replaces its lunr worker; speaks the same messages).
 *
 * Setup {type: 0, data: {config, docs}} → {type: 1}; query {type: 2, data: box value} →
 * {type: 3, data: {items: SearchItem[][]}}. KB_DATA (vocabulary with pinyin, traditional → simplified map,
 * readings of common characters, synonyms, question forms, generic words, ID shape, what the site covers) is
 * written in front of this file at build time by scripts/kb/search/install.py.
 *
 * Material inserts `title` and `text` with innerHTML: every string from the index is escaped here, and only
 * the <mark> elements this file adds are markup. Ranking: exact ID or title first; then the number of query
 * topic words a doc contains; then the sum of idf × field weight (title ≫ aliases ≫ body). Pinyin and
 * homophone matches count less than exact ones. A query whose topic words the index does not hold gets one
 * notice instead of loosely related hits. */
/* global KB_DATA */
"use strict";

var MAX_ITEMS = 40;
var SNIPPET = 100;
var FIELD = { exactTitle: 40, title: 10, alias: 4, text: 1 };
var WEIGHT = { exact: 1, synonym: 0.8, pinyin: 0.6, initials: 0.5 };
var HAN = /[\u4e00-\u9fff]/;
var kb = null;

function escapeHtml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/* Full-width → half (NFKC), traditional → simplified, lower case, character by character. A character whose
 * folded form is not a single character ("…" → "...") stays as it is, so a position in the normalised text is
 * the same position in the original: snippets and highlights are cut and marked by those positions. */
function normalise(s) {
  s = String(s);
  /* Most text keeps its length when folded whole, and then whole is the same as character by character (no
   * character here can shrink, so none grew): one native call instead of one per character. */
  var whole = s.normalize("NFKC").toLowerCase();
  if (whole.length === s.length && !SHRINKS.test(s)) return whole.replace(kb.tradRe, tradChar);
  return s.replace(kb.foldRe, foldChar);
}

var SHRINKS = /[\u0300-\u036f\u1100-\u11ff\u3099\u309a\ud800-\udfff]/;   /* combining marks, jamo, surrogates */

function tradChar(c) {
  return kb.trad[c];
}

function foldChar(c) {
  var known = kb.folded[c];
  if (known !== undefined) return known;
  var f = c.normalize("NFKC");
  if (f.length !== 1) f = c;
  f = kb.trad[f] || f;
  var lower = f.toLowerCase();
  return (kb.folded[c] = lower.length === 1 ? lower : f);   /* remembered: the index repeats its punctuation */
}

/* A map whose keys come from the index or the query: no inherited keys (a query "constructor" is a word). */
function dict() {
  return Object.create(null);
}

function setup(docs) {
  var data = KB_DATA;
  kb = { trad: dict(), folded: dict(), docs: [], byId: dict(), byTitle: dict(), pages: dict() };
  for (var t = 0; t + 1 < data.trad.length; t += 2) kb.trad[data.trad[t]] = data.trad[t + 1];
  /* What folding can change: Latin capitals, anything outside ASCII and the common Han block, and the
   * traditional forms inside that block. */
  kb.foldRe = new RegExp("[A-Z\u0080-\u4dff\ua000-\uffff" + Object.keys(kb.trad).join("") + "]", "g");
  kb.tradRe = new RegExp("[" + (Object.keys(kb.trad).join("") || "\u0000") + "]", "g");
  kb.vocab = new Set(data.vocab);
  kb.full = dict(); kb.initials = dict(); kb.syllables = dict();
  data.vocab.forEach(function (word, k) {
    var syl = data.pinyin[k];
    var parts = syl.split(" ");
    push(kb.syllables, syl, word);
    push(kb.full, parts.join(""), word);
    if (parts.length > 1) push(kb.initials, parts.map(function (p) { return p[0]; }).join(""), word);
  });
  kb.readings = dict();
  Object.keys(data.readings).forEach(function (syl) {
    var chars = data.readings[syl];
    for (var i = 0; i < chars.length; i++) push(kb.readings, chars[i], syl);
  });
  kb.synonyms = dict();
  data.synonyms.forEach(function (group) {
    group.forEach(function (word) {
      kb.synonyms[word] = group.filter(function (other) { return other !== word; });
    });
  });
  kb.question = new RegExp(data.questions.join("|"), "g");
  /* A run of the index that holds a function character (换届要 in 换届要提前, 示和报告 in 请示和报告) is no
   * word: words of the vocabulary that hold one (党的建设) are found as vocabulary. */
  kb.joiner = new RegExp("[" + data.function_chars + "]");
  kb.generic = new Set(data.generic);
  kb.hints = data.hints.map(function (h) { return { re: new RegExp(h[0]), words: h[1] }; });
  var corpus = [];
  kb.seen = new Map();
  docs.forEach(function (doc, index) {
    var entry = {
      doc: doc, title: normalise(doc.title), text: normalise(doc.text || ""),
      aliases: normalise((doc.aliases || []).join("\u0001")), page: doc.location.split("#")[0],
      isPage: doc.location.indexOf("#") < 0
    };
    /* For matching only: 书记副书记 is found in 书记、副书记. */
    entry.flat = (entry.title + "\u0001" + entry.text).replace(PUNCTUATION, "");
    entry.bare = entry.title.replace(/^[a-z]{2,6}(?:-[a-z0-9]+)*(?:\.[0-9]+)?\s+/, "");
    kb.docs.push(entry);
    if (doc.id) kb.byId[looseId(doc.id)] = index;
    push(kb.byTitle, entry.title, index);
    if (entry.bare !== entry.title) push(kb.byTitle, entry.bare, index);
    if (entry.isPage) kb.pages[entry.page] = entry;
    var all = entry.title + "\n" + entry.aliases + "\n" + entry.text;
    corpus.push(all);
  });
  kb.corpus = corpus.join("\n");
  kb.flatCorpus = kb.docs.map(function (e) { return e.flat; }).join("\u0001");
  (data.synonyms || []).forEach(function (g) { g.forEach(function (w) { kb.vocab.add(w); }); });
}

/* HJ-03, hj-03, HJ - 03 and HJ03 are the same ID. */
function looseId(token) {
  return token.toUpperCase().replace(/[\s-]/g, "");
}

/* Every caller walks its values in order, so a repeat can only be the last value: checking that one keeps
 * setup linear where 1,000 checklists share a section title. */
function push(map, key, value) {
  var list = map[key] || (map[key] = []);
  if (list[list.length - 1] !== value) list.push(value);
}

/* Does the index hold this piece anywhere? Remembered: the next keystroke asks again. */
function inCorpus(piece) {
  if (kb.vocab.has(piece)) return true;
  var known = kb.seen.get(piece);
  if (known === undefined) kb.seen.set(piece, known = kb.corpus.indexOf(piece) >= 0);
  return known;
}

/* Vocabulary words read like `piece` (谈心谈化 → 谈心谈话), from the readings of its characters. */
function homophones(piece) {
  var keys = [""];
  for (var i = 0; i < piece.length; i++) {
    var readings = kb.readings[piece[i]] || [piece[i]];
    var next = [];
    keys.forEach(function (k) { readings.forEach(function (r) { next.push(k ? k + " " + r : r); }); });
    keys = next.slice(0, 64);
  }
  /* An input-method slip changes a character or two, not the whole word (转接 is no slip for 撰写). */
  var allowed = Math.max(1, Math.floor(piece.length / 3));
  var found = [];
  keys.forEach(function (k) {
    (kb.syllables[k] || []).forEach(function (w) {
      var differ = 0;
      for (var c = 0; c < w.length; c++) if (w[c] !== piece[c]) differ++;
      if (w !== piece && differ <= allowed && found.indexOf(w) < 0) found.push(w);
    });
  });
  return found;
}

function alternatives(word, weight, kind) {
  var alts = [{ word: word, weight: weight, kind: kind }];
  (kb.synonyms[word] || []).forEach(function (s) { alts.push({ word: s, weight: weight * WEIGHT.synonym, kind: "synonym" }); });
  return alts;
}

/* Cover a run of Chinese characters with the best pieces: a known piece of length L scores L², a word of the
 * vocabulary a little more, a homophone of a vocabulary word a little less; uncovered characters score 0. */
function segmentHan(run, alone) {
  var n = run.length, score = [0], back = [-1], how = [null], i, j;
  for (i = 1; i <= n; i++) { score[i] = -1; back[i] = i - 1; how[i] = null; }
  for (i = 0; i < n; i++) {
    if (score[i] > score[i + 1]) { score[i + 1] = score[i]; back[i + 1] = i; how[i + 1] = null; }
    for (j = i + 1; j <= n && j - i <= 12; j++) {
      var piece = run.slice(i, j), len = j - i, gain = 0, kind = null;
      if (len === 1 && !alone) continue;
      if (kb.vocab.has(piece)) { gain = len * len + 1; kind = "exact"; }
      else if (len <= 4 && (len === 1 || !kb.joiner.test(piece)) && inCorpus(piece)) { gain = len * len - 1; kind = "piece"; }
      else if (len > 1) {
        var similar = homophones(piece);
        if (similar.length) { gain = len * len * 0.8; kind = similar; }
      }
      if (kind && score[i] + gain > score[j]) { score[j] = score[i] + gain; back[j] = i; how[j] = kind; }
    }
  }
  var pieces = [], gap = "";
  /* Characters no piece covers: two or more in a row are a word the index does not hold (生日 in 政治生日). */
  var flush = function () {
    /* Function characters in the gap separate words; they are not part of a missing one (的 in 的区别). */
    gap.split(kb.joiner).reverse().forEach(function (word) {
      if (word.length > 1) pieces.unshift({ label: word, alts: [{ word: word, weight: 1, kind: "exact" }], generic: false, absent: true });
    });
    gap = "";
  };
  for (j = n; j > 0; j = back[j]) {
    if (!how[j]) { gap = run.slice(back[j], j) + gap; continue; }
    flush();
    var text = run.slice(back[j], j);
    var literal = how[j] === "exact" || how[j] === "piece";
    var alts = literal ? alternatives(text, WEIGHT.exact, "exact") : [];
    if (!literal) how[j].forEach(function (w) { alts = alts.concat(alternatives(w, WEIGHT.pinyin, "pinyin")); });
    pieces.unshift({ label: text, alts: alts, generic: kb.generic.has(text), piece: how[j] === "piece" });
  }
  flush();
  return pieces;   /* a lone character left between question forms (开 in 多久开一次) is no topic */
}

/* Latin input: a word of the index (pdf, a4), full pinyin (sanhuiyike) or initials (shyk). */
function latinTerm(token) {
  var compact = token.replace(/[\s'-]/g, "");
  var alts = [];
  if (inCorpus(token)) alts.push({ word: token, weight: WEIGHT.exact, kind: "exact" });
  (kb.full[compact] || []).forEach(function (w) { alts = alts.concat(alternatives(w, WEIGHT.pinyin, "pinyin")); });
  if (compact.length > 1) (kb.initials[compact] || []).forEach(function (w) { alts = alts.concat(alternatives(w, WEIGHT.initials, "pinyin")); });
  if (!alts.length) alts.push({ word: token, weight: WEIGHT.exact, kind: "exact" });
  return { label: token, alts: alts, generic: false };
}

var UNIT = "(?:个月|[年月日天次名人项份页届条号])";
var QUANTITY = new RegExp("^[0-9]+" + UNIT + "$");
var RUNS = new RegExp("[0-9]+" + UNIT + "|[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+", "g");   /* quantity, Han, other */

/* Characters typed one by one with spaces between them (三 会 一 课) are one word, not four. */
function joinSingles(chunks) {
  var out = [];
  chunks.forEach(function (chunk, k) {
    var single = chunk.length === 1 && HAN.test(chunk);
    if (single && k && chunks[k - 1].length === 1 && HAN.test(chunks[k - 1])) out[out.length - 1] += chunk;
    else out.push(chunk);
  });
  return out;
}

function parse(query) {
  var q = normalise(query).replace(/\s*-\s*/g, "-").trim();
  var ids = [], rest = [];
  q.split(/\s+/).forEach(function (token) {
    var id = looseId(token);
    if (/^[a-z]{2,6}-?[a-z0-9]/.test(token) && kb.byId[id] !== undefined) ids.push(id); else rest.push(token);
  });
  var text = rest.join(" ");
  var exact = (kb.byTitle[text] || []).filter(function (d) { return kb.docs[d].text || kb.docs[d].isPage; });
  var stripped = text.replace(kb.question, " ").replace(/\s+/g, " ").trim();
  var chunks = stripped ? stripped.split(" ") : [];
  var terms = [], groups = [];
  var latinOnly = chunks.length > 1 && chunks.every(function (c) { return /^[a-z]+$/.test(c); });
  if (latinOnly && kb.full[chunks.join("")]) chunks = [chunks.join("")];
  chunks = joinSingles(chunks);
  chunks.forEach(function (chunk) {
    var group = [];
    (chunk.match(RUNS) || []).forEach(function (run) {
      /* A number with its unit (3年, 12个月) is looked up as typed: the number alone matches any figure. */
      if (QUANTITY.test(run) && inCorpus(run)) group.push({ label: run, alts: [{ word: run, weight: 1, kind: "exact" }], generic: false });
      else if (HAN.test(run) && !QUANTITY.test(run)) group = group.concat(segmentHan(run, q.length === 1));
      else if (/[a-z0-9]/.test(run)) group.push(latinTerm(run.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")));
    });
    group.typed = chunk;
    groups.push(group);
    terms = terms.concat(group);
  });
  if (!terms.length && !ids.length && text) terms.push({ label: text, alts: [{ word: text, weight: 1, kind: "exact" }], generic: false });
  var topical = terms.filter(function (t) { return !t.generic; });
  if (!topical.length) terms.forEach(function (t) { t.generic = false; });
  var hints = [];
  kb.hints.forEach(function (h) { if (h.re.test(text)) hints = hints.concat(h.words); });
  return { ids: ids, exact: exact, terms: terms, groups: groups, topic: stripped || text, hints: hints };
}

var SHORT_RUN = 6;    /* longer runs are sentences, not compounds */
var COMMON = 0.1;
var LONG_PIECE = 4;
var PAIR = 2;
var TOGETHER = 2;   /* sections that hold both pieces of a pair typed as one word */
var FEW = 3;        /* sections holding a typed run, below which its words are searched as well */
var PART = 0.5;     /* weight of those words */
var HINT = 0.3;       /* weight of a word a question form hints at */
var PUNCTUATION = /[\s、，,。．.；;：:“”"‘’'（）()《》<>【】\[\]—\-·・]/g;

/* Do two pieces of a run stand next to each other somewhere in the index (punctuation aside), in either
 * order? A question puts words in its own order: 换届要提前 asks about the 提前换届 the index holds. */
function adjacent(first, second) {
  return first.alts.some(function (a) {
    return second.alts.some(function (b) {
      var x = escapeRegExp(a.word), y = escapeRegExp(b.word);
      return new RegExp(x + "[^\u0001]{0,2}" + y + "|" + y + "[^\u0001]{0,2}" + x).test(kb.flatCorpus);
    });
  });
}

/* Or do they share a few sections (书记 and 职责 in the 职责 tables), so the site treats them together? */
function together(first, second) {
  var shared = 0;
  first.docs.forEach(function (d) { if (second.docs.has(d)) shared++; });
  return shared >= TOGETHER;
}

/* The fewest vocabulary words that spell `text` exactly (档案编号 → 档案, 编号); none if it is one word or
 * cannot be spelt so. */
function vocabularyWords(text) {
  var best = [[]];
  for (var i = 1; i <= text.length; i++) {
    best[i] = null;
    for (var k = Math.max(0, i - 12); k <= i - 2; k++) {
      var word = text.slice(k, i);
      if (best[k] && kb.vocab.has(word) && (!best[i] || best[k].length + 1 < best[i].length)) best[i] = best[k].concat([word]);
    }
  }
  var words = best[text.length];
  return words && words.length > 1 ? words : [];
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* Score of one term in one doc: the best alternative in the best field. */
function termScore(entry, term, alone) {
  var best = 0, word = null;
  term.alts.forEach(function (alt) {
    var w = alt.word, s = 0;
    /* A title equal to the word answers a query that is just that word; a heading that only groups the
     * sections under it (no text of its own) is no answer. */
    if (alone && entry.text && (entry.title === w || entry.bare === w)) s = FIELD.exactTitle;
    else if (entry.title.indexOf(w) >= 0) s = FIELD.title;
    else if (entry.aliases && entry.aliases.indexOf(w) >= 0) s = FIELD.alias;
    else if (entry.text.indexOf(w) >= 0 || entry.flat.indexOf(w) >= 0) s = FIELD.text;
    s *= alt.weight;
    if (s > best) { best = s; word = w; }
  });
  return { score: best, word: word };
}

var MAX_QUERY = 200;   /* characters: a pasted paragraph is cut, not searched at every keystroke in full */

function search(query) {
  var parsed = kb.last = parse(String(query).slice(0, MAX_QUERY));   /* kept for inspection from a test page */
  var n = kb.docs.length;
  var terms = parsed.terms;
  var alone = terms.length === 1;
  var hitsOf = function (term) {
    var hits = [];
    for (var d = 0; d < n; d++) { var m = termScore(kb.docs[d], term, alone); if (m.score) hits.push([d, m]); }
    term.df = hits.length;
    term.docs = new Set(hits.map(function (h) { return h[0]; }));
    term.idf = Math.log(1 + n / Math.max(1, hits.length));
    return hits;
  };
  var matches = terms.map(hitsOf);
  /* A run typed as one word is about one thing. The characters the index does not hold must not outweigh
   * its known topic pieces (政治生日, 困难党员帮扶); and a short run's core (without generic words at its ends)
   * must occur somewhere as typed, give or take a character or two (党内统计 and 发展党员 do not). Otherwise
   * the run is an unknown compound and none of its pieces counts as a topic the index holds. */
  parsed.groups.forEach(function (group) {
    var topical = group.filter(function (t) { return !t.generic; });
    var present = topical.filter(function (t) { return t.df > 0; });
    var missing = topical.filter(function (t) { return !t.df; });
    var length = function (list) { return list.reduce(function (sum, t) { return sum + t.label.length; }, 0); };
    /* A short piece in more than a tenth of all docs (党员) says little about what the run is about; a long
     * one (会议记录本) names its topic however often it occurs. */
    var telling = present.filter(function (t) { return t.df <= n * COMMON || t.label.length >= LONG_PIECE; });
    var unknown = missing.length && length(missing) >= length(telling);
    /* Only topic pieces the index holds must stand together: a residue it does not hold (几号 in 主题党日几号)
     * was already weighed above, and generic words (组织 in 党员组织关系) join anything to anything. */
    var core = group.filter(function (t) { return t.df > 0 && !t.generic; });
    if (!unknown && core.length > 1 && group.typed.length <= SHORT_RUN) {
      for (var c = 0; c + 1 < core.length && !unknown; c++) {
        /* Two-character pieces typed together make one compound (党内统计, 发展党员); a longer piece is a word
         * in itself (党小组长职责 asks about 党小组长 and 职责). */
        if (core[c].label.length <= PAIR && core[c + 1].label.length <= PAIR) {
          unknown = !adjacent(core[c], core[c + 1]) && !together(core[c], core[c + 1]);
        }
      }
    }
    if (unknown) present.forEach(function (t) { t.unknown = true; });
  });
  var held = terms.filter(function (t) { return !t.generic && !t.unknown && t.df > 0; });
  if (!parsed.ids.length && !parsed.exact.length && terms.length && !held.length) return notice(parsed);

  /* A run of the index typed as one word that few sections hold as typed (档案编号): its words count as well,
   * after it, so the sections that treat them apart are listed rather than dropped. */
  terms.slice().forEach(function (term) {
    if (!term.piece || term.unknown || term.df >= FEW) return;
    term.words = vocabularyWords(term.label);
    term.words.forEach(function (word) {
      var part = { label: word, alts: alternatives(word, WEIGHT.exact * PART, "exact"), generic: kb.generic.has(word) };
      terms.push(part);
      matches.push(hitsOf(part));
    });
  });

  var scores = dict();
  function add(d, key, value) {
    var s = scores[d] || (scores[d] = { d: d, topic: 0, score: 0, words: dict() });
    s[key] += value;
    return s;
  }
  var counted = dict();   /* a word typed twice counts once */
  terms.forEach(function (term, k) {
    if (term.unknown || counted[term.label]) return;
    counted[term.label] = true;
    matches[k].forEach(function (hit) {
      var s = add(hit[0], "score", hit[1].score * term.idf * (term.generic ? 0.3 : 1));
      if (!term.generic) s.topic += 1;
      s.words[term.label] = hit[1].word;
    });
  });
  /* Hints reorder what already matched: a little for each hinted word a matching doc contains. */
  if (parsed.hints.length) Object.keys(scores).forEach(function (d) {
    var entry = kb.docs[d], bonus = 0;
    parsed.hints.forEach(function (w) {
      if (entry.title.indexOf(w) >= 0) bonus += HINT * FIELD.title;
      else if (entry.text.indexOf(w) >= 0) bonus += HINT;
    });
    scores[d].score += Math.min(bonus, HINT * FIELD.title * 2);
  });
  parsed.exact.forEach(function (d) { add(d, "score", 1e6).topic += 100; });
  parsed.ids.forEach(function (id, k) { add(kb.byId[id], "score", 1e7 - k).topic += 100; });
  var ranked = Object.keys(scores).map(function (d) { return scores[d]; })
    .filter(function (s) { return s.topic > 0 || !held.length; })
    .sort(function (a, b) { return b.topic - a.topic || b.score - a.score || a.d - b.d; })
    .slice(0, MAX_ITEMS);
  return ranked.map(function (s, rank) {
    var entry = kb.docs[s.d];
    var score = ranked.length - rank;
    var found = dict();
    terms.forEach(function (t) {
      /* A run searched by its words (档案编号) is not missing where all its words were found. */
      var byWords = t.words && t.words.length && t.words.every(function (w) { return s.words[w]; });
      if ((!t.unknown || s.words[t.label]) && !(byWords && !s.words[t.label])) found[s.words[t.label] || t.label] = !!s.words[t.label];
    });
    var marks = Object.keys(found).filter(function (w) { return found[w]; });
    var item = [render(entry, score, found, marks)];
    if (!entry.isPage && kb.pages[entry.page]) item.push(render(kb.pages[entry.page], score, found, marks, true));
    return item;
  });
}

function render(entry, score, terms, marks, asParent) {
  return {
    location: entry.doc.location,
    title: highlight(entry.doc.title, entry.title, marks),
    text: asParent ? "" : snippet(entry, marks),
    score: score,
    terms: terms
  };
}

/* ≈100 characters around the first match, escaped, with <mark> around every matched word. */
function snippet(entry, marks) {
  var original = entry.doc.text || "";
  var first = -1;
  marks.forEach(function (w) { var p = entry.text.indexOf(w); if (p >= 0 && (first < 0 || p < first)) first = p; });
  var start = first > 30 ? first - 30 : 0;
  var end = Math.min(original.length, start + SNIPPET);
  var piece = highlight(original.slice(start, end), entry.text.slice(start, end), marks);
  return (start > 0 ? "…" : "") + piece + (end < original.length ? "…" : "");
}

function highlight(original, normalised, marks) {
  if (normalised.length !== original.length) normalised = normalise(original);
  if (normalised.length !== original.length) return escapeHtml(original);
  var marked = new Array(original.length + 1).join("0").split("");
  marks.forEach(function (w) {
    if (!w) return;
    for (var p = normalised.indexOf(w); p >= 0; p = normalised.indexOf(w, p + w.length))
      for (var i = p; i < p + w.length; i++) marked[i] = "1";
  });
  var out = "", open = false;
  for (var i = 0; i < original.length; i++) {
    if (marked[i] === "1" && !open) { out += "<mark>"; open = true; }
    if (marked[i] !== "1" && open) { out += "</mark>"; open = false; }
    out += escapeHtml(original[i]);
  }
  return out + (open ? "</mark>" : "");
}

/* One result saying what the site does not cover, what it does, and where to look. */
function notice(parsed) {
  var links = KB_DATA.links;
  var item = [{
    location: links[0].location, title: "本站未收录「" + escapeHtml(parsed.topic) + "」", text: "", score: 1, terms: {}
  }, {
    location: "index.html", title: "本站收录的内容", text: escapeHtml(KB_DATA.covers), score: 1, terms: {}
  }];
  links.forEach(function (link) {
    item.push({ location: link.location, title: escapeHtml(link.title), text: escapeHtml(link.text), score: 1, terms: {} });
  });
  return [item];
}

function answer(message) {
  switch (message.type) {
    case 0:
      setup(message.data.docs);
      return { type: 1 };
    case 2:
      try {
        return { type: 3, data: { items: search(message.data) } };
      } catch (error) {
        console.warn(error);
        return { type: 3, data: { items: [] } };
      }
    default:
      throw new TypeError("Invalid message type");
  }
}

addEventListener("message", function (event) { postMessage(answer(event.data)); });
