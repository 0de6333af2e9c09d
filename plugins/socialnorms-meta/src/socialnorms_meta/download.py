"""Facebook's and Instagram's "Download your information" (JSON format), zip or folder.

Files are found by name wherever the export version put them. Every string is
repaired first: Meta writes each UTF-8 byte of a non-ASCII character as its own
``\\u00XX`` escape (``"Rados\\u00c5\\u0082aw"`` for "Radosław").

Facebook: ``your_posts*.json`` become posts (links from the attachments);
``comments.json`` replies to posts that are not in the download (their id is
made from the comment's time and the "commented on X's post" title);
``your_friends.json``/``friends.json`` the owner's friend count (a friendship has a
date but no direction).

Instagram: ``followers_1.json`` (``followers_N``) become dated follows of the
owner, ``following.json`` dated follows by the owner,
``recently_unfollowed_profiles.json`` (the only export anywhere that lists
unfollows) dated unfollows, ``posts_N.json`` posts and ``post_comments_N.json``
replies.

Downloads in HTML format are refused with a message: request JSON instead.
Posts carry no ids; they are ``<network>:post:<unix time>[:<n>]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from socialnorms import (
    DATA_FOLLOWERS,
    DATA_FOLLOWS,
    DATA_INVITATIONS,
    DATA_MENTIONS_RECEIVED,
    DATA_OTHER_NETWORKS,
    DATA_SHARED_POSTS,
)
from socialnorms.core.models import Post
from socialnorms.io import InputError, Reader, ReadOptions, ReadResult
from socialnorms.io.archive import Archive, file_names, open_archive
from socialnorms.io.export import ExportReading, bad

__all__ = ["FACEBOOK_READER", "INSTAGRAM_READER", "read_facebook", "read_instagram", "repair"]

_FB_POSTS = re.compile(r"^your_posts(__check_ins__photos_and_videos)?_\d+\.json$")
_IG_FOLLOWERS = re.compile(r"^followers(_\d+)?\.json$")
_IG_POSTS = re.compile(r"^posts_\d+\.json$")
_IG_COMMENTS = re.compile(r"^post_comments(_\d+)?\.json$")
_COMMENTED_ON = re.compile(r" commented on (.+?)'s? ")
_OWN_ONLY = "the download holds the account's own posts and comments, not the posts that mention it"
_ONE_SIDE = (
    "only the %s side of a cross-post is here; read the other networks' exports along with it"
)


def repair(value: Any) -> Any:
    """Undo Meta's mojibake in every string (and key) of parsed JSON."""
    if isinstance(value, str):
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    if isinstance(value, list):
        return [repair(item) for item in value]
    if isinstance(value, dict):
        return {repair(key): repair(item) for key, item in value.items()}
    return value


def _unix(value: Any, field: str) -> datetime:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise bad(field, f"expected a Unix time in seconds, got {value!r}")
    return datetime.fromtimestamp(value, tz=UTC)


class _Download:
    network = ""

    def __init__(self, archive: Archive, options: ReadOptions) -> None:
        names = archive.names()
        if not any(n.endswith(".json") for n in names) and any(n.endswith(".html") for n in names):
            raise InputError(
                str(archive.path),
                None,
                None,
                "this is the HTML download; request your information again in JSON format",
            )
        self.archive = archive
        self.reading = ExportReading(self.network, options)
        self.owner_name: str | None = None

    def json(self, name: str) -> Any:
        return repair(self.archive.json(name))

    def matching(self, pattern: re.Pattern[str]) -> list[str]:
        return [n for n in self.archive.names() if pattern.match(n.rsplit("/", 1)[-1])]

    def each(self, name: str, items: Iterable[Any], read: Callable[[Any, int], None]) -> None:
        label = self.archive.label(name)
        for number, item in enumerate(items):
            with self.reading.record(label):
                try:
                    read(item, number)
                except (KeyError, TypeError, AttributeError) as exc:
                    raise bad(f"[{number}]", f"unexpected shape: {exc}") from None

    def person(self, name: str, **fields: Any) -> str:
        name = name.strip().lstrip("@")
        if not name:
            raise bad(None, "a person without a name")
        if self.owner_name and name.casefold() == self.owner_name.casefold():
            return self.owner
        return self.reading.account(f"{self.network}:{name}", **fields)

    def set_owner(self, key: str | None, **fields: Any) -> None:
        key = key or self.reading.options.owner
        if not key:
            raise self.reading.owner_unknown(str(self.archive.path), "profile file")
        self.owner_name = key
        self.owner = self.reading.account(
            f"{self.network}:{key}", subject=self.reading.options.owner or key, **fields
        )

    def post_id(self, at: datetime) -> str:
        return f"{self.network}:post:{int(at.timestamp())}"


