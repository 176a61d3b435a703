"""Sorting and selection, differentiable: sort, partition, select, take, take_along_axis,
compress, extract and choose.

Each output element is an input element picked by NumPy's own logic, so the gradient
of an output element goes back to the element it was picked from (a repeated pick
accumulates). Index and condition arguments are not differentiable.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

import numpy as np

from mygrad_core import Tensor
from mygrad_math._gather import data_of, gather

__all__ = [
    "sort",
    "partition",
    "select",
    "take",
    "take_along_axis",
    "compress",
    "extract",
    "choose",
]

_SCALARS = (int, float, bool, complex)


def _arr(x: Any) -> np.ndarray:
    return np.asarray(data_of(x))


def _along(p: np.ndarray, perm: np.ndarray, axis: Optional[int]) -> np.ndarray:
    if axis is None:
        return p.ravel()[perm]
    return np.take_along_axis(p, perm, axis=axis)


def sort(
    a: Any,
    axis: Optional[int] = -1,
    kind: Any = None,
    order: Any = None,
    *,
    stable: Optional[bool] = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """A sorted copy of a tensor; the gradient is scattered back through the permutation.

    Parameters
    ----------
    a : ArrayLike
    axis : Optional[int], default -1
        The axis to sort along; None sorts the flattened tensor.
    kind, order, stable
        As for ``numpy.sort``.
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([3.0, 1.0, 2.0])
    >>> y = mg.sort(x)
    >>> y
    Tensor([1., 2., 3.])
    >>> (y * [1.0, 10.0, 100.0]).sum().backward()
    >>> x.grad
    array([100.,   1.,  10.])
    """
    arr = _arr(a)
    kw = {} if stable is None else {"stable": stable}
    perm = np.argsort(arr, axis=axis, kind=kind, order=order, **kw)
    return gather(
        (a,),
        lambda x: _along(x, perm, axis),
        lambda p: [(_along(p, perm, axis), None)],
        constant=constant,
    )


def partition(
    a: Any,
    kth: Any,
    axis: Optional[int] = -1,
    kind: Any = "introselect",
    order: Any = None,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """A partitioned copy of a tensor (``numpy.partition``), differentiable.

    The element at each ``kth`` position is where it would be in sorted order, smaller
    ones before it and larger ones after it.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([3.0, 4.0, 2.0, 1.0])
    >>> y = mg.partition(x, 2)
    >>> y[2]
    Tensor(3.)
    >>> y[2].backward()
    >>> x.grad
    array([1., 0., 0., 0.])
    """
    perm = np.argpartition(_arr(a), data_of(kth), axis=axis, kind=kind, order=order)
    return gather(
        (a,),
        lambda x: _along(x, perm, axis),
        lambda p: [(_along(p, perm, axis), None)],
        constant=constant,
    )


def select(
    condlist: Sequence[Any],
    choicelist: Sequence[Any],
    default: Any = 0,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """Elements from ``choicelist`` by the first true condition (``numpy.select``).

    Differentiable in every choice and in ``default``; the conditions are not.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([-1.0, 0.5, 2.0])
    >>> y = mg.select([x < 0, x > 1], [-x, x ** 2], default=x)
    >>> y
    Tensor([1. , 0.5, 4. ])
    >>> y.backward()
    >>> x.grad
    array([-1.,  1.,  4.])
    """
    conds = [data_of(c) for c in condlist]
    choices = list(choicelist)
    n = len(choices)
    if isinstance(default, _SCALARS):
        # a Python number keeps NumPy's weak-scalar dtype rule and has no gradient
        return gather(
            choices,
            lambda *cs: np.select(conds, list(cs), default),
            lambda *ps: [(np.select(conds, list(ps), -1), None)],
            constant=constant,
        )
    return gather(
        (*choices, default),
        lambda *cs: np.select(conds, list(cs[:n]), cs[n]),
        lambda *ps: [(np.select(conds, list(ps[:n]), ps[n]), None)],
        constant=constant,
    )


def take(
    a: Any,
    indices: Any,
    axis: Optional[int] = None,
    out: Any = None,
    mode: Any = "raise",
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """Elements of a tensor at ``indices`` along an axis (``numpy.take``), differentiable.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0, 3.0])
    >>> y = mg.take(x, [0, 0, 2])
    >>> y
    Tensor([1., 1., 3.])
    >>> y.backward()
    >>> x.grad
    array([2., 0., 1.])
    """
    ind = data_of(indices)
    return gather(
        (a,),
        lambda x: np.take(x, ind, axis=axis, mode=mode),
        lambda p: [(np.take(p, ind, axis=axis, mode=mode), None)],
        constant=constant,
        out=out,
    )


def take_along_axis(
    arr: Any, indices: Any, axis: Optional[int] = -1, *, constant: Optional[bool] = None
) -> Tensor:
    """Pick values by matching 1-D index slices (``numpy.take_along_axis``), differentiable.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[10.0, 30.0, 20.0]])
    >>> mg.take_along_axis(x, mg.argsort(x, axis=1), axis=1)
    Tensor([[10., 20., 30.]])
    """
    ind = data_of(indices)
    return gather(
        (arr,),
        lambda x: np.take_along_axis(x, ind, axis=axis),
        lambda p: [(np.take_along_axis(p, ind, axis=axis), None)],
        constant=constant,
    )


def compress(
    condition: Any,
    a: Any,
    axis: Optional[int] = None,
    out: Any = None,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The slices of a tensor along an axis where ``condition`` holds (``numpy.compress``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.compress([True, False, True], mg.tensor([1.0, 2.0, 3.0]))
    Tensor([1., 3.])
    """
    cond = data_of(condition)
    return gather(
        (a,),
        lambda x: np.compress(cond, x, axis=axis),
        lambda p: [(np.compress(cond, p, axis=axis), None)],
        constant=constant,
        out=out,
    )


