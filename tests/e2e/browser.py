"""A real browser for end-to-end tests: Debian's headless Chromium driven by selenium.

textual-serve's page draws the terminal on a canvas (xterm.js's WebGL or canvas renderer),
so the page holds no text to read. What the app sends is read instead: a script added
before the page's own records every byte the app's websocket delivers, and pyte (a
terminal emulator) replays them into the screen the page shows.
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.e2e.terminal import poll_until

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

# Every binary frame of the page's websocket, base64, in order; and the socket's URL
# (its query holds the terminal size the page asked for).
RECORDER = """
(() => {
  const Native = window.WebSocket;
  const tty = window.__officeTty = {chunks: [], url: null};
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      tty.url = String(url);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer) {
          let text = "";
          for (const byte of new Uint8Array(event.data)) text += String.fromCharCode(byte);
          tty.chunks.push(btoa(text));
        }
      });
    }
  };
})();
"""


def missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return (f"{path} is not installed (Debian: apt-get install chromium "
                    "chromium-driver; .ci/run installs them)")
    return None


class Browser:
    def __init__(self, size: tuple[int, int] = (1280, 800)) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="office-tui-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        # As root in a container, and offline: without the networking flags Chromium's
        # own background connections make the page's connections fail here.
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={self.profile}",
                     f"--window-size={size[0]},{size[1]}"):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                    {"source": RECORDER})
        self._screen = None
        self._stream = None
        self._read = 0

    def open(self, url: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.get(url)
        # textual-serve may show a Start button first (a page asked with ?delay).
        start = self.driver.find_elements(By.ID, "start")
        if start and start[0].is_displayed():
            start[0].click()

    def screen(self) -> str:
        """The terminal as the page shows it, one line per row."""
        import pyte

        found = self.driver.execute_script(
            "const t = window.__officeTty;"
            "return t ? [t.url, t.chunks.slice(arguments[0])] : [null, []];", self._read)
        url, chunks = found
        if url is None:
            return ""
        if self._screen is None:
            query = parse_qs(urlsplit(url).query)
            self._screen = pyte.Screen(int(query["width"][0]), int(query["height"][0]))
            self._stream = pyte.ByteStream(self._screen)
        for chunk in chunks:
            self._stream.feed(base64.b64decode(chunk))
        self._read += len(chunks)
        return "\n".join(line.rstrip() for line in self._screen.display)

    def wait_for(self, predicate, what: str, timeout: float = 20.0) -> str:
        def ready() -> str | None:
            text = self.screen()
            return text if predicate(text) else None

        text = poll_until(ready, timeout)
        if text is None:
            raise AssertionError(f"timed out waiting for {what}; the page showed:\n"
                                 f"{self.screen()}")
        return text

    def keys(self, *keys: str) -> None:
        """Keys pressed in the terminal (xterm.js reads them from its hidden textarea)."""
        from selenium.webdriver.common.action_chains import ActionChains

        self.driver.execute_script(
            "document.querySelector('.xterm-helper-textarea').focus()")
        ActionChains(self.driver).send_keys(*keys).perform()

    def save_screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        assert self.driver.save_screenshot(str(path)), path

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
