"""A custom operation and its gradient, with nothing but mygrad-core installed."""

import mygrad as mg
import numpy as np
from mygrad import execute_op
from mygrad.operation_base import Operation


class CustomMultiply(Operation):
    """f(x, y) = x * y"""

    def __call__(self, x, y):
        self.variables = (x, y)
        return x.data * y.data

    def backward_var(self, grad, index, **kwargs):
        x, y = self.variables
        return grad * (y.data if index == 0 else x.data)


def custom_multiply(x, y, constant=None):
    return execute_op(CustomMultiply, x, y, constant=constant)


if __name__ == "__main__":
    x = mg.tensor(2.0)
    y = mg.tensor([1.0, 2.0, 3.0])
    f = custom_multiply(x, y)
    f.backward()
    print("f =", f)
    print("df/dx =", x.grad, " (broadcast reduction done by the engine)")
    print("df/dy =", y.grad)
    assert np.allclose(x.grad, 6.0) and np.allclose(y.grad, [2.0, 2.0, 2.0])
