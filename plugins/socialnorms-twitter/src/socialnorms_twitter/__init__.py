"""X (Twitter) for socialnorms: the audience profile and the text syntax of X.

Installed, it registers the network ``twitter`` (alias ``x``) through the
``register_networks`` hook. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=twitter``.
"""

from __future__ import annotations

import socialnorms

from .profile import PROFILE
from .text import TwitterSyntax

__all__ = ["PROFILE", "TwitterSyntax", "register_networks"]


@socialnorms.hookimpl
def register_networks(register):
    """Register the X profile."""
    register(PROFILE)
