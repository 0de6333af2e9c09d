"""Facebook, Instagram and Threads for socialnorms: Meta's networks in one distribution.

The three networks share one account system, one username syntax and one
release cadence, so they ship together; each is still its own plugin (entry
points ``facebook``, ``instagram`` and ``threads``), so a user can block one of
them alone with ``SOCIALNORMS_DISABLE_PLUGINS=instagram``.
"""

from __future__ import annotations

from . import facebook, instagram, threads
from .text import MetaSyntax

__all__ = ["PROFILES", "MetaSyntax", "facebook", "instagram", "threads"]

#: The profiles of the three networks, by id.
PROFILES = {module.PROFILE.id: module.PROFILE for module in (facebook, instagram, threads)}
