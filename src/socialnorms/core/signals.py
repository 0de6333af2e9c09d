"""Explainable signals that an account is spam or a bot.

Each signal is a simple test on an account's profile or posts, taken from the
published rule sets on fake-follower detection: Camisani-Calzolari (2012),
StateOfSearch (van den Beld), Socialbakers' fake-follower check (2012), and the
evaluation of these rules by Cresci et al., "Fame for sale: efficient detection of
fake Twitter followers" (Decision Support Systems, 2015, arXiv:1509.04098).
Cresci et al. found that no single media rule is reliable alone, so an account is
judged spam-looking only when it is tagged ``spam`` or when several signals agree,
and every verdict names the signals that fired.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta

import attrs

from .models import ActionKind
from .timeline import Timeline

__all__ = ["Signal", "SpamJudge", "SpamThresholds", "looks_like_spam", "spam_signals"]

_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_NOISE = re.compile(r"[@#]\w+|\d+|[^\w\s]")


@attrs.frozen(slots=True)
class Signal:
    """One signal that fired: its name, the value seen and the threshold it crossed."""

    name: str
    detail: str

    def __str__(self) -> str:
        return f"{self.name} ({self.detail})"


@attrs.frozen(slots=True)
class SpamThresholds:
    """The thresholds of the signals, each from a published rule set."""

    follow_ratio: float = 50.0
    """following / followers at or above which an account follows far more than it is
    followed (Socialbakers: 50:1)."""
    min_following_for_ratio: int = 100
    """An account with no followers counts as high-ratio only when it follows at least
    this many (Cresci et al.'s "following > 100")."""
    few_followers: int = 30
    """Fewer followers than this is a signal (Camisani-Calzolari: 30)."""
    new_account_days: int = 30
    """An account younger than this when it acts is new (account age is a top feature
    of tweetbotornot2 and Botometer)."""
    link_share: float = 0.9
    """Share of posts carrying a link at or above which the account mostly posts links
    (Socialbakers: more than 90% links)."""
    repeated_posts: int = 3
    """The same text (links and numbers aside) this many times is a repeated post
    (Socialbakers: the same tweet repeated more than 3 times; we count from 3 because
    exports usually hold only the latest posts)."""
    min_posts: int = 3
    """Post-based signals need at least this many known posts."""
    min_signals: int = 3
    """How many signals must agree, without a ``spam`` tag, to call an account spam-looking
    (Cresci et al.: single media rules mislead, combinations work)."""


DEFAULT_THRESHOLDS = SpamThresholds()


def spam_signals(
    timeline: Timeline,
    account_id: str,
    at: datetime | None = None,
    thresholds: SpamThresholds = DEFAULT_THRESHOLDS,
) -> tuple[Signal, ...]:
    """The signals that fire for ``account_id`` (judged at ``at``, default the end of data)."""
    found = _account_signals(timeline, account_id, at, thresholds)
    found.extend(_post_signals(timeline, account_id, thresholds))
    return tuple(found)


#: How many signals :func:`_post_signals` can add at most.
_POST_SIGNALS = 2


def _account_signals(
    timeline: Timeline, account_id: str, at: datetime | None, t: SpamThresholds
) -> list[Signal]:
    found: list[Signal] = []
    account = timeline.account(account_id)
    if account is not None:
        if account.has_tag("spam"):
            found.append(Signal("tagged-spam", "tagged spam"))
        followers, following = account.followers, account.following
        if followers is not None and following is not None:
            if followers == 0 and following >= t.min_following_for_ratio:
                found.append(Signal("follow-ratio", f"follows {following}, followed by none"))
            elif followers > 0 and following / followers >= t.follow_ratio:
                found.append(
                    Signal(
                        "follow-ratio", f"follows {following / followers:.0f}x more than followed"
                    )
                )
        if followers is not None and followers < t.few_followers:
            found.append(Signal("few-followers", f"{followers} followers"))
        moment = at or timeline.end
        if account.created is not None and moment is not None:
            age = moment - account.created
            if age < timedelta(days=t.new_account_days):
                found.append(Signal("new-account", f"{max(age.days, 0)} days old"))
        if account.default_avatar:
            found.append(Signal("default-avatar", "default avatar"))
        if account.bio is not None and not account.bio.strip():
            found.append(Signal("empty-bio", "empty bio"))
    return found


def _post_signals(timeline: Timeline, account_id: str, t: SpamThresholds) -> list[Signal]:
    posts = [
        action.post
        for kind in (ActionKind.POST, ActionKind.REPLY, ActionKind.QUOTE)
        for action in timeline.by_actor(account_id, kind)
        if action.post is not None
    ]
    if len(posts) < t.min_posts:
        return []
    found = []
    with_links = sum(1 for post in posts if timeline.text(post).links)
    if with_links / len(posts) >= t.link_share:
        found.append(Signal("links-everywhere", f"links in {with_links} of {len(posts)} posts"))
    texts = Counter(_skeleton(post.text) for post in posts)
    texts.pop("", None)
    if texts:
        _, count = texts.most_common(1)[0]
        if count >= t.repeated_posts:
            found.append(Signal("repeated-posts", f"the same text {count} times"))
    return found


def _skeleton(text: str) -> str:
    """A post's text without links, numbers, mentions and punctuation, for comparison."""
    return " ".join(_NOISE.sub(" ", _LINK.sub(" ", text)).casefold().split())


def looks_like_spam(
    timeline: Timeline,
    account_id: str,
    at: datetime | None = None,
    thresholds: SpamThresholds = DEFAULT_THRESHOLDS,
) -> tuple[Signal, ...]:
    """The signals that make ``account_id`` look like spam, or ``()`` when it does not:
    a ``spam`` tag alone suffices, otherwise ``thresholds.min_signals`` must agree.
    Accounts tagged ``customer`` never look like spam."""
    account = timeline.account(account_id)
    if account is not None and account.has_tag("customer"):
        return ()
    signals = _account_signals(timeline, account_id, at, thresholds)
    tagged = any(s.name == "tagged-spam" for s in signals)
    if not tagged and len(signals) + _POST_SIGNALS < thresholds.min_signals:
        return ()  # whatever its posts show, too few signals could agree
    signals.extend(_post_signals(timeline, account_id, thresholds))
    if tagged or len(signals) >= thresholds.min_signals:
        return tuple(signals)
    return ()


class SpamJudge:
    """:func:`looks_like_spam` for many accounts of one timeline, each judged once.

    An account's age is taken when it first acts in the data (or at its end), so
    the verdict is the same whichever subject or rule asks.
    """

    def __init__(self, timeline: Timeline, thresholds: SpamThresholds = DEFAULT_THRESHOLDS) -> None:
        self.timeline = timeline
        self.thresholds = thresholds
        self._verdicts: dict[str, tuple[Signal, ...]] = {}

    def __call__(self, account_id: str) -> tuple[Signal, ...]:
        """The signals that make the account look like spam, or ``()``."""
        verdict = self._verdicts.get(account_id)
        if verdict is None:
            acted = self.timeline.by_actor(account_id)
            at = acted[0].at if acted else None
            verdict = self._verdicts[account_id] = looks_like_spam(
                self.timeline, account_id, at, self.thresholds
            )
        return verdict
