"""Moved to :mod:`socialnorms.report.frames`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.report.frames")
