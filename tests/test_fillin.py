"""Filling in a checklist on screen (docs/assets/javascripts/fillin.js) in Chromium: keyboard controls, answers
kept in localStorage across a reload, the progress line, printing the filled form, the CSV export read back,
a changed list version, clearing, accessibility, the paper form without JavaScript, and the unzipped offline
copy over file://. Every test runs in a fresh browser context, so stored answers never leak between tests."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader
from sources import checklists
from test_print import on_paper, squeeze

from scripts.dev.browser_search import wait_until_settled
from scripts.offline_zip import TOP, pack

CHECKLISTS = checklists()
HJ = next(c for c in CHECKLISTS if c["slug"] == "hj")
IDS = [item["id"] for item in HJ["items"]]
COLUMNS = ["被检查单位", "检查日期", "检查人", "清单编号", "清单版本", "版本（参考文本或单位）", "检查项编号", "检查结果", "备注"]
UNIT, DATE, INSPECTOR = "某县局机关党支部", "2026-11-27", "@张三"
NOTE = '=1+1, 缺少"批复"\n第二行'
NOTE_2 = "按期换届，不涉及"


def open_list(context, base: str, slug: str = "hj"):
    page = context.new_page()
    page.goto(f"{base}/checklists/{slug}.html")
    page.wait_for_selector(".kb-fillin")
    return page


def answers_of(page, item_id: str) -> list[str]:
    return page.get_attribute(f'.kb-item__result[data-kb-item="{item_id}"]', "data-kb-answers").split("|")


def meta(page) -> dict[str, str]:
    return page.eval_on_selector(".kb-sheet-meta", """m => ({list: m.dataset.kbList, version: m.dataset.kbVersion,
        edition: m.dataset.kbEdition})""")


def storage_key(page) -> str:
    m = meta(page)
    return f"kb-fillin:{m['list']}:{m['edition']}"


def choose(page, item_id: str, answer: str, note: str | None = None) -> None:
    """By keyboard: focus the group's first radio, Space to choose it, arrow keys to the wanted answer,
    Tab to the note field and type."""
    steps = answers_of(page, item_id).index(answer)
    page.locator(f'input[name="kb-answer-{item_id}"]').first.focus()
    page.keyboard.press("Space")
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
    if note is not None:
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == f"kb-note-{item_id}"
        page.keyboard.type(note)


def plan(page) -> dict[str, tuple[str, str]]:
    """Four items and what to answer: two 不符合 (one with a hostile note), one 不适用, one first answer."""
    legal = [i for i in IDS if "不符合" in answers_of(page, i)]
    other = [i for i in IDS if i not in legal[:3]]
    return {legal[0]: ("不符合", NOTE), legal[1]: ("不符合", ""), legal[2]: ("不适用", NOTE_2),
            other[0]: (answers_of(page, other[0])[0], "")}


def fill(page) -> dict[str, tuple[str, str]]:
    page.locator("#kb-fillin-unit").focus()
    page.keyboard.type(UNIT)
    page.fill("#kb-fillin-date", DATE)
    page.locator("#kb-fillin-inspector").focus()
    page.keyboard.type(INSPECTOR)
    wanted = plan(page)
    for item_id, (answer, note) in wanted.items():
        choose(page, item_id, answer, note or None)
    return wanted


def form_state(page) -> dict:
    return page.evaluate("""() => {
        const answers = {};
        document.querySelectorAll('.kb-item__result[data-kb-item]').forEach(box => {
            const id = box.dataset.kbItem;
            const checked = box.querySelector('input[type=radio]:checked');
            const note = box.querySelector('textarea').value;
            if (checked || note) answers[id] = [checked ? checked.value : '', note];
        });
        return {unit: document.querySelector('#kb-fillin-unit').value,
                date: document.querySelector('#kb-fillin-date').value,
                inspector: document.querySelector('#kb-fillin-inspector').value,
                progress: document.querySelector('.kb-fillin__progress').textContent, answers};
    }""")


def expected_answers(wanted) -> dict[str, list[str]]:
    return {i: [a, n] for i, (a, n) in wanted.items()}


def progress_text(wanted) -> str:
    bad = sum(1 for a, _ in wanted.values() if a == "不符合")
    return f"已填 {len(wanted)}/{len(IDS)}，不符合 {bad}"


def pdf_text(page) -> tuple[list[str], str]:
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]
    return pages, "".join(pages)


def read_export(page) -> tuple[bytes, list[list[str]]]:
    with page.expect_download() as info:
        page.get_by_role("button", name="导出结果", exact=True).click()
    download = info.value
    assert download.suggested_filename.endswith(".csv") and download.suggested_filename.startswith("检查结果_")
    raw = Path(download.path()).read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def check_export(page, wanted) -> None:
    raw, rows = read_export(page)
    m = meta(page)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.startswith("\ufeff".encode() + ",".join(COLUMNS).encode() + b"\r\n")  # RFC 4180: CRLF
    assert rows[0] == COLUMNS
    assert [r[6] for r in rows[1:]] == IDS  # one row per item, page order, unanswered ones too
    for row in rows[1:]:
        assert row[:6] == [UNIT, DATE, "'" + INSPECTOR, m["list"], m["version"], m["edition"]]
        answer, note = wanted.get(row[6], ("", ""))
        assert row[7] == answer
        assert row[8] == ("'" + note if note.startswith("=") else note)
    assert ["'" + NOTE] == [r[8] for r in rows[1:] if r[8].startswith("'=")]
    assert "'=1+1" in raw.decode("utf-8-sig")


# ── keyboard, storage, progress ─────────────────────────────────────────────────────────────────────────

def test_keyboard_answers_survive_a_reload(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    assert page.locator(".kb-fillin__progress").get_attribute("aria-live") == "polite"
    assert page.locator(".kb-fillin__progress").text_content() == f"已填 0/{len(IDS)}，不符合 0"
    wanted = fill(page)
    before = form_state(page)
    assert before["answers"] == expected_answers(wanted)
    assert before["progress"] == progress_text(wanted)
    assert (before["unit"], before["date"], before["inspector"]) == (UNIT, DATE, INSPECTOR)
    page.reload()
    page.wait_for_selector(".kb-fillin")
    assert form_state(page) == before
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", storage_key(page)))
    assert stored["version"] == meta(page)["version"] and stored["items"] == IDS
    context.close()


def test_arrow_keys_move_within_one_group_and_tab_leaves_it(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    item = IDS[0]
    options = answers_of(page, item)
    radios = page.locator(f'input[name="kb-answer-{item}"]')
    assert radios.count() == len(options) and [radios.nth(i).get_attribute("value") for i in range(len(options))] \
        == options
    radios.first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert form_state(page)["answers"] == {item: [options[2], ""]}
    page.keyboard.press("ArrowLeft")
    assert form_state(page)["answers"] == {item: [options[1], ""]}
    page.keyboard.press("Tab")  # one tab stop per group: next is the note field of the same item
    assert page.evaluate("() => document.activeElement.id") == f"kb-note-{item}"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.value") == options[1]
    context.close()


def test_progress_counts_answers_and_nonconformities_live(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    progress = page.locator(".kb-fillin__progress")
    legal = [i for i in IDS if "不符合" in answers_of(page, i)]
    choose(page, legal[0], "不符合")
    assert progress.text_content() == f"已填 1/{len(IDS)}，不符合 1"
    choose(page, legal[1], "符合")
    choose(page, legal[2], "不符合")
    assert progress.text_content() == f"已填 3/{len(IDS)}，不符合 2"
    choose(page, legal[0], "不适用")
    assert progress.text_content() == f"已填 3/{len(IDS)}，不符合 1"
    page.locator(f"#kb-note-{IDS[-1]}").fill("只有备注不算已填")
    assert progress.text_content() == f"已填 3/{len(IDS)}，不符合 1"
    context.close()


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c["id"])
def test_every_list_gets_one_group_per_item(browser, server, checklist):
    context = browser.new_context()
    page = open_list(context, server, checklist["slug"])
    groups = page.evaluate("""() => [...document.querySelectorAll('.kb-item__result[data-kb-item]')].map(box => [
        box.dataset.kbItem, box.dataset.kbAnswers,
        [...box.querySelectorAll('fieldset input[type=radio]')].map(r => r.value).join('|'),
        box.querySelectorAll('textarea').length,
        [...box.querySelectorAll('.kb-status')].some(s => s.getBoundingClientRect().height > 0)])""")
    assert [g[0] for g in groups] == [i["id"] for i in checklist["items"]]
    for item_id, allowed, radios, notes, printed_boxes_shown in groups:
        assert radios == allowed and notes == 1 and not printed_boxes_shown, item_id
    assert page.locator(".kb-fillin__progress").text_content() == f"已填 0/{len(checklist['items'])}，不符合 0"
    context.close()


def test_storage_unavailable_is_said_and_the_form_still_works(browser, server):
    context = browser.new_context()
    context.add_init_script("""Object.defineProperty(window, 'localStorage', {configurable: true,
        get() { throw new DOMException('denied', 'SecurityError'); }});""")
    page = open_list(context, server)
    assert "本地存储不可用" in page.locator(".kb-fillin__storage").text_content()
    wanted = fill(page)
    assert form_state(page)["progress"] == progress_text(wanted)
    check_export(page, wanted)
    context.close()


def test_full_storage_still_shows_saved_answers_and_says_when_saving_fails(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    wanted = fill(page)
    before = form_state(page)
    # The quota is full from now on: every write throws, reads still work.
    context.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); };""")
    page.reload()
    page.wait_for_selector(".kb-fillin")
    assert form_state(page) == before
    assert page.locator(".kb-fillin__storage").count() == 0
    choose(page, IDS[-1], answers_of(page, IDS[-1])[0])
    assert "未能保存" in page.locator(".kb-fillin__storage").text_content()
    assert form_state(page)["progress"] == progress_text({**wanted, IDS[-1]: (answers_of(page, IDS[-1])[0], "")})
    context.close()


