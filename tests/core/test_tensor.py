"""Tensor members: data, grad, flags, shape attributes, conversions, protocols, repr."""

from __future__ import annotations

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import Tensor, tensor

from ._ops import Multiply


def test_data_is_by_reference_and_asarray_is_data():
    # seed 000 L591-601
    x = tensor([1, 2])
    assert x.data is x._data
    np.testing.assert_array_equal(x.data, [1, 2])
    assert np.asarray(x) is x.data
    assert mgc.asarray(x) is x.data


def test_array_protocol_with_dtype_and_copy():
    x = tensor([1.0, 2.0])
    a = np.asarray(x, dtype=np.float32)
    assert a.dtype == np.float32 and not np.shares_memory(a, x.data)
    c = np.array(x, copy=True)
    assert c is not x.data and np.shares_memory(c, x.data) is False


def test_forward_and_back_propagation_page():
    # seed 000 L530-577; ERRATA: x.grad is 2.0 (the doc's 6.0 is wrong)
    x = Tensor(3.0)
    y = Tensor(2.0)
    loss = 2 * x + y**2
    loss.backward()
    assert x.grad == 2.0 and isinstance(x.grad, np.ndarray) and x.grad.ndim == 0
    assert y.grad == 4.0
    assert loss.grad == 1.0
    2 * x
    assert x.grad is None
    assert y.null_grad() is y
    assert y.grad is None


def test_creator_and_base():
    # seed 000 L1383-1390, L1057-1100
    x = Tensor(3.0)
    assert x.creator is None
    z = x * Tensor(2.0)
    assert isinstance(z.creator, Multiply)
    assert z.creator.variables[0] is x
    a = mgc.arange(5)
    assert a.base is None
    y = a[2:]
    assert y.base is a and y.data.base is a.data
    assert y[:].base is a
    assert np.reshape(2.0, (1,)).base is not None
    assert mgc.reshape(2.0, (1,)).base is None


def test_dtype_ndim_size():
    # seed 000 L1443-1449, L1705-1721, L2020-2023
    x = Tensor([[0, 1], [2, 3]])
    assert x.dtype == np.array([[0, 1]]).dtype
    assert isinstance(x.dtype, np.dtype)
    v = Tensor([1, 2, 3])
    assert v.ndim == 1
    e = v[0]
    assert isinstance(e, Tensor) and e.ndim == 0 and e.item() == 1
    y = Tensor([[1, 2, 3], [4, 5, 6]])
    assert y.ndim == 2 and y[0, 0].item() == 1
    assert mgc.zeros((3, 5, 2)).size == 30
    assert x.itemsize == x.data.itemsize and x.nbytes == x.data.nbytes and x.strides == x.data.strides


def test_shape_setter_inplace():
    # seed 000 L1944-1966
    x = Tensor([1, 2, 3, 4])
    assert x.shape == (4,)
    y = Tensor([[1, 2, 3], [4, 5, 6]])
    assert y.shape == (2, 3)
    y.shape = (1, 6, 1)
    assert y.shape == (1, 6, 1)
    np.testing.assert_array_equal(y.data.ravel(), [1, 2, 3, 4, 5, 6])
    y.shape = 6
    assert y.shape == (6,)
    with pytest.raises(ValueError):
        y.shape = (4,)
    assert y.shape == (6,)


def test_shape_setter_on_tensor_in_graph_keeps_gradient_right():
    x = tensor([1.0, 2.0, 3.0, 4.0])
    y = x * 1.0
    z = y * y  # uses y's old (4,) state
    y.shape = (2, 2)
    assert y.shape == (2, 2)
    w = (y * tensor([[1.0, 2.0], [3.0, 4.0]])).sum() + z.sum()
    w.backward()
    # d/dx [sum(x*x) + sum(x * [1,2,3,4])] = 2x + [1,2,3,4]
    np.testing.assert_allclose(x.grad, 2 * np.array([1.0, 2, 3, 4]) + [1, 2, 3, 4])


def test_shape_setter_on_leaf_used_in_graph():
    x = tensor([1.0, 2.0, 3.0, 4.0])
    z = x * x
    x.shape = (2, 2)
    assert x.shape == (2, 2)
    (z.sum() + (x * 3.0).sum()).backward()
    # issue 11 item 7(e): reshaping in place keeps the values and the links: z's use
    # of x (in its old shape) reaches x too
    assert x.grad.shape == (2, 2)
    np.testing.assert_allclose(x.grad, [[5.0, 7.0], [9.0, 11.0]])
    x2 = tensor([1.0, 2.0, 3.0, 4.0])
    z2 = x2 * x2
    x2.shape = (2, 2)
    z2.sum().backward()
    np.testing.assert_allclose(x2.grad, [[2.0, 4.0], [6.0, 8.0]])


