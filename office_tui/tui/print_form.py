"""ctrl+o on a screen: save the printed form (派车单, 处理单, 盘点表) of what is selected,
to a file path asked for in a small prompt, prefilled in the documents folder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from office_tui.i18n import _

if TYPE_CHECKING:
    from office_tui.services import Services
    from office_tui.tui.work import ServiceWork


@dataclass
class Exists:
    """The file chosen is there already: replaced only when the clerk says so."""
    path: str
    shown: str


def save_form(screen: ServiceWork, kind: str, ident: int) -> None:
    """Ask where, write the form in a worker, toast where it went (or the one-line error)."""
    from office_tui.services.folders import default_save_folder
    from office_tui.services.printed_forms import default_name
    from office_tui.tui.modals.text_prompt import TextPrompt

    def chosen(value: str | None) -> None:
        if value and value.strip():
            _write(screen, kind, ident, value.strip())

    screen.app.push_screen(
        TextPrompt(_("Save the form as"), value=str(default_save_folder() / default_name(kind, ident)),
                   placeholder=_("a file name ending in .pdf"),
                   validate=lambda v: None if v.strip() else _("Give a file name.")),
        chosen)


def _write(screen: ServiceWork, kind: str, ident: int, path: str, force: bool = False) -> None:
    def written(outcome: Path | Exists) -> None:
        if isinstance(outcome, Exists):
            from office_tui.tui.modals.confirm import Confirm

            def answered(replace: bool) -> None:
                if replace:
                    _write(screen, kind, ident, path, force=True)

            screen.app.push_screen(Confirm(_("{path} exists. Replace it?").format(
                path=outcome.shown)), answered)
            return
        screen.notify(_("Form saved to {path}").format(path=str(outcome)), markup=False,
                      timeout=6)

    screen.run_service(partial(_write_form, kind, ident, path, force), written,
                       action=_("save the form"), group="print-form")


def _write_form(kind: str, ident: int, path: str, force: bool, svc: Services) -> Path | Exists:
    from office_tui.services import printed_forms
    from office_tui.services.output import OutputExists

    try:
        return printed_forms.write(svc, kind, ident, path, force=force)
    except OutputExists as exc:
        return Exists(path, str(exc.path))
