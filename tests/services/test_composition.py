"""The composition root: services get their collaborators when built, never sideways.

A service is handed the root only as its Context (database, clock, calendar, urgency);
reaching another service through it (`self.ctx.jobs`) would bring back the bug where a
reaction existed only if the reacting service had been built first. Each area's module
is still imported only by the commands that use it.
"""

from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from office_tui.services import Services

SERVICES_DIR = Path(__file__).resolve().parents[2] / "office_tui" / "services"
AREAS = {name for name, value in vars(Services).items()
         if isinstance(value, functools.cached_property)}


def sideways(source: str) -> list[str]:
    """`ctx.<area>` / `self.ctx.<area>` / getattr(ctx, "<area>") uses in a module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in AREAS:
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id == "ctx") or (
                    isinstance(owner, ast.Attribute) and owner.attr == "ctx"):
                found.append(f"line {node.lineno}: ctx.{node.attr}")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr") and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant) and node.args[1].value in AREAS):
            found.append(f"line {node.lineno}: {node.func.id}(..., {node.args[1].value!r})")
    return found


def test_the_root_builds_every_area():
    assert {"jobs", "kits", "vehicles", "inventory", "routines", "today", "history",
            "reports", "calendars", "backups", "preferences", "reactions"} <= AREAS


@pytest.mark.parametrize("module", sorted(
    p.name for p in SERVICES_DIR.glob("*.py") if p.name != "context.py"))
def test_no_service_reaches_another_through_the_context(module):
    assert sideways((SERVICES_DIR / module).read_text(encoding="utf-8")) == []


def test_the_check_sees_a_sideways_call():
    # The scan above is only worth something if it can fail.
    assert sideways("class K:\n    def f(self):\n        return self.ctx.jobs.get(1)\n")
    assert sideways("def load(ctx):\n    ctx.kits.list()\n")
    assert sideways("v = getattr(self.ctx, 'vehicles', None)\n")
    assert sideways("x = self.ctx.db\ny = self.ctx.now()\n") == []


PROBE = """
import json, sys
sys.argv = ['office-tui', '--db', *sys.argv[1:]]
from office_tui.entry import main
try:
    main()
except SystemExit as exc:
    code = exc.code
finally:
    print(json.dumps(sorted(m for m in sys.modules if m.startswith('office_tui.services.'))))
"""


def loaded(db: Path, *args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, str(db), *args],
                            capture_output=True, text=True, timeout=60,
                            env={"OFFICE_TUI_LANG": "en", "PATH": "/usr/bin"})
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    return {m.rsplit(".", 1)[1] for m in modules}


@pytest.fixture
def shop(db_path, clock) -> dict[str, int]:
    svc = Services(db_path, clock=clock).open()
    try:
        svc.inventory.add_item("A4", "A4 paper", "pack")
        svc.inventory.receive("A4", "10")
        return {"repair": svc.jobs.add("fix the lamp #repair !high").id,
                "supply": svc.jobs.add("paper #supply @Finance !normal").id}
    finally:
        svc.close()


def test_a_reacting_area_loads_only_when_its_event_fires(db_path, shop):
    job = str(shop["repair"])
    assert "kits" not in loaded(db_path, "triage", job, "--importance", "low")
    assert "kits" in loaded(db_path, "triage", job, "--due", "2026-12-07@10:00")


def test_a_collaborator_loads_only_for_the_verbs_that_use_it(db_path, shop):
    assert "jobs" not in loaded(db_path, "stock")
    assert "jobs" not in loaded(db_path, "vehicle", "list")
    assert "jobs" in loaded(db_path, "issue", "A4", "1", "--job", str(shop["supply"]))
    assert {"vehicles", "inventory", "reports"}.isdisjoint(loaded(db_path, "list"))
