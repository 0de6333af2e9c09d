"""socialnorms: check how a person or brand behaves on social networks against
etiquette norms, the way a linter checks code.

    >>> import socialnorms
    >>> report = socialnorms.check("examples/acme.jsonl")   # doctest: +SKIP
"""

from __future__ import annotations

from ._collector import collector_paused
from .checks import (
    Check,
    CheckContext,
    Finding,
    Measurement,
    Option,
    ReviewingCheck,
    Rule,
    Severity,
    check_function,
)
from .config import Config, ConfigError
from .engine import Checker, check, load
from .hookspecs import hookimpl, hookspec
from .io import InputError, Reader, ReadOptions, ReadResult, SkippedRecord
from .models import Account, Action, ActionKind, Media, Post
from .plugins import get_plugin_manager, new_plugin_manager, reset_plugin_manager
from .profiles import NetworkProfile
from .report import Report
from .review import Reviewer
from .ruleparts import DATA_KINDS, Chart, RuleOptions, option, rule_examples
from .timeline import Timeline
from .topics import Topic, TopicMatch, TopicModel


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("socialnorms")
    raise AttributeError(f"module 'socialnorms' has no attribute {name!r}")


__all__ = [
    "DATA_KINDS",
    "Account",
    "Action",
    "ActionKind",
    "Chart",
    "Check",
    "CheckContext",
    "Checker",
    "Config",
    "ConfigError",
    "Finding",
    "InputError",
    "Measurement",
    "Media",
    "NetworkProfile",
    "Option",
    "Post",
    "ReadOptions",
    "ReadResult",
    "Reader",
    "Report",
    "Reviewer",
    "ReviewingCheck",
    "Rule",
    "RuleOptions",
    "Severity",
    "SkippedRecord",
    "Timeline",
    "Topic",
    "TopicMatch",
    "TopicModel",
    "check",
    "check_function",
    "collector_paused",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "load",
    "new_plugin_manager",
    "option",
    "reset_plugin_manager",
    "rule_examples",
]
