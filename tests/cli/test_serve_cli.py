"""`office-tui serve`: what it refuses, what it says, and the command each browser tab
runs, without a server left running (the browser itself: tests/e2e/test_browser_serve.py)."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path

import pytest

from office_tui.commands import serve
from tests.cli.helpers import refused, run


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "office.example.com"])
def test_another_host_without_allow_remote_is_refused_and_nothing_is_made(tmp_path, host):
    db = tmp_path / "office.db"
    line = refused(db, "serve", "--host", host)
    assert "--allow-remote" in line and "no login" in line
    assert not db.exists()


@pytest.mark.parametrize("port", ["0", "65536", "-1", "99999999"])
def test_a_port_that_is_not_one_is_refused(tmp_path, port):
    db = tmp_path / "office.db"
    line = refused(db, "serve", "--port", port)
    assert f"Port {port} is not a port" in line
    assert not db.exists()


def test_an_empty_host_is_refused(tmp_path):
    assert "--host is empty" in refused(tmp_path / "office.db", "serve", "--host", "")


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = refused(tmp_path / "office.db", "serve", "--port", str(port))
    assert line.strip() == (f"Port {port} is already in use on 127.0.0.1: choose another "
                            "with --port.")


class Recorded:
    """Stands in for textual-serve's server: what serve would have started."""

    def __init__(self, command, host, port, remote, banner):
        self.args = {"command": command, "host": host, "port": port, "remote": remote,
                     "banner": banner}
        Recorded.last = self

    def serve(self):
        pass


def test_allow_remote_warns_on_stderr_that_there_is_no_login(tmp_path, monkeypatch):
    monkeypatch.setattr(serve, "make_server", Recorded)
    db = tmp_path / "office.db"
    result = run(db, "serve", "--host", "0.0.0.0", "--port", "8123", "--allow-remote")
    assert result.exit_code == 0, result.stderr
    assert "Warning: serving on 0.0.0.0 with no login" in result.stderr
    args = Recorded.last.args
    assert (args["host"], args["port"], args["remote"]) == ("0.0.0.0", 8123, True)
    assert db.exists()  # opened (created) once before serving


def test_the_served_command_is_this_app_on_the_same_database_and_language(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(serve, "make_server", Recorded)
    db = tmp_path / "it's a \"folder\" $HOME" / "office.db"
    db.parent.mkdir()
    result = run(db, "--lang", "zh", "serve")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    args = Recorded.last.args
    assert (args["host"], args["port"], args["remote"]) == ("127.0.0.1", 8000, False)
    assert shlex.split(args["command"]) == [
        *serve.program(), "--db", str(db.absolute()), "--lang", "zh"]
    assert "http://127.0.0.1:8000" in args["banner"]


def test_the_command_is_quoted_for_the_shell_textual_serve_hands_it_to():
    base = ["/opt/office tui/bin/office-tui"]
    line = serve.app_command(Path("/data/a b;rm -rf ~/x'y.db"), "en", base)
    assert shlex.split(line) == [*base, "--db", "/data/a b;rm -rf ~/x'y.db", "--lang", "en"]


def test_the_program_is_the_running_installation():
    [found] = serve.program()
    assert Path(found) == Path(sys.executable).parent / "office-tui"


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.3.4.5", True), ("localhost", True), ("::1", True),
    ("[::1]", True), ("0.0.0.0", False), ("::", False), ("10.0.0.2", False),
    ("localhost.evil.example", False),
])
def test_loopback_hosts(host, loopback):
    assert serve.is_loopback(host) is loopback


@pytest.mark.parametrize(("host", "origin", "remote", "allowed"), [
    ("127.0.0.1:8000", "http://127.0.0.1:8000", False, True),
    ("localhost:9000", "http://localhost:9000", False, True),  # ssh -L 9000:…:8000
    ("[::1]:8000", "http://[::1]:8000", False, True),
    ("127.0.0.1:8000", None, False, True),  # not from a page (curl)
    # Another site open in the clerk's browser opening a websocket to the app:
    ("127.0.0.1:8000", "https://evil.example", False, False),
    ("127.0.0.1:8000", "null", False, False),
    ("127.0.0.1:8000", "http://127.0.0.1:8001", False, False),
    # A name rebound to 127.0.0.1 by its DNS: its own origin, not a loopback name.
    ("evil.example:8000", "http://evil.example:8000", False, False),
    ("office.lan:8000", "http://office.lan:8000", True, True),
    ("office.lan:8000", "http://evil.example", True, False),
    (None, None, False, False),
])
def test_only_this_servers_own_pages_reach_the_app(host, origin, remote, allowed):
    assert serve.request_allowed(host, origin, remote) is allowed
