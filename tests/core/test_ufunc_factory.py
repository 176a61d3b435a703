"""make_ufunc: out=, where=, dtype=, constant=, ufunc attributes and methods (G13)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import UfuncOperation, make_ufunc, tensor
from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing import strategies as mst

from ._ops import add, multiply, power, square, subtract, sum_


def test_ufuncs_are_classes():
    # seed 000 documents them as classes (``class mygrad.multiply``); ERRATA: ufuncs
    import inspect

    assert inspect.isclass(multiply) and issubclass(multiply, mgc.ufunc)
    assert not isinstance(multiply, mgc.ufunc)
    assert multiply.__name__ == "multiply"
    assert repr(multiply) == "<mygrad-ufunc 'multiply'>"
    out = multiply(tensor([1.0, 2.0]), 3.0)
    assert type(out) is mgc.Tensor and out.data.tolist() == [3.0, 6.0]


def test_docstring_gets_the_standard_parameters():
    doc = multiply.__doc__
    assert doc.startswith("test multiply")
    for name in ("x1, x2 : ArrayLike", "out :", "where :", "dtype :", "constant :", "Returns"):
        assert name in doc, name


def test_signature_is_real():
    import inspect

    params = inspect.signature(multiply).parameters
    assert list(params) == ["x1", "x2", "out", "where", "dtype", "constant"]
    assert params["x1"].kind is inspect.Parameter.POSITIONAL_ONLY
    assert params["where"].default is True and params["where"].kind is inspect.Parameter.KEYWORD_ONLY


def test_op_options_are_keyword_only_parameters():
    import inspect

    class Scale(UfuncOperation):
        """Scale by a factor."""

        def forward(self, x, factor=2.0, **kw):
            self.factor = factor
            return np.multiply(x, factor, **kw)

        def backward_var(self, grad, index, **kw):
            return grad * self.factor

    scale = make_ufunc(Scale, name="scale", nin=1)
    assert inspect.signature(scale).parameters["factor"].default == 2.0
    x = tensor([1.0, 2.0])
    scale(x, factor=3.0).backward()
    np.testing.assert_array_equal(x.grad, [3.0, 3.0])


def test_where_can_be_refused_by_the_op():
    class NoWhere(UfuncOperation):
        numpy_ufunc = np.negative
        where_supported = False

        def backward_var(self, grad, index, **kw):
            return -grad

    neg = make_ufunc(NoWhere)
    import inspect

    assert "where" not in inspect.signature(neg).parameters
    with pytest.raises(TypeError, match="where"):
        neg(tensor([1.0]), where=[True])


@pytest.mark.parametrize("f, np_f", [(add, np.add), (multiply, np.multiply), (square, np.square), (power, np.power)])
def test_attributes(f, np_f):
    assert f.nin == np_f.nin and f.nout == 1 and f.nargs == np_f.nin + 1
    assert f.identity == np_f.identity
    assert f.signature is None
    assert f.types and all(set(t) <= set("?bBhHiIlLqQefdg->") for t in f.types)
    assert f.ntypes == len(f.types)
    assert f.resolve_dtypes((np.dtype(np.float32),) * f.nin + (None,)) == np_f.resolve_dtypes(
        (np.dtype(np.float32),) * f.nin + (None,)
    )


@pytest.mark.parametrize("method", ["reduce", "accumulate", "reduceat", "outer", "at"])
def test_unimplemented_methods_name_themselves(method):
    with pytest.raises(NotImplementedError, match=f"multiply.{method}"):
        getattr(multiply, method)(tensor([1.0, 2.0]), tensor([1.0, 2.0]))


def test_numpy_ufunc_methods_on_tensors_raise():
    with pytest.raises(NotImplementedError, match="reduce"):
        np.multiply.reduce(tensor([1.0, 2.0]))


def test_make_ufunc_needs_name_and_nin_without_numpy_ufunc():
    class Op(UfuncOperation):
        def forward(self, x, **kw):
            return np.multiply(x, 3, **kw)

        def backward_var(self, grad, index, **kw):
            return 3 * grad

    with pytest.raises(TypeError, match="name"):
        make_ufunc(Op)
    with pytest.raises(TypeError, match="nin"):
        make_ufunc(Op, name="triple")
    triple = make_ufunc(Op, name="triple", nin=1)
    assert triple.identity is None and triple.types == [] and triple.signature is None
    with pytest.raises(NotImplementedError, match="resolve_dtypes"):
        triple.resolve_dtypes((None, None))
    x = tensor([1.0, 2.0])
    triple(x).backward()
    np.testing.assert_array_equal(x.grad, [3.0, 3.0])


def test_wrong_number_of_inputs():
    with pytest.raises(TypeError, match="multiply"):
        multiply(tensor(1.0))
    with pytest.raises(TypeError, match="multiply"):
        multiply(1.0, 2.0, 3.0, 4.0)


@given(data=st.data(), f=st.sampled_from([add, multiply, subtract, power]))
def test_op_contract(data, f):
    a, b = data.draw(mst.broadcastable_shapes(2, max_dims=2, max_side=3))
    x = data.draw(mst.arrays(shape=a, min_value=0.5, max_value=2))
    y = data.draw(mst.arrays(shape=b, min_value=0.5, max_value=2))
    check_op_contract(f, x, y, ufunc=True)
    assert_grads_match_numerical(f, x, y)


@given(data=st.data(), out_kind=st.sampled_from(["tensor", "ndarray", "positional", "tuple"]))
def test_out_returns_same_object(data, out_kind):
    a, b = data.draw(mst.broadcastable_shapes(2, max_dims=2))
    shape = np.broadcast_shapes(a, b)
    x = data.draw(mst.tensors(shape=a, constant=False))
    y = data.draw(mst.tensors(shape=b))
    target = tensor(np.zeros(shape)) if out_kind != "ndarray" else np.zeros(shape)
    if out_kind == "positional":
        r = multiply(x, y, target)
    elif out_kind == "tuple":
        r = multiply(x, y, out=(target,))
    else:
        r = multiply(x, y, out=target)
    if out_kind == "ndarray":
        # ERRATA row "ufunc with an ndarray out=": a Tensor over it, in the graph
        assert isinstance(r, mgc.Tensor) and r.data is target
    else:
        assert r is target
    np.testing.assert_array_equal(np.asarray(target), x.data * y.data)
    sum_(r).backward()
    expected = mgc.reduce_broadcast(np.broadcast_to(y.data, shape), a)
    np.testing.assert_allclose(x.grad, expected)


@given(data=st.data())
def test_where_with_out_is_differentiable_wrt_old_out(data):
    shape = data.draw(mst.shapes(min_dims=1, max_dims=2, min_side=1))
    mask = data.draw(mst.arrays(shape=shape, dtype=bool))
    xs = data.draw(mst.arrays(shape=shape))
    zs = data.draw(mst.arrays(shape=shape))
    cs = data.draw(mst.arrays(shape=shape))

    def f(x, z):
        out = multiply(z, 1.0)  # the old values of out come from z
        r = square(x, out=out, where=mask)
        assert r is out
        return multiply(out, cs)

    assert_grads_match_numerical(f, xs, zs)
    x, z = tensor(xs), tensor(zs)
    out = multiply(z, 1.0)
    square(x, out=out, where=mask)
    np.testing.assert_array_equal(out.data, np.where(mask, xs**2, zs))
    sum_(out).backward()
    np.testing.assert_array_equal(z.grad, np.where(mask, 0.0, 1.0))
    np.testing.assert_array_equal(x.grad, np.where(mask, 2 * xs, 0.0))


def test_where_without_out_leaves_masked_slots_unset_and_gradless():
    # ERRATA and seed 000 L26532-26533: the masked-out slot is uninitialized
    r = add([1, 2], [0, 2], where=[True, False], dtype=float)
    assert r.dtype == np.float64 and r.shape == (2,)
    assert r[0].item() == 1.0
    x = tensor([1.0, 2.0, 3.0])
    y = square(x, where=np.array([True, False, True]))
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, 6.0])
    with pytest.raises(TypeError, match="bool"):
        square(x, where=[1, 0, 1])


def test_where_out_ndarray_keeps_masked_slots():
    x = tensor([1.0, 2.0, 3.0])
    out = np.full(3, -7.0)
    r = multiply(x, x, where=[True, False, True], out=out)
    assert r.data is out  # a Tensor over the ndarray (ERRATA row "ufunc with an ndarray out=")
    np.testing.assert_array_equal(out, [1.0, -7.0, 9.0])


def test_changelog_where_out_example():
    # seed 000 L67-72
    x = tensor([1.0, 2.0, 3.0])
    y = mgc.zeros_like(x)
    r = np.multiply(x, x, where=[True, False, True], out=y)
    assert r is y
    np.testing.assert_array_equal(y, [1.0, 0.0, 9.0])
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, 6.0])


@given(dtype=st.sampled_from([np.float16, np.float32, np.float64]), constant=st.sampled_from([None, True, False]))
def test_dtype_and_constant(dtype, constant):
    x = tensor([1, 2])  # int: a constant
    r = multiply(x, x, dtype=dtype, constant=constant)
    assert r.dtype == dtype
    assert r.constant is (constant is not False)
    y = tensor([1.0, 2.0], dtype=np.float64)
    r = square(y, dtype=dtype, constant=constant)
    assert r.dtype == dtype and r.constant is bool(constant)
    if not r.constant:
        r.backward()
        assert y.grad.dtype == np.float64
        np.testing.assert_allclose(y.grad, [2.0, 4.0], rtol=1e-3)


def test_out_dtype_casting():
    out = tensor(np.zeros(2, dtype=np.float32))
    multiply(tensor([1.0, 2.0]), 2.0, out=out)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, [2.0, 4.0])
    iout = mgc.zeros(2, dtype=int)
    with pytest.raises(TypeError, match="dtype"):
        multiply(tensor([1.5, 2.0]), 2.0, out=iout)
    np.testing.assert_array_equal(iout, [0, 0])


def test_out_shape_mismatch():
    out = tensor(np.zeros(3))
    with pytest.raises(ValueError):
        multiply(tensor([1.0, 2.0]), 2.0, out=out)
    np.testing.assert_array_equal(out, [0.0, 0.0, 0.0])
    with pytest.raises(TypeError, match="out"):
        multiply(tensor([1.0]), 2.0, out=[0.0])


def test_extra_kwargs_are_forwarded():
    class Scaled(UfuncOperation):
        numpy_ufunc = np.negative

        def __call__(self, x, *, scale=1.0, **kw):
            self.scale = scale
            return super().__call__(x, **kw) * scale

        def backward_var(self, grad, index, **kw):
            return -grad * self.scale

    neg = make_ufunc(Scaled, name="scaled_negative")
    x = tensor([1.0, 2.0])
    r = neg(x, scale=3.0)
    np.testing.assert_array_equal(r, [-3.0, -6.0])
    r.backward()
    np.testing.assert_array_equal(x.grad, [-3.0, -3.0])


def test_weak_python_scalars():
    x = tensor([1.0, 2.0], dtype=np.float32)
    assert multiply(x, 2.0).dtype == np.float32
    assert add(x, 1).dtype == np.float32
    assert multiply(tensor([1, 2], dtype=np.int8), 2).dtype == np.int8
    assert multiply(2.0, 3.0).dtype == np.float64
