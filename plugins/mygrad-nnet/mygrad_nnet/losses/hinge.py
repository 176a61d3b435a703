"""Margin losses: multiclass_hinge and margin_ranking_loss, each one operation with a
closed-form backward pass."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet._utils import as_array, class_targets, floating, real_number, score_matrix

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import ArrayLike


__all__ = ["multiclass_hinge", "margin_ranking_loss"]


class MulticlassHinge(Operation):
    def __call__(self, x: Tensor, y: np.ndarray, hinge: float) -> np.ndarray:
        self.variables = (x,)
        scores = floating(x.data)
        n = scores.shape[0]
        rows = np.arange(n)
        margins = scores - scores[rows, y][:, None] + hinge
        margins[rows, y] = 0  # the true class incurs no loss against itself
        active = margins > 0
        # d/dx: +1 for every class inside the hinge, minus their count at the true class
        back = active.astype(scores.dtype)
        back[rows, y] = -active.sum(axis=1)
        self.back = back
        self.n = max(n, 1)
        return np.asarray((margins * active).sum() / self.n)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return self.back * (grad / self.n)


def multiclass_hinge(
    x: ArrayLike, y_true: ArrayLike, hinge: float = 1.0, *, constant: Optional[bool] = None
) -> Tensor:
    """The mean multiclass hinge loss, ``mean_i sum_{j != y_i} max(0, x_ij - x_iy_i + hinge)``.

    Parameters
    ----------
    x : ArrayLike, shape-(N, K)
        Class scores.
    y_true : ArrayLike, shape-(N,)
        Integer class indices in ``[0, K)``.
    hinge : float, optional (default=1.0)
        The margin by which the true class must beat every other to incur no loss.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-()

    Raises
    ------
    TypeError
        ``y_true`` is not of an integer dtype.
    ValueError
        ``x`` is not 2-D, ``y_true`` is not shape-(N,), or a label is out of range.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.losses import multiclass_hinge
    >>> x = mg.tensor([[3.0, 2.5, 0.0], [0.0, 1.0, 4.0]])
    >>> loss = multiclass_hinge(x, [0, 2]); loss
    Tensor(0.25)
    >>> loss.backward()
    >>> x.grad
    array([[-0.5,  0.5,  0. ],
           [ 0. ,  0. ,  0. ]])
    """
    scores = score_matrix("multiclass_hinge", "x", x)
    y = class_targets("multiclass_hinge", "y_true", y_true, scores.shape)
    h = real_number("multiclass_hinge", "hinge", hinge)
    return execute_op(MulticlassHinge, x, op_args=(y, h), constant=constant)


class MarginRanking(Operation):
    def __call__(self, x1: Tensor, x2: Tensor, y: np.ndarray, margin: float) -> np.ndarray:
        self.variables = (x1, x2)
        diff = floating(x1.data) - x2.data
        losses = margin - y * diff
        active = losses > 0
        # d(loss)/d(x1) = -y / size where the margin is violated; x2 gets the opposite
        self.d1 = -y * active / max(losses.size, 1)
        return np.asarray((losses * active).mean() if losses.size else np.zeros((), diff.dtype))

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        d = self.d1 * grad
        return d if index == 0 else -d


def margin_ranking_loss(
    x1: ArrayLike, x2: ArrayLike, y: ArrayLike, margin: float, *, constant: Optional[bool] = None
) -> Tensor:
    """The mean margin ranking loss, ``mean(maximum(0, margin - y * (x1 - x2)))``.

    Parameters
    ----------
    x1, x2 : ArrayLike, shape-(N,) or (N, D)
        Scores or descriptors to compare; both of the same shape.
    y : Union[int, ArrayLike], scalar or shape-(N,)
        1 or -1 for each comparison: whether ``x1`` should rank above ``x2`` or below.
    margin : float
        A non-negative margin.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-()

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.losses import margin_ranking_loss
    >>> x1 = mg.tensor([1.0, 2.0, 0.0])
    >>> x2 = mg.tensor([0.0, 2.5, 0.5])
    >>> margin_ranking_loss(x1, x2, y=[1, 1, -1], margin=0.5)
    Tensor(0.33333333)
    """
    func = "margin_ranking_loss"
    a1, a2 = as_array(x1), as_array(x2)
    if a1.ndim not in (1, 2) or a1.shape != a2.shape:
        raise ValueError(
            f"{func}: `x1` and `x2` must have the same shape, (N,) or (N, D); got shapes "
            f"{a1.shape} and {a2.shape}"
        )
    for name, a in (("x1", a1), ("x2", a2)):
        if a.dtype.kind not in "iuf":
            raise TypeError(f"{func}: `{name}` must hold real numbers, got dtype {a.dtype}")
    yy = as_array(y)
    if yy.dtype.kind not in "iuf":
        raise TypeError(f"{func}: `y` must hold 1 or -1, got dtype {yy.dtype}")
    if yy.ndim and yy.shape != (a1.shape[0],):
        raise ValueError(
            f"{func}: `y` must be a scalar or have shape (N,) = ({a1.shape[0]},) to match `x1` "
            f"of shape {a1.shape}; got shape {yy.shape}"
        )
    if not np.all(np.abs(yy) == 1):
        raise ValueError(f"{func}: `y` must hold only 1 or -1, got {yy!r}")
    m = real_number(func, "margin", margin)
    if not m >= 0:
        raise ValueError(f"{func}: `margin` must be a non-negative number, got {margin!r}")
    if yy.ndim and a1.ndim == 2:
        yy = yy[:, None]  # one label per row of descriptors
    dtype = np.result_type(floating(a1), floating(a2))
    return execute_op(MarginRanking, x1, x2, op_args=(yy.astype(dtype), m), constant=constant)
