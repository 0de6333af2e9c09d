"""The Bluesky repository export ("Export my data": ``repo.car``) as accounts and actions.

Records are read from the CAR file (:mod:`.car`), each with its own
``createdAt``:

- ``app.bsky.feed.post``: a ``post``; with ``reply`` a ``reply`` to ``reply.parent``;
  with an embedded record a ``quote``. Mentions, links and tags come from the
  facets, whose ranges are UTF-8 byte offsets into the text; the mentioned text
  (``@alice.example``) gives the mentioned account its handle.
- ``app.bsky.feed.repost``, ``app.bsky.feed.like``: a ``repost`` or ``like`` of the
  post named by ``subject.uri``; its author is the DID in that URI. The shared
  post's text is in its author's repository, not here.
- ``app.bsky.graph.follow``: a ``follow`` of ``subject`` (a DID), dated.

Records of other collections are counted in what the reading states of blocks,
lists and other records.

Accounts are ``bluesky:<did>``: records name accounts by DID, and handles are
not in the repository. The owner (the repository's DID) is the subject, named
by ``ReadOptions.subject`` or else by its DID.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from socialnorms import (
    DATA_BLOCKS,
    DATA_FOLLOWERS,
    DATA_INVITATIONS,
    DATA_LISTS,
    DATA_MENTIONS_RECEIVED,
    DATA_OTHER_NETWORKS,
    DATA_OTHER_RECORDS,
    DATA_SHARED_POSTS,
)
from socialnorms.core.models import Post
from socialnorms.io import InputError, Reader, ReadOptions, ReadResult
from socialnorms.io.export import ExportReading, bad, parse_time

from .car import CarError, read_car

__all__ = ["READER", "read_bluesky_repository"]

NETWORK = "bluesky"
_FRACTION = re.compile(r"(\.\d{6})\d+")
_MEDIA_EMBEDS = {"app.bsky.embed.images": "image", "app.bsky.embed.video": "video"}
_UNREAD_KINDS = {
    "app.bsky.graph.block": DATA_BLOCKS,
    "app.bsky.graph.listblock": DATA_BLOCKS,
    "app.bsky.graph.list": DATA_LISTS,
    "app.bsky.graph.listitem": DATA_LISTS,
}
"""The kind of data of collections the reader does not read (else other records)."""


def _rfc3339(value: str) -> datetime:
    return datetime.fromisoformat(
        _FRACTION.sub(r"\1", value.replace("Z", "+00:00").replace("z", "+00:00"))
    )


def _did_of(uri: str) -> str:
    """The repository DID of an ``at://<did>/<collection>/<rkey>`` URI."""
    if not uri.startswith("at://"):
        raise bad("subject.uri", f"expected an at:// URI, got {uri!r}")
    return uri[5:].split("/", 1)[0]


