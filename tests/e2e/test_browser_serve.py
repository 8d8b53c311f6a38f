"""End to end: `office-tui serve`, the page opened in headless Chromium, a job added there.

OFFICE_TUI_SCREENSHOTS=1 also saves the page as docs/screenshots/browser.png.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from tests.e2e.browser import Browser, missing
from tests.e2e.terminal import env_for, office_tui_command, poll_until
from tests.integrity import integrity

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def fetch(url: str, **headers: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def running_on(db: Path) -> list[str]:
    """The processes whose command line names `db` (each tab's app has --db DB)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().decode("utf-8", "replace").split("\0")
        except OSError:
            continue  # ended meanwhile
        if str(db) in words:
            found.append(" ".join(words))
    return found


def titles(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM jobs ORDER BY id")]
    finally:
        conn.close()


def test_a_job_added_in_the_browser_is_in_the_database(tmp_path):
    reason = missing()
    if reason:
        pytest.skip(reason)
    db = tmp_path / "office.db"
    env = env_for(db)
    # The database made by the command line first, as a clerk's would already be.
    subprocess.run([office_tui_command(), "add", "换 二楼 打印机 硒鼓 @办公室 #打印"],
                   env=env, check=True, capture_output=True, timeout=30)
    port = free_port()
    server = subprocess.Popen([office_tui_command(), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              start_new_session=True)  # its own group, as in a terminal
    browser = None
    try:
        url = f"http://127.0.0.1:{port}/"
        assert poll_until(lambda: page_answers(url) or server.poll() is not None, 15)
        assert server.poll() is None, server.communicate()
        browser = Browser()
        browser.open(url)
        browser.wait_for(lambda s: "on time this week" in s, "the Today screen")
        browser.keys(Keys.F3)
        browser.wait_for(lambda s: "Jobs ·" in s and "1 shown of 1" in s,
                         "the Jobs screen with the job added on the command line")
        browser.keys("a")
        browser.wait_for(lambda s: "quick add:" in s, "the quick-add box")
        browser.keys("修 三楼会议室 灯管 @总务科 #报修")
        browser.wait_for(lambda s: "三楼会议室 灯管 @总务科" in s, "the quick-add typed")
        browser.keys(Keys.ENTER)
        browser.wait_for(lambda s: "修 三楼会议室 灯管" in s and "2 shown of 2" in s,
                         "the new job in the list")
        assert poll_until(lambda: len(titles(db)) == 2, 10), titles(db)
        if os.environ.get("OFFICE_TUI_SCREENSHOTS") == "1":
            browser.save_screenshot(ROOT / "docs" / "screenshots" / "browser.png")
        # Reached through another name and port (ssh -L 9000:127.0.0.1:PORT), the page's
        # websocket goes back the way the browser came.
        code, page = fetch(url, Host="localhost:9000")
        assert code == 200 and 'data-session-websocket-url="ws://localhost:9000/ws"' in page
        # A name rebound to this machine, and another site's page opening the websocket.
        assert fetch(url, Host=f"evil.example:{port}")[0] == 403
        assert fetch(f"{url}ws", Origin="https://evil.example", Connection="Upgrade",
                     Upgrade="websocket", **{"Sec-WebSocket-Version": "13",
                                             "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
                     )[0] == 403
        # Ctrl+C in the terminal that serves reaches its whole process group: the server
        # and each tab's app (this tab still open).
        stopping = time.monotonic()
        os.killpg(server.pid, signal.SIGINT)
        out, err = server.communicate(timeout=15)
        stop_seconds = time.monotonic() - stopping
    finally:
        if browser is not None:
            browser.quit()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.communicate()
    assert server.returncode == 0, err
    assert stop_seconds < 5, stop_seconds
    assert poll_until(lambda: not running_on(db), 5), running_on(db)  # the tab's app ended
    assert "Traceback" not in out + err
    assert f"Serving office-tui on http://127.0.0.1:{port}" in out
    assert titles(db) == ["换 二楼 打印机 硒鼓", "修 三楼会议室 灯管"]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        category, department = conn.execute(
            "SELECT category, department FROM jobs WHERE id = 2").fetchone()
    finally:
        conn.close()
    assert (category, department) == ("repair", "总务科")
    # and the file the browser's app wrote is whole: PRAGMA integrity_check
    assert integrity(db) == "ok"

