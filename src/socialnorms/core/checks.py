"""The check protocol: rules, findings and what a check receives.

A check is a batch function over the whole :class:`~socialnorms.Timeline`: it is
called once per run and yields :class:`Finding` values. Each check belongs to one
guideline and declares the :class:`Rule` records it can report. A check may also
judge one new action before it is posted (``review``, see :class:`Check`), which
the :class:`~socialnorms.Reviewer` uses.
"""

from __future__ import annotations

import enum
import functools
import json
import math
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

import attrs

from .ruleparts import DATA_KIND, Chart, Option, RuleOptions
from .topics import TopicModel

OptionsT = TypeVar("OptionsT", bound=RuleOptions)

if TYPE_CHECKING:
    from .config import Config
    from .models import Action
    from .profiles import NetworkProfile
    from .timeline import Timeline

__all__ = [
    "Check",
    "CheckContext",
    "Finding",
    "Measurement",
    "Option",
    "ReviewingCheck",
    "Rule",
    "Severity",
    "can_review",
]

_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@functools.total_ordering
class Severity(enum.Enum):
    """How much a finding weighs: ``info`` < ``warning`` < ``error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def weight(self) -> int:
        return _WEIGHT[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.weight < other.weight

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, value: Severity | str) -> Severity:
        """``Severity.parse("warning")``; raises ValueError naming the choices."""
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(f"severity: expected info, warning or error, got {value!r}") from None


def _severity(value: Severity | str) -> Severity:
    """Converter: :meth:`Severity.parse` (mypy's attrs plugin wants a named function)."""
    return Severity.parse(value)


_WEIGHT = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _match(pattern: re.Pattern[str], what: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not pattern.match(value):
            raise ValueError(f"{what}: {value!r} does not match {pattern.pattern}")

    return check


def _options(values: Iterable[Option]) -> tuple[Option, ...]:
    return tuple(values)


def _needs(values: Iterable[str]) -> frozenset[str]:
    needs = frozenset(values)
    for kind in needs:
        if not isinstance(kind, str) or not DATA_KIND.match(kind):
            raise ValueError(f"Rule.needs: {kind!r} is not a kebab-case data kind")
    return needs


def _charts(values: Iterable[Chart]) -> tuple[Chart, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Rule:
    """One thing a check can report, documented like a linter rule."""

    code: str = attrs.field(validator=_match(_CODE, "Rule.code"))
    """Stable code: a prefix of 1-4 capitals and three digits (``HS001``)."""
    name: str = attrs.field(validator=_match(_NAME, "Rule.name"))
    """Readable kebab-case name (``long-captions``)."""
    summary: str = attrs.field(validator=attrs.validators.min_len(1))
    why: str = attrs.field(validator=attrs.validators.min_len(1))
    """The norm behind the rule."""
    severity: Severity = attrs.field(default=Severity.WARNING, converter=_severity)
    """Default severity; findings may be stronger or weaker as the pattern is."""
    example: str = ""
    """Activity-format lines (JSON Lines) of a timeline that triggers the rule."""
    quiet_example: str = ""
    """Activity-format lines of a similar timeline that does not trigger it."""
    options: tuple[Option, ...] = attrs.field(default=(), converter=_options)
    """The rule's settings (filled from :attr:`settings` when that is given)."""
    habit: bool = False
    """Whether the rule judges a habit over a window of time (a share or a rate),
    not one action. A review's nudge then names the window that ends with the draft,
    which need not be the window ``check`` reports, so :func:`socialnorms.engine.review.agrees`
    matches the nudge to a check finding by code, subject and network only, not by
    its evidence."""
    instead: str = attrs.field(default="", kw_only=True)
    """What to do instead: the suggestion a finding of the rule carries unless it
    gives a more particular one."""
    needs: frozenset[str] = attrs.field(default=frozenset(), converter=_needs, kw_only=True)
    """The kinds of data the rule judges (see :data:`~socialnorms.core.ruleparts.DATA_KINDS`):
    where a reader says its input lacks one, the report notes it for the rule's guideline."""
    charts: tuple[Chart, ...] = attrs.field(default=(), converter=_charts, kw_only=True)
    """How reports chart the measurements the rule records."""
    settings: type[RuleOptions] | None = attrs.field(default=None, kw_only=True, repr=False)
    """The rule's typed options, a :class:`~socialnorms.RuleOptions` class; a check reads
    them with ``Settings.resolve(ctx, network)``."""

    def __attrs_post_init__(self) -> None:
        if self.settings is not None:
            if self.options:
                raise ValueError(f"{self.code}: give options or settings, not both")
            object.__setattr__(self, "options", self.settings.declared)

    def option(self, name: str) -> Option:
        for option in self.options:
            if option.name == name:
                return option
        raise KeyError(f"{self.code} has no option {name!r}")

    @property
    def defaults(self) -> Mapping[str, Any]:
        return {option.name: option.default for option in self.options}


def _finding_time(value: datetime | str | None) -> datetime | None:
    from .models import parse_timestamp

    return None if value is None else parse_timestamp(value, "finding.at")


_SCALARS = frozenset({str, int, bool, type(None)})


def _metrics(value: Mapping[str, Any]) -> dict[str, Any]:
    """Metrics must serialise, or the report of every check would fail to print."""
    metrics = dict(value)
    for key, item in metrics.items():
        if not isinstance(key, str):
            raise TypeError(f"Finding.metrics: names must be strings, got {key!r}")
        kind = type(item)
        if kind in _SCALARS or (kind is float and math.isfinite(item)):
            continue  # plainly a JSON value
        try:
            json.dumps(item, allow_nan=False)
        except (TypeError, ValueError):
            raise TypeError(f"Finding.metrics.{key}: not a JSON value: {item!r}") from None
    return metrics


def _evidence(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value))


@attrs.frozen(slots=True, repr=False)
class Finding:
    """One place where behaviour breaks a norm, with its evidence and figures.

    Its serialised form is a finding of the report format.
    """

    code: str
    rule: str
    guideline: str
    severity: Severity = attrs.field(converter=_severity)
    subject: str | None
    account: str | None
    network: str | None
    message: str
    suggestion: str
    evidence: tuple[str, ...] = attrs.field(default=(), converter=_evidence)
    at: datetime | None = attrs.field(default=None, converter=_finding_time)
    """The time of the latest evidence, in UTC."""
    metrics: Mapping[str, Any] = attrs.field(factory=dict, converter=_metrics, hash=False)
    """Figures behind the finding, by snake_case name: JSON values (numbers, strings, …)."""

    def sort_key(self) -> tuple[Any, ...]:
        """Report order: subject, account, time, code, then every other field, so
        that the order never depends on the order checks yielded findings in."""
        return (*self._sort_prefix(), json.dumps(self.metrics, sort_keys=True))

    def _sort_prefix(self) -> tuple[Any, ...]:
        """:meth:`sort_key` but for the metrics, which rarely decide and cost the most."""
        return (
            self.subject or "",
            self.account or "",
            self.at.isoformat() if self.at else "",
            self.code,
            self.message,
            self.evidence,
            self.network or "",
            self.severity.weight,
            self.rule,
            self.guideline,
            self.suggestion,
        )

    def __repr__(self) -> str:
        where = " ".join(x for x in (self.subject, self.account or self.network) if x)
        at = f" at {_format_time(self.at)}" if self.at else ""
        return (
            f"<Finding {self.code} {self.severity.value} {self.rule} {where}{at}: {self.message}>"
        )

    def _repr_html_(self) -> str:
        from .htmlparts import finding_card

        return finding_card(self)

    def to_dict(self) -> dict[str, Any]:
        """The finding as the report format writes it."""
        return {
            "code": self.code,
            "rule": self.rule,
            "guideline": self.guideline,
            "severity": self.severity.value,
            "subject": self.subject,
            "account": self.account,
            "network": self.network,
            "message": self.message,
            "suggestion": self.suggestion,
            "evidence": list(self.evidence),
            "at": _format_time(self.at),
            "metrics": {key: self.metrics[key] for key in sorted(self.metrics)},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Read a finding back from its report form."""
        return cls(
            code=data["code"],
            rule=data["rule"],
            guideline=data["guideline"],
            severity=data["severity"],
            subject=data.get("subject"),
            account=data.get("account"),
            network=data.get("network"),
            message=data["message"],
            suggestion=data.get("suggestion", ""),
            evidence=data.get("evidence", ()),
            at=data.get("at"),
            metrics=data.get("metrics", {}),
        )


@attrs.frozen(slots=True)
class Measurement:
    """A figure a check measured for a subject, whether or not it found a problem:
    a response rate, a median response time, a monthly share of self-mention reposts.

    ``period`` names the stretch of time the value covers (``2026-03`` for a month),
    or is ``None`` for the whole timeline.
    """

    guideline: str
    subject: str
    network: str | None
    name: str = attrs.field(validator=_match(re.compile(r"^[a-z][a-z0-9_]*$"), "Measurement.name"))
    value: float | int
    period: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (self.subject, self.network or "", self.guideline, self.name, self.period or "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "guideline": self.guideline,
            "subject": self.subject,
            "network": self.network,
            "name": self.name,
            "value": self.value,
            "period": self.period,
        }


def _format_time(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


@runtime_checkable
class Check(Protocol):
    """What a guideline plugin registers with ``register_checks``.

    ``guideline`` is the name findings are grouped under; ``rules`` lists every
    rule the check may report; ``run`` is called once per timeline.

    A check may also have the incremental form, ``review(ctx, draft)`` (see
    :class:`ReviewingCheck`): given the history in ``ctx.timeline`` and one action
    that is not in it yet, it yields the findings that posting ``draft`` would cause
    or make worse, and only those. :func:`can_review` tells whether a check has it;
    the :class:`~socialnorms.Reviewer` skips a check without it, with a note.
    """

    if TYPE_CHECKING:
        # Read-only for type checkers, so that frozen values (FunctionCheck) match.
        @property
        def guideline(self) -> str: ...
        @property
        def rules(self) -> Sequence[Rule]: ...
    else:
        guideline: str
        rules: Sequence[Rule]

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        """Yield the findings for the whole timeline in ``ctx``."""


@runtime_checkable
class ReviewingCheck(Check, Protocol):
    """A :class:`Check` that can also judge one draft action before it is posted.

    ``review(ctx, draft)`` gets a :class:`CheckContext` whose timeline is the history
    (without the draft; ``ctx.draft`` is the draft too) and yields the findings that
    adding ``draft`` to the history would cause or make worse, each phrased as a
    nudge, with its suggestion. The contract, which the built-in guidelines test
    with hypothesis:

    - every finding it yields is one that :meth:`run` reports on the history plus
      the draft: the same ``code``, ``subject`` and ``network``; a finding about single
      actions has the draft in its evidence, as ``run``'s does;
    - it is fast: it asks the Timeline's indexes about the draft's actor, target,
      post and a window of time before it, never scans every action, and keeps
      anything costly to compute in :meth:`CheckContext.cached`;
    - it reuses the judgement of ``run`` (the same per-action functions), so that
      the two never disagree about one action.
    """

    def review(self, ctx: CheckContext, draft: Action) -> Iterable[Finding]:
        """Yield the findings posting ``draft`` would cause or make worse."""


def can_review(check: object) -> bool:
    """Whether ``check`` has the incremental form: a callable ``review`` attribute."""
    return callable(getattr(check, "review", None))


class CheckContext:
    """What a check receives: the timeline, the network profiles, the options.

    It also makes findings (:meth:`finding`) so that a check never has to fill in
    its guideline, the time of the evidence, or configured severities itself.
    """

    def __init__(
        self,
        timeline: Timeline,
        *,
        check: Check,
        networks: Mapping[str, NetworkProfile],
        config: Config,
        topics: TopicModel | None = None,
        draft: Action | None = None,
        cache: dict[Any, Any] | None = None,
        depends: Callable[[Hashable, Iterable[str] | None], None] | None = None,
    ) -> None:
        self.timeline = timeline
        #: The action under review (``review``), which is not in the timeline; else ``None``.
        self.draft = draft
        self._cache: dict[Any, Any] = {} if cache is None else cache
        self._depends = depends
        #: The topic model built from the installed topics (empty when none are given):
        #: ``ctx.topics.classify(text)`` gives the topics of a post with their evidence.
        self.topics: TopicModel = topics if topics is not None else TopicModel({})
        self.check = check
        self.config = config
        self._networks = networks
        self._rules = {rule.code: rule for rule in check.rules}
        self._settings = {rule.settings: rule for rule in check.rules if rule.settings is not None}
        self._notes: list[str] = []
        self._measurements: list[Measurement] = []

    @property
    def notes(self) -> tuple[str, ...]:
        """What the check said it could not judge."""
        return tuple(self._notes)

    @property
    def measurements(self) -> tuple[Measurement, ...]:
        """What the check measured (see :meth:`measure`)."""
        return tuple(self._measurements)

    def measure(
        self,
        subject: str,
        network: str | None,
        name: str,
        value: float | int,
        period: str | None = None,
    ) -> None:
        """Record a figure for a subject (and network), shown in reports and charts."""
        self._measurements.append(
            Measurement(self.check.guideline, subject, network, name, value, period)
        )

    def cached(
        self, key: Hashable, compute: Callable[[], Any], about: Iterable[str] | None = None
    ) -> Any:
        """``compute()``, remembered under ``key`` (a tuple that starts with the guideline):
        once per run for :meth:`Check.run`. For reviews it is kept until an added action
        concerns one of the accounts or subjects in ``about`` (the action's actor or
        target, the author of its post or of the post it answers or shares, an account
        its post mentions, or their subjects); with ``about=None``, until any add."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = compute()
            if self._depends is not None:
                self._depends(key, about)
            return value

    def action(self, action_id: str) -> Action | None:
        """The action with that id: the draft under review, else from the timeline."""
        draft = self.draft
        if draft is not None and draft.id == action_id:
            return draft
        return self.timeline.action(action_id)

    def note(self, text: str) -> None:
        """Record something the check could not judge (shown in the report)."""
        if text not in self._notes:
            self._notes.append(text)

    def profile(self, network: str) -> NetworkProfile | None:
        """The profile of ``network`` (or of a network it is an alias of), or ``None``."""
        return self._networks.get(network)

    def enabled(self, code: str) -> bool:
        """Whether the configuration selects rule ``code``; skip work for unselected ones."""
        return self.config.selects(code, self.check.guideline, name=self._rules[code].name)

    def option(self, code: str, name: str, network: str | None = None) -> Any:
        """The value of a rule's option: per-network override, else configured, else default."""
        rule = self._rules[code]
        default = rule.option(name).default
        return self.config.option(rule, name, default, network=network)

    def options(self, settings: type[OptionsT], network: str | None = None) -> OptionsT:
        """The typed options of the check's rule declared with ``settings`` (a
        :class:`~socialnorms.RuleOptions` class), resolved for ``network`` as :meth:`option`.
        They are resolved once per cache: the contexts of a Reviewer's reviews share them."""
        key = (self.check.guideline, settings, network)
        found = self._cache.get(key)
        if found is None:
            rule = self._settings.get(settings)
            if rule is None:
                raise KeyError(
                    f"no rule of {self.check.guideline} declares {settings.__qualname__}"
                )
            values = {o.name: self.option(rule.code, o.name, network) for o in rule.options}
            found = self._cache[key] = settings(**values)
        return found

    def finding(
        self,
        code: str,
        *,
        subject: str | None,
        account: str | None,
        message: str,
        suggestion: str | None = None,
        evidence: Iterable[str] = (),
        metrics: Mapping[str, Any] | None = None,
        severity: Severity | str | None = None,
        network: str | None = None,
        at: datetime | None = None,
    ) -> Finding:
        """Make a finding of rule ``code``.

        ``suggestion`` defaults to the rule's ``instead``; ``severity`` to the
        rule's, and a severity configured for the rule wins over both. ``network`` defaults to the account's and ``at`` to the
        time of the latest evidence.
        """
        rule = self._rules[code]
        evidence = tuple(evidence)
        if at is None:
            times = [a.at for a in map(self.action, evidence) if a is not None]
            at = max(times) if times else None
        if network is None and account is not None:
            network = self.timeline.network_of(account)
        chosen = self.config.severity_for(rule, Severity.parse(severity or rule.severity), network)
        return Finding(
            code=code,
            rule=rule.name,
            guideline=self.check.guideline,
            severity=chosen,
            subject=subject,
            account=account,
            network=network,
            message=message,
            suggestion=rule.instead if suggestion is None else suggestion,
            evidence=evidence,
            at=at,
            metrics=dict(metrics or {}),
        )


Review = Callable[[CheckContext, "Action"], Iterable[Finding]]


def check_function(
    guideline: str, rules: Sequence[Rule], *, review: Review | None = None
) -> Callable[[Callable[[CheckContext], Iterable[Finding]]], Check]:
    """Turn a function of a :class:`CheckContext` into a :class:`Check`::

        @check_function("house-style", [MY_RULE], review=review_house_style)
        def house_style(ctx):
            ...

    ``review``, when given, is the check's incremental form (see :class:`ReviewingCheck`).
    """

    def wrap(func: Callable[[CheckContext], Iterable[Finding]]) -> Check:
        return FunctionCheck(guideline=guideline, rules=tuple(rules), func=func, review=review)

    return wrap


def _rules(values: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class FunctionCheck:
    """A :class:`Check` made from a plain function (see :func:`check_function`).

    ``review`` is ``None`` when the check has no incremental form."""

    guideline: str = attrs.field(validator=_match(_NAME, "Check.guideline"))
    rules: tuple[Rule, ...] = attrs.field(converter=_rules)
    func: Callable[[CheckContext], Iterable[Finding]]
    review: Review | None = None

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        return self.func(ctx)
