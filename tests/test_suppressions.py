"""In-document suppressions: ranges, next line, whole file, and findings about the suppressions."""

from __future__ import annotations

from begriffe.readers import read_text


def check(engine, text: str, markdown: bool = True):
    return [(f.rule, f.line) for f in engine.check_document(read_text("t.md" if markdown else "t.txt", text, markdown=markdown))]


def test_range_disable_enable(mini):
    text = "Asylanten.\n\n<!-- begriffe-disable asylant -->\n\nAsylanten.\n\n<!-- begriffe-enable asylant -->\n\nAsylanten.\n"
    assert check(mini, text) == [("asylant", 1), ("asylant", 9)]


def test_disable_next_line(mini):
    text = "<!-- begriffe-disable-next-line asylant -->\nDie Asylanten.\nDie Asylanten.\n"
    assert check(mini, text) == [("asylant", 3)]


def test_plain_text_directive_on_its_own_line(mini):
    text = "begriffe-disable-next-line asylant\nDie Asylanten.\nDie Asylanten.\n"
    assert check(mini, text, markdown=False) == [("asylant", 3)]


def test_directives_ignore_case_on_their_own(mini):
    """No other spelling in the file is needed for a mixed-case directive to count."""
    text = "Die Asylanten.\n\n<!-- BeGriffe-Disable-Next-Line asylant -->\nDie Asylanten.\n"
    assert check(mini, text) == [("asylant", 1)]


def test_the_quick_directive_test_accepts_every_spelling_the_directive_does():
    """The hint's character classes hold exactly the characters ``re.IGNORECASE`` matches."""
    import re

    from begriffe.readers import DIRECTIVE_HINT

    every_character = "".join(map(chr, range(0x110000)))
    classes = re.findall(r"\[([^\]]+)\]|(-)", DIRECTIVE_HINT.pattern)
    for letter, (members, dash) in zip("begriffe-", classes, strict=True):
        accepted = set(re.findall(re.escape(letter), every_character, re.IGNORECASE))
        assert set(members or dash) == accepted, letter


def test_directive_inside_a_sentence_of_plain_text_is_ignored(mini):
    text = "Wir schreiben nie begriffe-disable asylant in den Text. Die Asylanten.\n"
    assert ("asylant", 1) in check(mini, text, markdown=False)


def test_other_rules_are_not_hidden(mini):
    text = "<!-- begriffe-disable-next-line asylant -->\nDie Asylanten und Zigeuner.\n"
    assert check(mini, text) == [("zigeuner", 2)]


def test_cluster_names_work_as_ids(mini):
    text = "<!-- begriffe-disable-next-line test -->\nDie Asylanten und Zigeuner.\n"
    assert check(mini, text) == []


def test_unused_and_unknown_ids_are_reported(mini):
    text = "<!-- begriffe-disable-next-line zigeuner, gibtsnicht -->\nDie Asylanten.\n"
    found = check(mini, text)
    assert ("unused-suppression", 1) in found and ("unknown-id", 1) in found and ("asylant", 2) in found


def test_blanket_and_unclosed_disable_are_warned(mini):
    text = "<!-- begriffe-disable -->\nDie Asylanten.\n"
    rules = [r for r, _ in check(mini, text)]
    assert "asylant" not in rules
    assert "blanket-suppression" in rules and "unclosed-suppression" in rules


def test_disable_file(mini):
    text = "<!-- begriffe-disable-file asylant -->\n\nDie Asylanten.\n\nDie Asylanten.\n"
    assert check(mini, text) == []


def test_suppressions_never_hide_findings_outside_their_range(mini):
    text = "Die Asylanten.\n<!-- begriffe-disable-next-line asylant -->\nDie Asylanten.\nDie Asylanten.\n"
    assert check(mini, text) == [("asylant", 1), ("asylant", 4)]
