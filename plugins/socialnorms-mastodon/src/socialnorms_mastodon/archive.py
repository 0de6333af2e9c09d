"""The Mastodon account archive (``archive-<date>.tar.gz`` or its folder), with the CSV
data exports placed beside it.

- ``outbox.json`` is ActivityStreams 2.0 and is read with the core's reader:
  ``Create`` makes a post or a reply (HTML content to plain text, mentions from
  ``tag``, visibility from ``to``/``cc``), ``Announce`` a repost naming the boosted
  post by link (its author taken from ``cc``; its text is not in the archive). Real
  exports repeat the ``orderedItems`` key (an empty list, then the items); the
  non-empty one is kept.
- ``actor.json`` says whose archive it is.
- ``likes.json`` (links only) and ``following_accounts.csv`` carry no dates. They
  are not actions (they would all fall on one moment): the followed accounts
  become the owner's ``following`` count, and the reading states that follows and
  likes are not in the result. The header-less exports (``blocked_accounts.csv``,
  ``blocked_domains.csv``, ``bookmarks.csv``, ``lists.csv``) are counted in what the
  reading states of blocks, bookmarks and lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from socialnorms import (
    DATA_BLOCKS,
    DATA_BOOKMARKS,
    DATA_FOLLOWERS,
    DATA_FOLLOWS,
    DATA_INVITATIONS,
    DATA_LIKES,
    DATA_LISTS,
    DATA_MENTIONS_RECEIVED,
    DATA_OTHER_NETWORKS,
    DATA_OWN_POSTS,
    DATA_SHARED_POSTS,
)
from socialnorms.io import InputError, Reader, ReadOptions, ReadResult
from socialnorms.io.activitystreams import ActivityStreams, handle_of, items_of, load_json, ref
from socialnorms.io.archive import Archive, file_names, open_archive
from socialnorms.io.export import ExportReading, html_to_text

__all__ = ["READER", "read_mastodon_archive"]

NETWORK = "mastodon"
_HEADERLESS = {
    "blocked_accounts.csv": DATA_BLOCKS,
    "blocked_domains.csv": DATA_BLOCKS,
    "bookmarks.csv": DATA_BOOKMARKS,
    "lists.csv": DATA_LISTS,
}
"""The header-less CSV exports, and the kind of data each lists."""


class _MastodonArchive:
    def __init__(self, archive: Archive, options: ReadOptions) -> None:
        self.archive = archive
        self.reading = ExportReading(NETWORK, options)

    def _json(self, name: str):
        return load_json(self.archive.text(name), self.archive.label(name))

    def owner(self, outbox_items: list) -> str | None:
        """The owner's actor URI from actor.json, else from the outbox's first activity."""
        name = self.archive.first("actor.json")
        options = self.reading.options
        if name is not None:
            actor = self._json(name)
            if not isinstance(actor, Mapping) or not isinstance(actor.get("id"), str):
                raise InputError(
                    self.archive.label(name), None, "id", "expected the actor object with its id"
                )
            uri = actor["id"]
            handle = handle_of(uri)
            if isinstance(actor.get("preferredUsername"), str):
                handle = (
                    f"{actor['preferredUsername']}@{handle.rpartition('@')[2]}"
                    if "@" in handle
                    else handle
                )
            with self.reading.record(self.archive.label(name)):
                self.reading.account(
                    f"{NETWORK}:{handle}",
                    handle=handle,
                    subject=options.owner or handle,
                    name=actor.get("name") or None,
                    bio=html_to_text(actor["summary"])
                    if isinstance(actor.get("summary"), str)
                    else None,
                    url=actor.get("url") if isinstance(actor.get("url"), str) else None,
                    created=actor.get("published"),
                )
            return uri
        actors = [
            ref(i.get("actor")) for i in outbox_items if isinstance(i, Mapping) and i.get("actor")
        ]
        if actors:
            return actors[0]
        if options.owner is None:
            raise self.reading.owner_unknown(str(self.archive.path), "actor.json or outbox.json")
        return None

    def read(self) -> ReadResult:
        outbox_name = self.archive.first("outbox.json")
        items: list = []
        if outbox_name is not None:
            outbox = self._json(outbox_name)
            items = items_of(outbox)
        owner = self.owner(items)
        if outbox_name is not None:
            stream = ActivityStreams(self.reading, self.archive.label(outbox_name), owner=owner)
            stream.index(items)
            for item in items:
                stream.activity(item)
            stream.state_coverage()
        owner_id = next((a.id for a in self.reading.accounts.values() if a.subject), None)
        following = self.following()
        if owner_id is not None and following is not None:
            self.reading.accounts[owner_id] = attrs.evolve(
                self.reading.accounts[owner_id], following=following
            )
        self.coverage(outbox_name is not None, following)
        return self.reading.result()

    def following(self) -> int | None:
        name = self.archive.first("following_accounts.csv")
        if name is None:
            return None
        count = 0
        for line, row in self.archive.csv(name, header_starts="Account address"):
            with self.reading.record(self.archive.label(name), line):
                address = (row.get("Account address") or "").strip()
                if not address:
                    raise ValueError("Account address: required")
                count += 1
        return count

    def coverage(self, has_outbox: bool, following: int | None) -> None:
        """State what the archive holds of each kind of data."""
        holds = self.reading.holds
        if has_outbox:
            holds(
                DATA_SHARED_POSTS,
                "partial",
                "boosts name the boosted post by link only; its text is not in the archive, so "
                "what was shared cannot be judged, only how often",
            )
        else:
            for kind in (DATA_OWN_POSTS, DATA_SHARED_POSTS):
                holds(kind, "none", "the archive has no outbox.json")
        holds(
            DATA_MENTIONS_RECEIVED,
            "none",
            "a Mastodon archive holds the account's own posts, not the posts that mention it",
        )
        holds(DATA_FOLLOWERS, "none", "Mastodon exports no followers list")
        holds(
            DATA_FOLLOWS,
            "none",
            "Mastodon exports no dated follows"
            if following is None
            else f"following_accounts.csv lists {following} followed accounts without dates",
        )
        holds(DATA_INVITATIONS, "none", "Mastodon has no invitations")
        holds(
            DATA_OTHER_NETWORKS,
            "none",
            "only the Mastodon side of a cross-post is here; read the other networks' exports along with it",
        )
        likes = self.archive.first("likes.json")
        if likes is not None:
            count = len(items_of(self._json(likes)))
            holds(
                DATA_LIKES, "none", f"likes.json lists {count} liked posts by link, without dates"
            )
        for name, kind in _HEADERLESS.items():
            found = self.archive.first(name)
            if found is not None:
                rows = sum(1 for _ in self.archive.rows(found))
                holds(kind, "none", f"{name} has {rows} rows without dates; not read")


def read_mastodon_archive(path: Path, options: ReadOptions) -> ReadResult:
    """Read a Mastodon archive (tar.gz, zip or folder) into accounts, actions and coverage."""
    with open_archive(path) as archive:
        return _MastodonArchive(archive, options).read()


def _detect(path: Path) -> bool:
    names = file_names(path)
    return (
        "outbox.json" in names
        or ("actor.json" in names and "likes.json" in names)
        or ("following_accounts.csv" in names)
    )


READER = Reader(
    name="mastodon",
    description="Mastodon account archive (.tar.gz or folder: outbox.json, actor.json, likes.json, CSV exports)",
    detect=_detect,
    read=read_mastodon_archive,
)
