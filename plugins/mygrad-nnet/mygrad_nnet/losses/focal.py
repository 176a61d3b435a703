"""The per-datum focal loss of Lin et al. (2017), from probabilities (focal_loss) or
from scores (softmax_focal_loss). Each is one operation with a closed-form backward."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Tuple

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet._utils import class_targets, floating, real_number, score_matrix, stable_exp

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import ArrayLike


__all__ = ["focal_loss", "softmax_focal_loss"]


def _checked(func: str, x: Any, name: str, targets: Any, alpha: Any, gamma: Any) -> Tuple[np.ndarray, float, float]:
    arr = score_matrix(func, name, x)
    y = class_targets(func, "targets", targets, arr.shape)
    a = real_number(func, "alpha", alpha)
    g = real_number(func, "gamma", gamma)
    if not g >= 0:
        raise ValueError(f"{func}: `gamma` must be a non-negative number, got {gamma!r}")
    return y, a, g


def _focus_slope(one_minus_p: np.ndarray, logp: np.ndarray, gamma: float) -> np.ndarray:
    """``gamma * (1-p)**(gamma-1) * log(p)``, the derivative of the focusing factor
    times log(p), taken as its limit 0 where p == 1 (there log(p) vanishes faster)."""
    if gamma == 0:
        return np.zeros_like(logp)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = gamma * one_minus_p ** (gamma - 1) * logp
    return np.where(one_minus_p > 0, term, 0)


class FocalLoss(Operation):
    def __call__(self, probs: Tensor, y: np.ndarray, alpha: float, gamma: float) -> np.ndarray:
        self.variables = (probs,)
        p_all = floating(probs.data)
        self.shape = p_all.shape
        self.y = y
        self.rows = np.arange(len(y))
        self.alpha, self.gamma = alpha, gamma
        p = p_all[self.rows, y]
        self.p = p
        self.one_minus_p = 1 - p
        with np.errstate(divide="ignore"):  # p == 0 gives an infinite loss, as it should
            self.logp = np.log(p)
        self.focus = self.one_minus_p**gamma
        # + 0.0 turns the -0. of a perfect prediction into 0.
        return -alpha * self.focus * self.logp + 0.0

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # d/dp [-a (1-p)^g log p] = a [g (1-p)^(g-1) log p - (1-p)^g / p]
        with np.errstate(divide="ignore"):
            dp = self.alpha * (_focus_slope(self.one_minus_p, self.logp, self.gamma) - self.focus / self.p)
        g = np.zeros(self.shape, dtype=np.result_type(grad, dp))
        g[self.rows, self.y] = grad * dp
        return g


def focal_loss(
    class_probs: ArrayLike,
    targets: ArrayLike,
    *,
    alpha: float = 1,
    gamma: float = 0,
    constant: Optional[bool] = None,
) -> Tensor:
    """The per-datum focal loss ``-alpha * (1 - p)**gamma * log(p)``, where ``p`` is the
    probability given to the datum's true class.

    With ``alpha=1, gamma=0`` this is the cross-entropy of each datum. It is not
    averaged: the paper recommends normalising by the number of foreground samples.

    Parameters
    ----------
    class_probs : ArrayLike, shape-(N, C)
        Class probabilities, each in (0, 1].
    targets : ArrayLike, shape-(N,)
        Integer class indices in ``[0, C)``.
    alpha : Real, optional (default=1)
        The weighting factor.
    gamma : Real, optional (default=0)
        The focusing parameter, non-negative.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-(N,)

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.losses import focal_loss
    >>> p = mg.tensor([[0.5, 0.5], [0.1, 0.9]])
    >>> focal_loss(p, [0, 1])
    Tensor([0.69314718, 0.10536052])
    >>> focal_loss(p, [0, 1], alpha=2, gamma=1)
    Tensor([0.69314718, 0.0210721 ])
    """
    y, a, g = _checked("focal_loss", class_probs, "class_probs", targets, alpha, gamma)
    return execute_op(FocalLoss, class_probs, op_args=(y, a, g), constant=constant)


class SoftmaxFocalLoss(Operation):
    def __call__(self, scores: Tensor, y: np.ndarray, alpha: float, gamma: float) -> np.ndarray:
        self.variables = (scores,)
        s = floating(scores.data)
        self.y = y
        self.rows = np.arange(len(y))
        self.alpha, self.gamma = alpha, gamma
        shift, e, total = stable_exp(s, (1,))
        self.softmax = e / total
        picked = s[self.rows, y] - (shift if np.ndim(shift) == 0 else shift[:, 0])
        # log p <= 0: rounding in log(exp(.)) may otherwise leave +1e-17, i.e. p > 1
        logp = np.minimum(picked - np.log(total[:, 0]), 0)
        self.logp = logp
        self.p = np.exp(logp)
        # 1 - p without cancellation when p is close to 1
        self.one_minus_p = -np.expm1(logp)
        self.focus = self.one_minus_p**gamma
        return -alpha * self.focus * logp + 0.0

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # with l = -a (1-p)^g log p and dp/ds_j = p (onehot_j - softmax_j):
        # dl/ds_j = a [g (1-p)^(g-1) p log p - (1-p)^g] (onehot_j - softmax_j);
        # written with p multiplied in, nothing is divided by a p that may underflow
        c = self.alpha * (self.p * _focus_slope(self.one_minus_p, self.logp, self.gamma) - self.focus)
        g = -self.softmax
        g[self.rows, self.y] += 1
        g *= (grad * c)[:, None]
        return g


def softmax_focal_loss(
    scores: ArrayLike,
    targets: ArrayLike,
    *,
    alpha: float = 1,
    gamma: float = 0,
    constant: Optional[bool] = None,
) -> Tensor:
    """The per-datum focal loss of the softmax of ``scores``:
    ``focal_loss(softmax(scores), targets, alpha=alpha, gamma=gamma)``, computed stably.

    Parameters
    ----------
    scores : ArrayLike, shape-(N, C)
        Class scores (not probabilities).
    targets : ArrayLike, shape-(N,)
        Integer class indices in ``[0, C)``.
    alpha : Real, optional (default=1)
        The weighting factor.
    gamma : Real, optional (default=0)
        The focusing parameter, non-negative.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-(N,)

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.losses import softmax_focal_loss
    >>> x = mg.tensor([[0.0, 0.0], [0.0, 1e6]])
    >>> softmax_focal_loss(x, [0, 1], gamma=2)
    Tensor([0.1732868, 0.       ])
    """
    y, a, g = _checked("softmax_focal_loss", scores, "scores", targets, alpha, gamma)
    return execute_op(SoftmaxFocalLoss, scores, op_args=(y, a, g), constant=constant)
