"""The report of a run (:class:`Report`), its scores and frames, and the reporters that
render it (text, JSON, Markdown, HTML with SVG charts, CSV).

It knows no particular guideline: what it charts, the rules declare.
"""

from .model import FORMAT, VERSION, Report

__all__ = ["FORMAT", "VERSION", "Report"]
