"""Moved to :mod:`socialnorms.cli.scaffold`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.cli.scaffold")
