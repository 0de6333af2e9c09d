"""Hook specifications: what a socialnorms plugin can provide.

A plugin is a module (or any object) with functions marked ``@socialnorms.hookimpl``
and named after these hooks. It is found through the ``socialnorms`` entry-point
group::

    [project.entry-points.socialnorms]
    house-style = "socialnorms_house_style"

Every hook receives a ``register`` callback rather than returning a list: the host
validates each object at once, records which plugin supplied it, rejects duplicates
and sorts, so output never depends on the order plugins load in. An implementation
may accept fewer arguments than the specification lists; new arguments are only
ever added, so plugins written today keep working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ..io import Reader
    from ..report.reporters import Reporter
    from .checks import Check
    from .profiles import NetworkProfile
    from .topics import Topic

PROJECT = "socialnorms"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_checks(register: Callable[[Check], None]) -> None:
    """Register etiquette checks.

    Call ``register(check)`` once per check. A check is any object with a
    ``guideline`` name (kebab-case; findings are grouped under it), a sequence of
    :class:`~socialnorms.Rule` records in ``rules``, and a ``run(ctx)`` method that
    yields :class:`~socialnorms.Finding` values for the whole timeline in ``ctx``
    (a :class:`~socialnorms.CheckContext`). :func:`socialnorms.check_function`
    turns a plain function into one::

        @hookimpl
        def register_checks(register):
            register(house_style)

    A rule code already registered by another plugin is refused with a warning
    naming both plugins.

    :param register: ``register(check)``; raises :class:`TypeError` for an object
        that is not a check.

    .. versionadded:: 0.1.0
    """


@hookspec
def register_networks(register: Callable[[NetworkProfile], None]) -> None:
    """Register network audience profiles.

    Call ``register(profile)`` with a :class:`~socialnorms.NetworkProfile` for
    each network the plugin knows. The profile's ``id`` and ``aliases`` become
    names of the network; a name already taken is refused with a warning, unless
    the earlier registration came from a built-in plugin, which a third-party
    profile replaces (so a company can override a network's norms).

    :param register: ``register(profile)``.

    .. versionadded:: 0.1.0
    """


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register readers of export formats.

    Call ``register(reader)`` with a :class:`~socialnorms.io.Reader`: a ``name``
    (``--from NAME``), a ``detect(path)`` that says whether a file or folder is in
    the reader's format, and a ``read(path, options)`` that returns a
    :class:`~socialnorms.io.ReadResult` of accounts and actions.

    :param register: ``register(reader)``.

    .. versionadded:: 0.1.0
    """


@hookspec
def register_reporters(register: Callable[[Reporter], None]) -> None:
    """Register output formats.

    Call ``register(reporter)`` with a :class:`~socialnorms.report.reporters.Reporter`:
    a ``name`` (``--format NAME``) and a ``render(report)`` that returns the
    report as text.

    :param register: ``register(reporter)``.

    .. versionadded:: 0.1.0
    """


@hookspec
def register_topics(register: Callable[[Topic], None]) -> None:
    """Register topics for the topic model.

    Call ``register(topic)`` with a :class:`~socialnorms.core.topics.Topic`: a name and
    the terms that signal it (and, optionally, weak terms that count less and
    idioms that count for nothing). Checks use topics, through the
    :class:`~socialnorms.core.topics.TopicModel` in ``ctx.topics``, to judge whether a
    post fits a network's audience; a plugin can add topics of its own or extend
    the terms of a topic another plugin registered (same name).

    :param register: ``register(topic)``.

    .. versionadded:: 0.1.0
    """
