"""Moved to :mod:`socialnorms.report.reporters.html`; this path stays for one release."""

from .._moved import moved

moved(__name__, "socialnorms.report.reporters.html")