def test_T_and_transpose_forms():
    # seed 000 L2077-2083, L6752-6766
    y = Tensor([[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(y.T, [[1, 4], [2, 5], [3, 6]])
    v = Tensor([1.0, 2.0])
    assert v.T is v
    a = Tensor(np.arange(24.0).reshape(2, 3, 4))
    assert a.transpose().shape == (4, 3, 2)
    assert a.transpose((1, 0, 2)).shape == (3, 2, 4)
    assert a.transpose(1, 0, 2).shape == (3, 2, 4)
    assert a.transpose(None).shape == (4, 3, 2)
    assert a.T.base is a


def test_shape_methods():
    a = tensor(np.arange(6.0))
    assert a.reshape(2, 3).shape == (2, 3)
    assert a.reshape((3, 2)).shape == (3, 2)
    assert a.reshape(-1).shape == (6,)
    with pytest.raises(TypeError):
        a.reshape()
    b = a.reshape(1, 2, 3, 1)
    assert b.squeeze().shape == (2, 3)
    assert b.squeeze(0).shape == (2, 3, 1)
    assert b.swapaxes(1, 2).shape == (1, 3, 2, 1)
    assert b.moveaxis(0, -1).shape == (2, 3, 1, 1)
    assert b.ravel().shape == (6,) and b.ravel().base is a
    f = b.flatten()
    assert f.shape == (6,) and f.base is None and not np.shares_memory(f.data, a.data)
    assert a.repeat(2).shape == (12,)


def test_astype():
    # seed 000 L870-892
    x = mgc.arange(10)
    f = x.astype("float32")
    # an int original's flag was forced by its dtype: the float copy is a variable
    # (ERRATA row "astype(dtype, constant=None)")
    assert f.dtype == np.float32 and not f.constant
    assert not x.astype("float32", constant=False).constant
    np.testing.assert_array_equal(f, np.arange(10))
    i = x.astype(np.int8, constant=True)
    assert i.dtype == np.int8 and i.constant
    y = tensor([1.0, 2.0])
    z = y * 2.0
    c = z.astype(np.float32)
    assert c.creator is None and c.constant is False
    assert y.astype(y.dtype, copy=False) is y
    assert tensor([1.0], constant=True).astype(np.float32).constant
    with pytest.raises(TypeError):
        y.astype(np.int8, casting="safe")


def test_backward_page_examples():
    # seed 000 L961-1013; ERRATA: integer tensors are constants, so use floats
    x = tensor(2.0)
    y = tensor(3.0)
    w = x * y
    loss = 2 * w
    loss.backward()
    assert loss.grad == 1.0 and w.grad == 2.0 and y.grad == 4.0 and x.grad == 6.0
    t = tensor([2.0, 4.0, 8.0])
    (t * t[::-1]).backward()
    np.testing.assert_array_equal(t.grad, [16.0, 8.0, 4.0])
    t = Tensor([2.0, 4.0, 8.0])
    (t * t[::-1]).sum().backward()
    np.testing.assert_array_equal(t.grad, [16.0, 8.0, 4.0])
    x = Tensor(1.0)
    x.backward(2.0)
    assert x.grad == 2.0


def test_int_tensors_get_no_grad_even_in_backward_example():
    # seed 000 L961-979 with the documented int inputs: ints are constants (ERRATA)
    x = mgc.tensor(2)
    y = mgc.tensor(3)
    loss = 2 * (x * y)
    loss.backward()
    assert x.grad is None and y.grad is None and loss.constant


def test_grad_page():
    # seed 000 L1512-1580
    x = Tensor([1.0, 2.0])
    assert x.grad is None
    (x**2).backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0])
    base = Tensor([1.0, 2.0, 3.0])
    view = base[:2]
    (base**2).backward()
    np.testing.assert_array_equal(base.grad, [2.0, 4.0, 6.0])
    np.testing.assert_array_equal(view.grad, [2.0, 4.0])
    assert view.grad.base is base.grad


def test_copy_keeps_grad_and_drops_graph():
    # seed 000 L1318-1328 (with float data; the snippet's names are undefined)
    x = Tensor(3.0)
    y = x * 2
    y.backward()
    yc = y.copy()
    assert yc.item() == 6.0 and yc.grad == 1.0 and yc.creator is None
    assert yc.grad is not y.grad and not np.shares_memory(yc.data, y.data)
    assert y.copy(constant=True).constant
    with pytest.raises(ValueError):
        mgc.tensor([1, 2]).copy(constant=False)


def test_item():
    # seed 000 L1645-1650
    x = Tensor([22.2])
    assert x.item() == 22.2 and type(x.item()) is float
    assert type(Tensor(3).item()) is int
    with pytest.raises(ValueError):
        Tensor([1.0, 2.0]).item()


def test_null_grad_page():
    # seed 000 L1779-1787
    x = Tensor(2.0)
    (x**2).backward()
    assert x.grad == 4.0
    assert x.null_grad() is x
    assert x.grad is None


def test_null_gradients_is_deprecated_and_does_nothing_else():
    # ERRATA: null_gradients emits a FutureWarning and changes nothing else
    x = tensor(2.0)
    y = x * 3.0
    y.backward()
    with pytest.warns(FutureWarning):
        y.null_gradients()
    assert x.grad == 3.0 and y.grad == 1.0


def test_python_protocols():
    x = tensor([1.0, 2.0, 3.0])
    assert len(x) == 3
    items = list(x)
    assert all(isinstance(i, Tensor) for i in items)
    assert [i.item() for i in items] == [1.0, 2.0, 3.0]
    assert 2.0 in x and 5.0 not in x and tensor(1.0) in x
    assert float(tensor(2.5)) == 2.5 and int(tensor(3.7)) == 3
    assert bool(tensor(1.0)) is True and bool(tensor([0.0])) is False
    with pytest.raises(ValueError):
        bool(x)
    with pytest.raises(TypeError):
        len(tensor(1.0))
    assert [10, 20, 30][tensor(2)] == 30
    assert list(range(10))[tensor(1) : tensor(3)] == [1, 2]
    with pytest.raises(TypeError):
        [1, 2][tensor(1.0)]
    assert hash(x) == hash(x) and {x: 1}[x] == 1


def test_iter_gives_differentiable_rows():
    x = tensor([[1.0, 2.0], [3.0, 4.0]])
    rows = list(x)
    (rows[0] * rows[1]).sum().backward()
    np.testing.assert_array_equal(x.grad, [[3.0, 4.0], [1.0, 2.0]])


def test_comparisons_return_ndarrays():
    x = tensor([1.0, 2.0, 3.0])
    y = tensor([3.0, 2.0, 1.0])
    for got, want in [
        (x == y, [False, True, False]),
        (x != y, [True, False, True]),
        (x < y, [True, False, False]),
        (x <= y, [True, True, False]),
        (x > y, [False, False, True]),
        (x >= 2, [False, True, True]),
        (2 < x, [False, False, True]),
    ]:
        assert type(got) is np.ndarray and got.dtype == bool
        np.testing.assert_array_equal(got, want)
    assert x.grad is None and x.creator is None


@pytest.mark.parametrize(
    "data, expected",
    [
        ([1.0, 2.0], "Tensor([1., 2.])"),
        (2.3, "Tensor(2.3)"),
        ([1, 2], "Tensor([1, 2])"),
        (np.array([1, 2], dtype=np.int8), "Tensor([1, 2], dtype=int8)"),
        (np.array([1.0, 2.0], dtype=np.float32), "Tensor([1., 2.], dtype=float32)"),
        ([[1, 2], [3, 4]], "Tensor([[1, 2],\n        [3, 4]])"),
        ([True, False], "Tensor([ True, False])"),
    ],
)
def test_repr(data, expected):
    assert repr(tensor(data)) == expected


def test_repr_multiline_aligned_like_numpy():
    arr = np.arange(24.0).reshape(2, 3, 4)
    r = repr(tensor(arr))
    a = repr(arr)
    lines, np_lines = r.splitlines(), a.splitlines()
    assert lines[0] == "Tensor" + np_lines[0][5:]
    # continuation lines are NumPy's shifted by one column; blank lines stay empty
    for line, np_line in zip(lines[1:], np_lines[1:]):
        assert line == (" " + np_line if np_line else "")
    assert not any(line.endswith(" ") for line in lines)
    # ERRATA: str(tensor) is the same text as repr, as the reference
    assert str(tensor([1.0, 2.0])) == repr(tensor([1.0, 2.0])) == "Tensor([1., 2.])"
    assert repr(tensor(np.ones((2, 2), dtype=np.float32))).endswith("dtype=float32)")


def test_getattr_unknown_method():
    x = tensor([1.0])
    with pytest.raises(AttributeError, match="no_such_method"):
        _ = x.no_such_method
    with pytest.raises(AttributeError):
        _ = x._private_thing
    # a method the core declares but whose plugin is absent names the plugin
    from mygrad_core.registry import provider_of

    with pytest.raises(AttributeError, match="mygrad-math" if provider_of("mean") else "mean"):
        x.mean()
