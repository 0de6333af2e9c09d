"""The X (Twitter) account archive: ``twitter-<date>-<id>.zip`` or its extracted folder.

Reads ``data/tweets.js`` (older archives: ``tweet.js``; large ones split into parts
that ``data/manifest.js`` lists), ``account.js`` for whose archive it is, and
``follower.js``/``following.js``/``like.js`` for what they can tell. The files are
JavaScript (``window.YTD.tweets.part0 = [...]``); every number in them is a string.

- A tweet is a ``post``; with ``in_reply_to_status_id`` a ``reply``; with a link to
  another tweet a ``quote``; ``RT @user: text`` a ``repost`` whose shared post
  (author from the handle, the shared text, its mentions) is embedded, so a repost
  of praise naming the account itself can be judged. The archive does not carry the
  shared post's id: it is ``rt:<id of the repost>``.
- Mentions come from ``entities.user_mentions``, not from the text; the handles a
  reply is addressed to (before ``display_text_range``) are not mentions.
- ``follower.js``, ``following.js`` and ``like.js`` carry no dates. Placing them at
  the archive's date would make every follow look like one burst, so they are not
  actions: the lists become the owner's ``followers`` and ``following`` counts,
  and the reading states what the archive holds of followers, follows and likes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs

from socialnorms import (
    DATA_FOLLOWERS,
    DATA_FOLLOWS,
    DATA_INVITATIONS,
    DATA_LIKES,
    DATA_MENTIONS_RECEIVED,
    DATA_OTHER_NETWORKS,
    DATA_SHARED_POSTS,
)
from socialnorms.core.models import Post
from socialnorms.io import InputError, Reader, ReadOptions, ReadResult
from socialnorms.io.archive import Archive, file_names, open_archive
from socialnorms.io.export import ExportReading, bad, parse_time, require

__all__ = ["READER", "read_twitter_archive"]

NETWORK = "twitter"
_RT = re.compile(r"^RT @(\w{1,15}): ?(.*)$", re.DOTALL)
_STATUS_URL = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,15})/status(?:es)?/(\d+)"
)
_TAG = re.compile(r"<[^>]+>")
_MEDIA = {"photo": "image", "video": "video", "animated_gif": "gif"}
_MARKERS = frozenset({"manifest.js", "tweets.js", "tweet.js", "account.js"})
_TWEET_PARTS = re.compile(r"^tweets?(-part\d+)?\.js$")


def _created(value: str) -> datetime:
    return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y")


def _iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def load_js(archive: Archive, name: str) -> Any:
    """The data of a ``window.YTD.<name>.partN = ...`` file."""
    text = archive.text(name)
    head, sep, body = text.partition("=")
    if not sep or not head.strip().startswith("window.YTD."):
        raise InputError(
            archive.label(name), 1, None, "expected 'window.YTD.<name>.part<N> = [...]'"
        )
    body = body.rstrip().removesuffix(";")
    return archive.json(name, text="\n" * head.count("\n") + body)


def _unwrap(item: Any, key: str) -> Any:
    return item[key] if isinstance(item, Mapping) and isinstance(item.get(key), Mapping) else item


class _TwitterArchive:
    def __init__(self, archive: Archive, options: ReadOptions) -> None:
        self.archive = archive
        self.reading = ExportReading(NETWORK, options)
        self.manifest = self._manifest()
        self.owner = self._owner()

    # -- whose archive --------------------------------------------------------------

    def _manifest(self) -> Mapping[str, Any]:
        name = self.archive.first("manifest.js")
        if name is None:
            return {}
        data = load_js(self.archive, name)
        return data if isinstance(data, Mapping) else {}

    def _owner(self) -> str:
        fields: dict[str, Any] = {}
        name = self.archive.first("account.js")
        if name is not None:
            data = load_js(self.archive, name)
            with self.reading.record(self.archive.label(name), None):
                account = _unwrap(data[0] if isinstance(data, list) and data else data, "account")
                fields = {
                    "handle": require(account, "username"),
                    "name": account.get("accountDisplayName"),
                    "created": parse_time(account["createdAt"], "createdAt", _iso)
                    if account.get("createdAt")
                    else None,
                    "extra": {"account_id": account.get("accountId")},
                }
        if not fields:
            info = self.manifest.get("userInfo", {})
            if isinstance(info, Mapping) and info.get("userName"):
                fields = {
                    "handle": info["userName"],
                    "name": info.get("displayName"),
                    "extra": {"account_id": info.get("accountId")},
                }
        if not fields:
            if self.reading.options.owner is None:
                raise self.reading.owner_unknown(
                    str(self.archive.path), "account.js or manifest.js"
                )
            fields = {"handle": self.reading.options.owner}
        handle = fields["handle"].lstrip("@")
        fields["handle"] = f"@{handle}"
        self.handle = handle
        return self.reading.account(
            f"{NETWORK}:{handle.casefold()}",
            subject=self.reading.options.owner or handle,
            **fields,
        )

    def account(self, handle: str, name: str | None = None) -> str:
        handle = handle.lstrip("@")
        if handle.casefold() == self.handle.casefold():
            return self.owner
        # Handles on X are case-insensitive: @Priya and @priya are one account.
        return self.reading.account(
            f"{NETWORK}:{handle.casefold()}", handle=f"@{handle}", name=name
        )

    # -- tweets ----------------------------------------------------------------------

    def tweet_files(self) -> list[str]:
        types = self.manifest.get("dataTypes", {}) if isinstance(self.manifest, Mapping) else {}
        listed: list[str] = []
        for key in ("tweets", "tweet"):
            entry = types.get(key) if isinstance(types, Mapping) else None
            for file in (entry or {}).get("files", []) if isinstance(entry, Mapping) else []:
                name = file.get("fileName") if isinstance(file, Mapping) else None
                found = [
                    n for n in self.archive.names() if isinstance(name, str) and n.endswith(name)
                ]
                listed.extend(found[:1])
        if listed:
            return listed
        return sorted(n for n in self.archive.names() if _TWEET_PARTS.match(n.rsplit("/", 1)[-1]))

    def tweets(self) -> int:
        count = 0
        for name in self.tweet_files():
            data = load_js(self.archive, name)
            label = self.archive.label(name)
            if not isinstance(data, list):
                raise InputError(label, None, None, "expected a list of tweets")
            for number, item in enumerate(data):
                with self.reading.record(label, None):
                    try:
                        self.tweet(_unwrap(item, "tweet"))
                        count += 1
                    except (KeyError, TypeError, ValueError) as exc:
                        raise bad(f"[{number}]", f"{exc}") from None
        return count

    def tweet(self, tweet: Any) -> None:
        tweet_id = str(tweet.get("id_str") or require(tweet, "id", (str, int)))
        where = f"[id {tweet_id}]."
        text = html.unescape(tweet.get("full_text") or require(tweet, "text", where=where))
        at = parse_time(require(tweet, "created_at", where=where), f"{where}created_at", _created)
        entities = tweet.get("entities") or {}
        start = int((tweet.get("display_text_range") or ["0"])[0])
        mentions = [
            (
                int(m.get("indices", ["0"])[0]),
                self.account(
                    require(m, "screen_name", where=f"{where}entities.user_mentions."),
                    m.get("name"),
                ),
            )
            for m in entities.get("user_mentions", []) or []
        ]
        links = [u.get("expanded_url") or u.get("url") for u in entities.get("urls", []) or []]
        links = [link for link in links if isinstance(link, str)]
        hashtags = [
            h["text"]
            for h in entities.get("hashtags", []) or []
            if isinstance(h, Mapping) and "text" in h
        ]
        media = [
            {
                "type": _MEDIA.get(str(m.get("type")), "image"),
                **({"alt": m["ext_alt_text"]} if m.get("ext_alt_text") else {}),
            }
            for m in (
                (tweet.get("extended_entities") or {}).get("media") or entities.get("media") or []
            )
            if isinstance(m, Mapping)
        ]
        source = (
            _TAG.sub("", tweet["source"]).strip() if isinstance(tweet.get("source"), str) else None
        )
        repost = _RT.match(text)
        if repost:
            author = self.account(repost.group(1))
            shared = Post(
                id=f"rt:{tweet_id}",
                author=author,
                network=NETWORK,
                text=repost.group(2),
                mentions=[a for i, a in mentions if i > 3],
                links=links,
                hashtags=hashtags,
                extra={"truncated": text.endswith("…")},
            )
            self.reading.act("repost", self.owner, at, id=tweet_id, post=shared)
            return
        reply_to = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
        quoted = None
        for link in links:
            match = _STATUS_URL.match(link)
            if match and match.group(2) != tweet_id:
                quoted = match.group(2)
                self.account(match.group(1))
                links = [other for other in links if other != link]
                break
        if reply_to and tweet.get("in_reply_to_screen_name"):
            self.account(tweet["in_reply_to_screen_name"])
        post = Post(
            id=tweet_id,
            author=self.owner,
            network=NETWORK,
            text=text,
            created=at,
            mentions=[a for i, a in mentions if not reply_to or i >= start],
            links=links,
            hashtags=hashtags,
            in_reply_to=str(reply_to) if reply_to else None,
            quotes=quoted if not reply_to else None,
            media=media,
            source=source,
            extra={"lang": tweet["lang"]} if tweet.get("lang") else {},
        )
        kind = "reply" if reply_to else "quote" if quoted else "post"
        self.reading.act(kind, self.owner, at, id=tweet_id, post=post)

    # -- undated lists ----------------------------------------------------------------

    def count(self, filename: str, key: str) -> int | None:
        name = self.archive.first(filename)
        if name is None:
            return None
        data = load_js(self.archive, name)
        if not isinstance(data, list):
            raise InputError(
                self.archive.label(name), None, None, f"expected a list of {key} records"
            )
        return sum(1 for item in data if isinstance(item, Mapping) and key in item)

    def read(self) -> ReadResult:
        tweets = self.tweets()
        followers, following = (
            self.count("follower.js", "follower"),
            self.count("following.js", "following"),
        )
        likes = self.count("like.js", "like")
        counts: dict[str, Any] = {
            k: v for k, v in (("followers", followers), ("following", following)) if v is not None
        }
        if counts:
            self.reading.accounts[self.owner] = attrs.evolve(
                self.reading.accounts[self.owner], **counts
            )
        self.coverage(tweets, followers, following, likes)
        return self.reading.result()

    def coverage(
        self, tweets: int, followers: int | None, following: int | None, likes: int | None
    ) -> None:
        """State what the archive holds of each kind of data."""
        holds = self.reading.holds
        if tweets:
            holds(
                DATA_SHARED_POSTS,
                "full",
                "reposts carry the shared text (shortened by X) and the handle of its author",
            )
        else:
            holds(DATA_SHARED_POSTS, "none", "the archive holds no tweets, so no reposts")
        holds(
            DATA_MENTIONS_RECEIVED,
            "none",
            "an X archive holds what the account posted, not the posts that mention it",
        )
        holds(
            DATA_FOLLOWERS,
            "none",
            "the archive has no follower.js"
            if followers is None
            else f"follower.js lists {followers} followers by id, without dates: "
            "who followed when cannot be told",
        )
        holds(
            DATA_FOLLOWS,
            "none",
            "the archive has no following.js"
            if following is None
            else f"following.js lists {following} followed accounts by id, without dates: "
            "who was followed back, and how fast, cannot be told",
        )
        holds(DATA_INVITATIONS, "none", "X has no invitations")
        holds(
            DATA_OTHER_NETWORKS,
            "none",
            "only the X side of a cross-post is here; read the other networks' exports along with it",
        )
        if likes:
            holds(DATA_LIKES, "none", f"like.js lists {likes} likes without dates or authors")


def read_twitter_archive(path: Path, options: ReadOptions) -> ReadResult:
    """Read an X archive (zip, tar.gz or folder) into accounts, actions and coverage."""
    with open_archive(path) as archive:
        return _TwitterArchive(archive, options).read()


def _detect(path: Path) -> bool:
    return bool(file_names(path) & _MARKERS)


READER = Reader(
    name="twitter",
    description="X (Twitter) account archive: the .zip or its folder (data/tweets.js, account.js, ...)",
    detect=_detect,
    read=read_twitter_archive,
)
