"""LinkedIn for socialnorms: the audience profile, invitation texts and text syntax.

Installed, it registers the network ``linkedin`` through the ``register_networks``
hook. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=linkedin``.
"""

from __future__ import annotations

import socialnorms

from .profile import DEFAULT_INVITATIONS, PROFILE
from .text import LinkedInSyntax

__all__ = ["DEFAULT_INVITATIONS", "PROFILE", "LinkedInSyntax", "register_networks"]


@socialnorms.hookimpl
def register_networks(register):
    """Register the LinkedIn profile."""
    register(PROFILE)
