"""`office-tui [--db X]` opening on another screen than Today: `python bench/tui_launch.py
MODE --db X`. The real command line path (Typer callback, daily backup, run_app), only
the app's default mode changed; run as a script so `bench/__init__` is not imported."""

import sys


def main() -> None:
    mode, rest = sys.argv[1], sys.argv[2:]
    from office_tui import cli  # first: it picks the interface language
    from office_tui.tui import app as tui_app  # imported by the callback anyway

    tui_app.OfficeApp.DEFAULT_MODE = mode

    sys.argv = ["office-tui", *rest]
    cli.main()


if __name__ == "__main__":
    main()
