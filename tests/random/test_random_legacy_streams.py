"""The legacy functions draw exactly NumPy's global-state streams and return tensors."""

import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mygrad_core import Tensor

seeds = st.integers(0, 2**32 - 1)
dims = st.lists(st.integers(0, 4), min_size=0, max_size=3).map(tuple)
UNIFORM = ["random", "random_sample", "ranf", "sample"]


def _check(out, expected, *, constant):
    assert isinstance(out, Tensor)
    expected = np.asarray(expected)
    assert out.shape == expected.shape
    assert out.dtype == expected.dtype
    np.testing.assert_array_equal(out.data, expected)
    assert out.constant is constant


@given(seed=seeds, shape=dims, constant=st.sampled_from([None, True, False]))
@pytest.mark.parametrize("name", ["rand", "randn"])
def test_star_shape_functions_match_numpy(name, seed, shape, constant):
    np.random.seed(seed)
    expected = getattr(np.random, name)(*shape)
    mg.random.seed(seed)
    out = getattr(mg.random, name)(*shape, constant=constant)
    _check(out, expected, constant=bool(constant))


@given(seed=seeds, shape=st.one_of(st.none(), st.integers(0, 5), dims, dims.map(list)))
@pytest.mark.parametrize("name", UNIFORM)
def test_uniform_functions_match_numpy(name, seed, shape):
    np.random.seed(seed)
    expected = np.random.random_sample(shape)
    mg.random.seed(seed)
    out = getattr(mg.random, name)(shape)
    _check(out, expected, constant=False)


@pytest.mark.parametrize("name", UNIFORM)
def test_uniform_functions_keyword_shape_and_constant(name):
    mg.random.seed(3)
    out = getattr(mg.random, name)(shape=(2, 1), constant=True)
    np.random.seed(3)
    _check(out, np.random.random_sample((2, 1)), constant=True)
    with pytest.raises(TypeError):
        getattr(mg.random, name)((2,), True)  # constant is keyword-only


@given(
    seed=seeds,
    low=st.integers(-50, 50),
    span=st.integers(1, 100),
    shape=st.one_of(st.none(), st.integers(0, 5), dims),
    dtype=st.sampled_from([int, np.int8, np.int16, np.int32, np.int64, np.uint8]),
)
def test_randint_matches_numpy(seed, low, span, shape, dtype):
    if np.dtype(dtype).kind == "u":
        low = abs(low)
    high = min(low + span, int(np.iinfo(dtype).max) + 1)
    np.random.seed(seed)
    expected = np.random.randint(low, high, size=shape, dtype=dtype)
    mg.random.seed(seed)
    out = mg.random.randint(low, high, shape=shape, dtype=dtype)
    _check(out, expected, constant=True)


@given(seed=seeds, high=st.integers(1, 1000))
def test_randint_without_high_draws_from_zero_to_low(seed, high):
    np.random.seed(seed)
    expected = np.random.randint(high, size=(7,))
    mg.random.seed(seed)
    out = mg.random.randint(high, shape=(7,))
    _check(out, expected, constant=True)
    assert ((out.data >= 0) & (out.data < high)).all()


def test_randint_array_and_tensor_bounds():
    low = np.array([0, 10, 100])
    high = mg.tensor([5, 20, 200])
    np.random.seed(1)
    expected = np.random.randint(low, high.data)
    mg.random.seed(1)
    out = mg.random.randint(mg.tensor(low), high)
    _check(out, expected, constant=True)
    assert ((out.data >= low) & (out.data < high.data)).all()


def test_randint_bool_dtype():
    np.random.seed(2)
    expected = np.random.randint(2, size=5, dtype=bool)
    mg.random.seed(2)
    _check(mg.random.randint(2, shape=5, dtype=bool), expected, constant=True)


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.rand(),
        lambda m: m.randn(),
        lambda m: m.random(),
        lambda m: m.random_sample(),
        lambda m: m.ranf(),
        lambda m: m.sample(),
        lambda m: m.randint(4, 100),
    ],
)
def test_no_shape_gives_a_0d_tensor(call):
    # ERRATA: random functions with no size return 0-D Tensors (not Python numbers)
    np.random.seed(11)
    expected = call(np.random)
    mg.random.seed(11)
    out = call(mg.random)
    assert isinstance(out, Tensor) and out.ndim == 0
    assert out.item() == expected


def test_results_are_differentiable_leaves():
    x = mg.random.rand(3)
    assert x.creator is None and not x.constant
    x.backward()
    np.testing.assert_array_equal(x.grad, np.ones(3))


def test_streams_interleave_with_numpy():
    """mg.random and np.random share one global state."""
    mg.random.seed(5)
    a = mg.random.rand(2)
    b = np.random.rand(2)
    c = mg.random.randn(2)
    np.random.seed(5)
    np.testing.assert_array_equal(a.data, np.random.rand(2))
    np.testing.assert_array_equal(b, np.random.rand(2))
    np.testing.assert_array_equal(c.data, np.random.randn(2))


def test_seed_accepts_arrays_and_none():
    mg.random.seed([1, 2, 3])
    a = mg.random.rand(3)
    np.random.seed([1, 2, 3])
    np.testing.assert_array_equal(a.data, np.random.rand(3))
    mg.random.seed(mg.tensor(7))
    b = mg.random.rand(2)
    np.random.seed(7)
    np.testing.assert_array_equal(b.data, np.random.rand(2))
    mg.random.seed(None)  # from OS entropy: only check it runs
    mg.random.seed()
