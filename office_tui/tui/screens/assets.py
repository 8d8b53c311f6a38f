"""The Assets screen (F7): the fixed-asset register by department (or location: `g`),
filtered with `/`, statuses in colour, the highlighted asset's details and history below,
and the keys for add, transfer, lend/return, dispose, the count walk-through and labels.

The table pages through the register in SQL (200 rows, more as the cursor nears the end),
so it draws as fast at 80 assets as at 50,000.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from office_tui.core.assets import Asset, status_label, value_today
from office_tui.core.text import printable
from office_tui.i18n import _, ngettext
from office_tui.services import Services
from office_tui.tui.screens.base import AreaScreen
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.measured_table import MeasuredTable

PAGE = 200
STATUS_STYLES = {"in_use": "", "idle": "dim", "lent": "cyan", "in_repair": "yellow",
                 "disposed": "dim strike"}


@dataclass
class AssetsLoaded:
    generation: int
    assets: list[Asset]
    last_count: str | None
    open_count: int | None
    focus_tag: str | None


class AssetsScreen(AreaScreen):
    BINDINGS = [
        Binding("slash", "filter", _("Filter"), id="assets.filter"),
        Binding("g", "group", _("Group"), id="assets.group"),
        Binding("a", "add", _("Add"), id="assets.add"),
        Binding("t", "transfer", _("Transfer"), id="assets.transfer"),
        Binding("l", "lend", _("Lend"), id="assets.lend"),
        Binding("r", "give_back", _("Return"), id="assets.return"),
        Binding("x", "dispose", _("Dispose"), id="assets.dispose"),
        Binding("c", "count", _("Count"), id="assets.count"),
        Binding("L", "labels", _("Labels"), id="assets.labels"),
        # Off the footer (full at 80 columns); listed in the README's keys.
        Binding("ctrl+o", "print_form", _("Save form"), id="assets.print_form", show=False),
        Binding("escape", "leave_filter", _("Back"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[Asset] = []
        self.search = ""
        self.order = "department"
        self.limit = PAGE
        self._generation = 0
        self.loaded_generation = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="assets-header", markup=False)
        yield Input(placeholder=_("filter: tag, name, keeper, department, room, pinyin"),
                    id="assets-filter")
        yield MeasuredTable(id="assets-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="assets-detail", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in ((_("Tag"), "tag"), (_("Name"), "name"), (_("Department"), "dept"),
                           (_("Room"), "loc"), (_("Keeper"), "keeper"), (_("Status"), "status"),
                           (_("Value now"), "value")):
            table.add_column(label, key=key)
        self.query_one("#assets-filter").display = False
        table.focus()
        self.start_live_refresh()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.loaded_generation:
            self.reload()

    def current(self) -> Asset | None:
        row = self.query_one(DataTable).cursor_row
        return self.assets[row] if self.assets and 0 <= row < len(self.assets) else None

    def reload(self, focus_tag: str | None = None) -> None:
        self._generation += 1
        current = self.current()
        self.run_service(partial(_load, self._generation, self.search, self.order, self.limit,
                                 focus_tag or (current.tag if current else None)),
                         self.show_assets, action=_("load the assets"), group="assets-load",
                         exclusive=True)

    def show_assets(self, message: AssetsLoaded) -> None:
        if message.generation != self._generation:
            return
        self.loaded_generation = message.generation
        self.assets = message.assets
        today = self.services.now().date()
        table = self.query_one(DataTable)
        with self.app.batch_update():
            table.clear()
            for a in self.assets:
                style = STATUS_STYLES.get(a.status, "")
                table.add_row(
                    Text(printable(a.tag), style="bold"), Text(printable(a.name), style=style),
                    Text(printable(a.department)), Text(printable(a.location)),
                    Text(printable(a.keeper)), Text(status_label(a.status), style=style),
                    Text(f"{value_today(a.value, a.purchased, a.life_years, today):.2f}",
                         justify="right"), key=a.tag)
            tags = [a.tag for a in self.assets]
            if message.focus_tag in tags:
                table.move_cursor(row=tags.index(message.focus_tag), animate=False)
        parts = [_("Assets"), ngettext("{n} shown", "{n} shown", len(self.assets)).format(
            n=len(self.assets)),
            _("by department") if self.order == "department" else _("by room")]
        if message.last_count:
            last = date.fromisoformat(message.last_count[:10])
            parts.append(_("last count {day}").format(day=last.isoformat()))
            # half-yearly: the next one is due six months (182 days) after the last
            parts.append(_("next by {day}").format(day=(last + timedelta(days=182)).isoformat()))
        if message.open_count:
            parts.append(_("count #{id} under way").format(id=message.open_count))
        if self.search:
            parts.append(_("filter: {text}").format(text=printable(self.search)))
        self.query_one("#assets-header", Static).update(" · ".join(parts))
        self.show_detail()

    def action_print_form(self) -> None:
        """ctrl+o: the count sheet (盘点表) of the count under way, else of the latest."""
        def chosen(count_id: int | None) -> None:
            if count_id is None:
                self.notify(_("No asset count yet: start one with c."), markup=False)
                return
            from office_tui.tui.print_form import save_form

            save_form(self, "count", count_id)

        self.run_service(_latest_count, chosen, action=_("find the count"),
                         group="assets-print")

    @on(DataTable.RowHighlighted)
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()
        if event.cursor_row >= len(self.assets) - 5 and len(self.assets) >= self.limit:
            self.limit += PAGE
            self.reload()

    def show_detail(self) -> None:
        asset = self.current()
        detail = self.query_one("#assets-detail", Static)
        if asset is None:
            detail.update("")
            return
        bits = [f"{asset.tag} {asset.name}", f"{asset.value:.2f} · {asset.purchased}"]
        if asset.life_years:
            bits.append(ngettext("{n} year", "{n} years", asset.life_years).format(
                n=asset.life_years))
        if asset.serial:
            bits.append(asset.serial)
        if asset.lent_to:
            bits.append(_("lent to {who} until {day}").format(who=asset.lent_to,
                                                               day=asset.lent_due))
        lines = [" · ".join(printable(b) for b in bits)]
        if asset.notes:
            lines.append(printable(asset.notes.splitlines()[-1]))
        detail.update("\n".join(lines))

    # -- keys ------------------------------------------------------------------------------
    def action_filter(self) -> None:
        box = self.query_one("#assets-filter", Input)
        box.display = True
        self.set_focus(box)

    @on(Input.Changed, "#assets-filter")
    def filtered(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self.limit = PAGE
        self.reload()

    @on(Input.Submitted, "#assets-filter")
    def filter_done(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_leave_filter(self) -> None:
        box = self.query_one("#assets-filter", Input)
        if box.display:
            box.value = ""
            box.display = False
            self.query_one(DataTable).focus()

    def action_group(self) -> None:
        self.order = "location" if self.order == "department" else "department"
        self.reload()

    def _act(self, call, label: str, focus: str | None = None) -> None:
        def done(result) -> None:
            self.notify(label, markup=False, timeout=4)
            self.reload(focus)

        self.run_service(call, done, action=_("save the change"), group="assets-act")

    def _form(self, title: str, fields, save) -> None:
        from office_tui.tui.modals.inventory.ledger_form import FormSpec, LedgerForm

        def saved(result) -> None:
            if result is not None:
                asset = getattr(result, "asset", result)
                for warning in getattr(result, "warnings", []):
                    self.notify(warning, severity="warning", markup=False, timeout=8)
                self.notify(_("{tag} saved").format(tag=asset.tag), markup=False)
                self.reload(asset.tag)

        self.app.push_screen(LedgerForm(FormSpec(title, fields, save, _("save the asset"))),
                             saved)

    def action_add(self) -> None:
        from office_tui.tui.modals.inventory.ledger_form import FieldSpec

        self._form(_("Register an asset"), [
            FieldSpec("name", _("Name"), required=True),
            FieldSpec("value", _("Value"), _("e.g. 4599"), required=True),
            FieldSpec("purchased", _("Purchased"), _("e.g. 2024-03-15"), required=True),
            FieldSpec("life", _("Life in years (optional)")),
            FieldSpec("dept", _("Department (optional)")),
            FieldSpec("keeper", _("Keeper (optional)")),
            FieldSpec("location", _("Room (optional)"))],
            lambda svc, v: svc.assets.add(
                name=v["name"], value=v["value"], purchased=v["purchased"],
                life=v["life"] or None, department=v["dept"] or None,
                keeper=v["keeper"] or None, location=v["location"] or None))

    def action_transfer(self) -> None:
        asset = self.current()
        if asset is None:
            return
        from office_tui.tui.modals.inventory.ledger_form import FieldSpec

        self._form(_("Transfer {tag}").format(tag=asset.tag), [
            FieldSpec("dept", _("Department"), value=asset.department or ""),
            FieldSpec("keeper", _("Keeper"), value=asset.keeper or ""),
            FieldSpec("location", _("Room"), value=asset.location or ""),
            FieldSpec("reason", _("Reason"), required=True)],
            lambda svc, v: svc.assets.transfer(
                asset.tag, department=v["dept"], keeper=v["keeper"], location=v["location"],
                reason=v["reason"]))

    def action_lend(self) -> None:
        asset = self.current()
        if asset is None:
            return
        from office_tui.tui.modals.inventory.ledger_form import FieldSpec

        self._form(_("Lend {tag}").format(tag=asset.tag), [
            FieldSpec("to", _("Borrower"), required=True),
            FieldSpec("due", _("Back by"), _("e.g. fri, 2026-12-31"), required=True)],
            lambda svc, v: svc.assets.lend(asset.tag, to=v["to"], due=v["due"]))

    def action_give_back(self) -> None:
        asset = self.current()
        if asset is not None:
            self._act(lambda svc: svc.assets.give_back(asset.tag),
                      _("{tag} is back").format(tag=asset.tag), asset.tag)

    def action_dispose(self) -> None:
        asset = self.current()
        if asset is None:
            return
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(reason: str | None) -> None:
            if reason and reason.strip():
                self._act(lambda svc: svc.assets.dispose(asset.tag, reason=reason),
                          _("{tag} disposed of").format(tag=asset.tag), asset.tag)

        self.app.push_screen(TextPrompt(
            _("Dispose of {tag} {name}: why?").format(tag=asset.tag,
                                                      name=printable(asset.name)),
            validate=lambda v: None if v.strip() else _("Give the reason.")), chosen)

    def action_count(self) -> None:
        from office_tui.tui.modals.assets.count_walk import CountWalk

        def done(jobs) -> None:
            if jobs is not None:
                self.notify(ngettext("Count finished: {n} job made",
                                     "Count finished: {n} jobs made", len(jobs)).format(
                    n=len(jobs)), markup=False, timeout=6)
            self.reload()

        self.app.push_screen(CountWalk(), done)

    def action_labels(self) -> None:
        from office_tui.services.folders import default_save_folder
        from office_tui.tui.modals.text_prompt import TextPrompt

        asset = self.current()
        dept = asset.department if asset else None

        def chosen(path: str | None) -> None:
            if path and path.strip():
                call = (lambda svc: svc.assets.labels(path.strip(), department=dept)) if dept \
                    else (lambda svc: svc.assets.labels(path.strip(), every=True))
                self.run_service(call, lambda r: self.notify(
                    _("{n} labels written to {path}").format(n=r[1], path=str(r[0])),
                    markup=False, timeout=6), action=_("write the labels"),
                    group="assets-labels")

        self.app.push_screen(TextPrompt(
            _("Labels of {dept} to").format(dept=dept) if dept else _("Labels to"),
            value=str(default_save_folder() / "labels.svg"),
            validate=lambda v: None if v.strip() else _("Give a file name.")), chosen)


def _load(generation: int, search: str, order: str, limit: int, focus_tag: str | None,
          svc: Services) -> AssetsLoaded:
    assets = svc.assets.list(search=search or None, order=order, limit=limit)
    counts = svc.assets.counts()
    last = next((c["finished"] for c in counts if c["finished"]), None)
    under_way = next((c["id"] for c in counts if not c["finished"]), None)
    return AssetsLoaded(generation, assets, last, under_way, focus_tag)


def _latest_count(svc: Services) -> int | None:
    """The count under way, else the newest one."""
    counts = svc.assets.counts()
    return svc.assets.open_count() or (counts[0]["id"] if counts else None)
