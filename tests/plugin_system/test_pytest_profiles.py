"""The kit's pytest plugin leaves another project's hypothesis profile alone: it
registers ``mygrad-ci``/``mygrad-dev`` but loads one only when the run asks for it."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

FOREIGN_CONFTEST = """
from hypothesis import settings

settings.register_profile("theirs", max_examples=7)
settings.load_profile("theirs")
"""

FOREIGN_TEST = """
import os
from hypothesis import settings

def test_profile():
    expected = os.environ.get("EXPECT", "theirs")
    assert settings.get_current_profile_name() == expected
    assert settings.default.max_examples == {"theirs": 7, "mygrad-ci": 25}[expected]
    settings.get_profile("mygrad-ci")  # registered, available to whoever wants it
"""


@pytest.fixture
def foreign(pytester, monkeypatch):
    for var in ("CI", "HYPOTHESIS_PROFILE", "EXPECT"):
        monkeypatch.delenv(var, raising=False)
    pytester.makeconftest(FOREIGN_CONFTEST)
    pytester.makepyfile(test_foreign=FOREIGN_TEST)
    return pytester


def test_ci_alone_keeps_the_projects_profile(foreign, monkeypatch):
    monkeypatch.setenv("CI", "1")
    foreign.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_no_request_keeps_the_projects_profile(foreign):
    foreign.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


@pytest.mark.parametrize("how", ["env", "option"])
def test_asking_for_mygrad_ci_loads_it(foreign, monkeypatch, how):
    monkeypatch.setenv("EXPECT", "mygrad-ci")
    if how == "env":
        monkeypatch.setenv("HYPOTHESIS_PROFILE", "mygrad-ci")
        args = ()
    else:
        args = ("--hypothesis-profile=mygrad-ci",)
    foreign.runpytest_subprocess("-p", "no:cacheprovider", *args).assert_outcomes(passed=1)


def test_another_profile_name_in_the_environment_is_not_ours(foreign, monkeypatch):
    # HYPOTHESIS_PROFILE naming the project's own profile: we do not try to load it
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "theirs")
    foreign.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
