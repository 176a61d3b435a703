"""Joining and splitting tensors: the ``*stack`` family, block, append/insert/delete, splits.

Joins are one op each (their inputs reshaped as NumPy's ``atleast_*`` would, then
concatenated); splits return views of the input (basic slices), as NumPy's do.
"""

from __future__ import annotations

import operator
import warnings
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from mygrad_core.indexing import GetItem
from mygrad_core.inplace import execute_op
from mygrad_core.operation import Operation
from mygrad_core.tensor_base import Tensor

__all__ = [
    "vstack",
    "hstack",
    "dstack",
    "column_stack",
    "row_stack",
    "block",
    "append",
    "insert",
    "delete",
    "split",
    "array_split",
    "hsplit",
    "vsplit",
    "dsplit",
    "unstack",
]

_AxisError = getattr(np, "exceptions", np).AxisError


def _join_shape(kind: str, shape: Tuple[int, ...]) -> Tuple[int, ...]:
    """The shape an input takes before concatenation (NumPy's ``atleast_*d`` rules)."""
    nd = len(shape)
    if kind == "v":  # atleast_2d
        return shape if nd >= 2 else (1,) * (2 - nd) + shape
    if kind == "h":  # atleast_1d
        return shape if nd >= 1 else (1,)
    if kind == "d":  # atleast_3d
        if nd >= 3:
            return shape
        return {0: (1, 1, 1), 1: (1,) + shape + (1,), 2: shape + (1,)}[nd]
    if kind == "c":  # column_stack: 0-d and 1-d inputs become columns
        return shape if nd >= 2 else (shape[0] if nd else 1, 1)
    return shape


class Join(Operation):
    """Concatenate the inputs, each reshaped first as ``kind`` says (see ``_join_shape``)."""

    def __call__(self, *tensors: Tensor, kind: str, axis: Any, dtype: Any = None, casting: Any = "same_kind") -> np.ndarray:
        self.variables = tensors
        arrays = [t.data for t in tensors]
        if kind == "flat":
            arrays = [a.ravel() for a in arrays]
        else:
            arrays = [a.reshape(_join_shape(kind, a.shape)) for a in arrays]
        if kind == "h" and arrays and arrays[0].ndim == 1:
            axis = 0
        out = np.concatenate(arrays, axis=axis, dtype=dtype, casting=casting)
        ax = operator.index(axis) % out.ndim
        self.axis = ax
        self.bounds = np.cumsum([0] + [a.shape[ax] for a in arrays])
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        sl = [slice(None)] * grad.ndim
        sl[self.axis] = slice(self.bounds[index], self.bounds[index + 1])
        return grad[tuple(sl)].reshape(self.variables[index].shape)


def _as_sequence(func: str, tup: Any) -> List[Any]:
    if isinstance(tup, (Tensor, np.ndarray)):
        return list(tup)  # NumPy iterates an array along its first axis
    if not isinstance(tup, (list, tuple)):
        raise TypeError(f'{func}: arrays to stack must be passed as a "sequence" type such as list or tuple, got {type(tup).__name__}')
    return list(tup)


def _join(func: str, tup: Any, kind: str, axis: int, dtype: Any, casting: str, constant: Optional[bool]) -> Tensor:
    return execute_op(Join, *_as_sequence(func, tup), op_kwargs={"kind": kind, "axis": axis, "dtype": dtype, "casting": casting}, constant=constant)


def vstack(tup: Sequence[Any], *, dtype: Any = None, casting: str = "same_kind", constant: Optional[bool] = None) -> Tensor:
    """Stack tensors row-wise (along axis 0, after making each at least 2-D).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.vstack([mgc.tensor([1.0, 2.0]), mgc.tensor([3.0, 4.0])])
    Tensor([[1., 2.],
            [3., 4.]])
    """
    return _join("vstack", tup, "v", 0, dtype, casting, constant)


