"""Moved to :mod:`socialnorms.io.synthetic`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.io.synthetic")
