"""What the tests of personalize-invitations share: a stand-in LinkedIn profile (with
the stock invitation texts the tests rely on, whatever network plugins are
installed), the subject ``acme`` with the people it invites, personal notes in
several languages, and a runner of the guideline alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from socialnorms import Action, Checker, Config, Finding, NetworkProfile, Report, Reviewer
from socialnorms.guidelines.personalize_invitations import personalize_invitations
from socialnorms.testing import TimelineBuilder, as_plugin, isolated_plugin_manager, run_checks

LINKEDIN = NetworkProfile(
    id="linkedin",
    name="LinkedIn",
    purpose="Professional reputation and networking.",
    max_length=3000,
    invitations=True,
    default_invitations=(
        "I'd like to add you to my professional network on LinkedIn.",
        "I'd like to connect with you on LinkedIn.",
    ),
    one_way_follows=False,
)

#: handle -> (name, bio) of the people acme invites on LinkedIn.
PEOPLE = {
    "jane": ("Jane Doe", "Head of growth at a running-shoe brand"),
    "omar": ("Omar Haddad", "Analytics lead, cohort dashboards"),
    "li_wei": ("Li Wei", None),
    "sara_k": ("Sara K", "Podcast producer"),
    "tomas": ("Tomás Ruiz", None),
    "yuki": ("田中 由紀", None),
}

#: A personal note to each of :data:`PEOPLE`, in English, Spanish and Japanese.
PERSONAL = {
    "jane": "Jane, great talking with you after the panel at MarTech Boston about attribution windows.",
    "omar": "Omar, thanks for the tip on cohort dashboards at Tuesday's analytics meetup.",
    "li_wei": "Hi Li! We sat together at the Content Marketing World lunch; let's stay in touch.",
    "sara_k": "Hello Sara, your talk on podcast ads in Chicago changed how we budget for audio.",
    "tomas": "Hola Tomás, fue un placer conocerte en el taller de Madrid sobre email marketing 🎉",
    "yuki": "田中さん、先日の勉強会でお会いできて嬉しかったです。またお話ししましょう！",
}


def acme_builder(*, subject: bool = True) -> TimelineBuilder:
    """A builder with acme's LinkedIn account (of the subject ``acme`` unless
    ``subject`` is false) and the accounts of :data:`PEOPLE`."""
    builder = TimelineBuilder(start="2026-03-02T09:00:00Z")
    builder.account("linkedin:acme", subject="acme" if subject else None, name="Acme")
    for handle, (name, bio) in PEOPLE.items():
        builder.account(f"linkedin:{handle}", handle=f"@{handle}", name=name, bio=bio)
    return builder


def run_guideline(
    source: TimelineBuilder | str,
    select: Iterable[str] = (),
    *,
    options: dict[str, dict[str, object]] | None = None,
    profiles: bool = True,
) -> Report:
    """Check ``source`` with personalize-invitations alone: the rules ``select`` (all by
    default), with ``options``, and the stand-in LinkedIn profile unless ``profiles``
    is false."""
    config = Config(select=tuple(select), options=options or {})
    return run_checks(
        source, personalize_invitations, networks=[LINKEDIN] if profiles else [], config=config
    )


def review_draft(
    history: TimelineBuilder, draft: Action, select: Iterable[str] = ()
) -> tuple[list[Finding], tuple[str, ...]]:
    """The nudges of the guideline alone (the rules ``select``, all by default) for
    ``draft`` against the builder's actions, and the reviewer's notes."""
    pm = isolated_plugin_manager()
    pm.register(as_plugin(personalize_invitations, networks=[LINKEDIN]), name="under-test")
    checker = Checker(config=Config(select=tuple(select)), plugin_manager=pm, strict=True)
    reviewer = Reviewer(history.build(), checker=checker)
    return reviewer(draft), reviewer.notes


@pytest.fixture(scope="session")
def review() -> Callable[..., tuple[list[Finding], tuple[str, ...]]]:
    """:func:`review_draft`."""
    return review_draft


@pytest.fixture(scope="session")
def acme() -> Callable[..., TimelineBuilder]:
    """:func:`acme_builder`: a fresh builder at each call."""
    return acme_builder


@pytest.fixture(scope="session")
def check() -> Callable[..., Report]:
    """:func:`run_guideline`."""
    return run_guideline


@pytest.fixture(scope="session")
def personal() -> dict[str, str]:
    """:data:`PERSONAL`: a personal note for each invited person."""
    return dict(PERSONAL)


@pytest.fixture(scope="session")
def linkedin() -> NetworkProfile:
    """The stand-in LinkedIn profile."""
    return LINKEDIN
