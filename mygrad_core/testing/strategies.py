"""Hypothesis strategies for tensors (needs ``mygrad-core[testing]``)."""

from __future__ import annotations

from typing import Any, Optional, Sequence, Tuple

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy as np

from mygrad_core.tensor_base import Tensor, tensor

__all__ = [
    "FLOAT_DTYPES",
    "INT_DTYPES",
    "real_dtypes",
    "shapes",
    "broadcastable_shapes",
    "arrays",
    "tensors",
    "views_of",
    "constants",
]

FLOAT_DTYPES = (np.float16, np.float32, np.float64)
INT_DTYPES = (np.int8, np.int16, np.int32, np.int64, np.uint8)


def real_dtypes(floats: bool = True, ints: bool = False, bools: bool = False) -> st.SearchStrategy[np.dtype]:
    """Real dtypes (what a tensor may hold)."""
    choices: list = []
    if floats:
        choices += [np.dtype(d) for d in FLOAT_DTYPES]
    if ints:
        choices += [np.dtype(d) for d in INT_DTYPES]
    if bools:
        choices.append(np.dtype(bool))
    return st.sampled_from(choices)


def shapes(min_dims: int = 0, max_dims: int = 4, min_side: int = 0, max_side: int = 4) -> st.SearchStrategy[Tuple[int, ...]]:
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def broadcastable_shapes(num_shapes: int = 2, min_dims: int = 0, max_dims: int = 4, min_side: int = 1, max_side: int = 4) -> st.SearchStrategy[Tuple[Tuple[int, ...], ...]]:
    """Tuples of ``num_shapes`` mutually broadcast-compatible shapes."""
    return hnp.mutually_broadcastable_shapes(
        num_shapes=num_shapes, min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side
    ).map(lambda bs: bs.input_shapes)


def arrays(
    shape: Any = None,
    dtype: Any = np.float64,
    elements: Optional[st.SearchStrategy[Any]] = None,
    min_value: float = -10,
    max_value: float = 10,
) -> st.SearchStrategy[np.ndarray]:
    """Finite ndarrays with values in ``[min_value, max_value]``."""
    if shape is None:
        shape = shapes()
    if elements is None:
        dt = np.dtype(dtype) if not isinstance(dtype, st.SearchStrategy) else None
        if dt is not None and dt.kind in "iu":
            info = np.iinfo(dt)
            elements = st.integers(max(int(min_value), int(info.min)), min(int(max_value), int(info.max)))
        elif dt is not None and dt.kind == "b":
            elements = st.booleans()
        else:
            width = 16 if dt is not None and dt.itemsize == 2 else (32 if dt is not None and dt.itemsize == 4 else 64)
            elements = st.floats(min_value, max_value, allow_nan=False, allow_infinity=False, width=width)
    return hnp.arrays(dtype=dtype, shape=shape, elements=elements)


def constants(dtype: Any = None) -> st.SearchStrategy[Optional[bool]]:
    """Valid ``constant=`` values for ``dtype`` (ints and bools must be constant)."""
    if dtype is not None and np.dtype(dtype).kind != "f":
        return st.sampled_from([None, True])
    return st.sampled_from([None, True, False])


@st.composite
def tensors(
    draw: Any,
    shape: Any = None,
    dtype: Any = np.float64,
    constant: Any = None,
    min_value: float = -10,
    max_value: float = 10,
    elements: Optional[st.SearchStrategy[Any]] = None,
) -> Tensor:
    """Tensors; ``constant`` may be a bool, None (drawn) or a strategy."""
    if isinstance(dtype, st.SearchStrategy):
        dtype = draw(dtype)
    if isinstance(shape, st.SearchStrategy):
        shape = draw(shape)
    arr = draw(arrays(shape=shape, dtype=dtype, elements=elements, min_value=min_value, max_value=max_value))
    if constant is None:
        constant = draw(constants(arr.dtype))
    elif isinstance(constant, st.SearchStrategy):
        constant = draw(constant)
    return tensor(arr, constant=constant)


@st.composite
def views_of(draw: Any, t: Tensor) -> Tensor:
    """A basic-indexing view of ``t`` (a step slice along each axis)."""
    index = []
    for n in t.shape:
        start = draw(st.integers(0, max(n - 1, 0)))
        step = draw(st.integers(1, 2))
        index.append(slice(start, None, step))
    return t[tuple(index)]


Sequence  # noqa: B018
