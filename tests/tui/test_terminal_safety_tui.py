"""Bidi and C1 control characters in user text reach the app's screen escaped, visibly.

The table, the detail view, an inline form error quoting what was typed and a toast
quoting it: none may hand U+202E (which reverses what the terminal shows after it) or
U+009B (a one-byte CSI) to the terminal raw (issue 13, item 9).
"""

from __future__ import annotations

import re

from textual.widgets import Input

from tests.tui.conftest import screen_text, settle

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RAW = re.compile("[\u202a-\u202e\u2066-\u2069\x80-\x9f]")


def safe(text: str) -> bool:
    return not RAW.search(text)


async def test_the_jobs_table_and_details_escape_bidi(services, make_app):
    services.jobs.create(f"exe.{BIDI}txt\x9b", department=f"财务{BIDI}科")
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert safe(shown) and "\\u202e" in shown.replace("\n", "")
        await pilot.press("enter")  # the detail view
        await settle(pilot)
        shown = screen_text(app)
        assert safe(shown) and "\\u202e" in shown and "\\x9b" in shown


async def test_a_quick_add_error_quoting_the_input_is_escaped(services, make_app):
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        app.screen.query_one("#quickadd", Input).value = f"lamp #{BIDI}x due:{BIDI}"
        await pilot.press("enter")
        await settle(pilot)
        # The error line quotes what was typed, escaped.
        error = str(app.screen.query_one("#quickadd-error").render())
        assert safe(error) and "\\u202e" in error, error


async def test_a_form_error_quoting_the_input_is_escaped(services, make_app):
    services.jobs.create("fix the lamp")
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        await pilot.press("d")  # the due prompt
        await settle(pilot)
        app.screen.query_one(Input).value = f"{BIDI}tomorrow\x9b"
        await pilot.press("enter")
        await settle(pilot)
        error = str(app.screen.query_one(".form-error").render())
        assert "\\u202e" in error and safe(error), error


async def test_a_toast_quoting_user_text_is_escaped(services, make_app):
    app = make_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        app.screen.notify(f"Refused: '{BIDI}x\x9b'", markup=False)  # as every screen's refusals
        await settle(pilot)
        # (run_test draws no toasts: the app's notifications are read, as in
        # tests/tui/test_jobs_screen_table.py)
        shown = [n.message for n in app._notifications]
        assert shown == ["Refused: '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067"
                         "\\u2068\\u2069x\\x9b'"], shown
