"""The ``socialnorms`` command line."""

from __future__ import annotations

import sys

import click

from . import __version__
from .checks import Severity
from .config import Config, ConfigError
from .engine import Checker
from .io import InputError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="socialnorms")
def main() -> None:
    """Check how a person or brand behaves on social networks against etiquette norms."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", default="text", show_default=True, help="Output format: text or json.")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]), default=None,
              help="Exit 1 when a finding reaches this severity (default: error).")
@click.option("--tolerant", is_flag=True, help="Skip, count and list bad records instead of stopping.")
def check(paths: tuple[str, ...], output_format: str, fail_on: str | None, tolerant: bool) -> None:
    """Check activity files (several files form one timeline; - reads stdin).

    Example: socialnorms check examples/acme.jsonl --format json
    """
    try:
        config = Config.discover()
        checker = Checker(config=config)
        reporter = checker.registry.reporters.get(output_format)
        if reporter is None:
            raise click.UsageError(
                f"unknown format {output_format!r}; installed: {', '.join(checker.registry.reporters)}"
            )
        report = checker.check(list(paths), tolerant=tolerant)
    except (InputError, ConfigError) as exc:
        click.echo(f"socialnorms: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(reporter.render(report), nl=False)
    sys.exit(EXIT_FINDINGS if report.fails(fail_on or config.fail_on) else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="The activity file to write (- for standard output).")
@click.option("--from", "source_format", default=None, metavar="FORMAT",
              help="Read as this format instead of detecting it (twitter, mastodon, bluesky, linkedin, ...).")
@click.option("--subject", default=None, help="Name of the subject, when the export does not say whose it is.")
@click.option("--timezone", default=None, metavar="ZONE",
              help="IANA zone of times the export writes without one (LinkedIn), e.g. Europe/Paris.")
@click.option("--tolerant", is_flag=True, help="Skip, count and list bad records instead of stopping.")
def convert(paths: tuple[str, ...], output: str, source_format: str | None, subject: str | None,
            timezone: str | None, tolerant: bool) -> None:
    """Convert exports (X, Mastodon, Bluesky, LinkedIn, Facebook, Instagram,
    ActivityStreams) into one activity file that other tools can read.

    Example: socialnorms convert twitter-2025.zip -o acme.jsonl
    """
    from .io import ReadOptions
    from .io.activity import write_activity

    try:
        checker = Checker(config=Config.discover())
        options = ReadOptions(tolerant=tolerant, subject=subject, timezone=timezone)
        result = checker.read_result(list(paths), format=source_format, options=options)
        stream = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        try:
            write_activity(stream, result.accounts, result.actions, coverage=result.coverage)
        finally:
            if stream is not sys.stdout:
                stream.close()
    except (InputError, ConfigError) as exc:
        click.echo(f"socialnorms: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as exc:
        click.echo(f"socialnorms: {output}: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_USAGE)
    for record in result.skipped:
        click.echo(f"socialnorms: skipped {record}", err=True)
    if output != "-":
        click.echo(f"wrote {len(result.accounts)} accounts and {len(result.actions)} actions to {output}", err=True)
