"""The ``socialnorms`` command line: ``check``, ``rules``, ``networks``, ``plugins``.

Exit status of ``check``: 0 when no finding reaches ``--fail-on``, 1 when one
does, 2 for bad usage, a bad configuration or unreadable input. Every such
error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TextIO

import click

from ..core.checks import Severity
from ..core.config import Config, ConfigError
from ..core.timeline import Timeline
from ..engine import parallel
from ..engine.checker import Checker
from ..engine.collector import collector_paused
from ..engine.describe import (
    explain_network,
    explain_rule,
    network_data,
    plugin_data,
    rule_data,
    table,
    unique_networks,
)
from ..engine.plugins import PluginLoadWarning
from ..engine.registry import Registry
from ..io import InputError, ReadOptions
from ..report.model import Report
from ..report.reporters import Reporter
from .progress import Progress

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

#: Set to print the seconds each phase of ``check`` took to standard error.
PROFILE_VARIABLE = "SOCIALNORMS_PROFILE"


class _Group(click.Group):
    """A group whose usage errors are one line on stderr with exit status 2."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        extra.pop("standalone_mode", None)
        try:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        except click.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            where = ctx.command_path if ctx is not None else "socialnorms"
            hint = f" (see '{where} --help')" if isinstance(exc, click.UsageError) else ""
            click.echo(f"{where}: error: {exc.format_message()}{hint}", err=True)
            sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(EXIT_USAGE)


