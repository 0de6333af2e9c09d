"""Moved to :mod:`socialnorms.core.topic_lexicon`; this path stays for one release."""

from ._moved import moved

moved(__name__, "socialnorms.core.topic_lexicon")