def row_stack(tup: Sequence[Any], *, dtype: Any = None, casting: str = "same_kind", constant: Optional[bool] = None) -> Tensor:
    """An alias of :func:`vstack` (deprecated by NumPy 2.0, as there).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.vstack([mgc.tensor([1.0]), mgc.tensor([2.0])]).shape
    (2, 1)
    """
    if int(np.__version__.split(".")[0]) >= 2:
        warnings.warn("`row_stack` alias is deprecated. Use `vstack` directly.", DeprecationWarning, stacklevel=2)
    return _join("row_stack", tup, "v", 0, dtype, casting, constant)


def hstack(tup: Sequence[Any], *, dtype: Any = None, casting: str = "same_kind", constant: Optional[bool] = None) -> Tensor:
    """Stack tensors column-wise (axis 1; axis 0 for 1-D tensors).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.hstack([mgc.tensor([1.0, 2.0]), mgc.tensor([3.0])])
    Tensor([1., 2., 3.])
    """
    return _join("hstack", tup, "h", 1, dtype, casting, constant)


def dstack(tup: Sequence[Any], *, constant: Optional[bool] = None) -> Tensor:
    """Stack tensors depth-wise (along axis 2, after making each at least 3-D).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.dstack([mgc.tensor([1.0, 2.0]), mgc.tensor([3.0, 4.0])]).shape
    (1, 2, 2)
    """
    return _join("dstack", tup, "d", 2, None, "same_kind", constant)


def column_stack(tup: Sequence[Any], *, constant: Optional[bool] = None) -> Tensor:
    """Stack 1-D tensors as the columns of a 2-D tensor (2-D ones as they are).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.column_stack([mgc.tensor([1.0, 2.0]), mgc.tensor([3.0, 4.0])])
    Tensor([[1., 3.],
            [2., 4.]])
    """
    return _join("column_stack", tup, "c", 1, None, "same_kind", constant)


def append(arr: Any, values: Any, axis: Optional[int] = None, *, constant: Optional[bool] = None) -> Tensor:
    """Append ``values`` to the end of ``arr`` (both flattened when ``axis`` is None).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.append(mgc.tensor([1.0, 2.0]), [[3.0], [4.0]])
    Tensor([1., 2., 3., 4.])
    """
    kind = "flat" if axis is None else "none"
    return execute_op(Join, arr, values, op_kwargs={"kind": kind, "axis": 0 if axis is None else axis}, constant=constant)


# ------------------------------------------------------------------ block


class Block(Operation):
    """``np.block``: each output element is one element of one leaf."""

    def __call__(self, *leaves: Tensor, build: Any) -> np.ndarray:
        self.variables = leaves
        out = np.block(build([t.data for t in leaves]))
        # the same layout, with each element replaced by its index among all leaves' elements
        sizes = [t.size for t in leaves]
        starts = np.cumsum([0] + sizes)
        ids = [np.arange(s, s + n).reshape(t.shape) for s, n, t in zip(starts, sizes, leaves)]
        self.source: Any = np.block(build(ids))
        self.starts = starts
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # one scatter serves every input: it is cached for the grad it was made from
        cached = getattr(self, "_scattered", None)
        if cached is None or cached[0] is not grad:
            flat = np.empty(self.starts[-1], dtype=grad.dtype)
            flat[self.source.ravel()] = grad.ravel()
            self._scattered = cached = (grad, flat)
        var = self.variables[index]
        return cached[1][self.starts[index] : self.starts[index + 1]].reshape(var.shape)


