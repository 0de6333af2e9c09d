"""Moved to :mod:`socialnorms.report.reporters`; this path stays for one release."""

import warnings

from ..report.reporters import Reporter

__all__ = ["Reporter"]

warnings.warn(
    "socialnorms.reporters moved to socialnorms.report.reporters; import it from there "
    "(the old path goes in the next release)",
    DeprecationWarning,
    stacklevel=2,
)
