"""Every rule of every installed plugin does what its documented examples say."""

from __future__ import annotations

import warnings

import pytest

from socialnorms.engine.plugins import new_plugin_manager
from socialnorms.engine.registry import Registry
from socialnorms.testing import check_rule_examples


def _installed_codes() -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a broken plugin fails its own tests, not collection
        return list(Registry(new_plugin_manager()).rules)


@pytest.fixture(scope="module")
def installed():
    return new_plugin_manager()


@pytest.mark.parametrize("code", _installed_codes())
def test_documented_examples_hold(installed, code):
    check_rule_examples(installed, [code])
