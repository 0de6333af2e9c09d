"""Bluesky for socialnorms: the audience profile and the text syntax of Bluesky.

Installed, it registers the network ``bluesky`` (alias ``bsky``) through the
``register_networks`` hook, and the reader of Bluesky repository exports (``--from bluesky``)
through ``register_readers``. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=bluesky``.
"""

from __future__ import annotations

import socialnorms

from .profile import PROFILE
from .repository import READER
from .text import BlueskySyntax

__all__ = ["PROFILE", "READER", "BlueskySyntax", "register_networks", "register_readers"]


@socialnorms.hookimpl
def register_networks(register):
    """Register the Bluesky profile."""
    register(PROFILE)


@socialnorms.hookimpl
def register_readers(register):
    """Register the reader of Bluesky repository exports."""
    register(READER)
