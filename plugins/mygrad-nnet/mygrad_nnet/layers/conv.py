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
    (F, C*K): one BLAS product per sample. The filters' gradient is the product of the
    output gradient with the (rebuilt) columns; the input's gradient is a transposed
    convolution computed tap by tap (a product and a strided slice per kernel tap,
    never a loop over positions, no scatter-add).
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

        self.shape_w = wd.shape
        # the columns are not kept for the backward pass: rebuilding them there is a
        # cheap copy, and holding them would multiply the op's memory by the kernel size
        out = np.matmul(wd.reshape(wd.shape[0], -1), self._columns())
        return out.reshape((xd.shape[0], wd.shape[0]) + grid)

    def _columns(self) -> np.ndarray:
        """The windows of the padded input as columns of shape (N, C*K, G) (a copy)."""
        xd = self.variables[0].data
        kernel = self.shape_w[2:]
        if any(self.padding):
            padded = tuple(s + 2 * p for s, p in zip(xd.shape[2:], self.padding))
            xp = np.zeros(xd.shape[:2] + padded, dtype=xd.dtype)
            xp[self._interior()] = xd
        else:
            xp = xd
        N, C = xd.shape[:2]
        sp = xp.strides[2:]
        view = as_strided(
            xp,
            shape=(N, C) + kernel + self.grid,
            strides=xp.strides[:2]
            + tuple(a * d for a, d in zip(sp, self.dilation))
            + tuple(a * s for a, s in zip(sp, self.stride)),
            writeable=False,
        )
        return view.reshape(N, C * int(np.prod(kernel)), int(np.prod(self.grid)))

    def _interior(self) -> Tuple[slice, ...]:
        x = self.variables[0].data
        return (slice(None), slice(None)) + tuple(
            slice(p, p + s) for p, s in zip(self.padding, x.shape[2:])
        )

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x, w = (v.data for v in self.variables)
        N, C = x.shape[:2]
        F = w.shape[0]
        G = int(np.prod(self.grid))
        g = grad.reshape(N, F, G)
        if index == 1:
            # sum over samples and placements of grad[n, f, g] * cols[n, ck, g]: a
            # product per sample (BLAS reads the transposed columns in place), then a
            # small sum; faster than tensordot, which copies both operands
            dw = np.matmul(g, self._columns().transpose(0, 2, 1)).sum(axis=0)
            return dw.reshape(w.shape)
        kernel = w.shape[2:]
        padded = tuple(s + 2 * p for s, p in zip(x.shape[2:], self.padding))
        dtype = np.result_type(w.dtype, g.dtype)
        dxp = np.zeros((N, C) + padded, dtype=dtype)
        lead = (slice(None), slice(None))
        # the transposed convolution, one kernel tap at a time: the tap's (C, F) slice of
        # the filters times the output gradient gives its contribution at every
        # placement; one tap's positions are distinct, so adding the strided slice is exact
        part = np.empty((N, C, G), dtype=dtype)
        part_grid = part.reshape((N, C) + self.grid)
        for tap in np.ndindex(*kernel):
            np.matmul(w[lead + tap].T, g, out=part)
            where = tuple(
                slice(k * d, k * d + s * (n - 1) + 1, s)
                for k, d, s, n in zip(tap, self.dilation, self.stride, self.grid)
            )
            dxp[lead + where] += part_grid
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
