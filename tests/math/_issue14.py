"""Shared checks for the NumPy-coverage functions of issue 14 (elementwise extras,
differences, order statistics, nan-reductions, sorting and selection).

``check_function`` runs one function the four ways a user meets it and compares with
NumPy: ``mg.f(tensors)``, ``np.f(tensors)`` (NumPy's dispatch), gradients against
central differences (the kit, float64), ``constant=`` and inputs that are views.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import mygrad as mg
import numpy as np

from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical

# at most 4 ** 3 = 64 elements: the numerical gradients stay cheap
SMALL = dict(min_dims=1, max_dims=3, min_side=1, max_side=4)


def small_shapes(min_dims: int = 1, max_dims: int = 3, min_side: int = 1, max_side: int = 4) -> Any:
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def distinct(shape: Any, lo: int = -250, hi: int = 250, scale: float = 25.0) -> Any:
    """float64 arrays of pairwise distinct values at least ``1/scale`` apart (no ties, so
    sorts, extremes and order statistics have a well-defined gradient)."""
    return hnp.arrays(np.float64, shape, elements=st.integers(lo, hi).map(lambda i: i / scale), unique=True)


def floats(shape: Any, lo: float = -5.0, hi: float = 5.0) -> Any:
    # no subnormals: differences of size 1e-6 around 5e-324 say nothing about a gradient
    elements = st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False)
    return hnp.arrays(np.float64, shape, elements=elements)


def assert_same(got: Any, want: Any, rtol: float = 1e-7, atol: float = 1e-12) -> None:
    """``got`` (a Tensor) equals NumPy's ``want`` in shape, dtype and values."""
    assert isinstance(got, mg.Tensor), f"expected a Tensor, got {type(got).__name__}"
    want = np.asarray(want)
    assert got.shape == want.shape, f"shape {got.shape} != NumPy's {want.shape}"
    assert got.dtype == want.dtype, f"dtype {got.dtype} != NumPy's {want.dtype}"
    np.testing.assert_allclose(got.data, want, rtol=rtol, atol=atol, equal_nan=True)


def check_function(
    mg_f: Callable[..., Any],
    np_f: Optional[Callable[..., Any]],
    arrays: Sequence[np.ndarray],
    *,
    wrt: Optional[Sequence[int]] = None,
    grad: bool = True,
    rtol: float = 1e-7,
    grad_tol: float = 1e-5,
    view: bool = True,
    **kwargs: Any,
) -> None:
    """Value (mg. and np. forms) against NumPy, gradient, ``constant=`` and a view input.

    ``wrt``: the indices of ``arrays`` that are tensors (the others are passed as they
    are); all of them by default.
    """
    wrt = list(range(len(arrays))) if wrt is None else list(wrt)
    reference = np_f if np_f is not None else mg_f

    def args(make: Callable[[np.ndarray], Any]) -> list:
        return [make(a) if i in wrt else a for i, a in enumerate(arrays)]

    want = reference(*args(lambda a: a), **kwargs)
    got = mg_f(*args(tensor), **kwargs)
    assert_same(got, want, rtol=rtol)
    if np_f is not None:
        assert_same(np_f(*args(tensor), **kwargs), want, rtol=rtol)

    # constant=: inferred from the inputs, or forced
    assert mg_f(*args(lambda a: tensor(a, constant=True)), **kwargs).constant
    assert mg_f(*args(tensor), constant=True, **kwargs).constant
    if got.dtype.kind == "f":
        assert not mg_f(*args(tensor), **kwargs).constant

    if not grad:
        return

    def f(*ts: Any) -> Any:
        it = iter(ts)
        full = [next(it) if i in wrt else a for i, a in enumerate(arrays)]
        return mg_f(*full, **kwargs)

    tol = dict(atol=grad_tol, rtol=grad_tol)
    assert_grads_match_numerical(f, *[arrays[i] for i in wrt], **tol)

    if view and wrt:
        # the first tensor input is a view (every other element of a larger base): the
        # gradient must reach the base through the view
        first = wrt[0]
        a = arrays[first]
        base = np.repeat(a[..., None], 2, axis=-1)

        def through_view(b: Any, *rest: Any) -> Any:
            it = iter(rest)
            full = [b[..., 0] if i == first else (next(it) if i in wrt else x) for i, x in enumerate(arrays)]
            return mg_f(*full, **kwargs)

        assert_grads_match_numerical(through_view, base, *[arrays[i] for i in wrt if i != first], **tol)
