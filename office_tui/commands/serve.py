"""`office-tui serve`: the whole app in a web browser, through textual-serve.

Each browser tab that connects gets its own `office-tui` process on the same database and
in the same language. There is no login: the server listens on this machine only unless
`--host H --allow-remote` says otherwise (another machine reaches it through SSH port
forwarding instead). textual-serve (aiohttp) is imported only when the server starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from office_tui import cli, i18n
from office_tui.cli import app, fail
from office_tui.core.text import printable
from office_tui.i18n import _

DEFAULT_PORT = 8000
SHUTDOWN_WAIT = 2.0  # seconds
LOOPBACK_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refusal(host: str, port: int, allow_remote: bool) -> str | None:
    """The one line that refuses these options, or None when they may be served."""
    if not 1 <= port <= 65535:
        return _("Port {port} is not a port: use a number from 1 to 65535.").format(port=port)
    if not host.strip():
        return _("--host is empty: leave it out to serve on this machine only.")
    if not is_loopback(host) and not allow_remote:
        return _("--host {host} lets other machines in and there is no login: add "
                 "--allow-remote if that is meant, or reach it through SSH port "
                 "forwarding.").format(host=printable(host))
    return None


def program() -> list[str]:
    """This office-tui: the console script of the running installation, else the module
    run by the same Python."""
    import shutil

    beside = Path(sys.executable).parent / "office-tui"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("office-tui")
    return [found] if found else [sys.executable, "-m", "office_tui.cli"]


def app_command(db: Path, lang: str, base: list[str] | None = None) -> str:
    """The shell line textual-serve runs for each browser connection (it hands it to a
    shell): the app on this database, in this language, every word quoted."""
    import shlex

    return shlex.join([*(base or program()), "--db", str(db), "--lang", lang])


def url_host(host: str) -> str:
    """`host` as it stands in a URL (an IPv6 address in brackets)."""
    bare = host.strip("[]")
    return f"[{bare}]" if ":" in bare else bare


def request_allowed(host_header: str | None, origin: str | None, remote: bool) -> bool:
    """Whether a request may reach the app. Any web page open in the clerk's browser may
    try to open a websocket to this port: the page's Origin must be this server itself,
    and on this machine only the Host must be a loopback name (a DNS-rebound name is not)."""
    from urllib.parse import urlsplit

    if not host_header:
        return False
    name = urlsplit(f"//{host_header}").hostname or ""
    if not remote and not is_loopback(name):
        return False
    if origin is None:
        return True  # not a browser page's request (browsers always send it with websockets)
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host_header.lower()


def make_server(command: str, host: str, port: int, remote: bool, banner: str):
    """A textual-serve Server that builds the page's URLs from the address the browser
    used (an SSH-forwarded port, a name for 0.0.0.0) and checks where requests come from."""
    from aiohttp import web
    from textual_serve.server import Server

    class OfficeServer(Server):
        async def handle_index(self, request: web.Request):
            if not request_allowed(request.host, request.headers.get("Origin"), remote):
                raise web.HTTPForbidden()
            # No await between this and the page using it: one request at a time sees it.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request: web.Request):
            if not request_allowed(request.host, request.headers.get("Origin"), remote):
                raise web.HTTPForbidden()
            return await super().handle_websocket(request)

        async def on_startup(self, app: web.Application) -> None:
            """Nothing yet: the banner is said once the port is really open."""

        def serve(self, debug: bool = False) -> None:
            # As Server.serve, with the banner printed after the port is bound (a port
            # in use says only that) and a loop of its own.
            import asyncio
            import signal

            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    loop.add_signal_handler(sig, self.request_exit)
                except (NotImplementedError, RuntimeError):
                    pass  # Windows: Ctrl+C arrives as KeyboardInterrupt instead
            # A tab still open holds its handler: after SHUTDOWN_WAIT it is cancelled,
            # which tells its app to quit (aiohttp would wait 60 s).
            web.run_app(self._make_app(), host=self.host, port=self.port,
                        handle_signals=False, loop=loop, shutdown_timeout=SHUTDOWN_WAIT,
                        print=lambda *_args: cli.out.print(banner, markup=False,
                                                           soft_wrap=True))

    return OfficeServer(command, host=host, port=port, title="office-tui")


@app.command("serve", help=_("The app in a web browser, on this machine only unless "
                             "--allow-remote (there is no login)."))
def serve(
    port: int = typer.Option(DEFAULT_PORT, "--port", help=_("The port to listen on.")),
    host: str = typer.Option("127.0.0.1", "--host", help=_("The address to listen on (another machine's reach needs --allow-remote).")),
    allow_remote: bool = typer.Option(False, "--allow-remote", help=_("Let other machines connect: anyone who reaches the port uses the app, with no login.")),
) -> None:
    problem = refusal(host, port, allow_remote)
    if problem:
        fail(problem)
    remote = not is_loopback(host)
    if remote:
        cli.err.print(_("Warning: serving on {host} with no login: anyone who can reach "
                        "port {port} can read and change the database.").format(
                            host=printable(host), port=port), markup=False)
    # Opened (created, migrated) once here, so a database that cannot be used is said
    # now, in one line, rather than in every browser tab.
    db = cli.services().db_path.absolute()
    cli.close_services()
    url = f"http://{url_host('127.0.0.1' if host in ('0.0.0.0', '::') else host)}:{port}"
    banner = _("Serving office-tui on {url} (database {db}); Ctrl+C stops it.").format(
        url=url, db=printable(str(db)))
    server = make_server(app_command(db, i18n.current_language()), host, port, remote, banner)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        import errno

        if exc.errno == errno.EADDRINUSE:
            fail(_("Port {port} is already in use on {host}: choose another with "
                   "--port.").format(port=port, host=printable(host)))
        fail(_("Cannot serve on {host} port {port}: {reason}").format(
            host=printable(host), port=port, reason=exc.strerror or exc))
