"""The gettext catalogs: every string shown in the source is translated, the committed .mo
is the compiled .po, and a translation keeps its placeholders.

A new `_("...")` in the code fails test_every_message_is_translated until `make i18n`
has merged it into office_tui/locale/zh/LC_MESSAGES/office_tui.po and someone has
translated it there.
"""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import office_tui

PACKAGE = Path(office_tui.__file__).parent
LOCALE = PACKAGE / "locale"
PO = LOCALE / "zh" / "LC_MESSAGES" / "office_tui.po"
MO = LOCALE / "zh" / "LC_MESSAGES" / "office_tui.mo"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def extracted(root: Path = PACKAGE) -> dict[str, str]:
    """msgid -> where, from the source, with Babel's own extractor (as `make i18n`)."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(root), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
    ):
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def catalog():
    with PO.open("rb") as f:
        return read_po(f)


def problems(source: dict[str, str], po) -> list[str]:
    """What is wrong with `po` for the messages of `source`: missing, empty or fuzzy."""
    entries = {}
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for msgid in ids:
            entries[msgid] = message
    found = []
    for msgid, where in sorted(source.items()):
        message = entries.get(msgid)
        if message is None:
            found.append(f"missing from the catalog: {msgid!r} ({where})")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(s and s.strip() for s in strings):
            found.append(f"untranslated: {msgid!r} ({where})")
        elif message.fuzzy:
            found.append(f"fuzzy: {msgid!r} ({where})")
    return found


def placeholders(text: str) -> set[str]:
    """The names of a brace format's fields ({id}, {n:02d} -> id, n)."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text)
            if name is not None}


def test_every_message_is_translated():
    source = extracted()
    assert len(source) > 900, "the extractor found too little: is the source there?"
    assert problems(source, catalog()) == []


def test_an_untranslated_string_fails_the_catalog_check(tmp_path):
    """The check above really catches a new string, an empty and a fuzzy translation."""
    module = tmp_path / "pkg" / "new_screen.py"
    module.parent.mkdir()
    module.write_text(
        "from office_tui.i18n import _\n"
        "TITLE = _('Today')\n"
        "LABEL = _('A brand new label nobody translated')\n", encoding="utf-8")
    source = extracted(module.parent)
    assert set(source) == {"Today", "A brand new label nobody translated"}
    po = catalog()
    assert problems(source, po) == [
        "missing from the catalog: 'A brand new label nobody translated' (new_screen.py:3)"]

    po.add("A brand new label nobody translated", "")
    assert problems(source, po) == [
        "untranslated: 'A brand new label nobody translated' (new_screen.py:3)"]
    po["A brand new label nobody translated"].string = "全新标签"
    po["A brand new label nobody translated"].flags.add("fuzzy")
    assert problems(source, po) == ["fuzzy: 'A brand new label nobody translated' "
                                    "(new_screen.py:3)"]


def test_the_committed_mo_is_the_compiled_po():
    compiled = io.BytesIO()
    write_mo(compiled, catalog())
    assert MO.read_bytes() == compiled.getvalue(), "run `make i18n` and commit the .mo"


def test_translations_keep_their_placeholders():
    wrong = []
    for message in catalog():
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        want = placeholders(ids[-1])
        for text in strings:
            if placeholders(text) != want:
                wrong.append((ids[0], text))
    assert wrong == []


def test_placeholder_check_catches_a_renamed_field():
    assert placeholders("#{id} {status}: {title}") == {"id", "status", "title"}
    assert placeholders("{month:02d}-{day:02d}") == placeholders("{month}月{day}日")
    assert placeholders("#{id} 已开始") != placeholders("#{id} {status}")


def test_english_messages_have_no_chinese():
    """English is the source language: a Chinese example belongs in the zh catalog."""
    assert [(m, where) for m, where in extracted().items() if CJK.search(m)] == []


def test_chinese_catalog_is_chinese():
    """Sanity: the catalog is really a translation, not English copied over."""
    po = catalog()
    translated = [m for m in po if m.id and m.string]
    chinese = [m for m in translated if CJK.search(
        m.string if isinstance(m.string, str) else m.string[0])]
    assert len(chinese) / len(translated) > 0.9


def test_no_message_hides_inside_an_f_string():
    """Babel cannot see a _() call inside an f-string (Python < 3.12): it would never be
    extracted, so never translated. Write "## " + _("Summary"), not f"## {_('Summary')}"."""
    import ast

    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.relative_to(PACKAGE)}:{call.lineno}"
                           for call in ast.walk(node)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                           and call.func.id in ("_", "N_", "ngettext")]
    assert hidden == []


def extracted_in_context(root: Path = PACKAGE) -> dict[tuple[str, str], str]:
    """(context, msgid) -> where, for every pgettext/npgettext in the source."""
    found: dict[tuple[str, str], str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(root), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if context and msgid:
            found.setdefault((context, msgid), f"{filename}:{lineno}")
    return found


def test_every_message_in_context_is_translated_in_that_context():
    """One English word, several meanings (pgettext): each meaning has its own entry."""
    po = catalog()
    source = extracted_in_context()
    assert ("job", "Location") in source
    wrong = []
    for (context, msgid), where in sorted(source.items()):
        message = po.get(msgid, context=context)
        strings = () if message is None else (
            message.string if isinstance(message.string, tuple) else (message.string,))
        if message is None or message.fuzzy or not all(s and s.strip() for s in strings):
            wrong.append(f"{context}|{msgid} ({where})")
    assert wrong == []


def test_a_context_gets_its_own_translation():
    from office_tui import i18n

    i18n.set_language("zh")
    try:
        assert i18n.pgettext("job", "Location") != i18n._("Location")
    finally:
        i18n.set_language("en")


def test_babel_finds_no_error_in_the_catalog():
    """What `pybabel compile` checks (and `make i18n` fails on): e.g. a brace message with
    `{n}% o…` reads to Babel as a printf `% o`, which no translation can match."""
    errors = [f"{message.id!r}: {'; '.join(map(str, errs))}"
              for message, errs in catalog().check() if errs]
    assert errors == []
