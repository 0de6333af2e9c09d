"""Moved to :mod:`socialnorms.cli.progress`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.cli.progress")
