"""Running the CLI in-process (CliRunner) the way every CLI test file does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from office_tui.cli import app

runner = CliRunner()


def run(db: Path, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["--db", str(db), *args], env=env)


def ok(db: Path, *args: str, stderr_ok: bool = False) -> str:
    """Run, require exit 0 (and, unless told otherwise, nothing on stderr); the output."""
    result = run(db, *args)
    assert result.exit_code == 0, (args, result.stdout, result.stderr, result.exception)
    if not stderr_ok:
        assert result.stderr == ""
    return result.stdout


def js(db: Path, *args: str, stderr_ok: bool = False) -> Any:
    return json.loads(ok(db, *args, "--json", stderr_ok=stderr_ok))


def refused(db: Path, *args: str) -> str:
    """Run, require exit 1 with one line on stderr (nothing written is checked by the
    caller); that line."""
    result = run(db, *args)
    assert result.exit_code == 1, (args, result.stdout)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr
