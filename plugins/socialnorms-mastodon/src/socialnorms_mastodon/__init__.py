"""Mastodon for socialnorms: the audience profile and the text syntax of Mastodon.

Installed, it registers the network ``mastodon`` (alias ``fediverse``) through the
``register_networks`` hook. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=mastodon``.
"""

from __future__ import annotations

import socialnorms

from .profile import PROFILE, for_instance
from .text import MastodonSyntax

__all__ = ["PROFILE", "MastodonSyntax", "for_instance", "register_networks"]


@socialnorms.hookimpl
def register_networks(register):
    """Register the Mastodon profile."""
    register(PROFILE)
