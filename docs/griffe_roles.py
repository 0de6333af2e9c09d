"""A Griffe extension for the API pages: Sphinx roles in docstrings as code.

The docstrings cross-reference with Sphinx roles (``:class:`~socialnorms.Rule```),
which Markdown would show as they are written. This shows the name alone, as code
(``Rule``), the way Sphinx does with the ``~``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`(~?)([\w.]+?)(?:\(\))?`")


def _code(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


class SphinxRolesAsCode(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_code, obj.docstring.value)
