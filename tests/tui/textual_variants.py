"""Textual as a later release could ship it, for testing the fallbacks of the modules that
use its private API (tui/widgets/fast_table.py, tui/widgets/keys_footer.py,
tui/widgets/measured_table.py).

`renamed(monkeypatch, module, name)` runs a Textual module's source with one private name
changed everywhere in it: a self-consistent copy, as if Textual had renamed the member.
`ours_against(monkeypatch, ours, ...)` imports a fresh copy of one of our modules while
textual.widgets offers other classes or modules in place of its own.
"""

from __future__ import annotations

import re
import sys
import types

import textual.widgets

_MISSING = object()


def renamed(monkeypatch, module: types.ModuleType, name: str) -> types.ModuleType:
    source = open(module.__file__, encoding="utf-8").read()
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    assert pattern.search(source), f"{name} is not in {module.__name__}"
    copy = _module(monkeypatch, f"{module.__name__}__{name.strip('_')}", module)
    exec(compile(pattern.sub(f"{name}_renamed", source), module.__file__, "exec"),
         copy.__dict__)
    return copy


def ours_against(monkeypatch, ours: types.ModuleType, *, widgets: dict | None = None,
                 modules: dict | None = None) -> types.ModuleType:
    """A fresh copy of `ours`, imported while textual.widgets has `widgets` as its classes
    and sys.modules has `modules` (None: that module cannot be imported)."""
    copy = _module(monkeypatch, f"{ours.__name__}__copy", ours)
    with monkeypatch.context() as patch:
        for attribute, value in (widgets or {}).items():
            patch.setattr(textual.widgets, attribute, value, raising=False)
        for name, value in (modules or {}).items():
            patch.setitem(sys.modules, name, value)
        source = open(ours.__file__, encoding="utf-8").read()
        exec(compile(source, ours.__file__, "exec"), copy.__dict__)
    return copy


def _module(monkeypatch, name: str, like: types.ModuleType) -> types.ModuleType:
    copy = types.ModuleType(name)
    copy.__file__ = like.__file__
    copy.__package__ = like.__package__
    monkeypatch.setitem(sys.modules, name, copy)  # dataclasses look their module up
    return copy
