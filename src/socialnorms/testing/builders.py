"""Readable builders for accounts, actions and timelines in tests.

::

    timeline = (
        TimelineBuilder(start="2026-03-01T09:00Z")
        .subject("acme", "twitter:acme")
        .account("twitter:jane", tags=["customer"])
        .post("twitter:jane", "Loved the keynote by @acme", at="2026-03-01T10:00Z")
        .reply("twitter:acme", "Thank you, Jane!", after="2h")
        .build()
    )

Every action gets the next moment of the builder's clock unless it says ``at=``
(a timestamp) or ``after=`` (a duration from the previous action: ``"90s"``,
``"15m"``, ``"2h"``, ``"3d"``, ``"1w"`` or a :class:`~datetime.timedelta`).
Ids are readable and predictable: the n-th action, by an actor on ``twitter``, is
``twitter:a<n>`` and the post it creates ``twitter:p<n>``. ``id=`` names an
action; on ``post``, ``reply`` and ``quote`` it names the new post too, so one
name serves in ``to=`` and in expected evidence. Post fields (``mentions=``,
``links=``, ``hashtags=``, ``network=``, ``media=``, ``source=``,
``crosspost_of=``, ``author=``, ``created=``) go to the post, the rest
(``via=``, ``extra=``) to the action.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from ..core.models import Account, Action, ActionKind, Post, network_from_id, parse_timestamp
from ..core.timeline import Timeline
from ..io.activity import dumps_activity

__all__ = ["TimelineBuilder", "duration"]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_POST_FIELDS = frozenset(
    {
        "author",
        "network",
        "created",
        "mentions",
        "links",
        "hashtags",
        "crosspost_of",
        "media",
        "source",
    }
)


def duration(value: str | timedelta) -> timedelta:
    """``"90s"``, ``"15m"``, ``"2h"``, ``"3d"``, ``"1w"`` (or a timedelta) as a timedelta."""
    if isinstance(value, timedelta):
        return value
    match = _DURATION.match(value)
    if match is None:
        raise ValueError(
            f"after: expected a duration like '90s', '15m', '2h', '3d' or '1w', got {value!r}"
        )
    return timedelta(**{_UNITS[match.group(2)]: float(match.group(1))})


class TimelineBuilder:
    """Accounts and actions for a test, a few readable lines at a time.

    Every method returns the builder, so calls chain; :meth:`build` makes the
    :class:`~socialnorms.Timeline`, :meth:`jsonl` the activity-format text (what
    ``Rule.example`` holds).

    ``step`` is how far the clock moves for an action that gives no time.
    """

    def __init__(
        self, start: str | datetime = "2026-03-01T09:00:00Z", *, step: str | timedelta = "1m"
    ) -> None:
        self._clock = parse_timestamp(start, "start")
        self._step = duration(step)
        self._started = False
        self._accounts: dict[str, Account] = {}
        self._actions: list[Action] = []
        self._last_post: str | None = None

    # -- accounts ---------------------------------------------------------------------

    def account(
        self, account_id: str, *, network: str | None = None, **fields: Any
    ) -> TimelineBuilder:
        """An account record; ``network`` defaults to the prefix of the id
        (``twitter:jane`` is on ``twitter``). Other keywords are account fields."""
        network = network or network_from_id(account_id)
        if not network:
            raise ValueError(
                f"account {account_id!r}: give network= or an id like 'twitter:{account_id}'"
            )
        self._accounts[account_id] = Account(id=account_id, network=network, **fields)
        return self

    def subject(self, name: str, *account_ids: str, **fields: Any) -> TimelineBuilder:
        """The audited subject ``name`` with its accounts (one per network)."""
        for account_id in account_ids:
            self.account(account_id, subject=name, **fields)
        return self

    # -- actions ----------------------------------------------------------------------

    def post(self, actor: str, text: str = "", **options: Any) -> TimelineBuilder:
        """An original post by ``actor``."""
        return self._create(ActionKind.POST, actor, text, None, options)

    def reply(
        self, actor: str, text: str = "", *, to: str | None = None, **options: Any
    ) -> TimelineBuilder:
        """A reply to post ``to`` (default: the latest post of the builder)."""
        return self._create(ActionKind.REPLY, actor, text, self._post_ref(to), options)

    def quote(
        self, actor: str, text: str = "", *, to: str | None = None, **options: Any
    ) -> TimelineBuilder:
        """A quote of post ``to`` (default: the latest post) with ``text``."""
        return self._create(ActionKind.QUOTE, actor, text, self._post_ref(to), options)

    def repost(self, actor: str, to: str | None = None, **options: Any) -> TimelineBuilder:
        """A repost of post ``to`` (default: the latest post). For a post the builder
        did not create, ``author=`` and ``text=`` embed it."""
        return self._share(ActionKind.REPOST, actor, to, options)

    def like(self, actor: str, to: str | None = None, **options: Any) -> TimelineBuilder:
        """A like of post ``to`` (default: the latest post)."""
        return self._share(ActionKind.LIKE, actor, to, options)

    def follow(self, actor: str, target: str, **options: Any) -> TimelineBuilder:
        return self.action(ActionKind.FOLLOW, actor, target=target, **options)

    def unfollow(self, actor: str, target: str, **options: Any) -> TimelineBuilder:
        return self.action(ActionKind.UNFOLLOW, actor, target=target, **options)

    def invite(
        self, actor: str, target: str, message: str | None = None, **options: Any
    ) -> TimelineBuilder:
        """A connection or friend request, with its note (``""`` = sent without one)."""
        return self.action(ActionKind.INVITE, actor, target=target, message=message, **options)

    def accept(self, actor: str, target: str, **options: Any) -> TimelineBuilder:
        """``actor`` accepts an invitation from ``target``."""
        return self.action(ActionKind.ACCEPT, actor, target=target, **options)

    def message(self, actor: str, target: str, text: str = "", **options: Any) -> TimelineBuilder:
        """A direct message."""
        return self.action(ActionKind.MESSAGE, actor, target=target, message=text, **options)

    def action(
        self,
        kind: ActionKind | str,
        actor: str,
        *,
        at: str | datetime | None = None,
        after: str | timedelta | None = None,
        id: str | None = None,
        **fields: Any,
    ) -> TimelineBuilder:
        """Any action, with the format's fields as keywords (``target=``, ``post=``, …)."""
        moment = self._tick(at, after)
        action_id = id or f"{self._prefix(actor)}a{len(self._actions) + 1}"
        made = Action(kind=kind, actor=actor, at=moment, id=action_id, **fields)
        self._actions.append(made)
        if made.post is not None:
            self._last_post = made.post.id
        return self

    # -- results ----------------------------------------------------------------------

    @property
    def accounts(self) -> tuple[Account, ...]:
        return tuple(self._accounts.values())

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(self._actions)

    @property
    def last(self) -> Action:
        """The latest action added."""
        if not self._actions:
            raise LookupError("no action yet")
        return self._actions[-1]

    def build(self, *, syntax: Any = None) -> Timeline:
        """The :class:`~socialnorms.Timeline` of everything added so far."""
        return Timeline(self._accounts.values(), self._actions, syntax=syntax)

    def jsonl(self, *, header: bool = False) -> str:
        """Everything added so far as activity-format lines (for ``Rule.example``)."""
        return dumps_activity(self._accounts.values(), self._actions, header=header)

    # -- helpers ----------------------------------------------------------------------

    def _tick(self, at: str | datetime | None, after: str | timedelta | None) -> datetime:
        if at is not None and after is not None:
            raise ValueError("give at= or after=, not both")
        if at is not None:
            self._clock = parse_timestamp(at, "at")
        elif after is not None:
            self._clock += duration(after)
        elif self._started:
            self._clock += self._step
        self._started = True
        return self._clock

    @staticmethod
    def _prefix(actor: str) -> str:
        network = network_from_id(actor)
        return f"{network}:" if network else ""

    def _post_ref(self, to: str | None) -> str:
        if to is not None:
            return to
        if self._last_post is None:
            raise ValueError("no post to refer to yet; give to=POST_ID")
        return self._last_post

    def _create(
        self,
        kind: ActionKind,
        actor: str,
        text: str,
        target: str | None,
        options: Mapping[str, Any],
    ) -> TimelineBuilder:
        post_fields, action_fields = _split_post_fields(options)
        post_id = action_fields.get("id") or f"{self._prefix(actor)}p{len(self._actions) + 1}"
        post = Post(id=post_id, text=text, **post_fields)
        return self.action(kind, actor, target=target, post=post, **action_fields)

    def _share(
        self, kind: ActionKind, actor: str, to: str | None, options: Mapping[str, Any]
    ) -> TimelineBuilder:
        target = self._post_ref(to)
        post_fields, action_fields = _split_post_fields(options)
        text = action_fields.pop("text", None)
        if text is not None:
            post_fields["text"] = text
        post = Post(id=target, **post_fields) if post_fields else None
        return self.action(kind, actor, target=target, post=post, **action_fields)


def _split_post_fields(options: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    post: dict[str, Any] = {}
    action: dict[str, Any] = {}
    for key, value in options.items():
        (post if key in _POST_FIELDS else action)[key] = value
    return post, action