class _Repository:
    def __init__(self, path: Path, options: ReadOptions) -> None:
        self.file = str(path)
        try:
            self.repo = read_car(path.read_bytes())
        except OSError as exc:
            raise InputError(self.file, None, None, f"cannot read: {exc.strerror or exc}") from None
        except (CarError, KeyError, TypeError) as exc:
            raise InputError(
                self.file, None, None, f"not a readable repository export: {exc}"
            ) from None
        self.reading = ExportReading(NETWORK, options)
        self.owner = self.reading.account(
            f"{NETWORK}:{self.repo.did}",
            subject=options.owner or self.repo.did,
            extra={"did": self.repo.did},
        )
        self.left_out: Counter[str] = Counter()

    def account(self, did: str, handle: str | None = None) -> str:
        return self.reading.account(f"{NETWORK}:{did}", handle=handle, extra={"did": did})

    def read(self) -> ReadResult:
        try:
            records = list(self.repo.records())
        except (CarError, KeyError, TypeError) as exc:
            raise InputError(
                self.file, None, None, f"the record tree cannot be read: {exc}"
            ) from None
        for path, record in records:
            collection, _, _rkey = path.partition("/")
            uri = f"at://{self.repo.did}/{path}"
            with self.reading.record(f"{self.file}!{path}"):
                handler = {
                    "app.bsky.feed.post": self.post,
                    "app.bsky.feed.repost": self.shared,
                    "app.bsky.feed.like": self.shared,
                    "app.bsky.graph.follow": self.follow,
                    "app.bsky.actor.profile": self.profile,
                }.get(collection)
                if handler is None:
                    self.left_out[collection] += 1
                    continue
                if not isinstance(record, Mapping):
                    raise bad(None, "expected a record object")
                handler(uri, collection, record)
        self.coverage()
        return self.reading.result()

    def _at(self, record: Mapping[str, Any]) -> datetime:
        return parse_time(record.get("createdAt"), "createdAt", _rfc3339)

    def profile(self, uri: str, collection: str, record: Mapping[str, Any]) -> None:
        self.reading.account(
            self.owner,
            name=record.get("displayName") or None,
            bio=record.get("description") or None,
        )

    def post(self, uri: str, collection: str, record: Mapping[str, Any]) -> None:
        text = record.get("text", "")
        if not isinstance(text, str):
            raise bad("text", f"expected a string, got {text!r}")
        at = self._at(record)
        data = text.encode("utf-8")
        mentions, links, tags = [], [], list(record.get("tags") or [])
        for number, facet in enumerate(record.get("facets") or []):
            index = facet.get("index") or {}
            start, end = (
                index.get("byteStart", index.get("start")),
                index.get("byteEnd", index.get("end")),
            )
            if (
                not isinstance(start, int)
                or not isinstance(end, int)
                or not 0 <= start <= end <= len(data)
            ):
                raise bad(
                    f"facets[{number}].index", f"byte range {start}..{end} is outside the text"
                )
            shown = data[start:end].decode("utf-8", "replace")
            for feature in facet.get("features") or ([facet["value"]] if "value" in facet else []):
                kind = str(feature.get("$type", "")).rpartition("#")[2]
                if kind == "mention" and isinstance(feature.get("did"), str):
                    handle = shown.lstrip("@") if shown.startswith("@") else None
                    mentions.append(self.account(feature["did"], handle))
                elif kind == "link" and isinstance(feature.get("uri"), str):
                    links.append(feature["uri"])
                elif kind == "tag" and isinstance(feature.get("tag"), str):
                    tags.append(feature["tag"])
        reply = record.get("reply")
        parent = None
        if reply is not None:
            parent = (reply.get("parent") or {}).get("uri") if isinstance(reply, Mapping) else None
            if not isinstance(parent, str):
                raise bad("reply.parent.uri", "required for a reply")
            self.account(_did_of(parent))
        quoted, media = self._embed(record.get("embed"), links)
        post = Post(
            id=uri,
            author=self.owner,
            network=NETWORK,
            text=text,
            created=at,
            mentions=mentions,
            links=links,
            hashtags=tags,
            in_reply_to=parent,
            quotes=quoted if parent is None else None,
            media=media,
            extra={"langs": list(record["langs"])} if record.get("langs") else {},
        )
        kind = "reply" if parent else "quote" if quoted else "post"
        self.reading.act(kind, self.owner, at, id=uri, post=post)

    def _embed(self, embed: Any, links: list[str]) -> tuple[str | None, list[dict[str, Any]]]:
        if not isinstance(embed, Mapping):
            return None, []
        kind = embed.get("$type")
        if kind == "app.bsky.embed.recordWithMedia":
            quoted, _ = self._embed(embed.get("record"), links)
            _, media = self._embed(embed.get("media"), links)
            return quoted, media
        if kind == "app.bsky.embed.record":
            uri = (embed.get("record") or {}).get("uri")
            if isinstance(uri, str):
                self.account(_did_of(uri))
                return uri, []
        if kind == "app.bsky.embed.external":
            uri = (embed.get("external") or {}).get("uri")
            if isinstance(uri, str) and uri not in links:
                links.append(uri)
        if kind in _MEDIA_EMBEDS:
            items = embed.get("images") or [embed]
            return None, [
                {"type": _MEDIA_EMBEDS[kind], **({"alt": i["alt"]} if i.get("alt") else {})}
                for i in items
                if isinstance(i, Mapping)
            ]
        return None, []

    def shared(self, uri: str, collection: str, record: Mapping[str, Any]) -> None:
        subject = record.get("subject")
        target = subject.get("uri") if isinstance(subject, Mapping) else None
        if not isinstance(target, str):
            raise bad("subject.uri", "required")
        author = self.account(_did_of(target))
        kind = "repost" if collection.endswith("repost") else "like"
        post = Post(id=target, author=author, network=NETWORK)
        self.reading.act(kind, self.owner, self._at(record), id=uri, post=post)

    def follow(self, uri: str, collection: str, record: Mapping[str, Any]) -> None:
        subject = record.get("subject")
        did = subject.get("did") if isinstance(subject, Mapping) else subject
        if not isinstance(did, str) or not did.startswith("did:"):
            raise bad("subject", f"expected the DID of the followed account, got {subject!r}")
        self.reading.act("follow", self.owner, self._at(record), id=uri, target=self.account(did))

    def coverage(self) -> None:
        """State what the repository holds of each kind of data."""
        holds = self.reading.holds
        holds(
            DATA_SHARED_POSTS,
            "partial",
            "reposts name the shared post by link; its text is in its author's repository, not here",
        )
        holds(
            DATA_MENTIONS_RECEIVED,
            "none",
            "a repository holds the account's own records, not the posts that mention it",
        )
        holds(
            DATA_FOLLOWERS,
            "none",
            "followers are records in their own repositories: follow-backs cannot be told "
            "from first follows",
        )
        holds(DATA_INVITATIONS, "none", "Bluesky has no invitations")
        holds(
            DATA_OTHER_NETWORKS,
            "none",
            "only the Bluesky side of a cross-post is here; read the other networks' exports along with it",
        )
        unread: dict[str, list[str]] = defaultdict(list)
        for collection, count in sorted(self.left_out.items()):
            kind = _UNREAD_KINDS.get(collection, DATA_OTHER_RECORDS)
            unread[kind].append(f"{count} {collection}")
        for kind, what in unread.items():
            holds(kind, "none", f"records not read: {'; '.join(what)}")


def read_bluesky_repository(path: Path, options: ReadOptions) -> ReadResult:
    """Read a Bluesky repository export (``repo.car``) into accounts, actions and coverage."""
    return _Repository(path, options).read()


def _detect(path: Path) -> bool:
    if not path.is_file():
        return False
    if path.suffix.lower() == ".car":
        return True
    with open(path, "rb") as stream:
        head = stream.read(64)
    return (
        b"roots" in head and b"version" in head and not head.startswith((b"{", b"PK", b"\x1f\x8b"))
    )


READER = Reader(
    name="bluesky",
    description="Bluesky repository export (repo.car from 'Export my data')",
    detect=_detect,
    read=read_bluesky_repository,
)