def block(arrays: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Assemble a tensor from nested lists of blocks, as ``numpy.block``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> a = mgc.tensor([[1.0, 2.0]])
    >>> mgc.block([[a, a], [mgc.zeros((1, 4), dtype="float64")]])
    Tensor([[1., 2., 1., 2.],
            [0., 0., 0., 0.]])
    """
    leaves: List[Any] = []

    def collect(node: Any) -> Any:
        if isinstance(node, list):
            return [collect(n) for n in node]
        if isinstance(node, tuple):
            raise TypeError("block: arrays is a tuple; only lists can be used to arrange blocks, and np.block does not allow implicit conversion from tuple to ndarray")
        leaves.append(node)
        return len(leaves) - 1

    layout = collect(arrays)

    def build(values: List[Any]) -> Any:
        def fill(node: Any) -> Any:
            return [fill(n) for n in node] if isinstance(node, list) else values[node]

        return fill(layout)

    return execute_op(Block, *leaves, op_kwargs={"build": build}, constant=constant)


# ------------------------------------------------------------------ insert, delete


class Insert(Operation):
    def __call__(self, arr: Tensor, values: Tensor, *, obj: Any, axis: Any) -> np.ndarray:
        self.variables = (arr, values)
        out = np.insert(arr.data, obj, values.data, axis=axis)
        # where each output element comes from: arr's flat index (>= 0) or -1 - values' flat index
        ids = np.insert(np.arange(arr.size).reshape(arr.shape), obj, -1 - np.arange(values.size).reshape(values.shape), axis=axis)
        self.ids = ids
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        var = self.variables[index]
        mask = self.ids >= 0 if index == 0 else self.ids < 0
        if index == 0:
            g = np.empty(var.size, dtype=grad.dtype)  # each of arr's elements appears once
            g[self.ids[mask]] = grad[mask]
            return g.reshape(var.shape)
        # a broadcast value may be inserted several times: sum its gradients
        src = -1 - self.ids[mask]
        return np.bincount(src, weights=grad[mask], minlength=var.size).reshape(var.shape)


def insert(arr: Any, obj: Any, values: Any, axis: Optional[int] = None, *, constant: Optional[bool] = None) -> Tensor:
    """Insert ``values`` before the indices ``obj`` along ``axis`` (flattened when None).

    Differentiable in ``arr`` and ``values``; ``obj`` is data.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.insert(mgc.tensor([1.0, 2.0, 3.0]), 1, 9.0)
    Tensor([1., 9., 2., 3.])
    """
    if isinstance(obj, Tensor):
        obj = obj.data
    return execute_op(Insert, arr, values, op_kwargs={"obj": obj, "axis": axis}, constant=constant)


class Delete(Operation):
    def __call__(self, arr: Tensor, *, obj: Any, axis: Any) -> np.ndarray:
        self.variables = (arr,)
        out = np.delete(arr.data, obj, axis=axis)
        self.kept = np.delete(np.arange(arr.size).reshape(arr.shape), obj, axis=axis).ravel()
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        var = self.variables[0]
        g = np.zeros(var.size, dtype=grad.dtype)
        g[self.kept] = grad.ravel()
        return g.reshape(var.shape)


def delete(arr: Any, obj: Any, axis: Optional[int] = None, *, constant: Optional[bool] = None) -> Tensor:
    """Remove the sub-tensors at indices ``obj`` along ``axis`` (flattened when None).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.delete(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]), 0, axis=1)
    Tensor([[2.],
            [4.]])
    """
    if isinstance(obj, Tensor):
        obj = obj.data
    return execute_op(Delete, arr, op_kwargs={"obj": obj, "axis": axis}, constant=constant)


# ------------------------------------------------------------------ splits (views)


def _pieces(t: Tensor, axis: int, bounds: Sequence[int], constant: Optional[bool]) -> List[Tensor]:
    """Basic slices ``bounds[i]:bounds[i+1]`` of ``t`` along ``axis``: views, as NumPy's."""
    head = (slice(None),) * axis
    return [execute_op(GetItem, t, op_args=(head + (slice(lo, hi),),), constant=constant) for lo, hi in zip(bounds[:-1], bounds[1:])]


def _as_tensor(a: Any) -> Tensor:
    return a if isinstance(a, Tensor) else Tensor(np.asarray(a), constant=True, copy=False)


