import json
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialnorms
from socialnorms.core.profiles import CROSSPOST_MARKS, NetworkProfile, foreign_crosspost_marks
from socialnorms.core.text import GenericSyntax
from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.engine.registry import Registry


def test_only_id_and_name_are_required():
    profile = NetworkProfile(id="acme-social", name="Acme Social")
    assert profile.ids == ("acme-social",)
    assert profile.fits_length("x" * 10_000)
    assert profile.crosspost_evidence("RT @bob: hi") == ()
    assert profile.topic_weight("sports") == 0.0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "Twitter", "lowercase id"),
        ("welcome_topics", {"sports": 2}, "from 0 to 1"),
        ("max_length", -1, "whole number"),
        ("hashtag_norm", 1.5, "whole number"),
        ("response_time", timedelta(0), "positive timedelta"),
        ("crosspost_marks", ("(unclosed",), "not a regular expression"),
        ("mention_pattern", "[", "not a regular expression"),
        ("syntax", object(), "TextSyntax"),
    ],
)
def test_bad_figures_are_refused_with_the_field_named(field, value, message):
    kwargs = {"id": "acme", "name": "Acme", field: value}
    with pytest.raises((ValueError, TypeError), match=message):
        NetworkProfile(**kwargs)


def test_topic_weight_is_welcome_minus_unwelcome():
    profile = NetworkProfile(
        id="pro", name="Pro", welcome_topics={"careers": 0.9}, unwelcome_topics={"sports": 0.8}
    )
    assert profile.topic_weight("careers") == 0.9
    assert profile.topic_weight("sports") == -0.8


def test_foreign_marks_leave_out_the_networks_own():
    marks = foreign_crosspost_marks("twitter")
    assert not set(CROSSPOST_MARKS["twitter"]) & set(marks)
    assert set(CROSSPOST_MARKS["linkedin"]) <= set(marks)
    profile = NetworkProfile(id="pro", name="Pro", crosspost_marks=foreign_crosspost_marks("pro"))
    text = "Big news for our customers, the full story is on our bl… https://buff.ly/3xYz"
    # a scheduler's short link, and the truncation mark before it
    assert profile.crosspost_evidence(text) == ("… https://buff.ly/3xYz", "https://buff.ly/3xYz")
    assert profile.crosspost_evidence("Our report on B2B e-mail is out today.") == ()


def test_network_profiles_are_unique_by_id_and_sorted():
    class Plugin:
        @socialnorms.hookimpl
        def register_networks(self, register):
            register(NetworkProfile(id="zed", name="Zed", aliases=("z", "zz")))
            register(NetworkProfile(id="acme", name="Acme"))

    pm = new_plugin_manager(builtins=False, entrypoints=False)
    pm.register(Plugin(), name="house")
    registry = Registry(pm)
    assert [p.id for p in registry.network_profiles()] == ["acme", "zed"]
    assert registry.networks["zz"].id == "zed"


def test_generic_syntax_keeps_combining_marks_in_hashtags():
    assert GenericSyntax().hashtags("नमस्ते #मार्केटिंग #ภาษาไทย") == ("मार्केटिंग", "ภาษาไทย")


def test_installed_network_syntaxes_read_the_timeline(tmp_path):
    """Each network's posts are read with its own plugin's syntax, aliases with their network's."""
    records = [
        {"type": "account", "id": "twitter:acme", "network": "x", "handle": "@acme"},
        {"type": "account", "id": "twitter:jane", "network": "twitter", "handle": "@jane"},
        {
            "type": "account",
            "id": "mastodon:acme",
            "network": "mastodon",
            "handle": "acme@mastodon.social",
        },
        {
            "type": "account",
            "id": "mastodon:bob",
            "network": "mastodon",
            "handle": "bob@hachyderm.io",
        },
        {
            "type": "account",
            "id": "bluesky:acme",
            "network": "bluesky",
            "handle": "acme.bsky.social",
        },
        {
            "type": "account",
            "id": "bluesky:cleo",
            "network": "bluesky",
            "handle": "cleo.example.com",
        },
        {
            "type": "action",
            "id": "a1",
            "kind": "post",
            "actor": "twitter:acme",
            "at": "2026-03-01T10:00:00Z",
            "post": {"id": "t1", "text": "Thanks @jane! Recap at acme.com/recap #DataViz"},
        },
        {
            "type": "action",
            "id": "a2",
            "kind": "post",
            "actor": "mastodon:acme",
            "at": "2026-03-01T10:00:00Z",
            "post": {"id": "m1", "text": "Thanks @bob@hachyderm.io! #DataViz"},
        },
        {
            "type": "action",
            "id": "a3",
            "kind": "post",
            "actor": "bluesky:acme",
            "at": "2026-03-01T10:00:00Z",
            "post": {"id": "b1", "text": "Thanks @cleo.example.com! #DataViz"},
        },
    ]
    path = tmp_path / "activity.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    timeline = socialnorms.load(path)
    assert timeline.account("twitter:acme").network == "twitter"  # the alias 'x' is renamed
    assert timeline.text("t1").mentions == ("twitter:jane",)
    assert timeline.text("t1").links == ("acme.com/recap",)  # X links bare domains
    assert timeline.text("m1").mentions == ("mastodon:bob",)
    assert timeline.text("b1").mentions == ("bluesky:cleo",)
    assert {timeline.text(post).hashtags for post in ("t1", "m1", "b1")} == {("DataViz",)}