def test_two_tabs_of_one_list_keep_each_others_answers(browser, server):
    context = browser.new_context()
    first, second = open_list(context, server), open_list(context, server)
    choose(first, IDS[0], answers_of(first, IDS[0])[0])
    first.locator("#kb-fillin-unit").fill(UNIT)
    second.wait_for_function("u => document.querySelector('#kb-fillin-unit').value === u", arg=UNIT)
    choose(second, IDS[1], answers_of(second, IDS[1])[0])
    first.wait_for_function("() => document.querySelector('.kb-fillin__progress').textContent.startsWith('已填 2/')")
    first.reload()
    first.wait_for_selector(".kb-fillin")
    state = form_state(first)
    assert set(state["answers"]) == {IDS[0], IDS[1]} and state["unit"] == UNIT
    context.close()


@pytest.mark.parametrize("items", ['{"length": 1e10}', '"HJ-01"', "[1, null, {}]"])
def test_a_hand_edited_record_neither_hangs_nor_breaks_the_form(browser, server, items: str):
    context = browser.new_context()
    page = open_list(context, server)
    answers = json.dumps({IDS[0]: {"answer": answers_of(page, IDS[0])[0], "note": ""}}, ensure_ascii=False)
    record = f'{{"version": "1.0", "items": {items}, "date": "2026-13-45 <b>", "answers": {answers}}}'
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(page), record])
    page.reload(timeout=15_000)
    page.wait_for_selector(".kb-fillin", timeout=15_000)
    assert set(form_state(page)["answers"]) == {IDS[0]}
    assert page.locator(".kb-fillin__notice").is_visible()
    _, rows = read_export(page)   # a date the form cannot show is not exported either
    assert {row[1] for row in rows[1:]} == {""}
    context.close()


