"""The gated recurrent unit, in plain NumPy: ``gru``."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet.layers.utils import _is_int

__all__ = ["gru"]

_NAMES = ("X", "Uz", "Wz", "bz", "Ur", "Wr", "br", "Uh", "Wh", "bh", "s0")


def _sigmoid(a: np.ndarray) -> np.ndarray:
    # the tanh form never overflows
    out = np.tanh(0.5 * a)
    out += 1
    out *= 0.5
    return out


class GRU(Operation):
    """The whole sequence of GRU steps as one op, fused over the three gates.

    Forward: the input products ``X_t [Uz|Ur|Uh]`` of every step in one BLAS product,
    then per step one product with ``[Wz|Wr]`` and one with ``Wh``. Backward (through
    time, once for all inputs): per step two products propagate the state's gradient;
    the parameters' gradients are then one product each over all steps.
    """

    def __call__(  # type: ignore[override]
        self, *tensors: Tensor, bp_lim: Optional[int], dropout: float
    ) -> np.ndarray:
        self.variables = tensors
        data = [t.data for t in tensors]
        X = data[0]
        if X.ndim != 3:
            raise ValueError(f"gru(): `X` must have shape (T, N, C); got shape {X.shape}")
        T, N, C = X.shape
        D = data[1].shape[-1] if data[1].ndim == 2 else -1
        expected = {"U": (C, D), "W": (D, D), "b": (D,)}
        for name, a in zip(_NAMES[1:10], data[1:10]):
            if a.shape != expected[name[0]] or D < 0:
                raise ValueError(
                    f"gru(): `{name}` must have shape {expected[name[0]]} (X.shape={X.shape}, "
                    f"Uz.shape={data[1].shape}); got shape {a.shape}"
                )
        if len(data) == 11 and data[10].shape != (N, D):
            raise ValueError(
                f"gru(): `s0` must have shape (N, D) = {(N, D)}; got shape {data[10].shape}"
            )
        dtype = np.result_type(*data, np.float16)
        Uz, Wz, bz, Ur, Wr, br, Uh, Wh, bh = (a.astype(dtype, copy=False) for a in data[1:10])
        self.T, self.N, self.D, self.bp_lim, self.dtype = T, N, D, bp_lim, dtype

        self.U = np.concatenate([Uz, Ur, Uh], axis=1)  # (C, 3D)
        XU = np.matmul(X.reshape(T * N, C), self.U, dtype=dtype).reshape(T, N, 3 * D)
        self.mask_u = self.mask_w = None
        Wzr, Whh = np.concatenate([Wz, Wr], axis=1), Wh
        if dropout:
            keep = 1 - dropout
            # variational dropout of the input products: one mask per gate, fixed over t;
            # dropped hidden-to-hidden weights (DropConnect); both rescaled by 1/keep
            self.mask_u = ((np.random.random_sample((N, 3 * D)) < keep) / keep).astype(dtype)
            self.mask_w = ((np.random.random_sample((3, D, D)) < keep) / keep).astype(dtype)
            XU *= self.mask_u
            Wzr = Wzr * np.concatenate([self.mask_w[0], self.mask_w[1]], axis=1)
            Whh = Wh * self.mask_w[2]
        XU += np.concatenate([bz, br, bh])
        self.Wzr, self.Whh = Wzr, Whh

        S = np.empty((T + 1, N, D), dtype=dtype)
        S[0] = data[10] if len(data) == 11 else 0
        ZR = np.empty((T, N, 2 * D), dtype=dtype)
        H = np.empty((T, N, D), dtype=dtype)
        for t in range(T):
            s = S[t]
            zr = ZR[t]
            np.matmul(s, Wzr, out=zr)
            zr += XU[t, :, : 2 * D]
            ZR[t] = _sigmoid(zr)
            z, r = ZR[t, :, :D], ZR[t, :, D:]
            h = np.matmul(r * s, Whh)
            h += XU[t, :, 2 * D :]
            np.tanh(h, out=H[t])
            h = H[t]
            # s_t = (1 - z) h + z s_{t-1}
            np.subtract(s, h, out=S[t + 1])
            S[t + 1] *= z
            S[t + 1] += h
        self.S, self.ZR, self.H = S, ZR, H
        self._grad_id = None
        return S

    def _bptt(self, grad: np.ndarray) -> None:
        """Back-propagate through time: the gates' pre-activation gradients and ds0."""
        T, D, S, ZR, H = self.T, self.D, self.S, self.ZR, self.H
        grad = grad.astype(self.dtype, copy=False)
        WzrT, WhT = self.Wzr.T, self.Whh.T
        dA = np.empty((T, self.N, 3 * D), dtype=self.dtype)
        lim = self.bp_lim
        limited = lim is not None and lim < T
        # one gradient stream per age (steps travelled); a limited stream stops after
        # `bp_lim` steps back, so streams of different ages are kept apart
        ds = grad[T][None].copy()
        for t in range(T - 1, -1, -1):
            s, h = S[t], H[t]
            z, r = ZR[t, :, :D], ZR[t, :, D:]
            dah = ds * (1 - z)
            dah *= 1 - h * h
            dz = ds * (s - h)
            dz *= z * (1 - z)
            drs = np.matmul(dah, WhT)
            dr = drs * s
            dr *= r * (1 - r)
            prev = ds * z
            prev += drs * r
            dzr = np.concatenate([dz, dr], axis=-1)
            prev += np.matmul(dzr, WzrT)
            dA[t, :, : 2 * D] = dzr.sum(axis=0)
            dA[t, :, 2 * D :] = dah.sum(axis=0)
            if not limited:
                prev[0] += grad[t]
                ds = prev
            elif t:
                ds = np.concatenate([grad[t][None], prev[: lim - 1]])
            else:
                ds = prev
        self.ds0 = ds.sum(axis=0) + (grad[0] if limited else 0)
        self.dA = dA

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if self._grad_id is not grad:
            self._bptt(grad)
            self._grad_id = grad
        T, N, D = self.T, self.N, self.D
        if index == 10:
            return self.ds0
        dA = self.dA.reshape(T * N, 3 * D)
        dXU = dA if self.mask_u is None else (self.dA * self.mask_u).reshape(T * N, 3 * D)
        X = self.variables[0].data
        if index == 0:
            return np.matmul(dXU, self.U.T).reshape(X.shape)
        gate = (index - 1) // 3  # z, r, h
        kind = (index - 1) % 3  # U, W, b
        cols = slice(gate * D, (gate + 1) * D)
        if kind == 0:
            return np.matmul(X.reshape(T * N, -1).T, dXU[:, cols])
        if kind == 2:
            return dA[:, cols].sum(axis=0)
        prev = self.S[:-1]
        if gate == 2:
            prev = self.ZR[:, :, D:] * prev  # R_t * S_{t-1}
        dW = np.matmul(prev.reshape(T * N, D).T, dA[:, cols])
        return dW if self.mask_w is None else dW * self.mask_w[gate]


