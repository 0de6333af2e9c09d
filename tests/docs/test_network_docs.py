"""The pages under docs/networks/ show each shipped profile's figures and sources.

They are generated from the profiles themselves, so they cannot drift from the
code; regenerate them after changing a profile with::

    .venv/bin/python tests/docs/test_network_docs.py
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

from socialnorms.core.profiles import NetworkProfile
from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.engine.registry import Registry

DOCS = Path(__file__).parent.parent.parent / "docs" / "networks"
SHIPPED = ("bluesky", "facebook", "instagram", "linkedin", "mastodon", "threads", "twitter")


def _hours(profile: NetworkProfile) -> str:
    hours = profile.response_time.total_seconds() / 3600
    return f"{hours:g} hours"


def _value(value: object, unit: str = "") -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:,}{unit}" if isinstance(value, int) else str(value)


def render(profile: NetworkProfile, distribution: str, plugin: str) -> str:
    """The Markdown page of one profile."""
    source = profile.sources.get
    aliases = ", ".join(f"`{alias}`" for alias in profile.aliases) or "none"
    lines = [
        f"# {profile.name}",
        "",
        "<!-- Generated from the profile by tests/docs/test_network_docs.py; do not edit by hand. -->",
        "",
        f"Network id `{profile.id}` (aliases: {aliases}), from the plugin `{plugin}` of the "
        f"distribution `{distribution}`.",
        "",
        f"**Audience.** {profile.audience}",
        "",
        f"**Purpose.** {profile.purpose}",
        "",
        "## Topics",
        "",
        "| Topic | Welcome | Unwelcome |",
        "| --- | --- | --- |",
    ]
    for topic in sorted({*profile.welcome_topics, *profile.unwelcome_topics}):
        welcome = profile.welcome_topics.get(topic)
        unwelcome = profile.unwelcome_topics.get(topic)
        lines.append(
            f"| {topic} | {welcome if welcome is not None else ''} | {unwelcome if unwelcome is not None else ''} |"
        )
    lines += ["", source("welcome_topics", "Weights are the project's defaults."), ""]
    lines += ["## Figures", "", "| Figure | Value | Source |", "| --- | --- | --- |"]
    rows = [
        ("Longest post", _value(profile.max_length), "max_length"),
        ("Hashtags a post usually carries at most", _value(profile.hashtag_norm), "hashtag_norm"),
        ("Hashtags the network accepts", _value(profile.max_hashtags), "max_hashtags"),
        ("Mentions", f"`{profile.mention_pattern}`", "mention_pattern"),
        ("Connection invitations", _value(profile.invitations), "invitations"),
        ("Follows are one-way", _value(profile.one_way_follows), "one_way_follows"),
        ("Expected answer to a mention", _hours(profile), "response_time"),
        (
            "Posts a day above which followers feel flooded",
            _value(profile.flood_posts_per_day),
            "flood_posts_per_day",
        ),
        (
            "Followers see a reply's thread",
            _value(profile.replies_show_thread),
            "replies_show_thread",
        ),
    ]
    for label, value, key in rows:
        lines.append(f"| {label} | {value.replace('|', '&#124;')} | {source(key, '')} |")
    if profile.default_invitations:
        lines += ["", "## Stock invitation texts", "", source("default_invitations", ""), ""]
        lines += [f"- {text}" for text in profile.default_invitations]
    lines += [
        "",
        "## How text is read",
        "",
        f"`{type(profile.syntax).__module__}.{type(profile.syntax).__name__}`:",
        "",
        inspect.getdoc(sys.modules[type(profile.syntax).__module__]) or "",
        "",
        "## Marks of a post copied from elsewhere",
        "",
        source("crosspost_marks", ""),
        "",
    ]
    lines += [f"- `{mark}`" for mark in profile.crosspost_marks]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


INDEX_INTRO = """# Network profiles

<!-- Generated from the profiles by tests/docs/test_network_docs.py; do not edit by hand. -->

A network profile tells the checks who reads a network, what they come for and
which norms they keep. Profiles come from plugins, one distribution per network
family; block one by its plugin name (`SOCIALNORMS_DISABLE_PLUGINS=instagram`) or
write your own ([writing a network plugin](../writing-a-network-plugin.md)).
In Python, `socialnorms.Checker().registry.network_profiles()` lists the
installed ones.

| Network | Ids | Distribution | Longest post | Hashtags | Follows | Expected answer | Flooding above |
| --- | --- | --- | --- | --- | --- | --- | --- |
"""


def render_index(rows: list[tuple[NetworkProfile, str]]) -> str:
    lines = [INDEX_INTRO.rstrip("\n")]
    for profile, distribution in rows:
        ids = ", ".join(f"`{name}`" for name in profile.ids)
        follows = "one-way" if profile.one_way_follows else "two-way (invitations)"
        lines.append(
            f"| [{profile.name}]({profile.id}.md) | {ids} | `{distribution}` | {_value(profile.max_length)} "
            f"| {_value(profile.hashtag_norm)} | {follows} | {_hours(profile)} "
            f"| {_value(profile.flood_posts_per_day)} a day |"
        )
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Page name (without .md) to text: one per shipped profile, and the index."""
    registry = Registry(new_plugin_manager(builtins=False))
    out, rows = {}, []
    for profile in registry.network_profiles():
        plugin = registry.network_plugin(profile.id)
        distribution = registry.plugin_manager.origin(plugin)[0]
        if distribution.startswith("socialnorms-") or distribution == "socialnorms":
            out[profile.id] = render(profile, distribution, plugin)
            rows.append((profile, distribution))
    out["index"] = render_index(rows)
    return out


FIGURES = (
    "welcome_topics",
    "max_length",
    "hashtag_norm",
    "mention_pattern",
    "invitations",
    "one_way_follows",
    "response_time",
    "flood_posts_per_day",
    "replies_show_thread",
    "crosspost_marks",
)


def test_every_shipped_network_has_a_page():
    assert set(pages()) >= set(SHIPPED)


@pytest.mark.parametrize("network", SHIPPED)
def test_every_figure_of_a_shipped_profile_has_a_source(network):
    profile = Registry(new_plugin_manager(builtins=False)).networks[network]
    required = FIGURES + (("max_hashtags",) if profile.max_hashtags is not None else ())
    required += ("default_invitations",) if profile.default_invitations else ()
    assert [figure for figure in required if not profile.sources.get(figure)] == []


@pytest.mark.parametrize("network", (*SHIPPED, "index"))
def test_pages_are_current(network):
    page = DOCS / f"{network}.md"
    assert page.exists() and page.read_text(encoding="utf-8") == pages()[network], (
        f"docs/networks/{network}.md is out of date: run .venv/bin/python tests/docs/test_network_docs.py"
    )


if __name__ == "__main__":
    DOCS.mkdir(parents=True, exist_ok=True)
    for network, text in pages().items():
        (DOCS / f"{network}.md").write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote docs/networks/{network}.md\n")