def test_print_all_page_is_paper_only_and_leaves_saved_answers_alone(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/checklists/print-all.html")
    page.wait_for_load_state("load")
    assert page.locator(".kb-sheet-meta[data-kb-list]").count() == len(CHECKLISTS)
    assert page.locator(".kb-fillin, .kb-answer").count() == 0
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('kb-fillin:'))") == []
    context.close()


# ── print, export ───────────────────────────────────────────────────────────────────────────────────────

def test_export_is_the_documented_csv(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    outside: list[str] = []
    local = urlsplit(server).netloc
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).netloc not in ("", local) else None)
    wanted = fill(page)
    check_export(page, wanted)
    assert not outside, outside
    context.close()


def check_print(page, wanted) -> None:
    pages, whole = pdf_text(page)
    assert len(pages) <= 2  # 18 items: the filled form keeps the paper budget
    flat = squeeze(whole)
    assert whole.count("√") == len(wanted)  # one tick per answered item, in the chosen answer's box
    assert on_paper("缺少\"批复\"", flat) and on_paper("第二行", flat) and on_paper(NOTE_2, flat)
    assert on_paper(f"被检查单位：{UNIT}", flat) and on_paper("检查日期：2026年11月27日", flat)
    assert on_paper(f"检查人（签字）：{INSPECTOR}", flat)
    for word in ("不符合", "不适用"):  # the result summary of the sign-off block is filled in
        count = sum(1 for a, _ in wanted.values() if a == word)
        assert re.search(rf"[，,]{word}\s*{count}\s*项", whole), word
    assert "在屏幕上填写" not in whole and "打印本次检查结果" not in whole and f"已填 {len(wanted)}/" not in whole


