"""socialnorms: check how a person or brand behaves on social networks against
etiquette norms, the way a linter checks code.

    >>> import socialnorms
    >>> report = socialnorms.check("examples/acme.jsonl")   # doctest: +SKIP
"""

from __future__ import annotations

from .core.checks import (
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
from .core.config import Config, ConfigError
from .core.hookspecs import hookimpl, hookspec
from .core.models import Account, Action, ActionKind, Media, Post
from .core.profiles import NetworkProfile
from .core.ruleparts import (
    DATA_BLOCKS,
    DATA_BOOKMARKS,
    DATA_FOLLOWERS,
    DATA_FOLLOWS,
    DATA_INVITATIONS,
    DATA_KINDS,
    DATA_LIKES,
    DATA_LISTS,
    DATA_MENTIONS_RECEIVED,
    DATA_OTHER_NETWORKS,
    DATA_OTHER_RECORDS,
    DATA_OWN_POSTS,
    DATA_SHARED_POSTS,
    Chart,
    RuleOptions,
    option,
    rule_examples,
)
from .core.timeline import Timeline
from .core.topics import Topic, TopicMatch, TopicModel
from .engine.checker import Checker, check, load
from .engine.collector import collector_paused
from .engine.plugins import get_plugin_manager, new_plugin_manager, reset_plugin_manager
from .engine.review import Reviewer
from .io import InputError, Reader, ReadOptions, ReadResult, SkippedRecord
from .report.model import Report


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("socialnorms")
    raise AttributeError(f"module 'socialnorms' has no attribute {name!r}")


__all__ = [
    "DATA_BLOCKS",
    "DATA_BOOKMARKS",
    "DATA_FOLLOWERS",
    "DATA_FOLLOWS",
    "DATA_INVITATIONS",
    "DATA_KINDS",
    "DATA_LIKES",
    "DATA_LISTS",
    "DATA_MENTIONS_RECEIVED",
    "DATA_OTHER_NETWORKS",
    "DATA_OTHER_RECORDS",
    "DATA_OWN_POSTS",
    "DATA_SHARED_POSTS",
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