class _Facebook(_Download):
    network = "facebook"

    def read(self) -> ReadResult:
        profile = self.archive.first("profile_information.json")
        name = None
        if profile is not None:
            data = self.json(profile).get("profile_v2") or {}
            name = (data.get("name") or {}).get("full_name")
        self.set_owner(name, name=name)
        posts = sum((self.posts(n) for n in self.matching(_FB_POSTS)), 0)
        comments_file = self.archive.first("comments.json")
        if comments_file is not None:
            data = self.json(comments_file)
            items = (
                data.get("comments_v2", data.get("comments", []))
                if isinstance(data, Mapping)
                else data
            )
            self.each(comments_file, items, self.comment)
        friends = self.archive.first("your_friends.json", "friends.json")
        if friends is not None:
            data = self.json(friends)
            items = (
                data.get("friends_v2", data.get("friends", []))
                if isinstance(data, Mapping)
                else data
            )
            self.reading.accounts[self.owner] = attrs.evolve(
                self.reading.accounts[self.owner], followers=len(items), following=len(items)
            )
        holds = self.reading.holds
        holds(DATA_MENTIONS_RECEIVED, "none", _OWN_ONLY)
        holds(
            DATA_SHARED_POSTS,
            "partial" if posts else "none",
            "a shared post appears as the owner's post; whose post was shared is not recorded"
            if posts
            else "the download has no posts",
        )
        holds(
            DATA_FOLLOWS,
            "none",
            "friendships are dated but have no direction: they become a friend count, not follows",
        )
        holds(DATA_FOLLOWERS, "none", "the download lists no followers")
        holds(DATA_INVITATIONS, "none", "friend requests carry no note")
        holds(DATA_OTHER_NETWORKS, "none", _ONE_SIDE % "Facebook")
        return self.reading.result()

    def posts(self, name: str) -> int:
        items = self.json(name)
        if not isinstance(items, list):
            raise InputError(self.archive.label(name), None, None, "expected a list of posts")
        seen: dict[str, int] = {}

        def read(item: Any, number: int) -> None:
            at = _unix(item.get("timestamp"), f"[{number}].timestamp")
            text = next(
                (d["post"] for d in item.get("data", []) if isinstance(d, Mapping) and "post" in d),
                "",
            )
            links = [
                data["external_context"]["url"]
                for attachment in item.get("attachments", [])
                for data in attachment.get("data", [])
                if isinstance(data.get("external_context"), Mapping)
                and data["external_context"].get("url")
            ]
            post_id = self.post_id(at)
            seen[post_id] = seen.get(post_id, 0) + 1
            if seen[post_id] > 1:
                post_id = f"{post_id}:{seen[post_id]}"
            post = Post(
                id=post_id,
                author=self.owner,
                network=self.network,
                text=text,
                links=links or None,
                extra={"title": item["title"]} if item.get("title") else {},
            )
            self.reading.act("post", self.owner, at, post=post)

        self.each(name, items, read)
        return len(items)

    def comment(self, item: Any, number: int) -> None:
        at = _unix(item.get("timestamp"), f"[{number}].timestamp")
        comment = next(
            (
                d["comment"]
                for d in item.get("data", [])
                if isinstance(d, Mapping) and "comment" in d
            ),
            None,
        )
        if not isinstance(comment, Mapping):
            raise bad(f"[{number}].data", "no comment in this entry")
        match = _COMMENTED_ON.search(item.get("title") or "")
        other = self.person(match.group(1)) if match else None
        target = f"facebook:commented:{other or 'unknown'}:{int(at.timestamp())}"
        post = Post(
            id=f"facebook:comment:{int(at.timestamp())}:{number}",
            author=self.owner,
            network=self.network,
            text=comment.get("comment") or "",
            in_reply_to=target,
        )
        self.reading.act(
            "reply", self.owner, at, post=post, extra={"replied_to_author": other} if other else {}
        )