_PIECES = st.sampled_from(
    [
        "RT @bob: ",
        "via @acme ",
        "https://t.co/abc ",
        "https://buff.ly/3xYz",
        "… ",
        "...",
        "🐦🔗",
        "https://lnkd.in/x-1 ",
        "https://bsky.app/profile/a.b/post/3k ",
        "Our news ",
        "e-mail ",
        "(",
        ")",
    ]
)


@given(
    st.lists(_PIECES, max_size=6).map("".join), st.sampled_from(["twitter", "linkedin", "bluesky"])
)
def test_a_text_has_a_crosspost_mark_exactly_when_it_shows_evidence_of_one(text, network):
    profile = NetworkProfile(
        id=network, name=network, crosspost_marks=foreign_crosspost_marks(network)
    )
    assert profile.has_crosspost_mark(text) == bool(profile.crosspost_evidence(text))


def test_marks_with_their_own_flags_are_still_found():
    profile = NetworkProfile(
        id="x", name="X", crosspost_marks=(r"(?i)crossposted from", r"\bvia\b")
    )
    assert profile.has_crosspost_mark("CROSSPOSTED FROM elsewhere")
    assert not profile.has_crosspost_mark("original words")


@given(
    st.lists(
        st.sampled_from(["@ana ", "@bo@mastodon.social ", "hi ", "x.com ", "@", "a@b.c "]),
        max_size=6,
    ).map("".join)
)
def test_mention_matches_are_the_pattern_matches(text):
    import re

    profile = NetworkProfile(id="x", name="X")
    expected = [(m.span(), m.group(0)) for m in re.finditer(profile.mention_pattern, text)]
    assert [(m.span(), m.group(0)) for m in profile.mention_matches(text)] == expected


# -- the literal every match of a pattern contains ---------------------------------------------


def _parsed_required_literal(pattern: str) -> str | None:
    """The former implementation, on the standard library's private parser: the oracle."""
    import re

    try:
        from re import _parser

        parsed = _parser.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        best, run = "", ""
        for op, value in parsed:
            if op is _parser.LITERAL:
                run += chr(value)
            else:
                best, run = max(best, run, key=len), ""
        return max(best, run, key=len) or None
    except Exception:
        return None


def _project_patterns() -> list[str]:
    patterns = [pattern for marks in CROSSPOST_MARKS.values() for pattern in marks]
    for profile in Registry(new_plugin_manager()).network_profiles():
        patterns.append(profile.mention_pattern)
        patterns.extend(profile.crosspost_marks)
    patterns += [
        r"(?i)crossposted from",
        r"\bvia\b",
        r"(?<![\w@/])@[A-Za-z0-9_]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?",
        NetworkProfile(id="plain", name="Plain").mention_pattern,
    ]
    return sorted(set(patterns))


@pytest.mark.parametrize("pattern", _project_patterns())
def test_required_literal_is_the_one_the_parser_finds_on_the_projects_patterns(pattern):
    from socialnorms.core.profiles import _required_literal

    assert _required_literal(pattern) == _parsed_required_literal(pattern)


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"\bhttps?://t\.co/\w+", "://t.co/"),
        (r"(?<![\w@])RT @\w{1,15}:?", "RT @"),
        (r"🐦🔗", "🐦🔗"),
        (r"(?:…|\.\.\.)\s*\(?https?://\S+\)?\s*$", "http"),
        (r"(?i)crossposted from", None),
        (r"(?x) a b c", None),
        (r"(?:abc)de", "abcde"),
        (r"ab(?#note)cd", "abcd"),
        (r"abc|abd", "ab"),
        (r"[.]x\x41", ".xA"),
        (r"ab+c", "a"),
        (r"a{x", "a{x"),
        (r"(unclosed", None),
        (r"\w+", None),
    ],
)
def test_required_literal_examples(pattern, literal):
    from socialnorms.core.profiles import _required_literal

    assert _required_literal(pattern) == literal
    assert _parsed_required_literal(pattern) == literal


_PIECES = [
    "a", "b", "ab", ".", "\\.", "\\w", "\\b", "\\d", "(", ")", "(?:", "(?=", "(?<!", "(?P<g>", "(?i)", "(?i:",
    "(?#c)", "|", "*", "+", "?", "{2}", "{1,3}", "{,}", "{", "}", "[a]", "[ab]", "[^a]", "[a-c]", "[\\w]", "[.]",
    "\\x41", "\\1", "\\0", "^", "$", "…", "-", "]", "*?", "\\n", "[\\b]", "\\\\",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_required_literal_agrees_with_the_parser(pattern):
    import re
    import warnings

    from socialnorms.core.profiles import _required_literal

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nested sets and the like
        try:
            re.compile(pattern)
        except re.error:
            return
        assert _required_literal(pattern) == _parsed_required_literal(pattern)