def test_prints_the_filled_form(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    wanted = fill(page)
    check_print(page, wanted)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }")
    page.get_by_role("button", name="打印本次检查结果", exact=True).click()
    assert page.evaluate("() => window.__printed") == 1
    context.close()


def test_unfilled_print_is_the_paper_form(browser, server):
    """With nothing filled in, the script adds nothing to paper: the same text as without JavaScript."""
    on = browser.new_context()
    off = browser.new_context(java_script_enabled=False)
    texts = []
    for context in (on, off):
        page = context.new_page()
        page.goto(f"{server}/checklists/hj.html")
        pages, whole = pdf_text(page)
        texts.append((len(pages), whole))
        context.close()
    assert texts[0] == texts[1]


def test_offline_copy_fills_prints_and_exports_from_file_url(tmp_path: Path, site: Path, browser):
    archive = tmp_path / "kb-offline.zip"
    pack(site, archive)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unzipped")
    url = (tmp_path / "unzipped" / TOP).as_uri()
    context = browser.new_context()
    page = open_list(context, url)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:",
                                                                                "about:")) else None)
    assert not page.locator(".kb-fillin__storage").count()  # Chromium keeps localStorage for file://
    wanted = fill(page)
    page.reload()
    page.wait_for_selector(".kb-fillin")
    assert form_state(page)["answers"] == expected_answers(wanted)
    check_print(page, wanted)
    check_export(page, wanted)
    assert not outside, outside
    context.close()


# ── changed list, clearing ──────────────────────────────────────────────────────────────────────────────

def changed_item(page) -> str:
    """An item of the first ten that has no 符合 today (its answers are 已采用/未采用/不适用)."""
    return next(i for i in IDS[1:10] if "符合" not in answers_of(page, i))


def old_record(page) -> dict:
    """Answers saved for an older version with ten of today's items and one that is gone since; one item
    then had other answers (符合), so its saved answer no longer fits."""
    m = meta(page)
    first = IDS[0]
    return {"format": "kb-fillin/1", "list": m["list"], "edition": m["edition"], "version": "0.9",
            "items": [*IDS[:10], "HJ-99"], "unit": UNIT, "date": DATE, "inspector": INSPECTOR,
            "answers": {first: {"answer": answers_of(page, first)[1], "note": "旧版本的备注"},
                        changed_item(page): {"answer": "符合", "note": ""},
                        "HJ-99": {"answer": "不符合", "note": "已删除的检查项"}}}


