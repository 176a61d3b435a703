"""The plugin as a plugin: entry point, the names it contributes, signatures, the
``mygrad.math`` namespace, registration into an isolated registry, and that every
public docstring example runs."""

from __future__ import annotations

import doctest
import inspect
from importlib.metadata import entry_points

import mygrad as mg
import mygrad_math
import mygrad_math._plugin as plugin
import numpy as np
import pytest


def test_entry_point_is_declared():
    eps = [ep for ep in entry_points(group="mygrad.plugins") if ep.name == "math"]
    assert len(eps) == 1
    assert eps[0].value == "mygrad_math._plugin"
    assert eps[0].dist.name == "mygrad-math"


# the 51 documented functions of ``mygrad.math`` (API checklist section 7)
DOCUMENTED = (
    "sin cos tan arcsin arccos arctan arctan2 "
    "sinh cosh tanh arcsinh arccosh arctanh "
    "prod sum cumprod cumsum mean var std amax amin max min "
    "exp expm1 exp2 log log10 log2 log1p logaddexp logaddexp2 "
    "add_sequence multiply_sequence sinc "
    "add reciprocal positive negative multiply divide power subtract "
    "clip sqrt cbrt square absolute maximum minimum"
).split()
# the reference's extra surface (ERRATA: "The reference's surface beyond the docs")
EXTRAS = "true_divide abs sec csc cot sech csch coth arcsec arccsc arccot arccoth arccsch".split()
NONDIFFERENTIABLE = (
    "any argmax argmin isnan isfinite isinf isnat signbit logical_not logical_and "
    "logical_or logical_xor floor_divide remainder mod fmod divmod rint sign floor ceil "
    "trunc isclose allclose bincount copyto"
).split()


def test_documented_names():
    assert len(DOCUMENTED) == 51
    for name in DOCUMENTED + EXTRAS + NONDIFFERENTIABLE:
        assert name in mygrad_math.__all__, name
        assert getattr(mg, name) is getattr(mygrad_math, name), name
        assert getattr(mg.math, name) is getattr(mygrad_math, name), name


def test_math_namespace_is_the_package():
    import mygrad.math

    assert mg.math is mygrad_math
    assert mygrad.math is mygrad_math
    from mygrad.math import sin

    assert sin is mg.sin


UFUNC_ARGS = {
    **{
        n: ["x"]
        for n in "sin cos tan arcsin arccos arctan sinh cosh tanh arcsinh arccosh arctanh "
        "reciprocal positive negative sqrt cbrt square absolute".split()
    },
    **{n: ["x1"] for n in "exp expm1 exp2 log log10 log2 log1p".split()},
    **{
        n: ["x1", "x2"]
        for n in "arctan2 logaddexp logaddexp2 add multiply divide power subtract maximum minimum".split()
    },
}


@pytest.mark.parametrize("name", sorted(UFUNC_ARGS))
def test_ufunc_signatures(name):
    sig = inspect.signature(getattr(mg, name))
    params = list(sig.parameters.values())
    nin = len(UFUNC_ARGS[name])
    assert [p.name for p in params[:nin]] == UFUNC_ARGS[name]
    assert params[nin].name == "out" and params[nin].default is None
    kwonly = {p.name: p.default for p in params if p.kind is p.KEYWORD_ONLY}
    assert (
        kwonly.pop("where") is True
        and kwonly.pop("dtype") is None
        and kwonly.pop("constant") is None
    )
    assert kwonly == ({"nan_to_num": True} if name == "absolute" else {})


@pytest.mark.parametrize(
    "name, expected",
    [
        ("prod", "(a, axis=None, keepdims=False, *, dtype=None, constant=None)"),
        ("sum", "(x, axis=None, keepdims=False, *, dtype=None, constant=None)"),
        ("cumprod", "(a, axis=None, *, dtype=None, constant=None)"),
        ("cumsum", "(a, axis=None, *, dtype=None, constant=None)"),
        ("mean", "(x, axis=None, keepdims=False, *, dtype=None, constant=None)"),
        ("var", "(x, axis=None, ddof=0, keepdims=False, *, dtype=None, constant=None)"),
        ("std", "(x, axis=None, ddof=0, keepdims=False, *, dtype=None, constant=None)"),
        ("amax", "(x, axis=None, keepdims=False, *, constant=None)"),
        ("amin", "(x, axis=None, keepdims=False, *, constant=None)"),
        ("max", "(x, axis=None, keepdims=False, *, constant=None)"),
        ("min", "(x, axis=None, keepdims=False, *, constant=None)"),
        ("add_sequence", "(*variables, constant=None)"),
        ("multiply_sequence", "(*variables, constant=None)"),
        ("sinc", "(a, *, constant=None)"),
        ("clip", "(a, a_min, a_max, out=None, *, constant=None)"),
    ],
)
def test_function_signatures(name, expected):
    sig = inspect.signature(getattr(mg, name))
    bare = sig.replace(
        parameters=[p.replace(annotation=p.empty) for p in sig.parameters.values()],
        return_annotation=sig.empty,
    )
    assert str(bare) == expected


def test_registers_into_an_isolated_registry(mygrad_registry):
    from mygrad_core.registry import REGISTRY

    assert "sin" not in REGISTRY.functions and np.sin not in REGISTRY.ufunc_overrides
    info = mygrad_registry(plugin, "math-under-test")
    assert "sin" in REGISTRY.functions and REGISTRY.namespaces["math"] is mygrad_math
    assert REGISTRY.ufunc_overrides[np.sin] is mygrad_math.sin
    assert REGISTRY.function_overrides[np.sum] is not None
    assert REGISTRY.data_ufuncs[np.floor] is True and REGISTRY.data_ufuncs[np.isnan] is False
    assert REGISTRY.tensor_methods["__add__"] is not None
    assert info.contributes
    x = mg.tensor([1.0, 2.0])
    (x * x + mg.sin(x)).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * x.data + np.cos(x.data))


def test_numpy_overrides_cover_the_reference_minimum():
    overrides = plugin.mygrad_numpy_overrides()
    for name in (
        "absolute add arccos arccosh arcsin arcsinh arctan arctan2 arctanh cbrt cos cosh "
        "divide exp exp2 expm1 log log10 log1p log2 logaddexp logaddexp2 maximum minimum "
        "multiply negative positive power reciprocal sin sinh sqrt square subtract tan tanh"
    ).split():
        assert getattr(np, name) in overrides, name
    for (
        name
    ) in "amax amin any argmax argmin clip cumprod cumsum max mean min prod std sum var".split():
        assert getattr(np, name) in overrides, name


def _public_callables():
    for name in mygrad_math.__all__:
        obj = getattr(mygrad_math, name)
        if not (getattr(obj, "__module__", "") or "").startswith("numpy"):  # NumPy's own
            yield name, obj


@pytest.mark.parametrize(
    "name, obj", list(_public_callables()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_docstring_examples_run(name, obj):
    doc = obj.__doc__
    assert doc and "Examples" in doc, f"{name} has no examples"
    test = doctest.DocTestParser().get_doctest(doc, {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    runner.run(test, out=lambda s: None)
    assert runner.failures == 0, f"a docstring example of {name} fails"
