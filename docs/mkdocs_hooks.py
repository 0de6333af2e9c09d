"""MkDocs hooks of the socialnorms documentation (``hooks:`` in mkdocs.yml).

Python before 3.13 raises ``AssertionError`` on ``<![`` that does not open a
CDATA section (CPython gh-77057). The network pages show mention patterns such as
``(?<![\\w@])@...`` in code spans, and MkDocs scans every page with that parser to
collect anchor ids, so the build would crash on them. Python-Markdown works around
the same bug by reading such text as a bogus comment; this hook does the same in
MkDocs' scanner. It changes nothing on Python 3.13 and later.
"""

from __future__ import annotations

import sys

from mkdocs.structure import pages


def _tolerant_declaration(self, i: int) -> int:
    if self.rawdata[i : i + 3] == "<![" and self.rawdata[i : i + 9] != "<![CDATA[":
        end = self.parse_bogus_comment(i, report=0)
        return i + 3 if end == -1 else end
    return _original_declaration(self, i)


if sys.version_info < (3, 13):
    _original_declaration = pages._HTMLHandler.parse_html_declaration
    pages._HTMLHandler.parse_html_declaration = _tolerant_declaration