class _Instagram(_Download):
    network = "instagram"

    def read(self) -> ReadResult:
        info = self.archive.first("personal_information.json")
        username = name = None
        if info is not None:
            data = self.json(info)
            users = data.get("profile_user", []) if isinstance(data, Mapping) else []
            fields = (users[0].get("string_map_data") or {}) if users else {}
            username = (fields.get("Username") or {}).get("value")
            name = (fields.get("Name") or {}).get("value")
        self.set_owner(username, name=name, handle=f"@{username}" if username else None)
        follower_lists = self.matching(_IG_FOLLOWERS)
        for name_ in follower_lists:
            self.relations(name_, None, "follow", incoming=True)
        following = self.archive.first("following.json")
        if following:
            self.relations(following, "relationships_following", "follow", incoming=False)
        unfollowed = self.archive.first(
            "recently_unfollowed_profiles.json", "recently_unfollowed_accounts.json"
        )
        if unfollowed:
            self.relations(unfollowed, "relationships_unfollowed_users", "unfollow", incoming=False)
        for name_ in self.matching(_IG_POSTS):
            self.posts(name_)
        for name_ in self.matching(_IG_COMMENTS):
            self.comments(name_)
        holds = self.reading.holds
        for kind, listed, who in (
            (DATA_FOLLOWERS, bool(follower_lists), "followers"),
            (DATA_FOLLOWS, following is not None, "followed accounts"),
        ):
            if listed:
                holds(kind, "full", f"{who} are listed with the time of each follow")
            else:
                holds(kind, "none", f"the download lists no {who}")
        holds(DATA_MENTIONS_RECEIVED, "none", _OWN_ONLY)
        holds(DATA_SHARED_POSTS, "none", "Instagram has no reposts in the download")
        holds(DATA_INVITATIONS, "none", "Instagram has no invitations")
        holds(DATA_OTHER_NETWORKS, "none", _ONE_SIDE % "Instagram")
        return self.reading.result()

    def relations(self, name: str, key: str | None, kind: str, *, incoming: bool) -> None:
        data = self.json(name)
        items = data.get(key, []) if key and isinstance(data, Mapping) else data
        if not isinstance(items, list):
            raise InputError(self.archive.label(name), None, key, "expected a list of accounts")

        def read(item: Any, number: int) -> None:
            for entry in item.get("string_list_data", []):
                handle = entry.get("value") or item.get("title") or ""
                other = self.person(handle, handle=f"@{handle.lstrip('@')}", url=entry.get("href"))
                at = _unix(entry.get("timestamp"), f"[{number}].string_list_data.timestamp")
                actor, target = (other, self.owner) if incoming else (self.owner, other)
                self.reading.act(kind, actor, at, target=target)

        self.each(name, items, read)

    def posts(self, name: str) -> None:
        items = self.json(name)

        def read(item: Any, number: int) -> None:
            media = item.get("media") or []
            first = media[0] if media else {}
            at = _unix(
                item.get("creation_timestamp", first.get("creation_timestamp")),
                f"[{number}].creation_timestamp",
            )
            caption = item.get("title") or first.get("title") or ""
            post = Post(
                id=f"{self.post_id(at)}:{number}",
                author=self.owner,
                network=self.network,
                text=caption,
                media=[{"type": "image"} for _ in media],
            )
            self.reading.act("post", self.owner, at, post=post)

        self.each(name, items if isinstance(items, list) else [], read)

    def comments(self, name: str) -> None:
        data = self.json(name)
        items = data.get("comments_media_comments", []) if isinstance(data, Mapping) else data

        def read(item: Any, number: int) -> None:
            fields = item.get("string_map_data") or {}
            at = _unix(
                (fields.get("Time") or {}).get("timestamp"), f"[{number}].string_map_data.Time"
            )
            owner = (fields.get("Media Owner") or {}).get("value")
            other = self.person(owner, handle=f"@{owner}") if owner else None
            post = Post(
                id=f"instagram:comment:{int(at.timestamp())}:{number}",
                author=self.owner,
                network=self.network,
                text=(fields.get("Comment") or {}).get("value") or "",
                in_reply_to=f"instagram:commented:{owner or 'unknown'}:{int(at.timestamp())}",
            )
            self.reading.act(
                "reply",
                self.owner,
                at,
                post=post,
                extra={"replied_to_author": other} if other else {},
            )

        self.each(name, items, read)


def read_facebook(path: Path, options: ReadOptions) -> ReadResult:
    """Read a Facebook download (JSON; zip or folder) into accounts, actions and coverage."""
    with open_archive(path) as archive:
        return _Facebook(archive, options).read()


def read_instagram(path: Path, options: ReadOptions) -> ReadResult:
    """Read an Instagram download (JSON; zip or folder) into accounts, actions and coverage."""
    with open_archive(path) as archive:
        return _Instagram(archive, options).read()


_FB_MARKERS = re.compile(
    r"^(your_posts.*|your_friends|profile_information|your_comments)\.(json|html)$"
)
_IG_MARKERS = re.compile(
    r"^(followers(_\d+)?|following|personal_information|recently_unfollowed_(profiles|accounts))\.(json|html)$"
)


def _detector(pattern: re.Pattern[str]) -> Callable[[Path], bool]:
    def detect(path: Path) -> bool:
        return any(pattern.match(name) for name in file_names(path))

    return detect


FACEBOOK_READER = Reader(
    name="facebook",
    description="Facebook 'Download your information' in JSON (the .zip or its folder)",
    detect=_detector(_FB_MARKERS),
    read=read_facebook,
)
INSTAGRAM_READER = Reader(
    name="instagram",
    description="Instagram 'Download your information' in JSON (the .zip or its folder)",
    detect=_detector(_IG_MARKERS),
    read=read_instagram,
)
