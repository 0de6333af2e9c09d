"""Moved to :mod:`socialnorms.core.topics`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.core.topics")
