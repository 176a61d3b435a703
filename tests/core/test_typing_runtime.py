"""``mygrad.typing`` names are runtime classes that hypothesis accepts, while type checkers
see the unions (issue 11, item 10; ERRATA row "`mygrad.typing` names")."""

from __future__ import annotations

import importlib.util
import inspect
import typing

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given

import mygrad_core as mgc
import mygrad_core.typing as mgt

NAMES = ["ArrayLike", "DTypeLike", "DTypeLikeReals", "Index", "Mask", "Real", "Shape"]


@pytest.mark.parametrize("name", NAMES + ["SupportsArray"])
def test_every_name_is_a_class(name):
    # seed 000_7568d7cea38c6584.txt:3979 prints `mygrad.typing._dtype_like.DTypeLikeReals`: a class
    import mygrad.typing

    obj = getattr(mygrad.typing, name)
    assert obj is getattr(mgt, name)
    assert inspect.isclass(obj)


def test_names_are_markers_not_runtime_checks():
    assert not isinstance([1.0], mgt.ArrayLike)
    assert mgt.ArrayLike.__doc__


@pytest.fixture
def registered():
    st.register_type_strategy(mgt.ArrayLike, st.lists(st.floats(-5, 5), min_size=1, max_size=3))
    st.register_type_strategy(mgt.DTypeLikeReals, st.sampled_from(["float32", np.float64, int, bool]))
    st.register_type_strategy(mgt.Shape, st.tuples(st.integers(1, 3), st.integers(1, 3)))
    yield
    from hypothesis.strategies._internal import types

    for t in (mgt.ArrayLike, mgt.DTypeLikeReals, mgt.Shape):
        types._global_type_lookup.pop(t, None)
    st.from_type.__clear_cache()  # type: ignore[attr-defined]


def test_register_type_strategy_accepts_them(registered):
    @given(data=st.from_type(mgt.ArrayLike), dtype=st.from_type(mgt.DTypeLikeReals), shape=st.from_type(mgt.Shape))
    def check(data, dtype, shape):
        t = mgc.tensor(data, dtype=dtype)
        assert t.shape == (len(data),)
        assert mgc.zeros(shape, dtype=dtype).shape == shape

    check()


def test_type_checkers_see_the_unions(monkeypatch):
    # run the module as a type checker reads it (TYPE_CHECKING true)
    monkeypatch.setattr(typing, "TYPE_CHECKING", True)
    spec = importlib.util.spec_from_file_location("_typing_as_checked", mgt.__file__)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert typing.get_origin(mod.ArrayLike) is typing.Union
    assert np.ndarray in typing.get_args(mod.ArrayLike)
    assert mgc.Tensor in typing.get_args(mod.ArrayLike)
    assert typing.get_origin(mod.DTypeLikeReals) is typing.Union
    assert mod.Shape == typing.Tuple[int, ...]
