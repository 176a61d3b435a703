"""The core's tests run against an isolated registry holding only mygrad-core's own
entries plus the test-only arithmetic of ``_ops`` (no installed plugin is used)."""

from __future__ import annotations

import pytest

from mygrad_core._state import STATE

from . import _ops


@pytest.fixture(autouse=True)
def core_only(mygrad_registry):
    mygrad_registry(_ops, "core-test-ops")
    tracking, guard = STATE.tracking, STATE.mem_guard
    yield
    # a test that fails half-way must not leak global switches into the next one
    STATE.tracking, STATE.mem_guard = tracking, guard
    _ops.CALLS.clear()


@pytest.fixture
def calls():
    _ops.CALLS.clear()
    return _ops.CALLS

