"""Cross-entropy losses: softmax_crossentropy (from scores) and negative_log_likelihood
(from log-probabilities). Each is one operation with a closed-form backward pass."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet._utils import as_array, class_targets, floating, score_matrix, stable_exp

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import ArrayLike


__all__ = ["softmax_crossentropy", "negative_log_likelihood"]


class SoftmaxCrossEntropy(Operation):
    def __call__(self, x: Tensor, y: np.ndarray) -> np.ndarray:
        self.variables = (x,)
        scores = floating(x.data)
        n = scores.shape[0]
        self.y = y
        self.rows = np.arange(n)
        shift, self.exp, total = stable_exp(scores, (1,))
        self.total = total[:, 0]
        if not n:
            return np.zeros((), scores.dtype)
        picked = scores[self.rows, y]
        picked -= shift if np.ndim(shift) == 0 else shift[:, 0]
        # per datum: -log softmax(x)[y] = log(sum(exp(x - shift))) - (x[y] - shift)
        loss = np.log(self.total)
        loss -= picked
        # a cross-entropy is >= 0; rounding in log(exp(.)) may leave -1e-17 otherwise
        np.maximum(loss, 0, out=loss)
        return np.asarray(loss.sum() / n)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # (softmax - onehot) * grad / N, the softmax being exp / total
        scale = grad / max(len(self.y), 1)
        g = self.exp * (scale / self.total)[:, None]
        g[self.rows, self.y] -= scale
        return g


def softmax_crossentropy(x: ArrayLike, y_true: ArrayLike, *, constant: Optional[bool] = None) -> Tensor:
    """The mean cross-entropy between the softmax of the scores ``x`` and the true
    classes ``y_true``: ``mean(-log(softmax(x)[i, y_true[i]]))``.

    Computed through the log-softmax, so extreme scores stay finite. The gradient with
    respect to ``x`` is ``(softmax(x) - onehot(y_true)) / N``.

    Parameters
    ----------
    x : ArrayLike, shape-(N, C)
        Class scores (not probabilities).
    y_true : ArrayLike, shape-(N,)
        Integer class indices in ``[0, C)`` (an array or a Tensor).
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-()
        The loss averaged over the N data.

    Raises
    ------
    TypeError
        ``y_true`` is not of an integer dtype.
    ValueError
        ``x`` is not 2-D, ``y_true`` is not shape-(N,), or a label is out of range.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import softmax_crossentropy
    >>> x = mg.tensor([[0.0, 0.0], [0.0, 1e6]])
    >>> loss = softmax_crossentropy(x, [0, 1]); loss
    Tensor(0.34657359)
    >>> loss.backward()
    >>> x.grad
    array([[-0.25,  0.25],
           [ 0.  ,  0.  ]])
    """
    scores = score_matrix("softmax_crossentropy", "x", x)
    y = class_targets("softmax_crossentropy", "y_true", y_true, scores.shape)
    return execute_op(SoftmaxCrossEntropy, x, op_args=(y,), constant=constant)


class NegativeLogLikelihood(Operation):
    def __call__(self, x: Tensor, *weights: Tensor, y: np.ndarray) -> np.ndarray:
        self.variables = (x, *weights)
        logp = floating(x.data)
        n, c = logp.shape
        self.y = y
        self.rows = np.arange(n)
        self.shape = logp.shape
        self.picked = logp[self.rows, y]
        self.w = weights[0].data[y] if weights else None
        if not n:
            return np.zeros((), logp.dtype)
        terms = self.picked if self.w is None else self.w * self.picked
        # + 0.0 turns the -0. of a perfect prediction into 0.
        return np.asarray(-terms.mean() + 0.0)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        n, c = self.shape
        n = max(n, 1)
        if index == 0:
            g = np.zeros(self.shape, dtype=np.result_type(grad, self.picked))
            g[self.rows, self.y] = -grad / n if self.w is None else -grad * self.w / n
            return g
        # d/dw_k sums -x[i, y_i] / N over the data whose class is k
        return np.bincount(self.y, weights=self.picked, minlength=c) * (-grad / n)


def negative_log_likelihood(
    x: ArrayLike, y_true: ArrayLike, *, weights: Optional[ArrayLike] = None, constant: Optional[bool] = None
) -> Tensor:
    """The mean (weighted) negative log-likelihood ``mean(-w[y_i] * x[i, y_i])`` of
    log-probabilities ``x``.

    No softmax is applied: pass log-probabilities (e.g. from ``logsoftmax``), or use
    ``softmax_crossentropy`` on raw scores. The weighted mean divides by N, not by the
    sum of the weights.

    Parameters
    ----------
    x : ArrayLike, shape-(N, C)
        Log-probabilities.
    y_true : ArrayLike, shape-(N,)
        Integer class indices in ``[0, C)`` (an array or a Tensor).
    weights : Optional[ArrayLike], shape-(C,)
        A weight per class; a non-constant Tensor receives a gradient.
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
        ``x`` is not 2-D, ``y_true`` or ``weights`` has the wrong shape, or a label is
        out of range.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import negative_log_likelihood
    >>> x = mg.log(mg.tensor([[0.5, 0.5], [0.25, 0.75]]))
    >>> negative_log_likelihood(x, [0, 1])
    Tensor(0.49041463)
    >>> negative_log_likelihood(x, [0, 1], weights=[2.0, 0.0])
    Tensor(0.69314718)
    """
    logp = score_matrix("negative_log_likelihood", "x", x)
    y = class_targets("negative_log_likelihood", "y_true", y_true, logp.shape)
    if weights is None:
        return execute_op(NegativeLogLikelihood, x, op_kwargs={"y": y}, constant=constant)
    w = as_array(weights)
    if w.shape != (logp.shape[1],):
        raise ValueError(
            f"negative_log_likelihood: `weights` must have shape (C,) = ({logp.shape[1]},) to "
            f"match `x` of shape {logp.shape}; got shape {w.shape}"
        )
    if w.dtype.kind not in "iuf":
        raise TypeError(f"negative_log_likelihood: `weights` must hold real numbers, got dtype {w.dtype}")
    return execute_op(NegativeLogLikelihood, x, weights, op_kwargs={"y": y}, constant=constant)
