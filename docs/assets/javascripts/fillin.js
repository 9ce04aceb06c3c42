/* 在屏幕上填写检查清单 (on-screen fill-in of a checklist page). Issue 12, §5.

   Progressive enhancement: without JavaScript the page stays the printable paper form. With it, every
   `.kb-item__result[data-kb-item][data-kb-answers]` gets a group of radio buttons (one per allowed answer)
   and a note field, and a form region "在屏幕上填写" above the first section holds 被检查单位, 检查日期,
   检查人, the progress line and the buttons 打印本次检查结果 / 导出结果 / 清空. Nothing is ever sent:
   no fetch, no XHR, no outside URL. ES5 syntax only (older 360 / QQ browsers).

   ── Exported result: CSV, one format for every list and every unit ─────────────────────────────────
   A superior can collect the files of many units and append them: every file has the same columns.
   - Encoding UTF-8 with a byte-order mark (EF BB BF), so Excel and WPS do not guess GBK.
   - RFC 4180: comma separator, CRLF after every record, a field that contains a comma, a double quote,
     CR or LF is enclosed in double quotes and its double quotes are doubled. A note may contain line
     breaks (LF) inside its quotes.
   - Row 1 is the header, exactly:
       被检查单位,检查日期,检查人,清单编号,清单版本,版本（参考文本或单位）,检查项编号,检查结果,备注
   - Then ONE row per item of the list, in page order, every item present (answered or not). The first
     six columns repeat on every row:
       被检查单位            as typed (may be empty)
       检查日期              ISO date YYYY-MM-DD (from the date field; may be empty)
       检查人                as typed (may be empty)
       清单编号              the list ID, e.g. QD-HJ (data-kb-list)
       清单版本              the list version of the page the result was filled on, e.g. 1.1 (data-kb-version)
       版本（参考文本或单位） the edition the site was built as: 参考文本 or the unit's name (data-kb-edition)
       检查项编号            the item ID, e.g. HJ-01
       检查结果              one of the item's allowed answers (符合 / 不符合 / 不适用, or
                             已采用 / 未采用 / 不适用), or empty when not answered
       备注                  the note as typed (may be empty, may span lines)
   - Spreadsheet formulas are neutralised in every cell: a cell that starts with = + - @ TAB or CR (or
     the full-width ＝ ＋ － ＠) gets a leading apostrophe, so "=1+1" is written as "'=1+1" (the same rule
     as the site's own CSV downloads). A reader that collects results strips one leading apostrophe from
     such a cell to get the text back.
   - File name: 检查结果_<清单编号>_v<清单版本>[_<被检查单位>][_<检查日期>].csv

   ── Kept in the browser (localStorage, also from file://) ──────────────────────────────────────────
   Key "kb-fillin:<清单编号>:<版本名>" (版本名 = 参考文本 or the unit), value JSON:
     {"format": "kb-fillin/1", "list": "QD-HJ", "edition": "参考文本",
      "version": "1.1",                  the list version these answers were given for
      "items": ["HJ-01", ...],            the item IDs of that version
      "unit": "", "date": "2026-11-27", "inspector": "",
      "answers": {"HJ-01": {"answer": "符合", "note": "..."}, ...}}
   Answers are matched by item ID. When "version" differs from the page (or saved IDs are gone), the
   answers of IDs that still exist are applied and a notice names the new items (not in "items", or
   with no saved answer when "items" is missing), the saved IDs that are gone and the saved answers that
   are no longer allowed for their item (those are not filled in); the stored record keeps
   its old version until the reader dismisses the notice or clears the form. Every storage access is
   guarded: when storage is unavailable the page says so and the form still works until it is closed. */
