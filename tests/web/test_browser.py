"""End to end in Debian's Chromium: paste, highlights, notes, suggestions, upload, glossary, entry page."""

from __future__ import annotations

import re

import pytest
from livebrowser import CHROMIUM, chromium, live_server, watched_page

from begriffe.web.app import create_app

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} fehlt (Debian-Paket chromium)")

DRAFT = "Die Asylanten kamen mit der Flüchtlingswelle.\n\nDer Ausländer wartet."


@pytest.fixture(scope="module")
def server(mini_compiled):
    with live_server(create_app(mini_compiled)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server):
    with chromium(server) as (context, blocked):
        yield context, blocked


@pytest.fixture()
def page(browser):
    with watched_page(*browser) as page:
        yield page


@pytest.fixture()
def expect():
    from playwright.sync_api import expect

    return expect


def check_draft(page, server, expect, text=DRAFT):
    page.goto(server + "/")
    page.get_by_label("Text einfügen").fill(text)
    page.get_by_role("button", name="Prüfen", exact=True).click()
    expect(page.locator("#result")).to_be_visible()


def test_paste_shows_highlights_and_counts(page, server, expect):
    check_draft(page, server, expect)
    marks = page.locator("mark.finding")
    expect(marks).to_have_count(3)
    expect(marks.nth(0)).to_have_text("Asylanten")
    expect(marks.nth(0)).to_have_class(re.compile(r"\berror\b"))
    expect(marks.nth(1)).to_have_class(re.compile(r"\bwarning\b"))
    expect(marks.nth(2)).to_have_class(re.compile(r"\binfo\b"))
    assert page.locator("#document").text_content() == DRAFT
    expect(page.locator("#summary")).to_have_text("3 Funde: 1 Fehler, 1 Warnung, 1 Hinweis.")
    expect(page.locator(".panel h3")).to_have_text(["✖Fehler (1)", "▲Warnungen (1)", "ℹHinweise (1)"])
    expect(page.locator("#h-result")).to_be_focused()


def test_note_opens_with_keyboard_and_escape_closes_it(page, server, expect):
    check_draft(page, server, expect)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    first = page.locator("mark.finding").first
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    note = page.get_by_role("dialog", name="Hinweis zu „Asylanten“")
    expect(note).to_be_visible()
    expect(note).to_be_focused()
    expect(note).to_contain_text("Fehler · diskriminierend")
    expect(note).to_contain_text("Abwertend.")
    expect(note.get_by_role("link", name="Glossareintrag „Asylant“")).to_have_attribute("href", "/eintrag/asylant")
    expect(first).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(note).to_have_count(0)
    expect(first).to_be_focused()
    page.keyboard.press(" ")
    expect(note).to_be_visible()


def test_note_opens_on_hover_and_from_the_panel(page, server, expect):
    check_draft(page, server, expect)
    page.locator("mark.finding").nth(1).hover()
    note = page.get_by_role("dialog")
    expect(note).to_contain_text("Wassermasse")
    page.mouse.move(5, 5)
    expect(note).to_have_count(0)
    page.locator(".finding-link", has_text="Ausländer").click()
    expect(page.get_by_role("dialog", name="Hinweis zu „Ausländer“")).to_be_focused()


def test_apply_suggestion_replaces_and_rechecks(page, server, expect):
    check_draft(page, server, expect)
    page.locator("mark.finding").first.click()
    page.get_by_role("button", name="„Asylanten“ durch „Asylsuchenden“ ersetzen").click()
    expect(page.locator("mark.finding")).to_have_count(2)
    assert page.locator("#text").input_value() == DRAFT.replace("Asylanten", "Asylsuchenden")
    expect(page.locator("#status")).to_contain_text("„Asylanten“ durch „Asylsuchenden“ ersetzt. Neu geprüft: 2 Funde")
    expect(page.locator("mark.finding").first).to_be_focused()


def test_glossary_link_in_note_opens_the_entry(page, server, expect):
    check_draft(page, server, expect)
    page.locator("mark.finding").first.click()
    page.get_by_role("link", name="Glossareintrag „Asylant“").click()
    expect(page).to_have_url(server + "/eintrag/asylant")
    expect(page.get_by_role("heading", level=1)).to_have_text("Asylant")


def test_copy_findings_as_markdown(page, server, expect, browser):
    browser[0].grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    check_draft(page, server, expect)
    page.get_by_role("button", name="Funde als Markdown kopieren").click()
    expect(page.locator("#status")).to_contain_text("3 Funde als Markdown")
    lines = page.evaluate("navigator.clipboard.readText()").splitlines()
    assert lines[0] == "- 1:5 Fehler: „Asylanten“ – Abwertend. Vorschläge: Asylsuchenden, Schutzsuchenden"
    assert len(lines) == 3 and lines[2].startswith("- 3:5 Hinweis: „Ausländer“")


def test_upload_docx_and_annotated_copy(page, server, expect, tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Beschlussvorlage", level=1)
    document.add_paragraph("Die Asylanten warten seit Wochen auf einen Termin.")
    path = tmp_path / "vorlage.docx"
    document.save(path)
    page.goto(server + "/")
    page.get_by_label("Oder eine Datei hochladen").set_input_files(path)
    expect(page.locator("mark.finding")).to_have_text(["Asylanten"])
    expect(page.locator("#doc-name")).to_have_text("vorlage.docx")
    download = page.get_by_role("button", name="Kommentierte Kopie herunterladen")
    expect(download).to_be_visible()
    with page.expect_download() as info:
        download.click()
    assert info.value.suggested_filename == "vorlage-kommentiert.docx"


def test_glossary_search_as_you_type_and_filters(page, server, expect):
    page.goto(server + "/glossar")
    page.get_by_label("Begriff suchen").fill("asylantn")
    expect(page.locator("#entries li").first.get_by_role("link")).to_have_text("Asylant")
    expect(page).to_have_url(server + "/glossar?q=asylantn")
    page.get_by_label("Begriff suchen").fill("")
    page.get_by_label("Status").select_option("empfohlen")
    expect(page.locator("#entries .badge")).not_to_have_count(0)
    for badge in page.locator("#entries .badge").all_text_contents():
        assert badge == "empfohlen"
    page.get_by_label("Status").select_option("")
    page.get_by_label("Begriff suchen").fill("qqqxxyy")
    expect(page.locator("#count")).to_have_text("Kein Eintrag zu „qqqxxyy“ gefunden.")


def test_entry_page(page, server, expect):
    page.goto(server + "/glossar?q=asylant")
    page.locator("#entries").get_by_role("link", name="Asylant", exact=True).click()
    expect(page).to_have_url(server + "/eintrag/asylant")
    expect(page.get_by_role("heading", level=1)).to_have_text("Asylant")
    expect(page.locator(".lead")).to_have_text("Abwertend.")
    expect(page.locator(".chips li")).to_have_text(["Asylsuchende", "Schutzsuchende"])
    expect(page.locator(".sources li")).to_contain_text(["NdM-Glossar. Neue deutsche Medienmacher*innen, 2024."])
    expect(page.get_by_role("link", name="https://glossar.neuemedienmacher.de/")).to_be_visible()
