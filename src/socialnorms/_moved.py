"""Old module paths, kept for one release: each is the module at its new path."""

from __future__ import annotations

import importlib
import sys
import warnings


def moved(old: str, new: str) -> None:
    """Make module ``old`` the module ``new`` (the same object), with a DeprecationWarning."""
    warnings.warn(
        f"{old} moved to {new}; import it from there or from socialnorms "
        "(the old path goes in the next release)",
        DeprecationWarning,
        stacklevel=3,
    )
    sys.modules[old] = importlib.import_module(new)
