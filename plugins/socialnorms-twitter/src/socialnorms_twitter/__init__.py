"""X (Twitter) for socialnorms: the audience profile and the text syntax of X.

Installed, it registers the network ``twitter`` (alias ``x``) through the
``register_networks`` hook, and the reader of X archives (``--from twitter``)
through ``register_readers``. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=twitter``.
"""

from __future__ import annotations

import socialnorms

from .archive import READER
from .profile import PROFILE
from .text import TwitterSyntax

__all__ = ["PROFILE", "READER", "TwitterSyntax", "register_networks", "register_readers"]


@socialnorms.hookimpl
def register_networks(register):
    """Register the X profile."""
    register(PROFILE)


@socialnorms.hookimpl
def register_readers(register):
    """Register the reader of X archives."""
    register(READER)
