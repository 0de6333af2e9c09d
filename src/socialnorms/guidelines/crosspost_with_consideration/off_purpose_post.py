"""SN201 off-purpose-post: posts on a topic the network's audience does not come for."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.models import Action, ActionKind
from ...core.ruleparts import DATA_OWN_POSTS, RuleOptions, option, rule_examples
from ._shared import NetworkScope, display, post_of

__all__ = ["RULE", "Options", "check", "review"]

NEEDS_PROFILE = True

_INSTEAD = (
    "Keep {topic} for the networks whose audience enjoys it{purpose}; "
    "turn off automatic forwarding for such posts."
)


class Options(RuleOptions):
    """How clear a topic, and how unwelcome, makes a post off-purpose."""

    min_confidence: float = option(
        0.35,
        "A post is off-purpose when the topic model's score for a topic, times the weight "
        "the network's profile gives that topic as unwelcome, reaches this value. 0.35 asks "
        "for a clear topic on a clearly unwelcome one; a passing word does not count.",
    )
    min_unwelcome: float = option(
        0.7,
        "Only topics the profile marks as clearly unwelcome (this weight or more) are "
        "judged. Lower weights mark topics the audience tolerates in moderation, such as a "
        "brand's news on a network that dislikes advertising; one post on them is no breach.",
    )
    min_posts: int = option(
        2,
        "Native posts (not copies) are reported as a warning from this many posts on one "
        "unwelcome topic; a single one is reported for information. Copies are always a "
        "warning: they are exactly the thoughtless forwarding the guideline is about.",
    )


_EXAMPLE, _QUIET = rule_examples(__file__)

RULE = Rule(
    code="SN201",
    name="off-purpose-post",
    needs={DATA_OWN_POSTS},
    summary="A post whose topic the network's audience does not come for.",
    why=(
        "Each network has its own audience and reason for being there. Chatter that "
        "entertains followers on one network reads as noise, or as unprofessional, where "
        "people come for their work; it spends the attention of an audience that did not "
        "ask for it."
    ),
    instead=_INSTEAD.format(topic="the topic", purpose=""),
    example=_EXAMPLE,
    quiet_example=_QUIET,
    settings=Options,
)


def check(ctx: CheckContext, scope: NetworkScope) -> Iterator[Finding]:
    """One finding per account and unwelcome topic, citing every post on it."""
    return _off_purpose(ctx, scope, scope.actions)


def review(ctx: CheckContext, draft: Action, scope: NetworkScope) -> Iterator[Finding]:
    """A nudge when the draft itself is on an unwelcome topic."""
    return _off_purpose(ctx, scope, [draft])


def _off_purpose(
    ctx: CheckContext, scope: NetworkScope, actions: Sequence[Action]
) -> Iterator[Finding]:
    profile, network, copies = scope.profile, scope.network, scope.copies
    if not profile.unwelcome_topics:
        return
    model = getattr(ctx, "topics", None)
    if model is None or len(model) == 0:
        ctx.note("no topics are installed: off-purpose posts were not checked")
        return
    opts = Options.resolve(ctx, network)
    hits: dict[tuple[str, str], list[tuple[Action, float, tuple[str, ...]]]] = defaultdict(list)
    for action in actions:
        if action.kind is ActionKind.REPLY:
            continue
        for match in model.classify(post_of(action).text):
            unwelcome = profile.unwelcome_topics.get(match.topic, 0.0)
            welcome = profile.welcome_topics.get(match.topic, 0.0)
            if (
                unwelcome >= opts.min_unwelcome
                and unwelcome > welcome
                and match.score * unwelcome >= opts.min_confidence
            ):
                hits[action.actor, match.topic].append((action, match.score, match.terms))
    for (account, topic), found in sorted(hits.items()):
        copied = [action for action, _score, _terms in found if action.id in copies]
        terms = tuple(dict.fromkeys(term for _a, _s, found_terms in found for term in found_terms))
        origins = sorted({display(ctx, copies[a.id].origin) for a in copied})
        severity = Severity.WARNING if copied or len(found) >= opts.min_posts else Severity.INFO
        if not copied:
            copy_note = ""
        elif len(found) == 1:
            copy_note = f", copied from {', '.join(origins)}"
        else:
            copy_note = f", {len(copied)} of them copied from {', '.join(origins)}"
        purpose = (
            f" ({profile.purpose.rstrip('.')} is what people come to {profile.name} for)"
            if profile.purpose
            else ""
        )
        yield ctx.finding(
            RULE.code,
            subject=scope.subject,
            account=account,
            message=(
                f"{len(found)} post{'s' if len(found) != 1 else ''} about {topic} on "
                f"{display(ctx, network)}{copy_note}; its audience does not come for {topic} "
                f"(terms: {', '.join(terms[:6])})"
            ),
            suggestion=_INSTEAD.format(topic=topic, purpose=purpose),
            evidence=[action.id for action, _score, _terms in found],
            metrics={
                "topic": topic,
                "posts": len(found),
                "copied": len(copied),
                "unwelcome_weight": profile.unwelcome_topics[topic],
                "max_score": round(max(score for _a, score, _t in found), 3),
                "terms": list(terms),
            },
            severity=severity,
        )
