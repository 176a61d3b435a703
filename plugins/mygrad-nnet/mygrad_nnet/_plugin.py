"""What mygrad-nnet contributes to mygrad (the ``mygrad.plugins`` entry point)."""

from __future__ import annotations

from types import ModuleType
from typing import Dict

import mygrad_nnet
from mygrad_core import hookimpl
from mygrad_nnet.layers import utils as _layer_utils


@hookimpl
def mygrad_namespaces() -> Dict[str, ModuleType]:
    return {"nnet": mygrad_nnet}


@hookimpl
def mygrad_functions() -> Dict[str, object]:
    # the top-level names (mg.sliding_window_view), as MyGrad exposes them
    return {name: getattr(_layer_utils, name) for name in _layer_utils.__all__}
