"""The property every array-manipulation function of the core must hold (issue 14).

``check(fn, ref, *arrays)``: ``fn(*tensors, **kw)`` is the MyGrad form, ``ref(*arrays)``
a NumPy reference written by the test. Checked: values/shape/dtype against the
reference, gradients against central differences (float64, the kit), ``constant=``,
view-ness against NumPy (``np.shares_memory`` with each input), and, when given, that the
``np.`` form on tensors returns a Tensor of the same values.

``leaf_from_constants``: the creation functions (``full``, ``linspace``) given only
constants make a leaf as MyGrad's do (a float leaf is a variable), not a constant.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

import numpy as np

from mygrad_core import Tensor, tensor
from mygrad_core.testing import assert_grads_match_numerical, assert_matches_numpy

NUMPY2 = int(np.__version__.split(".")[0]) >= 2


def check(
    fn: Callable[..., Any],
    ref: Callable[..., Any],
    *arrays: np.ndarray,
    np_fn: Optional[Callable[..., Any]] = None,
    grad: bool = True,
    leaf_from_constants: bool = False,
) -> None:
    expected = ref(*arrays)
    assert_matches_numpy(fn, ref, *arrays)
    if grad:
        assert_grads_match_numerical(fn, *arrays)

    ts = [tensor(a) for a in arrays]
    out = fn(*ts)
    assert isinstance(out, Tensor)
    if out.dtype.kind == "f":
        assert not out.constant, "a variable input must give a variable result"
    assert fn(*ts, constant=True).constant, "constant=True must give a constant"
    if not leaf_from_constants:
        assert fn(*[tensor(a, constant=True) for a in arrays]).constant, "constant inputs give a constant"

    for i, (t, a) in enumerate(zip(ts, arrays)):
        assert np.shares_memory(out.data, t.data) == np.shares_memory(expected, a), (
            f"view-ness with input {i} differs from NumPy's"
        )

    if np_fn is not None:
        ts = [tensor(a) for a in arrays]
        got = np_fn(*ts)
        assert isinstance(got, Tensor), f"the np. form returned {type(got).__name__}"
        np.testing.assert_array_equal(got.data, expected)
        if got.dtype.kind == "f":
            assert not got.constant
