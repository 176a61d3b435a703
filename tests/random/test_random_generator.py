"""default_rng: a NumPy Generator whose draws are tensors."""

import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mygrad_core import Tensor

seeds = st.integers(0, 2**63)
sizes = st.one_of(st.none(), st.integers(0, 5), st.lists(st.integers(0, 3), max_size=3).map(tuple))

CALLS = {
    "random": lambda r, size: r.random(size),
    "random32": lambda r, size: r.random(size, dtype=np.float32),
    "standard_normal": lambda r, size: r.standard_normal(size),
    "standard_normal32": lambda r, size: r.standard_normal(size, dtype=np.float32),
    "normal": lambda r, size: r.normal(1.5, 3.0, size),
    "uniform": lambda r, size: r.uniform(-2.0, 5.0, size=size),
    "integers": lambda r, size: r.integers(-3, 9, size=size),
    "integers_endpoint": lambda r, size: r.integers(9, size=size, dtype=np.int16, endpoint=True),
    "choice_int": lambda r, size: r.choice(7, size=size),
    "choice_p": lambda r, size: r.choice(3, size=size, p=[0.2, 0.3, 0.5]),
}


@given(seed=seeds, size=sizes)
@pytest.mark.parametrize("name", sorted(CALLS))
def test_generator_methods_match_numpy(name, seed, size):
    call = CALLS[name]
    expected = np.asarray(call(np.random.default_rng(seed), size))
    out = call(mg.random.default_rng(seed), size)
    assert isinstance(out, Tensor)
    assert out.shape == expected.shape and out.dtype == expected.dtype
    np.testing.assert_array_equal(out.data, expected)
    assert out.constant is (expected.dtype.kind != "f")


def test_float_draws_take_constant():
    rng = mg.random.default_rng(0)
    assert rng.normal(size=2).constant is False
    assert rng.normal(size=2, constant=True).constant is True
    assert rng.random(constant=True).constant is True
    assert rng.uniform(size=(), constant=False).ndim == 0


def test_tensor_parameters_use_their_data():
    loc = mg.tensor([0.0, 10.0, 100.0])
    out = mg.random.default_rng(3).normal(loc, mg.tensor(0.5))
    np.testing.assert_array_equal(out.data, np.random.default_rng(3).normal(loc.data, 0.5))


@given(seed=seeds, shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple), data=st.data())
def test_choice_of_a_tensor_matches_numpy_and_is_differentiable(seed, shape, data):
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    replace = data.draw(st.booleans())
    n = shape[axis]
    size = data.draw(st.integers(0, n if not replace else 5))
    x = mg.tensor(np.arange(np.prod(shape), dtype=float).reshape(shape))
    expected = np.random.default_rng(seed).choice(x.data, size=size, replace=replace, axis=axis)
    out = mg.random.default_rng(seed).choice(x, size=size, replace=replace, axis=axis)
    np.testing.assert_array_equal(out.data, expected)
    out.backward()
    # each entry's gradient counts how often its slice along `axis` was chosen
    positions = np.random.default_rng(seed).choice(n, size=size, replace=replace)
    counts = np.bincount(positions, minlength=n).astype(float)
    ax = axis % len(shape)
    expected_grad = np.broadcast_to(counts.reshape((n,) + (1,) * (len(shape) - ax - 1)), shape)
    np.testing.assert_array_equal(x.grad, expected_grad)


@given(seed=seeds, shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple), data=st.data())
def test_permutation_of_a_tensor_matches_numpy(seed, shape, data):
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    x = mg.tensor(np.arange(np.prod(shape), dtype=float).reshape(shape))
    expected = np.random.default_rng(seed).permutation(x.data, axis=axis)
    out = mg.random.default_rng(seed).permutation(x, axis=axis)
    np.testing.assert_array_equal(out.data, expected)
    assert out.creator is not None  # stays in x's graph
    out.backward()
    np.testing.assert_array_equal(x.grad, np.ones(shape))


@given(seed=seeds, n=st.integers(0, 20))
def test_permutation_of_an_int_matches_numpy(seed, n):
    out = mg.random.default_rng(seed).permutation(n)
    np.testing.assert_array_equal(out.data, np.random.default_rng(seed).permutation(n))
    assert out.constant


def test_constant_overrides_graph_for_tensor_inputs():
    x = mg.tensor([1.0, 2.0, 3.0])
    out = mg.random.default_rng(0).permutation(x, constant=True)
    assert out.constant and out.creator is None


def test_default_rng_accepts_numpy_seeds_and_generators():
    ss = np.random.SeedSequence(9)
    a = mg.random.default_rng(ss).random(3)
    np.testing.assert_array_equal(a.data, np.random.default_rng(np.random.SeedSequence(9)).random(3))
    g = mg.random.default_rng(np.random.default_rng(4))
    np.testing.assert_array_equal(g.random(2).data, np.random.default_rng(4).random(2))
    assert mg.random.default_rng(g) is g
    assert isinstance(g.numpy_generator, np.random.Generator)
    assert isinstance(g.bit_generator, np.random.BitGenerator)
    assert "Generator(PCG64)" in repr(g)


def test_generator_errors_name_the_call():
    rng = mg.random.default_rng(0)
    with pytest.raises(ValueError, match=r"Generator\.integers\(5, 2.*"):
        rng.integers(5, 2)
    with pytest.raises(ValueError, match=r"Generator\.normal.*negative dimension -1"):
        rng.normal(size=(-1,))
    with pytest.raises(TypeError, match=r"Generator\.random: size must hold integers; got 1\.5"):
        rng.random(1.5)
    with pytest.raises(ValueError, match=r"Generator\.normal\(0\.0, -1\.0"):
        rng.normal(0.0, -1.0)
    with pytest.raises(ValueError, match=r"mygrad\.random\.default_rng\(seed=-1\)"):
        mg.random.default_rng(-1)
    with pytest.raises(ValueError, match="at least one dimension"):
        rng.choice(mg.tensor(1.0))
    with pytest.raises(ValueError, match="axis=2 is out of bounds"):
        rng.permutation(mg.tensor([1.0, 2.0]), axis=2)
    with pytest.raises(TypeError, match="expected a numpy.random.Generator"):
        mg.random.Generator(3)
