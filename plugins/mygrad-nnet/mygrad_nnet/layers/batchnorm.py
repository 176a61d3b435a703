"""Batch normalization: ``batchnorm``."""

from __future__ import annotations

from numbers import Real
from typing import Any, Optional, Tuple

import numpy as np

from mygrad_core import Operation, Tensor, execute_op

__all__ = ["batchnorm"]


class BatchNorm(Operation):
    """f(x, gamma, beta) = gamma * (x - mean) / sqrt(var + eps) + beta, per channel.

    The mean and the (biased) variance of each channel ``x[:, c, ...]`` are taken over
    every axis but 1. gamma and beta are optional inputs of shape (C,).
    """

    def __call__(
        self, x: Tensor, *params: Tensor, eps: float, affine: Tuple[bool, bool]
    ) -> np.ndarray:  # type: ignore[override]
        self.variables = (x,) + params
        xd = x.data
        if xd.ndim == 0:
            raise ValueError(
                "batchnorm(): `x` must have at least one dimension (N, C, ...); got a 0-D array"
            )
        self.axes = (0,) + tuple(range(2, xd.ndim))
        channels = xd.shape[1] if xd.ndim > 1 else 1
        # a per-channel array of shape (C,) is viewed as (1, C, 1, ...) to broadcast
        self.pshape = (1, channels) + (1,) * (xd.ndim - 2) if xd.ndim > 1 else ()
        it = iter(params)
        gamma = next(it).data if affine[0] else None
        beta = next(it).data if affine[1] else None
        for name, p in (("gamma", gamma), ("beta", beta)):
            if p is not None and p.shape not in ((), (channels,)):
                raise ValueError(
                    f"batchnorm(): `{name}` must have shape (C,) = ({channels},) for x.shape="
                    f"{xd.shape}; got shape {p.shape}"
                )
        self.affine = affine
        dtype = np.result_type(xd.dtype, np.float16)
        mean = xd.mean(axis=self.axes, keepdims=True, dtype=dtype)
        centered = xd - mean
        var = np.mean(centered * centered, axis=self.axes, keepdims=True)
        self.inv_std = 1 / np.sqrt(var + eps)
        self.y = centered * self.inv_std
        out = self.y
        if gamma is not None:
            out = out * self._per_channel(gamma)
        if beta is not None:
            out = out + self._per_channel(beta)
        return out

    def _per_channel(self, p: np.ndarray) -> np.ndarray:
        return p.reshape(self.pshape) if p.ndim else p

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        var = self.variables[index]
        if index == 0:
            dy = grad
            if self.affine[0]:
                dy = grad * self._per_channel(self.variables[1].data)
            y = self.y
            # d/dx of (x - mean) / std through the mean and the variance
            mean_dy = dy.mean(axis=self.axes, keepdims=True)
            mean_dy_y = (dy * y).mean(axis=self.axes, keepdims=True)
            return self.inv_std * (dy - mean_dy - y * mean_dy_y)
        is_gamma = index == 1 and self.affine[0]
        g = grad * self.y if is_gamma else grad
        if var.ndim == 0:
            return g.sum()
        return g.sum(axis=self.axes).reshape(var.shape)


def batchnorm(
    x: Any,
    *,
    gamma: Optional[Any] = None,
    beta: Optional[Any] = None,
    eps: float,
    constant: Optional[bool] = None,
) -> Tensor:
    """Normalize each channel of a batch to zero mean and unit variance, then scale and shift.

    ``y = (x - E[x]) / sqrt(Var[x] + eps)`` and ``gamma * y + beta``, where ``E[x]`` and
    ``Var[x]`` (biased) are computed per channel ``c`` over ``x[:, c, ...]``, i.e. over
    every axis but axis 1.

    Parameters
    ----------
    x : ArrayLike, shape=(N, C, ...)
        The batch to normalize, channel by channel.
    gamma : Optional[ArrayLike], shape=(C,)
        Per-channel scale applied after normalizing (default: none).
    beta : Optional[ArrayLike], shape=(C,)
        Per-channel shift applied after normalizing (default: none).
    eps : Real
        A small non-negative number added to the variance (keyword-only, required).
    constant : Optional[bool]
        If True, the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape=(N, C, ...)

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import batchnorm
    >>> x = mg.tensor([[1.0, 10.0],
    ...                [3.0, 30.0]])
    >>> batchnorm(x, eps=0.0)
    Tensor([[-1., -1.],
            [ 1.,  1.]])
    >>> batchnorm(x, gamma=mg.tensor([2.0, 1.0]), beta=mg.tensor([0.0, 5.0]), eps=0.0)
    Tensor([[-2.,  4.],
            [ 2.,  6.]])
    """
    if isinstance(eps, (bool, np.bool_)) or not isinstance(eps, (Real, np.floating, np.integer)):
        raise TypeError(f"batchnorm(): `eps` must be a non-negative real number; got {eps!r}")
    if not eps >= 0:
        raise ValueError(f"batchnorm(): `eps` must be a non-negative real number; got {eps!r}")
    params = tuple(p for p in (gamma, beta) if p is not None)
    return execute_op(
        BatchNorm,
        x,
        *params,
        op_kwargs={"eps": eps, "affine": (gamma is not None, beta is not None)},
        constant=constant,
    )
