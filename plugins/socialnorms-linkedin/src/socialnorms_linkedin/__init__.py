"""LinkedIn for socialnorms: the audience profile, invitation texts and text syntax.

Installed, it registers the network ``linkedin`` through the ``register_networks``
hook, and the reader of LinkedIn data exports (``--from linkedin``) through
``register_readers``. Block it with ``SOCIALNORMS_DISABLE_PLUGINS=linkedin``.
"""

from __future__ import annotations

import socialnorms

from .export import READER
from .profile import DEFAULT_INVITATIONS, PROFILE
from .text import LinkedInSyntax

__all__ = [
    "DEFAULT_INVITATIONS",
    "PROFILE",
    "READER",
    "LinkedInSyntax",
    "register_networks",
    "register_readers",
]


@socialnorms.hookimpl
def register_networks(register):
    """Register the LinkedIn profile."""
    register(PROFILE)


@socialnorms.hookimpl
def register_readers(register):
    """Register the reader of LinkedIn data exports."""
    register(READER)
