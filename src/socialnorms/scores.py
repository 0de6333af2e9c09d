"""Moved to :mod:`socialnorms.report.scores`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.report.scores")
