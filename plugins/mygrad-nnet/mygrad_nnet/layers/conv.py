"""N-dimensional neural-network convolution (cross-correlation): ``conv_nd``."""

from __future__ import annotations

from typing import Any, Optional, Tuple, Union

import numpy as np
from numpy.lib.stride_tricks import as_strided

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet.layers.utils import int_tuple

__all__ = ["conv_nd"]


def _check_shapes(x: np.ndarray, w: np.ndarray) -> None:
    if x.ndim < 3 or x.ndim != w.ndim:
        raise ValueError(
            "conv_nd(): `x` (shape (N, C, X0, ...)) and `filter_bank` (shape (F, C, W0, ...)) "
            "must have the same number of dimensions, at least 3; got x.shape="
            f"{x.shape} and filter_bank.shape={w.shape}"
        )
    if x.shape[1] != w.shape[1]:
        raise ValueError(
            f"conv_nd(): the channels of `x` (x.shape[1] = {x.shape[1]}, x.shape={x.shape}) "
            f"must match those of `filter_bank` (filter_bank.shape[1] = {w.shape[1]}, "
            f"filter_bank.shape={w.shape})"
        )


class ConvND(Operation):
    """f(x, w)[n, f, g...] = sum_{c, k...} x_padded[n, c, g*s + k*d] * w[f, c, k...].

    The forward pass copies the windows of the padded input once into columns of shape
    (N, C*K, G) (K taps, G placements) and multiplies them with the filters reshaped to
    (F, C*K): one BLAS product per sample. The filters' gradient reuses the columns;
    the input's gradient forms the column gradient with one product and adds it back
    to the input tap by tap (a strided slice per kernel tap, never per position).
    """

    def __call__(  # type: ignore[override]
        self, x: Tensor, w: Tensor, *, stride: Any, padding: Any = 0, dilation: Any = 1
    ) -> np.ndarray:
        self.variables = (x, w)
        xd, wd = x.data, w.data
        _check_shapes(xd, wd)
        n = xd.ndim - 2
        stride = int_tuple("conv_nd", "stride", stride, n)
        padding = int_tuple("conv_nd", "padding", padding, n, minimum=0)
        dilation = int_tuple("conv_nd", "dilation", dilation, n)
        kernel = wd.shape[2:]
        padded = tuple(s + 2 * p for s, p in zip(xd.shape[2:], padding))
        extent = tuple((k - 1) * d + 1 for k, d in zip(kernel, dilation))
        if any(e > p for e, p in zip(extent, padded)) or any(
            (p - e) % s for p, e, s in zip(padded, extent, stride)
        ):
            raise ValueError(
                "conv_nd(): only valid filter placements that tile the padded input exactly "
                f"are allowed; got x.shape={xd.shape}, filter_bank.shape={wd.shape}, "
                f"stride={stride}, padding={padding}, dilation={dilation} (padded spatial "
                f"shape {padded}, dilated kernel extent {extent})"
            )
        grid = tuple((p - e) // s + 1 for p, e, s in zip(padded, extent, stride))
        self.stride, self.padding, self.dilation, self.grid = stride, padding, dilation, grid

        if any(padding):
            xp = np.zeros(xd.shape[:2] + padded, dtype=xd.dtype)
            xp[self._interior()] = xd
        else:
            xp = xd
        N, C = xd.shape[:2]
        F = wd.shape[0]
        K = int(np.prod(kernel))
        G = int(np.prod(grid))
        sp = xp.strides[2:]
        view = as_strided(
            xp,
            shape=(N, C) + kernel + grid,
            strides=xp.strides[:2]
            + tuple(a * d for a, d in zip(sp, dilation))
            + tuple(a * s for a, s in zip(sp, stride)),
            writeable=False,
        )
        self._cols = view.reshape(N, C * K, G)  # a copy (im2col)
        out = np.matmul(wd.reshape(F, C * K), self._cols)
        return out.reshape((N, F) + grid)

    def _interior(self) -> Tuple[slice, ...]:
        x = self.variables[0].data
        return (slice(None), slice(None)) + tuple(
            slice(p, p + s) for p, s in zip(self.padding, x.shape[2:])
        )

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x, w = (v.data for v in self.variables)
        N, C = x.shape[:2]
        F = w.shape[0]
        K = int(np.prod(w.shape[2:]))
        G = self._cols.shape[2]
        g = grad.reshape(N, F, G)
        if index == 1:
            # sum over samples and placements of grad[n, f, g] * cols[n, ck, g]: a
            # product per sample (BLAS reads the transposed columns in place), then a
            # small sum; faster than tensordot, which copies both operands
            dw = np.matmul(g, self._cols.transpose(0, 2, 1)).sum(axis=0)
            return dw.reshape(w.shape)
        dcols = np.matmul(w.reshape(F, C * K).T, g)  # (N, C*K, G)
        kernel = w.shape[2:]
        dcols = dcols.reshape((N, C) + kernel + self.grid)
        padded = tuple(s + 2 * p for s, p in zip(x.shape[2:], self.padding))
        dxp = np.zeros((N, C) + padded, dtype=dcols.dtype)
        lead = (slice(None), slice(None))
        for tap in np.ndindex(*kernel):
            # the positions touched by one tap are distinct, so += on the slice is exact
            where = tuple(
                slice(k * d, k * d + s * (n - 1) + 1, s)
                for k, d, s, n in zip(tap, self.dilation, self.stride, self.grid)
            )
            dxp[lead + where] += dcols[lead + tap]
        return dxp[self._interior()] if any(self.padding) else dxp


def conv_nd(
    x: Any,
    filter_bank: Any,
    *,
    stride: Union[int, Tuple[int, ...]],
    padding: Union[int, Tuple[int, ...]] = 0,
    dilation: Union[int, Tuple[int, ...]] = 1,
    constant: Optional[bool] = None,
) -> Tensor:
    """Slide a bank of filters over a batch of N-dimensional data (no kernel flip).

    ``out[n, f, g0, ...] = sum over c, k0, ... of
    x_padded[n, c, g0*s0 + k0*d0, ...] * filter_bank[f, c, k0, ...]``: a neural-network
    style cross-correlation over every axis after the channel axis, at the valid
    placements of the dilated filters on the zero-padded data.

    Parameters
    ----------
    x : ArrayLike, shape=(N, C, X0, ...)
        The batch of data: N samples of C channels.
    filter_bank : ArrayLike, shape=(F, C, W0, ...)
        F filters with the same number of channels as ``x``.
    stride : Union[int, Tuple[int, ...]]
        The step between filter placements along each spatial axis (one int: all axes).
        The placements must tile the padded data exactly.
    padding : Union[int, Tuple[int, ...]], optional (default=0)
        The number of zeros added to both ends of each spatial axis.
    dilation : Union[int, Tuple[int, ...]], optional (default=1)
        The spacing between the filter's elements when placed on the data.
    constant : Optional[bool]
        If True, the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape=(N, F, G0, ...)
        ``G_i = (X_i + 2*p_i - (W_i - 1)*d_i - 1) // s_i + 1`` placements per axis.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import conv_nd
    >>> x = mg.tensor([[[1.0, 2.0, 3.0, 4.0]]])   # N=1, C=1, X0=4
    >>> k = mg.tensor([[[1.0, -1.0]]])            # F=1, C=1, W0=2
    >>> out = conv_nd(x, k, stride=1)
    >>> out
    Tensor([[[-1., -1., -1.]]])
    >>> out.sum().backward()
    >>> x.grad
    array([[[ 1.,  0.,  0., -1.]]])
    >>> conv_nd(x, k, stride=2, padding=1).shape
    (1, 1, 3)
    """
    return execute_op(
        ConvND,
        x,
        filter_bank,
        op_kwargs={"stride": stride, "padding": padding, "dilation": dilation},
        constant=constant,
    )