def gru(
    X: Any,
    Uz: Any,
    Wz: Any,
    bz: Any,
    Ur: Any,
    Wr: Any,
    br: Any,
    Uh: Any,
    Wh: Any,
    bh: Any,
    s0: Optional[Any] = None,
    bp_lim: Optional[int] = None,
    dropout: float = 0.0,
    constant: Optional[bool] = None,
) -> Tensor:
    """Run a gated recurrent unit over a sequence, returning every hidden state.

    With ``sigmoid`` the logistic function, for t = 1, ..., T::

        Z_t = sigmoid(X_t Uz + S_{t-1} Wz + bz)
        R_t = sigmoid(X_t Ur + S_{t-1} Wr + br)
        H_t = tanh(X_t Uh + (R_t * S_{t-1}) Wh + bh)
        S_t = (1 - Z_t) * H_t + Z_t * S_{t-1}

    Parameters
    ----------
    X : ArrayLike, shape=(T, N, C)
        The sequence: T steps of a batch of N data of C features.
    Uz, Ur, Uh : ArrayLike, shape=(C, D)
        Input-to-hidden weights of the update gate, the reset gate and the candidate.
    Wz, Wr, Wh : ArrayLike, shape=(D, D)
        Hidden-to-hidden weights.
    bz, br, bh : ArrayLike, shape=(D,)
        Biases.
    s0 : Optional[ArrayLike], shape=(N, D)
        The initial hidden state (default: zeros, which receive no gradient).
    bp_lim : Optional[int]
        If given (a positive int), each hidden state's gradient is propagated back at
        most ``bp_lim`` steps through time (truncated back-propagation).
    dropout : float, 0 <= dropout < 1 (default=0.)
        If non-zero, each of ``X_t Uz``, ``X_t Ur``, ``X_t Uh`` is multiplied by its own
        random (N, D) keep-mask, the same for every t, and the entries of Wz, Wr and Wh
        are dropped with a random mask; masks keep with probability ``1 - dropout`` and
        are scaled by ``1 / (1 - dropout)``. Drawn from NumPy's global random state.
    constant : Optional[bool]
        If True, the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape=(T+1, N, D)
        The hidden states ``S_0, S_1, ..., S_T`` (``S_0`` is ``s0``), in the
        promoted floating dtype of the inputs.

    Examples
    --------
    >>> import numpy as np
    >>> import mygrad as mg
    >>> from mygrad.nnet.layers import gru
    >>> T, N, C, D = 4, 2, 3, 5
    >>> X = mg.tensor(np.ones((T, N, C)))
    >>> U = [mg.tensor(np.full((C, D), 0.1)) for _ in range(3)]
    >>> W = [mg.tensor(np.full((D, D), 0.1)) for _ in range(3)]
    >>> b = [mg.tensor(np.zeros(D)) for _ in range(3)]
    >>> S = gru(X, U[0], W[0], b[0], U[1], W[1], b[1], U[2], W[2], b[2])
    >>> S.shape
    (5, 2, 5)
    >>> S[-1, 0].backward()
    >>> W[2].grad.shape
    (5, 5)
    """
    if isinstance(dropout, (bool, np.bool_)) or not isinstance(dropout, (int, float, np.number)):
        raise TypeError(f"gru(): `dropout` must be a real number in [0, 1); got {dropout!r}")
    if not 0 <= dropout < 1:
        raise ValueError(f"gru(): `dropout` must be in [0, 1); got {dropout!r}")
    if bp_lim is not None and (not _is_int(bp_lim) or bp_lim < 1):
        raise ValueError(f"gru(): `bp_lim` must be None or a positive integer; got {bp_lim!r}")
    inputs = (X, Uz, Wz, bz, Ur, Wr, br, Uh, Wh, bh) + (() if s0 is None else (s0,))
    return execute_op(
        GRU,
        *inputs,
        op_kwargs={"bp_lim": None if bp_lim is None else int(bp_lim), "dropout": float(dropout)},
        constant=constant,
    )
