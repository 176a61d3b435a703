"""The mygrad-io plugin: contributes ``mygrad.save`` and ``mygrad.load``."""

from typing import Any, Dict

from mygrad_core import hookimpl
from mygrad_io.tensor_file import load, save


@hookimpl
def mygrad_functions() -> Dict[str, Any]:
    return {"save": save, "load": load}
