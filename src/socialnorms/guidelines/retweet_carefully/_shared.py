"""What the rules of retweet-carefully share: the scope a rule judges, the post a
share shares, the subject's own sites, and the nudge of a review."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

import attrs

from ...core.checks import CheckContext, Finding, Rule
from ...core.models import Action, ActionKind, Post
from ...core.timeline import Timeline
from .._common import percent
from .._habit import HabitWindow

#: The kinds of action that share someone's post.
SHARING = (ActionKind.REPOST, ActionKind.QUOTE)

# Hosts of networks and link pages: a profile url there is not a domain of one's own.
_SHARED_HOSTS = frozenset(
    {
        "twitter.com",
        "x.com",
        "linkedin.com",
        "facebook.com",
        "instagram.com",
        "threads.net",
        "bsky.app",
        "mastodon.social",
        "youtube.com",
        "tiktok.com",
        "linktr.ee",
        "medium.com",
        "substack.com",
        "github.com",
        "bit.ly",
        "t.co",
        "lnkd.in",
    }
)


@attrs.frozen(slots=True)
class Scope:
    """What a rule judges one subject's sharing on one network with."""

    subject: str
    network: str
    account_ids: tuple[str, ...]
    """The subject's accounts on the network."""
    own: frozenset[str]
    """Every account of the subject, on any network: what it posts is its own."""
    domains: frozenset[str]
    """The domains of the subject's own sites (:func:`own_domains`)."""
    shares: Sequence[Action] = ()
    """For the check, the accounts' reposts and quotes in time order. A review reads
    the window that ends with its draft instead."""


def shares_of(timeline: Timeline, account_ids: Sequence[str]) -> list[Action]:
    """The reposts and quotes of ``account_ids``, in time order."""
    found = [
        a
        for account_id in account_ids
        for kind in SHARING
        for a in timeline.by_actor(account_id, kind)
    ]
    return sorted(found, key=lambda a: (a.at, a.id))


def shared_post(timeline: Timeline, action: Action) -> Post | None:
    """The post a repost or quote shares: embedded in the action, else from the timeline."""
    if action.kind is ActionKind.REPOST and action.post is not None:
        return action.post
    return timeline.post(action.target) if action.target else None


def host(url: str) -> str:
    """The host of a url (``www.`` left out), lower case; a url may omit its scheme."""
    if "://" not in url:
        url = "http://" + url
    found = (urlsplit(url).hostname or "").lower()
    return found.removeprefix("www.")


def own_domains(timeline: Timeline, subject: str) -> frozenset[str]:
    """Domains of the subject's own sites, from its accounts' ``url`` fields."""
    hosts = {host(a.url) for a in timeline.accounts_of(subject) if a.url}
    return frozenset(h for h in hosts if h and h not in _SHARED_HOSTS)


def habit_finding(
    ctx: CheckContext,
    rule: Rule,
    scope: Scope,
    found: HabitWindow,
    message: str,
    metrics: dict[str, object],
) -> Finding:
    """The check's finding of a habit window (``found``): its flagged items as the
    evidence, on the account of its latest item."""
    return ctx.finding(
        rule.code,
        subject=scope.subject,
        account=found.last.actor,
        network=scope.network,
        message=message,
        evidence=found.flagged,
        metrics=metrics,
        severity=found.severity,
    )


def nudge(
    ctx: CheckContext,
    rule: Rule,
    scope: Scope,
    draft: Action,
    found: HabitWindow,
    days: float,
    what: str,
    counted: str,
    flagged_items: str,
) -> Finding:
    """The nudge of a review: ``what`` the draft does, and the share of the window
    that ends with it (``found``) that would be ``flagged_items``."""
    flagged = found.flagged
    return ctx.finding(
        rule.code,
        subject=scope.subject,
        account=draft.actor,
        network=scope.network,
        message=(
            f"{what}: with it, {len(flagged)} of {len(found.items)} {counted} in the last "
            f"{days:g} days would be {flagged_items} ({percent(found.share)})."
        ),
        evidence=[draft.id, *flagged],
        metrics={
            "flagged": len(flagged),
            "items": len(found.items),
            "share": round(found.share, 3),
            "days": days,
        },
        severity=found.severity,
    )
