"""Mastodon for socialnorms: the audience profile and the text syntax of Mastodon.

Installed, it registers the network ``mastodon`` (alias ``fediverse``) through the
``register_networks`` hook, and the reader of Mastodon archives (``--from mastodon``)
through ``register_readers``. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=mastodon``.
"""

from __future__ import annotations

import socialnorms

from .archive import READER
from .profile import PROFILE, for_instance
from .text import MastodonSyntax

__all__ = [
    "PROFILE",
    "READER",
    "MastodonSyntax",
    "for_instance",
    "register_networks",
    "register_readers",
]


@socialnorms.hookimpl
def register_networks(register):
    """Register the Mastodon profile."""
    register(PROFILE)


@socialnorms.hookimpl
def register_readers(register):
    """Register the reader of Mastodon archives."""
    register(READER)
