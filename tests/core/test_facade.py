"""The facade `import mygrad as mg` with no plugin: core names, helpful misses."""

from __future__ import annotations

import numpy as np
import pytest

import mygrad_core as mgc

from ._process import fresh_process_output


def test_core_names_on_facade():
    import mygrad as mg

    for name in ("Tensor", "tensor", "astensor", "asarray", "execute_op", "no_autodiff", "mem_guard_off",
                 "mem_guard_on", "turn_memory_guarding_off", "turn_memory_guarding_on", "mem_guard_active",
                 "reshape", "where", "arange", "ones_like", "concatenate", "stack", "atleast_2d"):
        assert getattr(mg, name) is getattr(mgc, name), name
    assert mg.pi == np.pi and mg.newaxis is None and mg.float32 is np.float32
    from mygrad.indexing_routines import where
    from mygrad.tensor_creation import ones
    from mygrad.tensor_manip import reshape

    assert where is mgc.where and ones is mgc.ones and reshape is mgc.reshape
    from mygrad.typing import ArrayLike  # noqa: F401


def test_missing_namespace_names_its_plugin():
    import mygrad as mg

    with pytest.raises(AttributeError, match="mygrad-nnet"):
        mg.nnet  # noqa: B018
    with pytest.raises(AttributeError, match="mygrad-math"):
        mg.math  # noqa: B018
    # a plain function's provider is known only from an installed manifest
    from mygrad_core.registry import provider_of

    with pytest.raises(AttributeError, match="mygrad-math" if provider_of("cosh") else "cosh"):
        mg.cosh  # noqa: B018
    with pytest.raises(AttributeError, match="no_such_name"):
        mg.no_such_name  # noqa: B018


def test_facade_in_fresh_process_without_plugins():
    code = (
        "import mygrad as mg\n"
        "x = mg.tensor([1.0, 2.0])\n"
        "try:\n    x + x\nexcept TypeError as e:\n    print('mygrad-math' in str(e))\n"
        "try:\n    mg.nnet\nexcept AttributeError as e:\n    print('mygrad-nnet' in str(e))\n"
        "print(mg.reshape(x, (2, 1)).shape)\n"
    )
    out = fresh_process_output(code, MYGRAD_DISABLE_PLUGIN_AUTOLOAD="1")
    assert out.split("\n")[:3] == ["True", "True", "(2, 1)"]
