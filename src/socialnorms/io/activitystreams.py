"""ActivityStreams 2.0 (W3C): activities and collections, into accounts and actions.

Wherever the spec allows a link, an embedded object or a list of either, each is
accepted. ``Create`` makes a post or a reply (mentions from ``tag``), ``Announce``
a repost, ``Like`` a like, ``Follow`` a follow and ``Undo`` of a follow an
unfollow, ``Invite`` one invitation per invitee (its ``content`` is the note) and
``Accept`` of an invitation or a follow an accept. ``Block``, ``Reject`` and
activities without a time cannot be placed on a timeline; the result's coverage
says how many were left out.

The Mastodon reader builds on :class:`ActivityStreams` for its outbox.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..core.hookspecs import hookimpl
from ..core.models import Post
from . import InputError, Reader, ReadOptions, ReadResult
from .export import ExportReading, bad, html_to_text

__all__ = ["READER", "ActivityStreams", "read_activitystreams"]

PUBLIC = frozenset(
    {
        "https://www.w3.org/ns/activitystreams#Public",
        "as:Public",
        "Public",
    }
)
_COLLECTION_TYPES = {"Collection", "OrderedCollection", "CollectionPage", "OrderedCollectionPage"}
_POST_TYPES = {"Note", "Article", "Question", "Page", "Image", "Video", "Audio", "Event"}
_HREF = re.compile(r"""<a\s[^>]*?href=["']([^"']+)["'][^>]*>""", re.IGNORECASE)
_MENTION_CLASS = re.compile(r"""class=["'][^"']*\b(mention|hashtag)\b""", re.IGNORECASE)
_PROFILE_PATH = re.compile(r"^/(?:users/|@|u/|profile/|c/)?([^/@]+)/?$")


def as_list(value: Any) -> list[Any]:
    """A property value as a list: absent is empty, a single value is one item."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def types(obj: Any) -> set[str]:
    """The ``type`` of an object as a set of short names (``as:Like`` -> ``Like``)."""
    if not isinstance(obj, Mapping):
        return set()
    return {re.split(r"[#/:]", t)[-1] for t in as_list(obj.get("type")) if isinstance(t, str)}


def ref(value: Any) -> str | None:
    """The id of a link or object: the string itself, or its ``id`` or ``href``."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in ("id", "href", "url"):
            if isinstance(value.get(key), str):
                return value[key]
    return None


def handle_of(uri: str) -> str:
    """``user@host`` for the usual profile URLs and ``acct:`` URIs, else the URI."""
    if uri.startswith("acct:"):
        return uri[5:]
    parts = urlsplit(uri)
    if parts.scheme in ("http", "https") and parts.hostname:
        match = _PROFILE_PATH.match(parts.path)
        if match:
            return f"{match.group(1)}@{parts.hostname}"
        if parts.path in ("", "/"):
            return parts.hostname
    return uri


class ActivityStreams:
    """Reads AS2 activities of one document into an :class:`ExportReading`."""

    def __init__(self, reading: ExportReading, file: str, owner: str | None = None) -> None:
        self.reading = reading
        self.file = file
        self.owner = owner
        self.by_id: dict[str, Mapping[str, Any]] = {}
        self.left_out: Counter[str] = Counter()

    # -- accounts --------------------------------------------------------------------

    def account(self, value: Any) -> str | None:
        """The account id of an actor given as a URI, an ``acct:`` or an embedded object."""
        uri = ref(value)
        name = value.get("name") if isinstance(value, Mapping) else None
        if uri is None and not isinstance(name, str):
            return None
        handle = handle_of(uri) if uri else name
        if isinstance(value, Mapping) and isinstance(value.get("preferredUsername"), str) and uri:
            host = urlsplit(uri).hostname
            handle = f"{value['preferredUsername']}@{host}" if host else value["preferredUsername"]
        account_id = f"{self.reading.network}:{handle}"
        subject = self.reading.options.owner or handle if self.owner and uri == self.owner else None
        self.reading.account(
            account_id,
            handle=handle,
            name=name if isinstance(name, str) else None,
            url=uri if uri and uri.startswith("http") else None,
            subject=subject,
        )
        return account_id

    # -- times -----------------------------------------------------------------------

    def time(self, *objects: Any) -> datetime | None:
        """The first ``published`` (or ``updated``, ``startTime``) among ``objects``."""
        for obj in objects:
            if not isinstance(obj, Mapping):
                continue
            for key in ("published", "updated", "startTime"):
                value = obj.get(key)
                if isinstance(value, str):
                    return self._parse_time(value, key)
        return None

    def _parse_time(self, value: str, field: str) -> datetime:
        text = value.strip()
        text = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise bad(field, f"not an xsd:dateTime: {value!r}") from None
        if moment.tzinfo is None:
            zone = self.reading.options.timezone
            if zone is None:
                raise bad(field, f"timestamp has no zone: {value!r}; give the zone with --timezone")
            moment = moment.replace(tzinfo=ZoneInfo(zone))
        return moment

    # -- posts -----------------------------------------------------------------------

    def post(self, obj: Mapping[str, Any], author: str | None) -> Post:
        """A :class:`Post` from an embedded Note, Article or other object."""
        post_id = ref(obj)
        if post_id is None:
            raise bad("object.id", "required for a post")
        author = self.account(obj.get("attributedTo")) or author
        markup = obj.get("content")
        if not isinstance(markup, str):
            content_map = obj.get("contentMap")
            markup = (
                next(iter(content_map.values()), "") if isinstance(content_map, Mapping) else ""
            )
        if not markup and isinstance(obj.get("name"), str):
            markup = obj["name"]
        mentions, hashtags = [], []
        for tag in as_list(obj.get("tag")):
            kinds = types(tag)
            if "Mention" in kinds:
                mentioned = self.account(tag.get("href") or tag.get("name", "").lstrip("@"))
                if mentioned:
                    mentions.append(mentioned)
            elif "Hashtag" in kinds and isinstance(tag.get("name"), str):
                hashtags.append(tag["name"].lstrip("#"))
        links = [
            m.group(1) for m in _HREF.finditer(markup) if not _MENTION_CLASS.search(m.group(0))
        ]
        extra: dict[str, Any] = {}
        if obj.get("summary"):
            extra["content_warning"] = html_to_text(str(obj["summary"]))
        visibility = self.visibility(obj)
        if visibility:
            extra["visibility"] = visibility
        return Post(
            id=post_id,
            author=author,
            network=self.reading.network,
            text=html_to_text(markup),
            created=self.time(obj),
            mentions=mentions,
            links=links,
            hashtags=hashtags if hashtags or "tag" in obj else None,
            in_reply_to=ref(obj.get("inReplyTo")),
            media=[
                {
                    "type": _media_type(a),
                    **({"alt": a["name"]} if isinstance(a.get("name"), str) else {}),
                }
                for a in as_list(obj.get("attachment"))
                if isinstance(a, Mapping)
            ],
            extra=extra,
        )

    def visibility(self, obj: Mapping[str, Any]) -> str | None:
        """public, unlisted, followers or direct, from the addressing (Mastodon's convention)."""
        to = {ref(v) for v in as_list(obj.get("to"))}
        cc = {ref(v) for v in as_list(obj.get("cc"))}
        if not to and not cc:
            return None
        if to & PUBLIC:
            return "public"
        if cc & PUBLIC:
            return "unlisted"
        if any(isinstance(v, str) and v.endswith("/followers") for v in to):
            return "followers"
        return "direct"

    # -- activities ------------------------------------------------------------------

    def index(self, items: Iterable[Any]) -> None:
        """Remember activities by id, so that ``Accept`` and ``Undo`` can find what they name."""
        for item in items:
            if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                self.by_id.setdefault(item["id"], item)

    def activity(self, item: Any, line: int | None = None) -> None:
        """Read one activity (located errors name ``line`` of the document)."""
        with self.reading.record(self.file, line):
            if not isinstance(item, Mapping):
                if isinstance(item, str):
                    self.left_out["a link to an activity, not the activity"] += 1
                    return
                raise bad(None, f"expected an activity object, got {type(item).__name__}")
            kinds = types(item)
            actor = self.account(
                as_list(item.get("actor"))[0] if as_list(item.get("actor")) else None
            )
            obj = self._object(item.get("object"))
            at = self.time(item, obj)
            handlers = self._handlers()
            handler: Any = next((handlers[k] for k in sorted(kinds) if k in handlers), None)
            if handler is None:
                if kinds & _POST_TYPES:
                    handler, obj, actor = self._create, item, self.account(item.get("attributedTo"))
                    at = self.time(item)
                else:
                    self.left_out[f"{'/'.join(sorted(kinds)) or 'untyped'} activities"] += 1
                    return
            if actor is None:
                self.left_out["activities without an actor"] += 1
                return
            if at is None and handler not in (handlers["Block"], handlers["Reject"]):
                self.left_out["activities without a time"] += 1
                return
            handler(item, actor, obj, at)

    def _handlers(self) -> dict[str, Any]:
        return {
            "Create": self._create,
            "Announce": self._announce,
            "Like": self._like,
            "Follow": self._follow,
            "Undo": self._undo,
            "Invite": self._invite,
            "Accept": self._accept,
            "Block": self._block,
            "Reject": self._reject,
        }

    def _object(self, value: Any) -> Any:
        first = as_list(value)[0] if as_list(value) else None
        if isinstance(first, str) and first in self.by_id:
            return self.by_id[first]
        return first

    def _create(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime) -> None:
        if not isinstance(obj, Mapping):
            self.left_out["Create activities naming their object only by a link"] += 1
            return
        if not types(obj) & _POST_TYPES:
            self.left_out[f"Create of {'/'.join(sorted(types(obj))) or 'untyped'} objects"] += 1
            return
        post = self.post(obj, actor)
        kind = "reply" if post.in_reply_to else "post"
        self.reading.act(kind, actor, at, id=ref(item) if item is not obj else None, post=post)

    def _announce(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime) -> None:
        target = ref(obj)
        if target is None:
            raise bad("object", "an Announce needs the object it shares")
        if isinstance(obj, Mapping) and types(obj) & _POST_TYPES:
            post = self.post(obj, None)
        else:
            post = Post(
                id=target, author=self._announced_author(item, actor), network=self.reading.network
            )
        self.reading.act("repost", actor, at, id=ref(item), post=post)

    def _announced_author(self, item: Mapping[str, Any], actor: str) -> str | None:
        """Mastodon addresses a boost to the boosted post's author: the first ``cc`` that
        is neither the public collection nor a followers collection."""
        for value in as_list(item.get("cc")):
            uri = ref(value)
            if uri and uri not in PUBLIC and not uri.endswith(("/followers", "/following")):
                author = self.account(uri)
                return author if author != actor else actor
        return None

    def _like(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime) -> None:
        target = ref(obj)
        if target is None:
            raise bad("object", "a Like needs the object it likes")
        post = (
            self.post(obj, None) if isinstance(obj, Mapping) and types(obj) & _POST_TYPES else None
        )
        self.reading.act("like", actor, at, id=ref(item), target=target, post=post)

    def _follow(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime) -> None:
        target = self.account(obj)
        if target is None:
            raise bad("object", "a Follow needs the account it follows")
        self.reading.act("follow", actor, at, id=ref(item), target=target)

    def _undo(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime) -> None:
        if "Follow" in types(obj):
            target = self.account(self._object(obj.get("object")))
            if target is not None:
                self.reading.act("unfollow", actor, at, id=ref(item), target=target)
                return
        self.left_out["Undo activities other than of a Follow it names"] += 1

    def _invite(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime) -> None:
        note = item.get("content")
        message = html_to_text(note) if isinstance(note, str) else None
        invitees = [self.account(t) for t in as_list(item.get("target"))]
        invitees = [i for i in invitees if i]
        if not invitees:
            raise bad("target", "an Invite needs the accounts it invites")
        for invitee in invitees:
            self.reading.act(
                "invite",
                actor,
                at,
                target=invitee,
                message=message,
                extra={"activity": ref(item), "to": ref(obj)} if ref(item) else {"to": ref(obj)},
            )

    def _accept(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime) -> None:
        if types(obj) & {"Invite", "Follow", "Offer"}:
            target = self.account(
                as_list(obj.get("actor"))[0] if as_list(obj.get("actor")) else None
            )
            if target is not None:
                self.reading.act("accept", actor, at, id=ref(item), target=target)
                return
        self.left_out["Accept activities of requests not in the input"] += 1

    def _block(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime | None) -> None:
        self.left_out["Block activities (no guideline judges blocks)"] += 1

    def _reject(self, item: Mapping[str, Any], actor: str, obj: Any, at: datetime | None) -> None:
        self.left_out["Reject activities (declined requests are not judged)"] += 1

    def state_coverage(self) -> None:
        """Say what was left out, so that silence is not read as good behaviour."""
        if self.left_out:
            what = "; ".join(f"{count} {reason}" for reason, count in sorted(self.left_out.items()))
            self.reading.cover("all", "partial", f"{self.file}: left out {what}")


def _media_type(attachment: Mapping[str, Any]) -> str:
    media = attachment.get("mediaType")
    if isinstance(media, str) and "/" in media:
        return media.split("/", 1)[0]
    return next(iter(sorted(types(attachment))), "document").lower()


def items_of(document: Any) -> list[Any]:
    """The activities of a document: a collection's items, or the document itself."""
    if isinstance(document, list):
        return document
    if isinstance(document, Mapping) and types(document) & _COLLECTION_TYPES:
        return as_list(document.get("orderedItems", document.get("items")))
    return [document]


def _last_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON object hook: a key given twice keeps its last non-empty value (Mastodon
    exports carry ``"orderedItems": [], "orderedItems": [...]``)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out and value in ([], None, {}) and out[key] not in ([], None, {}):
            continue
        out[key] = value
    return out


def load_json(text: str, file: str) -> Any:
    """Parse AS2 JSON, tolerating repeated keys; errors located by line."""
    try:
        return json.loads(text, object_pairs_hook=_last_wins)
    except json.JSONDecodeError as exc:
        raise InputError(
            file, exc.lineno, None, f"invalid JSON: {exc.msg} at column {exc.colno}"
        ) from None


def read_activitystreams(
    path: Path, options: ReadOptions, network: str = "fediverse"
) -> ReadResult:
    """Read an AS2 document (one activity, a list, or a collection) from ``path``."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(file, None, None, f"cannot read as UTF-8: {exc}") from None
    document = load_json(text, file)
    reading = ExportReading(network, options)
    owner = (
        ref(document.get("attributedTo") or document.get("actor"))
        if isinstance(document, Mapping)
        else None
    )
    stream = ActivityStreams(reading, file, owner=owner)
    items = items_of(document)
    stream.index(items)
    for item in items:
        stream.activity(item)
    stream.state_coverage()
    return reading.result()


def _detect(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in (".json", ".jsonld"):
        return False
    with open(path, "rb") as stream:
        head = stream.read(4096)
    return b"www.w3.org/ns/activitystreams" in head and b'"@context"' in head


READER = Reader(
    name="activitystreams",
    description="ActivityStreams 2.0 JSON (W3C): one activity, a list or a collection",
    detect=_detect,
    read=read_activitystreams,
)


@hookimpl
def register_readers(register) -> None:
    register(READER)
