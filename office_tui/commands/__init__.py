"""CLI commands beyond jobs, one module per area; each registers itself on `cli.app`.

Imported at the end of office_tui/cli.py, after the shared helpers exist.
"""

import importlib
import pkgutil

# Every module of this package is a set of commands; importing registers them.
for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
