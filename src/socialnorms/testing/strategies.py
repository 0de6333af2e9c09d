"""Hypothesis strategies for socialnorms values, for property tests of checks,
readers and reporters.

::

    from hypothesis import given
    from socialnorms.testing import run_checks
    from socialnorms.testing.strategies import timelines

    @given(timelines())
    def test_house_style_never_crashes(timeline):
        run_checks(timeline, house_style)

:func:`timelines` makes consistent timelines: replies, quotes, reposts and likes
aim at posts made earlier on the same network, follows and invitations at known
accounts, mentions name real handles, ids are unique, and some accounts belong
to audited subjects. Importing this module registers the strategies for
``st.from_type`` (and so ``st.builds``) of :class:`~socialnorms.Account`,
:class:`~socialnorms.Post`, :class:`~socialnorms.Action`,
:class:`~socialnorms.Media`, :class:`~socialnorms.Timeline`,
:class:`~socialnorms.Finding` and :class:`~socialnorms.Report`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from hypothesis import strategies as st

from ..core.checks import Finding, Severity
from ..core.models import Account, Action, ActionKind, Media, Post
from ..core.timeline import Timeline
from ..io import SkippedRecord
from ..report.model import Report

__all__ = [
    "NETWORKS",
    "accounts",
    "actions",
    "activity",
    "findings",
    "handles",
    "posts",
    "reports",
    "texts",
    "timelines",
    "timestamps",
]

#: Networks the strategies draw from unless told otherwise.
NETWORKS: tuple[str, ...] = ("twitter", "mastodon", "linkedin", "bluesky")

_START = datetime(2026, 1, 1, tzinfo=UTC)
_END = datetime(2026, 12, 31, tzinfo=UTC)
_WORDS = (
    "thanks",
    "great",
    "new",
    "trail",
    "guide",
    "repair",
    "boots",
    "today",
    "sale",
    "launch",
    "team",
    "question",
    "help",
    "order",
    "love",
    "review",
    "event",
    "café",
    "日本",
)
_TAGS = ("customer", "spam", "partner", "press", "employee")
_SOURCES = ("web", "Buffer", "IFTTT", "Twitter for iPhone", "LinkedIn")
_VIA = ("web", "Buffer", "IFTTT", "auto-follow")


def timestamps(start: datetime = _START, end: datetime = _END) -> st.SearchStrategy[datetime]:
    """Aware UTC datetimes between ``start`` and ``end``."""
    return st.datetimes(
        min_value=start.astimezone(UTC).replace(tzinfo=None),
        max_value=end.astimezone(UTC).replace(tzinfo=None),
        timezones=st.just(UTC),
    )


def handles() -> st.SearchStrategy[str]:
    """Handles as networks allow them: ``jane_doe``, ``acme42``."""
    return st.from_regex(r"[a-z][a-z0-9_]{0,10}[a-z0-9]", fullmatch=True)


def texts(mentionable: Sequence[str] = ()) -> st.SearchStrategy[str]:
    """Post text: words, ``@mentions`` of ``mentionable`` handles, hashtags, links,
    and now and then arbitrary Unicode."""
    pieces: list[st.SearchStrategy[str]] = [
        st.sampled_from(_WORDS),
        st.sampled_from(_WORDS).map(lambda w: f"#{w}"),
        st.sampled_from(_WORDS).map(lambda w: f"https://example.com/{w}"),
    ]
    if mentionable:
        pieces.append(st.sampled_from(sorted(mentionable)).map(lambda h: f"@{h.lstrip('@')}"))
    words = st.lists(st.one_of(pieces), max_size=12).map(" ".join)
    return st.one_of(words, words, st.text(max_size=40))


def _extra() -> st.SearchStrategy[dict[str, object]]:
    keys = st.from_regex(r"x_[a-z]{1,6}", fullmatch=True)
    values = st.one_of(st.integers(-1000, 1000), st.text(max_size=10), st.booleans(), st.none())
    return st.dictionaries(keys, values, max_size=2)


def accounts(
    network: str | st.SearchStrategy[str] | None = None,
    subject: str | st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Account]:
    """Accounts with ids ``<network>:<handle>`` and some optional profile fields."""
    networks = st.sampled_from(NETWORKS) if network is None else _strategy(network)
    subjects = (
        st.one_of(st.none(), st.sampled_from(("acme", "globex")))
        if subject is None
        else _strategy(subject)
    )

    @st.composite
    def build(draw: st.DrawFn) -> Account:
        net, handle = draw(networks), draw(handles())
        return Account(
            id=f"{net}:{handle}",
            network=net,
            subject=draw(subjects),
            handle=draw(st.sampled_from((None, handle, f"@{handle}"))),
            name=draw(st.one_of(st.none(), st.text(max_size=20))),
            created=draw(st.one_of(st.none(), timestamps(_START - timedelta(days=3650), _START))),
            followers=draw(st.one_of(st.none(), st.integers(0, 10**6))),
            following=draw(st.one_of(st.none(), st.integers(0, 10**5))),
            default_avatar=draw(st.one_of(st.none(), st.booleans())),
            tags=draw(st.lists(st.sampled_from(_TAGS), max_size=2, unique=True)),
            extra=draw(_extra()),
        )

    return build()


def _media() -> st.SearchStrategy[Media]:
    return st.builds(
        Media,
        type=st.sampled_from(("image", "video", "gif")),
        alt=st.one_of(st.none(), st.text(max_size=20)),
    )


def posts(
    author: str | st.SearchStrategy[str] | None = None, *, mentionable: Sequence[str] = ()
) -> st.SearchStrategy[Post]:
    """Stand-alone posts (no reply or quote links), with or without explicit
    mentions, hashtags and links."""
    authors = (
        st.builds(lambda n, h: f"{n}:{h}", st.sampled_from(NETWORKS), handles())
        if author is None
        else _strategy(author)
    )

    @st.composite
    def build(draw: st.DrawFn) -> Post:
        by = draw(authors)
        network = by.partition(":")[0] or None
        return Post(
            id=f"{network or 'post'}:{draw(st.integers(1, 10**9))}",
            author=by,
            text=draw(texts(mentionable)),
            created=draw(st.one_of(st.none(), timestamps())),
            mentions=draw(st.one_of(st.none(), st.lists(handles(), max_size=3))),
            hashtags=draw(st.one_of(st.none(), st.lists(st.sampled_from(_WORDS), max_size=3))),
            links=draw(
                st.one_of(st.none(), st.lists(st.just("https://example.com/x"), max_size=2))
            ),
            media=draw(st.lists(_media(), max_size=2)),
            source=draw(st.one_of(st.none(), st.sampled_from(_SOURCES))),
            extra=draw(_extra()),
        )

    return build()


def actions(kind: ActionKind | str | None = None) -> st.SearchStrategy[Action]:
    """Single valid actions of any kind (or of ``kind``), with or without an id."""
    kinds = st.sampled_from(list(ActionKind)) if kind is None else st.just(ActionKind(kind))

    @st.composite
    def build(draw: st.DrawFn) -> Action:
        chosen = draw(kinds)
        network = draw(st.sampled_from(NETWORKS))
        actor = f"{network}:{draw(handles())}"
        other = f"{network}:{draw(handles())}"
        fields: dict[str, Any] = {
            "id": draw(
                st.one_of(st.none(), st.integers(1, 10**9).map(lambda n: f"{network}:a{n}"))
            ),
            "via": draw(st.one_of(st.none(), st.sampled_from(_VIA))),
            "extra": draw(_extra()),
        }
        if chosen.creates_post:
            fields["post"] = draw(posts(actor))
            if chosen is not ActionKind.POST:
                fields["target"] = f"{network}:{draw(st.integers(1, 10**9))}"
        elif chosen.targets_post:
            target = draw(posts(other))
            fields["target"] = target.id
            fields["post"] = draw(st.sampled_from((None, target)))
        else:
            fields["target"] = other
            if chosen in (ActionKind.INVITE, ActionKind.MESSAGE):
                fields["message"] = draw(st.one_of(st.none(), texts([other.partition(":")[2]])))
        return Action(kind=chosen, actor=actor, at=draw(timestamps()), **fields)

    return build()


@st.composite
def activity(
    draw: st.DrawFn,
    *,
    min_actions: int = 0,
    max_actions: int = 25,
    networks: Sequence[str] = NETWORKS,
    subjects: Sequence[str] = ("acme", "globex"),
    start: datetime = _START,
) -> tuple[list[Account], list[Action]]:
    """Consistent ``(accounts, actions)``, actions in time order.

    Each drawn subject owns one account on each of some networks; other accounts
    (some tagged ``customer`` or ``spam``) and a few actors without an account
    record fill the rest. References always resolve to earlier posts on the
    same network and to other accounts of the same network.
    """
    nets = draw(
        st.lists(st.sampled_from(list(networks)), min_size=1, max_size=len(networks), unique=True)
    )
    taken: set[str] = set()
    records: list[Account] = []
    for subject in draw(st.lists(st.sampled_from(list(subjects)), min_size=1, unique=True)):
        for net in draw(st.lists(st.sampled_from(nets), min_size=1, unique=True)):
            handle = draw(
                handles().filter(
                    cast("Callable[[str], bool]", lambda h, net=net: f"{net}:{h}" not in taken)
                )
            )
            taken.add(f"{net}:{handle}")
            records.append(
                Account(id=f"{net}:{handle}", network=net, subject=subject, handle=f"@{handle}")
            )
    for _ in range(draw(st.integers(1, 6))):
        net = draw(st.sampled_from(nets))
        handle = draw(
            handles().filter(
                cast("Callable[[str], bool]", lambda h, net=net: f"{net}:{h}" not in taken)
            )
        )
        taken.add(f"{net}:{handle}")
        tags = draw(st.lists(st.sampled_from(_TAGS), max_size=1))
        records.append(Account(id=f"{net}:{handle}", network=net, handle=f"@{handle}", tags=tags))
    actors = [account.id for account in records]
    actors += [
        f"{net}:ghost{n}" for n, net in enumerate(draw(st.lists(st.sampled_from(nets), max_size=2)))
    ]
    by_network = {net: [a for a in actors if a.startswith(f"{net}:")] for net in nets}

    made: list[Action] = []
    created: dict[str, list[Post]] = {net: [] for net in nets}
    moment = start
    for number in range(draw(st.integers(min_actions, max_actions))):
        moment += timedelta(seconds=draw(st.integers(0, 36 * 3600)))
        actor = draw(st.sampled_from(actors))
        net = actor.partition(":")[0]
        earlier = created[net]
        others = [a for a in by_network[net] if a != actor]
        kind = draw(st.sampled_from(list(ActionKind)))
        if (kind.targets_post and not earlier) or (
            not kind.creates_post and not kind.targets_post and not others
        ):
            kind = ActionKind.POST
        fields: dict[str, Any] = {"id": f"{net}:a{number}"}
        via = draw(st.sampled_from((None, None, *_VIA)))
        if via is not None:
            fields["via"] = via
        if kind.creates_post:
            mentionable = [a.partition(":")[2] for a in by_network[net] if a != actor]
            post = Post(id=f"{net}:p{number}", text=draw(texts(mentionable)))
            if kind is not ActionKind.POST:
                fields["target"] = draw(st.sampled_from(earlier)).id
            if draw(st.booleans()):
                del fields["id"]  # a derived id: unique, since the post id is
            fields["post"] = post
            created[net].append(Post(id=post.id, text=post.text, author=actor))
        elif kind.targets_post:
            shared = draw(st.sampled_from(earlier))
            fields["target"] = shared.id
            if draw(st.booleans()):
                fields["post"] = Post(id=shared.id, author=shared.author, text=shared.text)
        else:
            fields["target"] = draw(st.sampled_from(others))
            if kind in (ActionKind.INVITE, ActionKind.MESSAGE):
                fields["message"] = draw(st.one_of(st.just(""), texts()))
        made.append(Action(kind=kind, actor=actor, at=moment, **fields))
    return records, made


def timelines(**kwargs: Any) -> st.SearchStrategy[Timeline]:
    """Consistent :class:`~socialnorms.Timeline` values (see :func:`activity` for the options)."""
    return activity(**kwargs).map(lambda parts: Timeline(*parts))


_METRIC_VALUES = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=10),
    st.booleans(),
)


def findings(
    codes: Sequence[str] = ("HS001", "HS102", "XY001", "XY301"),
) -> st.SearchStrategy[Finding]:
    """Findings as checks make them (for reporter and report tests)."""

    @st.composite
    def build(draw: st.DrawFn) -> Finding:
        network = draw(st.one_of(st.none(), st.sampled_from(NETWORKS)))
        account = None if network is None else f"{network}:{draw(handles())}"
        return Finding(
            code=draw(st.sampled_from(list(codes))),
            rule=draw(st.from_regex(r"[a-z]{2,8}(-[a-z]{2,8}){0,2}", fullmatch=True)),
            guideline=draw(st.sampled_from(("house-style", "alt-text", "brand-voice"))),
            severity=draw(st.sampled_from(list(Severity))),
            subject=draw(st.one_of(st.none(), st.sampled_from(("acme", "globex")))),
            account=account,
            network=network,
            message=draw(st.text(min_size=1, max_size=40)),
            suggestion=draw(st.text(max_size=40)),
            evidence=draw(
                st.lists(st.from_regex(r"[a-z]{1,8}:a[0-9]{1,4}", fullmatch=True), max_size=4)
            ),
            at=draw(st.one_of(st.none(), timestamps())),
            metrics=draw(
                st.dictionaries(
                    st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True), _METRIC_VALUES, max_size=3
                )
            ),
        )

    return build()


def reports() -> st.SearchStrategy[Report]:
    """Reports with findings, counts, notes and plugin versions."""
    return st.builds(
        Report,
        findings=st.lists(findings(), max_size=8),
        actions=st.integers(0, 10**5),
        accounts=st.integers(0, 10**4),
        subjects=st.lists(st.sampled_from(("acme", "globex")), unique=True).map(sorted),
        plugins=st.dictionaries(
            st.sampled_from(("twitter", "alt-text", "house-style")), st.just("1.0.0")
        ),
        skipped=st.lists(_skipped(), max_size=2),
        notes=st.lists(st.text(min_size=1, max_size=30), max_size=2),
    )


def _skipped() -> st.SearchStrategy[SkippedRecord]:
    return st.builds(
        SkippedRecord,
        file=st.just("activity.jsonl"),
        line=st.one_of(st.none(), st.integers(1, 10**4)),
        field=st.one_of(st.none(), st.sampled_from(("action.at", "type", "action.kind"))),
        problem=st.text(min_size=1, max_size=30),
    )


def _strategy(value: object) -> st.SearchStrategy:
    return value if isinstance(value, st.SearchStrategy) else st.just(value)


st.register_type_strategy(Account, accounts())
st.register_type_strategy(Post, posts())
st.register_type_strategy(Media, _media())
st.register_type_strategy(Action, actions())
st.register_type_strategy(Timeline, timelines())
st.register_type_strategy(Finding, findings())
st.register_type_strategy(Report, reports())
