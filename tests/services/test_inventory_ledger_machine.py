"""A hypothesis state machine drives the ledger with random receive / issue / adjust /
stocktake, valid and not, against a model: the stock always equals the sum of the ledger
and the model, never goes below zero, and a refused operation changes nothing at all."""

from __future__ import annotations

import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from office_tui.services import OfficeError, Services
from tests.conftest import FakeClock

CODES = ("A4", "PEN")
DEPARTMENTS = ("财务科", "教务处")

# Quantities as a clerk types them: mostly plain numbers, some with decimals, and the
# kinds of mistakes people make.
numbers = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(40), places=3)
typed = st.one_of(
    numbers.map(lambda d: format(d, "f")),
    st.integers(min_value=1, max_value=40).map(str),
    st.sampled_from(["0", "-1", "-0.5", "abc", "", "1e3", "2 箱", "0.0001", "nan"]),
)
signed = st.one_of(
    typed,
    numbers.map(lambda d: "-" + format(d, "f")),
)


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="office-tui-ledger-"))
        self.clock = FakeClock()
        self.services = Services(self.tmp / "office.db", clock=self.clock).open()
        self.inv = self.services.inventory
        self.model = {code: Decimal(0) for code in CODES}
        for code, unit in zip(CODES, ("包", "支")):
            self.inv.add_item(code, f"item {code}", unit, fractions=True)

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------------------
    def snapshot(self) -> tuple:
        db = self.services.db
        return (
            db.execute("SELECT COUNT(*) FROM movements").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM events").fetchone()[0],
            tuple(db.execute("SELECT code, stock_milli FROM items ORDER BY code").fetchall()),
        )

    @staticmethod
    def exact(text: str) -> Decimal | None:
        """What the model thinks the text means (None: not a valid quantity)."""
        try:
            value = Decimal(text)
        except Exception:  # noqa: BLE001 - not a number at all
            return None
        if not value.is_finite() or "e" in text.lower() or value != value.quantize(
                Decimal("0.001")):
            return None
        return value

    def attempt(self, expected_ok: bool, call) -> None:
        before = self.snapshot()
        self.clock.advance(minutes=7)
        try:
            call()
        except OfficeError:
            assert not expected_ok, "a valid operation was refused"
            assert self.snapshot() == before, "a refused operation changed something"
            return
        assert expected_ok, "an invalid operation was accepted"

    # -- rules ------------------------------------------------------------------------
    @rule(code=st.sampled_from(CODES), text=typed)
    def receive(self, code: str, text: str) -> None:
        value = self.exact(text)
        ok = value is not None and value > 0
        self.attempt(ok, lambda: self.inv.receive(code, text))
        if ok:
            self.model[code] += value

    @rule(code=st.sampled_from(CODES), text=typed, dept=st.sampled_from(DEPARTMENTS))
    def issue(self, code: str, text: str, dept: str) -> None:
        value = self.exact(text)
        ok = value is not None and 0 < value <= self.model[code]
        self.attempt(ok, lambda: self.inv.issue(code, text, department=dept))
        if ok:
            self.model[code] -= value

    @rule(code=st.sampled_from(CODES), text=signed)
    def adjust(self, code: str, text: str) -> None:
        value = self.exact(text)
        ok = value is not None and value != 0 and self.model[code] + value >= 0
        self.attempt(ok, lambda: self.inv.adjust(code, text, reason="count"))
        if ok:
            self.model[code] += value

    @rule(counts=st.lists(st.tuples(st.sampled_from(CODES), typed), min_size=1, max_size=2))
    def stocktake(self, counts: list[tuple[str, str]]) -> None:
        values = [self.exact(text) for _code, text in counts]
        codes = [code for code, _text in counts]
        ok = all(v is not None and v >= 0 for v in values) and len(set(codes)) == len(codes)
        self.attempt(ok, lambda: self.inv.stocktake(counts))
        if ok:
            for code, value in zip(codes, values):
                self.model[code] = value

    @rule(code=st.sampled_from(CODES + ("NOPE",)))
    def unknown_or_zero(self, code: str) -> None:
        # Always refused: an unknown item, or a zero issue.
        self.attempt(False, lambda: self.inv.issue(code if code == "NOPE" else code, "0",
                                                   department="财务科"))

    # -- what must always hold --------------------------------------------------------
    @invariant()
    def stock_is_the_sum_of_the_ledger_and_the_model(self) -> None:
        for code in CODES:
            item = self.inv.item(code)
            assert item.stock == self.inv.ledger_sum(code) == self.model[code]
            assert item.stock >= 0


LedgerMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLedger = LedgerMachine.TestCase
