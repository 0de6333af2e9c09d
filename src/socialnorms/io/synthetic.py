"""Realistic, seeded activity at any size, for tests, demos and benchmarks.

The timeline mixes what a busy brand's archive holds: several subjects, each on
three networks; a crowd that posts, mentions the subjects, replies to them, likes,
reposts, follows and unfollows; subjects that post, answer most mentions, repost
(some of them mentions of themselves), quote, cross-post the same text to another
network, follow back, invite and follow up; and a few spam accounts that post links
and follow everybody. The same arguments always give the same records::

    from socialnorms import synthetic
    accounts, actions = synthetic.generate(actions=10_000, subjects=2, seed=1)
    synthetic.write("big.jsonl", actions=1_000_000)   # streamed, never held in memory

:func:`records` yields the activity-format records themselves (accounts first, then
actions in time order); :func:`generate` turns them into model objects.
"""

from __future__ import annotations

import bisect
import json
import random
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from ..core.models import Account, Action

__all__ = ["NETWORKS", "generate", "records", "write"]

NETWORKS = ("twitter", "linkedin", "mastodon", "bluesky", "facebook", "instagram")
_INVITING = frozenset({"linkedin", "facebook"})
_START = datetime(2026, 1, 1, tzinfo=UTC)
_WORDS = [
    "trail",
    "boots",
    "repair",
    "guide",
    "team",
    "customers",
    "launch",
    "webinar",
    "spring",
    "winter",
    "tent",
    "pack",
    "jacket",
    "review",
    "weekend",
    "summit",
    "river",
    "camp",
    "coffee",
    "morning",
    "route",
    "map",
    "weather",
    "season",
    "sale",
    "new",
    "thanks",
    "great",
    "love",
    "question",
    "help",
    "order",
    "shipping",
    "size",
    "return",
    "store",
    "event",
    "meetup",
    "photo",
    "climb",
    "hike",
    "run",
    "ride",
    "lake",
    "forest",
    "snow",
    "rain",
    "sunset",
    "friends",
    "family",
    "today",
    "tomorrow",
    "week",
    "price",
    "quality",
    "design",
    "story",
    "report",
    "data",
    "growth",
    "plan",
    "idea",
    "project",
    "community",
    "volunteer",
]
_TAGS = (
    "hiking",
    "outdoors",
    "gear",
    "trailrunning",
    "camping",
    "sustainability",
    "repair",
    "news",
)
_FIRST = (
    "ana",
    "ben",
    "chloe",
    "dev",
    "emma",
    "felix",
    "gita",
    "hugo",
    "ines",
    "jon",
    "kai",
    "lena",
)
_LAST = ("smith", "rossi", "sato", "obi", "lind", "gomez", "patel", "martin", "novak", "kim")
_GENERIC_INVITE = "I'd like to add you to my professional network."

# (event, weight): what happens next, drawn independently for every action.
_EVENTS = (
    ("crowd_post", 20),
    ("crowd_mention", 9),
    ("crowd_reply", 8),
    ("crowd_like", 8),
    ("crowd_repost", 4),
    ("crowd_follow", 7),
    ("crowd_unfollow", 2),
    ("spam_post", 3),
    ("spam_follow", 2),
    ("subject_post", 9),
    ("subject_reply", 9),
    ("subject_repost", 4),
    ("subject_quote", 1),
    ("subject_crosspost", 4),
    ("subject_follow_back", 4),
    ("subject_like", 2),
    ("subject_invite", 2),
    ("crowd_accept", 1),
    ("subject_message", 1),
)
_CUMULATIVE: list[int] = []
for _name, _weight in _EVENTS:
    _CUMULATIVE.append((_CUMULATIVE[-1] if _CUMULATIVE else 0) + _weight)
_TOTAL = _CUMULATIVE[-1]


def _handle(network: str, name: str) -> str:
    if network == "mastodon":
        return f"{name}@social.example"
    if network == "bluesky":
        return f"{name}.bsky.social"
    return name