def _split(func: Any, name: str, ary: Any, indices_or_sections: Any, axis: int, constant: Optional[bool]) -> List[Tensor]:
    t = _as_tensor(ary)
    if isinstance(indices_or_sections, Tensor):
        indices_or_sections = indices_or_sections.data
    # NumPy validates the arguments and raises its own errors
    func(t.data, indices_or_sections, axis=axis) if name in ("split", "array_split") else func(t.data, indices_or_sections)
    axis = operator.index(axis) % t.ndim if t.ndim else 0
    n = t.shape[axis]
    # the division points, read as NumPy's array_split reads them
    try:
        len(indices_or_sections)
    except TypeError:
        each, extras = divmod(n, int(indices_or_sections))
        sections = int(indices_or_sections)
        sizes = [0] + extras * [each + 1] + (sections - extras) * [each]
        bounds = np.cumsum(sizes).tolist()
    else:
        bounds = [0] + list(indices_or_sections) + [n]
    return _pieces(t, axis, bounds, constant)


def split(ary: Any, indices_or_sections: Any, axis: int = 0, *, constant: Optional[bool] = None) -> List[Tensor]:
    """Split a tensor into equal sections, or at the given indices, along ``axis``.

    Returns a list of views of ``ary``; ValueError when ``sections`` does not divide
    the axis, as NumPy.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.split(mgc.arange(6.0), 3)
    [Tensor([0., 1.]), Tensor([2., 3.]), Tensor([4., 5.])]
    >>> mgc.split(mgc.arange(6.0), [1, 4])
    [Tensor([0.]), Tensor([1., 2., 3.]), Tensor([4., 5.])]
    """
    return _split(np.split, "split", ary, indices_or_sections, axis, constant)


def array_split(ary: Any, indices_or_sections: Any, axis: int = 0, *, constant: Optional[bool] = None) -> List[Tensor]:
    """Like :func:`split`, but ``sections`` need not divide the axis.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> [p.shape for p in mgc.array_split(mgc.arange(5.0), 3)]
    [(2,), (2,), (1,)]
    """
    return _split(np.array_split, "array_split", ary, indices_or_sections, axis, constant)


def hsplit(ary: Any, indices_or_sections: Any, *, constant: Optional[bool] = None) -> List[Tensor]:
    """Split horizontally (along axis 1; axis 0 for 1-D tensors).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> [p.shape for p in mgc.hsplit(mgc.zeros((2, 4)), 2)]
    [(2, 2), (2, 2)]
    """
    nd = _as_tensor(ary).ndim
    return _split(np.hsplit, "hsplit", ary, indices_or_sections, 1 if nd > 1 else 0, constant)


def vsplit(ary: Any, indices_or_sections: Any, *, constant: Optional[bool] = None) -> List[Tensor]:
    """Split vertically (along axis 0) a tensor of at least 2 dimensions.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> [p.shape for p in mgc.vsplit(mgc.zeros((4, 2)), [1])]
    [(1, 2), (3, 2)]
    """
    return _split(np.vsplit, "vsplit", ary, indices_or_sections, 0, constant)


def dsplit(ary: Any, indices_or_sections: Any, *, constant: Optional[bool] = None) -> List[Tensor]:
    """Split along the third axis a tensor of at least 3 dimensions.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> [p.shape for p in mgc.dsplit(mgc.zeros((1, 1, 4)), 2)]
    [(1, 1, 2), (1, 1, 2)]
    """
    return _split(np.dsplit, "dsplit", ary, indices_or_sections, 2, constant)


def unstack(x: Any, /, *, axis: int = 0, constant: Optional[bool] = None) -> Tuple[Tensor, ...]:
    """Split a tensor into a tuple of views along ``axis`` (NumPy 2.1's ``unstack``).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.unstack(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]), axis=1)
    (Tensor([1., 3.]), Tensor([2., 4.]))
    """
    t = _as_tensor(x)
    if t.ndim == 0:
        raise ValueError("unstack: the input must be at least 1-d")
    ax = operator.index(axis)
    if not -t.ndim <= ax < t.ndim:
        raise _AxisError(f"unstack: axis {axis} is out of bounds for array of dimension {t.ndim}")
    head = (slice(None),) * (ax % t.ndim)
    return tuple(execute_op(GetItem, t, op_args=(head + (i,),), constant=constant) for i in range(t.shape[ax]))
