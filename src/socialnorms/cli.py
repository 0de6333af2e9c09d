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
@click.option("--format", "output_format", default="text", show_default=True, help="Output format: text, json, markdown, html or one a plugin adds.")
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
