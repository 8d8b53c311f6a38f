"""The job a dialog is about, named on one line: "#12 Fix the lamp in room 3".

The cursor moves on after each action, so a dialog that did not name its job would let
the clerk close the wrong one. The title is user text: shown literally (control and bidi
characters escaped by printable()), cut with "⋯" to the dialog's width.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from office_tui.core.text import printable
from office_tui.tui.cells import fit_text


FORM_WIDTH = 66  # what a .form dialog (72 cells, its border and padding) holds


def job_line(job_id: int, title: str) -> Text:
    line = Text(f"#{job_id} ", style="bold")
    line.append(printable(title))
    return line


class JobSubject(Widget):
    DEFAULT_CSS = """
    JobSubject {
        height: 1;
        width: 1fr;
        margin-bottom: 1;
    }
    """

    def __init__(self, job_id: int, title: str) -> None:
        super().__init__(classes="job-subject")
        self.line = job_line(job_id, title)

    def render(self) -> Text:
        return fit_text(self.line, self.content_size.width or self.line.cell_len)
