"""Moved to :mod:`socialnorms.report.reporters.csv`; this path stays for one release."""

from .._moved import moved

moved(__name__, "socialnorms.report.reporters.csv")
