from office_tui.services import Services


def run_app(services: Services) -> None:
    raise SystemExit("TUI not built yet")
