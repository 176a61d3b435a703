"""mg.sliding_window_view: the documented examples, placements against a naive loop, errors."""

from __future__ import annotations

import itertools

import hypothesis.strategies as st
import mygrad as mg
import mygrad_nnet
import numpy as np
import pytest
from hypothesis import given
from mygrad_nnet.layers.utils import sliding_window_view


def test_paths_are_one_object():
    import mygrad.nnet.layers.utils as utils

    assert mg.sliding_window_view is sliding_window_view
    assert utils.sliding_window_view is sliding_window_view
    assert mg.nnet.layers.utils is mygrad_nnet.layers.utils


def test_documented_example():
    # seed 000_7568d7cea38c6584.txt:25652-25716
    x = np.arange(36).reshape(6, 6)
    y = sliding_window_view(x, step=(2, 2), window_shape=(3, 2))
    assert y.shape == (2, 3, 3, 2)
    np.testing.assert_array_equal(y[0, 0], [[0, 1], [6, 7], [12, 13]])
    np.testing.assert_array_equal(y[1, 0], [[12, 13], [18, 19], [24, 25]])
    np.testing.assert_array_equal(y[0, 1], [[2, 3], [8, 9], [14, 15]])
    # the page's "verify" snippet, with the window's real extent (3, 2)
    for i, j in itertools.product(range(2), range(3)):
        np.testing.assert_array_equal(y[i, j], x[..., i * 2 : i * 2 + 3, j * 2 : j * 2 + 2])


def test_documented_notes_example():
    # seed 000_7568d7cea38c6584.txt:25634-25644: shape-(10, 12, 6), window (3, 3),
    # step (2, 2), dilation (2, 1) gives a (2, 2, 10, 3, 3) view (placement formula
    # as corrected in ERRATA)
    arr = np.arange(10 * 12 * 6).reshape(10, 12, 6)
    out = sliding_window_view(arr, (3, 3), (2, 2), dilation=(2, 1))
    assert out.shape == (4, 2, 10, 3, 3)  # (12 - 2*2 - 1)//2 + 1 = 4, (6 - 2 - 1)//2 + 1 = 2
    np.testing.assert_array_equal(out[0, 0], arr[:, 0:6:2, 0:3])
    np.testing.assert_array_equal(out[3, 1], arr[:, 6:12:2, 2:5])
    arr2 = np.arange(10 * 8 * 6).reshape(10, 8, 6)
    assert sliding_window_view(arr2, (3, 3), (2, 2), dilation=(2, 1)).shape == (2, 2, 10, 3, 3)


def test_read_only_view_of_contiguous_input():
    x = np.arange(12.0).reshape(3, 4)
    y = sliding_window_view(x, (2,), 1)
    assert not y.flags.writeable
    assert np.shares_memory(x, y)
    assert x.flags.writeable  # the input keeps its flags
    with pytest.raises(ValueError):
        y[0, 0, 0] = 1.0


def test_non_contiguous_input_is_copied_first():
    # seed 000_7568d7cea38c6584.txt:25539-25544
    x = np.arange(12.0).reshape(3, 4).T
    y = sliding_window_view(x, (2,), 1)
    assert not np.shares_memory(x, y)
    np.testing.assert_array_equal(y[1], x[:, 1:3])


@st.composite
def window_cases(draw):
    ndim = draw(st.integers(1, 3))
    shape = draw(st.lists(st.integers(1, 6), min_size=ndim, max_size=ndim))
    n = draw(st.integers(1, ndim))
    tail = shape[ndim - n :]
    dilation = [draw(st.integers(1, 3)) for _ in range(n)]
    window = [draw(st.integers(1, max(1, (s - 1) // d + 1))) for s, d in zip(tail, dilation)]
    step = [draw(st.integers(1, 4)) for _ in range(n)]
    return tuple(shape), tuple(window), tuple(step), tuple(dilation)


@given(
    case=window_cases(),
    as_int=st.booleans(),
    dtype=st.sampled_from(["float64", "int32", "float16"]),
)
def test_against_naive_windows(case, as_int, dtype):
    shape, window, step, dilation = case
    arr = np.arange(int(np.prod(shape))).reshape(shape).astype(dtype)
    n = len(window)
    if as_int and len(set(step)) == 1:
        step = step[0]
    out = sliding_window_view(arr, window, step, dilation=dilation)
    steps = (step,) * n if isinstance(step, int) else step
    tail = shape[len(shape) - n :]
    grid = [(x - (w - 1) * d - 1) // s + 1 for x, w, s, d in zip(tail, window, steps, dilation)]
    assert out.shape == tuple(grid) + shape[: len(shape) - n] + window
    assert out.dtype == arr.dtype
    for pos in itertools.product(*map(range, grid)):
        index = tuple(
            slice(i * s, i * s + w * d, d) for i, s, w, d in zip(pos, steps, window, dilation)
        )
        np.testing.assert_array_equal(out[pos], arr[(Ellipsis,) + index])


def test_default_dilation_and_tensor_input():
    x = mg.tensor([0.0, 1.0, 2.0, 3.0])
    np.testing.assert_array_equal(sliding_window_view(x, (3,), 1), [[0, 1, 2], [1, 2, 3]])


@pytest.mark.parametrize(
    "kwargs, exc, words",
    [
        ({"window_shape": (0,), "step": 1}, ValueError, ["window_shape", "(0,)"]),
        ({"window_shape": (2.0,), "step": 1}, TypeError, ["window_shape", "2.0"]),
        ({"window_shape": 2, "step": 1}, TypeError, ["window_shape", "2"]),
        ({"window_shape": (2,), "step": 0}, ValueError, ["step", "0"]),
        ({"window_shape": (2,), "step": (1, 1)}, ValueError, ["step", "(1, 1)"]),
        ({"window_shape": (2,), "step": 1.5}, TypeError, ["step", "1.5"]),
        ({"window_shape": (2,), "step": 1, "dilation": 0}, ValueError, ["dilation", "0"]),
        ({"window_shape": (2,), "step": 1, "dilation": (1, 2)}, ValueError, ["dilation"]),
        ({"window_shape": (6,), "step": 1}, ValueError, ["(6,)", "(5,)"]),
        ({"window_shape": (3,), "step": 1, "dilation": 3}, ValueError, ["dilation", "(7,)"]),
        ({"window_shape": (1, 1, 1), "step": 1}, ValueError, ["window_shape", "(2, 5)"]),
    ],
)
def test_bad_arguments(kwargs, exc, words):
    with pytest.raises(exc) as info:
        sliding_window_view(np.zeros((2, 5)), **kwargs)
    msg = str(info.value)
    assert "sliding_window_view" in msg
    for w in words:
        assert w in msg
