"""Moved to :mod:`socialnorms.core.hookspecs`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.core.hookspecs")
