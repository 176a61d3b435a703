"""Differences and related linear maps, differentiable: diff, ediff1d, gradient, trace,
and NumPy 2's cumulative_sum / cumulative_prod (available on every NumPy as
``mygrad.cumulative_sum``; ``numpy.cumulative_sum`` is overridden where it exists).
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple, Union

import numpy as np

import mygrad_math as _mm
from mygrad_core import Operation, Tensor, concatenate, execute_op, full, reshape, tensor
from mygrad_math._gather import NOVALUE, data_of, gather

__all__ = ["diff", "ediff1d", "gradient", "trace", "cumulative_sum", "cumulative_prod"]


class Diff(Operation):
    """``numpy.diff`` of ``a`` (with ``prepend``/``append`` among the inputs)."""

    def __call__(  # type: ignore[override]
        self, *tensors: Tensor, n: int = 1, axis: int = -1, has_pre: bool = False, has_app: bool = False
    ) -> np.ndarray:
        self.variables = tensors
        kw = {}
        it = iter(tensors[1:])
        if has_pre:
            kw["prepend"] = next(it).data
        if has_app:
            kw["append"] = next(it).data
        out = np.diff(tensors[0].data, n=n, axis=axis, **kw)
        a = tensors[0].data
        self.n = n
        self.axis = axis % a.ndim
        # the lengths along `axis` of the concatenated pieces: prepend, a, append
        pieces = [1 if np.ndim(kw[k]) == 0 else np.shape(kw[k])[self.axis] for k in ("prepend",) if k in kw]
        self.lengths = [*pieces, a.shape[self.axis]]
        if "append" in kw:
            v = kw["append"]
            self.lengths.append(1 if np.ndim(v) == 0 else np.shape(v)[self.axis])
        self.has_pre = has_pre
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        ax = self.axis
        g = grad
        for _ in range(self.n):
            # adjoint of one difference: out[i] = c[i + 1] - c[i]
            pad_front = [(0, 0)] * g.ndim
            pad_back = [(0, 0)] * g.ndim
            pad_front[ax] = (1, 0)
            pad_back[ax] = (0, 1)
            g = np.pad(g, pad_front) - np.pad(g, pad_back)
        bounds = np.cumsum([0, *self.lengths])
        # the inputs are (a, prepend?, append?); the pieces (prepend?, a, append?)
        order = ["a", *(["pre"] if self.has_pre else []), "app"]
        piece = ([*(["pre"] if self.has_pre else []), "a", "app"]).index(order[index])
        sl = [slice(None)] * g.ndim
        sl[ax] = slice(int(bounds[piece]), int(bounds[piece + 1]))
        return g[tuple(sl)]


def diff(
    a: Any,
    n: int = 1,
    axis: int = -1,
    prepend: Any = NOVALUE,
    append: Any = NOVALUE,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The ``n``-th discrete difference along an axis (``numpy.diff``).

    Differentiable in ``a`` and in ``prepend``/``append`` (a scalar one receives the
    sum of the gradients of the slice it stands for). With ``n=0``, ``a`` is returned
    unchanged, as NumPy does.

    Parameters
    ----------
    a : ArrayLike
    n : int
    axis : int
    prepend, append : Optional[ArrayLike]
        Values joined to ``a`` along ``axis`` before differencing.
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 4.0, 9.0, 16.0])
    >>> mg.diff(x)
    Tensor([3., 5., 7.])
    >>> y = mg.diff(x, n=2)
    >>> y
    Tensor([2., 2.])
    >>> y.backward()
    >>> x.grad
    array([ 1., -1., -1.,  1.])
    """
    n = int(n)
    if n == 0:
        return a if isinstance(a, Tensor) else tensor(a, constant=constant)
    if n < 0:
        raise ValueError(f"diff: order must be non-negative, got n={n}")
    nd = np.ndim(data_of(a))
    if nd == 0:
        raise ValueError("diff: requires input that is at least one dimensional, got a 0-D tensor")
    extras = [v for v in (prepend, append) if v is not NOVALUE and v is not None]
    return execute_op(
        Diff,
        a,
        *extras,
        op_kwargs={
            "n": n,
            "axis": int(axis),
            "has_pre": prepend is not NOVALUE and prepend is not None,
            "has_app": append is not NOVALUE and append is not None,
        },
        constant=constant,
    )


