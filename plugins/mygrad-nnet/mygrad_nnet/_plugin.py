"""What mygrad-nnet contributes to mygrad (the ``mygrad.plugins`` entry point)."""

from __future__ import annotations

from types import ModuleType
from typing import Dict

import mygrad_nnet
from mygrad_core import hookimpl


@hookimpl
def mygrad_namespaces() -> Dict[str, ModuleType]:
    return {"nnet": mygrad_nnet}
