"""The plugin-author kit: gradient checks, forward checks and hypothesis strategies.

Importing this module does not import hypothesis; :mod:`mygrad_core.testing.strategies`
does (install ``mygrad-core[testing]``).
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

import numpy as np

from mygrad_core.graph import no_autodiff
from mygrad_core.tensor_base import Tensor, tensor

__all__ = [
    "numerical_gradient",
    "assert_grads_match_numerical",
    "assert_matches_numpy",
    "check_op_contract",
]


def _as_array(x: Any) -> np.ndarray:
    return np.asarray(x.data if isinstance(x, Tensor) else x)


def numerical_gradient(
    f: Callable[..., Any],
    *arrays: Any,
    back_grad: Any = None,
    h: float = 1e-6,
    wrt: Optional[Sequence[int]] = None,
    kwargs: Optional[dict] = None,
) -> list:
    """Central-difference gradients of ``sum(f(*arrays) * back_grad)``, in float64.

    ``f`` is called with float64 ndarrays (wrapped as tensors by MyGrad functions).
    Returns one array (or None, for indices not in ``wrt``) per input.

    Examples
    --------
    >>> import numpy as np
    >>> numerical_gradient(lambda x: x ** 2, np.array([1.0, 2.0]))[0].round(5)
    array([2., 4.])
    """
    kwargs = kwargs or {}
    xs = [np.array(_as_array(a), dtype=np.float64) for a in arrays]
    wrt = range(len(xs)) if wrt is None else wrt

    def scalar(*vals: np.ndarray) -> float:
        with no_autodiff:
            out = _as_array(f(*vals, **kwargs)).astype(np.float64)
        g = np.ones_like(out) if back_grad is None else np.broadcast_to(np.asarray(back_grad, dtype=np.float64), out.shape)
        return float(np.sum(out * g))

    grads: list = [None] * len(xs)
    for i in wrt:
        x = xs[i]
        g = np.zeros_like(x)
        for idx in np.ndindex(x.shape):
            orig = x[idx]
            x[idx] = orig + h
            fp = scalar(*xs)
            x[idx] = orig - h
            fm = scalar(*xs)
            x[idx] = orig
            g[idx] = (fp - fm) / (2 * h)
        grads[i] = g
    return grads


def assert_grads_match_numerical(
    f: Callable[..., Any],
    *inputs: Any,
    back_grad: Any = None,
    atol: float = 1e-5,
    rtol: float = 1e-5,
    h: float = 1e-6,
    kwargs: Optional[dict] = None,
) -> None:
    """Check the gradients MyGrad computes for ``f(*inputs)`` against central differences.

    ``inputs`` may be tensors (their ``constant`` flags are respected: constants must
    end with ``grad is None``) or array-likes (made into float64 variable tensors).
    The check runs in float64 regardless of the inputs' dtypes.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> assert_grads_match_numerical(lambda x: mgc.transpose(x), mgc.tensor([[1.0, 2.0]]))
    """
    kwargs = kwargs or {}
    ts = []
    for a in inputs:
        if isinstance(a, Tensor):
            ts.append(tensor(a.data.astype(np.float64), constant=a.constant))
        else:
            ts.append(tensor(np.asarray(a, dtype=np.float64)))
    out = f(*ts, **kwargs)
    if not isinstance(out, Tensor):
        raise AssertionError(f"f returned {type(out).__name__}, expected a Tensor")
    bg = None if back_grad is None else np.broadcast_to(np.asarray(back_grad, dtype=np.float64), out.shape)
    if bg is None:
        rng = np.random.default_rng(0)
        bg = rng.uniform(-2, 2, size=out.shape)
    out.backward(bg)
    wrt = [i for i, t in enumerate(ts) if not t.constant]
    num = numerical_gradient(f, *[t.data for t in ts], back_grad=bg, h=h, wrt=wrt, kwargs=kwargs)
    for i, t in enumerate(ts):
        if t.constant:
            assert t.grad is None, f"input {i} is a constant but received a gradient"
            continue
        assert t.grad is not None, f"input {i} received no gradient"
        assert t.grad.shape == t.shape, f"input {i}: grad shape {t.grad.shape} != tensor shape {t.shape}"
        np.testing.assert_allclose(t.grad, num[i], atol=atol, rtol=rtol, err_msg=f"gradient of input {i}")


def assert_matches_numpy(mg_func: Callable[..., Any], np_func: Callable[..., Any], *arrays: Any, rtol: float = 1e-7, atol: float = 0, **kwargs: Any) -> None:
    """Check that ``mg_func(*tensors)`` equals ``np_func(*arrays)`` in value, shape and dtype."""
    expected = np_func(*[_as_array(a) for a in arrays], **kwargs)
    got = mg_func(*[tensor(_as_array(a)) for a in arrays], **kwargs)
    got_arr = _as_array(got)
    assert got_arr.shape == np.shape(expected), f"shape {got_arr.shape} != NumPy's {np.shape(expected)}"
    assert got_arr.dtype == np.asarray(expected).dtype, f"dtype {got_arr.dtype} != NumPy's {np.asarray(expected).dtype}"
    np.testing.assert_allclose(got_arr, expected, rtol=rtol, atol=atol, equal_nan=True)


def check_op_contract(func: Callable[..., Any], *arrays: Any, ufunc: bool = False, **kwargs: Any) -> None:
    """Check the conventions every MyGrad op follows, on float64 copies of ``arrays``.

    Checked for every op:

    - constant inference: all-constant inputs give a constant result; making any one
      input a variable gives a variable result (when the result is float);
      ``constant=True`` forces a constant;
    - no mutation: neither the tensors' arrays nor plain ndarray inputs change;
    - memory guarding (if active): the inputs' arrays are read-only while the result's
      graph is alive, and ``backward`` restores their write flags as they were (an array
      that was read-only before stays read-only);
    - gradients: after ``backward`` each variable input has a gradient of its own shape.

    With ``ufunc=True`` also (the ufunc keyword contract):

    - ``out=`` a Tensor writes the forward values into it and returns that very
      object; ``out=`` an ndarray writes them into it and returns a Tensor whose
      ``.data`` is that array, guarded while its graph lives; either way a variable
      input keeps the result differentiable;
    - ``where=`` leaves the masked-out entries of ``out=`` untouched;
    - ``dtype=np.float32`` gives a float32 result.

    ``kwargs`` are passed to every call of ``func``. Raises AssertionError describing
    the first violation.

    Examples
    --------
    >>> import numpy as np
    >>> import mygrad_core as mgc
    >>> check_op_contract(mgc.transpose, np.arange(6.0).reshape(2, 3))
    """
    from mygrad_core.memguard import mem_guard_active

    arrays = tuple(np.array(_as_array(a), dtype=np.float64) for a in arrays)
    originals = [a.copy() for a in arrays]

    def fresh(*, constant: Optional[bool] = None) -> list:
        return [tensor(a, constant=constant) for a in arrays]

    # forward values, computed on constants
    result = func(*fresh(constant=True), **kwargs)
    assert isinstance(result, Tensor), f"the op returned {type(result).__name__}, expected a Tensor"
    expected = np.array(result.data, copy=True)
    floating = expected.dtype.kind in "fc"

    # constant inference
    assert result.constant, "all-constant inputs must give a constant result"
    if floating:
        for i in range(len(arrays)):
            ts = fresh(constant=True)
            ts[i] = tensor(arrays[i], constant=False)
            assert not func(*ts, **kwargs).constant, f"a variable input {i} must give a variable result"
    assert func(*fresh(), constant=True, **kwargs).constant, "constant=True must give a constant result"

    # plain ndarray inputs are accepted and not mutated
    nd = [a.copy() for a in arrays]
    np.testing.assert_allclose(_as_array(func(*nd, **kwargs)), expected, equal_nan=True, err_msg="ndarray inputs")
    for a, o in zip(nd, originals):
        np.testing.assert_array_equal(a, o, err_msg="the op mutated an ndarray input")

    # memory guarding and write flags; gradients' shapes
    ts = fresh()
    if ts:
        ts[0].data.flags.writeable = False  # a read-only input must stay read-only
    flags = [t.data.flags.writeable for t in ts]
    r = func(*ts, **kwargs)
    if floating and not r.constant:
        if mem_guard_active():
            for i, t in enumerate(ts):
                assert not t.data.flags.writeable, f"input {i}'s array must be read-only while its graph is alive"
        r.backward()
        for i, t in enumerate(ts):
            assert t.data.flags.writeable == flags[i], (
                f"backward must restore input {i}'s write flag to {flags[i]}"
            )
            if t.grad is not None:
                assert t.grad.shape == t.shape, f"input {i}: grad shape {t.grad.shape} != {t.shape}"
    for i, (t, o) in enumerate(zip(ts, originals)):
        np.testing.assert_array_equal(t.data, o, err_msg=f"the op mutated input {i}")
    for a, o in zip(arrays, originals):
        np.testing.assert_array_equal(a, o, err_msg="the op mutated an input")

    if not ufunc:
        return
    # out= an ndarray: a Tensor over that very array, in the graph; the array is
    # guarded while the graph lives
    target = np.full(expected.shape, -7.0)
    ts = fresh()
    got = func(*ts, out=target, **kwargs)
    assert isinstance(got, Tensor) and got.data is target, "out=ndarray must return a Tensor whose .data is that ndarray"
    np.testing.assert_allclose(target, expected, equal_nan=True, err_msg="out=ndarray values")
    if floating:
        assert not got.constant, "out=ndarray with variable inputs must be a variable"
        if mem_guard_active():
            assert not target.flags.writeable, "out=ndarray must be read-only while its graph is alive"
        got.backward()
        assert any(t.grad is not None for t in ts), "out=ndarray must stay differentiable"
        assert target.flags.writeable, "backward must make the out= ndarray writeable again"
    # out= a Tensor: the same object, holding the result, differentiable
    t_out = tensor(np.full(expected.shape, -7.0))
    ts = fresh()
    got = func(*ts, out=t_out, **kwargs)
    assert got is t_out, "out=Tensor must return the very same Tensor"
    np.testing.assert_allclose(t_out.data, expected, equal_nan=True, err_msg="out=Tensor values")
    if floating:
        assert not t_out.constant, "out=Tensor with variable inputs must be a variable"
        t_out.backward()
        assert any(t.grad is not None for t in ts), "out=Tensor must stay differentiable"
    # where= leaves masked-out entries of out= alone
    if expected.ndim:
        mask = np.zeros(expected.shape, dtype=bool)
        mask.flat[0] = True
        t_out = tensor(np.full(expected.shape, -7.0))
        func(*fresh(), out=t_out, where=mask, **kwargs)
        np.testing.assert_allclose(t_out.data[mask], expected[mask], equal_nan=True, err_msg="where= values")
        assert np.all(t_out.data[~mask] == -7.0), "where= must leave masked-out entries of out= unchanged"
    # dtype=
    r = func(*fresh(), dtype=np.float32, **kwargs)
    assert r.dtype == np.float32, f"dtype=float32 must give a float32 result, got {r.dtype}"
