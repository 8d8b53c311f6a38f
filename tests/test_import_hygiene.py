"""The layers hold: core, store and services never reach Textual or Rich (the contracts
in pyproject.toml, kept by import-linter)."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_the_contracts_are_declared_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    linter = config["tool"]["importlinter"]
    assert linter["root_package"] == "office_tui"
    contracts = {c["type"]: c for c in linter["contracts"]}
    forbidden = contracts["forbidden"]
    assert set(forbidden["source_modules"]) == {
        "office_tui.core", "office_tui.store", "office_tui.services"}
    assert {"textual", "rich"} <= set(forbidden["forbidden_modules"])
    assert contracts["layers"]["layers"] == [
        "office_tui.tui", "office_tui.services", "office_tui.store", "office_tui.core"]


def test_import_linter_keeps_every_contract():
    result = subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache", "--no-logo"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "0 broken" in output, output
    assert "KEPT" in output


def test_importing_the_lower_layers_loads_no_textual_or_rich():
    code = (
        "import json, sys\n"
        "import office_tui.core, office_tui.store, office_tui.services\n"
        "import office_tui.core.calendar, office_tui.core.dates, office_tui.core.quickadd\n"
        "import office_tui.core.urgency, office_tui.core.limits, office_tui.core.job\n"
        "import office_tui.core.vocab, office_tui.core.text, office_tui.core.humanize\n"
        "import office_tui.store.jobs, office_tui.store.events, office_tui.store.migrations\n"
        "import office_tui.services.jobs, office_tui.services.demo\n"
        "print(json.dumps(sorted(m for m in sys.modules\n"
        "                        if m.split('.')[0] in ('textual', 'rich'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_check_would_see_textual_if_it_were_imported():
    # The probe above is only worth something if it can fail.
    code = "import sys, textual.app; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "True", result.stderr
