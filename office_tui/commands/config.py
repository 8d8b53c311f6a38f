"""`config language [en|zh|auto]`: the clerk's preferences kept in the database."""

from __future__ import annotations

from typing import Optional

import typer

from office_tui import i18n
from office_tui.cli import _run, app, out
from office_tui.i18n import _

sub = typer.Typer(help=_("Preferences kept in the database (read at start)."),
                  no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sub, name="config")


def language_name(lang: str | None) -> str:
    names = {"en": _("English"), "zh": _("Simplified Chinese")}
    return names.get(lang or "", _("from the locale"))


@sub.command("language", help=_(
    "Show or set the interface language: en, zh, or auto (follow the locale). "
    "--lang and OFFICE_TUI_LANG still win for one run."))
def language(
    value: Optional[str] = typer.Argument(None, metavar="[en|zh|auto]",
                                          help=_("The language to keep; none shows it.")),
) -> None:
    if value is None:
        stored = _run(lambda s: s.preferences.language())
        out.print(_("Language setting: {setting}; this run: {current}.").format(
            setting=language_name(stored), current=language_name(i18n.current_language())),
            markup=False)
        return
    chosen = _run(lambda s: s.preferences.set_language(value))
    out.print(_("Language set to {language}; it applies from the next start.").format(
        language=language_name(chosen)), markup=False)


@sub.command("asset-threshold", help=_(
    "Show or set the fixed-asset rule: the least value and the life (more than so many "
    "years) an asset has; below it, `asset add` advises a consumable item."))
def asset_threshold(
    value: Optional[str] = typer.Option(None, "--value", help=_("The least value, e.g. 2000.")),
    life: Optional[str] = typer.Option(None, "--life", help=_("More than this many years, e.g. 1.")),
) -> None:
    if value is not None or life is not None:
        _run(lambda s: s.assets.set_threshold(value=value, life=life))
    least, years = _run(lambda s: s.assets.threshold())
    out.print(_("Fixed assets: a value of {value} or more and a life of more than {life} "
                "year(s).").format(value=f"{least:.2f}", life=years), markup=False)
