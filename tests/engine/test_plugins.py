"""Plugin loading: real (tiny) distributions, broken ones isolated and reported,
strict mode, blocking by name, duplicate rule codes."""

from __future__ import annotations

import sys
import textwrap
import uuid
import warnings
from pathlib import Path

import pytest

import socialnorms
from socialnorms import Config, hookimpl
from socialnorms.engine.plugins import PluginLoadError, PluginLoadWarning, new_plugin_manager
from socialnorms.engine.registry import Registry
from socialnorms.testing import registered

CHECK_SOURCE = """
from socialnorms import Rule, check_function, hookimpl

RULE = Rule(code="{code}", name="always-{code_lower}", summary="s", why="w")

@check_function("{guideline}", [RULE])
def check(ctx):
    for action in ctx.timeline.actions:
        yield ctx.finding("{code}", subject=None, account=action.actor, message="seen",
                          suggestion="", evidence=[action.id])

@hookimpl
def register_checks(register):
    register(check)
"""


class Distributions:
    """Tiny installed distributions in a folder on sys.path: ``*.dist-info`` with
    ``METADATA`` and ``entry_points.txt``, and the plugin module."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.token = uuid.uuid4().hex[:8]
        self.modules: list[str] = []
        monkeypatch.syspath_prepend(str(root))

    def add(self, plugin: str, source: str, version: str = "1.0") -> str:
        """Install a distribution with entry point ``plugin``; returns the entry-point name."""
        name = f"{plugin}-{self.token}"
        module = f"sntest_{plugin.replace('-', '_')}_{self.token}"
        dist = f"sntest_{plugin.replace('-', '_')}"
        (self.root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = self.root / f"{dist}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[socialnorms]\n{name} = {module}\n", encoding="utf-8"
        )
        self.modules.append(module)
        return name

    def good(self, plugin: str = "good", code: str = "TST101", guideline: str = "test-good") -> str:
        source = CHECK_SOURCE.format(code=code, code_lower=code.lower(), guideline=guideline)
        return self.add(plugin, source)


@pytest.fixture
def dists(tmp_path, monkeypatch):
    made = Distributions(tmp_path, monkeypatch)
    yield made
    for module in made.modules:
        sys.modules.pop(module, None)


def broken_set(dists: Distributions) -> dict[str, str]:
    return {
        "import": dists.add(
            "raises-on-import", "raise RuntimeError('missing dependency: tensorflow')\n"
        ),
        "register": dists.add(
            "register-raises",
            """
            from socialnorms import hookimpl

            @hookimpl
            def register_checks(register):
                raise KeyError('no such table')
            """,
        ),
        "hook": dists.add(
            "unknown-hook",
            """
            from socialnorms import hookimpl

            @hookimpl
            def register_widgets(register):
                pass
            """,
        ),
        "good": dists.good(),
    }


def ours(pm, names):
    return {info.name: info for info in pm.list_plugins() if info.name in names.values()}


def test_broken_plugins_are_reported_and_the_good_one_loads(dists):
    names = broken_set(dists)
    with pytest.warns(PluginLoadWarning) as caught:
        pm = new_plugin_manager(builtins=False)
        registry = Registry(pm)
    assert registry.rules["TST101"].plugin == names["good"]
    assert [
        check.guideline for check, _plugin in registry.checks if check.guideline == "test-good"
    ] == ["test-good"]
    infos = ours(pm, names)
    assert infos[names["good"]].error is None
    assert (
        infos[names["good"]].distribution == "sntest_good" and infos[names["good"]].version == "1.0"
    )
    assert infos[names["good"]].hooks == ("register_checks",)
    assert infos[names["import"]].error == "RuntimeError: missing dependency: tensorflow"
    assert infos[names["register"]].error == "KeyError: 'no such table'"
    assert "register_widgets" in infos[names["hook"]].error
    warned = "\n".join(str(w.message) for w in caught)
    for key in ("import", "register", "hook"):
        assert f"plugin {names[key]!r} failed to load and is skipped" in warned
    assert names["good"] not in warned


def test_a_check_run_reports_the_broken_plugins_in_its_notes(dists, tmp_path):
    names = broken_set(dists)
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"type": "action", "kind": "follow", "actor": "twitter:a", "at": "2026-03-01T10:00:00Z", '
        '"target": "twitter:b", "id": "f1"}\n',
        encoding="utf-8",
    )
    with pytest.warns(PluginLoadWarning):
        report = socialnorms.check(path)
    assert [(f.code, f.evidence) for f in report.filter(code="TST")] == [("TST101", ("f1",))]
    for key in ("import", "register", "hook"):
        assert any(
            note.startswith(f"plugin {names[key]!r} failed to load") for note in report.notes
        )
    assert names["good"] in report.plugins and names["import"] not in report.plugins


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_strict_mode_raises_on_a_plugin_that_fails_to_import(dists, monkeypatch, how):
    name = dists.add("raises-on-import", "raise ImportError('no module named shiny')\n")
    dists.good()
    if how == "environment":
        monkeypatch.setenv("SOCIALNORMS_STRICT_PLUGINS", "1")
    with pytest.raises(
        PluginLoadError, match=f"plugin {name!r} failed to load: ImportError: no module named shiny"
    ) as caught:
        new_plugin_manager(builtins=False, strict=True if how == "argument" else None)
    assert caught.value.plugin == name and isinstance(caught.value.error, ImportError)


def test_strict_mode_raises_on_a_failing_register_hook_and_an_unknown_hook(dists):
    failing = dists.add(
        "register-raises",
        """
        from socialnorms import hookimpl

        @hookimpl
        def register_networks(register):
            register("not a profile")
        """,
    )
    pm = new_plugin_manager(builtins=False, strict=True)
    with pytest.raises(
        PluginLoadError,
        match=f"{failing!r}.*TypeError: register_networks: 'not a profile' is not a NetworkProfile",
    ):
        Registry(pm)
    unknown = dists.add(
        "unknown-hook",
        "from socialnorms import hookimpl\n\n@hookimpl\ndef register_gadgets(register):\n    pass\n",
    )
    with pytest.raises(PluginLoadError, match=f"{unknown!r}.*register_gadgets"):
        new_plugin_manager(builtins=False, strict=True)


@pytest.mark.parametrize("how", ["argument", "environment", "config"])
def test_plugins_can_be_blocked_by_name(dists, monkeypatch, how):
    broken = dists.add("raises-on-import", "raise RuntimeError('boom')\n")
    good = dists.good()
    blocked = [broken, good]
    with warnings.catch_warnings():
        warnings.simplefilter(
            "error", PluginLoadWarning
        )  # the broken plugin is never even imported
        if how == "argument":
            pm = new_plugin_manager(builtins=False, disable=blocked)
        elif how == "environment":
            monkeypatch.setenv("SOCIALNORMS_DISABLE_PLUGINS", f" {broken} ,{good}")
            pm = new_plugin_manager(builtins=False)
        else:
            pm = socialnorms.Checker(config=Config(disable_plugins=blocked)).plugin_manager
    assert not any(info.name in blocked for info in pm.list_plugins())
    assert "TST101" not in Registry(pm).rules
    assert not any(module in sys.modules for module in dists.modules)


def test_essential_plugins_cannot_be_blocked():
    with pytest.raises(ValueError, match="'activity-format' is essential"):
        new_plugin_manager(disable=["activity-format"])


def test_autoload_can_be_switched_off(dists, monkeypatch):
    good = dists.good()
    assert good in {i.name for i in new_plugin_manager(builtins=False).list_plugins()}
    monkeypatch.setenv("SOCIALNORMS_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert good not in {i.name for i in new_plugin_manager(builtins=False).list_plugins()}


def test_a_duplicate_rule_code_is_refused_with_a_warning_naming_both_plugins(dists):
    first = dists.good("first", code="TST201", guideline="test-first")
    second = dists.good("second", code="TST201", guideline="test-second")
    pm = new_plugin_manager(builtins=False)
    with pytest.warns(
        PluginLoadWarning,
        match=f"rule TST201 of plugin {second!r} is already registered by plugin {first!r}",
    ):
        registry = Registry(pm)
    assert registry.rules["TST201"].plugin == first
    assert "test-second" not in registry.guidelines and "test-first" in registry.guidelines


def test_the_shared_manager_is_cached_until_reset(dists):
    pm = socialnorms.get_plugin_manager()
    assert socialnorms.get_plugin_manager() is pm
    late = dists.good("late")
    assert late not in {i.name for i in socialnorms.get_plugin_manager().list_plugins()}
    socialnorms.reset_plugin_manager()
    assert late in {i.name for i in socialnorms.get_plugin_manager().list_plugins()}


def test_builtin_plugins_are_listed_with_their_version():
    infos = {info.name: info for info in new_plugin_manager(entrypoints=False).list_plugins()}
    assert (
        infos["activity-format"].builtin and infos["activity-format"].distribution == "socialnorms"
    )
    assert infos["reporters"].hooks == ("register_reporters",)


def test_registered_plugins_show_what_they_provide(plugin_manager):
    class Reporters:
        @hookimpl
        def register_reporters(self, register):
            from socialnorms.report.reporters import Reporter

            register(Reporter("lines", "one line per finding", lambda report: ""))

    with registered(plugin_manager, Reporters(), name="lines-reporter"):
        registry = Registry(plugin_manager)
        assert registry.provided_by("lines-reporter") == ("reporter:lines",)
        assert {"json", "lines", "text"} <= set(registry.reporters)
    assert "lines" not in Registry(plugin_manager).reporters


def test_what_a_failing_plugin_registered_before_it_failed_is_forgotten():
    from socialnorms import NetworkProfile, Topic
    from socialnorms.testing import isolated_plugin_manager

    class HalfBroken:
        @hookimpl
        def register_topics(self, register):
            register(Topic("hiking", ["trail", "summit"]))

        @hookimpl
        def register_networks(self, register):
            register(NetworkProfile(id="trailnet", name="TrailNet"))

        @hookimpl
        def register_checks(self, register):
            raise RuntimeError("bad release")

    class Solid:
        @hookimpl
        def register_topics(self, register):
            register(Topic("hiking", ["backpack"]))

    pm = isolated_plugin_manager(strict=False)
    with registered(pm, HalfBroken(), name="half-broken"), registered(pm, Solid(), name="solid"):
        with pytest.warns(
            PluginLoadWarning, match="'half-broken' failed to load.*RuntimeError: bad release"
        ):
            registry = Registry(pm)
        assert registry.topics["hiking"].terms == ("backpack",)
        assert "trailnet" not in registry.networks
        assert registry.provided_by("half-broken") == ()


def test_a_duplicate_rule_code_raises_in_strict_mode(dists):
    first = dists.good("first", code="TST301", guideline="test-first")
    second = dists.good("second", code="TST301", guideline="test-second")
    pm = new_plugin_manager(builtins=False, strict=True)
    with pytest.raises(
        PluginLoadError, match=f"{second!r}.*already registered by plugin {first!r}"
    ):
        Registry(pm)


def test_two_distributions_with_one_plugin_name_are_reported(dists):
    name = dists.good("twin", code="TST401", guideline="test-twin")
    other = dists.add(
        "twin-b", CHECK_SOURCE.format(code="TST402", code_lower="tst402", guideline="test-twin-b")
    )
    info = dists.root / "sntest_twin_b-1.0.dist-info" / "entry_points.txt"
    info.write_text(info.read_text(encoding="utf-8").replace(other, name), encoding="utf-8")
    with pytest.warns(
        PluginLoadWarning,
        match=f"plugin {name!r} of distribution 'sntest_twin_b' is not loaded: "
        "the plugin name is already taken by distribution 'sntest_twin'",
    ):
        pm = new_plugin_manager(builtins=False)
    assert "TST401" in Registry(pm).rules and "TST402" not in Registry(pm).rules
    listed = [i for i in pm.list_plugins() if i.name == name]
    assert [(i.distribution, i.error is None) for i in listed] == [
        ("sntest_twin", True),
        ("sntest_twin_b", False),
    ]
    with pytest.raises(PluginLoadError, match="sntest_twin_b: the plugin name is already taken"):
        new_plugin_manager(builtins=False, strict=True)


def test_a_plugin_named_like_a_builtin_one_is_reported(dists):
    dists.add("x", "")
    info = next(dists.root.glob("sntest_x-1.0.dist-info")) / "entry_points.txt"
    info.write_text(f"[socialnorms]\nreporters = {dists.modules[-1]}\n", encoding="utf-8")
    with pytest.warns(
        PluginLoadWarning,
        match="plugin 'reporters' of distribution 'sntest_x' is not loaded: "
        "the plugin name is already taken by distribution 'socialnorms'",
    ):
        pm = new_plugin_manager(builtins=False)
    assert pm.origin("reporters")[2]
