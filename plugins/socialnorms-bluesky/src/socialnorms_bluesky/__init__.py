"""Bluesky for socialnorms: the audience profile and the text syntax of Bluesky.

Installed, it registers the network ``bluesky`` (alias ``bsky``) through the
``register_networks`` hook. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=bluesky``.
"""

from __future__ import annotations

import socialnorms

from .profile import PROFILE
from .text import BlueskySyntax

__all__ = ["PROFILE", "BlueskySyntax", "register_networks"]


@socialnorms.hookimpl
def register_networks(register):
    """Register the Bluesky profile."""
    register(PROFILE)
