"""SN200 crossposts: the tally of the posts an account copied from another network.

Its options are those of copy detection (:mod:`._copies`), which every rule of the
guideline reads.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind
from ...core.ruleparts import (
    DATA_OTHER_NETWORKS,
    DATA_OWN_POSTS,
    RuleOptions,
    option,
    rule_examples,
)
from ._shared import Copy, SubjectScope, display

__all__ = ["RULE", "Options", "check", "review"]

NEEDS_PROFILE = False

_INSTEAD = (
    "Copies are fine when they suit the audience; check that each one reads as if "
    "it were written for {network}."
)


class Options(RuleOptions):
    """When two posts are a copy and its original."""

    window_hours: int = option(
        24,
        "Two near-identical posts on different networks count as a cross-post when they "
        "are at most this many hours apart (and do not point at different links). A day "
        "covers schedulers that stagger a campaign across time zones; a repeat days later "
        "is a re-run, not a copy.",
    )
    similarity: float = option(
        0.7,
        "Jaccard similarity of word triples (links dropped) from which two texts are "
        "'nearly the same'. At 0.7 a changed link, emoji or hashtag still matches, while a "
        "text rewritten for the audience does not.",
    )
    automation_sources: Sequence[str] = option(
        ("buffer", "hootsuite", "ifttt", "zapier", "dlvr.it", "crossposter", "bridgy", "moa"),
        "Posting tools whose name in a post's source or via marks it as a copy. These "
        "tools exist to publish one text on several networks at once.",
    )


_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN200",
    name="crossposts",
    needs={DATA_OWN_POSTS, DATA_OTHER_NETWORKS},
    summary="Posts copied from one network to another (for information).",
    why=(
        "Copying a message to every network is not wrong in itself, but each copy lands "
        "before a different audience. Knowing how much of an account's output is copied "
        "is the starting point for judging whether the copies suit where they land."
    ),
    instead=_INSTEAD.format(network="the network it lands on"),
    severity=Severity.INFO,
    example=_EXAMPLE,
    quiet_example=_QUIET,
    settings=Options,
)


def check(ctx: CheckContext, scope: SubjectScope) -> Iterator[Finding]:
    """One finding per account and network that copies landed on."""
    grouped: dict[tuple[str, str], list[Copy]] = defaultdict(list)
    for copy in scope.copies.values():
        grouped[copy.action.actor, copy.network].append(copy)
    for (account, network), found in sorted(grouped.items()):
        found.sort(key=lambda copy: (copy.action.at, copy.action.id))
        origins = Counter(display(ctx, copy.origin) for copy in found)
        where = ", ".join(f"{count} from {name}" for name, count in sorted(origins.items()))
        total = len(ctx.timeline.by_actor(account, ActionKind.POST)) + len(
            ctx.timeline.by_actor(account, ActionKind.QUOTE)
        )
        yield ctx.finding(
            RULE.code,
            subject=scope.subject,
            account=account,
            message=f"{len(found)} posts on {display(ctx, network)} are copies ({where}), of {total} posts there",
            suggestion=_INSTEAD.format(network=display(ctx, network)),
            evidence=[copy.action.id for copy in found],
            metrics={"crossposts": len(found), "posts": total},
        )


def review(ctx: CheckContext, draft: Action, scope: SubjectScope) -> Iterator[Finding]:
    """Nothing: a copy is fine in itself, and the tally is information, not a nudge."""
    return iter(())
