"""copy.copy, copy.deepcopy and pickle round trips of tensors."""

from __future__ import annotations

import copy
import pickle

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from mygrad_core import Tensor, tensor
from mygrad_core.testing import strategies as mst

from ._ops import square


@given(t=mst.tensors(dtype=mst.real_dtypes(floats=True, ints=True, bools=True)), with_grad=st.booleans())
def test_pickle_round_trip(t, with_grad):
    if with_grad and not t.constant:
        square(t).backward()
    r = pickle.loads(pickle.dumps(t))
    assert isinstance(r, Tensor)
    np.testing.assert_array_equal(r.data, t.data)
    assert r.dtype == t.dtype and r.constant == t.constant and r.shape == t.shape
    if t.grad is None:
        assert r.grad is None
    else:
        np.testing.assert_array_equal(r.grad, t.grad)
    assert r.creator is None and r.base is None
    if r.dtype.kind == "f" and not r.constant:
        square(r).backward()
        np.testing.assert_allclose(r.grad, 2 * r.data)


def test_pickle_of_graph_member_and_view():
    x = tensor([1.0, 2.0, 3.0])
    v = x[:2]
    y = square(v)
    for t in (x, v, y):
        r = pickle.loads(pickle.dumps(t))
        assert r.creator is None and r.base is None and r.data.flags.writeable
        np.testing.assert_array_equal(r.data, t.data)
    # pickling a locked tensor does not unlock it
    assert not x.data.flags.writeable
    objs = pickle.loads(pickle.dumps([x, x]))
    assert objs[0] is objs[1]


def test_copy_and_deepcopy():
    x = tensor([1.0, 2.0])
    y = square(x)
    y.backward(np.array([1.0, 1.0]))
    for f in (copy.copy, copy.deepcopy):
        c = f(x)
        assert c is not x and c.creator is None
        assert not np.shares_memory(c.data, x.data)
        np.testing.assert_array_equal(c.grad, x.grad)
        assert c.grad is not x.grad
        assert c.constant == x.constant
    c = copy.deepcopy({"a": x, "b": [x]})
    assert c["a"] is c["b"][0]
    z = square(x)
    zc = copy.deepcopy(z)
    assert zc.creator is None and zc.data.flags.writeable and z.creator is not None
    assert copy.copy(tensor([1, 2])).constant
