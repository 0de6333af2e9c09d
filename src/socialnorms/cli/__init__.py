"""The ``socialnorms`` command: check, convert, rules, networks, plugins, new-plugin."""

from .commands import main

__all__ = ["main"]
