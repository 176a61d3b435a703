"""Non-real data never gets into a tensor through an op (issue 11, item 6; ERRATA:
"complex data: TypeError everywhere, also through dtype=complex on a ufunc and from a
custom Operation's forward")."""

from __future__ import annotations

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import Operation, execute_op, tensor

from ._ops import multiply


@pytest.mark.parametrize("tracking", [True, False])
def test_ufunc_with_complex_dtype_raises_naming_op_and_dtype(tracking):
    x = tensor([1.0, 2.0])
    with (mgc.no_autodiff if not tracking else _nothing()):
        with pytest.raises(TypeError, match=r"Multiply.*complex128"):
            multiply(x, 2.0, dtype=complex)


def test_numpy_ufunc_with_complex_dtype_raises():
    with pytest.raises(TypeError, match=r"complex128"):
        np.multiply(tensor([1.0, 2.0]), 2.0, dtype=complex)


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


def _op_returning(value):
    class Weird(Operation):
        def __call__(self, x):
            self.variables = (x,)
            return value

        def backward_var(self, grad, index, **kwargs):  # pragma: no cover
            return grad

    return Weird


@pytest.mark.parametrize(
    "value, kind",
    [
        (np.array(["a", "b"]), "<U1"),
        (np.array([object(), 1], dtype=object), "object"),
        (np.array([1 + 2j, 3j]), "complex128"),
        ("text", "<U4"),
        (1j, "complex128"),
    ],
)
@pytest.mark.parametrize("tracking", [True, False])
def test_custom_op_returning_non_real_data_raises(value, kind, tracking):
    Op = _op_returning(value)
    x = tensor([1.0, 2.0])
    with (mgc.no_autodiff if not tracking else _nothing()):
        with pytest.raises(TypeError, match=rf"Weird.*{kind}"):
            execute_op(Op, x)
    assert x.data.flags.writeable  # the failed op left no guard behind


def test_real_kinds_still_work():
    for value in (np.array([1.0]), np.array([1]), np.array([True]), np.float32(2.0)):
        out = execute_op(_op_returning(value), tensor([1.0]))
        assert out.dtype.kind in "biuf"
