"""What a rule declares besides its docs: typed options, the data it needs, how its
measurements are charted, and its example files.

A rule module declares its options as a class, read as attributes::

    class Options(RuleOptions):
        min_words: int = option(8, "Fewest words a post needs to count as substance.")

    RULE = Rule(code="HS001", ..., settings=Options, needs={DATA_OWN_POSTS})

    def judge(ctx, network):
        opts = Options.resolve(ctx, network)   # per-network override, else configured, else default
        ... opts.min_words ...

A default of the wrong type, or an option without a reason, fails when the module
is imported; a misspelt attribute is an error for type checkers and at the first run.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

if TYPE_CHECKING:
    from .checks import CheckContext

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
    "Chart",
    "Option",
    "RuleOptions",
    "option",
    "rule_examples",
]

DATA_OWN_POSTS = "own-posts"
DATA_SHARED_POSTS = "shared-posts"
DATA_MENTIONS_RECEIVED = "mentions-received"
DATA_FOLLOWS = "follows"
DATA_FOLLOWERS = "followers"
DATA_INVITATIONS = "invitations"
DATA_OTHER_NETWORKS = "other-networks"
DATA_LIKES = "likes"
DATA_BLOCKS = "blocks"
DATA_BOOKMARKS = "bookmarks"
DATA_LISTS = "lists"
DATA_OTHER_RECORDS = "other-records"

#: The kinds of data readers state coverage over and rules say they need. The set is
#: open: a plugin may use a kind of its own, named in kebab-case. A kind no installed
#: rule needs (likes, blocks, ... today) gives no note in reports until a rule needs it.
DATA_KINDS: dict[str, str] = {
    DATA_OWN_POSTS: "the account's own posts and replies, with their text, links and dates",
    DATA_SHARED_POSTS: "reposts and quotes, with the text and the author of what was shared",
    DATA_MENTIONS_RECEIVED: "other people's posts that mention or answer the account",
    DATA_FOLLOWS: "the accounts the account follows, with the date of each follow",
    DATA_FOLLOWERS: "the accounts that follow the account, with the date of each follow",
    DATA_INVITATIONS: "the invitations the account sent, with their messages",
    DATA_OTHER_NETWORKS: "the same subject's activity on its other networks",
    DATA_LIKES: "the posts the account liked, with the date of each like",
    DATA_BLOCKS: "the accounts and domains the account blocked or muted",
    DATA_BOOKMARKS: "the posts the account bookmarked",
    DATA_LISTS: "the lists of accounts the account keeps",
    DATA_OTHER_RECORDS: "records of kinds the reader does not read (its statement names them)",
}

DATA_KIND = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

CHART_KINDS = ("bar", "line")
CHART_UNITS = ("minutes", "share", "number")


@attrs.frozen(slots=True)
class Chart:
    """How a report charts one measurement a rule records (see ``CheckContext.measure``).

    ``kind`` is ``bar`` (one bar per subject and network) or ``line`` (one line per
    subject and network over the measurement's periods); ``unit`` is how values read:
    ``minutes`` (a duration), ``share`` (a fraction shown as a percentage) or ``number``.
    """

    ident: str = attrs.field(validator=attrs.validators.matches_re(DATA_KIND))
    """Stable id of the chart in HTML reports (kebab-case)."""
    title: str = attrs.field(validator=attrs.validators.min_len(1))
    measurement: str = attrs.field(validator=attrs.validators.min_len(1))
    """The measurement name the chart draws."""
    kind: str = attrs.field(validator=attrs.validators.in_(CHART_KINDS))
    desc: str = attrs.field(validator=attrs.validators.min_len(1))
    """One sentence on what the chart shows."""
    absent: str = attrs.field(validator=attrs.validators.min_len(1))
    """What to say when nothing was measured."""
    unit: str = attrs.field(default="number", validator=attrs.validators.in_(CHART_UNITS))
    max_value: float | None = None
    """The top of the value axis (1.0 for shares); ``None`` scales to the data."""


_OPTION_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _option_name(_inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _OPTION_NAME.match(value):
        raise ValueError(f"Option.name: {value!r} does not match {_OPTION_NAME.pattern}")


def _option_type(default: Any) -> type | tuple[type, ...]:
    """The types a configured value may have, judged from the default: a number takes
    any number, a sequence any list (TOML has no tuples), ``None`` anything."""
    if default is None:
        return object
    kind = type(default)
    if kind in (int, float):
        return (int, float)
    if kind in (list, tuple):
        return (list, tuple)
    return kind


@attrs.frozen(slots=True)
class Option:
    """A setting of a rule, with its default and the reason for that default."""

    name: str = attrs.field(validator=_option_name)
    default: Any
    doc: str = attrs.field(validator=attrs.validators.min_len(1))
    """What the option does and why the default is what it is."""
    type: type | tuple[type, ...] = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.type is None:
            object.__setattr__(self, "type", _option_type(self.default))

    def validate(self, value: Any, where: str = "") -> Any:
        """Return ``value`` if it has the option's type, else raise ValueError."""
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        ok = False if isinstance(value, bool) and bool not in types else isinstance(value, types)
        if not ok:
            names = " or ".join(t.__name__ for t in types)
            raise ValueError(f"{where}{self.name}: expected {names}, got {value!r}")
        return value


@attrs.frozen(slots=True)
class _Declared:
    default: Any
    doc: str
    type: type | tuple[type, ...] | None


T = TypeVar("T")


def option(default: T, doc: str, *, type: type | tuple[type, ...] | None = None) -> T:
    """Declare an option of a :class:`RuleOptions` class: its default and the reason for it.

    ``type`` is the accepted type, by default the default's (an ``int`` default also
    accepts floats, a tuple default also lists).
    """
    return _Declared(default, doc, type)  # type: ignore[return-value]


OptionsT = TypeVar("OptionsT", bound="RuleOptions")


class RuleOptions:
    """The typed options of one rule: subclass it and declare each with :func:`option`.

    An instance holds the values for one network, resolved by the engine: the
    network's override, else the configured value, else the default.
    """

    declared: ClassVar[tuple[Any, ...]] = ()
    """The :class:`~socialnorms.Option` records, in declaration order."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        inherited = {o.name: o for o in cls.declared}
        for name, value in list(vars(cls).items()):
            if isinstance(value, _Declared):
                made = Option(name, value.default, value.doc, value.type)  # type: ignore[arg-type]
                made.validate(value.default, f"{cls.__qualname__}: default of ")
                inherited[name] = made
                delattr(cls, name)
        for name in getattr(cls, "__annotations__", {}):
            if name not in inherited and not name.startswith("_") and name != "declared":
                raise TypeError(
                    f"{cls.__qualname__}.{name}: declare it with option(default, reason)"
                )
        cls.declared = tuple(inherited.values())

    def __init__(self, **values: Any) -> None:
        names = {o.name for o in self.declared}
        unknown = set(values) - names
        if unknown:
            raise TypeError(f"{type(self).__qualname__}: no option {sorted(unknown)[0]!r}")
        for declared in self.declared:
            value = values.get(declared.name, declared.default)
            object.__setattr__(self, declared.name, declared.validate(value))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__qualname__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash((type(self), tuple(vars(self).items())))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__qualname__}({shown})"

    @classmethod
    def resolve(cls: type[OptionsT], ctx: CheckContext, network: str | None = None) -> OptionsT:
        """The values for ``network`` in this run (see :meth:`CheckContext.options`)."""
        return ctx.options(cls, network)


def rule_examples(module_file: str) -> tuple[str, str]:
    """The trigger and quiet examples of the rule defined in ``module_file``: the files
    ``<module>.trigger.jsonl`` and ``<module>.quiet.jsonl`` beside it (activity format)."""
    path = Path(module_file)
    trigger = path.with_name(f"{path.stem}.trigger.jsonl").read_text(encoding="utf-8")
    quiet = path.with_name(f"{path.stem}.quiet.jsonl").read_text(encoding="utf-8")
    return trigger, quiet
