"""`office-tui [--db X]` opening on another screen than Today: `python bench/tui_launch.py
MODE --db X`. The real command path (office_tui/entry.py: the fast path to the app, the
daily backup, run_app), only the starting mode changed; run as a script so
`bench/__init__` is not imported."""

import sys


def main() -> None:
    mode, rest = sys.argv[1], sys.argv[2:]
    from office_tui import entry

    sys.argv = ["office-tui", *rest]
    entry.main(mode=mode)


if __name__ == "__main__":
    main()