class _World:
    """The accounts, and the recent state that makes later actions plausible."""

    def __init__(self, rng: random.Random, actions: int, subjects: int) -> None:
        self.rng = rng
        self.accounts: list[dict[str, Any]] = []
        self.subject_accounts: list[str] = []
        self.network_of: dict[str, str] = {}
        self.handle_of: dict[str, str] = {}
        for number in range(subjects):
            name = f"brand{number}"
            for offset in range(3):
                network = NETWORKS[(number + offset * 2) % len(NETWORKS)]
                self._account(
                    network,
                    name,
                    subject=name,
                    url=f"https://{name}.example",
                    bio=f"Outdoor gear by {name}.",
                    followers=rng.randint(500, 90_000),
                    following=rng.randint(50, 2000),
                )
                self.subject_accounts.append(f"{network}:{name}")
        self.networks = sorted({self.network_of[a] for a in self.subject_accounts})
        self.crowd: dict[str, list[str]] = {n: [] for n in self.networks}
        self.spam: dict[str, list[str]] = {n: [] for n in self.networks}
        for number in range(max(40, actions // 25)):
            network = self.networks[number % len(self.networks)]
            if number % 20 == 7:
                account = self._account(
                    network,
                    f"deals{number}",
                    following=rng.randint(3000, 9000),
                    followers=rng.randint(0, 40),
                    default_avatar=True,
                    tags=["spam"] if number % 40 == 7 else None,
                )
                self.spam[network].append(account)
                continue
            name = f"{rng.choice(_FIRST)}{rng.choice(_LAST)}{number}"
            account = self._account(
                network,
                name,
                name=name.title(),
                bio="Hiker and reader.",
                followers=rng.randint(10, 5000),
                following=rng.randint(10, 2000),
                tags=["customer"] if number % 20 == 3 else None,
            )
            self.crowd[network].append(account)
        self.recent: dict[str, deque[tuple[str, str, str, str]]] = {
            n: deque(maxlen=300) for n in self.networks
        }
        self.subject_posts: dict[str, deque[tuple[str, str, str, str]]] = {
            a: deque(maxlen=50) for a in self.subject_accounts
        }
        self.mentions: dict[str, deque[tuple[str, str, str, str]]] = {
            a: deque(maxlen=100) for a in self.subject_accounts
        }
        self.new_followers: dict[str, deque[str]] = {
            a: deque(maxlen=100) for a in self.subject_accounts
        }
        self.followers: dict[str, list[str]] = {a: [] for a in self.subject_accounts}
        self.invited: deque[tuple[str, str]] = deque(maxlen=200)
        self.accepted: deque[tuple[str, str]] = deque(maxlen=200)

    def _account(self, network: str, local: str, **fields: Any) -> str:
        account_id = f"{network}:{local}"
        handle = _handle(network, local)
        record = {"type": "account", "id": account_id, "network": network, "handle": handle}
        record.update((k, v) for k, v in fields.items() if v is not None)
        self.accounts.append(record)
        self.network_of[account_id] = network
        self.handle_of[account_id] = handle
        return account_id

    def text(self, low: int = 6, high: int = 24, *, link: float = 0.2, tags: float = 0.3) -> str:
        rng = self.rng
        words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
        if rng.random() < tags:
            words.extend("#" + rng.choice(_TAGS) for _ in range(rng.randint(1, 3)))
        if rng.random() < link:
            words.append(f"https://shop.example/p/{rng.randint(1, 9999)}")
        return " ".join(words).capitalize()


def records(actions: int = 100_000, subjects: int = 3, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Activity-format records: every account, then ``actions`` actions in time order.

    The actions span about a year from 2026-01-01; every action has a distinct
    time, and a few follows and likes come without an id (as some exports do).
    """
    if actions < 0 or subjects < 1:
        raise ValueError("need actions >= 0 and subjects >= 1")
    rng = random.Random(seed)
    world = _World(rng, actions, subjects)
    yield from world.accounts
    mean_gap = max(2.0, 365 * 86400 / max(actions, 1))
    seconds = 0
    day, day_text = -1, ""
    for number in range(actions):
        seconds += 1 + int(rng.expovariate(1 / (mean_gap - 1)))
        if seconds // 86400 != day:
            day = seconds // 86400
            day_text = (_START + timedelta(days=day)).strftime("%Y-%m-%dT")
        rest = seconds % 86400
        at = f"{day_text}{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}Z"
        event = _EVENTS[bisect.bisect_right(_CUMULATIVE, rng.random() * _TOTAL)][0]
        record = _action(world, event, number, at)
        if record["kind"] in ("follow", "like") and number % 29 == 0:
            del record["id"]
        yield record


def _action(world: _World, event: str, number: int, at: str) -> dict[str, Any]:
    rng = world.rng
    subject = rng.choice(world.subject_accounts)
    network = world.network_of[subject]
    crowd = world.crowd[network]
    person = rng.choice(crowd) if crowd else subject
    action_id = f"a{number}"
    post_id = f"{network}:{number}"

    def act(kind: str, actor: str, **fields: Any) -> dict[str, Any]:
        return {"type": "action", "id": action_id, "kind": kind, "actor": actor, "at": at, **fields}

    def remember(where: deque, author: str, text: str) -> None:
        where.append((post_id, author, text, at))

    def shared(entry: tuple[str, str, str, str]) -> dict[str, Any]:
        return {"id": entry[0], "author": entry[1], "text": entry[2], "created": entry[3]}

    recent = world.recent[network]
    if event == "crowd_post" or (
        not recent and event in ("crowd_like", "crowd_repost", "subject_like")
    ):
        text = world.text()
        remember(recent, person, text)
        return act("post", person, post={"id": post_id, "text": text})
    if event == "crowd_mention":
        text = f"{world.text(4, 16, link=0.1)} @{world.handle_of[subject]}"
        remember(recent, person, text)
        remember(world.mentions[subject], person, text)
        return act("post", person, post={"id": post_id, "text": text})
    if event == "crowd_reply" and world.subject_posts[subject]:
        parent = rng.choice(world.subject_posts[subject])
        text = f"@{world.handle_of[subject]} {world.text(3, 14, link=0.05, tags=0.05)}"
        remember(world.mentions[subject], person, text)
        return act("reply", person, target=parent[0], post={"id": post_id, "text": text})
    if event in ("crowd_like", "subject_like"):
        actor = person if event == "crowd_like" else subject
        return act("like", actor, target=rng.choice(recent)[0])
    if event == "crowd_repost":
        entry = rng.choice(recent)
        return act("repost", person, target=entry[0])
    if event in ("crowd_follow", "spam_follow"):
        pool = world.spam[network] if event == "spam_follow" else crowd
        follower = rng.choice(pool) if pool else person
        world.new_followers[subject].append(follower)
        world.followers[subject].append(follower)
        return act("follow", follower, target=subject)
    if event == "crowd_unfollow" and world.followers[subject]:
        followers = world.followers[subject]
        index = rng.randrange(len(followers))
        followers[index], followers[-1] = followers[-1], followers[index]
        return act("unfollow", followers.pop(), target=subject)
    if event == "spam_post" and world.spam[network]:
        spammer = rng.choice(world.spam[network])
        text = f"Huge discount today only {world.text(2, 6, link=1.0, tags=0.0)} @{world.handle_of[subject]}"
        return act("post", spammer, post={"id": post_id, "text": text})
    if event == "subject_reply" and world.mentions[subject]:
        entry = world.mentions[subject].popleft()
        text = f"@{world.handle_of[entry[1]]} {world.text(4, 18, link=0.1, tags=0.05)}"
        return act("reply", subject, target=entry[0], post={"id": post_id, "text": text})
    if event == "subject_repost" and recent:
        sources = (
            world.mentions[subject] if world.mentions[subject] and rng.random() < 0.3 else recent
        )
        entry = rng.choice(sources)
        if rng.random() < 0.5:
            return act("repost", subject, target=entry[0], post=shared(entry))
        return act("repost", subject, target=entry[0])
    if event == "subject_quote" and recent:
        entry = rng.choice(recent)
        return act(
            "quote", subject, target=entry[0], post={"id": post_id, "text": world.text(3, 12)}
        )
    if event == "subject_crosspost" and world.subject_posts[subject]:
        original = world.subject_posts[subject][-1]
        siblings = [
            a
            for a in world.subject_accounts
            if a.split(":", 1)[1] == subject.split(":", 1)[1] and a != subject
        ]
        other = rng.choice(siblings)
        post = {"id": f"{world.network_of[other]}:{number}", "text": original[2]}
        if rng.random() < 0.4:
            post["crosspost_of"] = original[0]
        elif rng.random() < 0.5:
            post["source"] = "Buffer"
        return act("post", other, post=post, via="Buffer")
    if event == "subject_follow_back" and world.new_followers[subject]:
        follower = world.new_followers[subject].popleft()
        quick = rng.random() < 0.5
        return act("follow", subject, target=follower, **({"via": "auto-follow"} if quick else {}))
    if event == "subject_invite" and network in _INVITING and crowd:
        message = (
            _GENERIC_INVITE
            if rng.random() < 0.4
            else (
                f"Hi {person.split(':', 1)[1].title()}, great to meet you at the {rng.choice(_WORDS)} meetup."
            )
        )
        world.invited.append((subject, person))
        return act("invite", subject, target=person, message=message)
    if event == "crowd_accept" and world.invited:
        inviter, invitee = world.invited.popleft()
        world.accepted.append((inviter, invitee))
        return act("accept", invitee, target=inviter)
    if event == "subject_message" and world.accepted:
        inviter, invitee = world.accepted.popleft()
        return act(
            "message",
            inviter,
            target=invitee,
            message=f"Thanks for connecting! {world.text(4, 12)}",
        )
    text = world.text(8, 30, link=0.4, tags=0.5)
    remember(world.subject_posts[subject], subject, text)
    remember(recent, subject, text)
    return act("post", subject, post={"id": post_id, "text": text})


def generate(
    actions: int = 100_000, subjects: int = 3, seed: int = 0
) -> tuple[list[Account], list[Action]]:
    """Accounts and actions of a synthetic timeline (see :func:`records`)."""
    from .activity import parse_account, parse_action

    accounts: list[Account] = []
    made: list[Action] = []
    for record in records(actions, subjects, seed):
        if record["type"] == "account":
            accounts.append(parse_account(record))
        else:
            made.append(parse_action(record))
    return accounts, made


def write(
    target: str | Path | IO[str], actions: int = 100_000, subjects: int = 3, seed: int = 0
) -> int:
    """Write a synthetic timeline as an activity file, one record at a time.

    Returns the number of lines written (header included). Memory stays flat
    whatever the size.
    """
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="\n") as stream:
            return write(stream, actions, subjects, seed)
    from .activity import FORMAT, VERSION

    target.write(json.dumps({"type": "header", "format": FORMAT, "version": VERSION}) + "\n")
    lines = 1
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for record in records(actions, subjects, seed):
        target.write(dumps(record) + "\n")
        lines += 1
    return lines
