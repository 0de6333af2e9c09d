"""Moved to :mod:`socialnorms.engine.review`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.engine.review")
