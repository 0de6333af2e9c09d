"""Running checks: the plugin manager and registry, the checker and its coverage notes,
the draft reviewer, partitions, local processes and Dask, and descriptions of what is
installed.

It knows no particular guideline: the built-ins are listed by :mod:`socialnorms.guidelines`.
"""

from .checker import Checker, CheckRun, check, load

__all__ = ["CheckRun", "Checker", "check", "load"]
