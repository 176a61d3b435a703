"""Indexing: ``Tensor.__getitem__``/``__setitem__`` and ``where`` (``mygrad.indexing_routines``)."""

from __future__ import annotations

from typing import Any, Optional, Tuple, overload

import numpy as np

from mygrad_core.inplace import _is_basic, assign, execute_op
from mygrad_core.operation import Operation
from mygrad_core.tensor_base import Tensor

__all__ = ["getitem", "setitem", "where"]


def _index_data(index: Any) -> Any:
    """Tensors inside an index become arrays; lists of tensors too."""
    if isinstance(index, Tensor):
        return index.data
    if isinstance(index, tuple):
        return tuple(_index_data(i) for i in index)
    if isinstance(index, list) and any(isinstance(i, Tensor) for i in index):
        return [i.data if isinstance(i, Tensor) else i for i in index]
    return index


class GetItem(Operation):
    can_return_view = True

    def __call__(self, a: Tensor, index: Any) -> np.ndarray:
        self.variables = (a,)
        self.index = index
        return np.asarray(a.data[index])

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return array[self.index]

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[0]
        g = np.zeros(a.shape, dtype=grad.dtype)
        idx = self.index
        if _is_basic(idx) or (isinstance(idx, np.ndarray) and idx.dtype == bool):
            g[idx] = grad
        else:
            np.add.at(g, idx, grad)
        return g


def getitem(a: Tensor, index: Any) -> Tensor:
    """``a[index]``: basic indexing of a non-scalar result gives a view."""
    index = _index_data(index)
    try:
        return execute_op(GetItem, a, op_args=(index,))
    except IndexError as e:
        raise IndexError(f"{e} (indexing a tensor of shape {a.shape} with {index!r})") from None


def setitem(a: Tensor, index: Any, value: Any) -> None:
    """``a[index] = value``, in place and differentiable."""
    index = _index_data(index)
    if a.dtype.kind in "biu" and isinstance(value, (float, np.floating)):
        # NumPy refuses nan/inf for an integer slot (ValueError/OverflowError) rather
        # than storing garbage: a scratch 0-D write raises the same error
        np.empty((), dtype=a.dtype)[()] = value
    try:
        assign(a, value, index=index)
    except IndexError as e:
        raise IndexError(f"{e} (writing into a tensor of shape {a.shape} at index {index!r})") from None


class Where(Operation):
    def __call__(self, x: Tensor, y: Tensor, *, condition: np.ndarray) -> np.ndarray:
        self.variables = (x, y)
        self.condition = condition
        return np.where(condition, x.data, y.data)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if index == 0:
            return np.where(self.condition, grad, 0)
        return np.where(self.condition, 0, grad)


_NO_VALUE = object()


@overload
def where(condition: Any, *, constant: Optional[bool] = None) -> Tuple[np.ndarray, ...]: ...
@overload
def where(condition: Any, x: Any, y: Any, *, constant: Optional[bool] = None) -> Tensor: ...


def where(condition: Any, x: Any = _NO_VALUE, y: Any = _NO_VALUE, *, constant: Optional[bool] = None) -> Any:
    """Pick elements from ``x`` where ``condition`` holds, else from ``y``.

    With only ``condition`` this is ``np.asarray(condition).nonzero()`` (not
    differentiable).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.where([True, False], mgc.tensor([1.0, 2.0]), -1.0)
    Tensor([ 1., -1.])
    """
    if x is _NO_VALUE and y is _NO_VALUE:
        cond = condition.data if isinstance(condition, Tensor) else condition
        return np.asarray(cond).nonzero()
    if x is _NO_VALUE or y is _NO_VALUE:
        raise ValueError("where: either both or neither of x and y should be given")
    cond = np.asarray(condition.data if isinstance(condition, Tensor) else condition, dtype=bool)
    return execute_op(Where, x, y, op_kwargs={"condition": cond}, constant=constant)
