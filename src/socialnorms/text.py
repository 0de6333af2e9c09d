"""Moved to :mod:`socialnorms.core.text`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.core.text")
