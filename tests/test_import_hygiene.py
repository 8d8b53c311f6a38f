"""The import contracts of pyproject.toml hold, and each would catch the import it forbids.

Layers: entry -> cli/commands -> launch/startup/job_table -> tui -> services -> store ->
core -> i18n/paths; only office_tui.launch imports the TUI, only the TUI imports Textual,
the console script's module imports no Typer, Rich or Textual itself, and core, store and
services never reach Textual or Rich even indirectly (also checked in a fresh process).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


LAYERS = [
    "office_tui.entry",
    "office_tui.output",
    "office_tui.cli : office_tui.commands",
    "office_tui.launch | office_tui.job_table",
    "office_tui.arguments",
    "office_tui.tui",
    "office_tui.startup",
    "office_tui.services",
    "office_tui.store",
    "office_tui.paths",
    "office_tui.core",
    "office_tui.i18n",
]


def contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    linter = config["tool"]["importlinter"]
    assert linter["root_package"] == "office_tui"
    return {c["name"]: c for c in linter["contracts"]}


def test_the_contracts_are_declared_in_pyproject():
    declared = contracts()
    lower = declared["core, store and services never import Textual or Rich"]
    assert set(lower["source_modules"]) == {
        "office_tui.core", "office_tui.store", "office_tui.services"}
    assert {"textual", "rich"} <= set(lower["forbidden_modules"])
    assert not lower.get("allow_indirect_imports")
    (layers,) = [c for c in declared.values() if c["type"] == "layers"]
    assert layers["layers"] == LAYERS
    # Every top-level module of the package has its place in the layers.
    package = ROOT / "office_tui"
    top = {f"office_tui.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"}
    top |= {f"office_tui.{p.parent.name}" for p in package.glob("*/__init__.py")}
    top.discard("office_tui.data")  # CSV and text files read as resources, no code
    placed = {m.strip() for layer in LAYERS for m in layer.replace(":", "|").split("|")}
    assert top == placed
    tui = declared["only office_tui.launch imports the TUI"]
    assert set(tui["source_modules"]) == placed - {"office_tui.launch", "office_tui.tui"}
    textual = declared["only office_tui.tui imports Textual"]
    assert set(textual["source_modules"]) == placed - {"office_tui.tui"}
    entry = declared["office_tui.entry imports no Typer, Rich or Textual itself"]
    assert {"typer", "rich", "textual"} <= set(entry["forbidden_modules"])


def test_import_linter_keeps_every_contract():
    code, output = lint(ROOT)
    assert code == 0, output
    assert f"{len(contracts())} kept, 0 broken" in output, output


def lint(root: Path) -> tuple[int, str]:
    result = subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache", "--no-logo"],
        cwd=root, capture_output=True, text=True, timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


# An import each contract exists to refuse, and the contract that must refuse it.
BREACHES = [
    ("tui/app.py", "import office_tui.cli",
     "layers: entry -> cli/commands -> launch -> tui -> services -> store -> core"),
    ("launch.py", "import office_tui.job_table",  # siblings stay independent
     "layers: entry -> cli/commands -> launch -> tui -> services -> store -> core"),
    ("i18n.py", "import office_tui.core.text",
     "layers: entry -> cli/commands -> launch -> tui -> services -> store -> core"),
    ("commands/backup.py", "import office_tui.tui.app", "only office_tui.launch imports the TUI"),
    ("cli.py", "from office_tui.tui.screens import jobs", "only office_tui.launch imports the TUI"),
    ("launch.py", "import textual.app", "only office_tui.tui imports Textual"),
    ("entry.py", "import rich.console", "office_tui.entry imports no Typer, Rich or Textual itself"),
    ("entry.py", "import typer", "office_tui.entry imports no Typer, Rich or Textual itself"),
]


@pytest.mark.parametrize(("module", "line", "contract"), BREACHES)
def test_each_contract_refuses_the_import_it_is_for(tmp_path, module, line, contract):
    shutil.copytree(ROOT / "office_tui", tmp_path / "office_tui",
                    ignore=shutil.ignore_patterns("__pycache__", "locale", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / "office_tui" / module).open("a", encoding="utf-8") as source:
        source.write(f"\n{line}\n")
    code, output = lint(tmp_path)
    assert code != 0, output
    assert "1 broken" in output, output
    assert f"{contract} BROKEN" in " ".join(output.split()), output


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


HEAVY_ON_DEMAND = ("openpyxl", "sqlite_utils")
LOADED = ("print(json.dumps(sorted({m.split('.')[0] for m in sys.modules}\n"
          "                        & {'openpyxl', 'sqlite_utils'})))\n")


def test_excel_and_sqlite_utils_load_only_when_a_file_is_read_or_written():
    # Every command module (as `--help` loads them) and every module that writes or
    # reads a workbook or exports a table: none imports openpyxl or sqlite-utils itself.
    code = (
        "import json, sys\n"
        "from office_tui import cli\n"
        "cli.prepare([])\n"
        "import office_tui.services.reports, office_tui.services.inventory\n"
        "import office_tui.services.assets, office_tui.services.canteen\n"
        "import office_tui.services.exports, office_tui.services.xlsx_out\n"
        "import office_tui.services.xlsx_in, office_tui.services.table_export\n"
        "import office_tui.store.table_export, office_tui.core.tables, office_tui.core.report\n"
        + LOADED
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_check_would_see_them_once_a_workbook_is_written():
    code = (
        "import json, sys\n"
        "from office_tui.core.tables import Table\n"
        "from office_tui.services.xlsx_out import workbook\n"
        "workbook([Table('t', ['a'], [[1]])])\n"
        "import office_tui.store.table_export as t, tempfile, os, sqlite3\n"
        "path = os.path.join(tempfile.mkdtemp(), 'x.db')\n"
        "sqlite3.connect(path).execute('CREATE TABLE x (a)')\n"
        "t.open_read_only(path).close()\n"
        + LOADED
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == list(HEAVY_ON_DEMAND)


SERVE_LOADED = ("print(json.dumps(sorted({m.split('.')[0] for m in sys.modules}\n"
                "                        & {'textual_serve', 'aiohttp'})))\n")


def test_the_web_server_loads_only_when_serve_starts_one():
    # Every command module (as `--help` loads them), the serve command's own included.
    code = ("import json, sys\n"
            "from office_tui import cli\n"
            "cli.prepare([])\n"
            "import office_tui.commands.serve\n" + SERVE_LOADED)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_check_would_see_the_web_server_once_one_is_made():
    code = ("import json, sys\n"
            "from office_tui.commands import serve\n"
            "serve.make_server('true', '127.0.0.1', 8000, False, '')\n" + SERVE_LOADED)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["aiohttp", "textual_serve"]


# Loaded by the first screens' modules (Today, Jobs), they delayed the first frame: the
# history of changes (undo) and its stores, the daily backup (run beside the app, after
# the first frame), the other areas' services (Today loads their lines after its first
# frame, in its worker).
NOT_BEFORE_THE_FIRST_FRAME = (
    "office_tui.services.history", "office_tui.store.rows", "office_tui.store.events",
    "office_tui.store.inventory", "office_tui.store.assets", "office_tui.store.contacts",
    "office_tui.services.backup", "office_tui.services.vehicles",
    "office_tui.services.inventory", "office_tui.services.reports",
    "office_tui.services.assets", "office_tui.services.canteen",
    "office_tui.services.utilities", "office_tui.services.rooms",
)


def first_screen_modules(extra: str = "") -> list[str]:
    code = ("import json, sys\n"
            "import office_tui.launch, office_tui.tui.app\n"
            "import office_tui.tui.screens.today, office_tui.tui.screens.jobs\n"
            + extra +
            f"print(json.dumps(sorted(set(sys.modules) & {set(NOT_BEFORE_THE_FIRST_FRAME)!r})))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_first_screens_load_nothing_their_first_frame_does_not_draw():
    assert first_screen_modules() == []


def test_the_check_would_see_the_history_if_a_screen_imported_it():
    assert first_screen_modules("import office_tui.services.history\n") == [
        "office_tui.services.history", "office_tui.store.assets", "office_tui.store.contacts",
        "office_tui.store.events", "office_tui.store.inventory", "office_tui.store.rows"]