def ediff1d(
    ary: Any, to_end: Any = None, to_begin: Any = None, *, constant: Optional[bool] = None
) -> Tensor:
    """Differences between consecutive elements of the flattened tensor (``numpy.ediff1d``),
    with optional values joined at the ends (differentiable too).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 2.0], [4.0, 7.0]])
    >>> mg.ediff1d(x, to_begin=0.0)
    Tensor([0., 1., 2., 3.])
    """
    tensors = [ary]
    if to_begin is not None:
        tensors.append(to_begin)
    if to_end is not None:
        tensors.append(to_end)
    has_b, has_e = to_begin is not None, to_end is not None

    def split(items: Tuple[Any, ...]) -> Tuple[Any, Any, Any]:
        it = iter(items[1:])
        b = next(it) if has_b else None
        e = next(it) if has_e else None
        return items[0], b, e

    def value(*arrays: np.ndarray) -> Any:
        x, b, e = split(arrays)
        return np.ediff1d(x, to_end=e, to_begin=b)

    def index(*positions: np.ndarray) -> Any:
        p, b, e = split(positions)
        flat = p.ravel()
        heads = [] if b is None else [np.ravel(b)]
        tails = [] if e is None else [np.ravel(e)]
        none_h = [np.full(h.size, -1) for h in heads]
        none_t = [np.full(t.size, -1) for t in tails]
        plus = np.concatenate([*heads, flat[1:], *tails])
        minus = np.concatenate([*none_h, flat[:-1], *none_t])
        return [(plus, None), (minus, -1.0)]

    return gather(tensors, value, index, constant=constant)


def _probe_coefficients(n: int, spacing: Any, edge_order: Any) -> np.ndarray:
    """``c[d + 2, i]``: the weight of ``f[i + d]`` in ``numpy.gradient(f)[i]``, |d| <= 2.

    Every output of ``numpy.gradient`` along an axis is a weighted sum of input
    elements at most two places away; differentiating five comb vectors (ones every
    fifth place) reads all the weights off.
    """
    combs = (np.arange(n)[None, :] % 5 == np.arange(5)[:, None]).astype(np.float64)
    responses = np.stack([np.gradient(c, spacing, edge_order=edge_order) for c in combs])
    i = np.arange(n)
    coef = np.zeros((5, n))
    for d in range(-2, 3):
        j = i + d
        ok = (j >= 0) & (j < n)
        coef[d + 2, ok] = responses[j[ok] % 5, i[ok]]
    return coef


class GradientAlong(Operation):
    """``numpy.gradient`` of ``f`` along one axis: a linear map of ``f``, divided by the
    spacing ``h`` when ``h`` is a scalar tensor (the op's second input)."""

    def __call__(  # type: ignore[override]
        self, f: Tensor, *h: Tensor, spacing: Any = 1.0, axis: int = 0, edge_order: Any = 1
    ) -> np.ndarray:
        self.variables = (f, *h)
        if h:
            spacing = h[0].data
        self.spacing, self.axis, self.edge_order = spacing, axis, edge_order
        self.out = np.asarray(np.gradient(f.data, spacing, axis=axis, edge_order=edge_order))
        return self.out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if index == 1:  # out is proportional to 1 / h
            return np.asarray(-np.sum(grad * self.out) / self.spacing)
        ax = self.axis
        n = grad.shape[ax]
        coef = _probe_coefficients(n, self.spacing, self.edge_order)
        g = np.moveaxis(grad, ax, -1)
        out = np.zeros(g.shape)
        for d in range(-2, 3):
            # out[i + d] += coef[d, i] * g[i]
            lo, hi = max(0, -d), min(n, n - d)
            if lo < hi:
                out[..., lo + d : hi + d] += coef[d + 2, lo:hi] * g[..., lo:hi]
        return np.moveaxis(out, -1, ax)


# NumPy 2 returns a tuple of arrays for several axes, NumPy 1 a list
_GRADIENT_SEQ = tuple if int(np.__version__.split(".")[0]) >= 2 else list


