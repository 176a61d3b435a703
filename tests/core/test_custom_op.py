"""Custom operations (seed 000 L2720-2870): Operation + execute_op."""

from __future__ import annotations

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import Operation, SkipGradient, execute_op, tensor
from mygrad_core.testing import assert_grads_match_numerical

from ._ops import sum_


class CustomMultiply(Operation):
    def __call__(self, x, y):
        self.variables = (x, y)
        return x.data * y.data

    def backward_var(self, grad, index, **kwargs):
        x, y = self.variables
        if index == 0:
            return grad * y.data
        return grad * x.data


def custom_multiply(x, y, constant=None):
    return execute_op(CustomMultiply, x, y, constant=constant)


def test_documented_custom_multiply():
    # seed 000 L2758-2841
    x = mgc.tensor(2.0)
    y = mgc.tensor([1.0, 2.0, 3.0])
    custom_multiply(x, y).backward()
    assert x.grad.shape == () and x.grad == 6.0
    np.testing.assert_array_equal(y.grad, [2.0, 2.0, 2.0])


def test_custom_op_grads_and_constants():
    assert_grads_match_numerical(custom_multiply, np.array([[1.0, 2.0]]), np.array([[3.0], [4.0]]))
    x = tensor([1.0, 2.0])
    r = custom_multiply(x, [3.0, 4.0])  # array-likes become constants
    r.backward()
    np.testing.assert_array_equal(x.grad, [3.0, 4.0])
    assert custom_multiply(tensor(1.0, constant=True), 2.0).constant
    assert custom_multiply(x, 2.0, constant=True).constant
    assert not custom_multiply(tensor(1.0, constant=True), 2.0, constant=False).constant
    assert isinstance(custom_multiply(x, x).creator, CustomMultiply)


def test_execute_op_args_kwargs_out():
    class Scale(Operation):
        def __call__(self, x, k, *, offset=0.0):
            self.variables = (x,)
            self.k = k
            return x.data * k + offset

        def backward_var(self, grad, index, **kwargs):
            return grad * self.k

    x = tensor([1.0, 2.0])
    r = execute_op(Scale, x, op_args=(3.0,), op_kwargs={"offset": 1.0})
    np.testing.assert_array_equal(r, [4.0, 7.0])
    out = tensor([0.0, 0.0])
    r2 = execute_op(Scale, x, op_args=(2.0,), out=out)
    assert r2 is out
    sum_(out).backward()
    np.testing.assert_array_equal(x.grad, [2.0, 2.0])
    nd = np.zeros(2)
    r3 = execute_op(Scale, x, op_args=(2.0,), out=nd)
    assert r3.data is nd and r3.creator is not None  # a Tensor over the ndarray, in the graph
    assert mgc.execute_op is execute_op


def test_skip_gradient():
    class FirstOnly(Operation):
        def __call__(self, a, b):
            self.variables = (a, b)
            return a.data + b.data

        def backward_var(self, grad, index, **kwargs):
            if index == 1:
                raise SkipGradient
            return grad

    a, b = tensor([1.0]), tensor([2.0])
    execute_op(FirstOnly, a, b).backward()
    assert a.grad is not None and b.grad is None


def test_backward_override_returning_tuple():
    class Both(Operation):
        def __call__(self, a, b):
            self.variables = (a, b)
            return a.data * b.data

        def backward(self, grad, **kwargs):
            a, b = self.variables
            return grad * b.data, grad * a.data

    a, b = tensor([1.0, 2.0]), tensor(3.0)
    execute_op(Both, a, b).backward()
    np.testing.assert_array_equal(a.grad, [3.0, 3.0])
    assert b.grad == 3.0  # reduced over the broadcast axis by the engine


def test_backward_var_gets_redirected_inputs_after_mutation():
    x = tensor([1.0, 2.0])
    w = tensor([3.0, 4.0])
    r = custom_multiply(w, x)
    x[...] = 100.0
    r.backward()
    np.testing.assert_array_equal(w.grad, [1.0, 2.0])


def test_reduce_broadcast_and_grad_post_process():
    from mygrad_core import reduce_broadcast

    np.testing.assert_array_equal(reduce_broadcast(np.ones((2, 3)), (3,)), [2.0, 2.0, 2.0])
    np.testing.assert_array_equal(reduce_broadcast(np.ones((2, 3)), (2, 1)), [[3.0], [3.0]])
    assert reduce_broadcast(np.ones((2, 3)), ()).shape == ()
    with pytest.raises(mgc.InvalidGradient, match=r"\(4,\)"):
        reduce_broadcast(np.ones((2, 3)), (4,))
    op = CustomMultiply()
    np.testing.assert_array_equal(op.grad_post_process_fn(np.ones((4, 2)), (2,)), [4.0, 4.0])


def test_facade_operation_base_import():
    from mygrad.operation_base import Operation as FacadeOperation

    assert FacadeOperation is Operation


def test_operation_shows_authors_only_the_documented_attributes():
    # the engine's bookkeeping is private; what an Operation subclass sees is the op
    # protocol (seed 000 "Writing Your Own Operations"; docs/architecture.md "Ops")
    from mygrad_core import Operation, UfuncOperation

    documented = {"variables", "backward_var", "backward", "can_return_view", "grad_post_process_fn", "view_fn"}
    assert {a for a in dir(Operation) if not a.startswith("_")} == documented
    ufunc_extras = {"numpy_ufunc", "forward", "where", "where_supported", "operator_shortcut"}
    assert {a for a in dir(UfuncOperation) if not a.startswith("_")} == documented | ufunc_extras
