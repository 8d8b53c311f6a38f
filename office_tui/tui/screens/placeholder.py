"""Modes whose issues have not landed yet: one honest line, no fake data."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from office_tui.i18n import _


class _NotBuilt(Screen):
    AREA = ""

    def compose(self) -> ComposeResult:
        yield Static(_("{area}: not built yet.").format(area=self.area_title()),
                     classes="not-built", markup=False)
        yield Footer()

    def area_title(self) -> str:
        return self.AREA


class TodayScreen(_NotBuilt):
    def area_title(self) -> str:
        return _("Today")


class VehiclesScreen(_NotBuilt):
    def area_title(self) -> str:
        return _("Vehicles")


class InventoryScreen(_NotBuilt):
    def area_title(self) -> str:
        return _("Inventory")
