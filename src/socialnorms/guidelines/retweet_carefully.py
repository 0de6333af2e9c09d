"""Guideline ``retweet-carefully``: share what your audience will value, not praise of yourself.

Rules SN101-SN103. A rule judges a habit over a window, never a single repost.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from typing import cast
from urllib.parse import urlsplit

from ..core.checks import CheckContext, Finding, Option, Rule, Severity, check_function
from ..core.hookspecs import hookimpl
from ..core.models import Action, ActionKind, Post
from ..core.ruleparts import DATA_OWN_POSTS, DATA_SHARED_POSTS
from ..core.timeline import Timeline
from ._common import (
    actions_between,
    densest_window,
    month,
    percent,
    subject_networks,
    trailing_share,
)

GUIDELINE = "retweet-carefully"

_ACCOUNT = (
    '{"type": "account", "id": "twitter:brand", "network": "twitter", "subject": "brand", '
    '"handle": "@brand", "url": "https://brand.example"}\n'
)


def _fan_post(i: int, text: str) -> str:
    return (
        f'{{"type": "action", "id": "p{i}", "kind": "post", "actor": "twitter:fan{i}", '
        f'"at": "2026-02-0{i}T09:00:00Z", "post": {{"id": "twitter:f{i}", "text": "{text}"}}}}\n'
    )


def _repost(i: int) -> str:
    return (
        f'{{"type": "action", "id": "r{i}", "kind": "repost", "actor": "twitter:brand", '
        f'"at": "2026-02-0{i}T10:00:00Z", "target": "twitter:f{i}"}}\n'
    )


_PRAISE = [
    "Thanks @brand!",
    "@brand you rock",
    "Love @brand so much",
    "Cheers @brand!!",
    "@brand best team ever",
    "So happy with @brand",
]
_USEFUL = [
    "Field notes on composting at scale https://notes.example/1",
    "How cities measure tree cover, with maps https://maps.example/2",
    "A long read on repairing old tents https://read.example/3",
    "Survey results on commuter cycling https://data.example/4",
    "Why seed libraries matter for farmers https://seed.example/5",
    "Great thread by @brand and others on river cleanups https://rivers.example/6",
]

#: Six reposts of fans' praise, and six reposts of useful posts: the examples of SN101 and SN103.
_PRAISE_REPOSTS = _ACCOUNT + "".join(_fan_post(i, _PRAISE[i - 1]) + _repost(i) for i in range(1, 7))
_USEFUL_REPOSTS = _ACCOUNT + "".join(_fan_post(i, _USEFUL[i - 1]) + _repost(i) for i in range(1, 7))

SELF_MENTION_REPOSTS = Rule(
    code="SN101",
    name="self-mention-reposts",
    needs={DATA_SHARED_POSTS},
    habit=True,
    summary="Most of what the account reposts or quotes is other people mentioning it.",
    why=(
        "Passing on every compliment you receive tells followers that the account is "
        "there to talk about itself. Followers came for things that interest them; "
        "a feed of second-hand praise gives them nothing and reads as vanity."
    ),
    severity=Severity.WARNING,
    example=_PRAISE_REPOSTS,
    quiet_example=_USEFUL_REPOSTS,
    options=(
        Option(
            "window_days",
            30,
            "Length of the sliding window the share is measured over. "
            "A month holds enough reposts to show a habit and is short enough to show a change.",
        ),
        Option(
            "min_shares",
            5,
            "Fewest reposts and quotes in a window before a share is judged; "
            "with fewer, two thank-you reposts would already look like a habit.",
        ),
        Option(
            "threshold",
            0.5,
            "Share of self-mention reposts that raises a warning. The rule of "
            "thirds (Hootsuite) keeps self-promotion to a third of what you share; at half, "
            "self-praise is clearly the account's main kind of sharing.",
        ),
        Option(
            "error_threshold",
            0.75,
            "Share that raises an error: three in four shares are about the account itself.",
        ),
    ),
)

SELF_CENTRED_SHARING = Rule(
    code="SN102",
    name="self-centred-sharing",
    needs={DATA_SHARED_POSTS, DATA_OWN_POSTS},
    habit=True,
    summary="Reposts and links point almost only at the account's own posts and websites.",
    why=(
        "An account that only ever shares its own posts and its own site is an advert, "
        "not a member of a community. Sharing what others make earns attention for your "
        "own work; sharing only your own work spends it."
    ),
    severity=Severity.WARNING,
    example=_ACCOUNT
    + "".join(
        f'{{"type": "action", "id": "o{i}", "kind": "post", "actor": "twitter:brand", '
        f'"at": "2026-02-0{i}T09:00:00Z", "post": {{"id": "twitter:o{i}", '
        f'"text": "New on our blog, part {i} https://brand.example/blog/{i}"}}}}\n'
        for i in range(1, 8)
    ),
    quiet_example=_ACCOUNT
    + "".join(
        f'{{"type": "action", "id": "o{i}", "kind": "post", "actor": "twitter:brand", '
        f'"at": "2026-02-0{i}T09:00:00Z", "post": {{"id": "twitter:o{i}", '
        f'"text": "Worth reading, part {i} https://{"brand" if i == 1 else "others"}.example/{i}"}}}}\n'
        for i in range(1, 8)
    ),
    options=(
        Option(
            "window_days",
            30,
            "Length of the sliding window the share is measured over: a "
            "month, as for SN101, long enough to show a habit rather than a busy day.",
        ),
        Option(
            "min_items",
            6,
            "Fewest shared items (reposts, quotes and links) in a window before "
            "the share is judged; a handful of posts about a launch is not yet a habit.",
        ),
        Option(
            "threshold",
            0.8,
            "Share of own items that raises a warning. The 80/20 rule of "
            "content marketing keeps promotion near 20%; we warn only at the mirror image, "
            "80% own, so that a brand's normal publishing stays quiet.",
        ),
        Option(
            "error_threshold",
            0.95,
            "Share that raises an error: practically nothing of anyone else is shared.",
        ),
    ),
)

LOW_VALUE_REPOSTS = Rule(
    code="SN103",
    name="low-value-reposts",
    needs={DATA_SHARED_POSTS},
    habit=True,
    summary="Many reposts carry nothing for the audience: no link, no media, hardly any words.",
    why=(
        "A repost puts someone else's post in every follower's feed. A bare thank-you or "
        "a one-line cheer has no information in it for them, so a habit of such reposts "
        "fills their feed with noise."
    ),
    severity=Severity.WARNING,
    example=_PRAISE_REPOSTS,
    quiet_example=_USEFUL_REPOSTS,
    options=(
        Option(
            "window_days",
            30,
            "Length of the sliding window the share is measured over: a "
            "month, as for SN101, long enough to show a habit rather than a busy day.",
        ),
        Option(
            "min_shares",
            5,
            "Fewest reposts in a window before the share is judged; with "
            "fewer, a couple of quick cheers would already look like a habit.",
        ),
        Option(
            "min_words",
            8,
            "A shared post with no link and no media needs at least this many "
            "words (mentions, hashtags and links aside) to count as substance: enough for a "
            "sentence that says something, more than a thank-you or a cheer.",
        ),
        Option(
            "threshold",
            0.5,
            "Share of low-value reposts that raises a warning: half the "
            "reposts carry nothing for the audience.",
        ),
        Option(
            "error_threshold",
            0.75,
            "Share that raises an error: three reposts in four give the audience nothing.",
        ),
    ),
)

RULES = (SELF_MENTION_REPOSTS, SELF_CENTRED_SHARING, LOW_VALUE_REPOSTS)

SUGGEST_SN101 = (
    "Thank people for praise with a reply or a like instead of a repost, and repost "
    "what your followers would find useful: news, guides and other people's work."
)
SUGGEST_SN102 = (
    "Mix in other people's work: repost or link a useful article, a customer's story "
    "or a peer's post for every one or two of your own."
)
SUGGEST_SN103 = (
    "Before reposting, ask what a follower learns from it. Answer short thank-yous "
    "directly, and repost posts that carry a link, a picture or an idea."
)

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
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STRIP = re.compile(r"(?:https?://|www\.)\S+|[@#][\w.-]+")


def shared_post(timeline: Timeline, action: Action) -> Post | None:
    """The post a repost or quote shares: embedded in the action, else from the timeline."""
    if action.kind is ActionKind.REPOST and action.post is not None:
        return action.post
    return timeline.post(action.target) if action.target else None


def _host(url: str) -> str:
    if "://" not in url:
        url = "http://" + url
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def own_domains(timeline: Timeline, subject: str) -> frozenset[str]:
    """Domains of the subject's own sites, from its accounts' ``url`` fields."""
    hosts = {_host(a.url) for a in timeline.accounts_of(subject) if a.url}
    return frozenset(h for h in hosts if h and h not in _SHARED_HOSTS)


def _is_own_link(url: str, domains: frozenset[str]) -> bool:
    host = _host(url)
    return any(host == d or host.endswith("." + d) for d in domains)


def _about_subject(timeline: Timeline, post: Post, own: frozenset[str]) -> bool:
    """Whether a post by someone else mentions, replies to or quotes the subject."""
    if own.intersection(timeline.text(post).mentions):
        return True
    for parent in (post.in_reply_to, post.quotes):
        if parent:
            original = timeline.post(parent)
            if original is not None and original.author in own:
                return True
    return False


def _substance(text: str) -> int:
    return len(_WORD.findall(_STRIP.sub(" ", text)))


def _shares(timeline: Timeline, account_id: str) -> list[Action]:
    reposts = timeline.by_actor(account_id, ActionKind.REPOST)
    quotes = timeline.by_actor(account_id, ActionKind.QUOTE)
    return sorted((*reposts, *quotes), key=lambda a: (a.at, a.id))


# -- the judgement of one action, shared by the check and the review ----------------------


def self_mention_item(timeline: Timeline, action: Action, own: frozenset[str]) -> bool | None:
    """SN101: whether a repost or quote shares someone else's post about the subject;
    ``None`` when it does not count (shared post unknown, or the subject's own)."""
    post = shared_post(timeline, action)
    if post is None or post.author in own:
        return None
    return _about_subject(timeline, post, own)


def self_centred_items(
    timeline: Timeline, action: Action, own: frozenset[str], domains: frozenset[str]
) -> list[bool]:
    """SN102: the shared items of one action, each flagged when it is the subject's own:
    a repost or quote of a post (own when by the subject or linking its site), and
    each link of a post or quote (own when on the subject's site)."""
    items = []
    if action.kind in (ActionKind.REPOST, ActionKind.QUOTE):
        post = shared_post(timeline, action)
        if post is not None and post.author is not None:
            links = timeline.text(post).links
            own_link = bool(domains) and any(_is_own_link(link, domains) for link in links)
            items.append(post.author in own or own_link)
    if domains and action.kind in (
        ActionKind.POST,
        ActionKind.QUOTE,
    ):  # replies converse, not share
        post = cast(Post, action.post)  # a post or quote always has one
        items.extend(_is_own_link(link, domains) for link in timeline.text(post).links)
    return items


def low_value_item(
    timeline: Timeline, action: Action, own: frozenset[str], min_words: int
) -> bool | None:
    """SN103: whether a repost shares a post with no link, no media and fewer than
    ``min_words`` words; ``None`` when it does not count (a quote, an unknown or own post)."""
    if action.kind is not ActionKind.REPOST:
        return None  # a quote adds the account's own words
    post = shared_post(timeline, action)
    if post is None or post.author in own:
        return None
    return not timeline.text(post).links and not post.media and _substance(post.text) < min_words


# -- review of one draft ---------------------------------------------------------------------

_SHARING = (ActionKind.REPOST, ActionKind.QUOTE)


def review_draft(ctx: CheckContext, draft: Action) -> Iterator[Finding]:
    """Nudge when a draft repost, quote or post is one more of a habit the rules
    report: the window of ``window_days`` that ends with the draft crosses the
    threshold, and the draft itself is one of the flagged items."""
    timeline = ctx.timeline
    subject = timeline.subject_of(draft.actor)
    if subject is None or draft.kind not in (*_SHARING, ActionKind.POST):
        return
    network = timeline.network_of(draft.actor)
    account_ids = subject_networks(timeline, subject).get(network, (draft.actor,))
    own = frozenset(a.id for a in timeline.accounts_of(subject))

    def recent(code: str, kinds: tuple[ActionKind, ...]) -> list[Action]:
        since = draft.at - timedelta(days=ctx.option(code, "window_days", network))
        return actions_between(timeline, account_ids, kinds, since, draft.at)

    kind = "quote" if draft.kind is ActionKind.QUOTE else draft.kind.value
    if ctx.enabled("SN101") and self_mention_item(timeline, draft, own):
        items = [
            (a, f)
            for a in recent("SN101", _SHARING)
            if (f := self_mention_item(timeline, a, own)) is not None
        ]
        yield from _nudge(
            ctx,
            "SN101",
            subject,
            network,
            draft,
            [*items, (draft, True)],
            "min_shares",
            f"This {kind} shares a post that praises or mentions the account itself",
            "reposts and quotes",
            "about the account",
            SUGGEST_SN101,
        )
    if ctx.enabled("SN102"):
        domains = own_domains(timeline, subject)
        mine = self_centred_items(timeline, draft, own, domains)
        if any(mine):
            kinds = (*_SHARING, ActionKind.POST) if domains else _SHARING
            items = [
                (a, f)
                for a in recent("SN102", kinds)
                for f in self_centred_items(timeline, a, own, domains)
            ]
            yield from _nudge(
                ctx,
                "SN102",
                subject,
                network,
                draft,
                [*items, *((draft, f) for f in mine)],
                "min_items",
                f"This {kind} points at the account's own posts or website",
                "shared posts and links",
                "the account's own",
                SUGGEST_SN102,
            )
    if ctx.enabled("SN103"):
        min_words = ctx.option("SN103", "min_words", network)
        if low_value_item(timeline, draft, own, min_words):
            items = [
                (a, f)
                for a in recent("SN103", (ActionKind.REPOST,))
                if (f := low_value_item(timeline, a, own, min_words)) is not None
            ]
            yield from _nudge(
                ctx,
                "SN103",
                subject,
                network,
                draft,
                [*items, (draft, True)],
                "min_shares",
                f"This repost shares a post with no link, no media and fewer than {min_words} words",
                "reposts",
                "empty for the audience",
                SUGGEST_SN103,
            )


def _nudge(
    ctx: CheckContext,
    code: str,
    subject: str,
    network: str,
    draft: Action,
    items: list[tuple[Action, bool]],
    min_name: str,
    what: str,
    counted: str,
    flagged_items: str,
    suggestion: str,
) -> Iterator[Finding]:
    share = trailing_share(items, ctx.option(code, min_name, network))
    if share is None:
        return
    severity = _severity(ctx, code, network, share)
    if severity is None:
        return
    flagged = [a.id for a, f in items if f]
    days = ctx.option(code, "window_days", network)
    yield ctx.finding(
        code,
        subject=subject,
        account=draft.actor,
        network=network,
        message=(
            f"{what}: with it, {len(flagged)} of {len(items)} {counted} in the last {days:g} days "
            f"would be {flagged_items} ({percent(share)})."
        ),
        suggestion=suggestion,
        evidence=[draft.id, *flagged],
        metrics={
            "flagged": len(flagged),
            "items": len(items),
            "share": round(share, 3),
            "days": days,
        },
        severity=severity,
    )


@check_function(GUIDELINE, RULES, review=review_draft)
def retweet_carefully(ctx: CheckContext) -> Iterator[Finding]:
    """Self-mention reposts, self-centred sharing and low-value reposts per subject and network."""
    timeline = ctx.timeline
    for subject in timeline.subjects:
        own = frozenset(a.id for a in timeline.accounts_of(subject))
        domains = own_domains(timeline, subject)
        for network, account_ids in subject_networks(timeline, subject).items():
            shares = [s for account_id in account_ids for s in _shares(timeline, account_id)]
            shares.sort(key=lambda a: (a.at, a.id))
            yield from _self_mentions(ctx, subject, network, shares, own)
            if ctx.enabled("SN102"):
                yield from _self_centred(ctx, subject, network, account_ids, shares, own, domains)
            if ctx.enabled("SN103"):
                yield from _low_value(ctx, subject, network, shares, own)


def _window_finding(
    ctx: CheckContext,
    code: str,
    subject: str,
    network: str,
    items: list[tuple[Action, bool]],
    min_name: str,
) -> tuple[list[tuple[Action, bool]], float, Severity] | None:
    window = timedelta(days=ctx.option(code, "window_days", network))
    found = densest_window(items, window, ctx.option(code, min_name, network))
    if found is None:
        return None
    start, stop, share = found
    severity = _severity(ctx, code, network, share)
    if severity is None:
        return None
    return items[start:stop], share, severity


def _severity(ctx: CheckContext, code: str, network: str, share: float) -> Severity | None:
    """A warning from ``threshold`` on, an error from ``error_threshold``; ``None`` below."""
    if share < ctx.option(code, "threshold", network):
        return None
    return (
        Severity.ERROR
        if share >= ctx.option(code, "error_threshold", network)
        else Severity.WARNING
    )


def _self_mentions(
    ctx: CheckContext, subject: str, network: str, shares: list[Action], own: frozenset[str]
) -> Iterator[Finding]:
    timeline = ctx.timeline
    items = []
    monthly: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for action in shares:
        flagged = self_mention_item(timeline, action, own)
        if flagged is None:
            continue  # unknown shared posts cannot be judged; own ones are SN102's concern
        items.append((action, flagged))
        counts = monthly[month(action.at)]
        counts[0] += flagged
        counts[1] += 1
    for period, (mentions, total) in sorted(monthly.items()):
        ctx.measure(subject, network, "self_mention_share", round(mentions / total, 3), period)
    if not ctx.enabled("SN101"):
        return
    found = _window_finding(ctx, "SN101", subject, network, items, "min_shares")
    if found is None:
        return
    window, share, severity = found
    evidence = [a.id for a, flagged in window if flagged]
    days = (window[-1][0].at - window[0][0].at).days + 1
    yield ctx.finding(
        "SN101",
        subject=subject,
        account=window[-1][0].actor,
        network=network,
        message=(
            f"{len(evidence)} of {len(window)} reposts and quotes in {days} days "
            f"({percent(share)}) share posts that mention or answer the account itself."
        ),
        suggestion=SUGGEST_SN101,
        evidence=evidence,
        metrics={
            "self_mention_reposts": len(evidence),
            "shares": len(window),
            "share": round(share, 3),
            "days": days,
        },
        severity=severity,
    )


def _self_centred(
    ctx: CheckContext,
    subject: str,
    network: str,
    account_ids: tuple[str, ...],
    shares: list[Action],
    own: frozenset[str],
    domains: frozenset[str],
) -> Iterator[Finding]:
    timeline = ctx.timeline
    items: list[tuple[Action, bool]] = []
    posts = [
        a for account_id in account_ids for a in timeline.by_actor(account_id, ActionKind.POST)
    ]
    for action in (*shares, *(posts if domains else ())):
        items.extend(
            (action, flagged) for flagged in self_centred_items(timeline, action, own, domains)
        )
    items.sort(key=lambda item: (item[0].at, item[0].id))
    found = _window_finding(ctx, "SN102", subject, network, items, "min_items")
    if found is None:
        return
    window, share, severity = found
    own_items = [a.id for a, flagged in window if flagged]
    yield ctx.finding(
        "SN102",
        subject=subject,
        account=window[-1][0].actor,
        network=network,
        message=(
            f"{len(own_items)} of {len(window)} shared posts and links ({percent(share)}) "
            "point at the account's own posts or websites."
        ),
        suggestion=SUGGEST_SN102,
        evidence=dict.fromkeys(own_items),
        metrics={
            "own": len(own_items),
            "items": len(window),
            "share": round(share, 3),
            "own_domains": sorted(domains),
        },
        severity=severity,
    )


def _low_value(
    ctx: CheckContext, subject: str, network: str, shares: list[Action], own: frozenset[str]
) -> Iterator[Finding]:
    timeline = ctx.timeline
    min_words = ctx.option("SN103", "min_words", network)
    items = []
    for action in shares:
        empty = low_value_item(timeline, action, own, min_words)
        if empty is not None:
            items.append((action, empty))
    found = _window_finding(ctx, "SN103", subject, network, items, "min_shares")
    if found is None:
        return
    window, share, severity = found
    evidence = [a.id for a, flagged in window if flagged]
    yield ctx.finding(
        "SN103",
        subject=subject,
        account=window[-1][0].actor,
        network=network,
        message=(
            f"{len(evidence)} of {len(window)} reposts ({percent(share)}) share posts with no "
            f"link, no media and fewer than {min_words} words."
        ),
        suggestion=SUGGEST_SN103,
        evidence=evidence,
        metrics={
            "low_value_reposts": len(evidence),
            "reposts": len(window),
            "share": round(share, 3),
        },
        severity=severity,
    )


@hookimpl
def register_checks(register) -> None:
    register(retweet_carefully)
