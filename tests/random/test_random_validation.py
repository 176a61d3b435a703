"""Bad arguments raise TypeError/ValueError that name the function and the value."""

import mygrad as mg
import numpy as np
import pytest


@pytest.mark.parametrize("name", ["rand", "randn"])
def test_star_shape_rejects_negative_dims(name):
    with pytest.raises(ValueError, match=rf"mygrad\.random\.{name}.*negative dimension -2"):
        getattr(mg.random, name)(3, -2)


@pytest.mark.parametrize("name", ["rand", "randn"])
@pytest.mark.parametrize("bad", [2.5, "3", None, True])
def test_star_shape_rejects_non_integers(name, bad):
    with pytest.raises(TypeError, match=rf"mygrad\.random\.{name}: shape must hold integers; got .*{bad!r}"):
        getattr(mg.random, name)(2, bad)


@pytest.mark.parametrize("name", ["rand", "randn"])
def test_star_shape_explains_a_tuple(name):
    with pytest.raises(TypeError, match=rf"mygrad\.random\.{name}: pass the dimensions as separate integers, {name}\(2, 3\); got the tuple \(2, 3\)"):
        getattr(mg.random, name)((2, 3))


@pytest.mark.parametrize("name", ["random", "random_sample", "ranf", "sample"])
def test_shape_argument_validation(name):
    fn = getattr(mg.random, name)
    with pytest.raises(ValueError, match=rf"mygrad\.random\.{name}.*negative dimension -1"):
        fn((2, -1))
    with pytest.raises(ValueError, match="negative dimension -3"):
        fn(-3)
    with pytest.raises(TypeError, match=r"shape must hold integers; got 1\.5 \(of type float\)"):
        fn((2, 1.5))
    with pytest.raises(TypeError, match=r"got 'ab' \(of type str\)"):
        fn("ab")


def test_numpy_integers_are_accepted_as_dims():
    assert mg.random.rand(np.int64(2), np.uint8(3)).shape == (2, 3)
    assert mg.random.random(np.array([2, 1])).shape == (2, 1)


def test_randint_errors_name_the_arguments():
    with pytest.raises(ValueError, match=r"mygrad\.random\.randint\(low=5, high=2.*low >= high"):
        mg.random.randint(5, 2)
    with pytest.raises(TypeError, match=r"mygrad\.random\.randint\(.*dtype=<class 'float'>\).*[Uu]nsupported dtype"):
        mg.random.randint(5, dtype=float)
    with pytest.raises(ValueError, match=r"randint.*negative dimension -1"):
        mg.random.randint(5, shape=(-1,))
    with pytest.raises(TypeError, match=r"randint: shape must hold integers; got 2\.0"):
        mg.random.randint(5, shape=(2.0,))


@pytest.mark.parametrize("bad", [-1, 2**32])
def test_seed_out_of_range(bad):
    with pytest.raises(ValueError, match=rf"mygrad\.random\.seed\(seed_number={bad}\)"):
        mg.random.seed(bad)


def test_seed_wrong_type():
    with pytest.raises(TypeError, match=r"mygrad\.random\.seed\(seed_number=2\.5\)"):
        mg.random.seed(2.5)


def test_integer_draws_cannot_be_made_non_constant():
    with pytest.raises(TypeError):
        mg.random.randint(5, constant=False)  # randint takes no constant


def test_constant_keyword_only_for_star_shape():
    x = mg.random.rand(2, constant=True)
    assert x.constant is True
