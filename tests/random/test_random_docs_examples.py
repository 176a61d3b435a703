"""The documented examples of mygrad.random (seed 000)."""

import mygrad as mg
import numpy as np

from mygrad_core import Tensor


def test_seed_example():
    # seed 000, L29305-29327: seed(0) reproduces NumPy's stream exactly
    from mygrad.random import random, seed

    seed(0)
    first = random((2, 4))
    np.testing.assert_allclose(
        first.data,
        [[0.5488135, 0.71518937, 0.60276338, 0.54488318], [0.4236548, 0.64589411, 0.43758721, 0.891773]],
        rtol=1e-7,
    )
    seed(1)
    np.testing.assert_allclose(
        random((2, 4)).data,
        [
            [4.17022005e-01, 7.20324493e-01, 1.14374817e-04, 3.02332573e-01],
            [1.46755891e-01, 9.23385948e-02, 1.86260211e-01, 3.45560727e-01],
        ],
        rtol=1e-7,
    )
    seed(0)
    np.testing.assert_array_equal(random((2, 4)).data, first.data)


def test_shapes_and_0d_examples():
    # seed 000, L28658-28662 (rand(3,4)), L28842-28862 (randn(3,3,2)), L28948-28951
    # (random((2,4))), L29036-29047 (random_sample((3,2)), random_sample()),
    # L29130-29154 (ranf((2,3,1)), ranf()), L29237-29248 (sample((3,4)), sample())
    from mygrad.random import rand, randn, random, random_sample, ranf, sample

    assert rand(3, 4).shape == (3, 4)
    assert randn(3, 3, 2).shape == (3, 3, 2)
    assert random((2, 4)).shape == (2, 4)
    assert random_sample((3, 2)).shape == (3, 2)
    assert ranf((2, 3, 1)).shape == (2, 3, 1)
    assert sample((3, 4)).shape == (3, 4)
    for fn in (random_sample, ranf, sample):
        out = fn()
        assert isinstance(out, Tensor) and out.shape == () and 0.0 <= out.item() < 1.0
    for t in (rand(3, 4), random((2, 4)), sample((3, 4))):
        assert ((t.data >= 0) & (t.data < 1)).all() and t.dtype == np.float64


def test_randint_examples():
    # seed 000, L28751-28761: the `shape=` keyword, and a scalar draw is a 0-D Tensor
    from mygrad.random import randint

    x = randint(low=1, high=7, shape=(2, 5))
    assert x.shape == (2, 5) and x.constant and x.dtype.kind == "i"
    assert ((x.data >= 1) & (x.data < 7)).all()
    y = randint(low=4, high=100)
    assert isinstance(y, Tensor) and y.ndim == 0 and 4 <= y.item() < 100
    assert "Tensor(" in repr(y)


def test_namespace_is_the_plugin_module():
    import mygrad.random
    import mygrad_random

    assert mg.random is mygrad.random is mygrad_random.random
