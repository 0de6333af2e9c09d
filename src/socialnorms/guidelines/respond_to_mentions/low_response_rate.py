"""SN502 ``low-response-rate``: the account answers too few of the mentions it receives.

A habit (:mod:`.._habit`) over the whole history where lower is worse: each mention
due an answer is an item, flagged when answered within the answer window. Judged by
the check only: no draft of the account is a mention, so none lowers the rate.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...core.checks import CheckContext, Finding, Rule, Severity
from ...core.ruleparts import DATA_MENTIONS_RECEIVED, DATA_OWN_POSTS, Chart, option, rule_examples
from .._common import percent
from .._habit import HabitOptions, worst_window
from ._shared import Mentions


class Options(HabitOptions):
    minimum_option = "min_mentions"
    lower_is_worse = True

    threshold: float = option(
        0.5,
        "Response rate below which a warning is raised: the account "
        "leaves most people unanswered. Brands answered about one message in nine in "
        "Sprout Social's 2016 index, which audiences resented; half is a modest bar.",
    )
    error_threshold: float = option(
        0.25, "Rate below which the finding is an error: three in four people are ignored."
    )
    min_mentions: int = option(
        3,
        "Fewest mentions due an answer before the rate is judged; "
        "with one or two, a single miss is the whole picture.",
    )
    answer_window_days: float = option(
        7,
        "How long after a mention an answer still counts "
        "toward the response rate, even if it came late.",
    )


_EXAMPLE, _QUIET_EXAMPLE = rule_examples(__file__)

RULE = Rule(
    code="SN502",
    name="low-response-rate",
    needs={DATA_MENTIONS_RECEIVED, DATA_OWN_POSTS},
    charts=(
        Chart(
            ident="response-rate",
            title="Share of mentions answered",
            measurement="response_rate",
            kind="bar",
            desc="Share of mentions of the subject that received a reply, per network.",
            absent="No response rates were measured.",
            unit="share",
            max_value=1.0,
        ),
    ),
    habit=True,
    summary="The account answers too few of the mentions and replies it receives.",
    why=(
        "One missed mention is an accident; answering only a few of them is a habit that "
        "turns a social account into a notice board. Replies the author engages with also "
        "weigh far more than likes in feed ranking, so answering raises the account's reach."
    ),
    instead=(
        "Go through the unanswered mentions and reply; then check mentions regularly, "
        "and answer rather than only like or repost."
    ),
    severity=Severity.WARNING,
    example=_EXAMPLE,
    quiet_example=_QUIET_EXAMPLE,
    settings=Options,
)


def check(ctx: CheckContext, mentions: Mentions) -> Iterator[Finding]:
    """The response rate of a subject on a network, when it is too low."""
    scope = mentions.scope
    opts = Options.resolve(ctx, scope.network)
    items = [(m.action, m.answer is not None) for m in mentions.due]
    window = worst_window(items, opts)
    if window is None:
        return
    # Without window_days the window is the whole history: every mention due an answer.
    median = mentions.median_minutes
    unanswered = [m for m in mentions.due if m.answer is None]
    timing = (
        f"; the answers came after a median of {median:g} minutes" if median is not None else ""
    )
    due, answered = len(mentions.due), len(mentions.answered)
    yield ctx.finding(
        RULE.code,
        subject=scope.subject,
        account=scope.account_ids[0] if len(scope.account_ids) == 1 else None,
        network=scope.network,
        message=(
            f"Answered {answered} of {due} mentions and replies from genuine accounts "
            f"({percent(window.share)}){timing}; "
            f"{len(mentions.acknowledged_only)} got only a like or repost."
        ),
        suggestion=(
            f"Go through the {len(unanswered)} unanswered mentions and reply; then check "
            f"mentions at least every {scope.hours:g} hours, "
            "and answer rather than only like or repost."
        ),
        evidence=[m.action.id for m in unanswered],
        metrics={
            "mentions": due,
            "answered": answered,
            "on_time": len(mentions.on_time),
            "acknowledged_only": len(mentions.acknowledged_only),
            "response_rate": round(window.share, 3),
            "median_response_minutes": median,
            "pending": mentions.pending,
        },
        severity=window.severity,
    )