(function () {
  "use strict";

  var FORMAT = "kb-fillin/1";
  var KEY_PREFIX = "kb-fillin:";
  var COLUMNS = ["被检查单位", "检查日期", "检查人", "清单编号", "清单版本", "版本（参考文本或单位）",
    "检查项编号", "检查结果", "备注"];
  var FORMULA_START = "=+-@\t\r\uff1d\uff0b\uff0d\uff20";
  var BAD = "不符合";

  /* ── small helpers ─────────────────────────────────────────────────────────────────────────────── */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var name;
    if (attrs) {
      for (name in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, name) || attrs[name] === null) continue;
        if (name === "text") node.appendChild(document.createTextNode(attrs[name]));
        else if (name === "className") node.className = attrs[name];
        else node.setAttribute(name, attrs[name]);
      }
    }
    if (children) {
      for (var i = 0; i < children.length; i++) {
        var child = children[i];
        if (child === null || child === undefined) continue;
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  function trim(text) {
    return String(text).replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
  }

  function endsWith(text, tail) {
    return text.length >= tail.length && text.substring(text.length - tail.length) === tail;
  }

  function indexOf(list, value) {
    for (var i = 0; i < list.length; i++) if (list[i] === value) return i;
    return -1;
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* ── storage, every access guarded (private modes, file:// policies, full quota) ──────────────── */

  /* The store, or null where the browser refuses it. A full quota still lets saved answers be read: only
   * a failed write is reported (by save). */
  function openStorage() {
    try {
      var store = window.localStorage;
      store.getItem(KEY_PREFIX + "probe");
      return store;
    } catch (e) {
      return null;
    }
  }

  function readRecord(store, key) {
    if (!store) return null;
    try {
      var text = store.getItem(key);
      if (!text) return null;
      var record = JSON.parse(text);
      return record && typeof record === "object" ? record : null;
    } catch (e) {
      return null;
    }
  }

  function writeRecord(store, key, record) {
    if (!store) return false;
    try {
      store.setItem(key, JSON.stringify(record));
      return true;
    } catch (e) {
      return false;
    }
  }

  function removeRecord(store, key) {
    if (!store) return;
    try {
      store.removeItem(key);
    } catch (e) { /* nothing more can be done */ }
  }

  /* ── CSV (format documented at the top of this file) ──────────────────────────────────────────── */

  function neutral(value) {
    value = value === null || value === undefined ? "" : String(value);
    return value.length && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  function csvCell(value) {
    value = neutral(value);
    return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function csvText(rows) {
    var lines = [];
    for (var i = 0; i < rows.length; i++) {
      var cells = [];
      for (var j = 0; j < rows[i].length; j++) cells.push(csvCell(rows[i][j]));
      lines.push(cells.join(","));
    }
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function fileName(parts) {
    var name = [];
    for (var i = 0; i < parts.length; i++) {
      var part = trim(parts[i] || "").replace(/[\\\/:*?"<>|\s]+/g, "-");
      if (part) name.push(part);
    }
    return name.join("_") + ".csv";
  }

  function download(text, name) {
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    if (window.navigator && window.navigator.msSaveOrOpenBlob) {
      window.navigator.msSaveOrOpenBlob(blob, name);
      return;
    }
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: name, hidden: "hidden" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(url);
      if (link.parentNode) link.parentNode.removeChild(link);
    }, 1000);
  }

  /* ── the page ──────────────────────────────────────────────────────────────────────────────────── */

  function collectItems() {
    var nodes = document.querySelectorAll(".kb-item__result[data-kb-item][data-kb-answers]");
    var items = [];
    var seen = {};
    for (var i = 0; i < nodes.length; i++) {
      var id = nodes[i].getAttribute("data-kb-item");
      var answers = nodes[i].getAttribute("data-kb-answers").split("|");
      if (!id || own(seen, id) || answers.length < 1 || !answers[0]) continue;
      seen[id] = true;
      items.push({ id: id, answers: answers, box: nodes[i], radios: [], note: null, noteText: null, printed: [] });
    }
    return items;
  }

  /* Blanks of the sign-off block, found by the words printed before them. */
  function signoffBlanks() {
    var found = { counts: {} };
    var blanks = document.querySelectorAll(".kb-signoff .kb-blank");
    var answersOrder = [BAD, "符合", "已采用", "未采用", "不适用"];
    for (var i = 0; i < blanks.length; i++) {
      var before = blanks[i].previousSibling;
      while (before && before.nodeType === 3 && !trim(before.nodeValue)) before = before.previousSibling;
      var label = before ? trim(before.textContent).replace(/[:：]$/, "") : "";
      if (endsWith(label, "被检查单位")) found.unit = blanks[i];
      else if (endsWith(label, "检查日期")) found.year = blanks[i];
      else if (label === "年" && found.year && !found.month) found.month = blanks[i];
      else if (label === "月" && found.month && !found.day) found.day = blanks[i];
      else if (/^检查人(（签字）)?$/.test(label)) found.inspector = blanks[i];
      else {
        for (var j = 0; j < answersOrder.length; j++) {
          if (endsWith(label, answersOrder[j])) {
            if (!found.counts[answersOrder[j]]) found.counts[answersOrder[j]] = blanks[i];
            break;
          }
        }
      }
    }
    return found;
  }

  function setBlank(blank, value) {
    if (!blank) return;
    blank.textContent = value;
    if (value) blank.className = blank.className.replace(/\s*kb-blank--filled/g, "") + " kb-blank--filled";
    else blank.className = blank.className.replace(/\s*kb-blank--filled/g, "");
  }

  function init() {
    /* One form per list: the print-all page carries every list and is for paper only (answers saved there
     * would land in the first list's record). */
    var metas = document.querySelectorAll(".kb-sheet-meta[data-kb-list]");
    if (metas.length !== 1 || document.querySelector(".kb-fillin")) return;
    var meta = metas[0];
    var items = collectItems();
    if (!items.length) return;

    var list = meta.getAttribute("data-kb-list") || "";
    var version = meta.getAttribute("data-kb-version") || "";
    var edition = meta.getAttribute("data-kb-edition") || "";
    var key = KEY_PREFIX + list + ":" + edition;
    var store = openStorage();
    var byId = {};
    var pageIds = [];
    for (var i = 0; i < items.length; i++) {
      byId[items[i].id] = items[i];
      pageIds.push(items[i].id);
    }

    /* What is kept: a record as documented above. `pending` while a version notice is open. */
    var emptyState = function () {
      return { version: version, items: pageIds.slice(), unit: "", date: "", inspector: "", answers: {} };
    };
    var state = emptyState();
    var pending = null;

    /* ── form region ── */
    var field = function (id, label, type, autocomplete) {
      return el("div", { className: "kb-fillin__field" }, [
        el("label", { "for": id, text: label }),
        el("input", { id: id, type: type, autocomplete: autocomplete || "off" })
      ]);
    };
    var unitField = field("kb-fillin-unit", "被检查单位", "text", "organization");
    var dateField = field("kb-fillin-date", "检查日期", "date");
    var inspectorField = field("kb-fillin-inspector", "检查人", "text", "name");
    var unitInput = unitField.getElementsByTagName("input")[0];
    var dateInput = dateField.getElementsByTagName("input")[0];
    var inspectorInput = inspectorField.getElementsByTagName("input")[0];
    var progress = el("p", { className: "kb-fillin__progress", "aria-live": "polite", "aria-atomic": "true" });
    var printButton = el("button", { type: "button", className: "kb-fillin__button kb-fillin__button--main",
      text: "打印本次检查结果" });
    var exportButton = el("button", { type: "button", className: "kb-fillin__button", text: "导出结果" });
    var clearButton = el("button", { type: "button", className: "kb-fillin__button", text: "清空" });
    var noticeBox = el("div", { className: "kb-fillin__notice", role: "region", "aria-label": "清单版本变化",
      hidden: "hidden" });
    var storageNote = store ? null : el("p", { className: "kb-fillin__storage", role: "alert",
      text: "本浏览器不允许在本机保存填写内容（本地存储不可用）：关闭或刷新页面后填写的内容会丢失，请填完后及时打印或导出。" });
    var title = el("h2", { id: "kb-fillin-title", className: "kb-fillin__title", tabindex: "-1",
      text: "在屏幕上填写" });
    var region = el("section", { className: "kb-fillin kb-screen-only", "aria-labelledby": "kb-fillin-title" }, [
      title,
      el("p", { className: "kb-fillin__hint",
        text: "逐项选择检查结果并填写备注。填写内容只保存在本浏览器中（" + (store ? "刷新或下次打开本页仍在" :
          "本浏览器不能保存") + "），不会发送到任何地方；“打印本次检查结果”打印已填的表，“导出结果”保存为 CSV 表格。" }),
      storageNote,
      noticeBox,
      el("div", { className: "kb-fillin__fields" }, [unitField, dateField, inspectorField]),
      progress,
      el("div", { className: "kb-fillin__actions" }, [printButton, exportButton, clearButton])
    ]);

    /* Above the first section heading (after the legend and the download line). */
    var anchor = items[0].box;
    while (anchor && anchor.parentNode && !/\bkb-item\b/.test(anchor.className || "")) anchor = anchor.parentNode;
    var before = anchor;
    while (before && before.previousElementSibling && before.tagName !== "H2") before = before.previousElementSibling;
    if (before && before.tagName === "H2") before.parentNode.insertBefore(region, before);
    else meta.parentNode.insertBefore(region, meta.nextSibling);

    /* ── controls per item ── */
    for (var k = 0; k < items.length; k++) buildItem(items[k]);

    function buildItem(item) {
      var box = item.box;
      var legend = el("legend", { className: "kb-sr", text: item.id + " 检查结果" });
      var group = el("fieldset", { className: "kb-answer" }, [legend]);
      for (var a = 0; a < item.answers.length; a++) {
        var radio = el("input", { type: "radio", name: "kb-answer-" + item.id, value: item.answers[a],
          id: "kb-answer-" + item.id + "-" + a });
        item.radios.push(radio);
        group.appendChild(el("label", { className: "kb-answer__choice", "for": radio.id }, [radio, item.answers[a]]));
      }
      var noteId = "kb-note-" + item.id;
      item.note = el("textarea", { id: noteId, rows: "2", className: "kb-answer__text" });
      var noteBlock = el("div", { className: "kb-answer__note" }, [
        el("label", { "for": noteId }, ["备注", el("span", { className: "kb-sr", text: "（" + item.id + "）" })]),
        item.note
      ]);
      /* The printed boxes stay in the page for paper; on screen CSS hides them while the controls exist. */
      var spans = box.children;
      for (var s = 0; s < spans.length; s++) {
        if (/\bkb-status\b/.test(spans[s].className)) item.printed.push(spans[s]);
        if (/\bkb-item__note\b/.test(spans[s].className) && !item.noteText) {
          item.noteText = el("span", { className: "kb-item__note-text" });
          spans[s].appendChild(item.noteText);
        }
      }
      /* The fieldset names the group now; the wrapper's own group role would announce it twice. */
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      box.appendChild(group);
      box.appendChild(noteBlock);
      box.className += " kb-item__result--live";
      group.onchange = function () {
        record(item);
        changed();
      };
      item.note.oninput = function () {
        record(item);
        changed();
      };
    }

    /* ── state ⇄ form ── */
    function chosen(item) {
      for (var r = 0; r < item.radios.length; r++) if (item.radios[r].checked) return item.radios[r].value;
      return "";
    }

    function record(item) {
      var answer = chosen(item);
      var note = item.note.value;
      if (answer || note) state.answers[item.id] = { answer: answer, note: note };
      else delete state.answers[item.id];
    }

    function show() {
      unitInput.value = state.unit;
      dateInput.value = state.date;
      inspectorInput.value = state.inspector;
      for (var n = 0; n < items.length; n++) {
        var item = items[n];
        var saved = own(state.answers, item.id) ? state.answers[item.id] : null;
        var answer = saved && typeof saved.answer === "string" ? saved.answer : "";
        for (var r = 0; r < item.radios.length; r++) item.radios[r].checked = item.radios[r].value === answer;
        item.note.value = saved && typeof saved.note === "string" ? saved.note : "";
      }
      mirror();
    }

    /* Paper view of the same answers: a ticked box, the note text, the sign-off blanks filled. */
    function mirror() {
      var answered = 0;
      var counts = {};
      for (var n = 0; n < items.length; n++) {
        var item = items[n];
        var answer = chosen(item);
        if (answer) {
          answered++;
          counts[answer] = (counts[answer] || 0) + 1;
        }
        for (var p = 0; p < item.printed.length; p++) {
          var span = item.printed[p];
          var isChosen = answer && trim(span.textContent) === answer;
          span.className = span.className.replace(/\s*kb-status--chosen/g, "") + (isChosen ? " kb-status--chosen" : "");
        }
        if (item.noteText) item.noteText.textContent = item.note.value;
      }
      progress.textContent = "已填 " + answered + "/" + items.length + "，不符合 " + (counts[BAD] || 0);
      var blanks = signoffBlanks();
      setBlank(blanks.unit, state.unit);
      setBlank(blanks.inspector, state.inspector);
      var date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(state.date || "");
      setBlank(blanks.year, date ? date[1] : "");
      setBlank(blanks.month, date ? String(Number(date[2])) : "");
      setBlank(blanks.day, date ? String(Number(date[3])) : "");
      for (var word in blanks.counts) {
        if (own(blanks.counts, word)) setBlank(blanks.counts[word], answered ? String(counts[word] || 0) : "");
      }
    }

    function save() {
      if (!store) return;
      var kept = {
        format: FORMAT, list: list, edition: edition,
        version: pending ? pending.version : version,
        items: pending ? pending.items : pageIds,
        unit: state.unit, date: state.date, inspector: state.inspector,
        answers: {}
      };
      var id;
      for (id in state.answers) if (own(state.answers, id)) kept.answers[id] = state.answers[id];
      if (pending) {
        for (id in pending.gone) if (own(pending.gone, id)) kept.answers[id] = pending.gone[id];
        for (id in pending.dropped) {  // kept as saved until the notice is dismissed, unless answered anew
          if (!own(pending.dropped, id) || (own(kept.answers, id) && kept.answers[id].answer)) continue;
          kept.answers[id] = { answer: pending.dropped[id], note: own(kept.answers, id) ? kept.answers[id].note : "" };
        }
      }
      if (!writeRecord(store, key, kept) && !storageNote) {
        storageNote = el("p", { className: "kb-fillin__storage", role: "alert",
          text: "填写内容未能保存到本浏览器（存储空间已满或被禁止），请及时打印或导出。" });
        region.insertBefore(storageNote, noticeBox);
      }
    }

    function changed() {
      mirror();
      save();
    }

    function headerInput() {
      state.unit = unitInput.value;
      state.date = dateInput.value;
      state.inspector = inspectorInput.value;
      changed();
    }
    unitInput.oninput = headerInput;
    inspectorInput.oninput = headerInput;
    dateInput.oninput = headerInput;
    dateInput.onchange = headerInput;

    /* ── restore, matching by item ID ── */
    function restore() {
      var saved = readRecord(store, key);
      if (!saved) return;
      var str = function (v) { return typeof v === "string" ? v : ""; };
      state.unit = str(saved.unit);
      state.date = /^\d{4}-\d{2}-\d{2}$/.test(str(saved.date)) ? str(saved.date) : "";   // what the date field accepts
      state.inspector = str(saved.inspector);
      var answers = saved.answers && typeof saved.answers === "object" ? saved.answers : {};
      var gone = {};
      var goneIds = [];
      var dropped = {};
      var droppedIds = [];
      for (var id in answers) {
        if (!own(answers, id) || !answers[id] || typeof answers[id] !== "object") continue;
        var entry = { answer: str(answers[id].answer), note: str(answers[id].note) };
        if (!entry.answer && !entry.note) continue;
        if (!own(byId, id)) {
          gone[id] = entry;
          goneIds.push(id);
        } else {
          if (entry.answer && indexOf(byId[id].answers, entry.answer) < 0) {  // the item's answers have changed
            dropped[id] = entry.answer;
            droppedIds.push(id);
            entry = { answer: "", note: entry.note };
          }
          if (entry.answer || entry.note) state.answers[id] = entry;
        }
      }
      var savedVersion = str(saved.version);
      var savedItems = null;
      if (Object.prototype.toString.call(saved.items) === "[object Array]") {
        savedItems = [];
        for (var s = 0; s < saved.items.length; s++) if (typeof saved.items[s] === "string") savedItems.push(saved.items[s]);
      }
      if (savedVersion === version && !goneIds.length && !droppedIds.length) return;
      var newIds = [];
      for (var n = 0; n < pageIds.length; n++) {
        var known = savedItems ? indexOf(savedItems, pageIds[n]) >= 0 : own(answers, pageIds[n]);
        if (!known) newIds.push(pageIds[n]);
      }
      if (!savedItems) {
        savedItems = [];
        for (var savedId in answers) if (own(answers, savedId)) savedItems.push(savedId);
      }
      pending = { version: savedVersion, items: savedItems, gone: gone, goneIds: goneIds, newIds: newIds,
        dropped: dropped, droppedIds: droppedIds };
      notice();
    }

    function notice() {
      while (noticeBox.firstChild) noticeBox.removeChild(noticeBox.firstChild);
      if (!pending) {
        noticeBox.setAttribute("hidden", "hidden");
        return;
      }
      var changedVersion = pending.version !== version;
      noticeBox.appendChild(el("p", { className: "kb-fillin__notice-title", text: changedVersion ?
        "清单已更新：保存的填写内容对应版本 " + (pending.version || "（未知）") + "，本页是版本 " + version :
        "保存的填写内容与本页的检查项不完全一致" }));
      noticeBox.appendChild(el("p", { text: "已按检查项编号填回仍然存在的检查项的结果和备注，请逐项核对后再打印或导出。" }));
      var lines = el("ul");
      var fresh = el("li", { className: "kb-fillin__new", text: "新增的检查项（没有保存的结果）：" });
      for (var f = 0; f < pending.newIds.length; f++) {
        if (f) fresh.appendChild(document.createTextNode("、"));
        fresh.appendChild(el("a", { className: "kb-fillin__id", href: "#" + pending.newIds[f], text: pending.newIds[f] }));
      }
      if (!pending.newIds.length) fresh.appendChild(document.createTextNode("无"));
      lines.appendChild(fresh);
      var gone = el("li", { className: "kb-fillin__gone", text: "已不在本清单中的检查项（保存的内容不再使用）：" });
      for (var g = 0; g < pending.goneIds.length; g++) {
        var entry = pending.gone[pending.goneIds[g]];
        var parts = [];
        if (entry.answer) parts.push("结果：" + entry.answer);
        if (entry.note) parts.push("备注：" + entry.note);
        if (g) gone.appendChild(document.createTextNode("、"));
        gone.appendChild(el("span", { className: "kb-fillin__id", text: pending.goneIds[g] }));
        if (parts.length) gone.appendChild(document.createTextNode("（" + parts.join("；") + "）"));
      }
      if (!pending.goneIds.length) gone.appendChild(document.createTextNode("无"));
      lines.appendChild(gone);
      if (pending.droppedIds.length) {
        var reset = el("li", { className: "kb-fillin__reset",
          text: "可选结果已改变、保存的结果未填回的检查项（请重新选择）：" });
        for (var d = 0; d < pending.droppedIds.length; d++) {
          if (d) reset.appendChild(document.createTextNode("、"));
          reset.appendChild(el("a", { className: "kb-fillin__id", href: "#" + pending.droppedIds[d],
            text: pending.droppedIds[d] }));
          reset.appendChild(document.createTextNode("（原结果：" + pending.dropped[pending.droppedIds[d]] + "）"));
        }
        lines.appendChild(reset);
      }
      noticeBox.appendChild(lines);
      var dismiss = el("button", { type: "button", className: "kb-fillin__button", text: "知道了，不再提示" });
      dismiss.onclick = function () {
        pending = null;
        notice();
        save();
        title.focus();
      };
      noticeBox.appendChild(dismiss);
      noticeBox.removeAttribute("hidden");
    }

    /* ── buttons ── */
    printButton.onclick = function () {
      mirror();
      window.print();
    };

    exportButton.onclick = function () {
      var rows = [COLUMNS];
      for (var n = 0; n < items.length; n++) {
        var saved = own(state.answers, items[n].id) ? state.answers[items[n].id] : { answer: "", note: "" };
        rows.push([state.unit, state.date, state.inspector, list, version, edition, items[n].id, saved.answer,
          saved.note]);
      }
      download(csvText(rows), fileName(["检查结果", list, "v" + version, state.unit, state.date]));
    };

    clearButton.onclick = function () {
      if (!window.confirm("清空本清单在本浏览器中保存的全部填写内容（被检查单位、检查日期、检查人、各项结果和备注）？清空后不能恢复。")) return;
      removeRecord(store, key);
      state = emptyState();
      pending = null;
      notice();
      show();
      unitInput.focus();
    };

    window.addEventListener("storage", function (event) {
      if (event.key !== key) return;
      state = emptyState();
      pending = null;
      restore();
      notice();
      show();
    });

    restore();
    show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
