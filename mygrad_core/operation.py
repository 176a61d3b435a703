"""The base classes for differentiable operations.

An :class:`Operation` computes its forward pass in ``__call__`` (binding its input
tensors to ``self.variables`` and returning a NumPy array) and, beside it, says how the
gradient flows back to each input in ``backward_var``. Reducing a gradient over the
axes an input was broadcast along is done once, by the engine, not by each op.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, Tuple

import numpy as np

from mygrad_core import memguard
from mygrad_core.errors import InvalidGradient

if TYPE_CHECKING:  # pragma: no cover
    from mygrad_core.tensor_base import Tensor

__all__ = ["Operation", "SkipGradient", "reduce_broadcast"]


class SkipGradient(Exception):
    """Raised by ``backward_var`` to say that an input receives no gradient."""


def reduce_broadcast(grad: np.ndarray, shape: Tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` over the axes along which an input of ``shape`` was broadcast.

    Examples
    --------
    >>> import numpy as np
    >>> reduce_broadcast(np.ones((2, 3)), (3,))
    array([2., 2., 2.])
    >>> reduce_broadcast(np.ones((2, 3)), ())
    array(6.)
    """
    gshape = grad.shape
    if gshape == shape:
        return grad
    nlead = len(gshape) - len(shape)
    if nlead < 0:
        raise InvalidGradient(
            f"a gradient of shape {gshape} cannot be reduced to the input's shape {shape}"
        )
    axes = list(range(nlead))
    for i, n in enumerate(shape):
        g = gshape[nlead + i]
        if n == 1 and g != 1:
            axes.append(nlead + i)
        elif n != g:
            raise InvalidGradient(
                f"a gradient of shape {gshape} cannot be reduced to the input's shape {shape}"
            )
    out = grad.sum(axis=tuple(axes), keepdims=True)
    if nlead:
        out = out.reshape(shape)
    return np.asarray(out)


class Operation:
    """Base class for all tensor operations that support back-propagation.

    Subclasses implement ``__call__(*input_tensors, **kwargs) -> ndarray`` (which must
    set ``self.variables``) and ``backward_var(grad, index, **kwargs) -> ndarray``.

    Attributes
    ----------
    variables : Tuple[Tensor, ...]
        The input tensors of the forward pass.
    can_return_view : bool
        True for operations whose output may share memory with their (single)
        tensor input. Such an op implements ``view_fn(array)``: the same view taken
        of any array with the input's shape (used to keep a view's gradient a view
        of its base's gradient and to replay views after in-place updates).

    Examples
    --------
    >>> import numpy as np
    >>> import mygrad_core as mgc
    >>> class Double(mgc.Operation):
    ...     def __call__(self, x):
    ...         self.variables = (x,)
    ...         return 2 * x.data
    ...     def backward_var(self, grad, index, **kwargs):
    ...         return 2 * grad
    >>> x = mgc.tensor([1.0, 2.0])
    >>> y = mgc.execute_op(Double, x)
    >>> y.backward()
    >>> x.grad
    array([2., 2.])
    """

    can_return_view: bool = False
    variables: Tuple["Tensor", ...] = ()
    # True when the class keeps the base ``backward``: the engine then calls
    # ``backward_var`` itself, skipping a layer of calls on the hot path
    _fast_backward: bool = True
    # arrays this op locked (memory guarding), a list; released when the graph is cleared
    _locked: Any = ()
    # the op's own output when it is locked as its only owner by `memguard.guard` (no count needed)
    _owned: Any = None
    # set when the op's output was disconnected from its creator (graph cleared)
    _done: bool = False
    # set when an input of this op was cut from its graph by another backward()
    _cut: bool = False
    # set (on an instance) when every gradient must pass `grad_post_process_fn`, not only
    # those whose shape differs from their input's (a ufunc called with where=)
    _post_process: bool = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fast_backward = cls.backward is Operation.backward

    def __call__(self, *input_vars: "Tensor", **kwargs: Any) -> np.ndarray:
        raise NotImplementedError  # pragma: no cover

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        """Given ``grad = dℒ/df``, compute ``∂ℒ/∂x_index`` (before broadcast reduction)."""
        raise NotImplementedError  # pragma: no cover

    def grad_post_process_fn(self, grad: np.ndarray, var_shape: Tuple[int, ...]) -> np.ndarray:
        """Reduce ``grad`` to ``var_shape`` (sums over broadcast axes)."""
        return reduce_broadcast(grad, var_shape)

    def backward(self, grad: np.ndarray, **kwargs: Any) -> Tuple[Optional[np.ndarray], ...]:
        """Back-propagate ``grad`` to each input in ``self.variables``.

        Returns one gradient per variable, each with that variable's shape, or None
        for constant variables and those whose ``backward_var`` raised SkipGradient.
        """
        if self._post_process:
            # e.g. the entries a ufunc's where= skipped hold arbitrary values: their
            # gradients are masked out afterwards, so their warnings mean nothing
            with np.errstate(all="ignore"):
                return self._gradients(grad, kwargs)
        return self._gradients(grad, kwargs)

    def _gradients(self, grad: np.ndarray, kwargs: Any) -> Tuple[Optional[np.ndarray], ...]:
        out: list[Optional[np.ndarray]] = []
        for index, var in enumerate(self.variables):
            if var._constant:
                out.append(None)
                continue
            try:
                g = self.backward_var(grad, index, **kwargs)
            except SkipGradient:
                out.append(None)
                continue
            out.append(_check_grad(self, index, var, g))
        return tuple(out)

    def view_fn(self, array: np.ndarray) -> np.ndarray:  # pragma: no cover - view ops override
        raise NotImplementedError(f"{type(self).__name__} does not return views")

    def __del__(self) -> None:
        # an unreferenced result releases its inputs' memory guard at once
        if self._locked or self._owned is not None:
            memguard.release(self)


def _check_grad(op: Operation, index: int, var: "Tensor", g: Any) -> np.ndarray:
    if type(g) is not np.ndarray:
        if not isinstance(g, (np.ndarray, np.generic, int, float)):
            raise InvalidGradient(
                f"{type(op).__name__}.backward_var(..., index={index}) returned "
                f"{type(g).__name__}; expected a numpy.ndarray"
            )
        g = np.asarray(g)
    shape = var._data.shape
    if g.shape != shape or op._post_process:
        g = op.grad_post_process_fn(g, shape)
    dtype = var._data.dtype
    if g.dtype != dtype:
        g = g.astype(dtype, copy=False)
    return g


GradFn = Callable[[np.ndarray], np.ndarray]
