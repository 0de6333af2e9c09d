"""Moved to :mod:`socialnorms.engine.dask`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.engine.dask")
