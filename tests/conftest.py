"""Shared set-up: the author's kit as a pytest plugin, hypothesis profiles, and a
clean plugin environment for every test."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import socialnorms

pytest_plugins = ["socialnorms.testing"]

# No deadlines: timing is not behaviour, and a loaded CI machine must not fail a test.
settings.register_profile("dev", deadline=None, max_examples=60)
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=40,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def _clean_plugin_environment(monkeypatch: pytest.MonkeyPatch):
    """Each test starts without SOCIALNORMS_* variables and without a cached plugin manager."""
    for name in list(os.environ):
        if name.startswith("SOCIALNORMS_"):
            monkeypatch.delenv(name)
    socialnorms.reset_plugin_manager()
    yield
    socialnorms.reset_plugin_manager()