def extract(condition: Any, arr: Any, *, constant: Optional[bool] = None) -> Tensor:
    """The elements of a tensor where ``condition`` holds, flattened (``numpy.extract``).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, -2.0], [-3.0, 4.0]])
    >>> mg.extract(x > 0, x)
    Tensor([1., 4.])
    """
    cond = data_of(condition)
    return gather(
        (arr,),
        lambda x: np.extract(cond, x),
        lambda p: [(np.extract(cond, p), None)],
        constant=constant,
    )


def choose(
    a: Any,
    choices: Any,
    out: Any = None,
    mode: Any = "raise",
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """Build a tensor from an index array and choices (``numpy.choose``), differentiable
    in the choices.

    Examples
    --------
    >>> import mygrad as mg
    >>> c0 = mg.tensor([1.0, 2.0, 3.0])
    >>> c1 = mg.tensor([10.0, 20.0, 30.0])
    >>> y = mg.choose([0, 1, 0], [c0, c1])
    >>> y
    Tensor([ 1., 20.,  3.])
    >>> y.backward()
    >>> c1.grad
    array([0., 1., 0.])
    """
    idx = data_of(a)
    if isinstance(choices, (Tensor, np.ndarray)):
        # one array whose first axis enumerates the choices
        return gather(
            (choices,),
            lambda c: np.choose(idx, c, mode=mode),
            lambda p: [(np.choose(idx, p, mode=mode), None)],
            constant=constant,
            out=out,
        )
    choices = list(choices)
    return gather(
        choices,
        lambda *cs: np.choose(idx, cs, mode=mode),
        lambda *ps: [(np.choose(idx, ps, mode=mode), None)],
        constant=constant,
        out=out,
    )


NUMPY_OVERRIDES = {
    np.sort: sort,
    np.partition: partition,
    np.select: select,
    np.take: take,
    np.take_along_axis: take_along_axis,
    np.compress: compress,
    np.extract: extract,
    np.choose: choose,
}
