"""The values socialnorms reasons about: accounts, posts and the actions that connect them.

Field names are the keys of the activity format (``docs/activity-format.md``), so a
record and an object read the same. Every value is frozen and validated when it is
made; a bad value raises :class:`ValueError` (or :class:`TypeError`) naming the field
and the value.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

import attrs

__all__ = ["Account", "Action", "ActionKind", "Media", "Post", "parse_timestamp"]


class ActionKind(str, enum.Enum):
    """What an action does. The values are the format's ``kind`` strings."""

    POST = "post"
    REPLY = "reply"
    QUOTE = "quote"
    REPOST = "repost"
    LIKE = "like"
    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    INVITE = "invite"
    ACCEPT = "accept"
    MESSAGE = "message"

    def __str__(self) -> str:
        return self.value

    @property
    def creates_post(self) -> bool:
        """True for the kinds whose ``post`` is new content by the actor."""
        return self in _CREATING

    @property
    def targets_post(self) -> bool:
        """True for the kinds whose ``target`` is a post id."""
        return self in _POST_TARGETS


_CREATING = frozenset({ActionKind.POST, ActionKind.REPLY, ActionKind.QUOTE})
_POST_TARGETS = frozenset({ActionKind.REPLY, ActionKind.QUOTE, ActionKind.REPOST, ActionKind.LIKE})
_ACCOUNT_TARGETS = frozenset(
    {
        ActionKind.FOLLOW,
        ActionKind.UNFOLLOW,
        ActionKind.INVITE,
        ActionKind.ACCEPT,
        ActionKind.MESSAGE,
    }
)
_KIND_NAMES = ", ".join(k.value for k in ActionKind)


def parse_timestamp(value: str | datetime, field: str = "at") -> datetime:
    """Parse an RFC 3339 timestamp with an offset and return it in UTC.

    A timestamp without an offset is refused: guessing a zone silently shifts
    response times.
    """
    if isinstance(value, datetime):
        moment = value
    elif type(value) is str and len(value) == 20 and value[10] == "T" and value[19] == "Z":
        # The common ``2026-01-05T10:00:00Z``: read as UTC directly (about 3x faster).
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{field}: not an RFC 3339 timestamp: {value!r}") from None
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("z", "Z")):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{field}: not an RFC 3339 timestamp: {value!r}") from None
        if "T" not in text.upper() and " " not in text:
            raise ValueError(f"{field}: timestamp has no time of day: {value!r}")
    else:
        raise TypeError(
            f"{field}: expected a timestamp string, got {type(value).__name__}: {value!r}"
        )
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{field}: timestamp has no UTC offset: {value!r}")
    return moment.astimezone(UTC)


def _timestamp(field: str) -> Callable[[Any], datetime]:
    def convert(value: Any) -> datetime:
        return parse_timestamp(value, field)

    return convert


def _optional_timestamp(field: str) -> Callable[[Any], datetime | None]:
    def convert(value: Any) -> datetime | None:
        return None if value is None else parse_timestamp(value, field)

    return convert


#: An attrs validator: (instance, attribute, value), raising on a bad value.
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _text(field: str, *, required: bool = False, nullable: bool = True) -> Validator:
    def check(_inst: Any, _attr: attrs.Attribute[Any], value: Any) -> None:
        if value is None and nullable and not required:
            return
        if not isinstance(value, str):
            raise TypeError(f"{field}: expected a string, got {type(value).__name__}: {value!r}")
        if required and not value:
            raise ValueError(f"{field}: must not be empty")

    return check


