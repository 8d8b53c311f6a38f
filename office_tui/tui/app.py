"""The App: one mode per area of the clerk's work, F-keys to switch, ctrl+q to quit."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from office_tui.core.text import printable
from office_tui.i18n import N_, _
from office_tui.services import Services


def _screen(module: str, name: str) -> Callable[[], Screen]:
    """A mode's screen, its module imported when the mode is first opened: start-up
    imports only the screen it shows (each of the others costs 3-11 ms)."""

    def make() -> Screen:
        return getattr(importlib.import_module(f"office_tui.tui.screens.{module}"), name)()

    return make


FIRST_DATA_WAIT = 5.0  # seconds


class DamageBanner(Static):
    """Across the top of every screen while the database is known to be damaged; it has
    no key to close it: the file is mended by `check` and `restore`."""

    DEFAULT_CSS = """
    DamageBanner {
        dock: top;
        height: auto;
        padding: 0 1;
        background: $error;
        color: $text;
        text-style: bold;
    }
    """


class OfficeApp(App[None]):
    CSS_PATH = "office.tcss"
    TITLE = "office-tui"
    MODES = {
        "today": _screen("today", "TodayScreen"),
        "jobs": _screen("jobs", "JobsScreen"),
        "vehicles": _screen("vehicles", "VehiclesScreen"),
        "inventory": _screen("inventory", "InventoryScreen"),
        "reports": _screen("reports", "ReportsScreen"),
        "assets": _screen("assets", "AssetsScreen"),
        "canteen": _screen("canteen", "CanteenScreen"),
    }
    DEFAULT_MODE = "today"  # the clerk opens the app on what today holds
    BINDINGS = [
        Binding("f2", "switch_mode('today')", _("Today"), id="mode.today"),
        Binding("f3", "switch_mode('jobs')", _("Jobs"), id="mode.jobs"),
        Binding("f4", "switch_mode('vehicles')", _("Roster"), id="mode.vehicles"),
        Binding("f5", "switch_mode('inventory')", _("Inventory"), id="mode.inventory"),
        Binding("f6", "switch_mode('reports')", _("Reports"), id="mode.reports"),
        Binding("f7", "switch_mode('assets')", _("Assets"), id="mode.assets"),
        Binding("f8", "switch_mode('canteen')", _("Canteen & utilities"), id="mode.canteen"),
        Binding("ctrl+q", "quit", _("Quit"), id="quit", priority=True),
        # Textual's own palette key, with its footer label in the interface language.
        Binding("ctrl+p", "command_palette", _("palette"), show=False, priority=True,
                tooltip=_("Open the command palette"), id="palette"),
    ]

    def __init__(self, services: Services, *, poll_seconds: float = 1.0,
                 mode: str | None = None,
                 after_first_frame: Callable[[], object] | None = None) -> None:
        if mode is not None:  # start on another screen than Today (tests, scripts)
            self.DEFAULT_MODE = mode
        super().__init__()
        self.services = services
        services.set_source("app")  # the history says a change was made in the app
        self.poll_seconds = poll_seconds
        self._after_first_frame = after_first_frame

    def data_painted(self) -> None:
        """A screen has been drawn with data (work.py): the first time, start-up's
        background work begins (`after_first_frame`: the daily backup). Started with the
        app, it took the CPU and the GIL from the first frame, which on a busy machine
        waited for it."""
        callback, self._after_first_frame = self._after_first_frame, None
        if callback is not None:
            callback()

    # -- a damaged database: the banner ---------------------------------------------
    def on_mount(self) -> None:
        self._damage: str | None = None
        self._day = self.services.now().date()
        self.screen_change_signal.subscribe(self, self._show_damage)
        self.call_after_refresh(self.check_damage)
        # No data drawn by then (a first load that failed): start-up's work starts anyway.
        self.set_timer(FIRST_DATA_WAIT, self.data_painted)
        self.set_interval(self.poll_seconds, self.check_damage)
        self.set_interval(self.poll_seconds, self.follow_day)

    def follow_day(self) -> None:
        """The clock passed midnight with the app open: the new day's routine jobs, the
        daily backup and its check, as at a start (new_day.py)."""
        day = self.services.now().date()
        if day == self._day:
            return
        self._day = day
        from office_tui.tui.new_day import start_day

        def say(line: str) -> None:
            self.call_from_thread(self.notify, line, markup=False, severity="warning",
                                  timeout=10)

        def run() -> None:
            start_day(self.services, say)
            self.call_from_thread(self.check_damage)  # a damaged copy: the banner

        self.run_worker(run, name="new-day", group="new-day", thread=True,
                        exit_on_error=False)

    def check_damage(self) -> None:
        """Damage found by this process (the daily check) or noted beside the file (a
        check in another window): a stat a second, no database work."""
        from office_tui.store import health

        backups = self.services.__dict__.get("backups")  # built only if used
        found = getattr(backups, "found_damage", None) or health.read(self.services.db_path)
        if found and found != self._damage:
            self._damage = found
            self._show_damage(self.screen)

    def _show_damage(self, screen: Screen) -> None:
        if self._damage is None or isinstance(screen, ModalScreen):
            return
        text = _("{path} is damaged ({note}). Changes are refused until it is mended: run "
                 "`office-tui check`, then `office-tui restore` a good backup.").format(
                     path=self.services.db_path, note=self._damage)
        shown = screen.query(DamageBanner)
        if shown:
            shown.first().update(text)
        else:
            screen.mount(DamageBanner(text, markup=False))

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        """Every toast (screens and widgets notify through here): refusals quote what was
        typed, so control and bidi characters are shown escaped, never raw."""
        super().notify(printable(message, one_line=False), title=printable(title), **options)

    def mode_titles(self) -> dict[str, str]:
        return {
            "today": _("Today"),
            "jobs": _("Jobs"),
            "vehicles": _("Roster"),
            "inventory": _("Inventory"),
            "reports": _("Reports"),
            "assets": _("Assets"),
            "canteen": _("Canteen & utilities"),
        }

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette reaches every mode and every action of the current screen."""
        for mode, title in self.mode_titles().items():
            yield SystemCommand(_("Go to {area}").format(area=title),
                                _("Switch to the {area} screen").format(area=title),
                                partial(self.switch_mode, mode))
        for binding in getattr(screen, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.description:
                yield SystemCommand(
                    binding.description,
                    _("Key: {key}").format(key=binding.key_display or binding.key),
                    partial(self._run_screen_action, screen, binding.action),
                )
        for command in super().get_system_commands(screen):  # Textual's, in our language
            yield command._replace(title=_(command.title), help=_(command.help))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=_("Search for commands…")))

    async def _run_screen_action(self, screen: Screen, action: str) -> None:
        await screen.run_action(action)


# Textual's own words in the palette, for the catalog (translated where they are shown).
TEXTUAL_WORDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"),
    N_("Quit the application as soon as possible"), N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"), N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


def run_app(services: Services, *, mode: str | None = None,
            after_first_frame: Callable[[], object] | None = None) -> None:
    OfficeApp(services, mode=mode, after_first_frame=after_first_frame).run()
