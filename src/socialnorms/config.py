"""Moved to :mod:`socialnorms.core.config`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.core.config")