def _count(field: str) -> Validator:
    def check(_inst: Any, _attr: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{field}: expected a whole number, got {value!r}")
        if value < 0:
            raise ValueError(f"{field}: must be 0 or more, got {value}")

    return check


def _flag(field: str) -> Validator:
    def check(_inst: Any, _attr: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, bool):
            raise TypeError(f"{field}: expected true or false, got {value!r}")

    return check


def _strings(field: str) -> Callable[[Any], tuple[str, ...] | None]:
    """Converter: a list of strings becomes a tuple; ``None`` stays ``None``."""

    def convert(value: Any) -> tuple[str, ...] | None:
        if value is None:
            return None
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise TypeError(f"{field}: expected a list of strings, got {value!r}")
        for item in value:
            if not isinstance(item, str):
                raise TypeError(f"{field}: expected a list of strings, got item {item!r}")
        return tuple(value)

    return convert


class _NoExtra(Mapping[str, Any]):
    """The read-only empty mapping :data:`NO_EXTRA`; pickled by name, so that values
    travel to other processes (``socialnorms check --jobs``) and come back as it."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "{}"

    def __reduce__(self) -> str:
        return "NO_EXTRA"


#: The ``extra`` of every value that has none: one shared, read-only empty mapping.
NO_EXTRA: Mapping[str, Any] = _NoExtra()


def _extra(value: Any) -> Mapping[str, Any]:
    if value is None or (not value and isinstance(value, Mapping)):
        return NO_EXTRA
    if not isinstance(value, Mapping):
        raise TypeError(f"extra: expected a mapping, got {value!r}")
    return dict(value)


# Named converters (mypy's attrs plugin accepts named functions, not calls).
_to_account_created = _optional_timestamp("account.created")
_to_post_created = _optional_timestamp("post.created")
_to_post_mentions = _strings("post.mentions")
_to_post_links = _strings("post.links")
_to_post_hashtags = _strings("post.hashtags")
_to_action_at = _timestamp("action.at")


def _account_created(value: Any) -> datetime | None:
    return _to_account_created(value)


def _post_created(value: Any) -> datetime | None:
    return _to_post_created(value)


def _post_mentions(value: Any) -> tuple[str, ...] | None:
    return _to_post_mentions(value)


def _post_links(value: Any) -> tuple[str, ...] | None:
    return _to_post_links(value)


def _post_hashtags(value: Any) -> tuple[str, ...] | None:
    return _to_post_hashtags(value)


def _action_at(value: Any) -> datetime:
    return _to_action_at(value)


@attrs.frozen(slots=True)
class Media:
    """An attachment of a post: ``{"type": "image", "alt": "…"}``."""

    type: str = attrs.field(validator=_text("media.type", required=True))
    alt: str | None = attrs.field(default=None, validator=_text("media.alt"))
    extra: Mapping[str, Any] = attrs.field(default=NO_EXTRA, converter=_extra, hash=False)

    @classmethod
    def coerce(cls, value: Any) -> Media:
        if isinstance(value, Media):
            return value
        if not isinstance(value, Mapping):
            raise TypeError(f"media: expected an object, got {value!r}")
        data = dict(value)
        if "type" not in data:
            raise ValueError("media.type: required")
        known = {k: data.pop(k) for k in ("type", "alt") if k in data}
        return cls(**known, extra=data)


def _media(value: Any) -> tuple[Media, ...]:
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"post.media: expected a list of objects, got {value!r}")
    return tuple(Media.coerce(item) for item in value)


def _account_tags(value: Any) -> tuple[str, ...]:
    return _strings("account.tags")(value) or ()


@attrs.frozen(slots=True)
class Account:
    """An account on one network. Accounts with a ``subject`` are the ones audited."""

    id: str = attrs.field(validator=_text("account.id", required=True))
    network: str = attrs.field(validator=_text("account.network", required=True))
    subject: str | None = attrs.field(default=None, validator=_text("account.subject"))
    handle: str | None = attrs.field(default=None, validator=_text("account.handle"))
    name: str | None = attrs.field(default=None, validator=_text("account.name"))
    bio: str | None = attrs.field(default=None, validator=_text("account.bio"))
    url: str | None = attrs.field(default=None, validator=_text("account.url"))
    created: datetime | None = attrs.field(default=None, converter=_account_created)
    followers: int | None = attrs.field(default=None, validator=_count("account.followers"))
    following: int | None = attrs.field(default=None, validator=_count("account.following"))
    posts: int | None = attrs.field(default=None, validator=_count("account.posts"))
    default_avatar: bool | None = attrs.field(
        default=None, validator=_flag("account.default_avatar")
    )
    verified: bool | None = attrs.field(default=None, validator=_flag("account.verified"))
    tags: tuple[str, ...] = attrs.field(default=(), converter=_account_tags)
    extra: Mapping[str, Any] = attrs.field(default=NO_EXTRA, converter=_extra, hash=False)

    def has_tag(self, tag: str) -> bool:
        """Whether the account carries ``tag`` (case-insensitive)."""
        wanted = tag.casefold()
        return any(t.casefold() == wanted for t in self.tags)


@attrs.frozen(slots=True)
class Post:
    """Content on a network. ``mentions``, ``links`` and ``hashtags`` are ``None`` when
    the writer did not give them; the :class:`~socialnorms.Timeline` then parses them
    from the text with the network's syntax."""

    id: str = attrs.field(validator=_text("post.id", required=True))
    author: str | None = attrs.field(default=None, validator=_text("post.author"))
    network: str | None = attrs.field(default=None, validator=_text("post.network"))
    text: str = attrs.field(default="", validator=_text("post.text", nullable=False))
    created: datetime | None = attrs.field(default=None, converter=_post_created)
    mentions: tuple[str, ...] | None = attrs.field(default=None, converter=_post_mentions)
    links: tuple[str, ...] | None = attrs.field(default=None, converter=_post_links)
    hashtags: tuple[str, ...] | None = attrs.field(default=None, converter=_post_hashtags)
    in_reply_to: str | None = attrs.field(default=None, validator=_text("post.in_reply_to"))
    quotes: str | None = attrs.field(default=None, validator=_text("post.quotes"))
    crosspost_of: str | None = attrs.field(default=None, validator=_text("post.crosspost_of"))
    media: tuple[Media, ...] = attrs.field(default=(), converter=_media)
    source: str | None = attrs.field(default=None, validator=_text("post.source"))
    extra: Mapping[str, Any] = attrs.field(default=NO_EXTRA, converter=_extra, hash=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Field values in a tuple: far faster and smaller than attrs' per-object state dicts.
        return _load_post, tuple(getattr(self, name) for name in _POST_FIELDS)

    def merge(self, other: Post) -> Post:
        """Combine two copies of the same post, each filling what the other lacks.

        Raises :class:`ValueError` naming the first field on which they disagree.
        """
        if other.id != self.id:
            raise ValueError(f"post.id: cannot merge {self.id!r} with {other.id!r}")
        changes: dict[str, Any] = {}
        for field in attrs.fields(Post):
            name = field.name
            mine, theirs = getattr(self, name), getattr(other, name)
            if name == "extra":
                if theirs and theirs != mine:
                    changes[name] = {**theirs, **mine}
                continue
            if _empty(theirs) or mine == theirs:
                continue
            if _empty(mine):
                changes[name] = theirs
                continue
            raise ValueError(
                f"post.{name}: post id {self.id!r} is reused with different content: "
                f"{_show(mine)} and {_show(theirs)}"
            )
        return attrs.evolve(self, **changes) if changes else self


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == ()


def _show(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return repr(value)


def _kind(value: Any) -> ActionKind:
    if isinstance(value, ActionKind):
        return value
    try:
        return ActionKind(value)
    except ValueError:
        raise ValueError(
            f"action.kind: unknown kind {value!r}; expected one of {_KIND_NAMES}"
        ) from None


def _post(value: Any) -> Post | None:
    if value is None or isinstance(value, Post):
        return value
    raise TypeError(f"action.post: expected a Post, got {type(value).__name__}")


@attrs.frozen(slots=True)
class Action:
    """Anything anybody does: post, reply, quote, repost, like, follow, unfollow,
    invite, accept or message.

    When ``id`` is not given it is derived from the action's content, so the same
    record gets the same id on every run. A created post (``post``, ``reply``,
    ``quote``) gets the actor as author and the action's time as creation time
    when it does not say otherwise.
    """

    kind: ActionKind = attrs.field(converter=_kind)
    actor: str = attrs.field(validator=_text("action.actor", required=True))
    at: datetime = attrs.field(converter=_action_at)
    id: str = attrs.field(default=None, validator=_text("action.id"))
    target: str | None = attrs.field(default=None, validator=_text("action.target"))
    post: Post | None = attrs.field(default=None, converter=_post)
    message: str | None = attrs.field(default=None, validator=_text("action.message"))
    via: str | None = attrs.field(default=None, validator=_text("action.via"))
    extra: Mapping[str, Any] = attrs.field(default=NO_EXTRA, converter=_extra, hash=False)

    def __attrs_post_init__(self) -> None:
        kind, post, target = self.kind, self.post, self.target
        if kind.creates_post:
            if post is None:
                raise ValueError(f"action.post: required for a {kind.value}")
            if kind is ActionKind.REPLY:
                if target is None and post.in_reply_to is None:
                    raise ValueError("action.target: a reply needs target or post.in_reply_to")
                if target is None:
                    target = post.in_reply_to
                elif post.in_reply_to is None:
                    post = attrs.evolve(post, in_reply_to=target)
                elif post.in_reply_to != target:
                    raise ValueError(
                        f"action.post.in_reply_to: {post.in_reply_to!r} differs from target {target!r}"
                    )
            if kind is ActionKind.QUOTE:
                if target is None and post.quotes is None:
                    raise ValueError("action.target: a quote needs target or post.quotes")
                if target is None:
                    target = post.quotes
                elif post.quotes is None:
                    post = attrs.evolve(post, quotes=target)
                elif post.quotes != target:
                    raise ValueError(
                        f"action.post.quotes: {post.quotes!r} differs from target {target!r}"
                    )
            if post.author is None or post.created is None:
                post = attrs.evolve(
                    post, author=post.author or self.actor, created=post.created or self.at
                )
        elif kind.targets_post:
            if target is None:
                if post is None:
                    raise ValueError(
                        f"action.target: a {kind.value} needs the id of the post it shares"
                    )
                target = post.id
            elif post is not None and post.id != target:
                raise ValueError(f"action.post.id: {post.id!r} differs from target {target!r}")
        else:
            if target is None:
                raise ValueError(
                    f"action.target: a {kind.value} needs the id of the account it is aimed at"
                )
            if post is not None:
                raise ValueError(f"action.post: a {kind.value} carries no post")
        if kind not in (ActionKind.INVITE, ActionKind.MESSAGE) and self.message is not None:
            raise ValueError(
                f"action.message: only an invite or a message has one, not a {kind.value}"
            )
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "post", post)
        if self.id is None:
            object.__setattr__(self, "id", derive_action_id(self))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _load_action, (
            self.kind.value,
            self.actor,
            self.at,
            self.id,
            self.target,
            self.post,
            self.message,
            self.via,
            self.extra,
        )

    @property
    def network(self) -> str:
        """The network of the actor, taken from the ``<network>:<handle>`` id convention
        when nothing better is known. The :class:`~socialnorms.Timeline` knows better."""
        return network_from_id(self.actor)


def network_from_id(account_id: str) -> str:
    """The network part of a ``<network>:<handle>`` id, or ``""``."""
    head, sep, _ = account_id.partition(":")
    return head if sep else ""


def derive_action_id(action: Action) -> str:
    """A stable id for an action that came without one: a digest of its content."""
    content = {
        "kind": action.kind.value,
        "actor": action.actor,
        "at": action.at.isoformat(),
        "target": action.target,
        "post": action.post.id if action.post else None,
        "text": action.post.text if action.post else None,
        "message": action.message,
        "via": action.via,
    }
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
    return f"h:{digest[:16]}"


_new = object.__new__
_set = object.__setattr__


def trusted_post(
    id: str,
    author: str | None,
    network: str | None,
    text: str,
    created: datetime | None,
    mentions: tuple[str, ...] | None,
    links: tuple[str, ...] | None,
    hashtags: tuple[str, ...] | None,
    in_reply_to: str | None,
    quotes: str | None,
    crosspost_of: str | None,
    source: str | None,
) -> Post:
    """A :class:`Post` without media or extra keys, from values a reader has already
    checked field by field (types, non-empty id, aware UTC ``created``).

    No validation runs: a reader that cannot vouch for every value builds ``Post(...)``.
    """
    post = _new(Post)
    _set(post, "id", id)
    _set(post, "author", author)
    _set(post, "network", network)
    _set(post, "text", text)
    _set(post, "created", created)
    _set(post, "mentions", mentions)
    _set(post, "links", links)
    _set(post, "hashtags", hashtags)
    _set(post, "in_reply_to", in_reply_to)
    _set(post, "quotes", quotes)
    _set(post, "crosspost_of", crosspost_of)
    _set(post, "media", ())
    _set(post, "source", source)
    _set(post, "extra", NO_EXTRA)
    return post


def trusted_action(
    kind: ActionKind,
    actor: str,
    at: datetime,
    id: str | None,
    target: str | None,
    post: Post | None,
    message: str | None,
    via: str | None,
) -> Action:
    """An :class:`Action` without extra keys, from values a reader has already checked
    and made consistent exactly as ``Action(...)`` would (target and post filled in,
    a created post's author and time defaulted). ``id=None`` derives the id.

    No validation runs: a reader that cannot vouch for every value builds ``Action(...)``.
    """
    action = _new(Action)
    _set(action, "kind", kind)
    _set(action, "actor", actor)
    _set(action, "at", at)
    _set(action, "target", target)
    _set(action, "post", post)
    _set(action, "message", message)
    _set(action, "via", via)
    _set(action, "extra", NO_EXTRA)
    _set(action, "id", derive_action_id(action) if id is None else id)
    return action


_POST_FIELDS = tuple(field.name for field in attrs.fields(Post))


def _load_post(*values: Any) -> Post:
    """Unpickle a :class:`Post` (see ``Post.__reduce__``)."""
    fields = dict(zip(_POST_FIELDS, values, strict=False))
    if fields["media"] or fields["extra"]:
        return Post(**fields)
    del fields["media"], fields["extra"]
    return trusted_post(**fields)


def _load_action(
    kind: str,
    actor: str,
    at: datetime,
    id: str,
    target: str | None,
    post: Post | None,
    message: str | None,
    via: str | None,
    extra: Mapping[str, Any],
) -> Action:
    """Unpickle an :class:`Action` (see ``Action.__reduce__``)."""
    if extra:
        return Action(
            kind=kind,
            actor=actor,
            at=at,
            id=id,
            target=target,
            post=post,
            message=message,
            via=via,
            extra=extra,
        )
    return trusted_action(ActionKind(kind), actor, at, id, target, post, message, via)