def test_changed_version_applies_known_items_and_names_new_and_gone(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    key = storage_key(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(old_record(page), ensure_ascii=False)])
    page.reload()
    notice = page.locator(".kb-fillin__notice")
    assert notice.is_visible()
    text = notice.text_content()
    assert "0.9" in text and meta(page)["version"] in text
    gone = page.locator(".kb-fillin__gone").text_content()
    new = page.locator(".kb-fillin__new").text_content()
    assert "HJ-99" in gone and "已删除的检查项" in gone
    assert all(i in new for i in IDS[10:]) and not any(i in new for i in IDS[:10])
    assert form_state(page)["answers"] == {IDS[0]: [answers_of(page, IDS[0])[1], "旧版本的备注"]}
    reset = page.locator(".kb-fillin__reset").text_content()  # not applied, and said so
    assert changed_item(page) in reset and "符合" in reset
    # Still there after more answers and a reload: only dismissing or clearing ends it.
    choose(page, IDS[12], answers_of(page, IDS[12])[0])
    page.reload()
    assert page.locator(".kb-fillin__notice").is_visible() and "HJ-99" in page.locator(".kb-fillin__gone").text_content()
    assert IDS[12] in page.locator(".kb-fillin__new").text_content()
    page.get_by_role("button", name="知道了，不再提示", exact=True).click()
    assert not page.locator(".kb-fillin__notice").is_visible()
    page.reload()
    page.wait_for_selector(".kb-fillin")
    assert not page.locator(".kb-fillin__notice").is_visible()
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert stored["version"] == meta(page)["version"] and "HJ-99" not in stored["answers"]
    assert set(stored["answers"]) == {IDS[0], IDS[12]}
    context.close()


def test_clear_asks_first_then_empties_form_and_storage(browser, server):
    context = browser.new_context()
    page = open_list(context, server)
    key = storage_key(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(old_record(page), ensure_ascii=False)])
    page.reload()
    wanted = fill(page)
    dialogs = []

    def answer(dialog, accept: bool):
        dialogs.append((dialog.type, dialog.message))
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    page.get_by_role("button", name="清空", exact=True).click()
    assert dialogs and dialogs[0][0] == "confirm" and "清空" in dialogs[0][1]
    assert form_state(page)["progress"] == progress_text(wanted)  # nothing cleared when refused
    page.once("dialog", lambda d: answer(d, True))
    page.get_by_role("button", name="清空", exact=True).click()
    empty = {"unit": "", "date": "", "inspector": "", "progress": f"已填 0/{len(IDS)}，不符合 0", "answers": {}}
    assert len(dialogs) == 2 and form_state(page) == empty
    assert not page.locator(".kb-fillin__notice").is_visible()
    assert page.evaluate("k => localStorage.getItem(k)", key) is None
    assert not page.locator(".kb-status--chosen, .kb-blank--filled").count()
    page.reload()
    page.wait_for_selector(".kb-fillin")
    assert form_state(page) == empty and not page.locator(".kb-fillin__notice").is_visible()
    context.close()


# ── accessibility, no JavaScript ────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_filled_page_has_no_serious_accessibility_violation(browser, server, scheme: str):
    context = browser.new_context()
    context.add_init_script(f"""localStorage.setItem("/.__palette", JSON.stringify({{index: {0 if scheme == 'default'
        else 1}, color: {{media: "", scheme: "{scheme}", primary: "custom", accent: "custom"}}}}))""")
    page = open_list(context, server)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [storage_key(page), json.dumps(old_record(page), ensure_ascii=False)])
    page.reload()
    fill(page)
    assert page.locator(".kb-fillin__notice").is_visible()  # the notice is checked too
    wait_until_settled(page)                                 # colours of a running transition are half-way
    results = Axe().run(page)
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert not serious, "\n".join(serious)


def test_without_javascript_the_page_is_the_paper_form(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/checklists/hj.html")
    article = page.locator("article")
    assert not article.locator("input, textarea, select, button, fieldset").count()
    assert not page.locator(".kb-fillin").count()
    boxes = page.locator(".kb-item__result .kb-status")
    assert boxes.count() == sum(len(answers_of(page, i)) for i in IDS)
    assert all(boxes.nth(i).is_visible() for i in range(boxes.count()))
    assert page.locator(".kb-item__note").first.is_visible()
    assert page.locator(f'.kb-item__result[data-kb-item="{IDS[0]}"]').get_attribute("role") == "group"
    context.close()
