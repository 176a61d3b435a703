"""Helpers for the mygrad-io tests."""

import pytest

from mygrad_core import Operation, execute_op


class _Square(Operation):
    """A test-only op, so the io tests need no math plugin."""

    def __call__(self, x):
        self.variables = (x,)
        return x.data**2

    def backward_var(self, grad, index, **kwargs):
        return 2 * self.variables[0].data * grad


@pytest.fixture
def square():
    return lambda x: execute_op(_Square, x)