def gradient(
    f: Any, *varargs: Any, axis: Any = None, edge_order: Any = 1, constant: Optional[bool] = None
) -> Union[Tensor, Any]:
    """The gradient of sampled values by central differences (``numpy.gradient``).

    Differentiable in ``f`` and in a scalar spacing given as a tensor; coordinate
    arrays in ``varargs`` are treated as constants. Returns one tensor per axis (a single tensor for one axis), in the
    container NumPy uses.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0, 4.0, 7.0])
    >>> y = mg.gradient(x)
    >>> y
    Tensor([1. , 1.5, 2.5, 3. ])
    >>> y.backward()
    >>> x.grad
    array([-1.5,  0.5, -0.5,  1.5])
    """
    arr = np.asarray(data_of(f))
    # NumPy validates everything (axis, spacing, edge_order, sizes) and raises its errors
    np.gradient(np.zeros(arr.shape), *[data_of(v) for v in varargs], axis=axis, edge_order=edge_order)
    nd = arr.ndim
    if axis is None:
        axes: List[int] = list(range(nd))
    elif isinstance(axis, (int, np.integer)):
        axes = [int(axis) % nd]
    else:
        axes = [int(a) % nd for a in axis]
    spacings = list(varargs)
    if not spacings:
        spacings = [1.0] * len(axes)
    elif len(spacings) == 1:
        spacings = spacings * len(axes)
    outs = []
    for s, ax in zip(spacings, axes):
        # a scalar tensor spacing is an input of the op; coordinates are constants
        h = (s,) if isinstance(s, Tensor) and s.ndim == 0 else ()
        kw = {"axis": ax, "edge_order": edge_order}
        if not h:
            kw["spacing"] = data_of(s)
        outs.append(execute_op(GradientAlong, f, *h, op_kwargs=kw, constant=constant))
    return outs[0] if len(outs) == 1 else _GRADIENT_SEQ(outs)


def trace(
    a: Any,
    offset: int = 0,
    axis1: int = 0,
    axis2: int = 1,
    dtype: Any = None,
    out: Any = None,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The sum along a diagonal (``numpy.trace``), differentiable.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> y = mg.trace(x)
    >>> y
    Tensor(5.)
    >>> y.backward()
    >>> x.grad
    array([[1., 0.],
           [0., 1.]])
    """
    return gather(
        (a,),
        lambda x: np.trace(x, offset=offset, axis1=axis1, axis2=axis2, dtype=dtype),
        lambda p: [(np.diagonal(p, offset=offset, axis1=axis1, axis2=axis2), None)],
        constant=constant,
        out=out,
    )


def _cumulative(
    name: str, x: Any, axis: Optional[int], dtype: Any, include_initial: bool, constant: Optional[bool]
) -> Tensor:
    nd = np.ndim(data_of(x))
    if axis is None:
        if nd > 1:
            raise ValueError(
                f"{name}: for arrays which have more than one dimension ``axis`` argument is required, "
                f"got a tensor of shape {np.shape(data_of(x))}"
            )
        axis = 0
    if nd == 0:  # NumPy treats a 0-D input as 1-D
        x = reshape(x, (1,))
        nd = 1
    axis = int(axis)
    fn = _mm.cumsum if name == "cumulative_sum" else _mm.cumprod
    res = fn(x, axis=axis, dtype=dtype, constant=constant)
    if not include_initial:
        return res
    shape = list(res.shape)
    shape[axis % nd] = 1
    first = full(tuple(shape), 0 if name == "cumulative_sum" else 1, dtype=res.dtype, constant=True)
    return concatenate([first, res], axis=axis)


def cumulative_sum(
    x: Any,
    /,
    *,
    axis: Optional[int] = None,
    dtype: Any = None,
    out: Any = None,
    include_initial: bool = False,
    constant: Optional[bool] = None,
) -> Tensor:
    """The cumulative sum along an axis (NumPy 2's ``cumulative_sum``).

    ``axis`` is required for a tensor of more than one dimension; with
    ``include_initial=True`` the result starts with the sum of nothing (0).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.cumulative_sum(mg.tensor([1.0, 2.0, 3.0]), include_initial=True)
    Tensor([0., 1., 3., 6.])
    """
    res = _cumulative("cumulative_sum", x, axis, dtype, include_initial, constant)
    return res if out is None else _into(out, res)


def cumulative_prod(
    x: Any,
    /,
    *,
    axis: Optional[int] = None,
    dtype: Any = None,
    out: Any = None,
    include_initial: bool = False,
    constant: Optional[bool] = None,
) -> Tensor:
    """The cumulative product along an axis (NumPy 2's ``cumulative_prod``).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> mg.cumulative_prod(x, axis=1, include_initial=True)
    Tensor([[ 1.,  1.,  2.],
            [ 1.,  3., 12.]])
    """
    res = _cumulative("cumulative_prod", x, axis, dtype, include_initial, constant)
    return res if out is None else _into(out, res)


def _into(out: Any, res: Tensor) -> Any:
    if isinstance(out, Tensor):
        out[...] = res
        return out
    np.copyto(out, res.data, casting="same_kind")
    return out


NUMPY_OVERRIDES = {
    np.diff: diff,
    np.ediff1d: ediff1d,
    np.gradient: gradient,
    np.trace: trace,
}
for _name in ("cumulative_sum", "cumulative_prod"):
    if hasattr(np, _name):  # NumPy >= 2.1
        NUMPY_OVERRIDES[getattr(np, _name)] = globals()[_name]