def _fail(message: str) -> NoReturn:
    click.echo(f"socialnorms: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@contextmanager
def _plugin_warnings(quiet: bool = False) -> Iterator[None]:
    """Plugin load warnings as one line each on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginLoadWarning)
        yield
    if not quiet:
        for warning in caught:
            if issubclass(warning.category, PluginLoadWarning):
                text = str(warning.message).removeprefix("socialnorms: ")
                click.echo(f"socialnorms: warning: {text}", err=True)
            else:
                warnings.showwarning(
                    warning.message, warning.category, warning.filename, warning.lineno
                )


def _load_config(path: str | None) -> Config:
    return Config.load(path) if path else Config.discover()


def _registry(config_path: str | None = None) -> Registry:
    """The installed plugins, less those the configuration disables."""
    try:
        with _plugin_warnings():
            return Checker(config=_load_config(config_path)).registry
    except ConfigError as exc:
        _fail(str(exc))


def _default_registry() -> Registry | None:
    """The installed plugins for help texts, or ``None`` when they cannot be loaded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Checker().registry
    except Exception:
        return None


class _Registered(click.ParamType):
    """A name from the registry (``reporters`` or ``readers``); the help lists what is installed."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.name = table[:-1]

    def names(self) -> list[str]:
        registry = _default_registry()
        return list(getattr(registry, self.table)) if registry is not None else []

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self.names()) + "]"

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[Any]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(n) for n in self.names() if n.startswith(incomplete)]


def _collector_paused(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``command`` with the cyclic garbage collector paused from reading to the
    last byte of output: a large check holds millions of objects, and each full
    collection while the report is written would walk them all again."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        with collector_paused():
            return command(*args, **kwargs)

    return run


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never with ``NO_COLOR`` set."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="socialnorms", prog_name="socialnorms")
def main() -> None:
    """Check how a person or brand behaves on social networks against etiquette norms.

    \b
    Examples:
      socialnorms check activity.jsonl
      socialnorms rules
    """


# -- check --------------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "output_format",
    type=_Registered("reporters"),
    default="text",
    show_default=True,
    help="Output format (any installed reporter).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these codes, code prefixes, rule or guideline names (repeatable, comma-separated); "
    "replaces the configured select.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Never report these (repeatable, comma-separated); added to the configured ignore.",
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=None,
    help="Exit 1 when a finding reaches this severity [default: error, or the configured one].",
)
@click.option(
    "--network",
    "networks",
    multiple=True,
    metavar="NAME",
    help="Only findings on this network (id or alias; repeatable).",
)
@click.option(
    "--subject",
    "subjects",
    multiple=True,
    metavar="NAME",
    help="Only findings about this subject (repeatable).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file (socialnorms.toml or pyproject.toml) instead of the one found upward.",
)
@click.option(
    "--tolerant", is_flag=True, help="Skip, count and list bad records instead of stopping."
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print how many findings each rule gave instead of the findings.",
)
@click.option(
    "-q",
    "--quiet",
    count=True,
    help="Only the findings, no summary or progress; -qq prints nothing.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the report to this file instead of stdout.",
)
@click.option(
    "--from",
    "input_format",
    type=_Registered("readers"),
    default=None,
    help="Read the input with this reader instead of detecting the format.",
)
@click.option(
    "--owner",
    default=None,
    metavar="NAME",
    help="Whose exports these are: the subject of their owners, and the owner's name "
    "where an export does not say.",
)
@click.option(
    "--timezone",
    default=None,
    metavar="ZONE",
    help="IANA zone of times an export writes without one (LinkedIn), e.g. Europe/Paris.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Check in this many processes, subjects split between them (0: one per CPU); "
    "the report is the same.",
)
@_collector_paused
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    networks: tuple[str, ...],
    subjects: tuple[str, ...],
    config_path: str | None,
    tolerant: bool,
    statistics: bool,
    quiet: int,
    output: str | None,
    input_format: str | None,
    owner: str | None,
    timezone: str | None,
    jobs: int,
) -> None:
    """Check activity files; several files form one timeline, - reads stdin.

    \b
    Examples:
      socialnorms check acme.jsonl
      socialnorms check acme.jsonl --select SN1,SN3 --fail-on warning
      socialnorms check export.jsonl --format json --output report.json
      socialnorms check big.jsonl --jobs 4
    """
    try:
        with _plugin_warnings(quiet=quiet > 0):
            config = _load_config(config_path)
            checker = Checker(config=config)
        registry = checker.registry
        rules = [r.rule for r in registry.rules.values()]
        try:
            Config(select=_split(select), ignore=_split(ignore)).validate(
                rules, registry.guidelines
            )
        except ConfigError as exc:
            raise click.UsageError(f"--{exc}") from None
        config = config.merge(
            select=_split(select) or None,
            ignore=config.ignore + _split(ignore),
            fail_on=fail_on,
        )
        checker.config = config.with_network_aliases(registry.networks)
        reporter = registry.reporters.get(output_format)
        if reporter is None:
            raise click.UsageError(
                f"unknown format {output_format!r}; installed: {', '.join(registry.reporters)}"
            )
        if statistics and output_format not in ("text", "json"):
            raise click.UsageError("--statistics prints text or json")
        if input_format is not None and input_format not in registry.readers:
            raise click.UsageError(
                f"unknown input format {input_format!r}; installed: {', '.join(registry.readers)}"
            )
        with Progress(sys.stderr, enabled=quiet == 0 and sys.stderr.isatty()) as progress:
            options = ReadOptions(tolerant=tolerant, owner=owner, timezone=timezone)
            timings: dict[str, float] = {}
            result = checker.read_result(
                list(paths),
                format=input_format,
                options=options,
                progress=progress,
                timings=timings,
            )
            timeline = checker.timeline_of(result, list(paths), timings=timings)
            if jobs == 1:
                report = checker.check(
                    timeline,
                    skipped=result.skipped,
                    coverage=result.coverage,
                    progress=progress,
                    timings=timings,
                )
            else:
                report = parallel.check_timeline(
                    checker,
                    timeline,
                    jobs=jobs or None,
                    skipped=result.skipped,
                    coverage=result.coverage,
                    progress=progress,
                    timings=timings,
                )
        report = _narrow(report, registry, timeline, subjects, networks)
    except (InputError, ConfigError) as exc:
        _fail(str(exc))
    started = time.perf_counter()
    if quiet < 2:
        _write(output, _rendered(report, reporter, statistics, output_format, quiet, output))
    timings["report"] = time.perf_counter() - started
    if os.environ.get(PROFILE_VARIABLE):
        for phase, seconds in timings.items():
            click.echo(f"socialnorms: time {phase}: {seconds:.3f}s", err=True)
    sys.exit(EXIT_FINDINGS if report.fails(config.fail_on) else EXIT_CLEAN)


def _rendered(
    report: Report,
    reporter: Reporter,
    statistics: bool,
    output_format: str,
    quiet: int,
    output: str | None,
) -> str | Iterable[str]:
    """The output: the whole text, or pieces from a reporter that streams a large report."""
    if statistics:
        return _statistics(report, as_json=output_format == "json")
    keywords: dict[str, Any] = {}
    if "color" in reporter.accepts:
        keywords["color"] = output is None and _color(sys.stdout)
    if "summary" in reporter.accepts and quiet:
        keywords["summary"] = False
    if reporter.stream is not None:
        return reporter.stream(report, **keywords)
    return reporter.render(report, **keywords)


def _write(output: str | None, text: str | Iterable[str]) -> None:
    pieces = [text] if isinstance(text, str) else text
    if output is not None:
        try:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                stream.writelines(pieces)
        except OSError as exc:
            _fail(f"{output}: cannot write: {exc.strerror or exc}")
    elif isinstance(text, str):  # echo strips styles when stdout is no terminal
        click.echo(text, nl=False, color=_color(sys.stdout))
    else:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()


def _narrow(
    report: Report,
    registry: Registry,
    timeline: Timeline,
    subjects: tuple[str, ...],
    networks: tuple[str, ...],
) -> Report:
    """Only the findings about ``subjects`` on ``networks`` (names checked, aliases resolved)."""
    for subject in subjects:
        if subject not in timeline.subjects:
            known = ", ".join(timeline.subjects) or "none"
            raise click.UsageError(
                f"--subject: no subject {subject!r} in the input; subjects: {known}"
            )
    wanted: set[str] = set()
    present = {account.network for account in timeline.accounts.values()}
    for network in networks:
        profile = registry.networks.get(network)
        ids = set(profile.ids) if profile is not None else {network}
        if not ids & present:
            raise click.UsageError(
                f"--network: no account on {network!r} in the input; networks: {', '.join(sorted(present)) or 'none'}"
            )
        wanted |= ids
    if not subjects and not wanted:
        return report
    return report.filter(subject=subjects or None, network=sorted(wanted) or None)


def _statistics(report: Report, *, as_json: bool) -> str:
    """Findings per rule, most first, like ``ruff --statistics``."""
    counts = Counter((f.code, f.rule) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if as_json:
        data = [{"code": code, "name": rule, "count": count} for (code, rule), count in rows]
        return json.dumps(data, indent=2) + "\n"
    lines = [f"{count:>5}  {code:<7} {rule}" for (code, rule), count in rows]
    total = len(report.findings)
    lines.append(f"Found {total} finding{'s' if total != 1 else ''}.")
    return "\n".join(lines) + "\n"


# -- rules, networks, plugins ----------------------------------------------------------------


def _dump(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@main.command()
@click.argument("rule", required=False, metavar="[CODE|NAME]")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file.",
)
def rules(rule: str | None, as_json: bool, config_path: str | None) -> None:
    """List every installed rule, or explain one.

    \b
    Examples:
      socialnorms rules
      socialnorms rules CODE
      socialnorms rules NAME --json
    """
    registry = _registry(config_path)
    if rule is not None:
        found = registry.rule(rule)
        if found is None:
            raise click.UsageError(f"no rule {rule!r}; list them with 'socialnorms rules'")
        if as_json:
            _dump(rule_data(found))
        else:
            click.echo(explain_rule(found), nl=False)
        return
    everything = list(registry.rules.values())
    if as_json:
        _dump([rule_data(r) for r in everything])
        return
    rows = [
        (r.rule.code, r.rule.name, r.guideline, r.rule.severity.value, r.plugin) for r in everything
    ]
    click.echo(
        table(("code", "name", "guideline", "severity", "plugin"), rows)
        if rows
        else "No rules installed.\n",
        nl=False,
    )


@main.command()
@click.argument("network", required=False, metavar="[NAME]")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file.",
)
def networks(network: str | None, as_json: bool, config_path: str | None) -> None:
    """List the installed network profiles, or show one with the source of every figure.

    \b
    Examples:
      socialnorms networks
      socialnorms networks linkedin
    """
    registry = _registry(config_path)
    if network is not None:
        profile = registry.networks.get(network)
        if profile is None:
            known = ", ".join(p.id for p in unique_networks(registry)) or "none"
            raise click.UsageError(f"no network {network!r}; installed: {known}")
        plugin = registry.network_plugin(profile.id)
        if as_json:
            _dump(network_data(profile, plugin))
        else:
            click.echo(explain_network(profile, plugin), nl=False)
        return
    profiles = unique_networks(registry)
    if as_json:
        _dump([network_data(p, registry.network_plugin(p.id)) for p in profiles])
        return
    rows = [
        (p.id, p.name, ", ".join(p.aliases), registry.network_plugin(p.id) or "") for p in profiles
    ]
    click.echo(
        table(("id", "name", "aliases", "plugin"), rows)
        if rows
        else "No network profiles installed.\n",
        nl=False,
    )


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file.",
)
def plugins(as_json: bool, config_path: str | None) -> None:
    """List every plugin: distribution, version, what it registered, or why it failed to load.

    \b
    Examples:
      socialnorms plugins
      socialnorms plugins --json
    """
    registry = _registry(config_path)
    data = plugin_data(registry)
    if as_json:
        _dump(data)
        return
    rows = [
        (
            p["name"],
            p["distribution"] + (" (built-in)" if p["builtin"] else ""),
            p["version"],
            f"FAILED: {p['error']}" if p["error"] else ", ".join(p["provides"]) or "-",
        )
        for p in data
    ]
    click.echo(table(("plugin", "distribution", "version", "provides"), rows), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o", "--output", required=True, help="The activity file to write (- for standard output)."
)
@click.option(
    "--from",
    "source_format",
    default=None,
    metavar="FORMAT",
    help="Read as this format instead of detecting it (twitter, mastodon, bluesky, linkedin, ...).",
)
@click.option(
    "--owner",
    "--subject",
    "owner",
    default=None,
    metavar="NAME",
    help="Whose exports these are: the subject of their owners, and the owner's name "
    "where an export does not say (--subject is an older name).",
)
@click.option(
    "--timezone",
    default=None,
    metavar="ZONE",
    help="IANA zone of times the export writes without one (LinkedIn), e.g. Europe/Paris.",
)
@click.option(
    "--tolerant", is_flag=True, help="Skip, count and list bad records instead of stopping."
)
@_collector_paused
def convert(
    paths: tuple[str, ...],
    output: str,
    source_format: str | None,
    owner: str | None,
    timezone: str | None,
    tolerant: bool,
) -> None:
    """Convert exports (X, Mastodon, Bluesky, LinkedIn, Facebook, Instagram,
    ActivityStreams) into one activity file that other tools can read.

    Example: socialnorms convert twitter-2025.zip -o acme.jsonl
    """
    from ..io.activity import write_activity

    try:
        checker = Checker(config=Config.discover())
        options = ReadOptions(tolerant=tolerant, owner=owner, timezone=timezone)
        result = checker.read_result(list(paths), format=source_format, options=options)
        stream = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        try:
            write_activity(stream, result.accounts, result.actions, coverage=result.coverage)
        finally:
            if stream is not sys.stdout:
                stream.close()
    except (InputError, ConfigError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{output}: cannot write: {exc.strerror or exc}")
    for record in result.skipped:
        click.echo(f"socialnorms: skipped {record}", err=True)
    if output != "-":
        click.echo(
            f"wrote {len(result.accounts)} accounts and {len(result.actions)} actions to {output}",
            err=True,
        )


# -- new-plugin ---------------------------------------------------------------------------------


@main.command("new-plugin")
@click.argument("name")
@click.option(
    "--prefix",
    default=None,
    metavar="CODE_PREFIX",
    help="Capitals that start the plugin's rule codes (default: the initials of NAME).",
)
@click.option(
    "-o",
    "--output",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder to create the distribution in.",
)
def new_plugin(name: str, prefix: str | None, output: str) -> None:
    """Create a check plugin distribution, with a sample rule and its tests, to start from.

    \b
    Examples:
      socialnorms new-plugin house-style
      socialnorms new-plugin house-style --prefix ACME --output plugins
    """
    from .scaffold import ScaffoldError, plugin_names
    from .scaffold import new_plugin as scaffold

    try:
        names = plugin_names(name, prefix)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        folder = scaffold(name, prefix=prefix, output=output)
    except ScaffoldError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{output}: cannot write: {exc.strerror or exc}")
    click.echo(
        f"created {folder}: plugin {names.name!r}, rule {names.prefix}001 in {names.package}\n\n"
        f'next:\n  cd {folder}\n  python -m pip install -e ".[test]"\n  python -m pytest\n'
        f"  socialnorms rules {names.prefix}001"
    )


__all__ = ["main"]
