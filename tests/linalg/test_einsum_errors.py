"""``einsum`` called without subscripts, or with a tensor where a sublist belongs, is a
TypeError that says what was expected (issue 11, item 13; it used to recurse without end)."""

from __future__ import annotations

import mygrad as mg
import numpy as np
import pytest


def test_einsum_without_subscripts_is_a_type_error():
    # seed 000_7568d7cea38c6584.txt:8558 (einsum(subscripts, *operands))
    with pytest.raises(TypeError, match=r"einsum: no subscripts.*Tensor"):
        mg.einsum(mg.tensor([1.0, 2.0]))


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(lambda a, b: (a, b), id="tensor-as-sublist"),
        pytest.param(lambda a, b: (a, [0], b, a), id="tensor-as-second-sublist"),
        pytest.param(lambda a, b: (a, [0], b, [0], a), id="tensor-as-output-sublist"),
    ],
)
def test_einsum_with_a_tensor_for_a_sublist_is_a_type_error(args):
    a, b = mg.tensor([1.0, 2.0]), mg.tensor([3.0, 4.0])
    with pytest.raises(TypeError, match=r"einsum: .*sublist.*got Tensor"):
        mg.einsum(*args(a, b))


@pytest.mark.parametrize("sub", [[0], (0,), np.array([0])], ids=["list", "tuple", "ndarray"])
def test_einsum_sublists_of_any_sequence_still_work(sub):
    a = mg.tensor([1.0, 2.0])
    b = mg.tensor([3.0, 4.0])
    out = mg.einsum(a, sub, b, [0])
    assert out.item() == np.einsum(a.data, sub, b.data, [0]) == 11.0
    out.backward()
    np.testing.assert_array_equal(a.grad, b.data)
