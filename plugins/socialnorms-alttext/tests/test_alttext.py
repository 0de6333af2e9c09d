"""ALT001 and ALT002 through the public kit only: flagged, quiet, documented, properties."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialnorms
import socialnorms_alttext
from socialnorms import Config, Media, Timeline
from socialnorms.engine.review import agrees
from socialnorms.testing import (
    TimelineBuilder,
    assert_findings,
    assert_quiet,
    check_rule_examples,
    isolated_plugin_manager,
    registered,
    run_checks,
)
from socialnorms.testing.strategies import activity

CHECK = socialnorms_alttext.describe_images
MAP = "Map of the Ridge loop: 12 km, the steep part after the second bridge."
TEAM = "Five of us at the trailhead in the rain, waving."


def image(alt=None, kind="image"):
    return {"type": kind} if alt is None else {"type": kind, "alt": alt}


def acme(network="mastodon"):
    return TimelineBuilder().subject("acme", f"{network}:acme").account(f"{network}:jane")


# -- ALT001 ------------------------------------------------------------------------------------


def test_undescribed_images_are_flagged_once_per_account_with_every_post():
    builder = (
        acme()
        .post("mastodon:acme", "Ridge loop today", id="p1", media=[image()])
        .post("mastodon:acme", "And the view", id="p2", media=[image(MAP)])
        .reply("mastodon:acme", "Here is the map", id="p3", media=[image(MAP), image("  ")])
    )
    (finding,) = assert_findings(
        run_checks(builder, CHECK), codes={"ALT001"}, evidence={"p1", "p3"}, count=1
    )
    assert finding.account == "mastodon:acme" and finding.network == "mastodon"
    assert finding.metrics == {
        "posts_with_images": 3,
        "undescribed_posts": 2,
        "undescribed_images": 2,
        "share": 0.667,
    }
    assert "2 of 3 posts with images" in finding.message


@pytest.mark.parametrize("network", ["mastodon", "bluesky", "linkedin"])
def test_networks_whose_audience_expects_descriptions(network):
    builder = acme(network).post(f"{network}:acme", "New boots", id="p1", media=[image()])
    assert_findings(run_checks(builder, CHECK), codes={"ALT001"}, evidence={"p1"})


def test_other_networks_only_when_configured():
    builder = acme("twitter").post("twitter:acme", "New boots", id="p1", media=[image()])
    assert_quiet(run_checks(builder, CHECK))
    config = Config(options={"ALT001": {"networks": ["twitter"]}})
    assert_findings(run_checks(builder, CHECK, config=config), codes={"ALT001"}, evidence={"p1"})


def test_videos_are_left_out_unless_configured():
    builder = acme().post(
        "mastodon:acme", "Rain on the ridge", id="v1", media=[image(kind="video")]
    )
    assert_quiet(run_checks(builder, CHECK))
    config = Config(options={"ALT001": {"media_types": ["video"]}})
    assert_findings(run_checks(builder, CHECK, config=config), codes={"ALT001"}, evidence={"v1"})


def test_a_considerate_account_stays_quiet():
    builder = (
        acme()
        .post("mastodon:acme", "Ridge loop today", media=[image(MAP), image(TEAM)])
        .post("mastodon:acme", "No picture, just words")
        .reply("mastodon:acme", "The team", media=[image(TEAM)])
        .post(
            "mastodon:acme",
            "A GIF of the rain",
            media=[image("Rain sheeting across the car park.", kind="gif")],
        )
    )
    assert_quiet(run_checks(builder, CHECK))


def test_other_peoples_images_and_reposts_are_not_the_subjects():
    builder = (
        acme()
        .post("mastodon:jane", "My first summit!", id="j1", media=[image()])
        .repost("mastodon:acme", to="j1")
        .quote("mastodon:acme", "Well done Jane!")
    )
    assert_quiet(run_checks(builder, CHECK))


# -- ALT002 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "alt",
    [
        "IMG_2041.jpg",
        "image",
        "Photo",
        "Image 1",
        "screenshot",
        "Screenshot 2026-03-01 at 10.15.32",
        "PXL_20260301_101532",
        "alt text",
        "Bild",
        "DSC01234.JPG",
        ".",
        "🙂🙂",
    ],
)
def test_placeholders_are_flagged_on_any_network(alt):
    builder = acme("twitter").post("twitter:acme", "New boots", id="p1", media=[image(alt)])
    (finding,) = assert_findings(run_checks(builder, CHECK), codes={"ALT002"}, evidence={"p1"})
    assert alt.strip() in finding.message


@pytest.mark.parametrize(
    "alt",
    [
        MAP,
        "Photo of our team at the trailhead",
        "Screenshot of the booking page with the error",
        "Acme logo",
        "A diagram: image formats compared",
        "Sonnenuntergang über dem Grat",
        "山頂からの眺め",
    ],
)
def test_real_descriptions_are_not_placeholders(alt):
    assert not socialnorms_alttext.is_placeholder(alt)
    builder = acme().post("mastodon:acme", "New boots", media=[image(alt)])
    assert_quiet(run_checks(builder, CHECK))


def test_placeholders_are_quoted_once_and_counted_per_post():
    builder = (
        acme("twitter")
        .post("twitter:acme", "One", id="p1", media=[image("image"), image("image")])
        .post("twitter:acme", "Two", id="p2", media=[image("image")])
    )
    (finding,) = assert_findings(
        run_checks(builder, CHECK), codes={"ALT002"}, evidence={"p1", "p2"}
    )
    assert finding.message == 'image descriptions that describe nothing: "image"'
    assert finding.metrics == {"placeholder_posts": 2}


# -- the plugin as installed ---------------------------------------------------------------------


def test_the_documented_examples_hold(plugin_manager):
    with registered(plugin_manager, socialnorms_alttext):
        check_rule_examples(plugin_manager)


def test_selecting_one_rule(plugin_manager):
    timeline = (
        acme().post("mastodon:acme", "One", id="p1", media=[image(), image("IMG_1.png")]).build()
    )
    with registered(plugin_manager, socialnorms_alttext):
        both = socialnorms.check(timeline, plugin_manager=plugin_manager)
        only = socialnorms.check(
            timeline, plugin_manager=plugin_manager, config=Config(select=["ALT002"])
        )
    assert sorted(f.code for f in both) == ["ALT001", "ALT002"]
    assert [f.code for f in only] == ["ALT002"]


def test_installed_through_the_entry_point(fresh_plugins):
    rules = socialnorms.Checker().registry.rules
    assert rules["ALT001"].plugin == rules["ALT002"].plugin == "describe-images"
    disabled = socialnorms.Checker(
        config=Config(disable_plugins=["describe-images"])
    ).registry.rules
    assert "ALT001" not in disabled


# -- properties --------------------------------------------------------------------------------


@st.composite
def illustrated_timelines(draw):
    """Consistent timelines whose new posts carry drawn attachments."""
    accounts, actions = draw(activity(networks=("mastodon", "bluesky", "twitter")))
    illustrated = []
    for action in actions:
        if action.kind.creates_post and action.post is not None:
            media = draw(st.lists(st.from_type(Media), max_size=2))
            action = attrs.evolve(action, post=attrs.evolve(action.post, media=media))
        illustrated.append(action)
    return accounts, illustrated


def _undescribed_posts(timeline: Timeline) -> set[str]:
    """What ALT001 should cite, worked out the slow, obvious way."""
    expected = set()
    for action in timeline.actions:
        account = timeline.account(action.actor)
        if (
            account is None
            or account.subject is None
            or account.network not in ("mastodon", "bluesky")
        ):
            continue
        if action.kind.creates_post and any(
            m.type in ("image", "gif") and not (m.alt or "").strip() for m in action.post.media
        ):
            expected.add(action.id)
    return expected


@settings(deadline=None)
@given(illustrated_timelines())
def test_alt001_cites_exactly_the_subjects_undescribed_posts(parts):
    timeline = Timeline(*parts)
    report = run_checks(timeline, CHECK, config=Config(select=["ALT001"]))
    assert {e for f in report for e in f.evidence} == _undescribed_posts(timeline)
    assert all(timeline.account(f.account).subject == f.subject for f in report)


@settings(deadline=None)
@given(illustrated_timelines())
def test_order_does_not_matter_and_describing_every_image_silences_alt001(parts):
    accounts, actions = parts
    forward = run_checks(Timeline(accounts, actions), CHECK)
    assert run_checks(Timeline(list(reversed(accounts)), list(reversed(actions))), CHECK) == forward
    described = [
        attrs.evolve(
            a, post=attrs.evolve(a.post, media=[attrs.evolve(m, alt=MAP) for m in a.post.media])
        )
        if a.kind.creates_post and a.post is not None
        else a
        for a in actions
    ]
    assert_quiet(run_checks(Timeline(accounts, described), CHECK))


# -- reviewing a draft before it is posted ---------------------------------------------------


def _reviewer(plugin_manager, history):
    return socialnorms.Reviewer(history, checker=socialnorms.Checker(plugin_manager=plugin_manager))


def _draft(network, *media, kind="post"):
    return socialnorms.Action(
        kind=kind,
        actor=f"{network}:acme",
        at="2026-04-01T09:00:00Z",
        id="draft",
        post=socialnorms.Post(
            id=f"{network}:draft", text="Out on the ridge", media=[Media(**m) for m in media]
        ),
    )


def test_a_draft_with_an_undescribed_image_gets_a_nudge(plugin_manager):
    history = acme().post("mastodon:acme", "Earlier", id="p1", media=[image(MAP)]).build()
    with registered(plugin_manager, socialnorms_alttext):
        (nudge,) = _reviewer(plugin_manager, history)(_draft("mastodon", image(), image(TEAM)))
    assert (nudge.code, nudge.evidence, nudge.account) == ("ALT001", ("draft",), "mastodon:acme")
    assert nudge.message.startswith("this post would put an image without a description on ")
    assert nudge.metrics == {"images": 2, "undescribed_images": 1}


def test_a_draft_with_a_placeholder_gets_a_nudge_on_any_network(plugin_manager):
    history = acme("twitter").build()
    with registered(plugin_manager, socialnorms_alttext):
        (nudge,) = _reviewer(plugin_manager, history)(_draft("twitter", image("IMG_2041.jpg")))
    assert nudge.code == "ALT002" and '"IMG_2041.jpg"' in nudge.message


def test_a_considerate_draft_is_quiet(plugin_manager):
    history = acme().post("mastodon:acme", "Earlier", id="p1", media=[image()]).build()
    reviewer_drafts = [
        _draft("mastodon", image(MAP), image(TEAM)),
        _draft("mastodon"),  # no images
        _draft("mastodon", image(kind="video")),  # videos are not judged by default
    ]
    with registered(plugin_manager, socialnorms_alttext):
        reviewer = _reviewer(plugin_manager, history)
        assert [reviewer(draft) for draft in reviewer_drafts] == [[], [], []]
        assert not any("describe-images" in note for note in reviewer.notes)


@settings(deadline=None, max_examples=60)
@given(illustrated_timelines())
def test_every_nudge_is_a_finding_of_the_check_once_the_draft_is_posted(parts):
    accounts, actions = parts
    drafts = [a for a in actions if a.kind.creates_post and a.post is not None]
    if not drafts:
        return
    draft = max(drafts, key=lambda a: (a.at, a.id))
    if any(a.at > draft.at for a in actions):
        return  # a review judges a draft made after its history
    history = Timeline(accounts, [a for a in actions if a is not draft])
    plugin_manager = isolated_plugin_manager()
    with registered(plugin_manager, socialnorms_alttext):
        nudges = _reviewer(plugin_manager, history)(draft)
        found = socialnorms.check(
            Timeline(accounts, actions), plugin_manager=plugin_manager
        ).findings
    for nudge in nudges:
        assert any(agrees(nudge, finding) for finding in found), nudge


# -- coverage ------------------------------------------------------------------------------------


def test_an_input_without_the_account_s_posts_is_noted_for_describe_images(plugin_manager):
    from socialnorms import DATA_FOLLOWERS, DATA_OWN_POSTS
    from socialnorms.io import DataCoverage

    gaps = [
        DataCoverage(DATA_OWN_POSTS, "none", "the archive has no outbox.json"),
        DataCoverage(DATA_FOLLOWERS, "none", "no followers list"),
    ]
    with registered(plugin_manager, socialnorms_alttext):
        notes = socialnorms.Checker(plugin_manager=plugin_manager).coverage_notes(gaps)
    assert notes == ["coverage: describe-images: none: the archive has no outbox.json"]
