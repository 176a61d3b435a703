"""The op behind selection, sorting and order statistics: a weighted gather.

Every output element of ``sort``, ``take``, ``choose``, ``median`` ... is a weighted sum
of input elements picked by NumPy's own selection logic. Running that same logic on
arrays that hold each input element's *position* (instead of its value) gives, for every
output element, where it came from; the backward pass then scatters the gradient back
there with one ``bincount`` per input.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from mygrad_core import Operation, Tensor, execute_op

__all__ = ["Gather", "gather", "data_of", "NOVALUE", "normalize_axes", "to_last_axis"]

NOVALUE = getattr(np, "_NoValue", None)

# ``index_fn(*positions)`` returns ``[(index, weight), ...]``: ``index`` holds positions
# (``-1``: no source) with the output's shape plus optional trailing axes that are summed
# over; ``weight`` (None for 1) broadcasts against ``index``.
IndexMaps = List[Tuple[np.ndarray, Optional[Any]]]


def data_of(x: Any) -> Any:
    """A tensor's array; anything else unchanged (Python scalars keep NumPy's weak-scalar rules)."""
    return x.data if isinstance(x, Tensor) else x


def normalize_axes(axis: Any, ndim: int) -> Tuple[int, ...]:
    """``axis`` (None, int or tuple; negatives allowed; already validated by NumPy) as sorted ints."""
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (int, np.integer)):
        axis = (axis,)
    return tuple(sorted(int(a) % max(ndim, 1) for a in axis)) if ndim else ()


def to_last_axis(x: np.ndarray, axes: Tuple[int, ...]) -> np.ndarray:
    """``x`` with the ``axes`` moved to the end and merged into one (of their total size)."""
    keep = [i for i in range(x.ndim) if i not in axes]
    moved = np.transpose(x, keep + list(axes))
    size = int(np.prod([x.shape[i] for i in axes], dtype=np.int64))
    return moved.reshape(tuple(x.shape[i] for i in keep) + (size,))


class Gather(Operation):
    """``value_fn(*arrays)`` forward; backward through ``index_fn(*positions)``."""

    _maps: Optional[Tuple[List[int], IndexMaps]] = None

    def __call__(  # type: ignore[override]
        self,
        *tensors: Tensor,
        value_fn: Callable[..., Any],
        index_fn: Callable[..., IndexMaps],
        grad_fns: Optional[Dict[int, Callable[[np.ndarray], np.ndarray]]] = None,
    ) -> np.ndarray:
        self.variables = tensors
        self.index_fn = index_fn
        self.grad_fns = grad_fns or {}
        return np.asarray(value_fn(*(t.data for t in tensors)))

    def _index_maps(self) -> Tuple[List[int], IndexMaps]:
        if self._maps is None:
            offsets: List[int] = []
            positions = []
            start = 0
            for t in self.variables:
                offsets.append(start)
                positions.append(np.arange(start, start + t.size, dtype=np.intp).reshape(t.shape))
                start += t.size
            self._maps = (offsets, self.index_fn(*positions))
        return self._maps

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if index in self.grad_fns:  # an input that is not gathered from (e.g. quantile's q)
            return self.grad_fns[index](grad)
        offsets, maps = self._index_maps()
        var = self.variables[index]
        n = var.size
        total = np.zeros(n, dtype=np.result_type(grad.dtype, np.float64))
        for idx, weight in maps:
            idx = np.asarray(idx)
            g = grad.reshape(grad.shape + (1,) * (idx.ndim - grad.ndim))
            if weight is not None:
                g = g * weight
            g = np.broadcast_to(g, idx.shape)
            local = idx - offsets[index]
            inside = (local >= 0) & (local < n) & (idx >= 0)
            total += np.bincount(local[inside], weights=g[inside], minlength=n)
        return total.reshape(var.shape)


def gather(
    tensors: Sequence[Any],
    value_fn: Callable[..., Any],
    index_fn: Callable[..., IndexMaps],
    *,
    grad_fns: Optional[Dict[int, Callable[[np.ndarray], np.ndarray]]] = None,
    constant: Optional[bool] = None,
    out: Any = None,
) -> Tensor:
    """Run :class:`Gather` on ``tensors`` (non-tensors become constant inputs).

    ``grad_fns`` maps the index of an input that is not gathered from to the function
    computing its gradient from the output's.
    """
    return execute_op(
        Gather,
        *tensors,
        op_kwargs={"value_fn": value_fn, "index_fn": index_fn, "grad_fns": grad_fns},
        constant=constant,
        out=out,
    )
